/**
 * The editor's model of a guide: an empty template, form values ↔ Guide (trimmed, empty optionals dropped),
 * field paths (server details, diffs) ↔ form names and readable labels, and the checks the schema makes on a
 * material (the material drawer and the table both use them).
 */
import { ApiError } from '../../../api';
import { currentLang, messages } from '../../../i18n';
import type { Guide, Material, TimeLimit } from './adminApi';

export type NamePath = Array<string | number>;

/** The catalogAdmin messages of the current language (for lookups whose keys come from data). */
export const msgs = () => messages().catalogAdmin;

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

// --------------------------------------------------------------------------------------------------------------
// Form values ↔ Guide

/** What the editor starts a new item with: lists that must not be empty get one blank row. */
export function emptyGuide(): Guide {
  return {
    aliases: [],
    serviceObjects: ['person'],
    themes: [],
    lifeEvents: [],
    conditions: '',
    legalBasis: [{ title: '' }],
    legalTimeLimit: { value: 20, unit: 'working_day' },
    promisedTimeLimit: { value: 10, unit: 'working_day' },
    caseKind: 'promised',
    process: [
      { name: '', description: '' },
    ],
    places: [{ name: '', address: '', hours: '' }],
    consultation: { phone: '' },
    complaint: { phone: '' },
    fees: { charged: false, items: [] },
    visits: 1,
    onlineDepth: 1,
    tongbanScope: 'none',
    courier: false,
    jointUnits: [],
    result: { name: '', type: 'license' },
    faq: [],
    materials: [],
  };
}

/** Form values are a guide whose lists always exist (older or imported guides may omit nothing, but be safe). */
export function toFormValues(g: Guide): Guide {
  const c = structuredClone(g);
  c.aliases ??= [];
  c.themes ??= [];
  c.lifeEvents ??= [];
  c.jointUnits ??= [];
  c.faq ??= [];
  c.materials ??= [];
  c.fees ??= { charged: false, items: [] };
  c.fees.items ??= [];
  return c;
}

type Json = unknown;

/** Trims strings and drops empty optional strings and empty objects so the server sees what the schema expects. */
function clean(v: Json): Json {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined || val === null) continue;
      const cv = clean(val);
      if (cv === '') continue;
      out[k] = cv;
    }
    return out;
  }
  return v;
}

const REQUIRED_STRINGS = new Set(['conditions']);

/** The form's values as the Guide to send. Required strings stay (empty) so the server names them. */
export function fromFormValues(values: Guide): Guide {
  const g = clean(values) as Guide;
  for (const k of REQUIRED_STRINGS) if ((g as unknown as Record<string, unknown>)[k] === undefined) (g as unknown as Record<string, unknown>)[k] = '';
  g.aliases = (g.aliases ?? []).filter(Boolean);
  g.jointUnits = (g.jointUnits ?? []).filter(Boolean);
  g.process = (g.process ?? []).map((s) => {
    const step = { ...s };
    const tl = step.timeLimit as Partial<TimeLimit> | undefined;
    if (!tl || tl.value === undefined || tl.value === null) delete step.timeLimit;
    return step;
  });
  if (!g.fees.charged) g.fees.items = [];
  if (g.result.type !== 'license') delete g.result.licenseTypeCode;
  g.materials = (g.materials ?? []).map((m) => {
    const mm = { ...m, substitutes: m.substitutes ?? [] };
    if (mm.necessity === 'required') delete mm.condition;
    return mm;
  });
  return g;
}

// --------------------------------------------------------------------------------------------------------------
// Paths and labels

