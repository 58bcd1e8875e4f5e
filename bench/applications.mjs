#!/usr/bin/env node
// Benchmark: online applications (issue "applications", item 12), on SQLite and on PostgreSQL.
//
// Goals: submission p99 < 50 ms at 50 concurrent submissions on SQLite; workbench queue p99 < 50 ms at 1M cases.
//
// 1. Submission (POST /api/v1/applications: form validation against the item's form, prefill from the population
//    registry with its access log, materials check, case number, case + task + timeline + audit + outbox, and the
//    CaseDetail reply). A real server (node dist/server/main.js start) on a fresh SQLite data dir, then on a fresh
//    PostgreSQL database, both with the demo province. As the platform admin the bench publishes a new version of
//    the demo item 高龄津贴 (明湖区民政局) whose guide has a form with prefill rules (name, ID number, date of birth,
//    household address locked from the population registry; phone, residence address, region unlocked) and
//    validated fields (formats, a pattern, enums, a number range, a field shown only for one answer, a box to tick).
//    zhangsan, lisi and wangwu log in, each reads the prefill once, one PDF is uploaded, then submissions with a new
//    Idempotency-Key each are fired by a closed loop of --concurrency workers (the three sessions in turn): a warm-up,
//    then --rounds rounds of --count submissions. Latency is timed per request in this process. The warm-up (3,000 by
//    default) is what a freshly started server needs before its rate settles: measured, the first ~3,000 filings
//    after a start cost ~0.7 ms of server CPU each against ~0.4 ms later (V8 optimising the request path; a pause of
//    8 s after start changed nothing, so it is the filings, not the time); it is reported as a row of its own.
// 2. Workbench queues at --cases cases (1,000,000). A database made by the real migrations and the demo province
//    (`main.js seed-demo`), then filled by bench/applications-data.mjs (~200 departments, every status, each case
//    with its tasks). A real server on it; the officers of the two busiest departments (demo logins) read
//    GET /api/v1/applications/workbench?queue=… — the first page and a page --deep pages further down the cursor
//    chain, and GET /api/v1/applications/workbench/counts (every queue counted, each up to its cap; "rows": the sum) —
//    one request at a time, --queue-requests times per URL and round.
//
//   npm run build:server && npm run bench:applications -- [--only submit|queue] [--db sqlite,postgres] [--record]
//
// Flags: --concurrency 50, --count 2000, --warmup 3000, --rounds 3 (submission); --cases 1000000, --departments 200,
// --queue-requests 200, --queue-rounds 2, --deep 25 (queues); --keep keeps the 1M databases (and prints where);
// --queue-sqlite DIR / --queue-pg URL reuse databases kept by an earlier run; --record appends to bench/RESULTS.md.
// --compare OTHER/dist/server/main.js measures this build against another one in alternating rounds (submission only).
// BENCH_SERVER_MAIN names the build to measure (default dist/server/main.js). Each round also reports the CPU time the
// server process and the load generator spent per submission (from /proc).
// BENCH_SERVER_LOG=1 turns the servers' request log on; BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// profiles them. PostgreSQL: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the bench
// creates its scratch databases there and drops them at the end. `psql` must be on the PATH (COPY for the bulk load).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { freePort, sleep } from '../scripts/tongban-process.mjs';
import { machineFacts } from './machine.mjs';
import { PG_BASE, createDatabase, dropDatabase } from './scratch-pg.mjs';
import { loadPostgres, loadSqlite, randomName } from './applications-data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GOAL_MS = 50;
const PASSWORD = 'Tongban@2026';
const CITIZENS = ['zhangsan', 'lisi', 'wangwu'];

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', default: 'submit,queue' },
    db: { type: 'string', default: 'sqlite,postgres' },
    concurrency: { type: 'string', default: '50' },
    count: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '3' },
    cases: { type: 'string', default: '1000000' },
    departments: { type: 'string', default: '200' },
    'queue-requests': { type: 'string', default: '200' },
    'queue-rounds': { type: 'string', default: '2' },
    deep: { type: 'string', default: '25' },
    'queue-warmup': { type: 'string', default: '20' },
    seed: { type: 'string', default: '20261128' },
    keep: { type: 'boolean', default: false },
    'queue-sqlite': { type: 'string' },
    'queue-pg': { type: 'string' },
    compare: { type: 'string' },
    record: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const num = (k) => {
  const v = Number(opts[k]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`bench: --${k} must be a non-negative number`);
    process.exit(2);
  }
  return v;
};
const concurrency = num('concurrency');
const count = num('count');
const warmup = num('warmup');
const rounds = num('rounds');
const nCases = num('cases');
const nDepartments = num('departments');
const queueRequests = num('queue-requests');
const queueRounds = num('queue-rounds');
const deep = num('deep');
const queueWarmup = num('queue-warmup');
const seed = num('seed');
const parts = opts.only.split(',');
// A case number holds a four-digit daily sequence per item: one item takes at most 9,999 filings a day.
const filings = 3 + warmup + rounds * count + Math.min(count, opts.compare ? 300 : 500);
if ((parts.includes('submit') || opts.compare) && filings > 9999) {
  console.error(`bench: ${filings} filings of one item on one day would pass the daily limit of 9,999 case numbers; lower --count, --rounds or --warmup`);
  process.exit(2);
}
const dbs = opts.db.split(',');
if (parts.some((p) => !['submit', 'queue'].includes(p)) || dbs.some((d) => !['sqlite', 'postgres'].includes(d))) {
  console.error('bench: --only takes submit,queue and --db takes sqlite,postgres');
  process.exit(2);
}
const log = (m) => console.log(`bench: ${m}`);

