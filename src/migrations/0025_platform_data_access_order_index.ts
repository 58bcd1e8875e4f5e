import type { TongbanMigration } from './types.js';

/**
 * "Who read my data" pages a subject's access-log entries newest first by id (UUIDv7, in time order); the subject's
 * index was by time, so each page read and sorted the subject's whole history — an enterprise read by many
 * departments has a long one. Now the index is in the page's order. Still one entry per access: every registry read
 * writes one (a filing's prefill among them).
 */
export const m0025: TongbanMigration = {
  async up(db) {
    await db.schema.dropIndex('data_access_subject_idx').execute();
    await db.schema.createIndex('data_access_subject_idx').on('data_access_log').columns(['subject_type', 'subject_key', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('data_access_subject_idx').execute();
    await db.schema.createIndex('data_access_subject_idx').on('data_access_log').columns(['subject_type', 'subject_key', 'at']).execute();
  },
};
