// Shared by the benchmarks that time paged reads through the module functions, in process, on a fresh database with
// the demo province (bench/consultation-queues.mjs, bench/data-access.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineFacts } from './machine.mjs';
import { scratchDatabase } from './scratch-pg.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** The build to measure: dist/server, or TONGBAN_BUILD_DIR (another build, e.g. one made before a change). */
export const build = path.resolve(process.env.TONGBAN_BUILD_DIR || path.join(root, 'dist/server'));
export const imp = (p) => import(pathToFileURL(path.join(build, p)).href);
/** How the recorded section names the build. */
export const buildLabel = process.env.TONGBAN_BUILD_DIR ? `TONGBAN_BUILD_DIR=${build}` : 'dist/server';

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * `fn(deps)` on a fresh database of `dbKind` (a temporary SQLite data dir, or a scratch PostgreSQL database named
 * after `prefix`) with the demo province seeded; everything is removed afterwards.
 */
export async function withDemoDatabase(dbKind, prefix, fn) {
  const [{ createDeps }, { loadConfig }, { seedDemo }] = await Promise.all([imp('app.js'), imp('platform/config.js'), imp('demo/seed.js')]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tongban-${prefix}-`));
  const scratch = dbKind === 'postgres' ? await scratchDatabase(prefix.replaceAll('-', '_')) : null;
  const config = loadConfig({ TONGBAN_DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) }, { passwordHashCost: 1024 });
  const deps = await createDeps(config);
  try {
    console.log(`bench: ${dbKind}: seeding the demo province…`);
    await seedDemo(deps);
    return await fn(deps);
  } finally {
    await deps.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Times `read(cursor)` (a page of `pageSize`) at the first page and at the page `deep` pages down the cursor chain,
 * `reads` times each one at a time after 5 unmeasured reads: [{ label, p50, p99, max }] in milliseconds.
 */
export async function timePages(read, { deep, reads, pageSize = 20, what }) {
  let cursor = null;
  for (let i = 0; i < deep; i++) cursor = (await read(cursor)).nextCursor;
  if (!cursor) throw new Error(`fewer than ${deep + 1} pages of ${what}: write more rows or lower --deep`);
  const out = [];
  for (const [label, at] of [['first page', null], [`page ${deep + 1}`, cursor]]) {
    for (let i = 0; i < 5; i++) await read(at);
    const ms = [];
    for (let i = 0; i < reads; i++) {
      const t0 = performance.now();
      const page = await read(at);
      ms.push(performance.now() - t0);
      if (page.items.length !== pageSize) throw new Error(`a page of ${page.items.length} ${what}`);
    }
    ms.sort((a, b) => a - b);
    out.push({ label, p50: pct(ms, 50), p99: pct(ms, 99), max: ms.at(-1) });
    console.log(`${what} ${label}: p50 ${pct(ms, 50).toFixed(2)} ms, p99 ${pct(ms, 99).toFixed(2)} ms, max ${ms.at(-1).toFixed(2)} ms`);
  }
  return out;
}

/** The rows as a Markdown table: database, `whatHeader` (the row's `what`), page, p50, p99, max. */
export function pageTable(rows, whatHeader) {
  return [
    `| database | ${whatHeader} | page | p50 | p99 | max |`,
    '|---|---|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.db} | ${r.what} | ${r.label} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.max.toFixed(2)} ms |`),
  ];
}

/** Appends a dated section to bench/RESULTS.md: the machine, `facts` taken before the run, a line of setup, the table. */
export function recordSection(facts, title, setup, table) {
  fs.appendFileSync(path.join(here, 'RESULTS.md'), [
    '',
    `## ${facts.date.slice(0, 10)} — ${title}`,
    '',
    `- Date: ${facts.date}`,
    `- CPU: ${facts.cpu}; ${facts.cores} cores; ${facts.memGiB} GiB memory; ${facts.os}; load average before the run ${facts.load}, after ${machineFacts().load}`,
    `- Node ${facts.node}; build ${buildLabel}; ${setup}`,
    '',
    ...table,
    '',
  ].join('\n'));
  console.log('bench: recorded in bench/RESULTS.md');
}
