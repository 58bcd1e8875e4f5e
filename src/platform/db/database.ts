import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the root handle or a transaction: queries accept both. */
export type DbOrTx = Kysely<Database>;

// int8 (count(*), bigint columns) as JS numbers: our counters stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** For SQLite: the file path; for PostgreSQL: the URL without password. */
  location: string;
  destroy(): Promise<void>;
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number }): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle pooled connection can be closed by the server (restart, failover, an administrator, a dropped test
    // database). pg reports that on the pool; unhandled it would end the process. The pool replaces the connection,
    // and a query in flight fails on its own with its own error.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.error(`database: an idle connection failed (${err.code ?? 'no code'}): ${err.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(opts.databaseUrl);
    u.password = '';
    return { db, dialect: 'postgres', location: u.toString(), destroy: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'tongban.sqlite');
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Checkpoints copy the WAL back into the database file and fsync it, inside whichever commit crosses the threshold.
  // At the default (1,000 pages) a busy filing load checkpointed every few dozen transactions; at 10,000 pages
  // (~40 MB of WAL) it is rare, and 64 MB of page cache keeps the hot indexes in memory (bench/RESULTS.md: filings/s
  // up ~1.6x).
  raw.pragma('wal_autocheckpoint = 10000');
  raw.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every statement again on every query; preparing was about 60% of a primary-key
 * read here (50 µs → 18 µs with reuse). Statements are reused by SQL text (parameters stay bound per call), keeping
 * the most recently used `max`. Safe because the driver runs one query at a time on the connection, and SQLite
 * re-prepares a statement by itself after a schema change.
 */
function withStatementCache(raw: SQLite.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = raw.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/** Run `fn` in one transaction: everything it writes (rows, audit entries, outbox events) commits or rolls back together. */
export function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** Serialises writers of a chained log (the audit trail) across processes on PostgreSQL; SQLite has one writer already. */
export async function lockForChain(tx: Tx, dialect: Dialect, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
}

/** True when the error is a unique-constraint violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
