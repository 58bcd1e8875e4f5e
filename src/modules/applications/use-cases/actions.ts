import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { getItemVersion } from '../../catalog/index.js';
import { findDepartmentById } from '../../org/index.js';
import { validateApplicationForm } from './prefill.js';
import type { Lang } from '../../../platform/forms/index.js';
import type { CaseStatus, CaseTasksTable, CasesTable, TaskStep } from '../applications.tables.js';
import type { ActionBody, CorrectionBody, DecideBody, DeliverBody, ReasonedActionBody, ResubmitBody, ReviewBody } from '../applications.schemas.js';
import { canWorkTask, isApplicant, isCrossRegion, ROLE_FOR_STEP } from '../applications.policy.js';
import { addEvent, completeTask, finish, getCaseRow, openTask, updateCase, updateCaseAndClock } from './case-store.js';
import { checkMaterials, type ResolvedBranch } from './submit.js';
import { caseItemVersion, issueCaseDocument, itemFactsFrom, itemFactsOf } from './documents.js';
import { issueLicenceOnApproval, verifyLicenceAnswers } from './licences.js';

/*
 * The officers' actions on a case, one per workflow step. Each runs in one transaction: the task is completed only if
 * still open, the case changes only from the version the officer saw, the timeline, audit entry and outbox event are
 * written with it. Out-of-order actions (deciding before acceptance) find no open task of that step and are refused.
 */

interface Ctx {
  c: CasesTable;
  task: CaseTasksTable;
  now: string;
}

async function taskContext(tx: Tx, deps: Deps, actor: Actor, caseId: string, taskId: string, step: TaskStep): Promise<Ctx> {
  const c = await getCaseRow(tx, caseId);
  const task = await tx.selectFrom('case_tasks').selectAll().where('id', '=', taskId).where('case_id', '=', caseId).executeTakeFirst();
  if (!task) throw notFound('applications.task_not_found', 'No such step on this case.');
  if (!canWorkTask(actor, task)) throw forbidden('applications.not_your_task', `This step belongs to another department or needs the ${ROLE_FOR_STEP[task.step]} role.`);
  if (task.step !== step) throw conflict('applications.wrong_step', `This is the ${task.step} step; the action is for ${step}.`);
  if (task.status !== 'open') throw conflict('applications.task_already_done', 'This step has already been completed; reload the case.');
  if (task.claimed_by && task.claimed_by !== actor.userId) throw conflict('applications.claimed_by_other', `${task.claimed_by_name ?? 'Another officer'} is working on this step; ask them or a department admin to release it.`);
  return { c, task, now: deps.clock.nowIso() };
}


export async function claimTask(deps: Deps, actor: Actor, caseId: string, taskId: string, claim: boolean): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const task = await tx.selectFrom('case_tasks').selectAll().where('id', '=', taskId).where('case_id', '=', caseId).executeTakeFirst();
    if (!task) throw notFound('applications.task_not_found', 'No such step on this case.');
    if (!canWorkTask(actor, task)) throw forbidden('applications.not_your_task', 'This step belongs to another department or role.');
    if (task.status !== 'open') throw conflict('applications.task_already_done', 'This step has already been completed.');
    const now = deps.clock.nowIso();
    const q = tx.updateTable('case_tasks').where('id', '=', taskId).where('status', '=', 'open');
    const res = claim
      ? await q.set({ claimed_by: actor.userId, claimed_by_name: actor.displayName, claimed_at: now }).where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', actor.userId!)])).executeTakeFirst()
      : await q.set({ claimed_by: null, claimed_by_name: null, claimed_at: null }).where('claimed_by', '=', actor.userId!).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('applications.claimed_by_other', claim ? `${task.claimed_by_name ?? 'Another officer'} has already claimed this step.` : 'You have not claimed this step.');
    await addEvent(tx, { id: caseId }, actor, claim ? 'task_claimed' : 'task_released', null, null, null, { task: task.name }, now);
    await recordChange(tx, deps, actor, { audit: { action: claim ? 'case.task_claimed' : 'case.task_released', targetType: 'case', targetId: caseId, details: { taskId } } });
  });
}

