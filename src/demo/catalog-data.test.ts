import { describe, expect, it } from 'vitest';
import { compileStrict } from '../platform/http/validation.js';
import { isValidUscc } from '../platform/codes.js';
import { CATALOG_FORMAT, FileBasicItem, FileItem, Guide, type FileBasicItem as BasicRow, type FileItem as ItemRow, type Guide as GuideValue } from '../modules/catalog/catalog.schemas.js';
import { guideProblems } from '../modules/catalog/catalog.guide.js';
import { basicCodeProblem, levelFor, type BasicLevel } from '../modules/catalog/catalog.codes.js';
import { RELEVANCE_CASES } from '../modules/catalog/catalog.relevance.js';
import { buildDemoCatalog } from './catalog-data.js';
import { demoDepartments, demoRegions, type DemoDepartment } from './province-data.js';

const catalog = buildDemoCatalog();
const checkBasic = compileStrict<BasicRow>(FileBasicItem);
const checkItem = compileStrict<ItemRow>(FileItem);
const checkGuide = compileStrict<GuideValue>(Guide);

const deptByUscc = new Map(demoDepartments.map((d) => [d.uscc, d]));
const basicByCode = new Map(catalog.basicItems.map((b) => [b.code, b]));
const published = catalog.items.filter((i) => (i.status ?? 'published') === 'published');

/** Which department kinds may implement an item, by competent-department code (first 6 digits). */
const KINDS_BY_PREFIX: Record<string, string[]> = {
  '000109': ['public_security'],
  '000110': ['civil_affairs'],
  '000114': ['natural_resources'],
  '000115': ['hrss'],
  '000121': ['health'],
  '000123': ['housing_construction', 'housing_fund'],
  '000124': ['transport'],
  '000125': ['fire_rescue'],
  '000131': ['market_regulation'],
  '000133': ['tax'],
  '000162': ['medical_insurance'],
};
/** 000123 covers 住建 and 公积金: the housing-fund main items only by a fund centre, the others only by 住建. */
const FUND_MAINS = ['000123020', '000123021'];
function allowedKinds(basicCode: string): string[] {
  const prefix = basicCode.slice(0, 6);
  if (prefix === '000123') return FUND_MAINS.includes(basicCode.slice(0, 9)) ? ['housing_fund'] : ['housing_construction'];
  return KINDS_BY_PREFIX[prefix] ?? [];
}
/** The competent department's kind; the demo has no provincial natural-resources or transport department, 住建厅 stands in. */
const COMPETENT_KIND: Record<string, string> = {
  '000109': 'public_security', '000110': 'civil_affairs', '000114': 'housing_construction', '000115': 'hrss', '000121': 'health',
  '000123': 'housing_construction', '000124': 'housing_construction', '000125': 'fire_rescue', '000131': 'market_regulation',
  '000133': 'tax', '000162': 'medical_insurance',
};

/** The services the catalogue must offer (the brief's list), by the name they have in the demo catalogue. */
const REQUIRED = [
  '企业设立登记', '企业变更登记', '企业注销登记', '个体工商户设立登记', '食品经营许可（新办）', '食品经营许可（变更）', '食品经营许可（延续）',
  '公众聚集场所投入使用、营业前消防安全检查', '建设工程消防验收', '出生医学证明首次签发', '出生登记', '户口迁移', '居住证办理',
  '居民身份证首次申领', '居民身份证换领、补领', '城乡居民基本医疗保险参保登记', '基本医疗保险关系转移接续', '异地就医备案', '生育津贴支付',
  '社会保障卡申领', '社会保障卡挂失与补领', '失业保险金申领', '灵活就业人员参保登记', '职工基本养老保险退休待遇申领',
  '购房提取住房公积金', '租房提取住房公积金', '退休提取住房公积金', '住房公积金单位缴存登记', '高龄津贴申领', '最低生活保障审核确认',
  '内地居民结婚登记', '居民死亡医学证明（推断）书签发', '死亡注销户口', '残疾人两项补贴申领', '公章刻制备案', '税务登记信息确认', '发票领用',
  '新办纳税人套餐式服务', '单位职工参保登记', '国有建设用地使用权及房屋所有权转移登记', '商品房预售许可', '药品零售经营许可',
  '道路货物运输经营许可', '就业创业证申领', '职业技能等级认定', '公共租赁住房申请', '出租房屋登记备案',
];

