import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * Consultation (在线问政), knowledge side: knowledge-base entries (versioned), contradictions between units' entries,
 * duty lists (权责清单), questions with their outcome, and feedback on instant answers.
 */
export const m0013: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('kb_entries')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('code', T.text, (c) => c.notNull().unique())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('question', T.text, (c) => c.notNull())
      .addColumn('alternatives', T.json, (c) => c.notNull())
      .addColumn('answer', T.text, (c) => c.notNull())
      .addColumn('basis', T.json, (c) => c.notNull())
      .addColumn('region_codes', T.json, (c) => c.notNull())
      .addColumn('valid_from', T.text)
      .addColumn('valid_to', T.text)
      .addColumn('tags', T.json, (c) => c.notNull())
      .addColumn('item_codes', T.json, (c) => c.notNull())
      .addColumn('topic', T.text)
      .addColumn('facts', T.json)
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('version', T.int, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addColumn('updated_by', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_entries_updated_idx').on('kb_entries').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('kb_entries_department_idx').on('kb_entries').columns(['department_id', 'code']).execute();
    await db.schema.createIndex('kb_entries_topic_idx').on('kb_entries').column('topic').execute();

    await db.schema
      .createTable('kb_entry_versions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('entry_id', T.id, (c) => c.notNull().references('kb_entries.id'))
      .addColumn('version', T.int, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('content', T.json, (c) => c.notNull())
      .addColumn('change_note', T.text)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addUniqueConstraint('kb_entry_versions_entry_version_unique', ['entry_id', 'version'])
      .execute();

    await db.schema
      .createTable('kb_conflicts')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('entry_a_id', T.id, (c) => c.notNull().references('kb_entries.id'))
      .addColumn('entry_b_id', T.id, (c) => c.notNull().references('kb_entries.id'))
      .addColumn('topic', T.text)
      .addColumn('differences', T.json, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('detected_at', T.ts, (c) => c.notNull())
      .addColumn('detected_by', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addColumn('resolved_at', T.ts)
      .addColumn('resolved_by', T.text)
      .addColumn('resolution_note', T.text)
      .addUniqueConstraint('kb_conflicts_pair_unique', ['entry_a_id', 'entry_b_id'])
      .execute();
    await db.schema.createIndex('kb_conflicts_status_idx').on('kb_conflicts').columns(['status', 'updated_at', 'id']).execute();
    await db.schema.createIndex('kb_conflicts_b_idx').on('kb_conflicts').column('entry_b_id').execute();

    await db.schema
      .createTable('duty_entries')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('code', T.text, (c) => c.notNull().unique())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('matter', T.text, (c) => c.notNull())
      .addColumn('description', T.text, (c) => c.notNull())
      .addColumn('keywords', T.json, (c) => c.notNull())
      .addColumn('region_codes', T.json, (c) => c.notNull())
      .addColumn('basis', T.text)
      .addColumn('contact', T.text)
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('version', T.int, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addColumn('updated_by', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('duty_entries_updated_idx').on('duty_entries').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('duty_entries_department_idx').on('duty_entries').columns(['department_id', 'code']).execute();

    await db.schema
      .createTable('consultation_questions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('text', T.text, (c) => c.notNull())
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('channel', T.text, (c) => c.notNull())
      .addColumn('item_code', T.text)
      .addColumn('contact', T.text)
      .addColumn('asker_user_id', T.id, (c) => c.references('users.id'))
      .addColumn('recorded_by_user_id', T.id, (c) => c.references('users.id'))
      .addColumn('outcome', T.text, (c) => c.notNull())
      .addColumn('answers', T.json, (c) => c.notNull())
      .addColumn('routed_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('to_dispatcher', T.bool, (c) => c.notNull())
      .addColumn('routing', T.json, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consultation_questions_asker_idx').on('consultation_questions').columns(['asker_user_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('consultation_questions_routed_idx').on('consultation_questions').columns(['routed_department_id', 'created_at']).execute();
    await db.schema.createIndex('consultation_questions_created_idx').on('consultation_questions').column('created_at').execute();

    await db.schema
      .createTable('consultation_feedback')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('question_id', T.id, (c) => c.notNull().references('consultation_questions.id'))
      .addColumn('entry_code', T.text, (c) => c.notNull())
      .addColumn('helpful', T.bool, (c) => c.notNull())
      .addColumn('user_id', T.id, (c) => c.references('users.id'))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addUniqueConstraint('consultation_feedback_question_entry_unique', ['question_id', 'entry_code'])
      .execute();
    await db.schema.createIndex('consultation_feedback_entry_idx').on('consultation_feedback').column('entry_code').execute();
  },
};
