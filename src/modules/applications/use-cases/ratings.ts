import { getItemNamesEn } from '../../catalog/index.js';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { isUniqueViolation, withTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, mapPage, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import type { RectificationsTable, RectificationStatus } from '../applications.tables.js';
import type { AppealBody, AppealDecisionBody, FollowUpBody, Rectification, RatingBody, RectificationQuery } from '../applications.schemas.js';
import { canSeeRectification, canWorkRectification, isApplicant, RATABLE } from '../applications.policy.js';
import { addEvent, getCaseRow } from './case-store.js';

/*
 * 好差评: one rating per case by its applicant once the case has ended. A bad rating (不满意 2 / 非常不满意 1) opens a
 * rectification (整改) for the handling department, due in `config.rectificationDays` working days; the department
 * records follow-ups and closes it, or appeals a mistaken or malicious rating, which a platform admin decides.
 */

const BAD = 2;

export async function rateCase(deps: Deps, actor: Actor, caseId: string, body: RatingBody): Promise<void> {
  try {
    await withTx(deps.db, async (tx) => {
      const c = await getCaseRow(tx, caseId);
      if (!isApplicant(actor, c)) throw notFound('applications.case_not_found', 'No such case.');
      if (!RATABLE.includes(c.status)) throw conflict('applications.not_ratable_yet', 'A case is rated once it has been concluded (办结).');
      const now = deps.clock.nowIso();
      await tx.insertInto('case_ratings').values({
        case_id: c.id, department_id: c.department_id, overall: body.overall, dimensions: JSON.stringify(body.dimensions), comment: body.comment?.trim() || null,
        rated_by: actor.userId!, rated_at: now, voided: 0,
      }).execute();
      await addEvent(tx, c, actor, 'rated', null, null, body.comment?.trim() || null, { overall: body.overall, dimensions: body.dimensions }, now);
      await recordChange(tx, deps, actor, {
        audit: { action: 'case.rated', targetType: 'case', targetId: c.id, details: { caseNumber: c.case_number, overall: body.overall } },
        event: { aggregateType: 'case', aggregateId: c.id, payload: { caseId: c.id, caseNumber: c.case_number, departmentId: c.department_id, overall: body.overall, dimensions: body.dimensions } },
      });
      if (body.overall <= BAD) await openRectification(tx, deps, actor, c, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('applications.already_rated', 'This case has already been rated (一事一评).');
    throw err;
  }
}

async function openRectification(tx: Tx, deps: Deps, actor: Actor, c: { id: string; case_number: string; department_id: string }, now: string): Promise<void> {
  const dueAt = deps.calendar.computeDeadline({ start: now, limit: { value: deps.config.rectificationDays, unit: 'working_day' }, pauses: [], now }).dueAt;
  const id = newId();
  await tx.insertInto('rectifications').values({
    id, case_id: c.id, department_id: c.department_id, status: 'open', due_at: dueAt, appeal_reason: null, appealed_at: null,
    appeal_decision: null, appeal_opinion: null, appeal_decided_at: null, closed_at: null, row_version: 1, created_at: now,
  }).execute();
  await recordChange(tx, deps, actor, {
    audit: { action: 'rectification.opened', targetType: 'rectification', targetId: id, details: { caseNumber: c.case_number, dueAt } },
    event: { aggregateType: 'rectification', aggregateId: id, payload: { rectificationId: id, caseId: c.id, departmentId: c.department_id, dueAt } },
  });
}

async function rectificationRow(tx: Tx, id: string): Promise<RectificationsTable> {
  const r = await tx.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('applications.rectification_not_found', 'No such rectification.');
  return r;
}

/** Moves a rectification from the status and version the caller saw; records what happened, audited. */
async function changeRectification(
  tx: Tx, deps: Deps, actor: Actor, r: RectificationsTable, expectedVersion: number, from: RectificationStatus[],
  set: Partial<RectificationsTable>, record: { action: 'follow_up' | 'closed' | 'appealed' | 'appeal_upheld' | 'appeal_rejected'; note: string },
): Promise<void> {
  if (!from.includes(r.status)) throw conflict('applications.rectification_wrong_status', `The rectification is ${r.status}.`);
  const now = deps.clock.nowIso();
  const res = await tx.updateTable('rectifications').set({ ...set, row_version: r.row_version + 1 })
    .where('id', '=', r.id).where('row_version', '=', expectedVersion).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('applications.rectification_changed', 'The rectification was changed by someone else meanwhile; reload it.');
  await tx.insertInto('rectification_records').values({ id: newId(), rectification_id: r.id, at: now, actor_name: actor.displayName, action: record.action, note: record.note }).execute();
  await recordChange(tx, deps, actor, {
    audit: { action: `rectification.${record.action}`, targetType: 'rectification', targetId: r.id, details: { note: record.note, ...set } },
    event: { aggregateType: 'rectification', aggregateId: r.id, payload: { rectificationId: r.id, caseId: r.case_id, departmentId: r.department_id, status: set.status ?? r.status } },
  });
}

export async function followUpRectification(deps: Deps, actor: Actor, id: string, body: FollowUpBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const r = await rectificationRow(tx, id);
    if (!canWorkRectification(actor, r)) throw forbidden('applications.not_your_rectification', 'The department’s admin or reviewers record rectification follow-ups.');
    const set: Partial<RectificationsTable> = body.close ? { status: 'closed', closed_at: deps.clock.nowIso() } : {};
    await changeRectification(tx, deps, actor, r, body.expectedVersion, ['open'], set, { action: body.close ? 'closed' : 'follow_up', note: body.note });
  });
}

export async function appealRectification(deps: Deps, actor: Actor, id: string, body: AppealBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const r = await rectificationRow(tx, id);
    if (!canWorkRectification(actor, r)) throw forbidden('applications.not_your_rectification', 'The department’s admin or reviewers appeal a rating.');
    if (r.appeal_decision) throw conflict('applications.already_appealed', 'This rating has already been appealed and decided.');
    await changeRectification(tx, deps, actor, r, body.expectedVersion, ['open'], { status: 'appealed', appeal_reason: body.reason, appealed_at: deps.clock.nowIso() }, { action: 'appealed', note: body.reason });
  });
}