/** "guide.materials.2.acceptanceStandard", "/guide/materials/2/x", "materials[2].x" → ['materials', 2, 'x'] (without "guide"). */
export function parsePath(path: string): NamePath {
  const parts = path
    .replace(/^\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((p) => p !== '');
  if (parts[0] === 'guide' || parts[0] === 'body') parts.shift();
  if (parts[0] === 'guide') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Which editor tab shows a top-level guide field. */
export const TAB_OF: Record<string, string> = {
  aliases: 'basic',
  serviceObjects: 'basic',
  themes: 'basic',
  lifeEvents: 'basic',
  summary: 'basic',
  conditions: 'conditions',
  legalBasis: 'conditions',
  legalTimeLimit: 'timing',
  promisedTimeLimit: 'timing',
  caseKind: 'timing',
  materials: 'materials',
  process: 'process',
  places: 'places',
  consultation: 'places',
  complaint: 'places',
  fees: 'fees',
  visits: 'delivery',
  onlineDepth: 'delivery',
  onlineUrl: 'delivery',
  tongbanScope: 'delivery',
  courier: 'delivery',
  jointUnits: 'delivery',
  intermediaryServices: 'delivery',
  result: 'result',
  faq: 'faq',
};
export const TABS = ['basic', 'conditions', 'timing', 'materials', 'process', 'places', 'fees', 'delivery', 'result', 'faq'] as const;
export type TabKey = (typeof TABS)[number];

/** Lists whose elements get a numbered name ("材料 3", "第 2 步"). */
const ELEMENT_LABEL: Record<string, keyof ReturnType<typeof msgs>['paths']> = {
  materials: 'material',
  legalBasis: 'legalBasis',
  process: 'step',
  places: 'place',
  faq: 'faq',
  items: 'fee',
  substitutes: 'substitute',
  aliases: 'alias',
  jointUnits: 'jointUnit',
  themes: 'theme',
  lifeEvents: 'lifeEvent',
  serviceObjects: 'serviceObject',
};

function fieldName(key: string, parent: string | null): string {
  const f = msgs().fields as Record<string, string>;
  const scoped = parent ? f[`${parent}.${key}`] : undefined;
  return scoped ?? f[key] ?? key;
}

/** ['materials', 2, 'name'] → "申请材料 · 材料 3 · 名称"; short=true drops the top-level section name for lists. */
export function pathLabel(path: NamePath | string, short = false): string {
  const parts = typeof path === 'string' ? parsePath(path) : path;
  const out: string[] = [];
  let parent: string | null = null;
  let listKey: string | null = null;
  parts.forEach((p, i) => {
    if (typeof p === 'number') {
      const kind = listKey ? ELEMENT_LABEL[listKey] : undefined;
      const tpl = kind ? (msgs().paths[kind] as string) : '#{{n}}';
      if (short && i === 1 && out.length === 1) out.pop();
      out.push(fill(tpl, { n: p + 1 }));
      return;
    }
    out.push(fieldName(p, parent));
    listKey = p;
    parent = p;
  });
  return out.join(' · ');
}

// --------------------------------------------------------------------------------------------------------------
// Server problems

export interface Problem {
  name: NamePath;
  message: string;
}

/** Server field problems as editor problems (paths made form names; reasons translated where known). */
export function serverProblems(err: unknown): Problem[] {
  if (!(err instanceof ApiError)) return [];
  return err.fieldProblems.map((p) => ({ name: parsePath(p.field), message: reasonToText(p.reason) }));
}

/** The server's English reasons (schema checks and the guide rules of catalog.guide.ts) in the UI language. */
export function reasonToText(reason: string): string {
  if (currentLang() === 'en') return reason;
  const r = msgs().reasons as Record<string, string>;
  if (r[reason]) return r[reason];
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^must be at most (\d+) characters$/, (m) => fill(r.maxChars, { n: m[1] })],
    [/^must be at least (\d+) characters$/, (m) => fill(r.minChars, { n: m[1] })],
    [/^must have at most (\d+) items$/, (m) => fill(r.maxItems, { n: m[1] })],
    [/^must have at least (\d+) items$/, (m) => fill(r.minItems, { n: m[1] })],
    [/^must be ≤ (\d+)$/, (m) => fill(r.max, { n: m[1] })],
    [/^must be ≥ (\d+)$/, (m) => fill(r.min, { n: m[1] })],
    [/^must be one of: /, () => r.enum],
    [/^must be of type /, () => r.pattern],
    [/^must be a valid email$/, () => r.email],
    [/^unknown field /, () => r.unknownField],
    [/^the promised limit cannot be longer than the legal limit \((\d+)\)$/, (m) => fill(r.promisedOverLegal, { n: m[1] })],
    [/^theme (\w+) is for (citizens|enterprises)/, (m) => fill(r.themeObject, { obj: msgs().enums.serviceObject[m[2] === 'citizens' ? 'person' : 'enterprise'] })],
    [/^the key "(.+)" is already used by material (\d+)$/, (m) => fill(r.keyTaken, { key: m[1], n: m[2] })],
    [/^appears twice in the file \(first in row (\d+)\)$/, (m) => fill(r.appearsTwice, { n: m[1] })],
    [/^the same department implements the same item in row (\d+) already$/, (m) => fill(r.sameItemTwice, { n: m[1] })],
    [/^does not match the department and basic code \(expected (\w+)\)$/, (m) => fill(r.implCodeMismatch, { code: m[1] })],
    [/^must start with its parent's code (\d+)$/, (m) => fill(r.parentPrefix, { code: m[1] })],
    [/^must share the first 9 digits with its main item (\d+)$/, (m) => fill(r.mainPrefix, { code: m[1] })],
    [/^basic item (\d+) already exists under /, (m) => fill(r.hierarchyFixed, { code: m[1] })],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(reason);
    if (m) return f(m);
  }
  return fill(r.other, { reason });
}

// --------------------------------------------------------------------------------------------------------------
// Materials

export const MATERIAL_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Common material words → stable English keys (a new material's key is suggested from its name). */
const KEY_WORDS: Array<[RegExp, string]> = [
  [/营业执照/, 'business_license'],
  [/法定代表人.*身份/, 'legal_rep_id'],
  [/经办人.*身份|代理人.*身份/, 'agent_id'],
  [/身份证|身份证明/, 'id_card'],
  [/户口簿|户口本/, 'hukou_booklet'],
  [/结婚证/, 'marriage_certificate'],
  [/出生医学证明/, 'birth_certificate'],
  [/授权委托书|委托书/, 'power_of_attorney'],
  [/申请表|申请书/, 'application_form'],
  [/承诺书/, 'commitment_letter'],
  [/章程/, 'articles_of_association'],
  [/租赁合同|租房合同/, 'lease_contract'],
  [/产权证明|不动产权证|房产证/, 'property_certificate'],
  [/住所.*证明|场所.*证明|经营场所/, 'premises_proof'],
  [/平面图|布局图/, 'floor_plan'],
  [/设备.*清单|设施.*清单/, 'equipment_list'],
  [/健康证明|健康证/, 'health_certificate'],
  [/食品安全.*制度|管理制度/, 'management_rules'],
  [/照片|相片/, 'photo'],
  [/学历|毕业证/, 'diploma'],
  [/劳动合同/, 'labor_contract'],
  [/死亡.*证明/, 'death_certificate'],
  [/医疗.*发票|发票/, 'invoice'],
  [/银行.*账户|银行卡/, 'bank_account'],
  [/检测报告|检验报告/, 'test_report'],
  [/许可证/, 'license'],
  [/证明/, 'certificate'],
];

export function suggestKey(name: string, taken: string[]): string {
  const base = KEY_WORDS.find(([re]) => re.test(name))?.[1] ?? (/^[a-z]/i.test(name.trim()) ? name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36) : 'material');
  const safe = MATERIAL_KEY_PATTERN.test(base) ? base : 'material';
  if (!taken.includes(safe) && safe !== 'material') return safe;
  for (let i = 2; i < 100; i++) {
    const k = `${safe}_${i}`;
    if (!taken.includes(k)) return k;
  }
  return `${safe}_${Date.now() % 1000}`;
}

export function emptyMaterial(): Material {
  return { key: '', name: '', necessity: 'required', form: 'original_or_electronic', copies: 1, sourceChannel: 'applicant', substitutes: [], acceptanceStandard: '' };
}

/** The schema's checks on one material (and: unique key, condition when conditional). */
export function materialProblems(m: Material, index: number, all: Material[]): Problem[] {
  const v = msgs().validation;
  const out: Problem[] = [];
  const at = (field: NamePath, message: string) => out.push({ name: ['materials', index, ...field], message });
  const text = (field: keyof Material, max: number, required: boolean) => {
    const s = ((m[field] as string | undefined) ?? '').trim();
    if (!s) {
      if (required) at([field], fill(v.required, { field: fieldName(field, 'material') }));
    } else if (s.length > max) at([field], fill(v.maxLength, { max }));
  };
  if (!m.key) at(['key'], fill(v.required, { field: fieldName('key', 'material') }));
  else if (!MATERIAL_KEY_PATTERN.test(m.key)) at(['key'], v.materialKey);
  else if (all.some((o, j) => j !== index && o.key === m.key)) at(['key'], v.materialKeyTaken);
  text('name', 120, true);
  if (m.necessity === 'conditional') text('condition', 300, true);
  else text('condition', 300, false);
  if (m.copies === undefined || m.copies === null || m.copies < 0 || m.copies > 20) at(['copies'], fill(v.range, { min: 0, max: 20 }));
  text('issuedBy', 100, false);
  if (m.sourceChannel === 'government' && !m.issuedBy?.trim() && !(m.substitutes ?? []).length) at(['issuedBy'], v.issuedByRequired);
  text('acceptanceStandard', 500, true);
  text('basis', 300, false);
  text('notes', 500, false);
  (m.substitutes ?? []).forEach((s, j) => {
    if (!s.code?.trim()) at(['substitutes', j, 'code'], fill(v.required, { field: fieldName('code', 'substitutes') }));
    if (!s.name?.trim()) at(['substitutes', j, 'name'], fill(v.required, { field: fieldName('name', 'substitutes') }));
  });
  if ((m.substitutes ?? []).length > 5) at(['substitutes'], fill(v.maxItems, { max: 5 }));
  return out;
}

export function allMaterialProblems(ms: Material[]): Problem[] {
  return ms.flatMap((m, i) => materialProblems(m, i, ms));
}

/** The unit-normalised days of a time limit, for comparing legal and promised limits (a working week is 5 of 7 days). */
export function approxDays(tl: Partial<TimeLimit> | undefined): number | null {
  if (!tl || typeof tl.value !== 'number' || !tl.unit) return null;
  return tl.unit === 'working_day' ? tl.value * 1.4 : tl.value;
}

export const fmtSize = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);

/** "20 工作日" */
export function fmtTimeLimit(tl: Partial<TimeLimit> | null | undefined): string {
  if (!tl || tl.value === undefined || tl.value === null) return '—';
  const u = tl.unit ? (msgs().enums.unit as Record<string, string>)[tl.unit] : '';
  return `${tl.value} ${u}`;
}

export { fill };
