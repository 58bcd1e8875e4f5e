import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** Platform tables: the hash-chained audit trail, the transactional outbox and its webhook deliveries, the personal-data access log. */
export const m0001: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', T.bigint, (c) => c.primaryKey())
      .addColumn('id', T.id, (c) => c.notNull().unique())
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('actor_user_id', T.id)
      .addColumn('actor_name', T.text, (c) => c.notNull())
      .addColumn('actor_kind', T.text, (c) => c.notNull())
      .addColumn('on_behalf_of', T.text)
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('target_type', T.text, (c) => c.notNull())
      .addColumn('target_id', T.text)
      .addColumn('outcome', T.text, (c) => c.notNull())
      .addColumn('request_id', T.text)
      .addColumn('department_id', T.id)
      .addColumn('region_code', T.text)
      .addColumn('details', T.json)
      .addColumn('prev_hash', T.text, (c) => c.notNull())
      .addColumn('hash', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'seq']).execute();
    await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_user_id', 'seq']).execute();
    await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id']).execute();
    await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

    await db.schema
      .createTable('outbox_events')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('type', T.text, (c) => c.notNull())
      .addColumn('aggregate_type', T.text, (c) => c.notNull())
      .addColumn('aggregate_id', T.text, (c) => c.notNull())
      .addColumn('payload', T.json, (c) => c.notNull())
      .addColumn('actor_user_id', T.id)
      .addColumn('request_id', T.text)
      .addColumn('department_id', T.id)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('dispatched_at', T.ts)
      .execute();
    await db.schema.createIndex('outbox_pending_idx').on('outbox_events').columns(['dispatched_at', 'id']).execute();
    await db.schema.createIndex('outbox_type_idx').on('outbox_events').columns(['type', 'id']).execute();

    await db.schema
      .createTable('webhook_subscriptions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('url', T.text, (c) => c.notNull())
      .addColumn('event_types', T.json, (c) => c.notNull())
      .addColumn('secret', T.text, (c) => c.notNull())
      .addColumn('department_id', T.id)
      .addColumn('active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', T.id)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('subscription_id', T.id, (c) => c.notNull().references('webhook_subscriptions.id'))
      .addColumn('event_id', T.id, (c) => c.notNull().references('outbox_events.id'))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('response_status', T.int)
      .addColumn('last_error', T.text)
      .addColumn('next_attempt_at', T.ts, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('delivered_at', T.ts)
      .addUniqueConstraint('webhook_deliveries_once', ['subscription_id', 'event_id'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('data_access_log')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('accessor_user_id', T.id)
      .addColumn('accessor_name', T.text, (c) => c.notNull())
      .addColumn('accessor_department_id', T.id)
      .addColumn('on_behalf_of', T.text)
      .addColumn('subject_type', T.text, (c) => c.notNull())
      .addColumn('subject_key', T.text, (c) => c.notNull())
      .addColumn('fields', T.json, (c) => c.notNull())
      .addColumn('purpose', T.text, (c) => c.notNull())
      .addColumn('request_id', T.text)
      .execute();
    await db.schema.createIndex('data_access_subject_idx').on('data_access_log').columns(['subject_type', 'subject_key', 'at']).execute();
  },
};