const levelOf = (b: BasicRow): BasicLevel => (b.code.length === 14 ? 'handling' : b.parentCode ? 'sub' : 'main');
const itemLabel = (i: ItemRow) => `${basicByCode.get(i.basicCode)?.name ?? i.basicCode} @ ${deptByUscc.get(i.department)?.key ?? i.department}`;

describe('demo catalogue: file format and schemas', () => {
  it('is a tongban.catalog/1 file and deterministic', () => {
    expect(catalog.format).toBe(CATALOG_FORMAT);
    expect(JSON.stringify(buildDemoCatalog())).toBe(JSON.stringify(catalog));
  });

  it('every basic item passes the FileBasicItem schema', () => {
    const bad = catalog.basicItems.flatMap((b) => {
      const r = checkBasic(b);
      return r.ok ? [] : [`${b.code}: ${JSON.stringify(r.details)}`];
    });
    expect(bad).toEqual([]);
  });

  it('every item passes the FileItem and Guide schemas and the guide rules', () => {
    const bad = catalog.items.flatMap((i) => {
      const out: string[] = [];
      const r = checkItem(i);
      if (!r.ok) out.push(`${itemLabel(i)}: ${JSON.stringify(r.details)}`);
      const g = checkGuide(i.guide);
      if (!g.ok) out.push(`${itemLabel(i)} guide: ${JSON.stringify(g.details)}`);
      for (const p of guideProblems(i.guide)) out.push(`${itemLabel(i)}: ${p.field} ${p.reason}`);
      return out;
    });
    expect(bad).toEqual([]);
  });

  it('leaves implementation codes to the server', () => {
    expect(catalog.items.filter((i) => i.implementationCode !== undefined)).toEqual([]);
  });
});

