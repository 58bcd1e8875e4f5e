import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { isUniqueViolation, withTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { regionCovers } from '../../org/index.js';
import type {
  ConcludeBody, CoUnitsBody, CrossRegionBody, DispatchBody, FollowUpBody, NoteBody, OpinionBody, RateBody, ReplyBody, RequestInfoBody, ReturnBody,
  SupplementBody, TransferBody,
} from '../consultation.orders.schemas.js';
import type { OrderStatus, WorkOrdersTable } from '../consultation.orders.tables.js';
import { orderSettings } from './orders-settings.js';
import {
  AT_UNIT, CLOSED, addHop, checkVersion, cleanText, clockColumns, dispatcherFor, finish, getOrderRow, isAsker, isCrossRegion, isDispatcherOf, isOfficerOf,
  isOriginDispatcherOf, notifyDepartment, requireDepartment, requireRegion, signDueAt, updateOrder,
} from './orders-store.js';

/*
 * What units, dispatchers and askers do with an order, one function per step. Each runs in one transaction: the order
 * changes only from the version the caller saw (consultation.conflict otherwise), and the timeline, chain, audit entry,
 * outbox event and notifications are written with it. The checks come in a fixed order: the order exists, the caller
 * may act on it (another department's officer: forbidden), the order is still open (consultation.order_closed), the
 * step fits its status (consultation.wrong_status), then the input.
 */

const STATUS_WORDS: Record<OrderStatus, string> = {
  dispatching: 'waiting for the dispatcher', to_sign: 'waiting to be signed for', in_progress: 'in progress', waiting_asker: 'waiting for the asker',
  replied: 'replied', concluded: 'concluded', rated: 'rated',
};

function assertOpen(o: WorkOrdersTable): void {
  if (CLOSED.includes(o.status)) throw conflict('consultation.order_closed', `Work order ${o.order_number} has been concluded (办结); it takes no more replies or actions.`);
}

function assertStatus(o: WorkOrdersTable, allowed: readonly OrderStatus[], what: string, code = 'consultation.wrong_status'): void {
  assertOpen(o);
  if (!allowed.includes(o.status)) throw conflict(code, `Cannot ${what}: the order is ${STATUS_WORDS[o.status]}.`, { status: o.status });
}

function assertUnit(actor: Actor, o: WorkOrdersTable): void {
  if (!isOfficerOf(actor, o.department_id)) throw forbidden('consultation.not_your_order', 'This work order is not with your department.');
}

function assertDispatcher(actor: Actor, o: WorkOrdersTable, allowOrigin = false): void {
  if (!isDispatcherOf(actor, o) && !(allowOrigin && isOriginDispatcherOf(actor, o))) {
    throw forbidden('consultation.not_the_dispatcher', 'Only the order’s dispatcher (12345 centre) may do this.');
  }
}

function assertMayBounce(o: WorkOrdersTable): void {
  if (o.final_ruling) throw forbidden('consultation.final_ruling', 'The dispatcher ruled on this order after it bounced; the ruling is final and the order can no longer be transferred or returned.');
}

async function coUnitIds(tx: Tx, orderId: string): Promise<string[]> {
  return (await tx.selectFrom('work_order_co_units').select('department_id').where('order_id', '=', orderId).execute()).map((r) => r.department_id);
}

/** Invites co-units (协办); each has coUnitDays working days for its opinion. Answers the ids added. */
async function inviteCoUnits(tx: Tx, deps: Deps, o: WorkOrdersTable, ids: string[], now: string): Promise<string[]> {
  const existing = new Set(await coUnitIds(tx, o.id));
  const due = deps.calendar.computeDeadline({ start: now, limit: { value: orderSettings(deps).coUnitDays, unit: 'working_day' }, pauses: [], now }).dueAt;
  const added: string[] = [];
  for (const [i, id] of [...new Set(ids)].entries()) {
    if (id === o.department_id) throw invalid('consultation.co_unit_is_lead', 'The lead unit (主办) cannot also be a co-unit (协办).', [{ field: `departmentIds.${i}`, reason: 'is the lead unit' }]);
    await requireDepartment(tx, id, `departmentIds.${i}`);
    if (existing.has(id)) continue;
    await tx.insertInto('work_order_co_units').values({ order_id: o.id, department_id: id, status: 'pending', due_at: due, opinion: null, contributed_at: null, contributed_by_name: null, invited_at: now }).execute();
    await notifyDepartment(tx, deps, id, o, 'co_unit', '联办工单待提供协办意见');
    added.push(id);
  }
  return added;
}

/** 派单: the dispatcher gives the order to a unit (with co-units for joint handling). After the bounce cap the ruling is final. */
export async function dispatchOrder(deps: Deps, actor: Actor, id: string, body: DispatchBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertDispatcher(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['dispatching'], 'dispatch');
    const now = deps.clock.nowIso();
    const target = await requireDepartment(tx, body.departmentId);
    const final = o.bounce_count >= orderSettings(deps).bounceCap;
    // The order is cross-region when the unit is outside the region that received it; the hop is, when outside the dispatcher's.
    const cross = isCrossRegion(o.origin_region_code, target.region_code);
    const hopCross = isCrossRegion((await requireDepartment(tx, o.dispatcher_department_id)).region_code, target.region_code);
    const note = body.note ? cleanText(body.note, 'note') : null;
    const next = await updateOrder(tx, o, body.expectedVersion, {
      department_id: target.id, status: 'to_sign', dispatch_reason: null, dispatched_at: now, sign_due_at: signDueAt(deps, now), signed_at: null,
      final_ruling: final ? 1 : o.final_ruling, cross_region: cross ? 1 : o.cross_region,
    }, now);
    await addHop(tx, o, actor, { kind: final ? 'ruling' : hopCross ? 'cross_region' : 'dispatch', from: o.dispatcher_department_id, to: target.id, reason: note }, now);
    const coUnits = body.coDepartmentIds?.length ? await inviteCoUnits(tx, deps, next, body.coDepartmentIds, now) : [];
    await notifyDepartment(tx, deps, target.id, next, 'to_sign', final ? '工单经派单中心裁定，请签收办理' : '新工单待签收');
    await finish(tx, deps, actor, next, 'dispatched', o.status, note, { departmentId: target.id, departmentName: target.name, final, crossRegion: cross, coUnits }, now);
  });
}

