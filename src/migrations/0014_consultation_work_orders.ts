import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * Consultation work orders (12345 flow): orders with their clock, timeline, chain of units (派单/转办/退单/裁定),
 * co-units (联办), pauses while waiting for the asker, supervision (督办), ratings, the daily order-number counters,
 * and contradictions between units' replies.
 */
export const m0014: TongbanMigration = {
  async up(db, dialect) {
    const float = dialect === 'postgres' ? 'double precision' : 'real';
    await db.schema
      .createTable('work_orders')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_number', T.text, (c) => c.notNull().unique())
      .addColumn('channel', T.text, (c) => c.notNull())
      .addColumn('type', T.text, (c) => c.notNull())
      .addColumn('urgent', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('title', T.text, (c) => c.notNull())
      .addColumn('content', T.text, (c) => c.notNull())
      .addColumn('terms', T.json, (c) => c.notNull())
      .addColumn('service_code', T.text)
      .addColumn('question_id', T.id, (c) => c.unique().references('consultation_questions.id'))
      .addColumn('asker_user_id', T.id, (c) => c.references('users.id'))
      .addColumn('asker_id_number', T.text)
      .addColumn('asker_name', T.text, (c) => c.notNull())
      .addColumn('asker_phone', T.text)
      .addColumn('asker_email', T.text)
      .addColumn('address', T.text)
      .addColumn('lat', float)
      .addColumn('long', float)
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('origin_region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('origin_dispatcher_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('dispatcher_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('department_id', T.id, (c) => c.references('departments.id'))
      .addColumn('cross_region', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('dispatch_reason', T.text)
      .addColumn('routing', T.json)
      .addColumn('bounce_count', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('final_ruling', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('reopen_count', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('clock_started_at', T.ts, (c) => c.notNull())
      .addColumn('limit_days', T.int, (c) => c.notNull())
      .addColumn('due_at', T.ts, (c) => c.notNull())
      .addColumn('warn_at', T.ts, (c) => c.notNull())
      .addColumn('paused', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('dispatched_at', T.ts)
      .addColumn('sign_due_at', T.ts)
      .addColumn('signed_at', T.ts)
      .addColumn('reply', T.text)
      .addColumn('replied_at', T.ts)
      .addColumn('replied_by_name', T.text)
      .addColumn('conclusion', T.text)
      .addColumn('concluded_at', T.ts)
      .addColumn('follow_up_at', T.ts)
      .addColumn('follow_up_note', T.text)
      .addColumn('follow_up_by_name', T.text)
      .addColumn('follow_up_reached', T.bool)
      .addColumn('overdue_flagged_at', T.ts)
      .addColumn('row_version', T.int, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    // the unit's queues (to sign, in progress, due soon, overdue), the dispatcher's, the asker's, the origin's, Open311's
    await db.schema.createIndex('work_orders_department_idx').on('work_orders').columns(['department_id', 'status', 'created_at', 'id']).execute();
    await db.schema.createIndex('work_orders_due_idx').on('work_orders').columns(['department_id', 'due_at', 'id']).execute();
    await db.schema.createIndex('work_orders_dispatcher_idx').on('work_orders').columns(['dispatcher_department_id', 'status', 'created_at', 'id']).execute();
    await db.schema.createIndex('work_orders_origin_idx').on('work_orders').columns(['origin_dispatcher_id', 'cross_region', 'created_at', 'id']).execute();
    await db.schema.createIndex('work_orders_asker_idx').on('work_orders').columns(['asker_user_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('work_orders_channel_idx').on('work_orders').columns(['channel', 'created_at', 'id']).execute();
    await db.schema.createIndex('work_orders_replied_idx').on('work_orders').columns(['replied_at']).execute();

    await db.schema
      .createTable('work_order_events')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('actor_name', T.text, (c) => c.notNull())
      .addColumn('actor_department_id', T.id)
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('from_status', T.text)
      .addColumn('to_status', T.text)
      .addColumn('note', T.text)
      .addColumn('details', T.json)
      .addColumn('public', T.bool, (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('work_order_events_order_idx').on('work_order_events').columns(['order_id', 'at', 'id']).execute();

    await db.schema
      .createTable('work_order_hops')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('seq', T.int, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('from_department_id', T.id, (c) => c.references('departments.id'))
      .addColumn('to_department_id', T.id, (c) => c.references('departments.id'))
      .addColumn('basis', T.text)
      .addColumn('legal_basis', T.text)
      .addColumn('reason', T.text)
      .addColumn('bounce', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('actor_name', T.text, (c) => c.notNull())
      .addUniqueConstraint('work_order_hops_seq_unique', ['order_id', 'seq'])
      .execute();
    await db.schema.createIndex('work_order_hops_to_idx').on('work_order_hops').columns(['to_department_id', 'order_id']).execute();
    await db.schema.createIndex('work_order_hops_from_idx').on('work_order_hops').columns(['from_department_id', 'order_id']).execute();

    await db.schema
      .createTable('work_order_co_units')
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('due_at', T.ts, (c) => c.notNull())
      .addColumn('opinion', T.text)
      .addColumn('contributed_at', T.ts)
      .addColumn('contributed_by_name', T.text)
      .addColumn('invited_at', T.ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('work_order_co_units_pk', ['order_id', 'department_id'])
      .execute();
    await db.schema.createIndex('work_order_co_units_department_idx').on('work_order_co_units').columns(['department_id', 'status', 'invited_at']).execute();

    await db.schema
      .createTable('work_order_pauses')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('request', T.text, (c) => c.notNull())
      .addColumn('answer', T.text)
      .addColumn('from_at', T.ts, (c) => c.notNull())
      .addColumn('to_at', T.ts)
      .addColumn('requested_by_name', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('work_order_pauses_order_idx').on('work_order_pauses').columns(['order_id', 'from_at']).execute();

    await db.schema
      .createTable('work_order_supervisions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('note', T.text, (c) => c.notNull())
      .addColumn('overdue', T.bool, (c) => c.notNull())
      .addColumn('due_at', T.ts, (c) => c.notNull())
      .addColumn('at', T.ts, (c) => c.notNull())
      .addColumn('by_name', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('work_order_supervisions_order_idx').on('work_order_supervisions').columns(['order_id', 'at']).execute();
    await db.schema.createIndex('work_order_supervisions_department_idx').on('work_order_supervisions').columns(['department_id', 'at']).execute();

    await db.schema
      .createTable('work_order_ratings')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('order_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('round', T.int, (c) => c.notNull())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('rating', T.text, (c) => c.notNull())
      .addColumn('comment', T.text)
      .addColumn('reopened', T.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('rated_by', T.id, (c) => c.notNull().references('users.id'))
      .addColumn('rated_at', T.ts, (c) => c.notNull())
      .addUniqueConstraint('work_order_ratings_round_unique', ['order_id', 'round'])
      .execute();
    await db.schema.createIndex('work_order_ratings_department_idx').on('work_order_ratings').columns(['department_id', 'rated_at']).execute();

    await db.schema
      .createTable('work_order_counters')
      .addColumn('region_code', T.text, (c) => c.notNull())
      .addColumn('day', T.text, (c) => c.notNull())
      .addColumn('last', T.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('work_order_counters_pk', ['region_code', 'day'])
      .execute();

    await db.schema
      .createTable('consultation_answer_conflicts')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('order_a_id', T.id, (c) => c.notNull().references('work_orders.id'))
      .addColumn('order_b_id', T.id, (c) => c.references('work_orders.id'))
      .addColumn('entry_id', T.id, (c) => c.references('kb_entries.id'))
      .addColumn('pair_key', T.text, (c) => c.notNull())
      .addColumn('department_a_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('department_b_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('topic', T.text)
      .addColumn('similarity', float, (c) => c.notNull())
      .addColumn('differences', T.json, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('detected_at', T.ts, (c) => c.notNull())
      .addColumn('resolved_at', T.ts)
      .addColumn('resolved_by', T.text)
      .addColumn('resolution_note', T.text)
      .addUniqueConstraint('consultation_answer_conflicts_pair_unique', ['order_a_id', 'pair_key'])
      .execute();
    await db.schema.createIndex('consultation_answer_conflicts_status_idx').on('consultation_answer_conflicts').columns(['status', 'detected_at', 'id']).execute();
    await db.schema.createIndex('consultation_answer_conflicts_b_idx').on('consultation_answer_conflicts').columns(['order_b_id']).execute();
  },
};
