import { CompiledQuery, sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { withTx } from '../platform/db/database.js';

/**
 * The database's plan for a query, as text: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN with sequential scans
 * priced out (on a test's small tables it would rather read the table; this way a plan names an index the query can
 * use, and only one it can use: a partial index whose condition the query does not imply is never chosen).
 */
export async function queryPlan(deps: Deps, query: CompiledQuery): Promise<string> {
  return withTx(deps.db, async (tx) => {
    if (deps.dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(tx);
    const explain = deps.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
    const { rows } = await tx.executeQuery(CompiledQuery.raw(explain + query.sql, [...query.parameters]));
    return rows.map((r) => Object.values(r as object).join(' ')).join('\n');
  });
}
