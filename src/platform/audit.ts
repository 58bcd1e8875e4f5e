import { createHmac } from 'node:crypto';
import type { Actor } from './actor.js';
import { onBehalfOfLabel } from './actor.js';
import type { Db, Dialect, Tx } from './db/database.js';
import { lockForChain } from './db/database.js';
import { insertRow, prepared } from './db/prepared.js';
import type { AuditLogTable } from './db/platform.tables.js';
import { newId } from './ids.js';
import type { Clock } from './clock.js';

export interface AuditEntryInput {
  /** Past-tense dotted action, e.g. "org.department.created". */
  action: string;
  targetType: string;
  targetId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  departmentId?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditDeps {
  dialect: Dialect;
  clock: Clock;
  auditKey: Buffer;
}

const GENESIS = '0'.repeat(64);
const CHAIN_LOCK_KEY = 7_260_001;

/** The fields covered by the chain, in a fixed order. */
function canonical(e: Omit<AuditLogTable, 'hash'>): string {
  return JSON.stringify([
    e.seq, e.id, e.at, e.actor_user_id, e.actor_name, e.actor_kind, e.on_behalf_of, e.action, e.target_type,
    e.target_id, e.outcome, e.request_id, e.department_id, e.region_code, e.details, e.prev_hash,
  ]);
}

/** HMAC-SHA256 keyed with a key derived from the deployment secret: an edit cannot be re-chained without the key. */
export function entryHash(key: Buffer, e: Omit<AuditLogTable, 'hash'>): string {
  return createHmac('sha256', key).update(canonical(e)).digest('hex');
}

/**
 * Append one audit entry inside the caller's transaction. Entries are chained: each carries the previous entry's
 * hash, and its own hash covers every field. Writers are serialised (advisory lock on PostgreSQL; SQLite has one writer).
 */
export async function recordAudit(tx: Tx, deps: AuditDeps, actor: Actor, input: AuditEntryInput): Promise<{ seq: number; id: string }> {
  await lockForChain(tx, deps.dialect, CHAIN_LOCK_KEY);
  const [last] = await lastEntry.execute(tx);
  const entry: Omit<AuditLogTable, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: deps.clock.nowIso(),
    actor_user_id: actor.userId,
    actor_name: actor.username,
    actor_kind: actor.kind,
    on_behalf_of: onBehalfOfLabel(actor),
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId ?? null,
    outcome: input.outcome ?? 'success',
    request_id: actor.requestId,
    department_id: input.departmentId ?? actor.departmentId ?? null,
    region_code: input.regionCode ?? actor.regionCode ?? null,
    details: input.details ? JSON.stringify(input.details) : null,
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(deps.auditKey, entry);
  await insertRow(tx, 'audit_log', { ...entry, hash });
  return { seq: entry.seq, id: entry.id };
}

// `seq = max(seq)` rather than `order by seq desc limit ?`: SQLite answers the first from the end of the index
// (~1.5 µs) but walks the second as a scan with a bound limit (~10 µs); PostgreSQL takes both from the index.
const lastEntry = prepared((db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', (eb) => eb.selectFrom('audit_log').select((e) => e.fn.max('seq').as('max_seq'))));

export type VerifyResult =
  | { ok: true; entries: number; lastSeq: number }
  | { ok: false; entries: number; badSeq: number; badId: string | null; problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' };

/** Walks the whole trail in order and reports the first entry that was edited, deleted, inserted or moved. */
export async function verifyAuditChain(db: Db, auditKey: Buffer, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const { hash, ...rest } = row;
      const normalised = { ...rest, seq: Number(rest.seq) };
      if (normalised.seq !== expectedSeq) return { ok: false, entries: count, badSeq: normalised.seq, badId: row.id, problem: 'sequence_gap' };
      if (row.prev_hash !== prevHash) return { ok: false, entries: count, badSeq: normalised.seq, badId: row.id, problem: 'broken_link' };
      if (entryHash(auditKey, normalised) !== hash) return { ok: false, entries: count, badSeq: normalised.seq, badId: row.id, problem: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, entries: count, lastSeq: expectedSeq - 1 };
}
