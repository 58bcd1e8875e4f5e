import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { isUniqueViolation, withTx } from '../../../platform/db/database.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { getItemNames, getPublishedItem } from '../../catalog/index.js';
import type { Draft, DraftBody } from '../applications.schemas.js';

/*
 * Drafts (草稿): what an applicant has filled in so far, saved automatically by the portal and kept across logins.
 * One per applicant, item and enterprise acted for, with the receiving window (异地代收) if one was chosen. Drafts are not validated — the submission is — and are the
 * applicant's own: no audit entry for each autosave, and a successful submission removes the item's draft.
 */

interface Where<Q> {
  where(...args: any[]): Q;
}

/** Restricts a drafts query to the actor's own drafts for the identity they act as (themselves or an enterprise). */
export function draftOwner<Q extends Where<Q>>(q: Q, actor: Actor): Q {
  const scoped = q.where('user_id', '=', actor.userId ?? '');
  return actor.onBehalfOf ? scoped.where('on_behalf_of', '=', actor.onBehalfOf.uscc) : scoped.where('on_behalf_of', 'is', null);
}

function requireCitizen(actor: Actor): void {
  if (actor.kind !== 'citizen' || !actor.userId) throw forbidden('applications.citizens_only', 'Drafts belong to applicants.');
}

export async function listDrafts(deps: Deps, actor: Actor): Promise<{ items: Omit<Draft, 'form' | 'materials' | 'receivingDepartmentId'>[] }> {
  requireCitizen(actor);
  const rows = await draftOwner(deps.db.selectFrom('application_drafts').select(['item_id', 'item_version', 'updated_at']), actor).orderBy('updated_at', 'desc').limit(100).execute();
  const names = await getItemNames(deps, rows.map((r) => r.item_id));
  return { items: rows.map((r) => ({ itemId: r.item_id, itemName: names.get(r.item_id) ?? '', itemVersion: r.item_version, updatedAt: r.updated_at })) };
}

export async function getDraft(deps: Deps, actor: Actor, itemId: string): Promise<Draft> {
  requireCitizen(actor);
  const row = await draftOwner(deps.db.selectFrom('application_drafts').selectAll().where('item_id', '=', itemId), actor).executeTakeFirst();
  if (!row) throw notFound('applications.draft_not_found', 'No draft for this item.');
  const names = await getItemNames(deps, [itemId]);
  return { itemId, itemName: names.get(itemId) ?? '', itemVersion: row.item_version, form: JSON.parse(row.form_data), materials: JSON.parse(row.materials), receivingDepartmentId: row.receiving_department_id, updatedAt: row.updated_at };
}

/** Saves (creates or replaces) the draft for a published item. */
export async function saveDraft(deps: Deps, actor: Actor, itemId: string, body: DraftBody): Promise<Draft> {
  requireCitizen(actor);
  const detail = await getPublishedItem(deps, itemId);
  const now = deps.clock.nowIso();
  const set = { item_version: detail.version.version, form_data: JSON.stringify(body.form), materials: JSON.stringify(body.materials), receiving_department_id: body.receivingDepartmentId ?? null, updated_at: now };
  const update = () => draftOwner(deps.db.updateTable('application_drafts').set(set).where('item_id', '=', itemId), actor).executeTakeFirst();
  await withTx(deps.db, async (tx) => {
    const res = await draftOwner(tx.updateTable('application_drafts').set(set).where('item_id', '=', itemId), actor).executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) return;
    await tx.insertInto('application_drafts').values({ id: newId(), user_id: actor.userId!, on_behalf_of: actor.onBehalfOf?.uscc ?? null, item_id: itemId, created_at: now, ...set }).execute();
  }).catch(async (err) => {
    // two autosaves of a new draft at once: the other one created it; this one replaces its content
    if (!isUniqueViolation(err)) throw err;
    await update();
  });
  return { itemId, itemName: detail.item.name, itemVersion: detail.version.version, form: body.form, materials: body.materials, receivingDepartmentId: body.receivingDepartmentId ?? null, updatedAt: now };
}

export async function deleteDraft(deps: Deps, actor: Actor, itemId: string): Promise<void> {
  requireCitizen(actor);
  const res = await draftOwner(deps.db.deleteFrom('application_drafts').where('item_id', '=', itemId), actor).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('applications.draft_not_found', 'No draft for this item.');
}
