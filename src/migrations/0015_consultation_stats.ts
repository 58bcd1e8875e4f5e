import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** A text value inside a JSON text column (PostgreSQL path, SQLite path). */
const json = (dialect: Dialect, column: string, pgPath: string, sqlitePath: string): RawBuilder<string | null> =>
  dialect === 'postgres' ? sql`(${sql.ref(column)}::jsonb #>> ${sql.raw(pgPath)})` : sql`json_extract(${sql.ref(column)}, ${sql.raw(sqlitePath)})`;

/**
 * Consultation dashboard (GET /api/v1/consultation/stats): questions get the matched duty and the first instant answer
 * as columns (filled for the questions already asked), and indexes serve its grouped counts over every department (a
 * platform admin's view) — questions by day with what they are grouped by, orders by receipt day and by status with
 * their clocks, hops and ratings by time. A department admin's view uses the per-department indexes of 0013/0014.
 */
/** Fills `duty_code` and `top_entry_code` of the questions asked before the columns existed, from their JSON. */
export async function fillQuestionStatsColumns(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await sql`update consultation_questions set
    duty_code = case when to_dispatcher = 0 then ${json(dialect, 'routing', "'{duty,code}'", "'$.duty.code'")} end,
    top_entry_code = ${json(dialect, 'answers', "'{0,entryCode}'", "'$[0].entryCode'")}`.execute(db);
}

export const m0015: TongbanMigration = {
  async up(db, dialect) {
    // What the dashboard groups questions by, as columns (they were only inside the routing and answers JSON): the
    // duty routing matched when it placed the question with a unit, and the first instant answer offered.
    await db.schema.alterTable('consultation_questions').addColumn('duty_code', T.text).execute();
    await db.schema.alterTable('consultation_questions').addColumn('top_entry_code', T.text).execute();
    await fillQuestionStatsColumns(db, dialect);
    // Covering: the window's questions by outcome, channel, day, region, matter and answer without reading the rows.
    await db.schema.createIndex('consultation_questions_stats_idx').on('consultation_questions')
      .columns(['created_at', 'outcome', 'channel', 'region_code', 'duty_code', 'top_entry_code']).execute();
    await db.schema.createIndex('work_orders_created_idx').on('work_orders').columns(['created_at']).execute();
    await db.schema.createIndex('work_orders_status_due_idx').on('work_orders').columns(['status', 'paused', 'due_at', 'warn_at']).execute();
    await db.schema.createIndex('work_orders_concluded_idx').on('work_orders').columns(['concluded_at']).execute();
    await db.schema.createIndex('work_order_hops_at_idx').on('work_order_hops').columns(['at', 'kind']).execute();
    await db.schema.createIndex('work_order_ratings_rated_idx').on('work_order_ratings').columns(['rated_at']).execute();
  },
  async down(db) {
    await db.schema.alterTable('consultation_questions').dropColumn('duty_code').execute();
    await db.schema.alterTable('consultation_questions').dropColumn('top_entry_code').execute();
    for (const name of ['consultation_questions_stats_idx', 'work_orders_created_idx', 'work_orders_status_due_idx', 'work_orders_concluded_idx', 'work_order_hops_at_idx', 'work_order_ratings_rated_idx']) {
      await db.schema.dropIndex(name).execute();
    }
  },
};
