#!/usr/bin/env node
// Runs a command against a fresh, throw-away PostgreSQL database.
//
//   node scripts/with-pg.mjs <cmd> [args...]
//
// 1. Makes sure PostgreSQL answers on 127.0.0.1 (starts the local cluster when it does not).
// 2. Creates a database named tongban_ci_<random>.
// 3. Runs <cmd> with DATABASE_URL pointing at it (the test harness creates one database per test file from
//    that URL and drops it afterwards).
// 4. Drops the database and exits with the command's exit code.
//
// Base URL: TONGBAN_PG_BASE when set (e.g. postgres://user:pw@host:5432/postgres), otherwise
// postgres://postgres@127.0.0.1:5432/postgres. Only the database name of the base URL is replaced.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import pg from 'pg';

const DEFAULT_BASE = 'postgres://postgres@127.0.0.1:5432/postgres';

function log(msg) {
  console.error(`with-pg: ${msg}`);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function isReady(host, port) {
  const r = spawnSync('pg_isready', ['-h', host, '-p', String(port)], { stdio: 'ignore' });
  if (r.error) return null; // pg_isready not installed: find out by connecting instead
  return r.status === 0;
}

async function canConnect(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function ready(base) {
  const u = new URL(base);
  const r = isReady(u.hostname || '127.0.0.1', u.port || 5432);
  return r === null ? canConnect(base) : r;
}

function startLocalCluster() {
  let versions = [];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    /* no local cluster configured */
  }
  if (versions.length === 0) {
    log('PostgreSQL is not reachable and no local cluster is configured under /etc/postgresql');
    return;
  }
  for (const v of versions) {
    log(`starting PostgreSQL ${v}/main`);
    const r = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], { stdio: 'inherit' });
    if (r.status !== 0) log(`pg_ctlcluster ${v} main start exited with ${r.status}`);
  }
}

async function ensurePostgres(base) {
  if (await ready(base)) return;
  const host = new URL(base).hostname;
  if (['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) startLocalCluster();
  for (let i = 0; i < 60; i++) {
    if (await ready(base)) return;
    await sleep(500);
  }
  throw new Error(`PostgreSQL at ${new URL(base).host} did not become ready within 30 s`);
}

async function admin(base, sql) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main() {
  const cmd = process.argv.slice(2);
  if (cmd.length === 0) {
    console.error('usage: node scripts/with-pg.mjs <command> [args...]');
    process.exit(2);
  }
  const base = process.env.TONGBAN_PG_BASE?.trim() || DEFAULT_BASE;
  const baseUrl = new URL(base);
  if (baseUrl.pathname === '' || baseUrl.pathname === '/') baseUrl.pathname = '/postgres';

  await ensurePostgres(baseUrl.toString());

  const name = `tongban_ci_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl.toString(), `create database ${name}`);
  const dbUrl = new URL(baseUrl);
  dbUrl.pathname = '/' + name;
  log(`created database ${name}`);

  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    try {
      await admin(baseUrl.toString(), `drop database if exists ${name} with (force)`);
      log(`dropped database ${name}`);
    } catch (e) {
      log(`could not drop database ${name}: ${e.message}`);
    }
  };

  const child = spawn(cmd[0], cmd.slice(1), {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, DATABASE_URL: dbUrl.toString() },
  });
  const forward = (sig) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));

  const code = await new Promise((resolve) => {
    child.on('error', (e) => {
      log(`cannot run ${cmd[0]}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
  });
  await drop();
  process.exit(code);
}

main().catch((e) => {
  log(e.message);
  process.exit(1);
});
