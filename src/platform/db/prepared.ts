import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import { syncStatementsOf, type DbOrTx } from './database.js';
import type { Database } from './schema.js';

/**
 * Queries on hot paths with their SQL built once. Kysely builds an operation tree and compiles it to SQL on every
 * call; for a filing's dozen statements that was about a sixth of the server's CPU (bench/RESULTS.md). These helpers
 * let Kysely build the SQL once per dialect and query shape, then run it with new parameters — same SQL text, same
 * parameter order, same results, both databases. Inside a SQLite transaction run by withTx the statement runs
 * synchronously on the connection (no Kysely round trip of promises); elsewhere through Kysely's executor. (Kysely
 * plugins would not see these queries; Tongban uses none.)
 */

/** The dialect of a handle (root or transaction): the compiled SQL differs by dialect (`?` or `$1` placeholders, quoting). */
const dialectOf = (db: DbOrTx): string => db.getExecutor().adapter.constructor.name;

/** Per table: the column lists seen (in order) with their SQL, per dialect. */
const insertShapes = new Map<string, { dialect: string; keys: string[]; sql: string }[]>();

/** The shape's SQL if `row` has exactly these keys in this order (no allocation on the hot path). */
function sameKeys(keys: string[], row: object): boolean {
  let i = 0;
  for (const k in row) if (keys[i++] !== k) return false;
  return i === keys.length;
}

/**
 * Inserts one row. The SQL is Kysely's own for that table and column list (the row's keys, in order), built on the
 * first call. A row with an `undefined` value goes through Kysely as usual (it leaves such columns out).
 */
export async function insertRow<T extends keyof Database & string>(db: DbOrTx, table: T, row: Insertable<Database[T]>): Promise<void> {
  const values: unknown[] = [];
  for (const k in row) {
    const v = (row as Record<string, unknown>)[k];
    if (v === undefined) {
      await db.insertInto(table).values(row as never).execute();
      return;
    }
    values.push(v);
  }
  const dialect = dialectOf(db);
  let shapes = insertShapes.get(table);
  let text = shapes?.find((s) => s.dialect === dialect && sameKeys(s.keys, row))?.sql;
  if (text === undefined) {
    const compiled = db.insertInto(table).values(row as never).compile();
    if (compiled.parameters.length !== values.length || compiled.parameters.some((p, i) => p !== values[i])) {
      // Not the one-parameter-per-column shape this relies on: leave it to Kysely every time.
      await db.executeQuery(compiled);
      return;
    }
    if (!shapes) insertShapes.set(table, (shapes = []));
    if (shapes.length < 20) shapes.push({ dialect, keys: Object.keys(row), sql: compiled.sql });
    text = compiled.sql;
  }
  const sync = syncStatementsOf(db);
  if (sync) sync.run(text, values);
  else await db.executeQuery(CompiledQuery.raw(text, values));
}

/**
 * A query with its SQL built once per dialect. `build` receives placeholders in place of the arguments and must use
 * each one as a bound value (a `where` right-hand side, a value to set or insert), never to choose the query's shape.
 *
 *   const byKey = prepared((db, user: string, key: string) => db.selectFrom('cases').select('id').where('applicant_user_id', '=', user).where('idempotency_key', '=', key));
 *   const row = (await byKey.execute(tx, userId, key))[0];
 */
export function prepared<A extends unknown[], R>(build: (db: DbOrTx, ...args: A) => Compilable<R>) {
  const compiled = new Map<string, { sql: string; params: readonly ({ arg: number } | { value: unknown })[] }>();
  const sentinels = Array.from({ length: build.length - 1 }, (_, i) => `\u0000tongban-prepared-arg-${i}\u0000`);
  function shape(db: DbOrTx) {
    const d = dialectOf(db);
    let s = compiled.get(d);
    if (!s) {
      const c = (build as (db: DbOrTx, ...args: unknown[]) => Compilable<R>)(db, ...sentinels).compile();
      const params = c.parameters.map((p) => (typeof p === 'string' && sentinels.includes(p) ? { arg: sentinels.indexOf(p) } : { value: p }));
      if (params.filter((p) => 'arg' in p).length !== sentinels.length) throw new Error('prepared(): every argument must be used once, as a bound value');
      if (sentinels.some((x) => c.sql.includes(x))) throw new Error('prepared(): an argument ended up in the SQL text');
      compiled.set(d, (s = { sql: c.sql, params }));
    }
    return s;
  }
  return {
    async execute(db: DbOrTx, ...args: A): Promise<R[]> {
      const s = shape(db);
      const params = s.params.map((p) => ('arg' in p ? args[p.arg] : p.value));
      const sync = syncStatementsOf(db);
      if (sync) return sync.run<R>(s.sql, params).rows;
      return (await db.executeQuery<R>(CompiledQuery.raw(s.sql, params))).rows;
    },
  };
}