// BENCH_SERVER_MAIN: another build of the server (e.g. `tsc -p tsconfig.build.json --outDir /tmp/a/dist/server`) to compare.
const main = process.env.BENCH_SERVER_MAIN ? path.resolve(process.env.BENCH_SERVER_MAIN) : path.join(root, 'dist/server/main.js');
if (!fs.existsSync(main)) {
  console.error('bench: dist/server/main.js is missing: run `npm run build:server` first');
  process.exit(2);
}
{
  const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return Math.max(t, newest(p));
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? Math.max(t, fs.statSync(p).mtimeMs) : t;
  }, 0);
  if (!process.env.BENCH_SERVER_MAIN && newest(path.join(root, 'src')) > fs.statSync(main).mtimeMs) log('warning: src/ is newer than dist/server; run `npm run build:server` to measure the current code');
}

// ---------------------------------------------------------------------------------------------------------
// Servers, databases, HTTP

const cleanups = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch((e) => console.error(`bench: cleanup: ${e.message}`));
}
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

function runMain(args, env) {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`main.js ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** `node dist/server/main.js start` (not bin/tongban.mjs: that would build the web app first) on a free port. */
async function startServer({ label, dataDir, databaseUrl = '', env = {}, mainJs = main }) {
  const port = await freePort();
  const own = !dataDir;
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs, 'start'], {
    cwd: root,
    env: { ...process.env, TONGBAN_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, TONGBAN_LOG: process.env.BENCH_SERVER_LOG === '1' ? '1' : '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    }
    if (own) fs.rmSync(dir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited (${child.exitCode}) before it was healthy:\n${output}`);
    const ok = await fetch(baseUrl + '/api/health').then(async (r) => r.ok && (await r.json()).status === 'ok').catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label}: not healthy within 300 s:\n${output}`);
    }
    await sleep(250);
  }
  return { baseUrl, pid: child.pid, dataDir: dir, output: () => output, stop };
}


const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function call(base, method, p, { token, body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(base + p);
    const data = body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (data) {
      h['content-type'] ??= 'application/json';
      h['content-length'] = data.length;
    }
    const t0 = performance.now();
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: h, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode, body: json, text, ms });
      });
    });
    req.on('error', reject);
    req.end(data ?? undefined);
  });
}
async function ok(res, what, status = [200, 201]) {
  const r = await res;
  if (![status].flat().includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 800)}`);
  return r.body;
}
async function login(base, username) {
  return (await ok(call(base, 'POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } }), `login ${username}`)).token;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
function stats(times) {
  const s = Float64Array.from(times).sort();
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] };
}
const f1 = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cpuMs = (x) => (x === null || x === undefined ? '?' : x.toFixed(2));
const spread = (xs) => (xs.length > 1 ? `${f1(Math.min(...xs))}–${f1(Math.max(...xs))}` : f1(xs[0]));

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function procCpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/**
 * A closed loop: `workers` callers, each starting the next request when its previous one answered. With `serverPid`,
 * also the CPU time the server process and this load generator spent per request (less noisy than rates on a shared
 * machine: a busy neighbour slows both down but does not add CPU time to either).
 */
async function closedLoop(total, workers, fn, serverPid) {
  const times = [];
  const statuses = {};
  let next = 0;
  const cpu0 = serverPid ? procCpuSeconds(serverPid) : null;
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(workers, total) }, async () => {
    while (next < total) {
      const i = next++;
      const r = await fn(i);
      times.push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 300 && statuses[r.status] <= 3) log(`  ${r.status}: ${r.text.slice(0, 300)}`);
    }
  }));
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = serverPid ? procCpuSeconds(serverPid) : null;
  const own = process.cpuUsage(own0);
  const serverCpuMs = cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / total : null;
  const genCpuMs = (own.user + own.system) / 1000 / total;
  return { ...stats(times), rps: total / wall, wall, statuses, bad: times.length - (statuses[201] ?? 0), serverCpuMs, genCpuMs };
}

// ---------------------------------------------------------------------------------------------------------
// 1. Submission

const BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '中国邮政储蓄银行', '云澜农村商业银行'];
/** The form of the benchmarked version: every kind of check a real form has, and prefill from the population registry. */
const FORM = {
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: '申请人姓名', 'x-title-en': 'Applicant', maxLength: 40 },
      idNumber: { type: 'string', title: '公民身份号码', 'x-title-en': 'ID number', format: 'tongban-id-number' },
      birthDate: { type: 'string', title: '出生日期', 'x-title-en': 'Date of birth', format: 'date' },
      hukouAddress: { type: 'string', title: '户籍地址', 'x-title-en': 'Household address', minLength: 5, maxLength: 100 },
      phone: { type: 'string', title: '联系电话', 'x-title-en': 'Phone', format: 'tongban-phone' },
      residenceAddress: { type: 'string', title: '现居住地址', 'x-title-en': 'Residence address', minLength: 5, maxLength: 100 },
      regionCode: { type: 'string', title: '居住地区', 'x-title-en': 'Region of residence', format: 'tongban-region-code' },
      livingArrangement: {
        type: 'string', title: '居住情况', 'x-title-en': 'Living arrangement', enum: ['与配偶同住', '与子女同住', '独居', '养老机构'],
        'x-enum-titles': [{ zh: '与配偶同住', en: 'With spouse' }, { zh: '与子女同住', en: 'With children' }, { zh: '独居', en: 'Alone' }, { zh: '养老机构', en: 'Care home' }],
      },
      caregiverName: { type: 'string', title: '赡养人姓名', 'x-title-en': 'Caregiver', minLength: 2, maxLength: 40 },
      caregiverPhone: { type: 'string', title: '赡养人联系电话', 'x-title-en': 'Caregiver phone', format: 'tongban-phone' },
      monthlyIncome: { type: 'number', title: '本人月收入（元）', 'x-title-en': 'Monthly income (CNY)', minimum: 0, maximum: 1000000 },
      bankName: { type: 'string', title: '开户银行', 'x-title-en': 'Bank', enum: BANKS },
      bankAccount: { type: 'string', title: '银行账号', 'x-title-en': 'Account number', pattern: '^[0-9]{16,19}$' },
      accountHolder: { type: 'string', title: '账户户名', 'x-title-en': 'Account holder', minLength: 2, maxLength: 40 },
      pledge: { type: 'boolean', title: '本人承诺所填信息真实、有效', 'x-title-en': 'I confirm that the information given is true', enum: [true] },
    },
    required: ['name', 'idNumber', 'birthDate', 'hukouAddress', 'phone', 'residenceAddress', 'livingArrangement', 'caregiverName', 'caregiverPhone', 'bankName', 'bankAccount', 'accountHolder', 'pledge'],
  },
  layout: {
    sections: [
      { key: 'applicant', title: { zh: '申请人信息', en: 'Applicant' }, fields: ['name', 'idNumber', 'birthDate', 'hukouAddress', 'phone', 'residenceAddress', 'regionCode'] },
      { key: 'living', title: { zh: '居住与收入', en: 'Living and income' }, fields: ['livingArrangement', 'caregiverName', 'caregiverPhone', 'monthlyIncome'] },
      { key: 'payment', title: { zh: '津贴发放账户', en: 'Payment account' }, fields: ['bankName', 'bankAccount', 'accountHolder', 'pledge'] },
    ],
    widgets: { bankName: 'select' },
    visibleIf: { caregiverName: { field: 'livingArrangement', in: ['独居', '养老机构'] }, caregiverPhone: { field: 'livingArrangement', in: ['独居', '养老机构'] } },
    help: { bankAccount: { zh: '16–19 位数字，须为本人账户。', en: '16 to 19 digits; an account in your own name.' } },
  },
  prefill: {
    name: { source: 'person', attribute: 'name', lock: true },
    idNumber: { source: 'person', attribute: 'idNumber', lock: true },
    birthDate: { source: 'person', attribute: 'birthDate', lock: true },
    hukouAddress: { source: 'person', attribute: 'hukouAddress', lock: true },
    phone: { source: 'person', attribute: 'phone', lock: false },
    residenceAddress: { source: 'person', attribute: 'residenceAddress', lock: false },
    regionCode: { source: 'person', attribute: 'regionCode', lock: false },
  },
};

/** As the platform admin: a new version of the item's guide with FORM, submitted and approved. */
async function publishWithForm(base, admin, itemId) {
  const current = await ok(call(base, 'GET', `/api/v1/catalog/items/${itemId}`), 'item');
  let draft = await call(base, 'POST', `/api/v1/catalog/items/${itemId}/versions`, { token: admin, body: { changeNote: '在线申请表单（性能测试）' } });
  let version;
  if (draft.status === 201) version = draft.body.version.version;
  else if (draft.body?.error?.code === 'catalog.open_draft_exists') {
    const versions = await ok(call(base, 'GET', `/api/v1/catalog/items/${itemId}/versions`, { token: admin }), 'versions');
    version = versions.items.find((v) => v.status === 'draft' || v.status === 'rejected')?.version ?? versions.items[0].version;
  } else throw new Error(`new draft: ${draft.status} ${draft.text}`);
  await ok(call(base, 'PUT', `/api/v1/catalog/items/${itemId}/versions/${version}`, { token: admin, body: { guide: { ...current.guide, form: FORM }, changeNote: '在线申请表单（性能测试）' } }), 'save draft');
  await ok(call(base, 'POST', `/api/v1/catalog/items/${itemId}/versions/${version}/submit`, { token: admin }), 'submit version');
  await ok(call(base, 'POST', `/api/v1/catalog/items/${itemId}/versions/${version}/approve`, { token: admin, body: { comment: '同意发布' } }), 'approve version');
  const published = await ok(call(base, 'GET', `/api/v1/catalog/items/${itemId}`), 'published item');
  if (published.version.version !== version || !published.guide.form) throw new Error('the new version with the form is not the published one');
  return published;
}

