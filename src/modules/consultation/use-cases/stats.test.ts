import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { MINGHU, ORDERS, act, deptId, fileOrder, startOrdersPlatform } from './orders-testkit.js';
import { fillQuestionStatsColumns } from '../../../migrations/0015_consultation_stats.js';

/*
 * The dashboard (GET /api/v1/consultation/stats) against the rows behind it: what the demo seeded is counted as it
 * was before, the questions and orders made here are counted exactly once in the right groups, the backlog figures
 * equal direct counts of the table, and a department admin sees only their department.
 */

const STATS = '/api/v1/consultation/stats';
const QUESTIONS = '/api/v1/consultation/questions';
let p: TestPlatform;
const clock = manualClock(new Date('2026-11-16T02:00:00Z')); // Monday 10:00 in China
let admin: Client;
let gjjAdmin: Client;
let scjgAdmin: Client;
let zhangsan: Client;
let gjj: Client;
let gjjId: string;
let scjgId: string;

beforeAll(async () => {
  p = await startOrdersPlatform(clock);
  [admin, gjjAdmin, scjgAdmin, zhangsan, gjj] = await Promise.all(['admin', 'lz_gjj_gly', 'lz_scjg_gly', 'zhangsan', 'lz_gjj_ck1'].map((u) => p.login(u)));
  [gjjId, scjgId] = await Promise.all([deptId(p, 'lz_gjj'), deptId(p, 'lz_scjg')]);
}, 120_000);
afterAll(async () => p?.close());

