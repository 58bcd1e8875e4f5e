import { systemActor, type Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { isUniqueViolation, withTx, type Tx } from '../../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findDepartmentById } from '../../org/index.js';
import type { RouteResult } from '../consultation.schemas.js';
import type { CreateOrderBody, EscalateBody } from '../consultation.orders.schemas.js';
import type { DispatchReason, OrderChannel, WorkOrdersTable } from '../consultation.orders.tables.js';
import { consultationTokenizer } from './retrieval.js';
import { routeQuestion } from './routing.js';
import { limitDaysOf, orderSettings, type OrderType } from './orders-settings.js';
import {
  addEvent, addHop, cleanText, clockColumns, dispatcherFor, finish, isCrossRegion, isOfficerOf, nextOrderNumber, notifyDepartment, requireRegion, signDueAt,
} from './orders-store.js';

/*
 * 受理 → 派单: every way an order comes in (a citizen online, a hotline operator recording a call, a question
 * escalated from the knowledge base, an Open311 client) ends here. The routing (routeQuestion: the duty list and the
 * region) picks the unit; below its confidence threshold the order waits in the dispatcher's queue instead. Either
 * way the order exists, with its clock running from receipt, before anyone acts on it: nothing is lost.
 */

export interface ReceiveInput {
  channel: OrderChannel;
  type: OrderType;
  urgent: boolean;
  title: string;
  content: string;
  regionCode: string;
  asker: { userId: string | null; idNumber: string | null; name: string; phone: string | null; email: string | null };
  address?: string | null;
  lat?: number | null;
  long?: number | null;
  serviceCode?: string | null;
  questionId?: string | null;
  /** The routing suggestion (made before the transaction); null sends the order to the dispatcher. */
  route: RouteResult | null;
  /** Why the order goes to the dispatcher when the route gives no unit. */
  dispatchReason?: DispatchReason;
}

/** A title from the first line of the text when none is given. */
export function titleOf(content: string, title?: string | null): string {
  const t = title ? cleanText(title, 'title') : content.split('\n')[0];
  return t.length > 40 ? t.slice(0, 40) + '…' : t;
}

/** Words of an order's text, unique, for finding orders about the same matter. */
export function termsOf(text: string): string[] {
  return [...new Set(consultationTokenizer().words(text))].slice(0, 200);
}

/** The routing suggestion for a text, or — when the engine cannot be asked — null (the dispatcher decides). */
export async function suggestUnit(deps: Deps, text: string, regionCode: string): Promise<RouteResult> {
  return routeQuestion(deps, { text, regionCode });
}

/**
 * The routing a question's asker was shown (the unit named under the instant answers, with its reason and contact):
 * an escalated question goes there, not to whatever routing would say now (the knowledge base or duty lists may have
 * changed since, and the asker was told a unit). Only when that unit is no longer active is the question routed again,
 * with the top instant answer as the hint, as when it was asked.
 */
export async function routeShownWith(deps: Deps, q: { text: string; region_code: string; routing: string; answers: string }): Promise<RouteResult> {
  const shown = JSON.parse(q.routing) as RouteResult;
  const dept = await findDepartmentById(deps.db, shown.departmentId);
  if (dept && Number(dept.active) === 1) return shown;
  const top = (JSON.parse(q.answers) as { entryCode: string }[])[0];
  return routeQuestion(deps, { text: q.text, regionCode: q.region_code, topicHint: top?.entryCode ?? null });
}

/**
 * Writes the order (受理) and, when routing named a unit with enough confidence, dispatches it (派单) in the same
 * transaction; otherwise it waits for the dispatcher. Answers the order as written.
 */
export async function receiveOrder(tx: Tx, deps: Deps, actor: Actor, input: ReceiveInput): Promise<WorkOrdersTable> {
  const now = deps.clock.nowIso();
  await requireRegion(tx, input.regionCode);
  const dispatcher = await dispatcherFor(tx, input.regionCode);
  const settings = orderSettings(deps);
  const unit = input.route && !input.route.toDispatcher ? input.route.departmentId : null;
  const id = newId();
  const base: WorkOrdersTable = {
    id, order_number: await nextOrderNumber(tx, deps, input.regionCode, now), channel: input.channel, type: input.type, urgent: input.urgent ? 1 : 0,
    title: input.title, content: input.content, terms: JSON.stringify(termsOf(`${input.title}\n${input.content}`)), service_code: input.serviceCode ?? null,
    question_id: input.questionId ?? null, asker_user_id: input.asker.userId, asker_id_number: input.asker.idNumber, asker_name: input.asker.name,
    asker_phone: input.asker.phone, asker_email: input.asker.email, address: input.address ?? null, lat: input.lat ?? null, long: input.long ?? null,
    region_code: input.regionCode, origin_region_code: input.regionCode, origin_dispatcher_id: dispatcher.id, dispatcher_department_id: dispatcher.id,
    department_id: unit, cross_region: unit && isCrossRegion(input.regionCode, input.route!.regionCode) ? 1 : 0, status: unit ? 'to_sign' : 'dispatching', dispatch_reason: unit ? null : (input.dispatchReason ?? 'low_confidence'),
    routing: input.route ? JSON.stringify(input.route) : null, bounce_count: 0, final_ruling: 0, reopen_count: 0,
    clock_started_at: now, limit_days: limitDaysOf(settings, input.type, input.urgent), due_at: now, warn_at: now, paused: 0,
    dispatched_at: unit ? now : null, sign_due_at: unit ? signDueAt(deps, now) : null, signed_at: null,
    reply: null, replied_at: null, replied_by_name: null, conclusion: null, concluded_at: null,
    follow_up_at: null, follow_up_note: null, follow_up_by_name: null, follow_up_reached: null, overdue_flagged_at: null,
    row_version: 1, created_at: now, updated_at: now,
  };
  const o: WorkOrdersTable = { ...base, ...(await clockColumns(tx, deps, base, now)) };
  await tx.insertInto('work_orders').values(o).execute();
  await addEvent(tx, o, actor, 'received', null, 'dispatching', null, { channel: o.channel, type: o.type, urgent: input.urgent, limitDays: o.limit_days }, now);
  // The dispatch that follows is the routing's, not the asker's.
  const router: Actor = { ...systemActor('auto-dispatch', actor.requestId), displayName: '智能派单' };
  if (unit) {
    await addHop(tx, o, router, { kind: 'dispatch', from: null, to: unit, reason: input.route?.reason ?? null }, now);
    await notifyDepartment(tx, deps, unit, o, 'to_sign', '新工单待签收');
    await finish(tx, deps, router, o, 'dispatched', 'dispatching', null, { departmentId: unit, automatic: true, confidence: input.route?.confidence ?? null }, now);
  } else {
    await notifyDepartment(tx, deps, dispatcher.id, o, 'to_dispatch', '新工单待派单');
    await finish(tx, deps, router, o, 'queued_for_dispatcher', 'dispatching', null, { reason: o.dispatch_reason, confidence: input.route?.confidence ?? null }, now);
  }
  return o;
}

/** An order written by a citizen online, or by a hotline operator (dispatcher staff) for a caller. */
export async function createOrder(deps: Deps, actor: Actor, body: CreateOrderBody): Promise<WorkOrdersTable> {
  const content = cleanText(body.content, 'content');
  const title = titleOf(content, body.title);
  await requireRegion(deps.db, body.regionCode);
  let asker: ReceiveInput['asker'];
  let channel: OrderChannel;
  if (actor.kind === 'citizen') {
    if (body.askerName) throw invalid('consultation.asker_name_not_allowed', 'askerName is for hotline operators recording a caller.', [{ field: 'askerName', reason: 'not allowed for citizens' }]);
    const user = await deps.db.selectFrom('users').select(['phone']).where('id', '=', actor.userId!).executeTakeFirst();
    asker = { userId: actor.userId, idNumber: actor.idNumber, name: actor.displayName, phone: body.phone ?? user?.phone ?? null, email: null };
    channel = 'web';
  } else {
    // A hotline operator: staff of a dispatcher (政务服务和数据管理局) records a caller's matter.
    const dept = actor.departmentId ? await deps.db.selectFrom('departments').select('kind').where('id', '=', actor.departmentId).executeTakeFirst() : undefined;
    if (dept?.kind !== 'government_services_data' || !isOfficerOf(actor, actor.departmentId)) {
      throw forbidden('consultation.not_a_dispatcher', 'Only the 12345 centre (政务服务和数据管理局) records orders for callers.');
    }
    if (!body.askerName || !body.phone) {
      throw invalid('consultation.caller_required', 'Give the caller’s name and phone.', [
        ...(!body.askerName ? [{ field: 'askerName', reason: 'required for a recorded call' }] : []),
        ...(!body.phone ? [{ field: 'phone', reason: 'required for a recorded call' }] : []),
      ]);
    }
    asker = { userId: null, idNumber: null, name: cleanText(body.askerName, 'askerName'), phone: body.phone, email: null };
    channel = 'phone';
  }
  const route = await suggestUnit(deps, `${title}\n${content}`, body.regionCode);
  return withTx(deps.db, (tx) => receiveOrder(tx, deps, actor, {
    channel, type: body.type, urgent: !!body.urgent, title, content, regionCode: body.regionCode, asker, address: body.address ? cleanText(body.address, 'address') : null, route,
  }));
}

/**
 * A question the knowledge base could not settle becomes exactly one work order (a second call answers the same
 * order). The asker, the hotline operator who recorded it, or the region's dispatcher may escalate it.
 */
export async function escalateQuestion(deps: Deps, actor: Actor, questionId: string, body: EscalateBody): Promise<{ created: boolean; orderId: string }> {
  const q = await deps.db.selectFrom('consultation_questions').selectAll().where('id', '=', questionId).executeTakeFirst();
  if (!q) throw notFound('consultation.question_not_found', 'No such question.');
  const dispatcher = await dispatcherFor(deps.db, q.region_code);
  const mayEscalate = (actor.kind === 'citizen' && !actor.onBehalfOf && !!q.asker_user_id && actor.userId === q.asker_user_id)
    || (actor.kind === 'staff' && !!q.recorded_by_user_id && actor.userId === q.recorded_by_user_id)
    || isOfficerOf(actor, dispatcher.id) || actor.roles.includes('platform_admin');
  if (!mayEscalate) throw notFound('consultation.question_not_found', 'No such question.');
  const existing = await deps.db.selectFrom('work_orders').select('id').where('question_id', '=', q.id).executeTakeFirst();
  if (existing) return { created: false, orderId: existing.id };
  const text = cleanText(q.text, 'text');
  let asker: ReceiveInput['asker'];
  if (q.asker_user_id) {
    const u = await deps.db.selectFrom('users').select(['display_name', 'id_number', 'phone']).where('id', '=', q.asker_user_id).executeTakeFirstOrThrow();
    asker = { userId: q.asker_user_id, idNumber: u.id_number, name: u.display_name, phone: body.phone ?? u.phone ?? q.contact ?? null, email: null };
  } else {
    if (!body.phone && !q.contact) throw invalid('consultation.caller_required', 'The question has no contact: give the caller’s phone.', [{ field: 'phone', reason: 'required' }]);
    asker = { userId: null, idNumber: null, name: '来电群众', phone: body.phone ?? q.contact, email: null };
  }
  const route = await routeShownWith(deps, q);
  try {
    const o = await withTx(deps.db, (tx) => receiveOrder(tx, deps, actor, {
      channel: 'question', type: body.type ?? 'consultation', urgent: !!body.urgent, title: titleOf(text, body.title), content: text, regionCode: q.region_code,
      asker, questionId: q.id, route,
    }));
    return { created: true, orderId: o.id };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Escalated twice at once: the other call wrote the order.
    const winner = await deps.db.selectFrom('work_orders').select('id').where('question_id', '=', q.id).executeTakeFirst();
    if (!winner) throw err;
    return { created: false, orderId: winner.id };
  }
}
