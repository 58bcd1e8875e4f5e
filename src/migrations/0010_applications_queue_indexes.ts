import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * Workbench queue indexes, from the queue benchmark at 1M cases (bench/applications.mjs, bench/RESULTS.md). Each
 * queue reads its page — the first or one further down the cursor — from an index in the queue's own order, instead
 * of reading every case of the department and sorting them (the "all" queue of a department with 100k cases took
 * seconds on SQLite). Two indexes of 0006 are replaced by longer ones with the same leading columns. (Numbered after
 * 0009, which databases had already run when this was written.)
 */
export const m0010: TongbanMigration = {
  async up(db) {
    // to_accept, to_review, to_decide, to_deliver: a department's open tasks of one step, oldest first, id breaking ties.
    await db.schema.createIndex('case_tasks_queue_order_idx').on('case_tasks').columns(['department_id', 'status', 'step', 'created_at', 'id']).execute();
    await db.schema.dropIndex('case_tasks_queue_idx').execute();
    // all (and the handling department's side of cross_region): a department's cases, newest first.
    await db.schema.createIndex('cases_department_submitted_idx').on('cases').columns(['department_id', 'submitted_at', 'id']).execute();
    // due_soon, overdue: running clocks (status reviewing/deciding, not paused) in due order; warn_at is checked in the index.
    await db.schema.createIndex('cases_department_clock_idx').on('cases').columns(['department_id', 'status', 'paused', 'due_at', 'id', 'warn_at']).execute();
    await db.schema.dropIndex('cases_department_status_idx').execute();
    // cross_region, the handling side: a department's cases received by another window, newest first (a partial index:
    // only such cases are in it). The receiving side reads cases_receiving_idx.
    await db.schema.createIndex('cases_department_received_elsewhere_idx').on('cases').columns(['department_id', 'submitted_at', 'id'])
      .where(sql.ref('receiving_department_id'), 'is not', null).execute();
  },
  async down(db) {
    await db.schema.dropIndex('cases_department_received_elsewhere_idx').execute();
    await db.schema.createIndex('cases_department_status_idx').on('cases').columns(['department_id', 'status', 'due_at']).execute();
    await db.schema.dropIndex('cases_department_clock_idx').execute();
    await db.schema.dropIndex('cases_department_submitted_idx').execute();
    await db.schema.createIndex('case_tasks_queue_idx').on('case_tasks').columns(['department_id', 'status', 'step', 'created_at']).execute();
    await db.schema.dropIndex('case_tasks_queue_order_idx').execute();
  },
};
