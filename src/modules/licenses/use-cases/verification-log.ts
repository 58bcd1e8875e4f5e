import { CompiledQuery, sql } from 'kysely';
import type { Deps } from '../../../platform/deps.js';
import { chinaDay } from '../../../platform/db/china-day.js';
import { syncStatementsOf, withTx } from '../../../platform/db/database.js';
import type { OutboxEventsTable } from '../../../platform/db/platform.tables.js';
import type { LicenseVerificationsTable } from '../licenses.tables.js';

/**
 * The verification log, written behind: a verification puts its row (and its `license.verified` event) in this
 * process's buffer and answers; the buffer is written every FLUSH_MS (or as soon as it holds MAX_BATCH rows) as one
 * transaction of multi-row INSERTs — log rows and events together, so a committed batch always has both, with the
 * per-type, per-day counts of the 发证用证清单 (license_verification_counts) raised by the same batch. On a clean
 * stop (the server's close, `flush()`) the buffer is written out. A crash loses at most what is in the buffer: the
 * verifications of the last few milliseconds (docs/licences.md). If writing fails (database down), the rows stay in
 * the buffer and are tried again; once it holds HIGH_WATER rows, verifications wait for the log to be written and fail
 * with it, so no more than HIGH_WATER answered verifications are ever unlogged.
 *
 * Measured (bench/RESULTS.md): waiting for each batch's commit before answering cost a fifth of the throughput on
 * PostgreSQL (the CPU idles through the round trip) and the per-commit promise chain on SQLite.
 */

type EventRow = Omit<OutboxEventsTable, 'dispatched_at'> & { dispatched_at: null };

interface Pending {
  row: LicenseVerificationsTable;
  event: EventRow | null;
}

/**
 * How long a row may wait in the buffer (milliseconds). Most of a batch's cost is the pages of the log's indexes it
 * touches, about the same for 25 rows as for 100: at 20 ms (instead of 5) the log took half the CPU per verification
 * (bench/RESULTS.md, 2026-11-29), for a crash window that is still a few milliseconds long.
 */
export const FLUSH_MS = 20;
/** Rows in the buffer from which verifications wait for the log (and fail if it cannot be written). */
const HIGH_WATER = 5000;
const RETRY_MS = 500;
const MAX_BATCH = 400;
/** Rows per INSERT statement (SQLite allows 32,766 bound parameters; 17 columns × 100 stays far below). */
const CHUNK = 100;

const LOG_COLUMNS = [
  'id', 'at', 'valid', 'failed_checks', 'message', 'licence_id', 'license_pk', 'iss', 'presentation_id', 'audience', 'verifier_user_id', 'verifier_name',
  'ip', 'user_agent', 'request_id',
] as const satisfies ReadonlyArray<keyof LicenseVerificationsTable>;
const EVENT_COLUMNS = [
  'id', 'type', 'aggregate_type', 'aggregate_id', 'payload', 'actor_user_id', 'request_id', 'department_id', 'created_at', 'dispatched_at',
] as const satisfies ReadonlyArray<keyof OutboxEventsTable>;

export class VerificationLog {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastError: unknown = null;

  constructor(private readonly deps: Deps) {}

  /**
   * Buffer the row (and event). Resolves at once, unless the buffer is over HIGH_WATER: then once the log has been
   * written (rejecting if it cannot be).
   */
  write(row: LicenseVerificationsTable, event: EventRow | null): Promise<void> | void {
    this.queue.push({ row, event });
    if (this.queue.length >= HIGH_WATER) return this.flush();
    if (this.queue.length >= MAX_BATCH) this.kick(0);
    else this.kick(FLUSH_MS);
  }

