#!/usr/bin/env node
// Benchmark: instant answers of the consultation engine with 100,000 knowledge-base entries, on SQLite and PostgreSQL.
//
// Goal (issue 6): instant-answer p99 < 10 ms at 100k entries, the index kept in memory and rebuilt incrementally.
//
// For each database: a fresh database migrated and loaded with the demo province (its seed imports the demo knowledge
// base and duty lists), then --entries synthetic entries written straight into kb_entries (no versions or audit: this
// measures reading). They recombine the demo entries across synthetic departments and regions: 60 synthetic cities
// (39CC00) with 4 districts each, one department per line of work of the demo entries in each city and district; entry
// i copies demo entry i mod n into a synthetic department of the same kind and level, in that department's region,
// with its alternatives shuffled and one alternative of another demo entry added (deterministic PRNG).
// Then, as a server starting up: a fresh engine builds its index from the database (time, heap). Then a query mix —
// the demo entries' questions and alternatives with typos and colloquial padding, the evaluation set's questions when
// bench/consultation-eval.json exists — asked from demo and synthetic districts:
//   - searchKnowledge (what POST /questions does for answers: index, validity and region, the answers' rows read
//     from the database): a warm-up pass, then --rounds timed passes, each call timed with performance.now();
//   - the in-memory part alone (index + scoring), to separate it from the database read;
//   - throughput: sequential, and with --concurrency calls in flight;
//   - incremental change: an entry edited through updateKbEntry (transaction, version, audit, conflict check, index
//     update) and the index update alone.
//
//   npm run build:server && node bench/consultation-answer.mjs [--entries 100000] [--db sqlite,postgres] [--rounds 3]
//     [--concurrency 8] [--record]
//
// PostgreSQL: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a scratch
// database is created and dropped. Imports the compiled server from dist/server (TONGBAN_BUILD_DIR overrides).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machineFacts } from './machine.mjs';
import { scratchDatabase } from './scratch-pg.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GOAL_P99_MS = 10;

const { values: opts } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
    record: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log('usage: node bench/consultation-answer.mjs [--entries 100000] [--db sqlite,postgres] [--rounds 3] [--concurrency 8] [--record]');
  process.exit(0);
}
const N = Number(opts.entries);
const ROUNDS = Number(opts.rounds);
const CONCURRENCY = Number(opts.concurrency);
const DBS = opts.db.split(',');

const build = path.resolve(process.env.TONGBAN_BUILD_DIR || path.join(root, 'dist/server'));
if (!fs.existsSync(path.join(build, 'app.js'))) {
  console.error(`bench: ${build}/app.js is missing: run \`npm run build:server\` first`);
  process.exit(2);
}
const imp = (p) => import(pathToFileURL(path.join(build, p)).href);
const { createDeps } = await imp('app.js');
const { loadConfig } = await imp('platform/config.js');
const { seedDemo } = await imp('demo/seed.js');
const { systemActor } = await imp('platform/actor.js');
const { generateUscc } = await imp('platform/codes.js');
const { demoDepartments } = await imp('demo/province-data.js');
const { demoKbEntries } = await imp('demo/consultation-kb-data.js');
const { searchKnowledge } = await imp('modules/consultation/index.js');
const { engineOf, regionChain, todayOf } = await imp('modules/consultation/use-cases/retrieval.js');
const { updateKbEntry, contentOf } = await imp('modules/consultation/use-cases/knowledge.js');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const collect = () => {
  gc();
  gc();
};

// ---------------------------------------------------------------------------------------------------------
// Deterministic helpers

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261128);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const shuffled = (xs) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(xs) {
  const s = Float64Array.from(xs).sort();
  const sum = xs.reduce((a, b) => a + b, 0);
  return { n: xs.length, mean: sum / xs.length, p50: pct(s, 50), p90: pct(s, 90), p99: pct(s, 99), max: s[s.length - 1] };
}
const ms = (x) => x.toFixed(2);
const mib = (b) => (b / 2 ** 20).toFixed(0);

// ---------------------------------------------------------------------------------------------------------
// Synthetic regions, departments, entries

const CITIES = 60;
const DISTRICTS = 4;
const keyOf = new Map(demoDepartments.map((d) => [d.key, d]));

async function insertChunks(db, table, rows, size = 400) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size)).execute();
}

