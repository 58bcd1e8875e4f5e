import type { TongbanMigration } from './types.js';
import { T } from './types.js';

/** A draft keeps the receiving window (异地代收) the applicant chose, as it keeps the form and the materials. */
export const m0017: TongbanMigration = {
  async up(db) {
    await db.schema.alterTable('application_drafts').addColumn('receiving_department_id', T.id).execute();
  },
  async down(db) {
    await db.schema.alterTable('application_drafts').dropColumn('receiving_department_id').execute();
  },
};