  /** Write out everything buffered now (clean stop, tests, before reading the log back). Rejects if it cannot. */
  async flush(): Promise<void> {
    this.cancelTimer();
    while (this.queue.length || this.running) {
      if (this.running) await this.running;
      else {
        await this.commitBatch();
        if (this.lastError) throw this.lastError;
      }
    }
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private kick(ms: number): void {
    if (this.lastError) ms = Math.max(ms, RETRY_MS); // the database is failing: no faster than the retry
    if (this.running || (this.timer && ms > 0)) return;
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.commitBatch();
    }, ms);
    this.timer.unref?.();
  }

  private readonly sqlCache = new Map<string, string>();

  /**
   * A multi-row INSERT as plain SQL: the statement text depends only on the table and the row count, so it is built
   * once per size (building it through the query builder cost as much as running it) and SQLite reuses its prepared
   * statement.
   */
  private insert<R extends object>(table: string, columns: ReadonlyArray<keyof R & string>, rows: readonly R[]): CompiledQuery {
    const key = `${table}:${rows.length}`;
    let text = this.sqlCache.get(key);
    if (!text) {
      const pg = this.deps.dialect === 'postgres';
      let n = 0;
      const tuple = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
      text = `insert into ${table} (${columns.join(', ')}) values ${rows.map(tuple).join(', ')}`;
      this.sqlCache.set(key, text);
    }
    const parameters: unknown[] = [];
    for (const r of rows) for (const c of columns) parameters.push(r[c] ?? null);
    return CompiledQuery.raw(text, parameters);
  }

  private countsSql: string | null = null;

  /**
   * Raise license_verification_counts by the batch's verifications of this deployment's licences (the log rows just
   * written, by id: one JSON array parameter). Ordered by key, so two processes' batches lock count rows in the same
   * order on PostgreSQL.
   */
  private countsOf(batch: readonly Pending[]): CompiledQuery | null {
    const pg = this.deps.dialect === 'postgres';
    this.countsSql ??= sql`insert into license_verification_counts (type_code, day, verified, failed)
      select l.type_code, ${chinaDay(this.deps.dialect, 'v.at')} as day, sum(v.valid), count(*) - sum(v.valid)
      from license_verifications v join licenses l on l.id = v.license_pk
      where v.id in (${pg ? sql.raw('select jsonb_array_elements_text($1::jsonb)') : sql.raw('select value from json_each(?)')})
      group by 1, 2 order by 1, 2
      on conflict (type_code, day) do update set verified = license_verification_counts.verified + excluded.verified,
        failed = license_verification_counts.failed + excluded.failed`.compile(this.deps.db).sql;
    const ids = batch.filter((p) => p.row.license_pk).map((p) => p.row.id);
    if (ids.length === 0) return null;
    return CompiledQuery.raw(this.countsSql, [JSON.stringify(ids)]);
  }

  private commitBatch(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return Promise.resolve();
    const run = withTx(this.deps.db, async (tx) => {
      // on SQLite, straight on the transaction's connection (no round trip through Kysely's executor and its promises)
      const sync = syncStatementsOf(tx);
      const exec = async (q: CompiledQuery) => (sync ? void sync.run(q.sql, q.parameters) : void (await tx.executeQuery(q)));
      for (let i = 0; i < batch.length; i += CHUNK) {
        const part = batch.slice(i, i + CHUNK);
        await exec(this.insert('license_verifications', LOG_COLUMNS, part.map((p) => p.row)));
        const events = part.map((p) => p.event).filter((e): e is EventRow => e !== null);
        if (events.length) await exec(this.insert('outbox_events', EVENT_COLUMNS, events));
      }
      const counts = this.countsOf(batch);
      if (counts) await exec(counts);
    }).then(
      () => {
        this.lastError = null;
      },
      (err) => {
        // nothing of the batch was kept: back to the front of the buffer, tried again shortly
        this.lastError = err;
        this.queue.unshift(...batch);
        console.error('licences: the verification log could not be written; retrying', err);
      },
    );
    this.running = run.finally(() => {
      this.running = null;
      if (this.queue.length) this.kick(this.lastError ? RETRY_MS : this.queue.length >= MAX_BATCH ? 0 : FLUSH_MS);
    });
    return this.running;
  }
}
