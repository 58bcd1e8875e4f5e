import { CompiledQuery } from 'kysely';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import type { OutboxEventsTable } from '../../../platform/db/platform.tables.js';
import type { LicenseVerificationsTable } from '../licenses.tables.js';

/**
 * The verification log, written with group commit: each verification waits until its row (and its
 * `license.verified` event) is committed before its answer goes out, but verifications that finish while a commit is
 * being prepared share one transaction. One at a time, each verification commits alone; under concurrent load a
 * commit carries many — the per-commit cost (on SQLite, the WAL write) is paid once per batch, not per verification.
 */

type EventRow = Omit<OutboxEventsTable, 'dispatched_at'> & { dispatched_at: null };

interface Pending {
  row: LicenseVerificationsTable;
  event: EventRow | null;
  resolve(): void;
  reject(err: unknown): void;
}

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
  private scheduled = false;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: Deps) {}

  /** Resolves once the row (and event) are committed. */
  write(row: LicenseVerificationsTable, event: EventRow | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, event, resolve, reject });
      this.schedule();
    });
  }

  /** Commit whatever is queued now (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.queue.length || this.running) {
      if (this.running) await this.running;
      else await this.commitBatch();
    }
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

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // after the current turn of the event loop: verifications finishing in the same turn join the batch
    setImmediate(() => {
      this.scheduled = false;
      void this.commitBatch();
    });
  }

  private commitBatch(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return Promise.resolve();
    const run = withTx(this.deps.db, async (tx) => {
      for (let i = 0; i < batch.length; i += CHUNK) {
        const part = batch.slice(i, i + CHUNK);
        await tx.executeQuery(this.insert('license_verifications', LOG_COLUMNS, part.map((p) => p.row)));
        const events = part.map((p) => p.event).filter((e): e is EventRow => e !== null);
        if (events.length) await tx.executeQuery(this.insert('outbox_events', EVENT_COLUMNS, events));
      }
    }).then(
      () => batch.forEach((p) => p.resolve()),
      (err) => batch.forEach((p) => p.reject(err)),
    );
    this.running = run.finally(() => {
      this.running = null;
      if (this.queue.length) this.schedule();
    });
    return this.running;
  }
}
