import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { Tx } from '../../../platform/db/database.js';
import { AppError, conflict, invalid } from '../../../platform/errors.js';
import { getPublishedItemCached, LICENCE_FIELD_PLACEHOLDER, type Guide, type Material } from '../../catalog/index.js';
import { findUsableLicences, issueLicenceForCase, licenceStatusNow, verifyHeldLicenceForMaterial, type HolderQuery, type LicenceSummary, type MaterialCheck } from '../../licenses/index.js';
import type { MaterialAnswer } from '../applications.schemas.js';
import type { CasesTable } from '../applications.tables.js';

/*
 * Electronic licences in applications: a material a licence type may replace (免提交) is answered with a licence the
 * applicant holds, checked when the case is filed; an approval whose item's result is a licence issues it.
 */

/** The licence types that may stand in for a material (its substitutes of kind `license`). */
export const licenceTypesOf = (m: Pick<Material, 'substitutes'>): string[] => m.substitutes.filter((s) => s.kind === 'license').map((s) => s.code);

/** Whose licences count for this filing: the citizen's, or the enterprise's while acting for it. */
export function applicantHolder(actor: Actor): HolderQuery {
  return actor.onBehalfOf ? { kind: 'enterprise', uscc: actor.onBehalfOf.uscc } : { kind: 'person', idNumber: actor.idNumber ?? '' };
}

/** What a frozen licence answer records: the licence as checked at filing, and the check. */
export interface FrozenLicence {
  licenceId: string;
  typeCode: string;
  typeName: string;
  number: string;
  issuer: { departmentId: string; name: string; code: string };
  holderName: string;
  validFrom: string;
  validTo: string | null;
  verification: { outcome: 'verified'; at: string; checks: MaterialCheck[] };
}

const CHECKS_DONE: MaterialCheck[] = ['licence_id', 'type', 'holder', 'status', 'validity', 'signature'];

/** Plain words for each failed check, in the problem list of applications.materials_incomplete. */
const CHECK_REASONS: Record<MaterialCheck, string> = {
  licence_id: 'the licence identifier is not valid',
  not_found: 'no such licence was issued on this platform',
  type: 'the licence is not of a type accepted for this material',
  holder: 'the licence is held by someone else',
  status: 'the licence is not valid (revoked or suspended)',
  validity: 'the licence is outside its validity dates',
  signature: 'the licence does not carry a valid signature of its issuer',
};

/**
 * Inside the filing's transaction (before the case is written): checks every answer given by a licence and records
 * each use with the case id and the material key. Any failure throws applications.materials_incomplete naming the
 * failed check of each; the caller rolls the uses back with the case. Answers not by licence pass unchanged.
 */
export async function verifyLicenceAnswers(tx: Tx, deps: Deps, actor: Actor, guide: Guide, answers: MaterialAnswer[], caseId: string): Promise<MaterialAnswer[]> {
  const holder = applicantHolder(actor);
  const problems: { field: string; reason: string; check: MaterialCheck; message: string }[] = [];
  const out: MaterialAnswer[] = [];
  const at = deps.clock.nowIso();
  for (const [i, a] of answers.entries()) {
    if (a.by !== 'license') {
      out.push(a);
      continue;
    }
    const m = guide.materials.find((x) => x.key === a.key)!;
    const r = await verifyHeldLicenceForMaterial(tx, deps, actor, { licenceId: a.licenceId!, acceptableTypeCodes: licenceTypesOf(m), holder, caseId, materialKey: a.key });
    if (!r.ok) {
      problems.push({ field: `materials.${i}.licenceId`, reason: `「${m.name}」: ${CHECK_REASONS[r.check]}`, check: r.check, message: r.message });
      continue;
    }
    out.push({ key: a.key, by: 'license', licenceId: r.licence.licenceId, licence: frozenOf(r.licence, at) } as MaterialAnswer);
  }
  if (problems.length) throw invalid('applications.materials_incomplete', `${problems.length} problem(s) with the materials: ${problems[0].reason} (${problems[0].check}).`, problems);
  return out;
}

function frozenOf(l: LicenceSummary, at: string): FrozenLicence {
  return {
    licenceId: l.licenceId, typeCode: l.typeCode, typeName: l.typeName, number: l.number,
    issuer: { departmentId: l.issuer.departmentId, name: l.issuer.name, code: l.issuer.code }, holderName: l.holder.name,
    validFrom: l.validFrom, validTo: l.validTo, verification: { outcome: 'verified', at, checks: CHECKS_DONE },
  };
}

