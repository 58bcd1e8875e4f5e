import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * What follows a case beyond its steps: transfers between the receiving window and the handling department of
 * another region (跨省通办: originals one way, the result back), the applicant's rating (好差评, one per case), the
 * rectification (整改) a bad rating opens with its follow-up records, the applicants' uploads, and one draft per
 * applicant, item and enterprise acted for.
 */
export const m0007: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('case_transfers')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().references('cases.id'))
      .addColumn('kind', T.text, (c) => c.notNull()) // materials | result
      .addColumn('from_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('to_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('method', T.text, (c) => c.notNull()) // online | courier | internal
      .addColumn('tracking_number', T.text)
      .addColumn('note', T.text)
      .addColumn('status', T.text, (c) => c.notNull()) // in_transit | received
      .addColumn('sent_at', T.ts, (c) => c.notNull())
      .addColumn('sent_by_name', T.text, (c) => c.notNull())
      .addColumn('received_at', T.ts)
      .addColumn('received_by_name', T.text)
      .execute();
    await db.schema.createIndex('case_transfers_case_idx').on('case_transfers').columns(['case_id', 'sent_at']).execute();
    // the cross-region queue: cases a department received for another region's department
    await db.schema.createIndex('cases_receiving_idx').on('cases').columns(['receiving_department_id', 'submitted_at']).execute();

    await db.schema
      .createTable('case_ratings')
      .addColumn('case_id', T.id, (c) => c.primaryKey().references('cases.id')) // 一事一评
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('overall', T.int, (c) => c.notNull())
      .addColumn('dimensions', T.json, (c) => c.notNull())
      .addColumn('comment', T.text)
      .addColumn('rated_by', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('rated_at', T.ts, (c) => c.notNull())
      .addColumn('voided', T.bool, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('case_ratings_department_idx').on('case_ratings').columns(['department_id', 'rated_at']).execute();

    await db.schema
      .createTable('rectifications')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().unique().references('cases.id'))
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('status', T.text, (c) => c.notNull()) // open | appealed | closed | voided
      .addColumn('due_at', T.ts, (c) => c.notNull())
      .addColumn('appeal_reason', T.text)
      .addColumn('appealed_at', T.ts)
      .addColumn('appeal_decision', T.text) // upheld | rejected
      .addColumn('appeal_opinion', T.text)
      .addColumn('appeal_decided_at', T.ts)
      .addColumn('closed_at', T.ts)
      .addColumn('row_version', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rectifications_department_idx').on('rectifications').columns(['department_id', 'status', 'due_at']).execute();

    await db.schema
      .createTable('rectification_records')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('rectification_id', T.id, (c) => c.notNull().references('rectifications.id'))
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('actor_name', T.text, (c) => c.notNull())
      .addColumn('action', T.text, (c) => c.notNull()) // follow_up | closed | appealed | appeal_upheld | appeal_rejected
      .addColumn('note', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rectification_records_idx').on('rectification_records').columns(['rectification_id', 'at']).execute();

    // who uploaded which file for an application: an applicant may attach and see only their own uploads
    await db.schema
      .createTable('application_uploads')
      .addColumn('user_id', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('sha256', T.text, (c) => c.notNull().references('stored_files.sha256'))
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('content_type', T.text, (c) => c.notNull())
      .addColumn('size', T.int, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('application_uploads_pk', ['user_id', 'sha256'])
      .execute();

    // one draft per applicant, item and enterprise acted for (NULL = for oneself)
    await sql`CREATE UNIQUE INDEX application_drafts_owner_item_unique ON application_drafts (user_id, item_id, COALESCE(on_behalf_of, ''))`.execute(db);
  },
};
