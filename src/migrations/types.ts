import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

/** A migration that runs on both SQLite and PostgreSQL; `dialect` is there for the rare column type that differs. */
export interface TongbanMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Conventions for portable columns: ids and timestamps are text (UUIDv7, ISO-8601 UTC), booleans integers 0/1, JSON text. */
export const T = { id: 'text', ts: 'text', bool: 'integer', json: 'text', text: 'text', int: 'integer', bigint: 'bigint' } as const;