/** 签收: the unit takes the order on (due within signDays working days of dispatch; late signing is recorded). */
export async function signOrder(deps: Deps, actor: Actor, id: string, body: NoteBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertUnit(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['to_sign'], 'sign for it');
    const now = deps.clock.nowIso();
    const next = await updateOrder(tx, o, body.expectedVersion, { status: 'in_progress', signed_at: now }, now);
    const late = !!o.sign_due_at && now > o.sign_due_at;
    await finish(tx, deps, actor, next, 'signed', o.status, body.note ? cleanText(body.note, 'note') : null, { late, signDueAt: o.sign_due_at }, now);
  });
}

/** 转办: to another unit with the reason. The transfer that reaches the bounce cap lands at the dispatcher instead. */
export async function transferOrder(deps: Deps, actor: Actor, id: string, body: TransferBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertUnit(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['to_sign', 'in_progress'], 'transfer it');
    assertMayBounce(o);
    if (body.departmentId === o.department_id) throw invalid('consultation.transfer_to_self', 'The order is already with your department; choose another unit.', [{ field: 'departmentId', reason: 'is your own department' }]);
    const reason = cleanText(body.reason, 'reason');
    const target = await requireDepartment(tx, body.departmentId);
    const now = deps.clock.nowIso();
    const bounces = o.bounce_count + 1;
    if (bounces >= orderSettings(deps).bounceCap) {
      const next = await updateOrder(tx, o, body.expectedVersion, { department_id: null, status: 'dispatching', dispatch_reason: 'bounced', bounce_count: bounces, sign_due_at: null, signed_at: null }, now);
      await addHop(tx, o, actor, { kind: 'transfer', from: o.department_id, to: o.dispatcher_department_id, reason, bounce: true }, now);
      await notifyDepartment(tx, deps, o.dispatcher_department_id, next, 'bounced', '工单多次转办，请派单中心裁定');
      await finish(tx, deps, actor, next, 'transferred', o.status, reason, { proposedDepartmentId: target.id, proposedDepartmentName: target.name, bounces, toDispatcher: true }, now);
      return;
    }
    // A co-unit that becomes the lead stops being a co-unit.
    await tx.deleteFrom('work_order_co_units').where('order_id', '=', o.id).where('department_id', '=', target.id).execute();
    const cross = isCrossRegion(o.origin_region_code, target.region_code);
    const next = await updateOrder(tx, o, body.expectedVersion, {
      department_id: target.id, status: 'to_sign', bounce_count: bounces, dispatched_at: now, sign_due_at: signDueAt(deps, now), signed_at: null, cross_region: cross ? 1 : o.cross_region,
    }, now);
    await addHop(tx, o, actor, { kind: 'transfer', from: o.department_id, to: target.id, reason, bounce: true }, now);
    await notifyDepartment(tx, deps, target.id, next, 'to_sign', '转办工单待签收');
    await finish(tx, deps, actor, next, 'transferred', o.status, reason, { departmentId: target.id, departmentName: target.name, bounces, toDispatcher: false }, now);
  });
}

