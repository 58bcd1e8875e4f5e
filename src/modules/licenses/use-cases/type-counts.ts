import { randomInt } from 'node:crypto';
import type { Dialect, DbOrTx, Tx } from '../../../platform/db/database.js';

/**
 * The 发证用证清单's counts per licence type — issued, valid, suspended, revoked, used for a material — kept by the
 * transactions that issue a licence, change its status or record a use (license_type_counts, migration 0022), so the
 * public list reads a few rows per type instead of counting every licence and every use on each request.
 *
 * A raised row stays locked until its transaction commits. On PostgreSQL a change therefore never waits for a type's
 * row: it raises one that no other transaction holds (FOR UPDATE SKIP LOCKED), or, when every row of the type is held,
 * adds a row of its own under a new random shard number — so concurrent filings that use an identity card neither
 * queue behind each other nor can deadlock on these rows, and a type has about as many rows as it had transactions at
 * once. A type's rows add up. SQLite has one writer: there a type has one row (shard 0).
 */

export type TypeCountColumn = 'issued' | 'valid' | 'suspended' | 'revoked' | 'uses';
export type TypeCounts = Record<TypeCountColumn, number>;
const COLUMNS: readonly TypeCountColumn[] = ['issued', 'valid', 'suspended', 'revoked', 'uses'];

/** Add `delta` (negative to lower) to a type's counts, in the caller's transaction. */
export async function raiseTypeCounts(tx: Tx, dialect: Dialect, typeCode: string, delta: Partial<TypeCounts>): Promise<void> {
  const changed = COLUMNS.filter((c) => delta[c]);
  if (dialect === 'postgres') {
    const res = await tx.updateTable('license_type_counts')
      .set((eb) => Object.fromEntries(changed.map((c) => [c, eb(c, '+', delta[c]!)])))
      .where('type_code', '=', typeCode)
      .where('shard', '=', (eb) => eb.selectFrom('license_type_counts').select('shard').where('type_code', '=', typeCode).limit(1).forUpdate().skipLocked())
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 1) return;
  }
  const row = { type_code: typeCode, shard: dialect === 'postgres' ? randomInt(1, 2 ** 31 - 1) : 0, issued: 0, valid: 0, suspended: 0, revoked: 0, uses: 0, ...delta };
  await tx.insertInto('license_type_counts').values(row)
    .onConflict((oc) => oc.columns(['type_code', 'shard']).doUpdateSet((eb) =>
      Object.fromEntries(changed.map((c) => [c, eb(eb.ref(`license_type_counts.${c}`), '+', eb.ref(`excluded.${c}`))]))))
    .execute();
}

/** Every type's counts (types never issued nor used are absent). */
export async function readTypeCounts(db: DbOrTx): Promise<Map<string, TypeCounts>> {
  const rows = await db.selectFrom('license_type_counts').select('type_code')
    .select((eb) => COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)))
    .groupBy('type_code').execute();
  return new Map(rows.map((r) => [r.type_code, Object.fromEntries(COLUMNS.map((c) => [c, Number(r[c])])) as TypeCounts]));
}
