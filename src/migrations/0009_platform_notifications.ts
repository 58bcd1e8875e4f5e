import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** In-app notifications (站内消息): one inbox per user; `kind` + `params` let each reader's language word them. */
export const m0009: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('notifications')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('params', T.json, (c) => c.notNull())
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('link', T.text)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('read_at', T.ts)
      .execute();
    await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
    await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['user_id', 'read_at']).execute();
  },
};