/** 退单: back to the dispatcher, with the basis (属地不符/权属不清/职能交叉) and its legal basis. */
export async function returnOrder(deps: Deps, actor: Actor, id: string, body: ReturnBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertUnit(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['to_sign', 'in_progress'], 'return it');
    assertMayBounce(o);
    const legalBasis = cleanText(body.legalBasis, 'legalBasis');
    const reason = cleanText(body.reason, 'reason');
    let suggested: { id: string; name: string } | null = null;
    if (body.suggestedDepartmentId) {
      if (body.suggestedDepartmentId === o.department_id) throw invalid('consultation.transfer_to_self', 'Suggest a unit other than your own.', [{ field: 'suggestedDepartmentId', reason: 'is your own department' }]);
      suggested = await requireDepartment(tx, body.suggestedDepartmentId, 'suggestedDepartmentId');
    }
    const now = deps.clock.nowIso();
    const bounces = o.bounce_count + 1;
    const capped = bounces >= orderSettings(deps).bounceCap;
    const next = await updateOrder(tx, o, body.expectedVersion, {
      department_id: null, status: 'dispatching', dispatch_reason: capped ? 'bounced' : 'returned', bounce_count: bounces, sign_due_at: null, signed_at: null,
    }, now);
    await addHop(tx, o, actor, { kind: 'return', from: o.department_id, to: o.dispatcher_department_id, reason, basis: body.basis, legalBasis, bounce: true }, now);
    await notifyDepartment(tx, deps, o.dispatcher_department_id, next, capped ? 'bounced' : 'returned', capped ? '工单多次退转，请派单中心裁定' : '工单被退回，请重新派单');
    await finish(tx, deps, actor, next, 'returned', o.status, reason, {
      basis: body.basis, legalBasis, suggestedDepartmentId: suggested?.id ?? null, suggestedDepartmentName: suggested?.name ?? null, bounces, capped,
    }, now);
  });
}

/** 补充信息: ask the asker; the clock stops until they answer. */
export async function requestInfo(deps: Deps, actor: Actor, id: string, body: RequestInfoBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertUnit(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['in_progress'], 'ask the asker for more information');
    if (!o.asker_user_id) throw conflict('consultation.asker_unreachable', 'The asker has no account here and cannot answer online; call them instead.');
    const request = cleanText(body.request, 'request');
    const now = deps.clock.nowIso();
    await tx.insertInto('work_order_pauses').values({ id: newId(), order_id: o.id, request, answer: null, from_at: now, to_at: null, requested_by_name: actor.displayName }).execute();
    const next = await updateOrder(tx, o, body.expectedVersion, { status: 'waiting_asker', ...(await clockColumns(tx, deps, o, now)) }, now);
    await finish(tx, deps, actor, next, 'info_requested', o.status, request, null, now);
  });
}

