import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import { verifyAuditChain } from '../../../platform/audit.js';
import { demoFiler, demoFormData } from '../../../demo/cases.js';
import { payloadHashOf, samePayload } from './submit.js';

/**
 * Filings that arrive together (on SQLite they share a commit, see withTx): each is all or nothing, the day's case
 * numbers stay gapless and unique, a retried key files one case, a refused filing keeps only its access-log entry.
 */
let p: TestPlatform;
let zhangsan: Client;
let lisi: Client;
let itemId: string;
let item: any;
let pdf: { sha256: string; name: string };

const submit = (c: Client, body: unknown, key: string) =>
  c.raw('/api/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) })
    .then(async (r) => ({ status: r.status, body: await r.json() }));

function answers(guide: any) {
  return guide.materials.flatMap((m: any) => {
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file: pdf }];
  });
}

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  [zhangsan, lisi] = await Promise.all(['zhangsan', 'lisi'].map((u) => p.login(u)));
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('高龄津贴') + '&region=390102')).body.hits;
  itemId = hits[0].item.id;
  item = (await p.anonymous().get(`/api/v1/catalog/items/${itemId}`)).body;
  for (const c of [zhangsan, lisi]) {
    const r = await c.raw('/api/v1/applications/files', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('身份证.pdf') }, body: new Uint8Array(Buffer.from('%PDF-1.4\n% test\n%%EOF\n')) });
    expect(r.status).toBe(201);
    pdf = { sha256: (await r.json()).sha256, name: '身份证.pdf' };
  }
});
afterAll(async () => p?.close());

describe('filings that arrive together', () => {
  it('each is all or nothing; case numbers stay gapless and unique; a repeated key files once; refusals keep their access log', async () => {
    const bodyFor = (n: number) => ({
      itemId,
      form: demoFormData('oldAge', demoFiler('oldAge'), { payTo: 'bank', bankName: '中国工商银行澜州湖滨支行', bankAccount: `62220000${String(10000000 + n)}` }),
      materials: answers(item.guide),
    });
    // the registry's own values for the locked fields of each applicant, from the prefill
    const prefilled = async (c: Client) => Object.fromEntries(Object.entries((await c.get(`/api/v1/applications/prefill?itemId=${itemId}`)).body.prefill).map(([k, v]: [string, any]) => [k, v.value]));
    const own = { zhangsan: await prefilled(zhangsan), lisi: await prefilled(lisi) };
    const valid = (username: 'zhangsan' | 'lisi', n: number) => {
      const b = bodyFor(n);
      return { ...b, form: { ...b.form, ...own[username] } };
    };
    const reads = async () => (await p.deps.db.selectFrom('data_access_log').select('id').where('purpose', 'like', '%提交核验%').execute()).length;
    const readsBefore = await reads();
    const casesBefore = (await p.deps.db.selectFrom('cases').select('id').where('item_id', '=', itemId).execute()).length;

    const calls: Promise<{ kind: string; status: number; body: any }>[] = [];
    for (let i = 0; i < 24; i++) {
      const [c, u] = i % 2 ? [lisi, 'lisi' as const] : [zhangsan, 'zhangsan' as const];
      calls.push(submit(c, valid(u, i), `together-ok-${i}`).then((r) => ({ kind: 'ok', ...r })));
      if (i % 4 === 0) calls.push(submit(zhangsan, valid('zhangsan', 100), 'together-same-key').then((r) => ({ kind: 'same', ...r })));
      if (i % 6 === 1) calls.push(submit(c, { ...valid(u, i), materials: [] }, `together-bad-${i}`).then((r) => ({ kind: 'bad', ...r })));
      if (i % 6 === 3) calls.push(submit(c, { ...valid(u, i), form: { ...valid(u, i).form, applicantName: '冒名' } }, `together-forged-${i}`).then((r) => ({ kind: 'forged', ...r })));
    }
    const results = await Promise.all(calls);

    const ok = results.filter((r) => r.kind === 'ok');
    expect(ok.map((r) => r.status)).toEqual(Array(24).fill(201));
    const same = results.filter((r) => r.kind === 'same');
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(same.filter((r) => r.status === 200)).toHaveLength(same.length - 1);
    expect(new Set(same.map((r) => r.body.case.id)).size).toBe(1);
    const bad = results.filter((r) => r.kind === 'bad');
    expect(bad.map((r) => r.body.error?.code)).toEqual(Array(bad.length).fill('applications.materials_incomplete'));
    const forged = results.filter((r) => r.kind === 'forged');
    expect(forged.map((r) => r.body.error?.code)).toEqual(Array(forged.length).fill('applications.form_invalid'));

    // 25 new cases, nothing of the refused ones
    const cases = await p.deps.db.selectFrom('cases').select(['id', 'case_number', 'idempotency_key']).where('item_id', '=', itemId).execute();
    expect(cases.length - casesBefore).toBe(25);
    expect(cases.filter((c) => c.idempotency_key.startsWith('together-bad') || c.idempotency_key.startsWith('together-forged'))).toEqual([]);
    // today's sequence: unique and without gaps
    const mine = [...ok, same.find((r) => r.status === 201)!].map((r) => r.body.case.caseNumber as string);
    const day = mine[0].slice(0, -4);
    const seqs = cases.map((c) => c.case_number).filter((n) => n.startsWith(day)).map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const n of mine) expect(n.startsWith(day)).toBe(true);
    // each filing's timeline, task, notification and outbox event, and none for the refused
    const ids = cases.map((c) => c.id);
    const countBy = async (table: 'case_tasks' | 'case_events') => (await p.deps.db.selectFrom(table).select('case_id').where('case_id', 'in', ids).execute()).length;
    expect(await countBy('case_tasks')).toBeGreaterThanOrEqual(cases.length);
    expect(await countBy('case_events')).toBeGreaterThanOrEqual(cases.length);
    const newIds = [...ok, same.find((r) => r.status === 201)!].map((r) => r.body.case.id as string);
    expect((await p.deps.db.selectFrom('outbox_events').select('aggregate_id').where('type', '=', 'case.submitted').where('aggregate_id', 'in', newIds).execute()).length).toBe(25);
    // the registry was read for every filing that got as far as the checks, refused ones included
    expect((await reads()) - readsBefore).toBeGreaterThanOrEqual(25 + bad.length + forged.length);
    expect(await verifyAuditChain(p.deps.db, p.deps.auditKey)).toMatchObject({ ok: true });
  });
});

