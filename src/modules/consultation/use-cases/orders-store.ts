import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { hasRole } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { notify } from '../../../platform/notifications.js';
import { recordChange } from '../../../platform/record.js';
import type { Pause } from '../../../platform/calendar.js';
import { findDepartmentById, findRegion } from '../../org/index.js';
import type { HopKind, OrderStatus, ReturnBasis, WorkOrderEventsTable, WorkOrdersTable } from '../consultation.orders.tables.js';
import { orderSettings } from './orders-settings.js';

/*
 * Shared by the work-order use cases: reading and changing an order under its row version, the timeline, the chain
 * of units, the clock, who may do what, notifications and the audit record of each step.
 *
 * Nothing here reads through deps.db while a transaction is open: on SQLite the one connection belongs to the
 * transaction, so every helper takes the transaction (or the database, outside one) explicitly.
 */

/** Statuses in which an order is with a unit and its clock matters. */
export const AT_UNIT: readonly OrderStatus[] = ['to_sign', 'in_progress', 'waiting_asker', 'replied'];
/** Statuses after 办结. */
export const CLOSED: readonly OrderStatus[] = ['concluded', 'rated'];
const OFFICER_ROLES = ['window_officer', 'reviewer', 'department_admin'] as const;

/** Plain text as stored: line breaks normalised, control characters other than tab and newline removed, trimmed. */
export function cleanText(value: string, field: string, required = true): string {
  // eslint-disable-next-line no-control-regex
  const s = value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (required && s === '') throw invalid('consultation.empty_text', `${field} is empty.`, [{ field, reason: 'must not be empty' }]);
  return s;
}

export async function getOrderRow(db: DbOrTx, id: string): Promise<WorkOrdersTable> {
  const o = await db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw notFound('consultation.order_not_found', 'No such work order.');
  return o;
}

const stale = (o: WorkOrdersTable) =>
  conflict('consultation.conflict', `Work order ${o.order_number} was changed by someone else meanwhile; reload it to see what happened.`, { orderId: o.id, rowVersion: o.row_version });

/** The caller acted on an older view of the order (checked before anything else about the step). */
export function checkVersion(o: WorkOrdersTable, expectedVersion: number): void {
  if (o.row_version !== expectedVersion) throw stale(o);
}

/**
 * Changes the order only if nobody changed it since `expectedVersion` (what the caller saw): of two officers acting at
 * once one wins, the other gets consultation.conflict and the order stays as the winner left it.
 */