async function generate(deps) {
  const db = deps.db;
  const now = deps.clock.nowIso();
  const regions = [];
  const cityCodes = [];
  const districtCodes = [];
  for (let c = 0; c < CITIES; c++) {
    const cc = String(3 + c).padStart(2, '0');
    const city = `39${cc}00`;
    cityCodes.push(city);
    regions.push({ code: city, name: `合成${cc}市`, name_en: `Synthetic City ${cc}`, parent_code: '390000', level: 'city', created_at: now, updated_at: now });
    for (let d = 1; d <= DISTRICTS; d++) {
      const code = `39${cc}${String(d).padStart(2, '0')}`;
      districtCodes.push(code);
      regions.push({ code, name: `合成${cc}市${d}区`, name_en: null, parent_code: city, level: 'district', created_at: now, updated_at: now });
    }
  }
  // Lines of work of the demo entries, by level.
  const demo = demoKbEntries.map((e) => ({ e, dept: keyOf.get(e.departmentKey) }));
  const kindsAt = { city: new Set(), district: new Set() };
  for (const { dept } of demo) kindsAt[dept.level === 'district' ? 'district' : 'city'].add(dept.kind);
  const departments = [];
  const deptFor = new Map(); // `${region}:${kind}` → id
  let body = 10_000_000;
  const addDept = (region, level, kind) => {
    const id = `syn-${region}-${kind}`;
    departments.push({
      id, uscc: generateUscc('1', '1', region, String(body++)), name: `${regions.find((r) => r.code === region).name}${kind}`, name_en: null, short_name: null,
      kind, region_code: region, level, phone: `0599-${String(body).slice(-7)}`, address: '合成地址', active: 1, created_at: now, updated_at: now,
    });
    deptFor.set(`${region}:${kind}`, id);
  };
  for (const city of cityCodes) for (const kind of kindsAt.city) addDept(city, 'city', kind);
  for (const d of districtCodes) for (const kind of kindsAt.district) addDept(d, 'district', kind);

  const entries = [];
  for (let i = 0; i < N; i++) {
    const { e, dept } = demo[i % demo.length];
    const district = dept.level === 'district';
    const region = district ? districtCodes[Math.floor(rnd() * districtCodes.length)] : cityCodes[Math.floor(rnd() * cityCodes.length)];
    const other = pick(demo).e;
    const alternatives = [...shuffled(e.alternatives ?? []).slice(0, Math.max(0, (e.alternatives ?? []).length - 1)), ...(other.alternatives?.length ? [pick(other.alternatives)] : [])];
    entries.push({
      id: `syn-kb-${i}`, code: `KB-SYN-${i}`, department_id: deptFor.get(`${region}:${dept.kind}`),
      question: e.question, alternatives: JSON.stringify(alternatives), answer: e.answer, basis: JSON.stringify(e.basis), region_codes: JSON.stringify([region]),
      valid_from: e.validFrom ?? null, valid_to: e.validTo ?? null, tags: JSON.stringify(e.tags ?? []), item_codes: JSON.stringify([]), topic: e.topic ?? null,
      facts: e.facts ? JSON.stringify(e.facts) : null, status: 'active', version: 1, created_at: now, created_by: 'bench', updated_at: now, updated_by: 'bench',
    });
  }
  const t0 = performance.now();
  await db.transaction().execute(async (tx) => {
    await insertChunks(tx, 'regions', regions);
    await insertChunks(tx, 'departments', departments, 200);
    await insertChunks(tx, 'kb_entries', entries, 300);
  });
  return { districts: districtCodes, departments: departments.length, insertMs: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------------------
// Queries

const TYPO = [['营业', '营叶'], ['公积金', '公基金'], ['社保', '社宝'], ['身份证', '身分证'], ['医保', '医宝'], ['执照', '执找'], ['户口', '户扣'], ['退休', '退修']];
const PAD = ['请问', '我想问一下，', '你好，', '麻烦问下', ''];
const TAIL = ['', '？', '，谢谢', '，急', '要多久'];

function querySet(evalQuestions, districts) {
  const demoRegions = ['390102', '390105', '390202', '390203'];
  const qs = [];
  for (const e of demoKbEntries) {
    const phrases = [e.question, ...(e.alternatives ?? []).slice(0, 2)];
    for (const p of phrases) {
      let text = pick(PAD) + p + pick(TAIL);
      if (rnd() < 0.25) {
        const [a, b] = pick(TYPO);
        text = text.replace(a, b);
      }
      qs.push({ text, regionCode: rnd() < 0.5 ? pick(demoRegions) : pick(districts) });
    }
  }
  for (const q of evalQuestions) qs.push({ text: q.text, regionCode: q.regionCode });
  return shuffled(qs);
}

// ---------------------------------------------------------------------------------------------------------
// One database


async function runOne(kind, evalQuestions) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-kb-'));
  const pgDb = kind === 'postgres' ? await scratchDatabase('tb_bench_kb') : null;
  const env = { TONGBAN_DATA_DIR: dataDir, ...(pgDb && { DATABASE_URL: pgDb.url }) };
  const config = loadConfig(env, { passwordHashCost: 1024 });
  const out = { kind };
  try {
    // 1. Fill the database.
    let deps = await createDeps(config);
    let t = performance.now();
    await seedDemo(deps);
    out.seedMs = performance.now() - t;
    const gen = await generate(deps);
    Object.assign(out, { insertMs: gen.insertMs, departments: gen.departments });
    await deps.close();

    // 2. A server starting: a fresh engine builds the index from the database.
    deps = await createDeps(config);
    try {
      collect();
      const heap0 = process.memoryUsage().heapUsed;
      t = performance.now();
      const engine = await engineOf(deps);
      out.buildMs = performance.now() - t;
      out.indexed = engine.kb.size;
      collect();
      out.heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
      out.rssMiB = process.memoryUsage().rss / 2 ** 20;

      const queries = querySet(evalQuestions, gen.districts);
      out.queries = queries.length;
      const threshold = deps.config.consultationAnswerThreshold;
      const ask = (q) => searchKnowledge(deps, { text: q.text, regionCode: q.regionCode, limit: 3, minScore: threshold });
      // Warm-up.
      for (const q of queries) await ask(q);
      // 3. Latency, end to end (index + the answers' rows) and in memory only.
      const full = [];
      const mem = [];
      let answered = 0;
      const today = todayOf(deps);
      t = performance.now();
      for (let r = 0; r < ROUNDS; r++) {
        for (const q of queries) {
          const a = performance.now();
          const res = await ask(q);
          full.push(performance.now() - a);
          if (res.length) answered++;
        }
      }
      out.sequentialQps = full.length / ((performance.now() - t) / 1000);
      for (let r = 0; r < ROUNDS; r++) {
        for (const q of queries) {
          const a = performance.now();
          engine.kb.search(q.text, { regions: regionChain(q.regionCode), today, limit: 3 });
          mem.push(performance.now() - a);
        }
      }
      // The database part alone: the answers' rows of three entries by id, as searchKnowledge reads them.
      const dbTimes = [];
      const ids = [...engine.kb.meta.keys()];
      for (let i = 0; i < full.length / ROUNDS; i++) {
        const want = [ids[(i * 7919) % ids.length], ids[(i * 104729) % ids.length], ids[(i * 1299709) % ids.length]];
        const a = performance.now();
        await deps.db.selectFrom('kb_entries').select(['id', 'answer', 'basis', 'status']).where('id', 'in', want).execute();
        dbTimes.push(performance.now() - a);
      }
      out.full = summary(full);
      out.memory = summary(mem);
      out.db = summary(dbTimes);
      out.answeredShare = answered / full.length;
      // 4. Throughput with calls in flight.
      t = performance.now();
      let done = 0;
      for (let r = 0; r < ROUNDS; r++) {
        for (let i = 0; i < queries.length; i += CONCURRENCY) {
          await Promise.all(queries.slice(i, i + CONCURRENCY).map(ask));
          done += Math.min(CONCURRENCY, queries.length - i);
        }
      }
      out.concurrentQps = done / ((performance.now() - t) / 1000);
      // 5. Incremental change: an edit through the use case, and the index update alone.
      const edits = [];
      const applies = [];
      const demoCodes = demoKbEntries.slice(0, 30).map((e) => e.code);
      for (const code of demoCodes) {
        const row = await deps.db.selectFrom('kb_entries').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
        const c = contentOf(row);
        const body = { question: c.question, alternatives: c.alternatives, answer: c.answer + '（已更新）', basis: c.basis, regionCodes: c.regionCodes, tags: c.tags, itemCodes: c.itemCodes,
          ...(c.validFrom && { validFrom: c.validFrom }), ...(c.validTo && { validTo: c.validTo }), ...(c.topic && { topic: c.topic }), ...(c.facts && { facts: c.facts }) };
        const a = performance.now();
        await updateKbEntry(deps, systemActor('bench'), code, body);
        edits.push(performance.now() - a);
        const b = performance.now();
        engine.applyKbRows([row]);
        applies.push(performance.now() - b);
      }
      out.edit = summary(edits);
      out.apply = summary(applies);
    } finally {
      await deps.close();
    }
  } finally {
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const evalFile = path.join(here, 'consultation-eval.json');
const evalQuestions = fs.existsSync(evalFile) ? JSON.parse(fs.readFileSync(evalFile, 'utf8')).questions : [];
const results = [];
for (const kind of DBS) {
  console.log(`\n${kind}: ${N} synthetic entries + ${demoKbEntries.length} demo entries …`);
  const r = await runOne(kind, evalQuestions);
  results.push(r);
  console.log(`  built index of ${r.indexed} entries in ${(r.buildMs / 1000).toFixed(1)} s (heap +${r.heapMiB.toFixed(0)} MiB, rss ${r.rssMiB.toFixed(0)} MiB)`);
  console.log(`  searchKnowledge: p50 ${ms(r.full.p50)} ms, p90 ${ms(r.full.p90)} ms, p99 ${ms(r.full.p99)} ms, max ${ms(r.full.max)} ms over ${r.full.n} calls`);
  console.log(`  in memory only:  p50 ${ms(r.memory.p50)} ms, p99 ${ms(r.memory.p99)} ms; reading 3 answers: p50 ${ms(r.db.p50)} ms, p99 ${ms(r.db.p99)} ms`);
  console.log(`  throughput: ${r.sequentialQps.toFixed(0)}/s sequential, ${r.concurrentQps.toFixed(0)}/s with ${CONCURRENCY} in flight`);
  console.log(`  edit through updateKbEntry: p50 ${ms(r.edit.p50)} ms; index update alone p50 ${ms(r.apply.p50)} ms`);
}

const facts = machineFacts();
const lines = [
  '', `## ${facts.date.slice(0, 10)} — consultation: instant answers at ${N.toLocaleString('en')} knowledge-base entries (bench/consultation-answer.mjs)`, '',
  `- Date: ${facts.date}`,
  `- CPU: ${facts.cpu}; ${facts.cores} cores; ${facts.memGiB} GiB memory; ${facts.os}; load average before ${facts.load}; Node ${facts.node}`,
  `- ${N.toLocaleString('en')} synthetic entries (demo entries recombined across ${CITIES} synthetic cities × ${DISTRICTS} districts) + the demo knowledge base; ${results[0]?.queries ?? 0} queries × ${ROUNDS} rounds after a warm-up; goal p99 < ${GOAL_P99_MS} ms`,
  '',
  '| database | index build | heap | searchKnowledge p50 | p90 | p99 | max | in memory p50 / p99 | 3 answers read p50 / p99 | sequential | ' + CONCURRENCY + ' in flight | edit (use case) p50 | index update p50 |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.kind} | ${(r.buildMs / 1000).toFixed(1)} s | ${r.heapMiB.toFixed(0)} MiB | ${ms(r.full.p50)} ms | ${ms(r.full.p90)} ms | ${ms(r.full.p99)} ms | ${ms(r.full.max)} ms | ${ms(r.memory.p50)} / ${ms(r.memory.p99)} ms | ${ms(r.db.p50)} / ${ms(r.db.p99)} ms | ${r.sequentialQps.toFixed(0)}/s | ${r.concurrentQps.toFixed(0)}/s | ${ms(r.edit.p50)} ms | ${ms(r.apply.p50)} ms |`),
  '',
  `Goal p99 < ${GOAL_P99_MS} ms: ${results.every((r) => r.full.p99 < GOAL_P99_MS) ? 'met' : 'NOT met'} (${results.map((r) => `${r.kind} ${ms(r.full.p99)} ms`).join(', ')}).`,
  '',
];
console.log(lines.join('\n'));
if (opts.record) {
  fs.appendFileSync(path.join(here, 'RESULTS.md'), lines.join('\n'));
  console.log('recorded in bench/RESULTS.md');
}
process.exit(0);