/** 受理: the clock starts; review tasks open for every branch that applies (并联审批 when several). */
export async function acceptCase(deps: Deps, actor: Actor, caseId: string, taskId: string, body: ActionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, 'accept');
    await completeTask(tx, task.id, actor, 'accepted', body.opinion ?? null, now);
    const next = await updateCaseAndClock(tx, deps, c, body.expectedVersion, { status: 'reviewing', accepted_at: now, clock_started_at: now }, now);
    for (const b of (JSON.parse(c.workflow) as { review: ResolvedBranch[] }).review) {
      await openTask(tx, c.id, { step: 'review', branch: b.key, name: b.name, departmentId: b.departmentId, role: ROLE_FOR_STEP.review }, now);
    }
    await finish(tx, deps, actor, next, 'accepted', c.status, body.opinion ?? null, undefined, now);
  });
}

/** What an action that issues a sealed document answers: the document, pending until finishDocument seals it. */
export interface IssuedDocument {
  documentId: string | null;
}

/**
 * 不予受理: a written reason is required; the case ends. The 不予受理通知书 is issued with it, pending: the caller seals
 * it after the commit (finishDocumentLater), or a read or the start-up sweep does.
 */
export async function refuseAcceptance(deps: Deps, actor: Actor, caseId: string, taskId: string, body: ReasonedActionBody): Promise<IssuedDocument> {
  return withTx(deps.db, async (tx) => {
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, 'accept');
    await completeTask(tx, task.id, actor, 'not_accepted', body.reason, now);
    const next = await updateCase(tx, c, body.expectedVersion, { status: 'not_accepted', concluded_at: now }, now);
    const doc = await issueCaseDocument(tx, deps, actor, next, task.department_id, { kind: 'not_accepted_notice', reason: body.reason }, now);
    await finish(tx, deps, actor, next, 'not_accepted', c.status, body.reason, { notice: '不予受理通知书', reason: body.reason, documentId: doc.id, documentNumber: doc.number }, now);
    return { documentId: doc.id };
  });
}

/**
 * 补正: every defect at once. Before acceptance the accept step closes and reopens on resubmission (the legal clock
 * has not started); during review the clock stops until the applicant answers. Issues the 补正材料通知书 (pending).
 */
export async function requestCorrection(deps: Deps, actor: Actor, caseId: string, taskId: string, body: CorrectionBody): Promise<IssuedDocument> {
  const item = await itemFactsOf(deps, actor, caseId); // the names of the defects' targets, for the 补正通知书
  return withTx(deps.db, async (tx) => {
    const t0 = await tx.selectFrom('case_tasks').select('step').where('id', '=', taskId).executeTakeFirst();
    const step: TaskStep = t0?.step === 'review' ? 'review' : 'accept';
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, step);
    if (step === 'accept') await completeTask(tx, task.id, actor, 'correction', null, now);
    await tx.insertInto('case_pauses').values({ id: newId(), case_id: c.id, kind: 'correction', reason: '补正', details: JSON.stringify({ defects: body.defects, step, taskId }), from_at: now, to_at: null }).execute();
    const next = await updateCaseAndClock(tx, deps, c, body.expectedVersion, { status: 'correction' }, now);
    const doc = await issueCaseDocument(tx, deps, actor, next, task.department_id, { kind: 'correction_notice', defects: body.defects, item }, now);
    await finish(tx, deps, actor, next, 'correction_requested', c.status, null, { defects: body.defects, documentId: doc.id, documentNumber: doc.number }, now);
    return { documentId: doc.id };
  });
}

