#!/usr/bin/env node
// Benchmark: how much of a bare Fastify route's throughput does an authenticated Tongban read keep?
//
// Goal: the authenticated endpoint (GET /api/v1/auth/me with a bearer token) serves at least 50% of the
// requests per second that a bare Fastify route returning a JSON object of about the same size serves,
// on the same machine, in the same run.
//
// One run starts both servers as child processes (a bare Fastify server and Tongban on a fresh SQLite data
// dir with the demo province), logs in once as a demo citizen, then alternates the measurements
// (bare, auth, bare, auth, …) so that both see the same machine conditions. autocannon runs in this process.
//
//   node bench/run.mjs [--duration 10] [--connections 50] [--rounds 3] [--warmup 3] [--path /api/v1/auth/me] [--record]
//
// --record appends a dated section with the machine's facts to bench/RESULTS.md.
// Needs a built server (npm run build); bin/tongban.mjs builds what is stale otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startTongban } from '../scripts/tongban-process.mjs';
import { machineFacts } from './machine.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GOAL = 0.5;

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    record: { type: 'boolean', default: false },
    path: { type: 'string', default: '/api/v1/auth/me' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log('usage: node bench/run.mjs [--duration S] [--connections N] [--rounds N] [--warmup S] [--path /api/v1/...] [--record]');
  process.exit(0);
}
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const rounds = Number(opts.rounds);
const warmup = Number(opts.warmup);
for (const [k, v] of Object.entries({ duration, connections, rounds, warmup })) {
  if (!Number.isFinite(v) || v < 0 || (k !== 'warmup' && v === 0)) {
    console.error(`bench: --${k} must be a positive number`);
    process.exit(2);
  }
}

const children = [];
let tongban = null;
const stopAll = () => Promise.all([...children.map(stopChild), tongban?.stop()]);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function spawnChild(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.label = name;
  children.push(child);
  return child;
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await child.exited;
  clearTimeout(t);
}

async function waitFor(child, check, what, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${child.label} exited (${child.exitCode}) before ${what}:\n${child.output}`);
    const r = await check().catch(() => null);
    if (r) return r;
    await sleep(200);
  }
  throw new Error(`${child.label}: no ${what} within ${timeoutMs / 1000} s:\n${child.output}`);
}

async function startBare(body) {
  const child = spawnChild('bare fastify', [path.join(here, 'bare-server.mjs')], { BENCH_BARE_BODY: JSON.stringify(body), PORT: '0' });
  const port = await waitFor(child, async () => child.output.match(/listening (\d+)/)?.[1], '"listening" line', 30_000);
  const base = `http://127.0.0.1:${port}`;
  return { child, base };
}