/** The asker answers a request for more information; the clock runs again. */
export async function supplementOrder(deps: Deps, actor: Actor, id: string, body: SupplementBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    if (!isAsker(actor, o)) throw forbidden('consultation.not_your_order', 'Only the asker answers requests for more information.');
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['waiting_asker'], 'add information', 'consultation.no_info_requested');
    const answer = cleanText(body.answer, 'answer');
    const now = deps.clock.nowIso();
    const pause = await tx.selectFrom('work_order_pauses').select('id').where('order_id', '=', o.id).where('to_at', 'is', null).executeTakeFirst();
    if (!pause) throw conflict('consultation.no_info_requested', 'No request for more information is open.');
    await tx.updateTable('work_order_pauses').set({ to_at: now, answer }).where('id', '=', pause.id).execute();
    const next = await updateOrder(tx, o, body.expectedVersion, { status: 'in_progress', ...(await clockColumns(tx, deps, o, now)) }, now);
    await notifyDepartment(tx, deps, o.department_id!, next, 'supplemented', '群众已补充信息');
    await finish(tx, deps, actor, next, 'supplemented', o.status, answer, null, now);
  });
}

/** 答复: the lead unit's reply to the asker (it may reply again until it concludes). */
export async function replyOrder(deps: Deps, actor: Actor, id: string, body: ReplyBody): Promise<WorkOrdersTable> {
  return withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertUnit(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['in_progress', 'replied'], 'reply');
    const content = cleanText(body.content, 'content');
    const now = deps.clock.nowIso();
    const next = await updateOrder(tx, o, body.expectedVersion, { status: 'replied', reply: content, replied_at: now, replied_by_name: actor.displayName }, now);
    await finish(tx, deps, actor, next, 'replied', o.status, content, null, now);
    return next;
  });
}

/** 协办意见: a co-unit's opinion on a joint order (accepted late too, as long as the lead has not concluded). */
export async function contributeOpinion(deps: Deps, actor: Actor, id: string, body: OpinionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    const co = actor.departmentId ? await tx.selectFrom('work_order_co_units').selectAll().where('order_id', '=', o.id).where('department_id', '=', actor.departmentId).executeTakeFirst() : undefined;
    if (!co || !isOfficerOf(actor, co.department_id)) throw forbidden('consultation.not_a_co_unit', 'Your department is not a co-unit (协办单位) of this order.');
    assertOpen(o);
    if (co.status !== 'pending') throw conflict('consultation.already_contributed', 'Your department has already given its opinion.');
    const opinion = cleanText(body.opinion, 'opinion');
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('work_order_co_units').set({ status: 'contributed', opinion, contributed_at: now, contributed_by_name: actor.displayName })
      .where('order_id', '=', o.id).where('department_id', '=', co.department_id).where('status', '=', 'pending').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('consultation.already_contributed', 'Your department has already given its opinion.');
    // The order's version moves too: a lead concluding on an older view (before this opinion) gets a conflict.
    const next = await updateOrder(tx, o, null, {}, now);
    if (o.department_id) await notifyDepartment(tx, deps, o.department_id, next, 'opinion', '协办单位已提交意见');
    await finish(tx, deps, actor, next, 'opinion_contributed', o.status, opinion, { departmentId: co.department_id, late: now > co.due_at }, now, { public: false });
  });
}

/** 联办: the lead unit or the dispatcher adds co-units. */
export async function addCoUnits(deps: Deps, actor: Actor, id: string, body: CoUnitsBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    if (!isOfficerOf(actor, o.department_id) && !isDispatcherOf(actor, o)) throw forbidden('consultation.not_your_order', 'The lead unit or the dispatcher invites co-units.');
    checkVersion(o, body.expectedVersion);
    assertStatus(o, AT_UNIT, 'invite co-units');
    const now = deps.clock.nowIso();
    const added = await inviteCoUnits(tx, deps, o, body.departmentIds, now);
    if (added.length === 0) throw conflict('consultation.already_co_unit', 'These departments are already co-units of the order.');
    const next = await updateOrder(tx, o, body.expectedVersion, {}, now);
    await finish(tx, deps, actor, next, 'co_units_added', o.status, body.note ? cleanText(body.note, 'note') : null, { departmentIds: added }, now);
  });
}

