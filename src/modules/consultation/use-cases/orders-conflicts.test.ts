import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { ORDERS, act, deptId, fileOrder, startOrdersPlatform } from './orders-testkit.js';
import { compareExtracted, entryFacts, extractFacts, jaccard, parseNumber } from './orders-conflicts.js';

/*
 * Contradictory answers: facts read from reply texts, compared between units' replies to the same question and with
 * other units' knowledge-base entries; flagged pairs shown side by side for the 12345 centre to settle.
 */

describe('reading facts from a reply', () => {
  it('finds materials, limits, fees, eligibility and time limits, in digits or Chinese numerals', () => {
    expect(extractFacts('需提供身份证、租赁合同原件，每月最高可提取1500元，3个工作日内到账。')).toEqual({
      materials: ['租赁合同', '身份证'], limit: ['1500元'], fee: [], eligibility: [], timeLimit: ['3个工作日'],
    });
    expect(extractFacts('携带户口簿到派出所补领，工本费20元，十五个工作日取证。')).toMatchObject({ materials: ['户口簿'], fee: ['20元'], timeLimit: ['15个工作日'] });
    expect(extractFacts('本业务免费办理，当场办结。')).toMatchObject({ fee: ['0元'], timeLimit: ['即办'] });
    expect(extractFacts('连续缴存满6个月、年满18周岁的职工，单人最高可贷60万元。')).toMatchObject({ eligibility: ['18周岁', '6个月'], limit: ['600000元'] });
    expect(extractFacts('自2024年1月起执行。').eligibility).toEqual([]);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('两')).toBe(2);
    expect(Number.isNaN(parseNumber('百'))).toBe(true);
  });

  it('reads an entry’s structured facts, falling back to its answer', () => {
    const f = entryFacts({ answer: '3个工作日办结。', facts: { materials: ['身份证', '租赁合同'], limit: '每月最高1500元', fee: '免费' } });
    expect(f).toEqual({ materials: ['租赁合同', '身份证'], limit: ['1500元'], fee: ['0元'], eligibility: [], timeLimit: ['3个工作日'] });
  });

  it('flags aspects both state without a common value; materials when the lists differ', () => {
    const a = extractFacts('需提供身份证、租赁合同，每月最高可提取1500元。');
    const b = extractFacts('需提供身份证、租赁合同、租赁备案证明，每月最高可提取1000元，5个工作日办结。');
    expect(compareExtracted(a, b).map((d) => d.aspect)).toEqual(['materials', 'limit']);
    expect(compareExtracted(a, extractFacts('需提供身份证、租赁合同原件，每月最高1500元。'))).toEqual([]);
    expect(jaccard(['租房', '提取', '公积金'], ['租房', '提取', '住房公积金'])).toBeCloseTo(0.5);
  });
});

let p: TestPlatform;
let zhangsan: Client;
let lisi: Client;
let gjj: Client;
let zj: Client;
let ga: Client;
let rs: Client;
let centre: Client; // 澜州市政务服务和数据管理局 officer
let centreAdmin: Client; // its department admin

beforeAll(async () => {
  p = await startOrdersPlatform();
  [zhangsan, lisi, gjj, zj, ga, rs, centre, centreAdmin] = await Promise.all(
    ['zhangsan', 'lisi', 'lz_gjj_ck1', 'lz_zj_ck1', 'lz_ga_ck1', 'lz_rs_ck1', 'lz_zwsj_ck1', 'lz_zwsj_gly'].map((u) => p.login(u)),
  );
}, 120_000);
afterAll(async () => p?.close());