/** One small valid PDF: through the applicants' upload when the server has it, else the catalogue's (admin). */
async function uploadPdf(base, citizen, admin) {
  const bytes = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 身份证复印件 (bench)\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  const headers = { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('身份证.pdf') };
  let r = await call(base, 'POST', '/api/v1/applications/files', { token: citizen, body: bytes, headers });
  let route = 'POST /api/v1/applications/files (citizen)';
  if (r.status === 404) {
    r = await call(base, 'POST', '/api/v1/catalog/files', { token: admin, body: bytes, headers });
    route = 'POST /api/v1/catalog/files (admin; the applicants\' upload route was not there)';
  }
  if (r.status !== 201 && r.status !== 200) throw new Error(`upload: ${r.status} ${r.text}`);
  return { file: { sha256: r.body.sha256, name: '身份证.pdf' }, route };
}

function materialAnswers(guide, file) {
  return guide.materials.map((m) => {
    if (m.necessity === 'deferrable') return { key: m.key, by: 'deferred' };
    if (m.necessity === 'conditional') return { key: m.key, by: 'not_applicable' };
    if (m.substitutes.some((s) => s.kind === 'shared_data')) return { key: m.key, by: 'shared_data' };
    return { key: m.key, by: 'upload', file };
  });
}

/** The citizen's form: prefilled values (locked ones as the registry has them) and the rest filled in. */
function formFor(prefill, k) {
  const v = (f, fallback) => prefill[f]?.value ?? fallback;
  const alone = k % 2 === 0;
  return {
    name: v('name'), idNumber: v('idNumber'), birthDate: v('birthDate'), hukouAddress: v('hukouAddress'),
    phone: v('phone', '13900001111'), residenceAddress: v('residenceAddress', '云澜省澜州市明湖区湖滨路18号'), regionCode: v('regionCode', '390102'),
    livingArrangement: alone ? '独居' : '与子女同住', ...(alone ? { caregiverName: '张小明', caregiverPhone: '13800002222' } : {}),
    monthlyIncome: 1200 + k, bankName: BANKS[k % BANKS.length], bankAccount: '62220000' + String(10000000 + k).slice(-8) + '123', accountHolder: v('name'), pledge: true,
  };
}

/** A server of the build `mainJs` on a fresh database with the item published, logged-in citizens and their bodies. */
async function setUpSubmit(dbKind, mainJs = main) {
  let databaseUrl = '';
  let dbName = null;
  if (dbKind === 'postgres') {
    dbName = randomName('tongban_bench_submit');
    databaseUrl = await createDatabase(dbName);
    cleanups.push(() => dropDatabase(dbName));
  }
  log(`submission on ${dbKind}: starting a server (migrations, demo province)…`);
  const server = await startServer({ label: `tongban-bench-submit-${dbKind}`, databaseUrl, mainJs });
  cleanups.push(server.stop);
  const base = server.baseUrl;
  const admin = await login(base, 'admin');
  const tokens = [];
  for (const u of CITIZENS) tokens.push(await login(base, u));
  const hits = (await ok(call(base, 'GET', `/api/v1/catalog/search?q=${encodeURIComponent('高龄津贴')}&region=390102`), 'search')).hits;
  const item = hits.find((h) => h.item.department?.name?.includes('明湖区民政局'))?.item ?? hits[0].item;
  const published = await publishWithForm(base, admin, item.id);
  // The same PDF by each citizen (uploads are the uploader's own; the store keeps the bytes once).
  let file;
  let uploadRoute;
  for (const token of tokens) ({ file, route: uploadRoute } = await uploadPdf(base, token, admin));
  const materials = materialAnswers(published.guide, file);
  const bodies = [];
  for (const [k, token] of tokens.entries()) {
    const pre = await ok(call(base, 'GET', `/api/v1/applications/prefill?itemId=${item.id}`, { token }), `prefill ${CITIZENS[k]}`);
    for (const f of Object.keys(FORM.prefill)) if (FORM.prefill[f].lock && !pre.prefill[f]?.value) throw new Error(`${CITIZENS[k]}: the registry has no ${f} to prefill`);
    bodies.push([0, 1].map((j) => ({ itemId: item.id, form: formFor(pre.prefill, k * 2 + j), materials })));
  }
  const run = randomName('b');
  let seq = 0;
  const submitOne = (i) => {
    const k = i % tokens.length;
    return call(base, 'POST', '/api/v1/applications', { token: tokens[k], body: bodies[k][(i / tokens.length) & 1], headers: { 'idempotency-key': `${run}-${++seq}` } });
  };
  // One of each first: they must be accepted (a 4xx would make the benchmark measure refusals).
  for (const [k] of tokens.entries()) {
    const r = await submitOne(k);
    if (r.status !== 201) throw new Error(`a first submission by ${CITIZENS[k]} failed: ${r.status} ${r.text.slice(0, 800)}\n${server.output().slice(-3000)}`);
    if (r.body.form.birthDate !== bodies[k][0].form.birthDate) throw new Error('the case does not hold the submitted form');
  }
  const replay = await call(base, 'POST', '/api/v1/applications', { token: tokens[0], body: bodies[0][0], headers: { 'idempotency-key': `${run}-1` } });
  if (replay.status !== 200) throw new Error(`a replay answered ${replay.status}, not 200`);
  log(`submission on ${dbKind}: item ${published.item.name} (${published.item.department.name}) version ${published.version.version}; form of ${Object.keys(FORM.schema.properties).length} fields, ${Object.keys(FORM.prefill).length} prefilled; ${materials.length} materials (${materials.filter((m) => m.by === 'upload').length} uploaded); upload through ${uploadRoute}`);
  const teardown = async () => {
    await server.stop();
    cleanups.splice(cleanups.indexOf(server.stop), 1);
    if (dbName) {
      await dropDatabase(dbName);
      cleanups.splice(cleanups.length - 1, 1);
    }
  };
  return { server, submitOne, teardown, uploadRoute, item: `${published.item.name} (${published.item.department.name}) v${published.version.version}` };
}

