import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import { chinaDay } from '../platform/db/china-day.js';
import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/**
 * 发证用证清单 counts without reading the verification log: verifications of this deployment's licences per licence type
 * and China day, passed and failed, kept up to date by the log's own batches (licenses/use-cases/verification-log.ts)
 * and filled here from the log already written. The log grows by thousands of rows a second under load; the list's
 * page stays a read of a few hundred rows.
 */
/** Counts the verifications logged before the table existed (into an empty table). */
export async function fillVerificationCounts(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await sql`insert into license_verification_counts (type_code, day, verified, failed)
    select l.type_code, ${chinaDay(dialect, 'v.at')}, sum(v.valid), count(*) - sum(v.valid)
    from license_verifications v join licenses l on l.id = v.license_pk
    group by l.type_code, ${chinaDay(dialect, 'v.at')}`.execute(db);
}

export const m0016: TongbanMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('license_verification_counts')
      .addColumn('type_code', T.text, (c) => c.notNull())
      .addColumn('day', T.text, (c) => c.notNull())
      .addColumn('verified', T.bigint, (c) => c.notNull())
      .addColumn('failed', T.bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('license_verification_counts_pk', ['type_code', 'day'])
      .execute();
    await fillVerificationCounts(db, dialect);
  },
  async down(db) {
    await db.schema.dropTable('license_verification_counts').execute();
  },
};
