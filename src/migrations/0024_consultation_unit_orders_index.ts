import type { TongbanMigration } from './types.js';

/**
 * A unit's "all orders" queue (newest first) had no index in its order: the unit's index leads with the status, so
 * the page read every order the unit ever had and sorted them. This one is in the page's order.
 */
export const m0024: TongbanMigration = {
  async up(db) {
    await db.schema.createIndex('work_orders_unit_created_idx').on('work_orders').columns(['department_id', 'created_at', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('work_orders_unit_created_idx').execute();
  },
};