async function benchSubmit(dbKind) {
  const { server, submitOne, teardown, uploadRoute, item } = await setUpSubmit(dbKind);
  const warm = warmup ? await closedLoop(warmup, concurrency, submitOne, server.pid) : null;
  if (warm) log(`submission on ${dbKind}: warm-up ${warmup}: ${fmt(warm.rps)}/s, p50 ${f1(warm.p50)} ms, p99 ${f1(warm.p99)} ms; server CPU ${cpuMs(warm.serverCpuMs)} ms per submission`);
  const results = [];
  for (let r = 1; r <= rounds; r++) {
    const res = await closedLoop(count, concurrency, submitOne, server.pid);
    results.push(res);
    log(`submission on ${dbKind}: round ${r}: ${fmt(res.rps)} submissions/s; p50 ${f1(res.p50)} ms, p95 ${f1(res.p95)} ms, p99 ${f1(res.p99)} ms, max ${f1(res.max)} ms; server CPU ${cpuMs(res.serverCpuMs)} ms, generator CPU ${cpuMs(res.genCpuMs)} ms per submission; statuses ${JSON.stringify(res.statuses)}`);
  }
  // A lower concurrency too: what one submission costs when it does not queue behind 49 others.
  const low = await closedLoop(Math.min(count, 500), 1, submitOne, server.pid);
  log(`submission on ${dbKind}: one at a time: ${fmt(low.rps)}/s, p50 ${f1(low.p50)} ms, p99 ${f1(low.p99)} ms; server CPU ${cpuMs(low.serverCpuMs)} ms per submission`);
  await teardown();
  return { db: dbKind, warm, results, low, uploadRoute, item };
}

/**
 * --compare OTHER_MAIN_JS: this build (A) and another (B, e.g. the code before a change, built with
 * `tsc -p tsconfig.build.json --outDir /tmp/before/dist/server` plus a package.json and a node_modules link there),
 * each on its own fresh database, both running, measured in alternating rounds (A B, B A, …) so that a busy
 * neighbour on a shared machine weighs on both alike. Prints each round and the medians with B/A ratios.
 */
async function compareSubmit(dbKind, otherMain) {
  const targets = [{ name: 'A', main }, { name: 'B', main: path.resolve(otherMain) }];
  for (const t of targets) {
    log(`compare: ${t.name} = ${t.main}`);
    Object.assign(t, await setUpSubmit(dbKind, t.main), { results: [] });
    if (warmup) await closedLoop(warmup, concurrency, t.submitOne, t.server.pid);
  }
  for (let r = 1; r <= rounds; r++) {
    for (const t of r % 2 ? targets : [...targets].reverse()) {
      const res = await closedLoop(count, concurrency, t.submitOne, t.server.pid);
      t.results.push(res);
      log(`compare on ${dbKind}: round ${r} ${t.name}: ${fmt(res.rps)}/s; p50 ${f1(res.p50)} ms, p99 ${f1(res.p99)} ms; server CPU ${cpuMs(res.serverCpuMs)} ms per submission; statuses ${JSON.stringify(res.statuses)}`);
    }
  }
  for (const t of targets) t.low = await closedLoop(Math.min(count, 300), 1, t.submitOne, t.server.pid);
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const m = targets.map((t) => ({ rps: med(t.results.map((x) => x.rps)), p99: med(t.results.map((x) => x.p99)), cpu: med(t.results.map((x) => x.serverCpuMs ?? NaN)), low: t.low.p50, lowCpu: t.low.serverCpuMs }));
  for (const [i, t] of targets.entries()) log(`compare on ${dbKind}: ${t.name} median of ${rounds}: ${fmt(m[i].rps)}/s, p99 ${f1(m[i].p99)} ms, server CPU ${cpuMs(m[i].cpu)} ms per submission; one at a time p50 ${f1(m[i].low)} ms, server CPU ${cpuMs(m[i].lowCpu)} ms`);
  log(`compare on ${dbKind}: B/A throughput ${(m[1].rps / m[0].rps).toFixed(2)}, p99 ${(m[1].p99 / m[0].p99).toFixed(2)}, server CPU per submission ${(m[1].cpu / m[0].cpu).toFixed(2)}`);
  for (const t of targets) await t.teardown();
  return targets;
}

// ---------------------------------------------------------------------------------------------------------
// 2. Workbench queues at 1M cases

// The five of the issue, then the other step queues and 跨省通办 (skipped when the server does not know a queue).
const QUEUES = ['to_accept', 'to_review', 'due_soon', 'overdue', 'all', 'to_decide', 'to_deliver', 'cross_region'];
/** The busiest departments are those of these demo officers: [window officer, reviewer] of each. */
const OFFICERS = [['scjg_officer', 'scjg_officer'], ['mh_mz_ck1', 'mh_mz_sp1']];