/** 办结: only the lead unit, after its reply, once every co-unit has given its opinion or its time has run out. */
export async function concludeOrder(deps: Deps, actor: Actor, id: string, body: ConcludeBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    if (!isOfficerOf(actor, o.department_id)) {
      const co = actor.departmentId ? await tx.selectFrom('work_order_co_units').select('department_id').where('order_id', '=', o.id).where('department_id', '=', actor.departmentId).executeTakeFirst() : undefined;
      throw forbidden(co ? 'consultation.lead_concludes' : 'consultation.not_your_order', co ? 'Only the lead unit (主办) concludes a joint order.' : 'This work order is not with your department.');
    }
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['replied'], 'conclude before replying', 'consultation.reply_first');
    const now = deps.clock.nowIso();
    const coUnits = await tx.selectFrom('work_order_co_units').selectAll().where('order_id', '=', o.id).execute();
    const waiting = coUnits.filter((c) => c.status === 'pending' && c.due_at > now);
    if (waiting.length > 0) {
      throw conflict('consultation.co_units_pending', 'Co-units are still within their time for an opinion; conclude once they have contributed or their time has run out.', waiting.map((c) => ({ departmentId: c.department_id, dueAt: c.due_at })));
    }
    const lapsed = coUnits.filter((c) => c.status === 'pending').map((c) => c.department_id);
    if (lapsed.length) await tx.updateTable('work_order_co_units').set({ status: 'lapsed' }).where('order_id', '=', o.id).where('department_id', 'in', lapsed).where('status', '=', 'pending').execute();
    const conclusion = body.conclusion ? cleanText(body.conclusion, 'conclusion') : null;
    const next = await updateOrder(tx, o, body.expectedVersion, { status: 'concluded', conclusion, concluded_at: now }, now);
    // 互转: the receiving region hears the outcome (status and final reply are on the order it can read).
    if (o.cross_region && o.origin_dispatcher_id !== o.department_id) await notifyDepartment(tx, deps, o.origin_dispatcher_id, next, 'origin_concluded', '异地转办工单已办结');
    await finish(tx, deps, actor, next, 'concluded', o.status, conclusion, { lapsedCoUnits: lapsed }, now);
  });
}

/** 回访: the 12345 centre follows up with the asker (once per handling). */
export async function followUpOrder(deps: Deps, actor: Actor, id: string, body: FollowUpBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertDispatcher(actor, o, true);
    checkVersion(o, body.expectedVersion);
    if (!CLOSED.includes(o.status)) throw conflict('consultation.not_concluded', 'Follow-ups come after the order is concluded (办结).');
    if (o.follow_up_at) throw conflict('consultation.already_followed_up', 'This order has already been followed up.');
    const note = cleanText(body.note, 'note');
    const now = deps.clock.nowIso();
    const next = await updateOrder(tx, o, body.expectedVersion, { follow_up_at: now, follow_up_note: note, follow_up_by_name: actor.displayName, follow_up_reached: body.reached ? 1 : 0 }, now);
    await finish(tx, deps, actor, next, 'followed_up', o.status, note, { reached: body.reached }, now);
  });
}

