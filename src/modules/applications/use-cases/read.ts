import { sql, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/errors.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { decodeCursor, pageLimit, mapPage, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import type { CaseEventsTable, CasePausesTable, CasesTable, CaseTasksTable, CaseTransfersTable, TaskStep } from '../applications.tables.js';
import type { CaseDetail, CaseSummary, MyCase, QueueQuery } from '../applications.schemas.js';
import { canSeeCase, canSeeRectification, isApplicant, RATABLE } from '../applications.policy.js';
import { ratingOfCase } from './ratings.js';
import { clockPauses } from '../applications.deadlines.js';
import { withLicenceStatusNow } from './licences.js';
import { getItemNamesEn } from '../../catalog/index.js';

const ACTIVE = ['reviewing', 'deciding'] as const;

export function toCaseSummary(c: CasesTable, now: string, itemNameEn: string | null = null): CaseSummary {
  const running = !!c.due_at && !c.paused && (ACTIVE as readonly string[]).includes(c.status);
  return {
    id: c.id, caseNumber: c.case_number, itemId: c.item_id, itemVersion: c.item_version, itemName: c.item_name, itemNameEn, departmentId: c.department_id, receivingDepartmentId: c.receiving_department_id,
    applicantName: c.applicant_name, applicantKind: c.applicant_kind, status: c.status, decision: c.decision, paused: c.paused === 1,
    dueAt: c.due_at, warning: running && !!c.warn_at && c.warn_at < now, overdue: running && c.due_at! < now,
    submittedAt: c.submitted_at, updatedAt: c.updated_at, rowVersion: c.row_version,
  };
}

/** The applicant's own case, or a case an officer's department works on (that read of the applicant's data is logged). */
export async function getCaseDetail(deps: Deps, actor: Actor, id: string): Promise<CaseDetail> {
  const c = await deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('applications.case_not_found', 'No such case.');
  const tasks = await deps.db.selectFrom('case_tasks').selectAll().where('case_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const applicant = isApplicant(actor, c);
  if (!applicant && !canSeeCase(actor, c, tasks.map((t) => t.department_id))) throw notFound('applications.case_not_found', 'No such case.');
  const form = JSON.parse(c.form_data) as Record<string, unknown>;
  if (!applicant) {
    await recordDataAccess(deps.db, deps.clock, actor, {
      subjectType: c.applicant_kind === 'enterprise' ? 'enterprise' : 'person', subjectKey: c.applicant_uscc ?? c.applicant_id_number,
      fields: Object.keys(form), purpose: `办件 ${c.case_number} (${c.item_name})`,
    });
  }
  const [events, pauses, transfers, rated, namesEn] = await Promise.all([
    deps.db.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute(),
    deps.db.selectFrom('case_pauses').selectAll().where('case_id', '=', id).orderBy('from_at').execute(),
    deps.db.selectFrom('case_transfers').selectAll().where('case_id', '=', id).orderBy('sent_at').orderBy('id').execute(),
    ratingOfCase(deps, id, (r) => !applicant && canSeeRectification(actor, r)),
    getItemNamesEn(deps, [c.item_id]),
  ]);
  const detail = caseDetailOf(deps, { c, tasks, events, pauses, transfers, rated, applicant, itemNameEn: namesEn.get(c.item_id) ?? null });
  // a material answered by a licence: what the licence is now (revoked or expired since the filing)
  return detail.materials.some((m) => (m as { by?: string }).by === 'license') ? { ...detail, materials: await withLicenceStatusNow(deps, detail.materials) } : detail;
}

/** The rows a case detail is made of. */
export interface CaseParts {
  c: CasesTable;
  tasks: CaseTasksTable[];
  events: CaseEventsTable[];
  pauses: CasePausesTable[];
  transfers: CaseTransfersTable[];
  rated: Awaited<ReturnType<typeof ratingOfCase>>;
  /** whether the reader is the applicant */
  applicant: boolean;
  /** The item's English name (catalogue), if it has one. */
  itemNameEn?: string | null;
}

/** A case as the API shows it, from its rows: read from the database, or — for a case just filed — as just written. */
export function caseDetailOf(deps: Deps, { c, tasks, events, pauses, transfers, rated, applicant, itemNameEn = null }: CaseParts): CaseDetail {
  const form = JSON.parse(c.form_data) as Record<string, unknown>;
  const now = deps.clock.nowIso();
  let deadline: CaseDetail['deadline'] = null;
  if (c.clock_started_at) {
    const limit = JSON.parse(c.promised_limit);
    const running = clockPauses(pauses, c.clock_started_at);
    const asOf = c.concluded_at ?? now; // a concluded case's clock stopped at its conclusion
    const status = deps.calendar.computeDeadline({ start: c.clock_started_at, limit, pauses: running, now: asOf });
    const legal = deps.calendar.computeDeadline({ start: c.clock_started_at, limit: JSON.parse(c.legal_limit), pauses: running, now: asOf });
    deadline = { dueAt: status.dueAt, legalDueAt: legal.dueAt, elapsedFraction: Math.round(status.elapsedFraction * 1000) / 1000, warning: status.warning, overdue: status.overdue, paused: status.paused };
  }
  return {
    case: toCaseSummary(c, now, itemNameEn),
    implementationCode: c.implementation_code,
    receivingDepartmentId: c.receiving_department_id,
    form,
    materials: JSON.parse(c.materials),
    tasks: tasks.map((t) => ({
      id: t.id, step: t.step, branch: t.branch, name: t.name, departmentId: t.department_id, role: t.role, status: t.status, claimedBy: t.claimed_by_name,
      claimedAt: t.claimed_at, outcome: t.outcome, opinion: t.opinion, completedBy: t.completed_by_name, completedAt: t.completed_at, createdAt: t.created_at,
    })),
    timeline: events.map((e) => ({ at: e.at, actor: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, opinion: e.opinion, details: e.details ? JSON.parse(e.details) : null })),
    corrections: pauses.filter((p) => p.kind === 'correction').map((p) => ({ requestedAt: p.from_at, answeredAt: p.to_at, defects: (JSON.parse(p.details ?? '{}') as { defects?: { target: string; reason: string }[] }).defects ?? [] })),
    deadline,
    transfers: transfers.map((t) => ({
      id: t.id, kind: t.kind, fromDepartmentId: t.from_department_id, toDepartmentId: t.to_department_id, method: t.method, trackingNumber: t.tracking_number,
      note: t.note, status: t.status, sentAt: t.sent_at, sentBy: t.sent_by_name, receivedAt: t.received_at, receivedBy: t.received_by_name,
    })),
    ...rated,
    canRate: applicant && !rated.rating && RATABLE.includes(c.status),
  };
}

/**
 * A page of the applicant's cases, newest first, from the cursor on: a person's own (cases_applicant_idx), or, while
 * acting for an enterprise, the enterprise's (cases_enterprise_applicant_idx), read in that order from the index.
 */
export const myCasesPage = (deps: Deps, actor: Actor, limit: number, after: [string, string] | null) => {
  const all = deps.db.selectFrom('cases').selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  const q = actor.onBehalfOf ? all.where('applicant_uscc', '=', actor.onBehalfOf.uscc) : all.where('applicant_user_id', '=', actor.userId ?? '').where('applicant_kind', '=', 'person');
  return after ? q.where((eb) => eb(eb.refTuple('submitted_at', 'id'), '<', eb.tuple(after[0], after[1]))) : q;
};

/** "My cases": the person's own, or — while acting for an enterprise — the enterprise's. Newest first, each with whether it can be rated now. */
export async function findMyCases(deps: Deps, actor: Actor, query: { limit?: number; cursor?: string }): Promise<PageResult<MyCase>> {
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const page = pageOf(await myCasesPage(deps, actor, limit, after).execute(), limit, (r) => [r.submitted_at, r.id]);
  const now = deps.clock.nowIso();
  const ended = page.items.filter((c) => RATABLE.includes(c.status)).map((c) => c.id);
  const [en, rated] = await Promise.all([
    getItemNamesEn(deps, page.items.map((c) => c.item_id)),
    ended.length ? deps.db.selectFrom('case_ratings').select('case_id').where('case_id', 'in', ended).execute() : Promise.resolve([]),
  ]);
  const ratedIds = new Set(rated.map((r) => r.case_id));
  return mapPage(page, (c) => ({ ...toCaseSummary(c, now, en.get(c.item_id) ?? null), canRate: RATABLE.includes(c.status) && !ratedIds.has(c.id) }));
}

type QueueName = QueueQuery['queue'];
export const QUEUES: readonly QueueName[] = ['to_accept', 'to_review', 'to_decide', 'to_deliver', 'due_soon', 'overdue', 'cross_region', 'all'];
const STEP_OF = { to_accept: 'accept', to_review: 'review', to_decide: 'decide', to_deliver: 'deliver' } as const;
const isStepQueue = (q: QueueName): q is keyof typeof STEP_OF => q in STEP_OF;

/*
 * Which rows make each queue, in one place for its pages and its count. Each is read from an index in the queue's own
 * order (migration 0010): a page seeks to its cursor, a count reads at most QUEUE_COUNT_CAP + 1 index entries.
 */
/** A department's open tasks of one step (to_accept … to_deliver). */
const stepTasks = (deps: Deps, dept: string, step: TaskStep) =>
  deps.db.selectFrom('case_tasks as t').where('t.department_id', '=', dept).where('t.status', '=', 'open').where('t.step', '=', step);
/**
 * 跨省通办: cases the department handles for another region's window (`department_id`), or received for another region's
 * department (`receiving_department_id`). The two sides are disjoint.
 */
const crossRegionSide = (deps: Deps, dept: string, column: 'department_id' | 'receiving_department_id') =>
  deps.db.selectFrom('cases').where(column, '=', dept).where('receiving_department_id', 'is not', null)
    .where((eb) => eb('receiving_department_id', '!=', eb.ref('department_id')));
/** A page of one side of the cross_region queue, newest first, from the cursor on: read in that order from the side's index. */
export const crossRegionPage = (deps: Deps, dept: string, column: 'department_id' | 'receiving_department_id', limit: number, after: [string, string] | null) => {
  const q = crossRegionSide(deps, dept, column).selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  return after ? q.where((eb) => eb(eb.refTuple('submitted_at', 'id'), '<', eb.tuple(after[0], after[1]))) : q;
};
/** due soon / overdue: running clocks only (due_at is set). */
const clockCases = (deps: Deps, dept: string, queue: 'due_soon' | 'overdue', now: string) => {
  const q = deps.db.selectFrom('cases').where('department_id', '=', dept).where('status', 'in', [...ACTIVE]).where('paused', '=', 0).where('due_at', 'is not', null);
  return queue === 'due_soon' ? q.where('warn_at', '<=', now).where('due_at', '>', now) : q.where('due_at', '<=', now);
};

type QueueEntry = CaseSummary & { taskId: string | null; taskName: string | null; claimedBy: string | null };

/** The workbench queues of the officer's department. Steps are matched to the officer's role; deadlines use the stored instants. */
export async function findQueue(deps: Deps, actor: Actor, query: QueueQuery): Promise<PageResult<QueueEntry>> {
  const page = await queuePage(deps, actor, query);
  const en = await getItemNamesEn(deps, page.items.map((c) => c.itemId));
  return en.size ? mapPage(page, (c) => ({ ...c, itemNameEn: en.get(c.itemId) ?? null })) : page;
}

async function queuePage(deps: Deps, actor: Actor, query: QueueQuery): Promise<PageResult<QueueEntry>> {
  const limit = pageLimit(query);
  const dept = actor.departmentId ?? '__none__';
  const now = deps.clock.nowIso();
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const queue = query.queue;
  if (isStepQueue(queue)) {
    let q = stepTasks(deps, dept, STEP_OF[queue]).innerJoin('cases as c', 'c.id', 't.case_id')
      .selectAll('c').select(['t.id as task_id', 't.name as task_name', 't.claimed_by_name', 't.created_at as task_created_at'])
      .orderBy('t.created_at').orderBy('t.id').limit(limit + 1);
    // Cursors compare row values, (a, b) > (x, y): the same rows as a > x or (a = x and b > y), but both databases
    // seek the queue's index to the cursor instead of reading the queue from its start (bench/applications.mjs).
    if (after) q = q.where((eb) => eb(eb.refTuple('t.created_at', 't.id'), '>', eb.tuple(after[0], after[1])));
    const page = pageOf(await q.execute(), limit, (r) => [r.task_created_at, r.task_id]);
    return mapPage(page, (r) => ({ ...toCaseSummary(r, now), taskId: r.task_id, taskName: r.task_name, claimedBy: r.claimed_by_name }));
  }
  const withTask = (c: CasesTable) => ({ ...toCaseSummary(c, now), taskId: null, taskName: null, claimedBy: null });
  if (queue === 'cross_region') {
    // each side read in order from its own index (at most a page each), the two merged
    const side = (column: 'department_id' | 'receiving_department_id') => crossRegionPage(deps, dept, column, limit, after).execute();
    const [handling, receiving] = await Promise.all([side('department_id'), side('receiving_department_id')]);
    const merged = [...handling, ...receiving].sort((a, b) => (a.submitted_at === b.submitted_at ? (a.id < b.id ? 1 : -1) : a.submitted_at < b.submitted_at ? 1 : -1));
    const page = pageOf(merged.slice(0, limit + 1), limit, (r) => [r.submitted_at, r.id]);
    return mapPage(page, withTask);
  }
  if (queue === 'all') {
    let q = deps.db.selectFrom('cases').selectAll().where('department_id', '=', dept).orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (after) q = q.where((eb) => eb(eb.refTuple('submitted_at', 'id'), '<', eb.tuple(after[0], after[1])));
    const page = pageOf(await q.execute(), limit, (r) => [r.submitted_at, r.id]);
    return mapPage(page, withTask);
  }
  // due soon / overdue: soonest first
  let q = clockCases(deps, dept, queue, now).selectAll().orderBy('due_at').orderBy('id').limit(limit + 1);
  if (after) q = q.where((eb) => eb(eb.refTuple('due_at', 'id'), '>', eb.tuple(after[0], after[1])));
  const page = pageOf(await q.execute(), limit, (r) => [r.due_at!, r.id]);
  return mapPage(page, withTask);
}

/** Counts stop here: a queue with more shows "1000+" (counting a department's 100k cases exactly would read them all). */
export const QUEUE_COUNT_CAP = 1000;

/**
 * How many cases wait in each queue of the officer's department — the same rows as findQueue's pages — each counted
 * up to `cap` (QUEUE_COUNT_CAP; `more` when there are more).
 */
export async function countQueues(deps: Deps, actor: Actor, cap = QUEUE_COUNT_CAP): Promise<{ counts: { queue: QueueName; n: number; more: boolean }[]; cap: number }> {
  const dept = actor.departmentId ?? '__none__';
  const now = deps.clock.nowIso();
  // count(*) over at most cap + 1 index entries of one queue
  const capped = async (q: SelectQueryBuilder<any, any, object>): Promise<number> => {
    const inner = q.select(sql<number>`1`.as('one')).limit(cap + 1).as('q');
    const row = await deps.db.selectFrom(inner).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const counts = [];
  for (const queue of QUEUES) {
    let n: number;
    if (isStepQueue(queue)) n = await capped(stepTasks(deps, dept, STEP_OF[queue]));
    else if (queue === 'cross_region') n = (await capped(crossRegionSide(deps, dept, 'department_id'))) + (await capped(crossRegionSide(deps, dept, 'receiving_department_id')));
    else if (queue === 'all') n = await capped(deps.db.selectFrom('cases').where('department_id', '=', dept));
    else n = await capped(clockCases(deps, dept, queue, now));
    counts.push({ queue, n: Math.min(n, cap), more: n > cap });
  }
  return { counts, cap };
}