const stats = async (c: Client, query = '') => {
  const r = await c.get(STATS + query);
  if (r.status !== 200) throw new Error(`stats: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const countOf = (rows: Array<Record<string, unknown> & { count: number }>, key: string, value: string) => rows.find((r) => r[key] === value)?.count ?? 0;
const db = () => p.deps.db;
const num = (r: { n: unknown } | undefined) => Number(r?.n ?? 0);

describe('consultation dashboard', () => {
  let orderA: string;

  it('counts the questions and orders made, each once, in the right groups', async () => {
    const before = await stats(admin);
    expect(before.scope).toMatchObject({ all: true, departmentId: null });
    expect(before.window.days).toBe(30);
    expect(before.trend).toHaveLength(30);
    expect(before.trend.at(-1).day).toBe('2026-11-16');

    const asked = [];
    for (const [text, channel] of [['租房提取住房公积金需要什么材料', 'web'], ['失业了能领失业金吗，需要什么条件', 'app'], ['小区门口的路灯坏了好几天了，晚上很黑', 'web']] as const) {
      const r = await zhangsan.post(QUESTIONS, { text, regionCode: MINGHU, channel });
      expect(r.status).toBe(201);
      asked.push(r.body);
    }
    const rent = asked[0];
    expect(rent.outcome).toBe('answered');
    expect((await zhangsan.post(`${QUESTIONS}/${rent.id}/feedback`, { entryCode: rent.answers[0].entryCode, helpful: true })).status).toBe(200);

    const a = await fileOrder(zhangsan, { content: '我在明湖区租房住，想问租房提取住房公积金需要什么材料？' });
    orderA = a.order.id;
    expect(a.order).toMatchObject({ status: 'to_sign', departmentId: gjjId });
    const b = await fileOrder(zhangsan, { content: '小区门口的路灯坏了好几天了，晚上很黑', type: 'help' });
    expect(b.order.status).toBe('dispatching');
    await act(gjj, orderA, 'transfer', { departmentId: scjgId, reason: '涉及市场主体，转市场监管局' });

    const after = await stats(admin);
    const outcomes = { answered: 0, routed: 0, dispatcher: 0 } as Record<string, number>;
    for (const q of asked) outcomes[q.outcome]++;
    expect(after.questions.total - before.questions.total).toBe(3);
    for (const k of ['answered', 'routed', 'dispatcher']) expect(after.questions.byOutcome[k] - before.questions.byOutcome[k]).toBe(outcomes[k]);
    expect(countOf(after.questions.byChannel, 'channel', 'web') - countOf(before.questions.byChannel, 'channel', 'web')).toBe(2);
    expect(countOf(after.questions.byChannel, 'channel', 'app') - countOf(before.questions.byChannel, 'channel', 'app')).toBe(1);
    expect(after.answers.votes - before.answers.votes).toBe(1);
    expect(after.answers.helpful - before.answers.helpful).toBe(1);
    expect(after.questions.instantAnswerRate).toBeCloseTo(after.questions.byOutcome.answered / after.questions.total, 3);

    expect(after.orders.received - before.orders.received).toBe(2);
    expect(countOf(after.orders.byType, 'type', 'consultation') - countOf(before.orders.byType, 'type', 'consultation')).toBe(1);
    expect(countOf(after.orders.byType, 'type', 'help') - countOf(before.orders.byType, 'type', 'help')).toBe(1);
    expect(after.orders.routing.auto - before.orders.routing.auto).toBe(1);
    expect(after.orders.routing.dispatcher - before.orders.routing.dispatcher).toBe(1);
    expect(after.orders.hops.transfers - before.orders.hops.transfers).toBe(1);
    expect(after.orders.bounced - before.orders.bounced).toBe(1);
    expect(after.orders.open - before.orders.open).toBe(2);
    expect(after.orders.atDispatcher - before.orders.atDispatcher).toBe(1);
    expect(after.trend.at(-1).questions - before.trend.at(-1).questions).toBe(3);
    expect(after.trend.at(-1).orders - before.trend.at(-1).orders).toBe(2);

    // Absolute figures equal direct counts of the tables.
    const from = after.window.from;
    expect(after.questions.total).toBe(num(await db().selectFrom('consultation_questions').select((eb) => eb.fn.countAll().as('n')).where('created_at', '>=', from).executeTakeFirst()));
    expect(after.orders.received).toBe(num(await db().selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('created_at', '>=', from).executeTakeFirst()));
    expect(after.orders.open).toBe(num(await db().selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('status', 'not in', ['concluded', 'rated']).executeTakeFirst()));
    const trendSum = after.trend.reduce((s: number, d: any) => s + d.questions, 0);
    expect(trendSum).toBe(after.questions.total);
    expect(after.orders.byStatus.reduce((s: number, r: any) => s + r.count, 0)).toBe(num(await db().selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()));
    const rentTopic = after.questions.topEntries.find((e: any) => e.entryCode === rent.answers[0].entryCode);
    expect(rentTopic).toMatchObject({ departmentId: gjjId, departmentNameEn: expect.any(String) });
    expect(rentTopic.count).toBeGreaterThanOrEqual(1);
  });

  it('shows a department admin their own department only', async () => {
    const mine = await stats(gjjAdmin);
    expect(mine.scope).toMatchObject({ all: false, departmentId: gjjId, departmentName: '澜州市住房公积金管理中心' });
    const from = mine.window.from;
    expect(mine.questions.total).toBe(num(await db().selectFrom('consultation_questions').select((eb) => eb.fn.countAll().as('n')).where('created_at', '>=', from).where('routed_department_id', '=', gjjId).executeTakeFirst()));
    expect(mine.questions.byDepartment.map((d: any) => d.departmentId)).toEqual(mine.questions.total ? [gjjId] : []);
    const gjjOrders = num(await db().selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([eb('department_id', '=', gjjId), eb('dispatcher_department_id', '=', gjjId)])).executeTakeFirst());
    expect(mine.orders.byStatus.reduce((s: number, r: any) => s + r.count, 0)).toBe(gjjOrders);
    // The order transferred away is the market-regulation bureau's now.
    const theirs = await stats(scjgAdmin);
    expect(theirs.orders.byDepartment.map((d: any) => d.departmentId)).toEqual([scjgId]);
    expect(countOf(theirs.orders.byStatus, 'status', 'to_sign')).toBe(num(await db().selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('department_id', '=', scjgId).where('status', '=', 'to_sign').executeTakeFirst()));
    expect(theirs.orders.hops.transfers).toBeGreaterThanOrEqual(1);
    const all = await stats(admin);
    expect(all.orders.received).toBeGreaterThan(theirs.orders.received);
  });

  it('counts overdue and due-soon orders as the unit queues do, as the clock runs', async () => {
    clock.advance(7 * 86_400_000); // the next Monday: the 3-working-day limit has passed
    const s = await stats(admin);
    const now = clock.nowIso();
    const open = (q: any) => q.where('status', 'in', ['to_sign', 'in_progress', 'waiting_asker', 'replied']).where('paused', '=', 0);
    const overdue = num(await open(db().selectFrom('work_orders').select((eb: any) => eb.fn.countAll().as('n'))).where('due_at', '<=', now).executeTakeFirst());
    const dueSoon = num(await open(db().selectFrom('work_orders').select((eb: any) => eb.fn.countAll().as('n'))).where('warn_at', '<=', now).where('due_at', '>', now).executeTakeFirst());
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(s.orders.overdue).toBe(overdue);
    expect(s.orders.dueSoon).toBe(dueSoon);
    const scjgOverdue = num(await open(db().selectFrom('work_orders').select((eb: any) => eb.fn.countAll().as('n'))).where('due_at', '<=', now).where('department_id', '=', scjgId).executeTakeFirst());
    expect(countOf(s.orders.overdueByDepartment, 'departmentId', scjgId)).toBe(scjgOverdue);
    const queue = await (await p.login('lz_scjg_ck1')).get(`${ORDERS}/workbench?queue=overdue&limit=100`);
    expect(queue.body.items.map((o: any) => o.id)).toContain(orderA);
    // The window moved with the clock: last week's questions are still inside it, on their day.
    expect(s.trend.find((d: any) => d.day === '2026-11-16').questions).toBeGreaterThanOrEqual(3);
    expect(s.trend.at(-1).day).toBe('2026-11-23');
    // A one-day window holds nothing made last week.
    const today = await stats(admin, '?days=1');
    expect(today.trend).toHaveLength(1);
    expect(today.questions.total).toBe(num(await db().selectFrom('consultation_questions').select((eb) => eb.fn.countAll().as('n')).where('created_at', '>=', today.window.from).executeTakeFirst()));
  });

  it('fills the matter and first-answer columns of questions asked before migration 0015 as ask does', async () => {
    const rows = () => db().selectFrom('consultation_questions').select(['id', 'duty_code', 'top_entry_code']).orderBy('id').execute();
    const written = await rows();
    expect(written.some((r) => r.duty_code) && written.some((r) => r.top_entry_code)).toBe(true);
    await db().updateTable('consultation_questions').set({ duty_code: null, top_entry_code: null }).execute();
    await fillQuestionStatsColumns(db(), p.deps.dialect);
    expect(await rows()).toEqual(written);
  });

  it('is for platform and department admins only, with a bounded window', async () => {
    expect((await p.anonymous().get(STATS)).status).toBe(401);
    expect((await zhangsan.get(STATS)).status).toBe(403);
    expect((await gjj.get(STATS)).status).toBe(403);
    expect((await admin.get(`${STATS}?days=0`)).status).toBe(400);
    expect((await admin.get(`${STATS}?days=366`)).status).toBe(400);
    expect((await admin.get(`${STATS}?days=7`)).body.trend).toHaveLength(7);
  });
});
