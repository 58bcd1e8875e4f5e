#!/usr/bin/env node
// Benchmark: "who read my data" (GET /api/v1/identity/people/me/data-access) for a person with a long access history,
// on SQLite and PostgreSQL.
//
// For each database: a fresh database with the demo province, then --entries access-log entries about 李四 and as many
// about the enterprise he represents (澜州市明湖区鲜味餐饮有限公司), written by SQL (copies of a logged read, each with a
// new UUIDv7-like id in time order), and --noise entries about other people. Then findMyDataAccess as 李四 — alone, and
// acting for the enterprise (both logs merged) — the first page and the page --deep pages further down the cursor
// chain, --reads times each, one at a time: p50 / p99 / max.
//
//   npm run build:server && node bench/data-access.mjs [--entries 100000] [--noise 200000] [--db sqlite,postgres]
//     [--reads 100] [--deep 10] [--record]
//
// TONGBAN_BUILD_DIR names another build's dist/server (one made before a change) to measure it the same way.
// PostgreSQL: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres); a scratch database is created and
// dropped.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { machineFacts } from './machine.mjs';
import { fmt, imp, pageTable, recordSection, timePages, withDemoDatabase } from './pages.mjs';

const { values: opts } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    noise: { type: 'string', default: '200000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    reads: { type: 'string', default: '100' },
    deep: { type: 'string', default: '10' },
    record: { type: 'boolean', default: false },
  },
});
const N = Number(opts.entries);
const NOISE = Number(opts.noise);
const READS = Number(opts.reads);
const DEEP = Number(opts.deep);
const DBS = opts.db.split(',');
if (![N, READS, DEEP].every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(NOISE) || NOISE < 0 || !DBS.every((d) => ['sqlite', 'postgres'].includes(d))) {
  console.error('bench: --entries, --reads and --deep must be positive integers, --noise an integer ≥ 0; --db sqlite, postgres or both');
  process.exit(2);
}
const { systemActor } = await imp('platform/actor.js');
const { demoPeople, demoEnterprises } = await imp('demo/province-data.js');
const { findMyDataAccess } = await imp('modules/identity/use-cases/registry.js');

/** `n` entries about one subject: ids in time order (a UUIDv7's layout: 12 hex digits of milliseconds first). */
async function writeEntries(deps, subjectType, subjectKey, n, startMs) {
  const hex = deps.dialect === 'postgres' ? (e) => `lpad(to_hex(${e}), 12, '0')` : (e) => `printf('%012x', ${e})`;
  const ms = `(${startMs} + k.n * 1000)`;
  const at = deps.dialect === 'postgres'
    ? `to_char(to_timestamp(${ms} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;
  const id = `substr(${hex(ms)}, 1, 8) || '-' || substr(${hex(ms)}, 9, 4) || '-7000-8000-' || ${hex('k.n')}`;
  await sql.raw(`with recursive k(n) as (select 1 union all select n + 1 from k where n < ${n})
    insert into data_access_log (id, at, accessor_user_id, accessor_name, accessor_department_id, on_behalf_of, subject_type, subject_key, fields, purpose)
    select ${id} || '${subjectType === 'person' ? 'a' : 'b'}', ${at}, null, 'bench', null, null, '${subjectType}', '${subjectKey}', '["name"]', '基准测试' from k`).execute(deps.db);
}

function measure(dbKind) {
  return withDemoDatabase(dbKind, 'bench-access', async (deps) => {
    const lisi = demoPeople.find((x) => x.username === 'lisi');
    const xianwei = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司');
    const t = performance.now();
    const start = Date.parse('2025-01-01T00:00:00Z');
    await writeEntries(deps, 'person', lisi.idNumber, N, start);
    await writeEntries(deps, 'enterprise', xianwei.uscc, N, start + 500);
    const others = demoPeople.filter((x) => x.username !== 'lisi');
    for (const [i, o] of others.entries()) await writeEntries(deps, 'person', o.idNumber, Math.ceil(NOISE / others.length), start + 7 + i);
    if (dbKind === 'postgres') await sql`analyze data_access_log`.execute(deps.db);
    else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db);
    const total = Number((await deps.db.selectFrom('data_access_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    console.log(`bench: ${dbKind}: ${fmt(total)} entries written in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const person = { ...systemActor('bench'), kind: 'citizen', username: 'lisi', displayName: lisi.name, idNumber: lisi.idNumber };
    const rows = [];
    for (const [what, actor] of [['李四', person], ['李四 acting for the enterprise', { ...person, onBehalfOf: { uscc: xianwei.uscc, name: xianwei.name, relation: 'legal_rep', scopes: '*' } }]]) {
      const read = (cursor) => findMyDataAccess(deps, actor, { limit: 20, ...(cursor ? { cursor } : {}) });
      for (const r of await timePages(read, { deep: DEEP, reads: READS, what: `${dbKind} ${what}` })) rows.push({ db: dbKind, what, ...r });
    }
    return rows;
  });
}

const facts = machineFacts();
const results = [];
for (const d of DBS) results.push(...(await measure(d)));
const table = pageTable(results, 'reader');
console.log(`\n${table.join('\n')}`);
if (opts.record) {
  recordSection(facts, `identity: "who read my data" at ${fmt(N)} entries per subject`,
    `\`node bench/data-access.mjs --entries ${N} --noise ${NOISE} --reads ${READS} --deep ${DEEP}\`: ${fmt(N)} access-log entries about 李四 and ${fmt(N)} about the enterprise he represents, ${fmt(NOISE)} about other people, by SQL; findMyDataAccess (20 a page), one read at a time`,
    table);
}
