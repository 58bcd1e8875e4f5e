import { sql } from 'kysely';
import type { TongbanMigration } from './types.js';

/**
 * "My cases" of an enterprise (its legal representative or an agent acting for it): the enterprise's cases, newest
 * first. Without an index on the enterprise's code the page read every case and sorted them (a full scan at 1M
 * cases). Only enterprise cases are in it (a partial index): a person's filing writes no entry.
 */
export const m0020: TongbanMigration = {
  async up(db) {
    await db.schema.createIndex('cases_enterprise_applicant_idx').on('cases').columns(['applicant_uscc', 'submitted_at', 'id'])
      .where(sql.ref('applicant_uscc'), 'is not', null).execute();
  },
  async down(db) {
    await db.schema.dropIndex('cases_enterprise_applicant_idx').execute();
  },
};
