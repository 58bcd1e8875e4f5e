import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../platform/config.js';
import { createDeps, buildApp } from '../app.js';
import type { Clock } from '../platform/clock.js';
import type { Deps } from '../platform/deps.js';
import type { App } from '../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';

/**
 * A real Tongban for one test file: its own database (a temporary SQLite file, or — when DATABASE_URL is set — a
 * freshly created PostgreSQL database), real HTTP on an ephemeral port, the demo province when asked.
 */
export interface TestPlatform {
  baseUrl: string;
  deps: Deps;
  app: App;
  config: Config;
  /** Logs in and returns a client carrying the bearer token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  token: string | null;
  get<T = any>(url: string): Promise<Reply<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  delete<T = any>(url: string): Promise<Reply<T>>;
  raw(url: string, init?: RequestInit): Promise<Response>;
}

export const DEMO_PASSWORD = 'Tongban@2026';

export function makeClient(baseUrl: string, token: string | null, extraHeaders: Record<string, string> = {}): Client {
  const call = async (method: string, url: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = { ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    token,
    get: (u) => call('GET', u),
    post: (u, b) => call('POST', u, b ?? {}),
    put: (u, b) => call('PUT', u, b ?? {}),
    patch: (u, b) => call('PATCH', u, b ?? {}),
    delete: (u) => call('DELETE', u),
    raw: (u, init) => fetch(baseUrl + u, init),
  };
}

async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestPlatform(opts: { demo?: boolean; clock?: Clock; config?: Partial<Config> } = {}): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  const pgBase = process.env.DATABASE_URL || null;
  const pgDb = pgBase ? await createPgDatabase(pgBase) : null;
  const config = loadConfig(
    { TONGBAN_DATA_DIR: dataDir, ...(pgDb && { DATABASE_URL: pgDb.url }) },
    { passwordHashCost: 1024, outboxPollMs: 50, loginRateLimitPerMinute: 1000, ...opts.config },
  );
  const deps = await createDeps(config, { clock: opts.clock });
  if (opts.demo) await seedDemo(deps);
  const app = await buildApp(deps);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = address.replace('localhost', '127.0.0.1');
  return {
    baseUrl,
    deps,
    app,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const res = await fetch(baseUrl + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      const body = (await res.json()) as { token?: string; error?: unknown };
      if (res.status !== 200 || !body.token) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(body)}`);
      return makeClient(baseUrl, body.token);
    },
    anonymous: () => makeClient(baseUrl, null),
    async close() {
      await app.close();
      await deps.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
