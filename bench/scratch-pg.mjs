// Scratch PostgreSQL databases for the benchmarks: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres)
// names the server; each benchmark creates its own database there and drops it at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_BASE = process.env.TONGBAN_PG_BASE || 'postgres://postgres@127.0.0.1:5432/postgres';

async function run(sql) {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates database `name` on the server and returns its URL. */
export async function createDatabase(name) {
  await run(`create database ${name}`);
  const u = new URL(PG_BASE);
  u.pathname = '/' + name;
  return u.toString();
}

export async function dropDatabase(name) {
  await run(`drop database if exists ${name} with (force)`);
}

/** A new database with a unique name starting with `prefix`: its URL and how to drop it. */
export async function scratchDatabase(prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(name);
  return { url, drop: () => dropDatabase(name) };
}
