#!/usr/bin/env node
// Benchmark: work-order queues at many concluded work orders, on SQLite and PostgreSQL — the 12345 centre's 回访
// (follow-up) queue and a unit's "all orders" page.
//
// A centre concludes orders every day and follows most of them up; the follow-up queue shows the ones still waiting,
// and a unit pages through everything it ever handled. A page should cost about a page, not grow with the history.
//
// For each database: a fresh database with the demo province (createDeps + seedDemo, as `npm start` does), then
// --orders work orders copied by SQL from the demo's (each concluded, received and dispatched by 澜州市政务服务和数据管理局,
// concluded at a time spread over a year; every --waiting-th one not yet followed up, the rest followed up). Then the
// queue as that centre's officer reads it — findDispatcherQueue(queue=follow_up), what
// GET /api/v1/consultation/orders/dispatcher?queue=follow_up runs, without HTTP: the first page, and the page --deep
// pages further down the cursor chain, --reads times each, one at a time; p50 / p99 / max. The same for the unit
// with the most orders: findUnitQueue(queue=all), what GET /api/v1/consultation/orders/workbench?queue=all runs.
//
//   npm run build:server && node bench/consultation-queues.mjs [--orders 500000] [--waiting 100] [--db sqlite,postgres]
//     [--reads 100] [--deep 10] [--record]
//
// TONGBAN_BUILD_DIR names another build's dist/server (one made before a change) to measure it the same way.
// PostgreSQL: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a scratch
// database is created and dropped.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { machineFacts } from './machine.mjs';
import { fmt, imp, pageTable, recordSection, timePages, withDemoDatabase } from './pages.mjs';

const { values: opts } = parseArgs({
  options: {
    orders: { type: 'string', default: '500000' },
    waiting: { type: 'string', default: '100' },
    db: { type: 'string', default: 'sqlite,postgres' },
    reads: { type: 'string', default: '100' },
    deep: { type: 'string', default: '10' },
    record: { type: 'boolean', default: false },
  },
});
const M = Number(opts.orders);
const WAITING = Number(opts.waiting);
const READS = Number(opts.reads);
const DEEP = Number(opts.deep);
const DBS = opts.db.split(',');
if (![M, WAITING, READS, DEEP].every((n) => Number.isInteger(n) && n >= 1) || !DBS.every((d) => ['sqlite', 'postgres'].includes(d))) {
  console.error('bench: --orders, --waiting, --reads and --deep must be positive integers; --db sqlite, postgres or both');
  process.exit(2);
}
const { systemActor } = await imp('platform/actor.js');
const { demoDepartments } = await imp('demo/province-data.js');
const { findDispatcherQueue, findUnitQueue } = await imp('modules/consultation/use-cases/orders-read.js');

/** The demo's work orders copied `copies` times into the centre's concluded orders, by one INSERT … SELECT. */
async function copyOrders(deps, centreId, copies) {
  const [sample] = await deps.db.selectFrom('work_orders').selectAll().limit(1).execute();
  const year = 365 * 86_400; // seconds over which the conclusions are spread
  const concluded = deps.dialect === 'postgres'
    ? `to_char((timestamp '2025-11-01' + ((k.n * 7919 + length(w.id)) % ${year}) * interval '1 second'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', '2025-11-01', '+' || ((k.n * 7919 + length(w.id)) % ${year}) || ' seconds')`;
  const value = {
    id: `w.id || '-' || k.n`, order_number: `w.order_number || '-' || k.n`, question_id: 'null', status: `'concluded'`,
    concluded_at: concluded, follow_up_at: `case when k.n % ${WAITING} = 0 then null else ${concluded} end`,
    follow_up_note: `case when k.n % ${WAITING} = 0 then null else '已回访' end`, cross_region: '0',
    dispatcher_department_id: `'${centreId}'`, origin_dispatcher_id: `'${centreId}'`, paused: '0',
  };
  const columns = Object.keys(sample);
  await sql.raw(`with recursive k(n) as (select 1 union all select n + 1 from k where n < ${copies})
    insert into work_orders (${columns.join(', ')})
    select ${columns.map((c) => value[c] ?? `w.${c}`).join(', ')} from work_orders w cross join k`).execute(deps.db);
}

function measure(dbKind) {
  return withDemoDatabase(dbKind, 'bench-orders', async (deps) => {
    const centre = demoDepartments.find((d) => d.key === 'lz_zwsj');
    const centreId = (await deps.db.selectFrom('departments').select('id').where('uscc', '=', centre.uscc).executeTakeFirstOrThrow()).id;
    const demoOrders = Number((await deps.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const copies = Math.ceil(M / demoOrders);
    console.log(`bench: ${dbKind}: ${fmt(copies * demoOrders)} concluded orders (${demoOrders} demo orders × ${copies})…`);
    const t = performance.now();
    await copyOrders(deps, centreId, copies);
    if (dbKind === 'postgres') await sql`analyze work_orders`.execute(deps.db);
    else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db);
    const count = async (waitingOnly) => {
      let q = deps.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('dispatcher_department_id', '=', centreId).where('concluded_at', 'is not', null);
      if (waitingOnly) q = q.where('follow_up_at', 'is', null);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const concludedN = await count(false);
    const waitingN = await count(true);
    console.log(`bench: ${dbKind}: written in ${((performance.now() - t) / 1000).toFixed(0)} s; the centre has ${fmt(concludedN)} concluded orders, ${fmt(waitingN)} waiting for a follow-up`);
    const officer = (departmentId) => ({ ...systemActor('bench'), kind: 'staff', username: 'bench_officer', displayName: 'bench', roles: ['window_officer'], departmentId, regionCode: null });
    const busiest = await deps.db.selectFrom('work_orders').select('department_id').select((eb) => eb.fn.countAll().as('n'))
      .where('department_id', 'is not', null).groupBy('department_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    const unitName = (await deps.db.selectFrom('departments').select('name').where('id', '=', busiest.department_id).executeTakeFirstOrThrow()).name;
    const queues = [
      [`follow_up of ${centre.name} (${fmt(concludedN)} concluded, ${fmt(waitingN)} waiting)`,
        (cursor) => findDispatcherQueue(deps, officer(centreId), { queue: 'follow_up', limit: 20, ...(cursor ? { cursor } : {}) })],
      [`all orders of ${unitName} (${fmt(Number(busiest.n))})`,
        (cursor) => findUnitQueue(deps, officer(busiest.department_id), { queue: 'all', limit: 20, ...(cursor ? { cursor } : {}) })],
    ];
    const rows = [];
    for (const [what, read] of queues) {
      for (const r of await timePages(read, { deep: DEEP, reads: READS, what: `${dbKind} ${what}` })) rows.push({ db: dbKind, what, ...r });
    }
    return rows;
  });
}

const facts = machineFacts();
const results = [];
for (const d of DBS) results.push(...(await measure(d)));
const table = pageTable(results, 'queue');
console.log(`\n${table.join('\n')}`);
if (opts.record) {
  recordSection(facts, `consultation: work-order queues at ${fmt(M)} concluded orders`,
    `\`node bench/consultation-queues.mjs --orders ${M} --waiting ${WAITING} --reads ${READS} --deep ${DEEP}\`: the demo's work orders copied by SQL into concluded orders of 澜州市政务服务和数据管理局 (1 in ${WAITING} not followed up); findDispatcherQueue(queue=follow_up) as its officer and findUnitQueue(queue=all) as an officer of the unit with the most orders, 20 a page, one read at a time`,
    table);
}