/** For the officer: each licence-backed material with what its licence is now (revoked or expired since the filing). */
export async function withLicenceStatusNow(deps: Deps, materials: unknown[]): Promise<unknown[]> {
  const ids = materials.flatMap((m) => ((m as { by?: string; licenceId?: string }).by === 'license' && (m as { licenceId?: string }).licenceId ? [(m as { licenceId: string }).licenceId] : []));
  if (ids.length === 0) return materials;
  const now = await licenceStatusNow(deps, ids);
  return materials.map((m) => {
    const a = m as { by?: string; licenceId?: string; licence?: FrozenLicence };
    if (a.by !== 'license' || !a.licenceId || !a.licence) return m;
    const s = now.get(a.licenceId);
    return { ...a, licence: { ...a.licence, now: s ?? { status: 'unknown', statusReason: null, validTo: null, expired: false } } };
  });
}

export interface UsableForMaterial {
  key: string;
  name: string;
  necessity: string;
  acceptedTypes: { code: string; name: string }[];
  licences: LicenceSummary[];
}

/** The applicant's usable licences for each material of the item a licence may replace (the apply page preselects one). */
export async function findUsableLicencesForItem(deps: Deps, actor: Actor, itemId: string): Promise<{ holder: { kind: 'person' | 'enterprise'; name: string }; materials: UsableForMaterial[] }> {
  const detail = await getPublishedItemCached(deps, itemId);
  const holder = applicantHolder(actor);
  const replaceable = detail.guide.materials.filter((m) => licenceTypesOf(m).length > 0);
  const all = replaceable.length ? await findUsableLicences(deps, holder, [...new Set(replaceable.flatMap(licenceTypesOf))]) : [];
  return {
    holder: { kind: holder.kind, name: actor.onBehalfOf?.name ?? actor.displayName },
    materials: replaceable.map((m) => {
      const codes = licenceTypesOf(m);
      return {
        key: m.key, name: m.name, necessity: m.necessity,
        acceptedTypes: m.substitutes.filter((s) => s.kind === 'license').map((s) => ({ code: s.code, name: s.name })),
        licences: all.filter((l) => codes.includes(l.typeCode)),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Issuance on approval

const PLACEHOLDER = LICENCE_FIELD_PLACEHOLDER;

interface FillContext {
  form: Record<string, unknown>;
  /** the form's field schemas, for the labels of choices */
  properties: Record<string, { enum?: unknown[]; 'x-enum-titles'?: { zh: string }[]; title?: string }>;
  applicantName: string;
  decisionDate: string;
  departmentName: string;
}

const textOf = (v: unknown): string => (Array.isArray(v) ? v.map(textOf).filter(Boolean).join('、') : typeof v === 'boolean' ? (v ? '是' : '否') : v == null ? '' : String(v));

function lookup(ctx: FillContext, scope: string, key: string, label: boolean): { value: unknown; known: boolean } {
  if (scope === 'form') {
    const v = ctx.form[key];
    if (label && v != null) {
      const p = ctx.properties[key];
      const i = p?.enum?.indexOf(v) ?? -1;
      return { value: i >= 0 && p?.['x-enum-titles']?.[i] ? p['x-enum-titles'][i].zh : v, known: true };
    }
    return { value: v, known: true };
  }
  if (scope === 'applicant' && key === 'name') return { value: ctx.applicantName, known: true };
  if (scope === 'decision' && key === 'date') return { value: ctx.decisionDate, known: true };
  if (scope === 'department' && key === 'name') return { value: ctx.departmentName, known: true };
  return { value: undefined, known: false };
}

/** One template: a lone placeholder keeps its value's type (a number stays a number); otherwise text. */
export function renderTemplate(template: string, ctx: FillContext): { value: unknown; unknown: string[] } {
  const unknownRefs: string[] = [];
  const lone = /^\{([a-z]+)\.([A-Za-z0-9_]+)(?:\|(label))?\}$/.exec(template);
  if (lone) {
    const r = lookup(ctx, lone[1], lone[2], !!lone[3]);
    if (!r.known) unknownRefs.push(template);
    return { value: r.value === '' ? undefined : r.value, unknown: unknownRefs };
  }
  let empty = false;
  const text = template.replace(PLACEHOLDER, (_all, cond: string | undefined, scope: string, key: string, label: string | undefined, literal: string | undefined) => {
    const r = lookup(ctx, scope, key, !!label);
    if (!r.known) unknownRefs.push(`{${scope}.${key}}`);
    if (cond) return r.value && r.value !== false ? (literal ?? textOf(r.value)) : '';
    const t = textOf(r.value);
    if (!t) empty = true;
    return t;
  });
  // a plain placeholder with no value leaves the whole part empty (no half-filled text)
  return { value: empty || !text.trim() ? undefined : text.trim(), unknown: unknownRefs };
}

/** The licence fields from the guide's mapping and the frozen case. Throws when a template names something unknown. */
export function licenceFieldsOf(mapping: Record<string, string | string[]>, ctx: FillContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const bad: { field: string; reason: string }[] = [];
  for (const [key, t] of Object.entries(mapping)) {
    const parts = (Array.isArray(t) ? t : [t]).map((x) => renderTemplate(x, ctx));
    for (const p of parts) for (const u of p.unknown) bad.push({ field: `result.licenseFields.${key}`, reason: `${u} is not a known placeholder` });
    const values = parts.map((p) => p.value).filter((v) => v !== undefined && v !== '');
    if (values.length === 0) continue;
    fields[key] = Array.isArray(t) ? values.map(textOf).join('；') : values[0];
  }
  if (bad.length) throw conflict('applications.licence_not_issuable', `The item's licence mapping is wrong: ${bad[0].field} ${bad[0].reason}; fix the catalogue entry.`, bad);
  return fields;
}

/** What the approval tells the timeline about the licence it issued. */
export interface IssuedLicenceNote {
  licenceId: string;
  typeCode: string;
  typeName: string;
  link: string;
}

/**
 * Inside the approval's transaction: when the item's result is a licence with a field mapping, issue it to the
 * applicant (person, or the enterprise an agent filed for), idempotent per case and type. A licence that cannot be
 * filled (a required field empty, a wrong value, the department not an issuer of the type) fails the approval with
 * applications.licence_not_issuable naming what is missing: nothing half-issued.
 */
export async function issueLicenceOnApproval(tx: Tx, deps: Deps, actor: Actor, c: CasesTable, guide: Guide, departmentName: string, now: string): Promise<IssuedLicenceNote | null> {
  const r = guide.result;
  if (r.type !== 'license' || !r.licenseTypeCode || !r.licenseFields) return null;
  const form = JSON.parse(c.form_data) as Record<string, unknown>;
  const properties = ((guide.form as { schema?: { properties?: FillContext['properties'] } } | undefined)?.schema?.properties) ?? {};
  const fields = licenceFieldsOf(r.licenseFields, { form, properties, applicantName: c.applicant_name, decisionDate: deps.calendar.chinaDate(now), departmentName });
  const holder = c.applicant_kind === 'enterprise'
    ? { kind: 'enterprise' as const, uscc: c.applicant_uscc ?? '', name: c.applicant_name, userId: c.applicant_user_id }
    : { kind: 'person' as const, idNumber: c.applicant_id_number, name: c.applicant_name, userId: c.applicant_user_id };
  try {
    const issued = await issueLicenceForCase(tx, deps, actor, {
      caseId: c.id, caseNumber: c.case_number, licenseTypeCode: r.licenseTypeCode, issuerDepartmentId: c.department_id, holder, fields, issuedAt: now,
    });
    return { licenceId: issued.licenceId, typeCode: r.licenseTypeCode, typeName: r.name, link: `/hall/licences/${encodeURIComponent(issued.licenceId)}` };
  } catch (err) {
    if (!(err instanceof AppError) || !err.code.startsWith('licenses.')) throw err;
    const problems = Array.isArray(err.details) ? (err.details as { field: string; reason: string }[]) : [];
    throw conflict('applications.licence_not_issuable',
      `The approval issues ${r.name}, which cannot be issued from this case: ${problems[0] ? `${problems[0].field} ${problems[0].reason}` : err.message}. Nothing was changed.`,
      { licenceTypeCode: r.licenseTypeCode, cause: err.code, problems });
  }
}