/** The applicant answers a correction request: new form and materials; the clock resumes (or the case waits for acceptance again). */
export async function resubmitCorrection(deps: Deps, actor: Actor, caseId: string, body: ResubmitBody, lang: Lang = 'zh-CN'): Promise<void> {
  const c0 = await getCaseRow(deps.db, caseId);
  if (!isApplicant(actor, c0)) throw notFound('applications.case_not_found', 'No such case.');
  if (c0.status !== 'correction') throw conflict('applications.no_correction_pending', 'No correction is pending on this case.');
  // The case keeps the item version it was filed under: check against that version's guide.
  const detail = await getItemVersion(deps, actor, c0.item_id, c0.item_version);
  const form = await validateApplicationForm(deps, actor, detail.guide, detail.item.name, body.form, lang);
  await checkMaterials(deps, actor, detail.guide, body.materials);
  await withTx(deps.db, async (tx) => {
    const c = await getCaseRow(tx, caseId);
    const now = deps.clock.nowIso();
    const pause = await tx.selectFrom('case_pauses').selectAll().where('case_id', '=', c.id).where('kind', '=', 'correction').where('to_at', 'is', null).executeTakeFirst();
    if (!pause) throw conflict('applications.no_correction_pending', 'No correction is pending on this case.');
    await tx.updateTable('case_pauses').set({ to_at: now }).where('id', '=', pause.id).execute();
    const { step } = JSON.parse(pause.details ?? '{}') as { step?: TaskStep };
    const status: CaseStatus = step === 'review' ? 'reviewing' : 'submitted';
    const materials = body.materials.some((m) => m.by === 'license') ? await verifyLicenceAnswers(tx, deps, actor, detail.guide, body.materials, c.id) : body.materials;
    const next = await updateCaseAndClock(tx, deps, c, body.expectedVersion, { status, form_data: JSON.stringify(form), materials: JSON.stringify(materials) }, now);
    if (status === 'submitted') await openTask(tx, c.id, { step: 'accept', branch: 'accept', name: '受理', departmentId: c.department_id, role: ROLE_FOR_STEP.accept }, now);
    await finish(tx, deps, actor, next, 'corrected', c.status, null, undefined, now);
  });
}

/** 审查: one branch's opinion. When the last open branch is done, the case goes to decision. */
export async function completeReview(deps: Deps, actor: Actor, caseId: string, taskId: string, body: ReviewBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, 'review');
    if (c.status !== 'reviewing') throw conflict('applications.wrong_status', c.status === 'correction' ? 'The case waits for the applicant’s correction.' : `The case is ${c.status}.`);
    if (c.paused) throw conflict('applications.clock_paused', 'A special procedure is open on this case; end it first.');
    await completeTask(tx, task.id, actor, body.outcome, body.opinion, now);
    const open = await tx.selectFrom('case_tasks').select('id').where('case_id', '=', c.id).where('step', '=', 'review').where('status', '=', 'open').execute();
    const next = await updateCase(tx, c, body.expectedVersion, open.length === 0 ? { status: 'deciding' } : {}, now);
    if (open.length === 0) await openTask(tx, c.id, { step: 'decide', branch: 'decide', name: '决定', departmentId: c.department_id, role: ROLE_FOR_STEP.decide }, now);
    await finish(tx, deps, actor, next, 'reviewed', c.status, body.opinion, { branch: task.branch, outcome: body.outcome }, now);
  });
}

/** 特别程序 (hearing, inspection, expert review): the clock stops until it ends. */
export async function startSpecialProcedure(deps: Deps, actor: Actor, caseId: string, body: ReasonedActionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const c = await getCaseRow(tx, caseId);
    if (!['reviewing', 'deciding'].includes(c.status)) throw conflict('applications.wrong_status', 'Special procedures happen during review or decision.');
    await assertWorksOpenStep(tx, actor, c);
    if (await tx.selectFrom('case_pauses').select('id').where('case_id', '=', c.id).where('to_at', 'is', null).executeTakeFirst()) throw conflict('applications.clock_paused', 'The clock is already stopped.');
    const now = deps.clock.nowIso();
    await tx.insertInto('case_pauses').values({ id: newId(), case_id: c.id, kind: 'special', reason: body.reason, details: null, from_at: now, to_at: null }).execute();
    const next = await updateCaseAndClock(tx, deps, c, body.expectedVersion, {}, now);
    await finish(tx, deps, actor, next, 'special_procedure_started', c.status, body.reason, undefined, now);
  });
}

export async function endSpecialProcedure(deps: Deps, actor: Actor, caseId: string, body: ActionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const c = await getCaseRow(tx, caseId);
    await assertWorksOpenStep(tx, actor, c);
    const pause = await tx.selectFrom('case_pauses').selectAll().where('case_id', '=', c.id).where('kind', '=', 'special').where('to_at', 'is', null).executeTakeFirst();
    if (!pause) throw conflict('applications.no_special_procedure', 'No special procedure is open on this case.');
    const now = deps.clock.nowIso();
    await tx.updateTable('case_pauses').set({ to_at: now }).where('id', '=', pause.id).execute();
    const next = await updateCaseAndClock(tx, deps, c, body.expectedVersion, {}, now);
    await finish(tx, deps, actor, next, 'special_procedure_ended', c.status, body.opinion ?? null, undefined, now);
  });
}