/** A platform admin decides an appeal: upheld voids the rating (it no longer counts) and ends the rectification. */
export async function decideAppeal(deps: Deps, actor: Actor, id: string, body: AppealDecisionBody): Promise<void> {
  if (actor.kind !== 'staff' || !actor.roles.includes('platform_admin')) throw forbidden('applications.platform_admin_only', 'A platform admin decides appeals.');
  await withTx(deps.db, async (tx) => {
    const r = await rectificationRow(tx, id);
    const now = deps.clock.nowIso();
    const set: Partial<RectificationsTable> = { status: body.upheld ? 'voided' : 'open', appeal_decision: body.upheld ? 'upheld' : 'rejected', appeal_opinion: body.opinion, appeal_decided_at: now, ...(body.upheld ? { closed_at: now } : {}) };
    await changeRectification(tx, deps, actor, r, body.expectedVersion, ['appealed'], set, { action: body.upheld ? 'appeal_upheld' : 'appeal_rejected', note: body.opinion });
    if (body.upheld) await tx.updateTable('case_ratings').set({ voided: 1 }).where('case_id', '=', r.case_id).execute();
  });
}

/** The rectifications of the officer's department (all of them for a platform admin), open and appealed first by due date. */
export async function findRectifications(deps: Deps, actor: Actor, query: RectificationQuery): Promise<PageResult<Rectification>> {
  if (actor.kind !== 'staff') throw forbidden('applications.staff_only', 'Rectifications are for department staff.');
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  let q = deps.db.selectFrom('rectifications as r').innerJoin('cases as c', 'c.id', 'r.case_id').innerJoin('case_ratings as g', 'g.case_id', 'r.case_id')
    .selectAll('r').select(['c.case_number', 'c.item_name', 'c.item_id', 'g.overall', 'g.dimensions', 'g.comment', 'g.rated_at'])
    .orderBy('r.due_at').orderBy('r.id').limit(limit + 1);
  if (!actor.roles.includes('platform_admin')) q = q.where('r.department_id', '=', actor.departmentId ?? '__none__');
  const status = query.status ?? 'open';
  if (status !== 'all') q = q.where('r.status', '=', status);
  if (after) q = q.where((eb) => eb(eb.refTuple('r.due_at', 'r.id'), '>', eb.tuple(after[0], after[1])));
  const page = pageOf(await q.execute(), limit, (r) => [r.due_at, r.id]);
  const ids = page.items.map((r) => r.id);
  const [records, en] = await Promise.all([
    ids.length ? deps.db.selectFrom('rectification_records').selectAll().where('rectification_id', 'in', ids).orderBy('at').orderBy('id').execute() : Promise.resolve([]),
    getItemNamesEn(deps, page.items.map((r) => r.item_id)),
  ]);
  const now = deps.clock.nowIso();
  return mapPage(page, (r) => ({
    id: r.id, caseId: r.case_id, caseNumber: r.case_number, itemName: r.item_name, itemNameEn: en.get(r.item_id) ?? null, departmentId: r.department_id, status: r.status, dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at < now, createdAt: r.created_at, closedAt: r.closed_at,
    rating: { overall: r.overall, dimensions: JSON.parse(r.dimensions), comment: r.comment, ratedAt: r.rated_at },
    appeal: r.appeal_reason ? { reason: r.appeal_reason, at: r.appealed_at!, decision: r.appeal_decision, opinion: r.appeal_opinion, decidedAt: r.appeal_decided_at } : null,
    records: records.filter((x) => x.rectification_id === r.id).map((x) => ({ at: x.at, actor: x.actor_name, action: x.action, note: x.note })),
    rowVersion: r.row_version,
  }));
}

/** The rating and rectification shown with a case. */
export async function ratingOfCase(deps: Deps, caseId: string, canSeeRectificationOf: (r: { department_id: string }) => boolean) {
  const [rating, rect] = await Promise.all([
    deps.db.selectFrom('case_ratings').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
    deps.db.selectFrom('rectifications').select(['id', 'status', 'due_at', 'department_id']).where('case_id', '=', caseId).executeTakeFirst(),
  ]);
  const now = deps.clock.nowIso();
  return {
    rating: rating ? { overall: rating.overall, dimensions: JSON.parse(rating.dimensions), comment: rating.comment, ratedAt: rating.rated_at, voided: rating.voided === 1 } : null,
    rectification: rect && canSeeRectificationOf(rect) ? { id: rect.id, status: rect.status, dueAt: rect.due_at, overdue: rect.status === 'open' && rect.due_at < now } : null,
  };
}

