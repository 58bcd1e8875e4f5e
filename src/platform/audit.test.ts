import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { systemActor } from './actor.js';
import { withTx } from './db/database.js';
import { main } from '../main.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(async () => p?.close());

async function writeEntries(n: number) {
  for (let i = 0; i < n; i++) {
    await withTx(p.deps.db, (tx) => recordAudit(tx, p.deps, systemActor('tester'), { action: 'test.thing.done', targetType: 'thing', targetId: String(i), details: { i } }));
  }
}

describe('audit trail hash chain', () => {
  beforeEach(async () => {
    await p.deps.db.deleteFrom('audit_log').execute();
    await writeEntries(6);
  });

  it('verifies an intact trail', async () => {
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toEqual({ ok: true, entries: 6, lastSeq: 6 });
  });

  it('names the first edited entry', async () => {
    await p.deps.db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 3).execute();
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toMatchObject({ ok: false, badSeq: 3, problem: 'hash_mismatch' });
  });

  it('detects an edit even when the attacker recomputes a plain hash (the chain is keyed)', async () => {
    const row = await p.deps.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    const forged = createHash('sha256').update(row.prev_hash + 'forged').digest('hex');
    await p.deps.db.updateTable('audit_log').set({ outcome: 'failure', hash: forged }).where('seq', '=', 2).execute();
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('detects a deleted entry', async () => {
    await p.deps.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toMatchObject({ ok: false, badSeq: 5, problem: 'sequence_gap' });
  });

  it('detects an inserted entry (renumbered to fill the place)', async () => {
    const rows = await p.deps.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').execute();
    for (const r of rows.filter((x) => x.seq >= 3)) await p.deps.db.updateTable('audit_log').set({ seq: r.seq + 1 }).where('seq', '=', r.seq).execute();
    const copy = rows.find((x) => x.seq === 2)!;
    await p.deps.db.insertInto('audit_log').values({ ...copy, seq: 3, id: 'inserted-entry', action: 'test.inserted' }).execute();
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toMatchObject({ ok: false, badSeq: 3, badId: 'inserted-entry' });
  });

  it('detects reordered entries', async () => {
    // swap the contents of seq 2 and 3, keeping the sequence numbers
    const a = await p.deps.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const b = await p.deps.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    await p.deps.db.updateTable('audit_log').set({ id: 'tmp-a' }).where('seq', '=', 2).execute();
    await p.deps.db.updateTable('audit_log').set({ ...b, seq: 3, id: 'tmp-b' }).where('seq', '=', 3).execute();
    await p.deps.db.updateTable('audit_log').set({ ...b, seq: 2 }).where('seq', '=', 2).execute();
    await p.deps.db.updateTable('audit_log').set({ ...a, seq: 3 }).where('seq', '=', 3).execute();
    const r = await verifyAuditChain(p.deps.db, p.deps.auditKey);
    expect(r).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('rolls the entry back with the transaction it belongs to', async () => {
    await expect(
      withTx(p.deps.db, async (tx) => {
        await recordAudit(tx, p.deps, systemActor('tester'), { action: 'test.rolled_back', targetType: 'thing' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const n = await p.deps.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).where('action', '=', 'test.rolled_back').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => withTx(p.deps.db, (tx) => recordAudit(tx, p.deps, systemActor('w' + i), { action: 'test.concurrent', targetType: 'thing' }))));
    expect(await verifyAuditChain(p.deps.db, p.deps.auditKey)).toEqual({ ok: true, entries: 26, lastSeq: 26 });
  });
});

describe('npx tongban audit verify', () => {
  it('exits 0 on an intact trail and 1 naming the first bad entry', async () => {
    await p.deps.db.deleteFrom('audit_log').execute();
    await writeEntries(3);
    const env = { ...process.env };
    process.env.TONGBAN_DATA_DIR = p.config.dataDir;
    if (p.config.databaseUrl) process.env.DATABASE_URL = p.config.databaseUrl;
    const errors: string[] = [];
    const logs: string[] = [];
    const origErr = console.error;
    const origLog = console.log;
    console.error = (m: string) => errors.push(m);
    console.log = (m: string) => logs.push(m);
    try {
      expect(await main(['audit', 'verify'])).toBe(0);
      expect(logs.join('\n')).toMatch(/intact: 3 entries/);
      await p.deps.db.updateTable('audit_log').set({ target_id: 'changed' }).where('seq', '=', 2).execute();
      expect(await main(['audit', 'verify'])).toBe(1);
      expect(errors.join('\n')).toMatch(/broken at entry seq 2/);
    } finally {
      console.error = origErr;
      console.log = origLog;
      process.env = env;
    }
  });
});