describe('demo catalogue: basic codes', () => {
  it('codes are unique', () => {
    expect(new Set(catalog.basicItems.map((b) => b.code)).size).toBe(catalog.basicItems.length);
  });

  it('follows the main / sub / handling structure, parents first and present', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const b of catalog.basicItems) {
      const level = levelOf(b);
      const parent = b.parentCode ? basicByCode.get(b.parentCode) : undefined;
      if (b.parentCode && !parent) problems.push(`${b.code}: parent ${b.parentCode} missing`);
      if (b.parentCode && !seen.has(b.parentCode)) problems.push(`${b.code}: parent listed after the child`);
      seen.add(b.code);
      if (level === 'main') {
        if (!/^[0-9]{9}000$/.test(b.code)) problems.push(`${b.code}: a main item is 12 digits ending in 000`);
      } else if (level === 'sub') {
        if (!parent || levelOf(parent) !== 'main') problems.push(`${b.code}: a sub-item's parent is a main item`);
        if (!/^[0-9]{12}$/.test(b.code) || b.code.endsWith('000')) problems.push(`${b.code}: a sub-item is 12 digits not ending in 000`);
        if (b.code.slice(0, 9) !== b.parentCode!.slice(0, 9)) problems.push(`${b.code}: shares the first 9 digits with its main item`);
      } else {
        if (!parent || levelOf(parent) === 'handling') problems.push(`${b.code}: a handling item's parent is a main or sub item`);
        if (b.code.slice(0, 12) !== b.parentCode || !/^(0[1-9]|[1-9][0-9])$/.test(b.code.slice(12))) problems.push(`${b.code}: parent's code + 01–99`);
      }
      // The same structure as the importer derives it.
      const importerLevel = b.parentCode ? levelFor(b.code, levelOf(parent ?? b)) : 'main';
      const p = importerLevel ? basicCodeProblem(b.code, importerLevel, b.parentCode ?? null) : 'too deep';
      if (p) problems.push(`${b.code}: importer would say ${p}`);
      if (parent && parent.itemType !== b.itemType) problems.push(`${b.code}: item type ${b.itemType} differs from its parent's ${parent.itemType}`);
    }
    expect(problems).toEqual([]);
  });

  it('names the matching province-level competent department by USCC', () => {
    const problems: string[] = [];
    for (const b of catalog.basicItems) {
      const d = deptByUscc.get(b.competentDepartment);
      if (!isValidUscc(b.competentDepartment)) problems.push(`${b.code}: invalid USCC`);
      if (!d) problems.push(`${b.code}: no department ${b.competentDepartment}`);
      else {
        if (d.level !== 'province') problems.push(`${b.code}: competent department ${d.key} is not province-level`);
        if (d.kind !== COMPETENT_KIND[b.code.slice(0, 6)]) problems.push(`${b.code}: competent department ${d.key} (${d.kind}) does not fit code ${b.code.slice(0, 6)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the handling items 设立/变更/注销 under 企业登记 and 新办/变更/延续 under 食品经营许可', () => {
    const childrenOf = (name: string) => {
      const p = catalog.basicItems.find((b) => b.name === name)!;
      return catalog.basicItems.filter((b) => b.parentCode === p.code && b.code.length === 14).map((b) => b.name);
    };
    expect(childrenOf('企业登记')).toEqual(['企业设立登记', '企业变更登记', '企业注销登记']);
    expect(childrenOf('食品经营许可证核发')).toEqual(expect.arrayContaining(['食品经营许可（新办）', '食品经营许可（变更）', '食品经营许可（延续）']));
  });
});

describe('demo catalogue: items', () => {
  it('implements existing basic items by existing departments whose kind fits, each department once per item', () => {
    const problems: string[] = [];
    const pairs = new Set<string>();
    for (const i of catalog.items) {
      const d: DemoDepartment | undefined = deptByUscc.get(i.department);
      if (!basicByCode.has(i.basicCode)) problems.push(`${i.basicCode}: unknown basic item`);
      if (!d) {
        problems.push(`${i.basicCode}: unknown department ${i.department}`);
        continue;
      }
      if (!allowedKinds(i.basicCode).includes(d.kind)) problems.push(`${itemLabel(i)}: a ${d.kind} department cannot implement ${i.basicCode}`);
      const pair = `${i.department}/${i.basicCode}`;
      if (pairs.has(pair)) problems.push(`${itemLabel(i)}: implemented twice by the same department`);
      pairs.add(pair);
    }
    expect(problems).toEqual([]);
  });

  it('has at least 45 items, 2 of them drafts', () => {
    expect(catalog.items.length).toBeGreaterThanOrEqual(45);
    expect(catalog.items.filter((i) => i.status === 'draft')).toHaveLength(2);
  });

  it('has at least 6 basic items implemented (published) by 2–4 departments each', () => {
    const counts = new Map<string, number>();
    for (const i of published) counts.set(i.basicCode, (counts.get(i.basicCode) ?? 0) + 1);
    const multi = [...counts.values()].filter((n) => n >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
  });

  it('offers every required service, published somewhere', () => {
    const missing = REQUIRED.filter((name) => {
      const b = catalog.basicItems.find((x) => x.name === name);
      return !b || !published.some((i) => i.basicCode === b.code);
    });
    expect(missing).toEqual([]);
  });

  it('keeps the promised limit within the legal limit when both use the same unit', () => {
    const bad = catalog.items.filter((i) => i.guide.promisedTimeLimit.unit === i.guide.legalTimeLimit.unit && i.guide.promisedTimeLimit.value > i.guide.legalTimeLimit.value);
    expect(bad.map(itemLabel)).toEqual([]);
  });

  it('uses unique material keys within each guide, and 3–8 materials', () => {
    const bad = catalog.items.filter((i) => {
      const keys = i.guide.materials.map((m) => m.key);
      return new Set(keys).size !== keys.length || keys.length < 3 || keys.length > 8;
    });
    expect(bad.map(itemLabel)).toEqual([]);
  });

  it('fills the guide the way the brief asks', () => {
    const problems: string[] = [];
    for (const i of catalog.items) {
      const g = i.guide;
      const d = deptByUscc.get(i.department)!;
      const at = itemLabel(i);
      if (g.aliases.length < 3) problems.push(`${at}: few aliases`);
      if (new Set(g.aliases).size !== g.aliases.length) problems.push(`${at}: duplicate aliases`);
      if (g.conditions.length < 60) problems.push(`${at}: conditions too short`);
      if (!g.legalBasis.every((l) => l.title.includes('《'))) problems.push(`${at}: a legal basis names no law`);
      if (g.process.length < 3 || g.process.length > 6) problems.push(`${at}: ${g.process.length} process steps`);
      if (g.faq.length < 3 || g.faq.length > 5) problems.push(`${at}: ${g.faq.length} FAQ entries`);
      if (g.onlineDepth < 3) problems.push(`${at}: online depth ${g.onlineDepth}`);
      if (g.visits > 1) problems.push(`${at}: ${g.visits} visits`);
      if (g.consultation.phone !== d.phone) problems.push(`${at}: consultation phone is not the department's`);
      if (g.complaint.phone !== '12345') problems.push(`${at}: complaint line is not 12345`);
      if (!g.places.some((p) => p.phone === d.phone && p.hours.length > 0)) problems.push(`${at}: no place staffed by the department`);
      if (!g.places.every((p) => p.address.startsWith('云澜省'))) problems.push(`${at}: a place outside the demo province`);
      if (!g.summary) problems.push(`${at}: no summary`);
      if (g.serviceObjects.length === 0 || g.themes.length === 0) problems.push(`${at}: no service object or theme`);
      if (g.materials.some((m) => m.acceptanceStandard.length < 8)) problems.push(`${at}: a material without a real acceptance standard`);
      // Government-issued identity documents can be replaced by the e-licence.
      for (const m of g.materials) {
        if (/居民身份证$/.test(m.name) && !m.substitutes.some((s) => s.kind === 'license' && s.name === '居民身份证')) problems.push(`${at}: ${m.key} lacks the e-ID substitute`);
        if (m.name === '营业执照' && !m.substitutes.some((s) => s.name === '营业执照')) problems.push(`${at}: ${m.key} lacks the business-licence substitute`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('places items at departments of the right level: fund, real estate, transport, 住建 and 消防 in cities', () => {
    const cityOnly = ['housing_fund', 'natural_resources', 'transport', 'housing_construction', 'fire_rescue'];
    const bad = catalog.items.filter((i) => {
      const d = deptByUscc.get(i.department)!;
      return cityOnly.includes(d.kind) && d.level !== 'city';
    });
    expect(bad.map(itemLabel)).toEqual([]);
  });

  it('uses the same material, at least some deferrable (容缺) and conditional ones across the catalogue', () => {
    const all = catalog.items.flatMap((i) => i.guide.materials);
    expect(all.filter((m) => m.necessity === 'deferrable').length).toBeGreaterThanOrEqual(3);
    expect(all.filter((m) => m.necessity === 'conditional').every((m) => !!m.condition)).toBe(true);
    expect(all.some((m) => m.substitutes.some((s) => s.kind === 'shared_data' && s.code === 'population.hukou'))).toBe(true);
    expect(catalog.items.filter((i) => i.guide.fees.charged).length).toBeGreaterThanOrEqual(2);
    expect(catalog.items.filter((i) => i.guide.caseKind === 'instant').length).toBeGreaterThanOrEqual(10);
  });
});

describe('search relevance cases', () => {
  const regionCodes = new Set(demoRegions.map((r) => r.code));
  /** Regions an item in `region` is visible from: the region itself and its ancestors. */
  const visibleRegions = (region: string): Set<string> => {
    const out = new Set<string>();
    for (let r = demoRegions.find((x) => x.code === region); r; r = demoRegions.find((x) => x.code === r!.parentCode)) out.add(r.code);
    return out;
  };
  const matches = (e: string, name: string, code: string) => name === e || code === e || name.includes(e);

  it('has at least 60 cases', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('expects only items the demo catalogue publishes, by departments that serve the region', () => {
    const problems: string[] = [];
    for (const c of RELEVANCE_CASES) {
      if (c.region && !regionCodes.has(c.region)) problems.push(`${c.query}: unknown region ${c.region}`);
      const candidates = published.filter((i) => {
        const b = basicByCode.get(i.basicCode)!;
        const d = deptByUscc.get(i.department)!;
        if (!c.expect.some((e) => matches(e, b.name, b.code))) return false;
        if (c.object && !i.guide.serviceObjects.includes(c.object)) return false;
        if (c.region && !visibleRegions(c.region).has(d.regionCode)) return false;
        return !c.expectDepartment || d.name === c.expectDepartment;
      });
      if (candidates.length === 0) problems.push(`${c.query}${c.region ? ` @${c.region}` : ''}: no published item can satisfy it`);
      for (const e of c.expect) {
        if (!catalog.basicItems.some((b) => matches(e, b.name, b.code))) problems.push(`${c.query}: expects unknown ${e}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pairs region-scoped queries: the same words in another region expect another department', () => {
    const scoped = RELEVANCE_CASES.filter((c) => c.region && c.expectDepartment);
    expect(scoped.length).toBeGreaterThanOrEqual(10);
    const byQuery = new Map<string, Set<string>>();
    for (const c of scoped) byQuery.set(c.query, (byQuery.get(c.query) ?? new Set()).add(c.expectDepartment!));
    expect([...byQuery.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(4);
  });
});
