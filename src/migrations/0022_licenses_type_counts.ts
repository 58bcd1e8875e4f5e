import { sql, type Kysely } from 'kysely';
import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** Counts the licences and uses recorded before the table existed (into an empty table): the migration's fill. */
export async function fillTypeCounts(db: Kysely<any>): Promise<void> {
  await sql`insert into license_type_counts (type_code, shard, issued, valid, suspended, revoked, uses)
    select type_code, 0, sum(issued), sum(valid), sum(suspended), sum(revoked), sum(uses) from (
      select type_code, count(*) as issued,
        sum(case when status = 'valid' then 1 else 0 end) as valid,
        sum(case when status = 'suspended' then 1 else 0 end) as suspended,
        sum(case when status = 'revoked' then 1 else 0 end) as revoked,
        0 as uses
      from licenses group by type_code
      union all
      select type_code, 0, 0, 0, 0, count(*) from license_uses group by type_code
    ) c group by type_code`.execute(db);
}

/**
 * 发证用证清单 counts without counting the licences and their uses on every request (the list is public): per licence
 * type, kept by the transactions that issue, change the status of or use a licence (licenses/use-cases/type-counts.ts),
 * filled here from the rows already written. `shard` spreads a type's counts over a few rows on PostgreSQL. The index of
 * uses by type goes: the list's count was its one reader.
 */
export const m0022: TongbanMigration = {
  async up(db) {
    await db.schema
      .createTable('license_type_counts')
      .addColumn('type_code', T.text, (c) => c.notNull())
      .addColumn('shard', T.int, (c) => c.notNull())
      .addColumn('issued', T.bigint, (c) => c.notNull())
      .addColumn('valid', T.bigint, (c) => c.notNull())
      .addColumn('suspended', T.bigint, (c) => c.notNull())
      .addColumn('revoked', T.bigint, (c) => c.notNull())
      .addColumn('uses', T.bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('license_type_counts_pk', ['type_code', 'shard'])
      .execute();
    await fillTypeCounts(db);
    // its one reader was the list's count of uses per type
    await db.schema.dropIndex('license_uses_type_idx').execute();
  },
  async down(db) {
    await db.schema.createIndex('license_uses_type_idx').on('license_uses').columns(['type_code', 'at']).execute();
    await db.schema.dropTable('license_type_counts').execute();
  },
};
