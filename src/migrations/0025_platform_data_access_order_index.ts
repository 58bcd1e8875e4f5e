import type { TongbanMigration } from './types.js';

/**
 * "Who read my data" pages a subject's access-log entries newest first; the subject's index was (subject, time) without
 * the id the page breaks ties with, so each page read and sorted the subject's whole history — an enterprise read by
 * many departments has a long one. Now the index is in the page's order, (subject, time, id). Still one entry per
 * access: every registry read writes one (a filing's prefill among them).
 */
export const m0025: TongbanMigration = {
  async up(db) {
    await db.schema.dropIndex('data_access_subject_idx').execute();
    await db.schema.createIndex('data_access_subject_idx').on('data_access_log').columns(['subject_type', 'subject_key', 'at', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('data_access_subject_idx').execute();
    await db.schema.createIndex('data_access_subject_idx').on('data_access_log').columns(['subject_type', 'subject_key', 'at']).execute();
  },
};
