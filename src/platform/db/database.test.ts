import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../testing/harness.js';
import { commitGroupStats, inSavepoint, syncStatementsOf, withTx } from './database.js';
import { insertRow, prepared } from './prepared.js';
import { recordAudit, verifyAuditChain } from '../audit.js';
import { publishEvent } from '../events.js';
import { systemActor } from '../actor.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(async () => p?.close());

const actor = systemActor('tester');
const eventsOf = (aggregateId: string) => p.deps.db.selectFrom('outbox_events').select('aggregate_id').where('aggregate_id', 'like', `${aggregateId}%`).execute();

/** One "filing": an audit entry and an outbox event, then (for the chosen ones) a failure after both were written. */
const write = (tag: string, i: number, fail: boolean) =>
  withTx(p.deps.db, async (tx) => {
    await recordAudit(tx, p.deps, actor, { action: 'test.concurrent', targetType: 'thing', targetId: `${tag}-${i}` });
    await publishEvent(tx, p.deps.clock, actor, { type: 'test.concurrent', aggregateType: 'thing', aggregateId: `${tag}-${i}`, payload: { i } });
    if (fail) throw new Error(`fail ${i}`);
    return i;
  });

describe('withTx under concurrency', () => {
  it('each caller is all or nothing: the failing ones leave nothing, the others commit, the audit chain stays whole', async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => write('a', i, i % 5 === 2)));
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, (r.reason as Error).message]] : []));
    expect(ok).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 5 !== 2));
    expect(failed).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 5 === 2).map((i) => [i, `fail ${i}`]));
    const events = (await eventsOf('a-')).map((r) => Number(r.aggregate_id.slice(2))).sort((x, y) => x - y);
    expect(events).toEqual(ok);
    const audited = await p.deps.db.selectFrom('audit_log').select('target_id').where('action', '=', 'test.concurrent').where('target_id', 'like', 'a-%').execute();
    expect(audited.map((r) => Number(r.target_id!.slice(2))).sort((x, y) => x - y)).toEqual(ok);
    expect(await verifyAuditChain(p.deps.db, p.deps.auditKey)).toMatchObject({ ok: true });
  });

  it('a caller hears of success only after its writes are committed', async () => {
    const seen = await Promise.all(Array.from({ length: 10 }, (_, i) => write('b', i, false).then(async () => (await eventsOf(`b-${i}`)).length)));
    expect(seen).toEqual(Array(10).fill(1));
  });

  it('on SQLite, callers that arrive together share one commit', async () => {
    const before = commitGroupStats(p.deps.db);
    if (p.deps.dialect !== 'sqlite') {
      expect(before).toBeNull();
      return;
    }
    await Promise.all(Array.from({ length: 20 }, (_, i) => write('c', i, false)));
    const after = commitGroupStats(p.deps.db)!;
    expect(after.callers - before!.callers).toBe(20);
    expect(after.transactions - before!.transactions).toBeLessThan(20);
  });

  it('on SQLite, a long queue is committed in turns of at most 16 callers, in order, with the event loop free between turns', async () => {
    if (p.deps.dialect !== 'sqlite') return;
    const before = commitGroupStats(p.deps.db)!;
    const order: string[] = [];
    const calls = Array.from({ length: 40 }, (_, i) => withTx(p.deps.db, async (tx) => {
      order.push(`tx${i}`);
      await publishEvent(tx, p.deps.clock, actor, { type: 'test.turns', aggregateType: 'thing', aggregateId: `t-${i}`, payload: { i } });
      return i;
    }));
    // I/O that comes after them (a macrotask) runs after the first turn, not after all forty
    setImmediate(() => order.push('io'));
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const after = commitGroupStats(p.deps.db)!;
    expect(after.transactions - before.transactions).toBe(3);
    expect(after.largest).toBeLessThanOrEqual(16);
    expect(order.filter((x) => x !== 'io')).toEqual(Array.from({ length: 40 }, (_, i) => `tx${i}`));
    expect(order.indexOf('io')).toBe(16);
    expect((await eventsOf('t-')).length).toBe(40);
  });

  it('on SQLite, a commit that fails fails every caller of the group and keeps nothing', async () => {
    if (p.deps.dialect !== 'sqlite') return;
    // A deferred foreign key is checked at COMMIT: one caller's orphan makes the shared commit fail.
    await sql`create table test_parent (id text primary key)`.execute(p.deps.db);
    await sql`create table test_child (id text primary key, parent_id text references test_parent (id) deferrable initially deferred)`.execute(p.deps.db);
    const insert = (id: string, parent: string | null) =>
      withTx(p.deps.db, async (tx) => {
        await sql`insert into test_child (id, parent_id) values (${id}, ${parent})`.execute(tx);
        return id;
      });
    const results = await Promise.allSettled([insert('x1', null), insert('x2', 'nobody'), insert('x3', null)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await sql<{ n: number }>`select count(*) as n from test_child`.execute(p.deps.db)).rows[0].n).toBe(0);
    // and the connection is usable afterwards
    expect(await insert('x4', null)).toBe('x4');
  });
});

