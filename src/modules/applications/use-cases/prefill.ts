import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { compileForm, type FormDefinition, type Lang } from '../../../platform/forms/index.js';
import { invalid } from '../../../platform/errors.js';
import { getPublishedItemCached, type Guide } from '../../catalog/index.js';
import { registryForPrefill, registryValuesForPrefill } from '../../identity/index.js';

export interface PrefillEntry {
  value: string | null;
  sourceDepartment: string;
  updatedAt: string;
  locked: boolean;
}

/** 免填报: each prefilled field of the item's form with its value, source department, update time and whether it is locked. */
export async function prefillForForm(deps: Deps, actor: Actor, form: FormDefinition, purpose: string): Promise<Record<string, PrefillEntry>> {
  const out: Record<string, PrefillEntry> = {};
  await readPrefill(deps, actor, form, purpose, registryForPrefill, (field, lock, v) => (out[field] = { ...v, locked: lock }));
  return out;
}

/** The registry's values of the form's locked fields, read (and logged) like the prefill but without looking up who vouches for them. */
async function lockedValues(deps: Deps, actor: Actor, form: FormDefinition, purpose: string): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  await readPrefill(deps, actor, form, purpose, registryValuesForPrefill, (field, lock, v) => {
    if (lock) out[field] = v;
  });
  return out;
}

/** One registry read per source (person, enterprise) the form prefills from, for the attributes its fields name. */
async function readPrefill<T>(
  deps: Deps, actor: Actor, form: FormDefinition, purpose: string,
  read: (deps: Deps, actor: Actor, source: 'person' | 'enterprise', attributes: string[], purpose: string) => Promise<Record<string, T>>,
  put: (field: string, lock: boolean, value: T) => void,
): Promise<void> {
  const rules = Object.entries(form.prefill ?? {});
  for (const source of ['person', 'enterprise'] as const) {
    const mine = rules.filter(([, r]) => r.source === source);
    if (mine.length === 0) continue;
    if (source === 'enterprise' && !actor.onBehalfOf) continue; // an enterprise's data only while acting for it
    const values = await read(deps, actor, source, [...new Set(mine.map(([, r]) => r.attribute))], purpose);
    for (const [field, r] of mine) put(field, r.lock, values[r.attribute]);
  }
}

export async function getPrefill(deps: Deps, actor: Actor, itemId: string): Promise<{ form: FormDefinition | null; prefill: Record<string, PrefillEntry> }> {
  const detail = await getPublishedItemCached(deps, itemId);
  const form = (detail.guide.form as FormDefinition | undefined) ?? null;
  if (!form) return { form: null, prefill: {} };
  return { form, prefill: await prefillForForm(deps, actor, form, `在线申请「${detail.item.name}」预填`) };
}

/** Validates the submitted form against the item's form; locked fields must carry the registry's values. Returns the clean value. */
export async function validateApplicationForm(deps: Deps, actor: Actor, guide: Guide, itemName: string, data: Record<string, unknown>, lang: Lang): Promise<Record<string, unknown>> {
  const form = guide.form as FormDefinition | undefined;
  if (!form) return data;
  const locked = await lockedValues(deps, actor, form, `在线申请「${itemName}」提交核验`);
  const r = compileForm(form).validate(data, { lang, locked });
  if (!r.ok) throw invalid('applications.form_invalid', r.errors[0]?.message ?? 'The form has problems.', r.errors.map((e) => ({ field: `form.${e.field}`, code: e.code, reason: e.message })));
  return r.value as Record<string, unknown>;
}