async function login(base, username, password) {
  const res = await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = await res.json();
  if (res.status !== 200 || !body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

function measure(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

function summarize(r) {
  return {
    rps: r.requests.mean,
    p99: r.latency.p99,
    p50: r.latency.p50,
    total: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${Number(n).toFixed(n < 10 ? 1 : 0)} ms`;


async function main() {
  process.on('SIGINT', async () => {
    await stopAll();
    process.exit(130);
  });

  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`bench: ${rounds} rounds × (bare, auth), ${duration} s each, ${connections} connections, warm-up ${warmup} s per target`);
  tongban = await startTongban({ label: 'tongban-bench', env: { TONGBAN_LOG: '0' } });
  const token = await login(tongban.baseUrl, 'zhangsan', 'Tongban@2026');
  const authPath = opts.path;
  const authUrl = tongban.baseUrl + authPath;
  const authHeaders = { authorization: `Bearer ${token}` };
  const me = await fetch(authUrl, { headers: authHeaders });
  const meText = await me.text();
  if (me.status !== 200) throw new Error(`GET ${authPath}: ${me.status} ${meText}`);

  // A bare response of the same size: the same JSON shape, so the serializer does comparable work.
  const bare = await startBare(JSON.parse(meText));
  const bareUrl = bare.base + '/bare';
  const bareText = await (await fetch(bareUrl)).text();
  console.log(`bench: response sizes: auth ${Buffer.byteLength(meText)} B, bare ${Buffer.byteLength(bareText)} B`);

  if (warmup > 0) {
    await measure(bareUrl, {}, warmup);
    await measure(authUrl, authHeaders, warmup);
  }

  const results = [];
  for (let i = 1; i <= rounds; i++) {
    const b = summarize(await measure(bareUrl, {}, duration));
    const a = summarize(await measure(authUrl, authHeaders, duration));
    results.push({ round: i, bare: b, auth: a });
    console.log(`bench: round ${i}: bare ${fmt(b.rps)} req/s p99 ${ms(b.p99)}; auth ${fmt(a.rps)} req/s p99 ${ms(a.p99)}; ratio ${((a.rps / b.rps) * 100).toFixed(1)}%`);
    if (a.bad || b.bad) console.log(`bench: round ${i}: non-2xx/errors/timeouts: bare ${b.bad}, auth ${a.bad}`);
  }

  await stopAll();

  const med = {
    bareRps: median(results.map((r) => r.bare.rps)),
    bareP99: median(results.map((r) => r.bare.p99)),
    authRps: median(results.map((r) => r.auth.rps)),
    authP99: median(results.map((r) => r.auth.p99)),
  };
  const ratio = med.authRps / med.bareRps;
  const roundRatio = median(results.map((r) => r.auth.rps / r.bare.rps));
  const bad = results.reduce((n, r) => n + r.bare.bad + r.auth.bad, 0);

  const rows = [
    '| round | bare req/s | bare p99 | auth req/s | auth p99 | auth/bare |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) => `| ${r.round} | ${fmt(r.bare.rps)} | ${ms(r.bare.p99)} | ${fmt(r.auth.rps)} | ${ms(r.auth.p99)} | ${((r.auth.rps / r.bare.rps) * 100).toFixed(1)}% |`,
    ),
    `| **median** | **${fmt(med.bareRps)}** | **${ms(med.bareP99)}** | **${fmt(med.authRps)}** | **${ms(med.authP99)}** | **${(ratio * 100).toFixed(1)}%** |`,
  ];
  const verdict =
    (ratio >= GOAL && roundRatio >= GOAL)
      ? `Goal met: the authenticated endpoint keeps ${(ratio * 100).toFixed(1)}% of the bare route's throughput (goal ≥ ${GOAL * 100}%).`
      : `Goal NOT met: the authenticated endpoint keeps ${(ratio * 100).toFixed(1)}% of the bare route's throughput (goal ≥ ${GOAL * 100}%).`;
  const ratioNote = `Ratio of the medians ${(ratio * 100).toFixed(1)}%; median of the per-round ratios ${(roundRatio * 100).toFixed(1)}%.`;
  const table = rows.join('\n');
  console.log('\n' + table + '\n\n' + verdict + '\n' + ratioNote + (bad ? `\nWarning: ${bad} non-2xx responses, errors or timeouts.` : ''));

  if (opts.record) {
    const m = machineFacts();
    const file = path.join(here, 'RESULTS.md');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(
        file,
        '# Benchmark results\n\nAppended by `npm run bench -- --record` (see README.md). Goal: the authenticated endpoint keeps ≥ 50% of the bare Fastify route\'s throughput.\n',
      );
    }
    const section = [
      '',
      `## ${m.date.slice(0, 10)} — bare Fastify route vs authenticated GET ${authPath}`,
      '',
      `- Date: ${m.date}`,
      `- CPU: ${m.cpu}; ${m.cores} cores; ${m.memGiB} GiB memory; ${m.os}; load average before the run ${loadBefore}, after ${m.load}`,
      `- Node ${m.node}; Tongban on SQLite (fresh data dir, demo province); autocannon in the same process that started both servers`,
      `- ${rounds} rounds, alternating bare then auth, ${duration} s each, ${connections} connections, ${warmup} s warm-up per target; response sizes: auth ${Buffer.byteLength(meText)} B, bare ${Buffer.byteLength(bareText)} B`,
      `- non-2xx responses, errors and timeouts: ${bad}`,
      '',
      table,
      '',
      verdict + ' ' + ratioNote,
      '',
    ].join('\n');
    fs.appendFileSync(file, section);
    console.log(`bench: appended to ${path.relative(root, file)}`);
  }
  process.exit(bad ? 1 : 0);
}

main().catch(async (e) => {
  console.error(`bench: ${e.stack || e.message}`);
  await stopAll();
  process.exit(1);
});