export async function updateOrder(tx: Tx, o: WorkOrdersTable, expectedVersion: number | null, set: Partial<WorkOrdersTable>, now: string): Promise<WorkOrdersTable> {
  const version = expectedVersion ?? o.row_version;
  if (o.row_version !== version) throw stale(o);
  const res = await tx.updateTable('work_orders').set({ ...set, row_version: version + 1, updated_at: now })
    .where('id', '=', o.id).where('row_version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw stale(o);
  return { ...o, ...set, row_version: version + 1, updated_at: now };
}

/** Adds a timeline entry. Internal entries (notes between units and the dispatcher) are not shown to the asker. */
export async function addEvent(
  tx: Tx, o: { id: string }, actor: Actor, action: string, from: OrderStatus | null, to: OrderStatus | null, note: string | null, details: unknown, now: string, isPublic = true,
): Promise<WorkOrderEventsTable> {
  const row: WorkOrderEventsTable = {
    id: newId(), order_id: o.id, at: now, actor_name: actor.displayName, actor_department_id: actor.departmentId, action, from_status: from, to_status: to,
    note, details: details === undefined || details === null ? null : JSON.stringify(details), public: isPublic ? 1 : 0,
  };
  await tx.insertInto('work_order_events').values(row).execute();
  return row;
}

/** Appends a link to the order's chain of units (派单, 转办, 退单, 裁定, 互转, 重办). */
export async function addHop(
  tx: Tx, o: { id: string }, actor: Actor,
  hop: { kind: HopKind; from: string | null; to: string | null; reason?: string | null; basis?: ReturnBasis | null; legalBasis?: string | null; bounce?: boolean },
  now: string,
): Promise<void> {
  const last = await tx.selectFrom('work_order_hops').select((eb) => eb.fn.max('seq').as('seq')).where('order_id', '=', o.id).executeTakeFirst();
  await tx.insertInto('work_order_hops').values({
    id: newId(), order_id: o.id, seq: Number(last?.seq ?? 0) + 1, kind: hop.kind, from_department_id: hop.from, to_department_id: hop.to,
    basis: hop.basis ?? null, legal_basis: hop.legalBasis ?? null, reason: hop.reason ?? null, bounce: hop.bounce ? 1 : 0, at: now, actor_name: actor.displayName,
  }).execute();
}

// ---- the clock

export interface OrderClock {
  dueAt: string;
  warnAt: string;
  paused: boolean;
  elapsedFraction: number;
  overdue: boolean;
  warning: boolean;
}

/** The handling clock: working days from receipt (or reopening), stopped while waiting for the asker. */
export function orderClock(deps: Pick<Deps, 'calendar'>, o: Pick<WorkOrdersTable, 'clock_started_at' | 'limit_days'>, pauses: Pause[], now: string): OrderClock {
  const start = o.clock_started_at;
  const limit = { value: o.limit_days, unit: 'working_day' as const };
  const relevant = pauses.filter((p) => (typeof p.from === 'string' ? p.from : p.from.toISOString()) >= start);
  const due = deps.calendar.computeDeadline({ start, limit, pauses: relevant, now });
  // The warning starts with the day on which 80% of the limit is used, i.e. at the end of the day before it.
  const warnLimit = { value: Math.max(0, Math.ceil(o.limit_days * 0.8) - 1), unit: 'working_day' as const };
  const warn = deps.calendar.computeDeadline({ start, limit: warnLimit, pauses: relevant, now });
  return { dueAt: due.dueAt, warnAt: warn.dueAt, paused: due.paused, elapsedFraction: due.elapsedFraction, overdue: due.overdue, warning: due.warning };
}

export async function pausesOf(db: DbOrTx, orderId: string): Promise<Pause[]> {
  const rows = await db.selectFrom('work_order_pauses').select(['from_at', 'to_at']).where('order_id', '=', orderId).execute();
  return rows.map((p) => ({ from: p.from_at, to: p.to_at }));
}

/** The stored due/warn instants and pause flag, recomputed (queues filter on them). */
export async function clockColumns(tx: Tx, deps: Deps, o: Pick<WorkOrdersTable, 'id' | 'clock_started_at' | 'limit_days'>, now: string): Promise<Pick<WorkOrdersTable, 'due_at' | 'warn_at' | 'paused'>> {
  const c = orderClock(deps, o, await pausesOf(tx, o.id), now);
  return { due_at: c.dueAt, warn_at: c.warnAt, paused: c.paused ? 1 : 0 };
}

/** When a unit must have signed for an order dispatched now. */
export function signDueAt(deps: Deps, now: string): string {
  return deps.calendar.computeDeadline({ start: now, limit: { value: orderSettings(deps).signDays, unit: 'working_day' }, pauses: [], now }).dueAt;
}

// ---- places and dispatchers

export async function requireRegion(db: DbOrTx, code: string, field = 'regionCode'): Promise<{ code: string; name: string; level: string }> {
  const r = /^\d{6}$/.test(code) ? await findRegion(db, code) : undefined;
  if (!r) throw invalid('consultation.unknown_region', `Unknown region ${JSON.stringify(code)}.`, [{ field, reason: 'not a region of this deployment' }]);
  return r;
}

export async function requireDepartment(db: DbOrTx, id: string, field = 'departmentId') {
  const d = await findDepartmentById(db, id);
  if (!d || !d.active) throw notFound('consultation.department_not_found', `No such active department (${field}).`);
  return d;
}

const cityOf = (code: string) => code.slice(0, 4) + '00';
const provinceOf = (code: string) => code.slice(0, 2) + '0000';

/**
 * The dispatcher (派单员) of a region: the city's 政务服务和数据管理局 (12345 centres are run by cities), or the
 * province's for a province-level matter or a city without one.
 */
export async function dispatcherFor(db: DbOrTx, regionCode: string): Promise<{ id: string; name: string; region_code: string }> {
  for (const code of regionCode.endsWith('0000') ? [regionCode] : [cityOf(regionCode), provinceOf(regionCode)]) {
    const d = await db.selectFrom('departments').select(['id', 'name', 'region_code']).where('region_code', '=', code)
      .where('kind', '=', 'government_services_data').where('active', '=', 1).orderBy('id').executeTakeFirst();
    if (d) return d;
  }
  throw conflict('consultation.no_dispatcher', `No dispatcher (政务服务和数据管理局) serves region ${regionCode}; add one before taking work orders there.`);
}

/**
 * Whether a department seated in `deptRegion` is outside the region that received an order (`origin`): in another
 * city, or a province-level department of another province. The province's own departments are not "another region".
 */
export function isCrossRegion(origin: string, deptRegion: string): boolean {
  if (deptRegion.endsWith('0000')) return deptRegion.slice(0, 2) !== origin.slice(0, 2);
  if (origin.endsWith('0000')) return deptRegion.slice(0, 2) !== origin.slice(0, 2);
  return cityOf(origin) !== cityOf(deptRegion);
}

// ---- who may do what

export function isOfficerOf(actor: Actor, departmentId: string | null): boolean {
  return !!departmentId && actor.kind === 'staff' && actor.departmentId === departmentId && OFFICER_ROLES.some((r) => actor.roles.includes(r));
}

/** The order's current dispatcher (or a platform admin, who may act for any). */
export function isDispatcherOf(actor: Actor, o: Pick<WorkOrdersTable, 'dispatcher_department_id'>): boolean {
  return isOfficerOf(actor, o.dispatcher_department_id) || hasRole(actor, 'platform_admin');
}

/** The dispatcher that received the order (互转: it keeps following it). */
export function isOriginDispatcherOf(actor: Actor, o: Pick<WorkOrdersTable, 'origin_dispatcher_id'>): boolean {
  return isOfficerOf(actor, o.origin_dispatcher_id);
}

export function isAsker(actor: Actor, o: Pick<WorkOrdersTable, 'asker_user_id'>): boolean {
  return actor.kind === 'citizen' && !actor.onBehalfOf && !!o.asker_user_id && actor.userId === o.asker_user_id;
}

/** Who may read an order: the asker; the unit, its co-units and every unit it passed through; its dispatchers; platform admins and auditors. */
export function canSeeOrder(actor: Actor, o: WorkOrdersTable, involved: string[]): boolean {
  if (isAsker(actor, o)) return true;
  if (actor.kind !== 'staff') return false;
  if (hasRole(actor, 'platform_admin', 'auditor')) return true;
  const d = actor.departmentId;
  return !!d && (d === o.department_id || d === o.dispatcher_department_id || d === o.origin_dispatcher_id || involved.includes(d));
}

/** Departments that took part: the chain's units and the co-units. */
export async function involvedDepartments(db: DbOrTx, orderId: string): Promise<string[]> {
  const [hops, co] = await Promise.all([
    db.selectFrom('work_order_hops').select(['from_department_id', 'to_department_id']).where('order_id', '=', orderId).execute(),
    db.selectFrom('work_order_co_units').select('department_id').where('order_id', '=', orderId).execute(),
  ]);
  const ids = new Set<string>();
  for (const h of hops) for (const x of [h.from_department_id, h.to_department_id]) if (x) ids.add(x);
  for (const c of co) ids.add(c.department_id);
  return [...ids];
}

// ---- notifications

/** Tells every officer of a department (in-app inbox), in the transaction of the change. */
export async function notifyDepartment(tx: Tx, deps: Pick<Deps, 'clock'>, departmentId: string, o: Pick<WorkOrdersTable, 'id' | 'order_number' | 'title'>, kind: string, title: string): Promise<void> {
  // The user list of a department is identity's; notifications need the ids of its officers.
  const users = await tx.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select('users.id').distinct()
    .where('users.department_id', '=', departmentId).where('users.kind', '=', 'staff').where('users.active', '=', 1)
    .where('user_roles.role', 'in', [...OFFICER_ROLES]).execute();
  for (const u of users) {
    await notify(tx, deps.clock, {
      userId: u.id, kind: `consultation.order.${kind}`, params: { orderNumber: o.order_number, title: o.title },
      title: `${title}：${o.title}（${o.order_number}）`, link: `/consultation/orders/${o.id}`,
    });
  }
}

const ASKER_NOTICES: Record<string, string> = {
  info_requested: '您的诉求需要补充信息',
  replied: '您的诉求已答复',
  concluded: '您的诉求已办结，请评价',
  reopened: '您的诉求已重新办理',
};

export async function notifyAsker(tx: Tx, deps: Pick<Deps, 'clock'>, o: Pick<WorkOrdersTable, 'id' | 'order_number' | 'title' | 'asker_user_id'>, action: string): Promise<void> {
  const title = ASKER_NOTICES[action];
  if (!title || !o.asker_user_id) return;
  await notify(tx, deps.clock, {
    userId: o.asker_user_id, kind: `consultation.order.${action}`, params: { orderNumber: o.order_number, title: o.title },
    title: `${title}：${o.title}（${o.order_number}）`, link: `/consultation/orders/${o.id}`,
  });
}

/** The record of a step: the timeline entry, the asker's notification, the audit entry and the outbox event. */
export async function finish(
  tx: Tx, deps: Deps, actor: Actor, o: WorkOrdersTable, action: string, from: OrderStatus | null, note: string | null, details: Record<string, unknown> | null, now: string,
  opts: { public?: boolean } = {},
): Promise<void> {
  await addEvent(tx, o, actor, action, from, o.status, note, details, now, opts.public ?? true);
  await notifyAsker(tx, deps, o, action);
  await recordChange(tx, deps, actor, {
    audit: {
      action: `consultation.order.${action}`, targetType: 'work_order', targetId: o.id,
      departmentId: actor.departmentId ?? o.department_id, regionCode: o.region_code,
      details: { orderNumber: o.order_number, from, to: o.status, ...(details ?? {}) },
    },
    event: {
      aggregateType: 'work_order', aggregateId: o.id, departmentId: o.department_id,
      payload: { orderId: o.id, orderNumber: o.order_number, status: o.status, departmentId: o.department_id, dispatcherDepartmentId: o.dispatcher_department_id, originDispatcherId: o.origin_dispatcher_id },
    },
  });
}

/** The day's next order number for the receiving region, atomically. */
export async function nextOrderNumber(tx: Tx, deps: Pick<Deps, 'calendar'>, regionCode: string, now: string): Promise<string> {
  const day = deps.calendar.chinaDate(now).replace(/-/g, '');
  const row = await tx.insertInto('work_order_counters').values({ region_code: regionCode, day, last: 1 })
    .onConflict((oc) => oc.columns(['region_code', 'day']).doUpdateSet({ last: sql<number>`work_order_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  if (row.last > 99999) throw conflict('consultation.daily_limit', 'This region has reached 99,999 work orders today.');
  return `GD${regionCode}${day}${String(row.last).padStart(5, '0')}`;
}