/** A valid application of zhangsan's: the demo form with the registry's values for the locked fields. */
async function zhangsansApplication(bankAccount: string) {
  const prefill = (await zhangsan.get(`/api/v1/applications/prefill?itemId=${itemId}`)).body.prefill;
  const form = { ...demoFormData('oldAge', demoFiler('oldAge'), { payTo: 'bank', bankName: '中国银行澜州分行', bankAccount }), ...Object.fromEntries(Object.entries(prefill).map(([k, v]: [string, any]) => [k, v.value])) };
  return { itemId, form, materials: answers(item.guide) };
}

describe('the payload behind an idempotency key', () => {
  /** The same object with every object's keys in reverse order (arrays keep theirs). */
  const reversed = (v: any): any => (Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed(v[k])])) : v);

  it('is the same whatever order the keys come in; a different one is refused', async () => {
    const b = await zhangsansApplication('6222000099990001');
    const first = await submit(zhangsan, b, 'payload-order-0001');
    expect(first.status).toBe(201);
    const again = await submit(zhangsan, reversed(b), 'payload-order-0001');
    expect([again.status, again.body.case.id]).toEqual([200, first.body.case.id]);
    const other = await submit(zhangsan, { ...b, form: { ...b.form, bankAccount: '6222000099990002' } }, 'payload-order-0001');
    expect([other.status, other.body.error.code]).toEqual([409, 'applications.idempotency_key_reused']);
  });

  it('a case filed with the earlier form of the hash (keys in locale order) still answers its retries', async () => {
    const b = await zhangsansApplication('6222000099990001');
    const first = await submit(zhangsan, b, 'payload-legacy-0001');
    expect(first.status).toBe(201);
    // what such a case carries: the hash of the body with its keys sorted by localeCompare
    const legacyHash = (v: unknown) => createHash('sha256').update(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([k1], [k2]) => k1.localeCompare(k2))) : x))).digest('hex');
    await p.deps.db.updateTable('cases').set({ payload_hash: legacyHash(b) }).where('id', '=', first.body.case.id).execute();
    const again = await submit(zhangsan, b, 'payload-legacy-0001');
    expect([again.status, again.body.case.id]).toEqual([200, first.body.case.id]);
    const other = await submit(zhangsan, { ...b, materials: [] }, 'payload-legacy-0001');
    expect(other.body.error.code).toBe('applications.idempotency_key_reused');
    // where the two orders differ ("B" before "a" by code unit, after it by locale), the earlier hash still matches
    const mixed = { form: { a: 1, B: [{ y: 1, X: 2 }] }, itemId: 'x' };
    expect(payloadHashOf(mixed)).not.toBe(legacyHash(mixed));
    expect(samePayload(legacyHash(mixed), { itemId: 'x', form: { B: [{ X: 2, y: 1 }], a: 1 } })).toBe(true);
    expect(samePayload(payloadHashOf(mixed), { itemId: 'x', form: { B: [{ X: 2, y: 1 }], a: 1 } })).toBe(true);
    expect(samePayload(legacyHash(mixed), { itemId: 'x', form: { B: [{ X: 2, y: 2 }], a: 1 } })).toBe(false);
  });
});

describe('an item taken out of the catalogue', () => {
  it('files nothing new, and a retry of a filing that went through still gets its case', async () => {
    const b = await zhangsansApplication('6222000099990003');
    const first = await submit(zhangsan, b, 'retired-item-0001');
    expect(first.status).toBe(201);
    const count = async () => (await p.deps.db.selectFrom('cases').select('id').where('item_id', '=', itemId).execute()).length;
    const before = await count();
    await p.deps.db.updateTable('catalog_items').set({ retired_at: new Date().toISOString() }).where('id', '=', itemId).execute();
    try {
      const again = await submit(zhangsan, b, 'retired-item-0001');
      expect([again.status, again.body.case.id]).toEqual([200, first.body.case.id]);
      const fresh = await submit(zhangsan, b, 'retired-item-0002');
      expect([fresh.status, fresh.body.error.code]).toEqual([404, 'catalog.item_not_published']);
      expect(await count()).toBe(before);
    } finally {
      await p.deps.db.updateTable('catalog_items').set({ retired_at: null }).where('id', '=', itemId).execute();
    }
  });
});