async function assertWorksOpenStep(tx: Tx, actor: Actor, c: CasesTable): Promise<void> {
  const tasks = await tx.selectFrom('case_tasks').selectAll().where('case_id', '=', c.id).where('status', '=', 'open').execute();
  if (!tasks.some((t) => canWorkTask(actor, t))) throw forbidden('applications.not_your_task', 'Only an officer working an open step of this case may do this.');
}

/**
 * 决定 → 办结: approve, or refuse with the reason; delivery (送达) follows. An approval issues the 准予（行政）许可决定书,
 * a refusal the 不予（行政）许可决定书 with its reason (both pending, like the others). When the item's result is a
 * licence the guide maps from the case (result.licenseFields), the approval issues it in the same transaction; a
 * licence that cannot be filled fails the approval (applications.licence_not_issuable) and nothing changes.
 */
export async function decideCase(deps: Deps, actor: Actor, caseId: string, taskId: string, body: DecideBody): Promise<IssuedDocument & { licenceId?: string | null }> {
  // the item version the case was filed under, read once: the documents' facts, and for an approval its licence mapping
  // (an approval needs the guide: without it the approval fails; a refusal's document does without the facts)
  const version = await caseItemVersion(deps, actor, caseId).catch((err) => {
    if (body.decision === 'approved') throw err;
    return null;
  });
  const item = itemFactsFrom(version);
  const guide = body.decision === 'approved' ? version!.guide : null;
  return withTx(deps.db, async (tx) => {
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, 'decide');
    if (c.paused) throw conflict('applications.clock_paused', 'A special procedure is open on this case; end it first.');
    await completeTask(tx, task.id, actor, body.decision, body.opinion, now);
    const next = await updateCase(tx, c, body.expectedVersion, { status: 'concluded', decision: body.decision, concluded_at: now }, now);
    const licence = guide ? await issueLicenceOnApproval(tx, deps, actor, next, guide, (await findDepartmentById(tx, c.department_id))?.name ?? '', now) : null;
    await openTask(tx, c.id, { step: 'deliver', branch: 'deliver', name: '送达', departmentId: c.receiving_department_id ?? c.department_id, role: ROLE_FOR_STEP.deliver }, now);
    const doc = body.decision === 'approved'
      ? await issueCaseDocument(tx, deps, actor, next, task.department_id, { kind: 'approval_decision', opinion: body.opinion, item }, now)
      : await issueCaseDocument(tx, deps, actor, next, task.department_id, { kind: 'refusal_decision', reason: body.opinion, item }, now);
    await finish(tx, deps, actor, next, body.decision === 'approved' ? 'approved' : 'refused', c.status, body.opinion, {
      decision: body.decision, document: doc.title, documentId: doc.id, documentNumber: doc.number, ...(licence && { licence }),
    }, now);
    return { documentId: doc.id, licenceId: licence?.licenceId ?? null };
  });
}

/** 送达: online, by courier (with its tracking number) or at the window — by the window that received the case. */
export async function deliverResult(deps: Deps, actor: Actor, caseId: string, taskId: string, body: DeliverBody): Promise<void> {
  if (body.method === 'courier' && !body.trackingNumber) throw invalid('applications.tracking_number_required', 'Give the courier tracking number.', [{ field: 'trackingNumber', reason: 'required for courier delivery' }]);
  await withTx(deps.db, async (tx) => {
    const { c, task, now } = await taskContext(tx, deps, actor, caseId, taskId, 'deliver');
    if (isCrossRegion(c)) {
      const result = await tx.selectFrom('case_transfers').select('id').where('case_id', '=', c.id).where('kind', '=', 'result').where('status', '=', 'received').executeTakeFirst();
      if (!result) throw conflict('applications.result_not_received', 'The result has not reached this window yet: the handling department sends it, this window confirms receipt, then delivers.');
    }
    await completeTask(tx, task.id, actor, body.method, body.trackingNumber ?? null, now);
    const next = await updateCase(tx, c, body.expectedVersion, { status: 'delivered', delivered_at: now }, now);
    await finish(tx, deps, actor, next, 'delivered', c.status, null, { method: body.method, trackingNumber: body.trackingNumber }, now);
  });
}
