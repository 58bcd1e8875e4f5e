import type { Actor } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import type { ChaseBody } from '../consultation.orders.schemas.js';
import { AT_UNIT, CLOSED, addEvent, cleanText, getOrderRow, isDispatcherOf, isOriginDispatcherOf, notifyDepartment } from './orders-store.js';

/*
 * 督办: the 12345 centre chases a unit about an order (a supervision record and a notice to the unit's officers), and
 * every process flags overdue orders by itself: the first time an order at a unit is found past its deadline it gets
 * an automatic supervision record, the unit and the dispatcher are told, and `overdue_flagged_at` is set so that it
 * is flagged once (several processes may sweep at once: the flag is set by a conditional update).
 */

export async function chaseOrder(deps: Deps, actor: Actor, id: string, body: ChaseBody): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const o = await getOrderRow(tx, id);
    if (!isDispatcherOf(actor, o) && !isOriginDispatcherOf(actor, o)) throw forbidden('consultation.not_the_dispatcher', 'Only the 12345 centre chases units (督办).');
    if (CLOSED.includes(o.status)) throw conflict('consultation.order_closed', `Work order ${o.order_number} has been concluded (办结).`);
    if (!AT_UNIT.includes(o.status) || !o.department_id) throw conflict('consultation.wrong_status', 'The order is not with a unit; dispatch it first.');
    const note = cleanText(body.note, 'note');
    const now = deps.clock.nowIso();
    const overdue = o.due_at < now;
    await tx.insertInto('work_order_supervisions').values({ id: newId(), order_id: o.id, department_id: o.department_id, kind: 'manual', note, overdue: overdue ? 1 : 0, due_at: o.due_at, at: now, by_name: actor.displayName }).execute();
    await notifyDepartment(tx, deps, o.department_id, o, 'chased', overdue ? '工单已超期，督办提醒' : '工单督办提醒');
    await addEvent(tx, o, actor, 'chased', o.status, o.status, note, { departmentId: o.department_id, overdue, dueAt: o.due_at }, now, false);
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.order.chased', targetType: 'work_order', targetId: o.id, regionCode: o.region_code, details: { orderNumber: o.order_number, departmentId: o.department_id, overdue } },
      event: { aggregateType: 'work_order', aggregateId: o.id, departmentId: o.department_id, payload: { orderId: o.id, orderNumber: o.order_number, departmentId: o.department_id, overdue } },
    });
  });
}

/** Flags the orders found overdue since the last sweep (at most `batch`); answers how many were flagged. */
export async function superviseOverdueOrders(deps: Deps, actor: Actor = systemActor('order-supervision'), batch = 500): Promise<number> {
  const now = deps.clock.nowIso();
  // A paused order's stored deadline moves while it waits for the asker: only running clocks are judged.
  const due = await deps.db.selectFrom('work_orders').select(['id']).where('status', 'in', [...AT_UNIT]).where('paused', '=', 0)
    .where('due_at', '<', now).where('overdue_flagged_at', 'is', null).where('department_id', 'is not', null).orderBy('due_at').limit(batch).execute();
  let flagged = 0;
  for (const { id } of due) {
    const done = await withTx(deps.db, async (tx) => {
      const res = await tx.updateTable('work_orders').set({ overdue_flagged_at: now }).where('id', '=', id).where('overdue_flagged_at', 'is', null)
        .where('status', 'in', [...AT_UNIT]).where('paused', '=', 0).where('due_at', '<', now).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      const o = await getOrderRow(tx, id);
      const note = '工单已超过办理时限，系统自动督办';
      await tx.insertInto('work_order_supervisions').values({ id: newId(), order_id: o.id, department_id: o.department_id!, kind: 'auto', note, overdue: 1, due_at: o.due_at, at: now, by_name: actor.displayName }).execute();
      await notifyDepartment(tx, deps, o.department_id!, o, 'overdue', '工单已超期（自动督办）');
      await notifyDepartment(tx, deps, o.dispatcher_department_id, o, 'overdue', '工单已超期（自动督办）');
      await addEvent(tx, o, actor, 'overdue_flagged', o.status, o.status, note, { departmentId: o.department_id, dueAt: o.due_at }, now, false);
      await recordChange(tx, deps, actor, {
        audit: { action: 'consultation.order.overdue_flagged', targetType: 'work_order', targetId: o.id, departmentId: o.department_id, regionCode: o.region_code, details: { orderNumber: o.order_number, dueAt: o.due_at } },
        event: { aggregateType: 'work_order', aggregateId: o.id, departmentId: o.department_id, payload: { orderId: o.id, orderNumber: o.order_number, departmentId: o.department_id, dueAt: o.due_at } },
      });
      return true;
    });
    if (done) flagged++;
  }
  return flagged;
}

/** Runs the sweep every `minutes` in this process (0: never); the returned function stops it. */
export function startOverdueSweep(deps: Deps, minutes: number, log: (msg: string, err?: unknown) => void = (m, e) => console.error(m, e)): () => void {
  if (minutes <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    superviseOverdueOrders(deps).catch((err) => log('work orders: the overdue sweep failed', err)).finally(() => {
      running = false;
    });
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
