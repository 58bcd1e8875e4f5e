import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { compileForm, type FormDefinition, type Lang } from '../../../platform/forms/index.js';
import { invalid } from '../../../platform/errors.js';
import { getPublishedItemCached, type Guide } from '../../catalog/index.js';
import { registryForPrefill } from '../../identity/index.js';

export interface PrefillEntry {
  value: string | null;
  sourceDepartment: string;
  updatedAt: string;
  locked: boolean;
}

/** 免填报: each prefilled field of the item's form with its value, source department, update time and whether it is locked. */
export async function prefillForForm(deps: Deps, actor: Actor, form: FormDefinition, purpose: string): Promise<Record<string, PrefillEntry>> {
  const rules = Object.entries(form.prefill ?? {});
  const out: Record<string, PrefillEntry> = {};
  for (const source of ['person', 'enterprise'] as const) {
    const mine = rules.filter(([, r]) => r.source === source);
    if (mine.length === 0) continue;
    if (source === 'enterprise' && !actor.onBehalfOf) continue; // an enterprise's data only while acting for it
    const values = await registryForPrefill(deps, actor, source, [...new Set(mine.map(([, r]) => r.attribute))], purpose);
    for (const [field, r] of mine) out[field] = { ...values[r.attribute], locked: r.lock };
  }
  return out;
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
  const prefill = await prefillForForm(deps, actor, form, `在线申请「${itemName}」提交核验`);
  const locked = Object.fromEntries(Object.entries(prefill).filter(([, p]) => p.locked).map(([f, p]) => [f, p.value]));
  const r = compileForm(form).validate(data, { lang, locked });
  if (!r.ok) throw invalid('applications.form_invalid', r.errors[0]?.message ?? 'The form has problems.', r.errors.map((e) => ({ field: `form.${e.field}`, code: e.code, reason: e.message })));
  return r.value as Record<string, unknown>;
}
