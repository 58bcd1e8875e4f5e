import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { insertRow } from '../../../platform/db/prepared.js';
import type { CaseEventsTable, CaseStatus, CasesTable, CaseTasksTable, TaskStep } from '../applications.tables.js';
import { caseClock, clockPauses } from '../applications.deadlines.js';
import { notify } from '../../../platform/notifications.js';
import { recordChange } from '../../../platform/record.js';

/** Shared by the use cases: reading a case, changing it under its row version, tasks, the timeline and the clock. */

export async function getCaseRow(db: DbOrTx, id: string): Promise<CasesTable> {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('applications.case_not_found', 'No such case.');
  return c;
}

/**
 * Changes the case only if nobody changed it since `expectedVersion` (what the officer or applicant saw); the loser of
 * two simultaneous actions gets a conflict and the case is left as the winner made it.
 */
export async function updateCase(tx: Tx, c: CasesTable, expectedVersion: number, set: Partial<CasesTable>, now: string): Promise<CasesTable> {
  if (c.row_version !== expectedVersion) throw staleConflict(c);
  const res = await tx.updateTable('cases').set({ ...set, row_version: c.row_version + 1, updated_at: now }).where('id', '=', c.id).where('row_version', '=', expectedVersion).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleConflict(c);
  return { ...c, ...set, row_version: c.row_version + 1, updated_at: now };
}

const staleConflict = (c: CasesTable) =>
  conflict('applications.case_changed', `Case ${c.case_number} was changed by someone else meanwhile; reload it to see what happened.`, { caseId: c.id });

/** Opens a task of a step; answers the row as written. */
export async function openTask(tx: Tx, caseId: string, t: { step: TaskStep; branch: string; name: string; departmentId: string; role: string }, now: string): Promise<CaseTasksTable> {
  const row: CaseTasksTable = {
    id: newId(), case_id: caseId, step: t.step, branch: t.branch, name: t.name, department_id: t.departmentId, role: t.role, status: 'open',
    claimed_by: null, claimed_by_name: null, claimed_at: null, outcome: null, opinion: null, completed_by_name: null, completed_at: null, created_at: now,
  };
  await insertRow(tx, 'case_tasks', row);
  return row;
}

/** Marks an open task done; a task someone else completed a moment ago is a conflict, not a second completion. */
export async function completeTask(tx: Tx, taskId: string, actor: Actor, outcome: string, opinion: string | null, now: string): Promise<void> {
  const res = await tx.updateTable('case_tasks')
    .set({ status: 'done', outcome, opinion, completed_by_name: actor.displayName, completed_at: now })
    .where('id', '=', taskId).where('status', '=', 'open').executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('applications.task_already_done', 'This step has just been completed by someone else; reload the case.');
}

/** Adds a timeline entry; answers the row as written. */
export async function addEvent(tx: Tx, c: { id: string }, actor: Actor, action: string, from: CaseStatus | null, to: CaseStatus | null, opinion: string | null, details: unknown, now: string): Promise<CaseEventsTable> {
  const row: CaseEventsTable = {
    id: newId(), case_id: c.id, at: now, actor_name: actor.displayName, actor_department_id: actor.departmentId, action, from_status: from, to_status: to,
    opinion, details: details === undefined ? null : JSON.stringify(details),
  };
  await insertRow(tx, 'case_events', row);
  return row;
}

/** updateCase for changes that move the clock (acceptance, pauses): the stored due and warning instants move with them. */
export async function updateCaseAndClock(tx: Tx, deps: Deps, c: CasesTable, expectedVersion: number, set: Partial<CasesTable>, now: string): Promise<CasesTable> {
  return updateCase(tx, c, expectedVersion, { ...set, ...(await refreshClock(tx, deps, { ...c, ...set }, now)) }, now);
}

/** Recomputes the stored due/warn instants from the clock start, the limits and the pauses (queues filter on them). */
export async function refreshClock(tx: Tx, deps: Deps, c: CasesTable, now: string): Promise<Partial<CasesTable>> {
  if (!c.clock_started_at) return {};
  const pauses = await tx.selectFrom('case_pauses').select(['from_at', 'to_at']).where('case_id', '=', c.id).execute();
  const clock = caseClock(deps.calendar, c.clock_started_at, JSON.parse(c.promised_limit), JSON.parse(c.legal_limit), clockPauses(pauses, c.clock_started_at), now);
  return { due_at: clock.dueAt, warn_at: clock.warnAt, legal_due_at: clock.legalDueAt, paused: clock.paused ? 1 : 0 };
}

/** What the applicant is told at each step (the in-app inbox words it in the reader's language from kind + params). */
const APPLICANT_NOTICES: Record<string, string> = {
  submitted: '您的申请已提交',
  accepted: '您的申请已受理',
  not_accepted: '您的申请不予受理',
  correction_requested: '您的申请需要补正材料',
  approved: '您的申请已办结（准予许可）',
  refused: '您的申请已办结（不予许可）',
  result_sent: '办理结果已寄往受理窗口',
  delivered: '办理结果已送达',
};

/** Tells the applicant, in the same transaction, when `action` is one they care about. */
export async function notifyApplicant(tx: Tx, deps: Pick<Deps, 'clock'>, c: Pick<CasesTable, 'id' | 'applicant_user_id' | 'case_number' | 'item_name'>, action: string): Promise<void> {
  const title = APPLICANT_NOTICES[action];
  if (!title) return;
  await notify(tx, deps.clock, {
    userId: c.applicant_user_id, kind: `case.${action}`, params: { caseNumber: c.case_number, itemName: c.item_name },
    title: `${title}：${c.item_name}（${c.case_number}）`, link: `/hall/cases/${c.id}`,
  });
}

/** The record of a step: the timeline entry, the applicant's notification, the audit entry and the outbox event. */
export async function finish(tx: Tx, deps: Deps, actor: Actor, c: CasesTable, action: string, from: CaseStatus, opinion: string | null, details: unknown, now: string): Promise<void> {
  await addEvent(tx, c, actor, action, from, c.status, opinion, details, now);
  await notifyApplicant(tx, deps, c, action);
  await recordChange(tx, deps, actor, {
    audit: { action: `case.${action}`, targetType: 'case', targetId: c.id, details: { caseNumber: c.case_number, from, to: c.status, ...(details && typeof details === 'object' ? details : {}) } },
    event: { aggregateType: 'case', aggregateId: c.id, payload: { caseId: c.id, caseNumber: c.case_number, departmentId: c.department_id, status: c.status, decision: c.decision } },
  });
}