describe('inSavepoint', () => {
  it('undoes only its own part and lets the transaction go on', async () => {
    await withTx(p.deps.db, async (tx) => {
      await publishEvent(tx, p.deps.clock, actor, { type: 'test.sp', aggregateType: 'thing', aggregateId: 'sp-before', payload: {} });
      await expect(inSavepoint(tx, async () => {
        await publishEvent(tx, p.deps.clock, actor, { type: 'test.sp', aggregateType: 'thing', aggregateId: 'sp-inside', payload: {} });
        throw new Error('inner');
      })).rejects.toThrow('inner');
      expect(await inSavepoint(tx, async () => {
        await publishEvent(tx, p.deps.clock, actor, { type: 'test.sp', aggregateType: 'thing', aggregateId: 'sp-kept', payload: {} });
        return 7;
      })).toBe(7);
    });
    expect((await eventsOf('sp-')).map((r) => r.aggregate_id).sort()).toEqual(['sp-before', 'sp-kept']);
  });
});

describe('prepared statements', () => {
  const byAggregate = prepared((db, id: string) => db.selectFrom('outbox_events').select(['id', 'type', 'payload']).where('aggregate_id', '=', id).orderBy('id'));
  const row = (id: string, aggregateId: string) => ({
    id, type: 'test.prepared', aggregate_type: 'thing', aggregate_id: aggregateId, payload: JSON.stringify({ id }), actor_user_id: null, request_id: null,
    department_id: null, created_at: '2026-11-28T00:00:00.000Z', dispatched_at: null,
  });

  it('read and write what Kysely would, inside withTx and outside', async () => {
    await withTx(p.deps.db, async (tx) => {
      // on SQLite the transaction's statements run synchronously; on PostgreSQL through Kysely
      expect(!!syncStatementsOf(tx)).toBe(p.deps.dialect === 'sqlite');
      await insertRow(tx, 'outbox_events', row('pr-1', 'pr-agg'));
      await insertRow(tx, 'outbox_events', row('pr-2', 'pr-agg'));
      expect(await byAggregate.execute(tx, 'pr-agg')).toEqual(await tx.selectFrom('outbox_events').select(['id', 'type', 'payload']).where('aggregate_id', '=', 'pr-agg').orderBy('id').execute());
    });
    expect(syncStatementsOf(p.deps.db)).toBeUndefined();
    expect((await byAggregate.execute(p.deps.db, 'pr-agg')).map((r) => r.id)).toEqual(['pr-1', 'pr-2']);
    expect(await byAggregate.execute(p.deps.db, 'nothing')).toEqual([]);
  });

  it('a failed statement rolls back with its caller', async () => {
    await expect(withTx(p.deps.db, async (tx) => {
      await insertRow(tx, 'outbox_events', row('pr-3', 'pr-agg2'));
      await insertRow(tx, 'outbox_events', row('pr-3', 'pr-agg2')); // same primary key
    })).rejects.toThrow();
    expect(await byAggregate.execute(p.deps.db, 'pr-agg2')).toEqual([]);
  });

  it('a row with an undefined value goes through Kysely (the column is left out)', async () => {
    await insertRow(p.deps.db, 'outbox_events', { ...row('pr-4', 'pr-agg3'), dispatched_at: undefined } as never);
    expect((await p.deps.db.selectFrom('outbox_events').select('dispatched_at').where('id', '=', 'pr-4').executeTakeFirstOrThrow()).dispatched_at).toBeNull();
  });

  it('refuses an argument that is not a bound value', async () => {
    const unused = prepared((db, _id: string) => db.selectFrom('outbox_events').select('id'));
    await expect(unused.execute(p.deps.db, 'x')).rejects.toThrow(/every argument/);
  });
});

describe('background WAL checkpoints (SQLite)', () => {
  it('copy committed pages into the database file without the request thread doing it', async () => {
    if (p.deps.dialect !== 'sqlite') return;
    const file = path.join(p.config.dataDir, 'tongban.sqlite');
    await sql`create table test_bulk (id integer primary key, filler text not null)`.execute(p.deps.db);
    await new Promise((r) => setTimeout(r, 400)); // let a checkpoint pass
    const before = fs.statSync(file).size;
    // ~2 MB: far below the connection's own checkpoint threshold (10,000 pages)
    await withTx(p.deps.db, async (tx) => {
      for (let i = 0; i < 500; i++) await sql`insert into test_bulk (filler) values (${'x'.repeat(4000)})`.execute(tx);
    });
    const deadline = Date.now() + 10_000;
    while (fs.statSync(file).size <= before + 1_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 1_000_000);
  });
});
