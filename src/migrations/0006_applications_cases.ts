import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * Online applications: drafts that survive logout, cases (办件) with their frozen form, materials and item version,
 * the work items (tasks) of each workflow step, the timeline, clock pauses (补正, special procedures), and the
 * per-implementation daily counters behind case numbers.
 */
export const m0006: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('application_drafts')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('on_behalf_of', T.text) // enterprise USCC when filed for an enterprise
      .addColumn('item_id', T.id, (c) => c.notNull().references('catalog_items.id'))
      .addColumn('item_version', T.int, (c) => c.notNull())
      .addColumn('form_data', T.json, (c) => c.notNull())
      .addColumn('materials', T.json, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('application_drafts_user_idx').on('application_drafts').columns(['user_id', 'updated_at']).execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_number', T.text, (c) => c.notNull().unique())
      .addColumn('item_id', T.id, (c) => c.notNull().references('catalog_items.id'))
      .addColumn('item_version', T.int, (c) => c.notNull())
      .addColumn('item_name', T.text, (c) => c.notNull())
      .addColumn('implementation_code', T.text, (c) => c.notNull())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('region_code', T.text, (c) => c.notNull())
      .addColumn('receiving_department_id', T.id, (c) => c.references('departments.id'))
      .addColumn('applicant_user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('applicant_kind', T.text, (c) => c.notNull()) // person | enterprise
      .addColumn('applicant_id_number', T.text, (c) => c.notNull())
      .addColumn('applicant_uscc', T.text)
      .addColumn('applicant_name', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('decision', T.text)
      .addColumn('form_data', T.json, (c) => c.notNull())
      .addColumn('materials', T.json, (c) => c.notNull())
      .addColumn('workflow', T.json, (c) => c.notNull())
      .addColumn('promised_limit', T.json, (c) => c.notNull())
      .addColumn('legal_limit', T.json, (c) => c.notNull())
      .addColumn('clock_started_at', T.ts)
      .addColumn('paused', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', T.ts)
      .addColumn('warn_at', T.ts)
      .addColumn('legal_due_at', T.ts)
      .addColumn('idempotency_key', T.text, (c) => c.notNull())
      .addColumn('payload_hash', T.text, (c) => c.notNull())
      .addColumn('row_version', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('submitted_at', T.ts, (c) => c.notNull())
      .addColumn('accepted_at', T.ts)
      .addColumn('concluded_at', T.ts)
      .addColumn('delivered_at', T.ts)
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addUniqueConstraint('cases_applicant_idempotency_unique', ['applicant_user_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('cases_applicant_idx').on('cases').columns(['applicant_user_id', 'submitted_at']).execute();
    await db.schema.createIndex('cases_department_status_idx').on('cases').columns(['department_id', 'status', 'due_at']).execute();

    await db.schema
      .createTable('case_tasks')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().references('cases.id'))
      .addColumn('step', T.text, (c) => c.notNull()) // accept | review | decide | deliver
      .addColumn('branch', T.text, (c) => c.notNull()) // review branch key, or the step name
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('role', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull()) // open | done | cancelled
      .addColumn('claimed_by', T.id)
      .addColumn('claimed_by_name', T.text)
      .addColumn('claimed_at', T.ts)
      .addColumn('outcome', T.text)
      .addColumn('opinion', T.text)
      .addColumn('completed_by_name', T.text)
      .addColumn('completed_at', T.ts)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_tasks_queue_idx').on('case_tasks').columns(['department_id', 'status', 'step', 'created_at']).execute();
    await db.schema.createIndex('case_tasks_case_idx').on('case_tasks').column('case_id').execute();

    await db.schema
      .createTable('case_events')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().references('cases.id'))
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('actor_name', T.text, (c) => c.notNull())
      .addColumn('actor_department_id', T.id)
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('from_status', T.text)
      .addColumn('to_status', T.text)
      .addColumn('opinion', T.text)
      .addColumn('details', T.json)
      .execute();
    await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'at']).execute();

    await db.schema
      .createTable('case_pauses')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().references('cases.id'))
      .addColumn('kind', T.text, (c) => c.notNull()) // correction | special
      .addColumn('reason', T.text, (c) => c.notNull())
      .addColumn('details', T.json)
      .addColumn('from_at', T.ts, (c) => c.notNull())
      .addColumn('to_at', T.ts)
      .execute();
    await db.schema.createIndex('case_pauses_case_idx').on('case_pauses').column('case_id').execute();

    await db.schema
      .createTable('case_number_counters')
      .addColumn('implementation_code', T.text, (c) => c.notNull())
      .addColumn('day', T.text, (c) => c.notNull())
      .addColumn('last', T.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_number_counters_pk', ['implementation_code', 'day'])
      .execute();
  },
};
