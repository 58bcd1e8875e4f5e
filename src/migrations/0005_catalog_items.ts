import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * The service catalogue: basic items (基本目录, main → sub → handling), their implementations (实施清单: one department in
 * one region) and the versioned guides of each implementation.
 */
export const m0005: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('catalog_basic_items')
      .addColumn('code', T.text, (c) => c.primaryKey())
      .addColumn('parent_code', T.text, (c) => c.references('catalog_basic_items.code'))
      .addColumn('level', T.text, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('name_en', T.text)
      .addColumn('item_type', T.text, (c) => c.notNull())
      .addColumn('competent_department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_basic_items_parent_idx').on('catalog_basic_items').column('parent_code').execute();

    await db.schema
      .createTable('catalog_items')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('basic_code', T.text, (c) => c.notNull().references('catalog_basic_items.code'))
      .addColumn('implementation_code', T.text, (c) => c.notNull().unique())
      .addColumn('department_id', T.id, (c) => c.notNull().references('departments.id'))
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      // The published version's number and the list fields of its guide (kept here so lists and search hits are one read).
      .addColumn('published_version', T.int)
      .addColumn('summary', T.json)
      .addColumn('latest_version', T.int, (c) => c.notNull())
      .addColumn('latest_status', T.text, (c) => c.notNull())
      .addColumn('retired_at', T.ts)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_items_department_idx').on('catalog_items').columns(['department_id', 'updated_at']).execute();
    await db.schema.createIndex('catalog_items_basic_idx').on('catalog_items').column('basic_code').execute();
    await db.schema.createIndex('catalog_items_updated_idx').on('catalog_items').column('updated_at').execute();

    await db.schema
      .createTable('catalog_item_versions')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('item_id', T.id, (c) => c.notNull().references('catalog_items.id'))
      .addColumn('version', T.int, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('guide', T.json, (c) => c.notNull())
      .addColumn('change_note', T.text)
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addColumn('submitted_at', T.ts)
      .addColumn('submitted_by', T.text)
      .addColumn('reviewed_at', T.ts)
      .addColumn('reviewed_by', T.text)
      .addColumn('review_comment', T.text)
      .addColumn('published_at', T.ts)
      .addColumn('retired_at', T.ts)
      .addUniqueConstraint('catalog_item_versions_item_version_unique', ['item_id', 'version'])
      .execute();
    await db.schema.createIndex('catalog_item_versions_status_idx').on('catalog_item_versions').columns(['status', 'submitted_at']).execute();
  },
};