describe('contradictory answers between units', () => {
  let a: string;
  let b: string;
  const ours = new Set<string>();
  // the demo province has orders and contradictions of its own: only pairs among this test's orders (or one of them and
  // a knowledge-base entry) count here
  const conflicts = async (who: Client, query = '') => (await who.get(`${ORDERS}/answer-conflicts${query}`)).body.items
    .filter((c: any) => c.sides.every((x: any) => x.orderId === null || ours.has(x.orderId)));

  it('flags two units’ different replies to the same question, and a reply against another unit’s entry', async () => {
    a = (await fileOrder(zhangsan, { content: '租房提取住房公积金需要什么材料？' })).order.id;
    ours.add(a);
    await act(gjj, a, 'sign');
    await act(gjj, a, 'reply', { content: '需提供身份证、租赁合同，每月最高可提取1500元。' });
    expect(await conflicts(centre)).toEqual([]); // nothing to contradict yet

    const ob = await fileOrder(lisi, { content: '租房提取住房公积金需要什么材料' });
    b = ob.order.id;
    ours.add(b);
    await act(gjj, b, 'transfer', { departmentId: await deptId(p, 'lz_zj'), reason: '涉及房屋租赁备案' });
    await act(zj, b, 'sign');
    await act(zj, b, 'reply', { content: '需提供身份证、租赁合同和房屋租赁备案证明，每月最高可提取1000元。' });

    const list = await conflicts(centre, '?status=open');
    expect(list).toHaveLength(2);
    const pair = list.find((c: any) => c.kind === 'reply_reply');
    expect(pair.similarity).toBeGreaterThanOrEqual(0.5);
    expect(pair.sides.map((s: any) => s.orderId).sort()).toEqual([a, b].sort());
    const sideB = pair.sides.find((s: any) => s.orderId === b);
    expect(sideB).toMatchObject({ departmentId: await deptId(p, 'lz_zj'), answer: expect.stringContaining('1000元'), question: '租房提取住房公积金需要什么材料' });
    const limit = pair.differences.find((d: any) => d.aspect === 'limit');
    const [mineA, mineB] = pair.sides[0].orderId === a ? [limit.a, limit.b] : [limit.b, limit.a];
    expect([mineA, mineB]).toEqual([['1500元'], ['1000元']]);
    expect(pair.differences.map((d: any) => d.aspect).sort()).toEqual(['limit', 'materials']);

    const kb = list.find((c: any) => c.kind === 'reply_kb');
    expect(kb.sides[0]).toMatchObject({ orderId: b, departmentId: await deptId(p, 'lz_zj') });
    expect(kb.sides[1]).toMatchObject({ orderId: null, entryCode: 'KB-T-gjj-rent', departmentId: await deptId(p, 'lz_gjj'), answer: expect.stringContaining('租赁合同') });
    expect(kb.differences.map((d: any) => d.aspect).sort()).toEqual(['limit', 'materials']);

    const told = await p.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('users.username')
      .where('notifications.kind', '=', 'consultation.order.answer_conflict').where('notifications.params', 'like', `%${ob.order.orderNumber}%`).execute();
    expect(told.map((t) => t.username)).toEqual(expect.arrayContaining(['lz_zwsj_ck1', 'lz_gjj_ck1', 'lz_zj_ck1']));
  });

  it('records each pair once, and leaves agreeing or unrelated replies alone', async () => {
    await act(zj, b, 'reply', { content: '需提供身份证、租赁合同和房屋租赁备案证明，每月最高可提取1000元。（补充说明）' });
    expect(await conflicts(centre)).toHaveLength(2);
    const c = (await fileOrder(zhangsan, { content: '身份证丢了怎么补办' })).order.id;
    ours.add(c);
    await act(ga, c, 'sign');
    await act(ga, c, 'reply', { content: '携带户口簿到派出所申请补领，工本费20元。' });
    const d = (await fileOrder(zhangsan, { content: '失业保险金怎么申领' })).order.id;
    ours.add(d);
    await act(rs, d, 'sign');
    await act(rs, d, 'reply', { content: '缴费满1年并办理失业登记后可申领，免费办理，5个工作日内审核。' });
    expect(await conflicts(centre)).toHaveLength(2);
  });

  it('shows a unit its own contradictions only; the 12345 centre settles them', async () => {
    // the fund centre is party to both: one reply is its own, the entry is its own
    expect(await conflicts(gjj)).toHaveLength(2);
    expect(await conflicts(zj)).toHaveLength(2);
    expect(await conflicts(rs)).toHaveLength(0);
    expect((await rs.get(`${ORDERS}/answer-conflicts`)).body.items.every((x: any) => x.sides.some((side: any) => side.departmentName.includes('人力资源')))).toBe(true);
    expect((await zhangsan.get(`${ORDERS}/answer-conflicts`)).status).toBe(403);
    const pair = (await conflicts(centre)).find((x: any) => x.kind === 'reply_reply');
    expect((await gjj.post(`${ORDERS}/answer-conflicts/${pair.id}/resolve`, { note: '我们说了算' })).body.error.code).toBe('consultation.not_a_coordinator');
    const done = await centreAdmin.post(`${ORDERS}/answer-conflicts/${pair.id}/resolve`, { note: '经协调，以公积金中心口径为准：每月最高1500元，无需备案证明' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', resolvedBy: expect.any(String), resolutionNote: expect.stringContaining('1500元') });
    expect((await centre.post(`${ORDERS}/answer-conflicts/${pair.id}/resolve`, { note: '再次处理' })).body.error.code).toBe('consultation.answer_conflict_resolved');
    expect(await conflicts(centre, '?status=open')).toHaveLength(1);
    expect((await centre.post(`${ORDERS}/answer-conflicts/01900000-0000-7000-8000-000000000000/resolve`, { note: '不存在' })).status).toBe(404);
  });
});
