import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * The unread part of each inbox, newest first: the unread count (shown on every page), the "unread only" list and
 * "mark all read" read it. It held every notification by (user, read time), so the unread list walked the user's
 * whole inbox (an officer's grows with every event of the department); now it holds the unread ones only (partial),
 * in the list's order, and a notification leaves it when it is read. A notification is still one entry in it.
 */
export const m0021: TongbanMigration = {
  async up(db) {
    await db.schema.dropIndex('notifications_unread_idx').execute();
    await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'created_at', 'id'])
      .where(sql.ref('read_at'), 'is', null).execute();
  },
  async down(db) {
    await db.schema.dropIndex('notifications_unread_idx').execute();
    await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();
  },
};
