import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * Sealed documents of cases (不予受理通知书, 补正材料通知书, 准予行政许可决定书): one row per document, written in the
 * transaction of the officer's action with its number (文号) and its content frozen; the signed PDF is made after the
 * commit and the row then points at it in the file store (docs/applications.md, "Sealed documents"). Document numbers
 * come from one counter row per department, kind and year, incremented inside the action's transaction.
 */
export const m0012: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('case_documents')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('case_id', T.id, (c) => c.notNull().references('cases.id'))
      // the case's row version the action produced: one action, one document (a retried action cannot make a second)
      .addColumn('case_version', T.int, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull()) // not_accepted_notice | correction_notice | approval_decision
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('year', T.int, (c) => c.notNull())
      .addColumn('sequence', T.int, (c) => c.notNull())
      .addColumn('number', T.text, (c) => c.notNull())
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('issued_at', T.ts, (c) => c.notNull())
      .addColumn('content', T.json, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull()) // pending | ready
      .addColumn('sha256', T.text, (c) => c.references('stored_files.sha256'))
      .addColumn('size', T.int)
      .addColumn('lease_until', T.ts)
      .addColumn('attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', T.text)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('ready_at', T.ts)
      .addUniqueConstraint('case_documents_action_unique', ['case_id', 'case_version'])
      .addUniqueConstraint('case_documents_number_unique', ['department_id', 'kind', 'year', 'sequence'])
      .execute();
    await db.schema.createIndex('case_documents_case_idx').on('case_documents').columns(['case_id', 'issued_at']).execute();
    // the sweep: documents still waiting for their PDF (few; a partial index holds only those)
    await db.schema.createIndex('case_documents_pending_idx').on('case_documents').columns(['created_at']).where(sql.ref('status'), '=', 'pending').execute();

    await db.schema
      .createTable('case_document_counters')
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('year', T.int, (c) => c.notNull())
      .addColumn('last', T.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_document_counters_pk', ['department_id', 'kind', 'year'])
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('case_document_counters').execute();
    await db.schema.dropTable('case_documents').execute();
  },
};
