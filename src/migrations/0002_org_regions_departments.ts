import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** Organisations: GB/T 2260 regions in a hierarchy, and departments with their USCC, level and contacts. */
export const m0002: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('regions')
      .addColumn('code', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('name_en', T.text)
      .addColumn('parent_code', T.text, (c) => c.references('regions.code'))
      .addColumn('level', T.text, (c) => c.notNull())
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('regions_parent_idx').on('regions').column('parent_code').execute();

    await db.schema
      .createTable('departments')
      .addColumn('id', T.id, (c) => c.primaryKey())
      .addColumn('uscc', T.text, (c) => c.notNull().unique())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('name_en', T.text)
      .addColumn('short_name', T.text)
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('region_code', T.text, (c) => c.notNull().references('regions.code'))
      .addColumn('level', T.text, (c) => c.notNull())
      .addColumn('phone', T.text, (c) => c.notNull())
      .addColumn('address', T.text, (c) => c.notNull())
      .addColumn('active', T.bool, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.ts, (c) => c.notNull())
      .addColumn('updated_at', T.ts, (c) => c.notNull())
      .addUniqueConstraint('departments_name_region_unique', ['region_code', 'name'])
      .execute();
    await db.schema.createIndex('departments_region_idx').on('departments').columns(['region_code', 'name']).execute();
  },
};
