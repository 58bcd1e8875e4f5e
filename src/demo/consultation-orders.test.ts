import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { verifyAuditChain } from '../platform/audit.js';

/* The demo work orders: every state is there, on the queues where the pages will look for it. */

let p: TestPlatform;
const ORDERS = '/api/v1/consultation/orders';
const byTitle = async (title: string) => (await p.deps.db.selectFrom('work_orders').selectAll().where('title', '=', title).orderBy('created_at').execute());

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
}, 180_000);
afterAll(async () => p?.close());

describe('demo work orders', () => {
  it('has an order in every status and every special situation', async () => {
    const rows = await p.deps.db.selectFrom('work_orders').selectAll().execute();
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['dispatching', 'to_sign', 'in_progress', 'waiting_asker', 'replied', 'concluded', 'rated']) expect(statuses, s).toContain(s);
    expect(rows.some((r) => r.dispatch_reason === 'bounced' && r.bounce_count === 2)).toBe(true);
    expect(rows.some((r) => r.dispatch_reason === 'returned')).toBe(true);
    expect(rows.some((r) => r.final_ruling === 1 && r.status === 'in_progress')).toBe(true);
    expect(rows.some((r) => r.cross_region === 1 && r.status === 'concluded')).toBe(true);
    expect(rows.some((r) => r.reopen_count === 1 && r.status === 'in_progress')).toBe(true);
    expect(rows.some((r) => r.paused === 1 && r.status === 'waiting_asker')).toBe(true);
    expect(rows.some((r) => r.question_id !== null)).toBe(true);
    const [joint] = await byTitle('工地夜间施工占用消防通道');
    const co = await p.deps.db.selectFrom('work_order_co_units').select('status').where('order_id', '=', joint.id).execute();
    expect(co.map((c) => c.status).sort()).toEqual(['contributed', 'pending']);
    const [overdue] = await byTitle('退休待遇核定进度');
    const sup = await p.deps.db.selectFrom('work_order_supervisions').select('kind').where('order_id', '=', overdue.id).orderBy('at').execute();
    expect(sup.map((x) => x.kind)).toEqual(['manual', 'auto']);
    expect(overdue.overdue_flagged_at).not.toBeNull();
    const conflicts = await p.deps.db.selectFrom('consultation_answer_conflicts').select(['kind', 'status']).execute();
    expect(conflicts.some((c) => c.kind === 'reply_reply' && c.status === 'open')).toBe(true);
  });

  it('shows them on the queues the pages read', async () => {
    const centre = await p.login('lz_zwsj_ck1');
    for (const q of ['bounced', 'returned', 'origin', 'follow_up']) {
      const r = await centre.get(`${ORDERS}/dispatcher?queue=${q}`);
      expect(r.body.items.length, q).toBeGreaterThan(0);
    }
    const gjj = await p.login('lz_gjj_ck1');
    expect((await gjj.get(`${ORDERS}/workbench?queue=to_sign`)).body.items.length).toBeGreaterThan(0);
    expect((await (await p.login('lz_rs_ck1')).get(`${ORDERS}/workbench?queue=overdue`)).body.items.length).toBeGreaterThan(0);
    expect((await (await p.login('yt_scjg_ck1')).get(`${ORDERS}/workbench?queue=joint`)).body.items.length).toBe(1);
    const zhangsan = await p.login('zhangsan');
    const mine = (await zhangsan.get(`${ORDERS}/mine`)).body.items;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const rated = mine.find((o: any) => o.title === '身份证丢失补办');
    const d = (await zhangsan.get(`${ORDERS}/${rated.id}`)).body;
    expect(d.timeline.map((e: any) => e.action)).toEqual(['received', 'dispatched', 'signed', 'replied', 'concluded', 'followed_up', 'rated']);
    expect((await centre.get(`${ORDERS}/answer-conflicts?status=open`)).body.items.length).toBeGreaterThan(0);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});
