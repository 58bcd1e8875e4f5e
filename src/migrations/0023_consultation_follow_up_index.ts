import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * The 12345 centre's 回访 queue (concluded orders not yet followed up, oldest conclusion first) read every order the
 * centre had ever concluded — followed up or not — and sorted them, on every page. These indexes hold only the orders
 * waiting for a follow-up (an order enters at conclusion and leaves when followed up or reopened), in the queue's
 * order: by dispatching centre, by origin centre (orders handed to another region), and for the platform admin's
 * view of every centre.
 */
const WAITING = sql<boolean>`concluded_at is not null and follow_up_at is null`;

export const m0023: TongbanMigration = {
  async up(db) {
    await db.schema.createIndex('work_orders_follow_up_idx').on('work_orders').columns(['dispatcher_department_id', 'concluded_at', 'id']).where(WAITING).execute();
    await db.schema.createIndex('work_orders_follow_up_origin_idx').on('work_orders').columns(['origin_dispatcher_id', 'concluded_at', 'id']).where(WAITING).execute();
    await db.schema.createIndex('work_orders_follow_up_all_idx').on('work_orders').columns(['concluded_at', 'id']).where(WAITING).execute();
  },
  async down(db) {
    for (const name of ['work_orders_follow_up_idx', 'work_orders_follow_up_origin_idx', 'work_orders_follow_up_all_idx']) await db.schema.dropIndex(name).execute();
  },
};
