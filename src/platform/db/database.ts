import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { startCheckpointer } from './checkpointer.js';

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
  // Checkpoints copy the WAL back into the database file and fsync it. A thread of their own does them every 200 ms
  // (checkpointer.ts), off the requests' thread; this connection checkpoints itself, inside whichever commit crosses
  // 10,000 pages (~40 MB of WAL), only if that thread falls behind. 64 MB of page cache keeps the hot indexes in
  // memory (bench/RESULTS.md).
  raw.pragma('wal_autocheckpoint = 10000');
  raw.pragma('cache_size = -65536');
  // Every caller of a shared commit runs in a savepoint (withTx below), and SQLite keeps, for each savepoint, a copy
  // of every page it changes (the sub-journal) to roll back to. By default that copy spills to a temporary file past
  // 64 KiB, which a filing's pages always pass: a write system call per page, ~19% of the server's CPU per filing in a
  // profile of the submission bench. In memory it is a copy, emptied when the savepoint is released. This also keeps
  // temporary tables and sorts in memory; the platform's queries read through indexes, not large sorts.
  raw.pragma('temp_store = MEMORY');
  const checkpointer = startCheckpointer(file);
  const statements = withStatementCache(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  commitGroups.set(db, new CommitGroups(db, statements));
  return {
    db, dialect: 'sqlite', location: file,
    async destroy() {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

/**
 * Kysely's SQLite driver prepares every statement again on every query; preparing was about 60% of a primary-key
 * read here (50 µs → 18 µs with reuse). Statements are reused by SQL text (parameters stay bound per call), up to
 * `max` of them (the oldest prepared goes first; an application has far fewer). Safe because the driver runs one query
 * at a time on the connection, and SQLite re-prepares a statement by itself after a schema change.
 */
function withStatementCache(raw: SQLite.Database, max = 1000): SqliteDatabase & { statement(sqlText: string): SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  const statement = (sqlText: string): SQLite.Statement => {
    let stmt = cache.get(sqlText);
    if (!stmt) {
      stmt = raw.prepare(sqlText);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sqlText, stmt);
    }
    return stmt;
  };
  return {
    close: () => raw.close(),
    prepare: (sqlText: string) => statement(sqlText) as unknown as ReturnType<SqliteDatabase['prepare']>,
    statement,
  };
}

/** Runs SQL synchronously on a SQLite connection: what Kysely's SQLite driver does, without its promises and lock. */
export interface SyncStatements {
  run<R>(sqlText: string, parameters: readonly unknown[]): { rows: R[]; numAffectedRows: number };
}

/**
 * The SQLite connection of a transaction that withTx is running (while it runs), to run statements synchronously
 * (src/platform/db/prepared.ts); undefined for anything else (PostgreSQL, the root handle, a finished transaction),
 * which then goes through Kysely. Safe because the transaction holds SQLite's one connection for its whole length and
 * better-sqlite3 runs a statement to its end before returning.
 */
export function syncStatementsOf(db: DbOrTx): SyncStatements | undefined {
  return runningTx.get(db);
}

const runningTx = new WeakMap<DbOrTx, SyncStatements>();

function syncRunner(statements: { statement(sqlText: string): SQLite.Statement }): SyncStatements {
  return {
    run<R>(sqlText: string, parameters: readonly unknown[]) {
      const stmt = statements.statement(sqlText);
      if (stmt.reader) return { rows: stmt.all(parameters) as R[], numAffectedRows: 0 };
      return { rows: [], numAffectedRows: Number(stmt.run(parameters).changes) };
    },
  };
}

/**
 * Run `fn` in one transaction: everything it writes (rows, audit entries, outbox events) commits or rolls back together.
 *
 * On SQLite, concurrent calls share a commit (group commit): SQLite has one connection and one writer, so callers
 * queue for it anyway, and a commit (writing every changed page to the WAL) cost more than a whole filing's
 * statements. Each caller runs alone inside its own savepoint, one after another: a caller that throws is rolled back
 * to its savepoint (its writes are undone, the others' stay) and gets its error; the others see only writes that
 * commit with their own. Nobody's promise resolves before the shared COMMIT has succeeded; if the COMMIT (or the
 * transaction) fails, every caller of the group gets the error and none of their writes is kept. Durability is the
 * connection's (WAL, synchronous=NORMAL), as with a transaction of one.
 */
export function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const groups = commitGroups.get(db);
  return groups ? groups.run(fn) : db.transaction().execute(fn);
}

/** SQLite's shared commits so far (transactions committed, callers in them, the largest group); null on PostgreSQL. */
export function commitGroupStats(db: Db): { transactions: number; callers: number; largest: number } | null {
  const g = commitGroups.get(db);
  return g ? { ...g.stats } : null;
}

const INNER_SAVEPOINT = CompiledQuery.raw('savepoint tb_inner');
const INNER_RELEASE = CompiledQuery.raw('release tb_inner');
const INNER_ROLLBACK_TO = CompiledQuery.raw('rollback to tb_inner');

function exec(tx: Tx, q: CompiledQuery): Promise<unknown> | void {
  const sync = runningTx.get(tx);
  if (sync) sync.run(q.sql, q.parameters);
  else return tx.executeQuery(q);
}

/**
 * Runs `fn` inside a savepoint of the transaction: if it throws, its writes are undone and the transaction goes on as
 * it was before (the error is rethrown). For a part of a transaction that must be all or nothing while what came
 * before it stays (e.g. an access-log entry of a read that happened whatever the outcome). Nests.
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await exec(tx, INNER_SAVEPOINT);
  let value: T;
  try {
    value = await fn();
  } catch (err) {
    await exec(tx, INNER_ROLLBACK_TO);
    await exec(tx, INNER_RELEASE);
    throw err;
  }
  await exec(tx, INNER_RELEASE);
  return value;
}

const commitGroups = new WeakMap<Db, CommitGroups>();

interface GroupMember {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  ok?: boolean;
  value?: unknown;
  error?: unknown;
}

const SAVEPOINT = 'savepoint tb_member';
const RELEASE = 'release tb_member';
const ROLLBACK_TO = 'rollback to tb_member';

/**
 * The queue of transactions waiting for SQLite's one connection. Each turn of the connection commits up to `max`
 * callers from the head of the queue, in order; the rest wait for the next turn, and between turns the event loop reads
 * the sockets and sends the replies of the turn just committed. Short turns keep the queue first in, first out for
 * requests that arrive meanwhile: when one turn took everybody waiting, a request that came just after a turn started
 * waited for that turn and the whole next one (at 50 concurrent filings p99 was ~2 × p50; in turns of 16, ~1.5 ×, at
 * the same throughput — bench/RESULTS.md; turns of 8 cost throughput, turns of 24 lost the gain). A turn still shares
 * its commit among its callers, which is what makes SQLite's one writer fast.
 */
class CommitGroups {
  private readonly queue: GroupMember[] = [];
  private running = false;
  readonly stats = { transactions: 0, callers: 0, largest: 0 };

  private readonly sync: SyncStatements;

  constructor(private readonly db: Db, statements: { statement(sqlText: string): SQLite.Statement }, private readonly max = 16) {
    this.sync = syncRunner(statements);
  }

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // better-sqlite3 is synchronous: a transaction runs from BEGIN to COMMIT within one turn of the event loop,
        // so nobody else could ever join it. Starting after the I/O of this turn (setImmediate) lets the requests
        // that arrived with this one reach here first and share the commit; alone, a caller waits one turn.
        setImmediate(this.drain);
      }
    });
  }

  /** One turn, then the next after the event loop's I/O (setImmediate) while callers are waiting. */
  private readonly drain = (): void => {
    void this.group().finally(() => {
      if (this.queue.length > 0) setImmediate(this.drain);
      else this.running = false;
    });
  };

  /** One transaction for the callers at the head of the queue (see the class comment for how many). */
  private async group(): Promise<void> {
    const members: GroupMember[] = [];
    const max = this.max;
    try {
      await this.db.transaction().execute(async (tx) => {
        runningTx.set(tx, this.sync);
        try {
          while (this.queue.length > 0 && members.length < max) {
            const m = this.queue.shift()!;
            members.push(m);
            this.sync.run(SAVEPOINT, []);
            try {
              m.value = await m.fn(tx);
              m.ok = true;
            } catch (err) {
              m.ok = false;
              m.error = err;
              // Undo this caller's writes only. If SQLite already ended the whole transaction (I/O error, disk
              // full), this throws and the group fails below.
              this.sync.run(ROLLBACK_TO, []);
            }
            this.sync.run(RELEASE, []);
          }
        } finally {
          runningTx.delete(tx);
        }
      });
      this.stats.transactions++;
      this.stats.callers += members.length;
      this.stats.largest = Math.max(this.stats.largest, members.length);
    } catch (err) {
      // The transaction did not commit (or did not begin): nothing of this group was kept. A caller that failed on
      // its own gets its own error; the others get the transaction's. If BEGIN itself failed, nobody was taken from
      // the queue: the callers a turn would have taken get the error (a broken connection must not spin).
      if (members.length === 0) members.push(...this.queue.splice(0, max));
      for (const m of members) m.reject(m.ok === false ? m.error : err);
      return;
    }
    for (const m of members) (m.ok ? m.resolve(m.value) : m.reject(m.error));
  }
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
