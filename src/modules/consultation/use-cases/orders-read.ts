import type { SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { hasRole } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { Database } from '../../../platform/db/schema.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { departmentNames } from '../../org/index.js';
import type { RouteResult } from '../consultation.schemas.js';
import type { DispatcherQueueQuery, OrderDetail, OrderSummary, UnitQueueQuery } from '../consultation.orders.schemas.js';
import type { WorkOrdersTable } from '../consultation.orders.tables.js';
import { orderSettings } from './orders-settings.js';
import {
  AT_UNIT, CLOSED, canSeeOrder, involvedDepartments, isAsker, isDispatcherOf, isOfficerOf, isOriginDispatcherOf, orderClock,
} from './orders-store.js';

/** An order as lists show it. */
export function toOrderSummary(o: WorkOrdersTable, now: string, names: Map<string, { name: string }>, coUnitDueAt: string | null = null): OrderSummary {
  const running = !CLOSED.includes(o.status) && !o.paused;
  return {
    id: o.id, orderNumber: o.order_number, channel: o.channel, type: o.type, urgent: o.urgent === 1, title: o.title, status: o.status,
    regionCode: o.region_code, originRegionCode: o.origin_region_code, departmentId: o.department_id,
    departmentName: o.department_id ? names.get(o.department_id)?.name ?? null : null, dispatcherDepartmentId: o.dispatcher_department_id,
    dispatchReason: o.dispatch_reason, crossRegion: o.cross_region === 1, bounceCount: o.bounce_count, finalRuling: o.final_ruling === 1, reopenCount: o.reopen_count,
    dueAt: o.due_at, signDueAt: o.sign_due_at, paused: o.paused === 1, warning: running && o.warn_at < now, overdue: running && o.due_at < now,
    signOverdue: o.status === 'to_sign' && !!o.sign_due_at && o.sign_due_at < now, coUnitDueAt,
    createdAt: o.created_at, updatedAt: o.updated_at, rowVersion: o.row_version,
  };
}

async function summaries(db: DbOrTx, rows: WorkOrdersTable[], now: string, coDue?: Map<string, string>): Promise<OrderSummary[]> {
  const names = await departmentNames(db, rows.map((r) => r.department_id).filter((x): x is string => !!x));
  return rows.map((r) => toOrderSummary(r, now, names, coDue?.get(r.id) ?? null));
}

/** One order with everything about it, for whoever may see it. A staff member's read of the asker's data is logged. */
export async function getOrderDetail(deps: Deps, actor: Actor, id: string): Promise<OrderDetail> {
  const db = deps.db;
  const o = await db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw notFound('consultation.order_not_found', 'No such work order.');
  const involved = await involvedDepartments(db, o.id);
  if (!canSeeOrder(actor, o, involved)) throw notFound('consultation.order_not_found', 'No such work order.');
  const asker = isAsker(actor, o);
  if (!asker) {
    await recordDataAccess(db, deps.clock, actor, {
      subjectType: 'person', subjectKey: o.asker_id_number ?? `work_order:${o.order_number}`, fields: ['askerName', 'askerPhone', 'askerEmail', 'content'], purpose: `工单 ${o.order_number}`,
    });
  }
  const [hops, coUnits, pauses, supervisions, ratings, events] = await Promise.all([
    db.selectFrom('work_order_hops').selectAll().where('order_id', '=', o.id).orderBy('seq').execute(),
    db.selectFrom('work_order_co_units').selectAll().where('order_id', '=', o.id).orderBy('invited_at').orderBy('department_id').execute(),
    db.selectFrom('work_order_pauses').selectAll().where('order_id', '=', o.id).orderBy('from_at').execute(),
    db.selectFrom('work_order_supervisions').selectAll().where('order_id', '=', o.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('work_order_ratings').selectAll().where('order_id', '=', o.id).orderBy('round').execute(),
    db.selectFrom('work_order_events').selectAll().where('order_id', '=', o.id).orderBy('at').orderBy('id').execute(),
  ]);
  const deptIds = [o.department_id, ...hops.flatMap((h) => [h.from_department_id, h.to_department_id]), ...coUnits.map((c) => c.department_id), ...supervisions.map((s) => s.department_id)]
    .filter((x): x is string => !!x);
  const names = await departmentNames(db, deptIds);
  const unit = o.department_id ? await db.selectFrom('departments').select(['id', 'name', 'phone', 'address']).where('id', '=', o.department_id).executeTakeFirst() : undefined;
  const now = deps.clock.nowIso();
  const clock = orderClock(deps, o, pauses.map((p) => ({ from: p.from_at, to: p.to_at })), o.concluded_at ?? now);
  const nameOf = (x: string | null) => (x ? names.get(x)?.name ?? null : null);
  const route = o.routing ? (JSON.parse(o.routing) as RouteResult) : null;
  const unitOfficer = isOfficerOf(actor, o.department_id);
  const dispatcher = isDispatcherOf(actor, o);
  const centre = dispatcher || isOriginDispatcherOf(actor, o);
  const myCo = coUnits.find((c) => c.department_id === actor.departmentId && isOfficerOf(actor, c.department_id));
  const open = !CLOSED.includes(o.status);
  return {
    order: toOrderSummary(o, now, names, myCo?.status === 'pending' ? myCo.due_at : null),
    content: o.content,
    questionId: o.question_id,
    serviceCode: o.service_code,
    asker: { name: o.asker_name, phone: o.asker_phone, email: o.asker_email },
    address: o.address,
    lat: o.lat === null ? null : Number(o.lat),
    long: o.long === null ? null : Number(o.long),
    routing: route && !asker ? {
      departmentId: route.departmentId, departmentName: route.departmentName, confidence: route.confidence, toDispatcher: route.toDispatcher, reason: route.reason, duty: route.duty,
      alternatives: (route.alternatives ?? []).map((a) => ({ departmentId: a.departmentId, departmentName: a.departmentName, duty: a.duty, confidence: a.confidence })),
    } : null,
    unit: unit ? { id: unit.id, name: unit.name, phone: unit.phone, address: unit.address } : null,
    reply: o.reply ? { content: o.reply, repliedAt: o.replied_at!, repliedBy: o.replied_by_name! } : null,
    conclusion: o.conclusion,
    concludedAt: o.concluded_at,
    deadline: {
      startedAt: o.clock_started_at, limitDays: o.limit_days, dueAt: clock.dueAt, elapsedFraction: Math.round(clock.elapsedFraction * 1000) / 1000,
      warning: open && clock.warning, overdue: open && clock.overdue, paused: clock.paused, signDueAt: o.sign_due_at, signOverdue: o.status === 'to_sign' && !!o.sign_due_at && o.sign_due_at < now,
    },
    chain: hops.map((h) => ({
      seq: h.seq, kind: h.kind, fromDepartmentId: h.from_department_id, fromDepartmentName: nameOf(h.from_department_id), toDepartmentId: h.to_department_id,
      toDepartmentName: nameOf(h.to_department_id), basis: h.basis, legalBasis: h.legal_basis, reason: h.reason, bounce: h.bounce === 1, at: h.at, actor: h.actor_name,
    })),
    bounceCap: orderSettings(deps).bounceCap,
    coUnits: coUnits.map((c) => ({
      departmentId: c.department_id, departmentName: nameOf(c.department_id) ?? '', status: c.status, dueAt: c.due_at,
      opinion: asker ? null : c.opinion, contributedAt: c.contributed_at, contributedBy: asker ? null : c.contributed_by_name,
    })),
    infoRequests: pauses.map((p) => ({ request: p.request, answer: p.answer, requestedAt: p.from_at, answeredAt: p.to_at, requestedBy: p.requested_by_name })),
    supervisions: asker ? [] : supervisions.map((s) => ({ kind: s.kind, departmentId: s.department_id, departmentName: nameOf(s.department_id) ?? '', note: s.note, overdue: s.overdue === 1, dueAt: s.due_at, at: s.at, by: s.by_name })),
    ratings: ratings.map((r) => ({ round: r.round, rating: r.rating, comment: r.comment, reopened: r.reopened === 1, ratedAt: r.rated_at })),
    followUp: o.follow_up_at ? { at: o.follow_up_at, note: o.follow_up_note!, by: o.follow_up_by_name!, reached: o.follow_up_reached === 1 } : null,
    timeline: events.filter((e) => !asker || e.public === 1).map((e) => ({
      at: e.at, actor: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, details: e.details ? JSON.parse(e.details) : null,
    })),
    can: {
      sign: unitOfficer && o.status === 'to_sign',
      transfer: unitOfficer && ['to_sign', 'in_progress'].includes(o.status) && !o.final_ruling,
      return: unitOfficer && ['to_sign', 'in_progress'].includes(o.status) && !o.final_ruling,
      requestInfo: unitOfficer && o.status === 'in_progress' && !!o.asker_user_id,
      reply: unitOfficer && ['in_progress', 'replied'].includes(o.status),
      conclude: unitOfficer && o.status === 'replied',
      contribute: open && myCo?.status === 'pending',
      dispatch: dispatcher && o.status === 'dispatching',
      chase: centre && AT_UNIT.includes(o.status),
      followUp: centre && !open && !o.follow_up_at,
      supplement: asker && o.status === 'waiting_asker',
      rate: asker && o.status === 'concluded',
      reopen: asker && o.status === 'concluded' && o.reopen_count < 1,
    },
  };
}

type OrderQuery = SelectQueryBuilder<Database, 'work_orders', WorkOrdersTable>;

type OrderColumn = 'created_at' | 'due_at' | 'sign_due_at' | 'concluded_at';

/** One page of a query ordered by (column, id), ascending or descending, after the cursor's pair: limit + 1 rows. */
function keysetPage(q: OrderQuery, column: OrderColumn, dir: 'asc' | 'desc', limit: number, after: [string, string] | null) {
  const qq = q.orderBy(column, dir).orderBy('id', dir).limit(limit + 1);
  return after ? qq.where((eb) => eb(eb.refTuple(column, 'id'), dir === 'asc' ? '>' : '<', eb.tuple(after[0], after[1]))) : qq;
}

/** Pages a query ordered by (column, id), ascending or descending, with a cursor of the last row's pair. */
async function pageBy(db: DbOrTx, q: OrderQuery, column: OrderColumn, dir: 'asc' | 'desc', query: { limit?: number; cursor?: string }, now: string): Promise<PageResult<OrderSummary>> {
  const limit = pageLimit(query);
  const page = pageOf(await keysetPage(q, column, dir, limit, decodeCursor(query.cursor, 2) as [string, string] | null).execute(), limit, (r) => [r[column] ?? '', r.id]);
  const items = await summaries(db, page.items, now);
  return { items, nextCursor: page.nextCursor };
}

const unitOrders = (db: DbOrTx, dept: string) => db.selectFrom('work_orders').selectAll().where('department_id', '=', dept);

/** The query of a page of a unit's "all" queue: newest first, read in order from its index (migration 0024). For its plan test. */
export const unitOrdersPage = (db: DbOrTx, dept: string, limit: number, after: [string, string] | null) => keysetPage(unitOrders(db, dept), 'created_at', 'desc', limit, after);

/** The unit's queues: to sign, in progress, due soon, overdue, joint (opinions it owes as co-unit), all. */
export async function findUnitQueue(deps: Deps, actor: Actor, query: UnitQueueQuery): Promise<PageResult<OrderSummary>> {
  if (!isOfficerOf(actor, actor.departmentId)) throw forbidden('consultation.not_an_officer', 'Work-order queues are for the officers of a department.');
  const dept = actor.departmentId!;
  const db = deps.db;
  const now = deps.clock.nowIso();
  const mine = unitOrders(db, dept);
  switch (query.queue) {
    case 'to_sign':
      return pageBy(db, mine.where('status', '=', 'to_sign'), 'sign_due_at', 'asc', query, now);
    case 'in_progress':
      return pageBy(db, mine.where('status', 'in', ['in_progress', 'waiting_asker', 'replied']), 'due_at', 'asc', query, now);
    case 'due_soon':
      return pageBy(db, mine.where('status', 'in', [...AT_UNIT]).where('paused', '=', 0).where('warn_at', '<=', now).where('due_at', '>', now), 'due_at', 'asc', query, now);
    case 'overdue':
      return pageBy(db, mine.where('status', 'in', [...AT_UNIT]).where('paused', '=', 0).where('due_at', '<=', now), 'due_at', 'asc', query, now);
    case 'all':
      return pageBy(db, mine, 'created_at', 'desc', query, now);
    case 'joint': {
      const limit = pageLimit(query);
      const after = decodeCursor(query.cursor, 2) as [string, string] | null;
      let q = db.selectFrom('work_order_co_units as c').innerJoin('work_orders as o', 'o.id', 'c.order_id').selectAll('o').select(['c.due_at as co_due_at'])
        .where('c.department_id', '=', dept).where('c.status', '=', 'pending').where('o.status', 'not in', [...CLOSED])
        .orderBy('c.due_at').orderBy('o.id').limit(limit + 1);
      if (after) q = q.where((eb) => eb(eb.refTuple('c.due_at', 'o.id'), '>', eb.tuple(after[0], after[1])));
      const page = pageOf(await q.execute(), limit, (r) => [r.co_due_at, r.id]);
      const items = await summaries(db, page.items, now, new Map(page.items.map((r) => [r.id, r.co_due_at])));
      return { items, nextCursor: page.nextCursor };
    }
  }
}

/**
 * A page of the 回访 queue: concluded orders not yet followed up (concluded_at is set exactly while an order is
 * concluded or rated; a reopened order loses it), oldest conclusion first — of one centre (it dispatched them, or it
 * received them: its own, and those it handed to another region), or of every centre (`dept` null). Each of a
 * centre's two kinds is read from its own partial index in the page's order (migration 0023) and the two pages
 * merged, so a page reads about a page of rows however many orders the centre has concluded and followed up before.
 * Exported for its plan test.
 */
export function followUpPage(db: DbOrTx, dept: string | null, limit: number, after: [string, string] | null) {
  const branch = (column?: 'dispatcher_department_id' | 'origin_dispatcher_id') => {
    const waiting = db.selectFrom('work_orders').selectAll().where('concluded_at', 'is not', null).where('follow_up_at', 'is', null);
    return keysetPage(column ? waiting.where(column, '=', dept!) : waiting, 'concluded_at', 'asc', limit, after);
  };
  if (!dept) return branch();
  // an order the centre received and dispatched itself is of both kinds (origin and dispatcher are the same centre):
  // UNION keeps it once
  return db.selectFrom(branch('dispatcher_department_id').as('d')).selectAll()
    .union(db.selectFrom(branch('origin_dispatcher_id').as('o')).selectAll())
    .orderBy('concluded_at').orderBy('id').limit(limit + 1);
}

/**
 * The dispatcher's queues (12345 centre): low-confidence routing, bounced (ruling needed, final), returned,
 * handed over from another region, all waiting for dispatch, concluded orders to follow up, and orders this centre
 * received and handed to another region (origin: their status and final reply). A platform admin sees every centre's.
 */
export async function findDispatcherQueue(deps: Deps, actor: Actor, query: DispatcherQueueQuery): Promise<PageResult<OrderSummary>> {
  const admin = hasRole(actor, 'platform_admin');
  const dept = actor.departmentId;
  if (!admin) {
    const kind = dept ? await deps.db.selectFrom('departments').select('kind').where('id', '=', dept).executeTakeFirst() : undefined;
    if (kind?.kind !== 'government_services_data' || !isOfficerOf(actor, dept)) throw forbidden('consultation.not_the_dispatcher', 'Dispatcher queues are for the 12345 centre (政务服务和数据管理局).');
  }
  const db = deps.db;
  const now = deps.clock.nowIso();
  let base = db.selectFrom('work_orders').selectAll();
  const atMe = (q: OrderQuery) => (admin ? q : q.where('dispatcher_department_id', '=', dept!));
  const waiting = (reason?: string) => {
    let q = atMe(base).where('status', '=', 'dispatching');
    if (reason) q = q.where('dispatch_reason', '=', reason as never);
    return q;
  };
  switch (query.queue) {
    case 'low_confidence':
      return pageBy(db, waiting('low_confidence'), 'created_at', 'asc', query, now);
    case 'bounced':
      return pageBy(db, waiting('bounced'), 'created_at', 'asc', query, now);
    case 'returned':
      return pageBy(db, waiting('returned'), 'created_at', 'asc', query, now);
    case 'cross_region':
      return pageBy(db, waiting('cross_region'), 'created_at', 'asc', query, now);
    case 'all_dispatching':
      return pageBy(db, waiting(), 'created_at', 'asc', query, now);
    case 'follow_up': {
      const limit = pageLimit(query);
      const page = pageOf(await followUpPage(db, admin ? null : dept!, limit, decodeCursor(query.cursor, 2) as [string, string] | null).execute(), limit, (r) => [r.concluded_at!, r.id]);
      return { items: await summaries(db, page.items, now), nextCursor: page.nextCursor };
    }
    case 'origin':
      base = base.where('cross_region', '=', 1);
      return pageBy(db, admin ? base : base.where('origin_dispatcher_id', '=', dept!), 'created_at', 'desc', query, now);
  }
}

/** The asker's own orders, newest first (the detail has the timeline). */
export async function findMyOrders(deps: Deps, actor: Actor, query: { limit?: number; cursor?: string }): Promise<PageResult<OrderSummary>> {
  if (actor.kind !== 'citizen' || actor.onBehalfOf) return { items: [], nextCursor: null };
  const q = deps.db.selectFrom('work_orders').selectAll().where('asker_user_id', '=', actor.userId!);
  return pageBy(deps.db, q, 'created_at', 'desc', query, deps.clock.nowIso());
}