async function buildQueueDatabase(dbKind) {
  const loadOpts = { cases: nCases, seed, departments: nDepartments, applicants: 20_000, now: Date.now(), busiestUsernames: OFFICERS.map((o) => o[0]) };
  if (dbKind === 'sqlite') {
    if (opts['queue-sqlite']) return { dataDir: opts['queue-sqlite'], reused: true };
    const dataDir = fs.mkdtempSync(path.join('/tmp', 'tongban-bench-1m-'));
    if (!opts.keep) cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    log(`queues on sqlite: migrating and loading the demo province into ${dataDir}…`);
    runMain(['seed-demo'], { TONGBAN_DATA_DIR: dataDir });
    const loaded = await loadSqlite(path.join(dataDir, 'tongban.sqlite'), loadOpts, log);
    const size = fs.readdirSync(dataDir).filter((f) => f.startsWith('tongban.sqlite')).reduce((s, f) => s + fs.statSync(path.join(dataDir, f)).size, 0);
    log(`queues on sqlite: ${fmt(loaded.cases)} cases, ${fmt(loaded.tasks)} tasks in ${loaded.seconds.toFixed(0)} s; file ${(size / 2 ** 30).toFixed(2)} GiB`);
    return { dataDir, loaded, size };
  }
  if (opts['queue-pg']) return { databaseUrl: opts['queue-pg'], reused: true };
  const name = randomName('tongban_bench_1m');
  const databaseUrl = await createDatabase(name);
  if (!opts.keep) cleanups.push(() => dropDatabase(name));
  const dataDir = fs.mkdtempSync(path.join('/tmp', 'tongban-bench-1m-pg-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`queues on postgres: migrating and loading the demo province into ${name}…`);
  runMain(['seed-demo'], { TONGBAN_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  const loaded = await loadPostgres(databaseUrl, loadOpts, log);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const size = Number((await c.query('select pg_database_size(current_database()) as s')).rows[0].s);
  await c.end();
  log(`queues on postgres: ${fmt(loaded.cases)} cases, ${fmt(loaded.tasks)} tasks in ${loaded.seconds.toFixed(0)} s; database ${(size / 2 ** 30).toFixed(2)} GiB`);
  return { databaseUrl, dataDir, loaded, size, name };
}

/** Rows behind each queue of the officers' departments, counted directly in the database (for the record). */
async function queueSizes(dbKind, where, usernames) {
  const now = new Date().toISOString();
  const sqls = {
    cases: 'select count(*) as n from cases where department_id = $1',
    to_accept: "select count(*) as n from case_tasks where department_id = $1 and status = 'open' and step = 'accept'",
    to_review: "select count(*) as n from case_tasks where department_id = $1 and status = 'open' and step = 'review'",
    due_soon: `select count(*) as n from cases where department_id = $1 and status in ('reviewing','deciding') and paused = 0 and due_at is not null and warn_at <= '${now}' and due_at > '${now}'`,
    overdue: `select count(*) as n from cases where department_id = $1 and status in ('reviewing','deciding') and paused = 0 and due_at is not null and due_at <= '${now}'`,
  };
  const out = [];
  if (dbKind === 'sqlite') {
    const db = new SQLite(path.join(where.dataDir, 'tongban.sqlite'), { readonly: true });
    const deptIds = usernames.map((u) => db.prepare('select department_id from users where username = ?').get(u).department_id);
    for (const id of deptIds) out.push(Object.fromEntries(Object.entries(sqls).map(([k, s]) => [k, db.prepare(s.replace('$1', '?')).get(id).n])));
    db.close();
  } else {
    const c = new pg.Client({ connectionString: where.databaseUrl });
    await c.connect();
    const deptIds = [];
    for (const u of usernames) deptIds.push((await c.query('select department_id from users where username = $1', [u])).rows[0].department_id);
    for (const id of deptIds) {
      const row = {};
      for (const [k, s] of Object.entries(sqls)) row[k] = Number((await c.query(s, [id])).rows[0].n);
      out.push(row);
    }
    await c.end();
  }
  return out;
}

async function benchQueues(dbKind) {
  const where = await buildQueueDatabase(dbKind);
  log(`queues on ${dbKind}: starting a server on the loaded database…`);
  const t0 = performance.now();
  const server = await startServer({ label: `tongban-bench-queue-${dbKind}`, dataDir: where.dataDir ?? fs.mkdtempSync(path.join('/tmp', 'tongban-bench-q-')), databaseUrl: where.databaseUrl ?? '' });
  const startSeconds = (performance.now() - t0) / 1000;
  cleanups.push(server.stop);
  const base = server.baseUrl;
  const urls = [];
  for (const [d, [windowUser, reviewerUser]] of OFFICERS.entries()) {
    const windowToken = await login(base, windowUser);
    const reviewerToken = reviewerUser === windowUser ? windowToken : await login(base, reviewerUser);
    for (const queue of QUEUES) {
      const token = queue === 'to_review' || queue === 'to_decide' ? reviewerToken : windowToken;
      const first = `/api/v1/applications/workbench?queue=${queue}`;
      const probe = await call(base, 'GET', first, { token });
      if (probe.status === 400 && queue === 'cross_region') continue;
      let page = await ok(probe, `${queue} first page`);
      const firstCount = page.items.length;
      let cursor = null;
      let depth = 0;
      while (page.nextCursor && depth < deep) {
        cursor = page.nextCursor;
        depth++;
        page = await ok(call(base, 'GET', `${first}&cursor=${cursor}`, { token }), `${queue} page ${depth + 1}`);
      }
      urls.push({ dept: d + 1, queue, page: 'first', path: first, token, rows: firstCount });
      if (cursor) urls.push({ dept: d + 1, queue, page: `page ${depth + 1}`, path: `${first}&cursor=${cursor}`, token, rows: page.items.length });
    }
    // the tabs' counts: every queue of the department counted (each up to the cap) in one request
    const counts = await ok(call(base, 'GET', '/api/v1/applications/workbench/counts', { token: windowToken }), 'queue counts');
    urls.push({ dept: d + 1, queue: 'counts', page: `${counts.counts.length} queues`, path: '/api/v1/applications/workbench/counts', token: windowToken, rows: counts.counts.reduce((a, c) => a + c.n, 0) });
  }
  log(`queues on ${dbKind}: ${urls.length} URLs; warming up (${queueWarmup} requests each)…`);
  for (const u of urls) for (let i = 0; i < queueWarmup; i++) await ok(call(base, 'GET', u.path, { token: u.token }), u.path);
  const timings = urls.map(() => []);
  for (let r = 1; r <= queueRounds; r++) {
    for (const [k, u] of urls.entries()) {
      const times = [];
      for (let i = 0; i < queueRequests; i++) {
        const res = await call(base, 'GET', u.path, { token: u.token });
        if (res.status !== 200) throw new Error(`${u.path}: ${res.status} ${res.text.slice(0, 300)}`);
        times.push(res.ms);
      }
      timings[k].push(stats(times));
    }
    log(`queues on ${dbKind}: round ${r} done`);
  }
  await server.stop();
  cleanups.splice(cleanups.indexOf(server.stop), 1);
  let sizes = null;
  try {
    sizes = await queueSizes(dbKind, where, OFFICERS.map((o) => o[0]));
  } catch (e) {
    log(`queues on ${dbKind}: could not count the queues: ${e.message}`);
  }
  const rows = urls.map((u, k) => ({ ...u, token: undefined, rounds: timings[k] }));
  for (const r of rows) log(`queues on ${dbKind}: dept ${r.dept} ${r.queue.padEnd(9)} ${r.page.padEnd(7)} p50 ${r.rounds.map((s) => f1(s.p50)).join(' / ')} ms, p99 ${r.rounds.map((s) => f1(s.p99)).join(' / ')} ms, max ${r.rounds.map((s) => f1(s.max)).join(' / ')} ms (${r.rows} rows)`);
  if (opts.keep && !where.reused) log(`queues on ${dbKind}: kept the database: ${where.databaseUrl ? `--queue-pg ${where.databaseUrl}` : `--queue-sqlite ${where.dataDir}`}`);
  return { db: dbKind, rows, sizes, loaded: where.loaded, size: where.size, startSeconds, reused: !!where.reused };
}

// ---------------------------------------------------------------------------------------------------------

function submitTable(sub) {
  const lines = [
    '| database | round | submissions/s | p50 | p95 | p99 | max | server CPU / submission | load generator CPU / submission | non-201 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of sub) {
    const w = s.warm;
    if (w) lines.push(`| ${s.db} | warm-up: the first ${fmt(warmup)} after start | ${fmt(w.rps)} | ${f1(w.p50)} ms | ${f1(w.p95)} ms | ${f1(w.p99)} ms | ${f1(w.max)} ms | ${cpuMs(w.serverCpuMs)} ms | ${cpuMs(w.genCpuMs)} ms | ${w.bad} |`);
    s.results.forEach((r, i) => lines.push(`| ${s.db} | ${i + 1} | ${fmt(r.rps)} | ${f1(r.p50)} ms | ${f1(r.p95)} ms | **${f1(r.p99)} ms** | ${f1(r.max)} ms | ${cpuMs(r.serverCpuMs)} ms | ${cpuMs(r.genCpuMs)} ms | ${r.bad} |`));
    lines.push(`| ${s.db} | one at a time | ${fmt(s.low.rps)} | ${f1(s.low.p50)} ms | ${f1(s.low.p95)} ms | ${f1(s.low.p99)} ms | ${f1(s.low.max)} ms | ${cpuMs(s.low.serverCpuMs)} ms | ${cpuMs(s.low.genCpuMs)} ms | ${s.low.bad} |`);
  }
  return lines.join('\n');
}

function queueTable(q) {
  const lines = [
    `| database | department | queue | page | rows | p50 (${queueRounds > 1 ? 'rounds' : 'round'}) | p99 (${queueRounds > 1 ? 'rounds' : 'round'}) | max |`,
    '|---|---:|---|---|---:|---:|---:|---:|',
  ];
  for (const d of q) {
    for (const r of d.rows) {
      const worst = Math.max(...r.rounds.map((s) => s.p99));
      lines.push(`| ${d.db} | ${r.dept} | ${r.queue} | ${r.page} | ${r.rows} | ${r.rounds.map((s) => f1(s.p50)).join(' / ')} ms | ${worst >= GOAL_MS ? '**' : ''}${r.rounds.map((s) => f1(s.p99)).join(' / ')} ms${worst >= GOAL_MS ? '**' : ''} | ${f1(Math.max(...r.rounds.map((s) => s.max)))} ms |`);
    }
  }
  return lines.join('\n');
}

async function run() {
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const sub = [];
  const que = [];
  if (opts.compare) {
    for (const d of dbs) await compareSubmit(d, opts.compare);
    await cleanup();
    process.exit(0);
  }
  if (parts.includes('submit')) for (const d of dbs) sub.push(await benchSubmit(d));
  if (parts.includes('queue')) for (const d of dbs) que.push(await benchQueues(d));
  await cleanup();

  const verdicts = [];
  const sqliteSub = sub.find((s) => s.db === 'sqlite');
  if (sqliteSub) {
    const worst = Math.max(...sqliteSub.results.map((r) => r.p99));
    verdicts.push(`Submission goal (p99 < ${GOAL_MS} ms at ${concurrency} concurrent on SQLite): ${worst < GOAL_MS ? 'met' : 'NOT met'} — p99 ${sqliteSub.results.map((r) => f1(r.p99)).join(' / ')} ms over ${sqliteSub.results.length} rounds.`);
  }
  if (que.length) {
    const worst = Math.max(...que.flatMap((d) => d.rows.flatMap((r) => r.rounds.map((s) => s.p99))));
    verdicts.push(`Queue goal (p99 < ${GOAL_MS} ms at ${fmt(nCases)} cases): ${worst < GOAL_MS ? 'met' : 'NOT met'} — worst p99 ${f1(worst)} ms (${que.map((d) => d.db).join(', ')}).`);
  }
  const out = [];
  if (sub.length) out.push(submitTable(sub));
  if (que.length) out.push(queueTable(que));
  console.log('\n' + out.join('\n\n') + '\n\n' + verdicts.join('\n'));

  if (opts.record) {
    const m = machineFacts();
    const pgVersion = dbs.includes('postgres') ? await (async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      const v = (await c.query('select version() as v')).rows[0].v.split(' on ')[0];
      const sb = (await c.query('show shared_buffers')).rows[0].shared_buffers;
      await c.end();
      return `${v} (shared_buffers ${sb})`;
    })() : null;
    const section = [
      '',
      `## ${m.date.slice(0, 10)} — applications: ${[sub.length ? 'submission' : null, que.length ? `workbench queues at ${fmt(nCases)} cases` : null].filter(Boolean).join(' and ')} (${dbs.map((d) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL')).join(', ')})`,
      '',
      `- Date: ${m.date}`,
      `- CPU: ${m.cpu}; ${m.cores} cores; ${m.memGiB} GiB memory; ${m.os}; load average before the run ${loadBefore}, after ${m.load}`,
      `- Node ${m.node}; SQLite (better-sqlite3, WAL)${pgVersion ? `; ${pgVersion} on the same machine` : ''}; one Tongban process (\`node dist/server/main.js start\`) per database; the load generator in the process that started it`,
      ...(sub.length ? [
        `- Submission: \`node bench/applications.mjs --only submit --concurrency ${concurrency} --count ${count} --warmup ${warmup} --rounds ${rounds}\`; item ${sub[0].item}; upload through ${sub[0].uploadRoute}; a closed loop of ${concurrency} callers (zhangsan, lisi, wangwu in turn, each request with a new Idempotency-Key), ${warmup} submissions of warm-up, then ${rounds} rounds of ${count}; then 500 one at a time`,
        '',
        submitTable(sub),
      ] : []),
      ...(que.length ? [
        '',
        `- Queues: \`node bench/applications.mjs --only queue --cases ${nCases} --departments ${nDepartments} --queue-requests ${queueRequests} --queue-rounds ${queueRounds} --queue-warmup ${queueWarmup} --deep ${deep}\`; ${que.map((d) => d.loaded ? `${d.db}: ${fmt(d.loaded.cases)} cases and ${fmt(d.loaded.tasks)} tasks over ${d.loaded.departments} departments loaded in ${d.loaded.seconds.toFixed(0)} s (${(d.size / 2 ** 30).toFixed(2)} GiB), server start ${d.startSeconds.toFixed(0)} s` : `${d.db}: a database kept from an earlier run`).join('; ')}`,
        `- Busiest departments: 1 = 澜州市市场监督管理局 (scjg_officer), 2 = 澜州市明湖区民政局 (mh_mz_ck1 / mh_mz_sp1); ${que.filter((d) => d.sizes).map((d) => `${d.db}: ${d.sizes.map((s, i) => `dept ${i + 1}: ${fmt(s.cases)} cases, ${fmt(s.to_accept)} to accept, ${fmt(s.to_review)} to review, ${fmt(s.due_soon)} due soon, ${fmt(s.overdue)} overdue`).join('; ')}`).join(' — ')}`,
        `- Each URL ${queueRequests} times one request at a time per round, after ${queueWarmup} of warm-up; "page N" follows nextCursor N−1 times (20 rows a page)`,
        '',
        queueTable(que),
      ] : []),
      '',
      ...verdicts.map((v) => `${v}`),
      '',
    ].join('\n');
    fs.appendFileSync(path.join(here, 'RESULTS.md'), section);
    log('recorded in bench/RESULTS.md');
  }
  const bad = sub.reduce((n, s) => n + s.results.reduce((m, r) => m + r.bad, 0) + s.low.bad, 0);
  process.exit(bad ? 1 : 0);
}

run().catch(async (e) => {
  console.error(`bench: ${e.stack || e.message}`);
  await cleanup();
  process.exit(1);
});
