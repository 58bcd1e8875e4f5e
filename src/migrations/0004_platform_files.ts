import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** The content-addressed file store's index: the bytes live under the data dir, named by their SHA-256. */
export const m0004: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('stored_files')
      .addColumn('sha256', T.text, (c) => c.primaryKey())
      .addColumn('content_type', T.text, (c) => c.notNull())
      .addColumn('size', T.int, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .execute();
  },
};