/** 评价: the asker rates a concluded order; an unsatisfied rating may reopen it, once. */
export async function rateOrder(deps: Deps, actor: Actor, id: string, body: RateBody): Promise<void> {
  if (body.reopen && body.rating !== 'unsatisfied') throw invalid('consultation.reopen_needs_unsatisfied', 'Only an unsatisfied rating reopens an order.', [{ field: 'reopen', reason: 'only with rating "unsatisfied"' }]);
  try {
    await withTx(deps.db, async (tx) => {
      const o = await getOrderRow(tx, id);
      if (!isAsker(actor, o)) throw forbidden('consultation.not_your_order', 'Only the asker rates an order.');
      checkVersion(o, body.expectedVersion);
      if (o.status === 'rated') throw conflict('consultation.already_rated', 'This order has already been rated.');
      if (o.status !== 'concluded') throw conflict('consultation.not_concluded', 'An order is rated after it is concluded (办结).');
      if (body.reopen && o.reopen_count >= 1) throw conflict('consultation.reopen_used', 'This order has already been reopened once; it cannot be reopened again.');
      const now = deps.clock.nowIso();
      const comment = body.comment ? cleanText(body.comment, 'comment', false) || null : null;
      await tx.insertInto('work_order_ratings').values({
        id: newId(), order_id: o.id, round: o.reopen_count + 1, department_id: o.department_id!, rating: body.rating, comment, reopened: body.reopen ? 1 : 0, rated_by: actor.userId!, rated_at: now,
      }).execute();
      if (!body.reopen) {
        const next = await updateOrder(tx, o, body.expectedVersion, { status: 'rated' }, now);
        await finish(tx, deps, actor, next, 'rated', o.status, comment, { rating: body.rating, round: o.reopen_count + 1 }, now);
        return;
      }
      const restarted = { ...o, clock_started_at: now };
      const next = await updateOrder(tx, o, body.expectedVersion, {
        status: 'in_progress', reopen_count: o.reopen_count + 1, clock_started_at: now, concluded_at: null, conclusion: null, overdue_flagged_at: null,
        follow_up_at: null, follow_up_note: null, follow_up_by_name: null, follow_up_reached: null, ...(await clockColumns(tx, deps, restarted, now)),
      }, now);
      await addHop(tx, o, actor, { kind: 'reopen', from: null, to: o.department_id, reason: comment }, now);
      await notifyDepartment(tx, deps, o.department_id!, next, 'reopened', '群众不满意，工单已重新办理');
      await finish(tx, deps, actor, next, 'rated', o.status, comment, { rating: body.rating, round: o.reopen_count + 1 }, now);
      await finish(tx, deps, actor, next, 'reopened', o.status, comment, null, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('consultation.already_rated', 'This order has already been rated.');
    throw err;
  }
}

/**
 * 互转: the dispatcher hands the order to another region — straight to one of its units, or to its dispatcher. The
 * receiving region keeps seeing the order's status and final reply, and is told when it is concluded.
 */
export async function transferCrossRegion(deps: Deps, actor: Actor, id: string, body: CrossRegionBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    assertDispatcher(actor, o);
    checkVersion(o, body.expectedVersion);
    assertStatus(o, ['dispatching'], 'hand it to another region');
    const region = await requireRegion(tx, body.regionCode);
    const current = await requireDepartment(tx, o.dispatcher_department_id);
    if (!isCrossRegion(current.region_code, region.code)) throw invalid('consultation.same_region', 'That region is this dispatcher’s own; dispatch the order instead.', [{ field: 'regionCode', reason: 'not another region' }]);
    const note = cleanText(body.note, 'note');
    const now = deps.clock.nowIso();
    if (body.departmentId) {
      const target = await requireDepartment(tx, body.departmentId);
      if (!regionCovers(region.code, target.region_code)) throw invalid('consultation.department_not_in_region', `${target.name} is not in region ${region.name}.`, [{ field: 'departmentId', reason: 'not in the region' }]);
      const next = await updateOrder(tx, o, body.expectedVersion, {
        department_id: target.id, status: 'to_sign', dispatch_reason: null, dispatched_at: now, sign_due_at: signDueAt(deps, now), signed_at: null, cross_region: 1,
      }, now);
      await addHop(tx, o, actor, { kind: 'cross_region', from: o.dispatcher_department_id, to: target.id, reason: note }, now);
      await notifyDepartment(tx, deps, target.id, next, 'to_sign', '异地转办工单待签收');
      await finish(tx, deps, actor, next, 'cross_region_transferred', o.status, note, { regionCode: region.code, departmentId: target.id, departmentName: target.name }, now);
      return;
    }
    const other = await dispatcherFor(tx, region.code);
    if (other.id === o.dispatcher_department_id) throw invalid('consultation.same_region', 'That region has the same dispatcher; dispatch the order instead.', [{ field: 'regionCode', reason: 'same dispatcher' }]);
    const next = await updateOrder(tx, o, body.expectedVersion, { dispatcher_department_id: other.id, dispatch_reason: 'cross_region', cross_region: 1 }, now);
    await addHop(tx, o, actor, { kind: 'cross_region', from: o.dispatcher_department_id, to: other.id, reason: note }, now);
    await notifyDepartment(tx, deps, other.id, next, 'to_dispatch', '异地转来工单待派单');
    await finish(tx, deps, actor, next, 'cross_region_transferred', o.status, note, { regionCode: region.code, dispatcherDepartmentId: other.id, dispatcherName: other.name }, now);
  });
}
