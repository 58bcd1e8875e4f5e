import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * Indexes of the outbox and the audit trail, which every write of the platform adds to in its transaction: each index
 * an insert touches is B-tree work and pages written to the WAL at commit (a filing wrote ~140 pages per commit of 16,
 * bench/RESULTS.md). Kept: what a query reads. The dispatcher asks only for events not yet dispatched, in id order,
 * so its index holds only those (partial: an event leaves it when it is claimed instead of moving to another key).
 * Gone: the outbox's index by type and the audit trail's by actor user id, which no query reads (the audit search
 * filters by the actor's name).
 */
export const m0018: TongbanMigration = {
  async up(db) {
    await db.schema.dropIndex('outbox_pending_idx').execute();
    await db.schema.createIndex('outbox_pending_idx').on('outbox_events').column('id').where(sql.ref('dispatched_at'), 'is', null).execute();
    await db.schema.dropIndex('outbox_type_idx').execute();
    await db.schema.dropIndex('audit_log_actor_idx').execute();
  },
  async down(db) {
    await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_user_id', 'seq']).execute();
    await db.schema.createIndex('outbox_type_idx').on('outbox_events').columns(['type', 'id']).execute();
    await db.schema.dropIndex('outbox_pending_idx').execute();
    await db.schema.createIndex('outbox_pending_idx').on('outbox_events').columns(['dispatched_at', 'id']).execute();
  },
};
