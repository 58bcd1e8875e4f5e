import type { Guide } from './catalog.schemas.js';
import { THEMES } from './catalog.vocab.js';
import { definitionProblems, type FormDefinition as FormDef } from '../../platform/forms/index.js';

/**
 * A placeholder in a licence-field template (result.licenseFields, docs/formats/catalog.md): `{form.key}`,
 * `{form.key|label}` (a choice's title), `{?form.key:text}` (the text when the field is set), `{applicant.name}`,
 * `{decision.date}`, `{department.name}`. The approval fills them from the case (applications' licence issuance).
 */
export const LICENCE_FIELD_PLACEHOLDER = /\{(\?)?([a-z]+)\.([A-Za-z0-9_]+)(?:\|(label))?(?::([^}]*))?\}/g;
const CASE_PLACEHOLDERS: Record<string, string[]> = { applicant: ['name'], decision: ['date'], department: ['name'] };

/** What is wrong with the placeholders of one template, given the form's field keys. */
function templateProblems(template: string, formKeys: Set<string>): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(LICENCE_FIELD_PLACEHOLDER)) {
    const [all, , scope, key] = m;
    if (scope === 'form') {
      if (!formKeys.has(key)) out.push(`${all} names no field of the item's form`);
    } else if (!CASE_PLACEHOLDERS[scope]?.includes(key)) {
      out.push(`${all} is not a known placeholder (use {form.<field>}, {applicant.name}, {decision.date} or {department.name})`);
    }
  }
  const unparsed = template.replace(LICENCE_FIELD_PLACEHOLDER, '');
  if (/[{}]/.test(unparsed)) out.push('a brace that is not part of a placeholder');
  return out;
}

export interface GuideProblem {
  field: string;
  reason: string;
}

/**
 * Rules a guide must follow beyond its JSON Schema (which the request or import row has already passed). `prefix` is
 * the guide's own path in the request (`guide`), so that a field is named the same way as schema errors name it.
 */
export function guideProblems(g: Guide, prefix = 'guide'): GuideProblem[] {
  const out: GuideProblem[] = [];
  const at = (path: string, reason: string) => out.push({ field: prefix ? `${prefix}.${path}` : path, reason });

  if (g.promisedTimeLimit.unit === g.legalTimeLimit.unit && g.promisedTimeLimit.value > g.legalTimeLimit.value) {
    at('promisedTimeLimit.value', `the promised limit cannot be longer than the legal limit (${g.legalTimeLimit.value})`);
  }
  if (g.caseKind === 'instant' && g.promisedTimeLimit.value > 1) {
    at('promisedTimeLimit.value', 'an instant item (即办件) is concluded on the spot: the promised limit is 0 or 1 day');
  }
  g.themes.forEach((t, i) => {
    const object = THEMES[t].object;
    if (!g.serviceObjects.includes(object)) at(`themes.${i}`, `theme ${t} is for ${object === 'person' ? 'citizens' : 'enterprises'}, which this item does not serve`);
  });
  if (g.fees.charged && g.fees.items.length === 0) at('fees.items', 'a charged item lists its fees');
  if (!g.fees.charged && g.fees.items.length > 0) at('fees.charged', 'fees are listed but the item is marked free');
  if (g.onlineDepth === 4 && g.visits > 0) at('visits', 'a fully online item (level 4) needs no visit');
  const keys = new Map<string, number>();
  g.materials.forEach((m, i) => {
    const first = keys.get(m.key);
    if (first !== undefined) at(`materials.${i}.key`, `the key "${m.key}" is already used by material ${first + 1}`);
    else keys.set(m.key, i);
    if (m.necessity === 'conditional' && !m.condition) at(`materials.${i}.condition`, 'a conditional material says when it is needed');
    if (m.sourceChannel === 'government' && !m.issuedBy && m.substitutes.length === 0) {
      at(`materials.${i}.issuedBy`, 'a government-issued material names who issues it, or what can stand in for it');
    }
  });
  const stepNames = new Set<string>();
  g.process.forEach((p, i) => {
    if (stepNames.has(p.name)) at(`process.${i}.name`, 'two steps have the same name');
    stepNames.add(p.name);
  });
  if (g.result.type === 'license' && !g.result.licenseTypeCode) at('result.licenseTypeCode', 'a licence result names its licence type');
  if (g.result.licenseFields && g.result.type !== 'license') at('result.licenseFields', 'only a licence result is filled in from the case');
  if (g.result.licenseFields) {
    const formKeys = new Set(Object.keys((g.form as { schema?: { properties?: Record<string, unknown> } } | undefined)?.schema?.properties ?? {}));
    for (const [key, t] of Object.entries(g.result.licenseFields)) {
      (Array.isArray(t) ? t : [t]).forEach((x, i) => {
        for (const reason of templateProblems(x, formKeys)) at(`result.licenseFields.${key}${Array.isArray(t) ? `.${i}` : ''}`, reason);
      });
    }
  }
  const branchKeys = new Set<string>();
  g.workflow?.review.forEach((b, i) => {
    if (branchKeys.has(b.key)) at(`workflow.review.${i}.key`, 'two review branches have the same key');
    if (b.when && [b.when.equals !== undefined, !!b.when.in, !!b.when.notEmpty].filter(Boolean).length !== 1) at(`workflow.review.${i}.when`, 'a condition has exactly one of equals, in, notEmpty');
    branchKeys.add(b.key);
  });
  if (g.form) for (const p of definitionProblems(g.form as unknown as FormDef, 'form')) at(p.field, p.reason);
  return out;
}
