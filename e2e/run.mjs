#!/usr/bin/env node
// Browser journeys: a real Tongban (fresh SQLite data dir, demo province) driven by Debian's Chromium through
// playwright-core. Builds nothing: run `npm run build` first (bin/tongban.mjs rebuilds only what is stale).
//
//   node e2e/run.mjs [journey-name ...]      (default: every e2e/journeys/*.mjs)
//
// Each journey module exports `title` and a default async function ({ page, context, baseUrl, api, step, log }).
// `step(name, fn)` runs one step and saves a screenshot to e2e/artifacts/<journey>/<nn>-<step>.png (also when
// the step fails). Prints one line per journey and "N passed, M failed"; exits non-zero on any failure.
//
// Environment: E2E_HEADED=1 shows the browser (needs a display), E2E_SLOWMO=<ms>, CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { api as makeApi } from './lib.mjs';
import { startTongban } from '../scripts/tongban-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const artifacts = path.join(here, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (CHROMIUM !== '/usr/bin/chromium') throw new Error(`no browser at CHROMIUM_PATH=${CHROMIUM}`);
  console.log('e2e: /usr/bin/chromium is missing: installing Debian\'s chromium and fonts-noto-cjk');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', 'chromium', 'fonts-noto-cjk']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error('chromium was installed but /usr/bin/chromium is still missing');
}

const startServer = () => startTongban({ label: 'tongban-e2e' });

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'step';

async function runJourney(browser, server, file) {
  const name = path.basename(file, '.mjs');
  const mod = await import(pathToFileURL(file).href);
  const dir = path.join(artifacts, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`console: ${m.text()}`));
  const steps = [];
  let n = 0;
  const shoot = async (label) => {
    n += 1;
    const f = path.join(dir, `${String(n).padStart(2, '0')}-${slug(label)}.png`);
    await page.screenshot({ path: f, fullPage: true }).catch(() => {});
    return f;
  };
  const step = async (label, fn) => {
    const t0 = Date.now();
    try {
      const v = await fn();
      await shoot(label);
      steps.push({ label, ok: true, ms: Date.now() - t0 });
      return v;
    } catch (e) {
      const shot = await shoot(`${label}-FAILED`);
      steps.push({ label, ok: false, ms: Date.now() - t0 });
      e.message = `step "${label}": ${e.message}\n    screenshot: ${path.relative(root, shot)}`;
      throw e;
    }
  };
  const t0 = Date.now();
  let error = null;
  try {
    await mod.default({ page, context, baseUrl: server.baseUrl, api: makeApi(server.baseUrl), step, log: (...a) => console.log(`    ${name}:`, ...a) });
  } catch (e) {
    error = e;
  } finally {
    await context.close().catch(() => {});
  }
  return { name, title: mod.title ?? name, ok: !error, error, steps, ms: Date.now() - t0, consoleErrors };
}

async function main() {
  const wanted = process.argv.slice(2);
  const jdir = path.join(here, 'journeys');
  const files = fs
    .readdirSync(jdir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .filter((f) => wanted.length === 0 || wanted.includes(path.basename(f, '.mjs')))
    .map((f) => path.join(jdir, f));
  if (files.length === 0) throw new Error(`no journeys found${wanted.length ? ` matching ${wanted.join(', ')}` : ''}`);

  ensureChromium();
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await startServer();
  let browser;
  const results = [];
  try {
    console.log(`e2e: server at ${server.baseUrl}; ${files.length} journey(s); screenshots in ${path.relative(root, artifacts)}/`);
    const index = await fetch(server.baseUrl + '/login');
    const html = await index.text();
    if (!index.ok || !html.includes('id="root"')) {
      throw new Error(`GET /login did not serve the web app (status ${index.status}: ${html.slice(0, 200)}); was it built (npm run build:web), and does the server find dist/web?`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: process.env.E2E_HEADED !== '1',
      slowMo: Number(process.env.E2E_SLOWMO || 0),
      args: CHROMIUM_ARGS,
    });
    for (const f of files) {
      const r = await runJourney(browser, server, f);
      results.push(r);
      const secs = (r.ms / 1000).toFixed(1);
      if (r.ok) {
        console.log(`ok    ${r.name} — ${r.title} (${r.steps.length} steps, ${secs} s)`);
      } else {
        console.log(`FAIL  ${r.name} — ${r.title} (${secs} s)\n    ${r.error.message}`);
        if (r.consoleErrors.length) console.log(`    browser errors:\n      ${r.consoleErrors.slice(0, 10).join('\n      ')}`);
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    const out = server.output();
    await server.stop();
    if (results.some((r) => !r.ok) || results.length === 0) {
      console.log(`--- server output (last 3000 characters) ---\n${out.slice(-3000)}`);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`e2e: ${e.stack || e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
