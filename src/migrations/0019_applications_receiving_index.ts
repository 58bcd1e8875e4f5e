import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * 跨省通办, the receiving side: a department's cases received by its window for another region's department, newest
 * first. Only such cases are in the index (a partial index, like the handling side's of 0010): most cases are filed
 * online with no receiving window, and a filing no longer writes an entry nothing reads. `id` breaks ties for the
 * queue's cursor, as on the handling side.
 */
export const m0019: TongbanMigration = {
  async up(db) {
    await db.schema.dropIndex('cases_receiving_idx').execute();
    await db.schema.createIndex('cases_receiving_idx').on('cases').columns(['receiving_department_id', 'submitted_at', 'id'])
      .where(sql.ref('receiving_department_id'), 'is not', null).execute();
  },
  async down(db) {
    await db.schema.dropIndex('cases_receiving_idx').execute();
    await db.schema.createIndex('cases_receiving_idx').on('cases').columns(['receiving_department_id', 'submitted_at']).execute();
  },
};
