import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { verifyAuditChain } from '../../../platform/audit.js';
import { ORDERS, MINGHU, act, deptId, deptName, fileOrder, refuse, startOrdersPlatform } from './orders-testkit.js';

/*
 * One order through every step (受理 → 派单 → 签收 → 补充信息 → 答复 → 办结 → 回访 → 评价 → 重办 → 评价), the clock
 * stopping while the asker is asked, and the bad inputs around it: wrong department, out of order, after closure,
 * two officers at once, markup, unknown region. Then the low-confidence path through the dispatcher and escalation
 * of a question into exactly one order.
 */

let p: TestPlatform;
const clock = manualClock(new Date('2026-11-16T02:00:00Z')); // Monday 10:00 in China
let zhangsan: Client;
let lisi: Client;
let gjj: Client; // 澜州市住房公积金管理中心 window officer
let gjj2: Client; // the same department's reviewer
let scjg: Client; // another department's officer
let dispatcher: Client; // 澜州市政务服务和数据管理局 (12345)
let gjjId: string;

beforeAll(async () => {
  p = await startOrdersPlatform(clock);
  [zhangsan, lisi, gjj, gjj2, scjg, dispatcher] = await Promise.all(['zhangsan', 'lisi', 'lz_gjj_ck1', 'lz_gjj_sp1', 'lz_scjg_ck1', 'lz_zwsj_ck1'].map((u) => p.login(u)));
  gjjId = await deptId(p, 'lz_gjj');
}, 120_000);
afterAll(async () => p?.close());

describe('a work order from receipt to rating', () => {
  let id: string;

  it('receives the order (受理) and dispatches it by the duty list (派单), with a 1-working-day signing deadline', async () => {
    const d = await fileOrder(zhangsan, { content: '我在明湖区租房住，想问租房提取住房公积金需要什么材料？', title: '租房提取公积金' });
    id = d.order.id;
    expect(d.order).toMatchObject({ status: 'to_sign', channel: 'web', type: 'consultation', departmentId: gjjId, departmentName: deptName('lz_gjj'), bounceCount: 0 });
    expect(d.order.orderNumber).toMatch(/^GD39010220261116\d{5}$/);
    expect(d.deadline).toMatchObject({ limitDays: 3, paused: false, overdue: false, dueAt: '2026-11-19T15:59:59.999Z' }); // end of Thursday
    expect(d.deadline.signDueAt).toBe('2026-11-17T15:59:59.999Z'); // end of the next working day
    expect(d.chain).toEqual([expect.objectContaining({ seq: 1, kind: 'dispatch', toDepartmentId: gjjId, toDepartmentName: deptName('lz_gjj'), bounce: false })]);
    expect(d.timeline.map((e: any) => e.action)).toEqual(['received', 'dispatched']);
    expect(d.routing).toBeNull(); // the asker does not see the routing internals
    const q = await gjj.get(`${ORDERS}/workbench?queue=to_sign`);
    expect(q.body.items.map((o: any) => o.id)).toContain(id);
    const note = await p.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('notifications.kind').where('users.username', '=', 'lz_gjj_ck1').execute();
    expect(note.map((n) => n.kind)).toContain('consultation.order.to_sign');
  });

  it('lets only the unit act, and nothing out of order', async () => {
    expect(await refuse(scjg, id, 'sign', {}, gjj)).toEqual({ status: 403, code: 'consultation.not_your_order' });
    expect(await refuse(dispatcher, id, 'sign', {}, gjj)).toEqual({ status: 403, code: 'consultation.not_your_order' });
    expect(await refuse(gjj, id, 'reply', { content: '答复内容' }, gjj)).toEqual({ status: 409, code: 'consultation.wrong_status' });
    expect(await refuse(gjj, id, 'conclude', {}, gjj)).toEqual({ status: 409, code: 'consultation.reply_first' });
    expect(await refuse(dispatcher, id, 'dispatch', { departmentId: gjjId }, gjj)).toEqual({ status: 409, code: 'consultation.wrong_status' });
    expect(await refuse(zhangsan, id, 'rating', { rating: 'satisfied' }, zhangsan)).toEqual({ status: 409, code: 'consultation.not_concluded' });
    expect(await refuse(gjj, id, 'transfer', { departmentId: gjjId, reason: '转给自己' }, gjj)).toEqual({ status: 400, code: 'consultation.transfer_to_self' });
    expect(await refuse(gjj, id, 'transfer', { departmentId: gjjId, reason: '' }, gjj)).toMatchObject({ status: 400, code: 'request.invalid' });
    expect((await lisi.get(`${ORDERS}/${id}`)).status).toBe(404);
    expect((await scjg.get(`${ORDERS}/${id}`)).status).toBe(404);
  });

  it('two officers signing at once: one wins, the other gets consultation.conflict', async () => {
    const v = (await gjj.get(`${ORDERS}/${id}`)).body.order.rowVersion;
    const [a, b] = await Promise.all([gjj.post(`${ORDERS}/${id}/sign`, { expectedVersion: v }), gjj2.post(`${ORDERS}/${id}/sign`, { expectedVersion: v })]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('consultation.conflict');
    const d = (await gjj.get(`${ORDERS}/${id}`)).body;
    expect(d.order.status).toBe('in_progress');
    expect(d.timeline.filter((e: any) => e.action === 'signed')).toHaveLength(1);
    // acting on an older view is a conflict too
    expect(await refuse(gjj, id, 'reply', { content: '答复', expectedVersion: v })).toEqual({ status: 409, code: 'consultation.conflict' });
  });

  it('asks the asker for more (补充信息): the clock stops, and runs again on the answer', async () => {
    const before = (await gjj.get(`${ORDERS}/${id}`)).body.deadline.dueAt;
    const asked = await act(gjj, id, 'request-info', { request: '请说明您的缴存年限和租房所在区' });
    expect(asked.order.status).toBe('waiting_asker');
    expect(asked.deadline.paused).toBe(true);
    expect((await zhangsan.get(`${ORDERS}/${id}`)).body.can.supplement).toBe(true);
    expect(await refuse(gjj, id, 'reply', { content: '答复' }, gjj)).toEqual({ status: 409, code: 'consultation.wrong_status' });
    expect(await refuse(lisi, id, 'supplement', { answer: '不是我的' }, zhangsan)).toEqual({ status: 403, code: 'consultation.not_your_order' });
    clock.advance(2 * 86_400_000); // Wednesday: two working days waiting for the asker
    const answered = await act(zhangsan, id, 'supplement', { answer: '缴存3年，租房在明湖区' });
    expect(answered.order.status).toBe('in_progress');
    expect(answered.deadline.paused).toBe(false);
    expect(answered.deadline.dueAt > before).toBe(true);
    expect(answered.deadline.dueAt).toBe('2026-11-23T15:59:59.999Z'); // Monday: Tue and Wed were given back
    expect(answered.infoRequests).toEqual([expect.objectContaining({ request: '请说明您的缴存年限和租房所在区', answer: '缴存3年，租房在明湖区' })]);
    expect(await refuse(zhangsan, id, 'supplement', { answer: '再补充' }, zhangsan)).toEqual({ status: 409, code: 'consultation.no_info_requested' });
  });

  it('keeps markup as text', async () => {
    const r = await act(gjj, id, 'reply', { content: '<b>可以提取</b><script>alert(1)</script>\r\n需提供身份证、租赁合同。' });
    expect(r.order.status).toBe('replied');
    expect(r.reply.content).toBe('<b>可以提取</b><script>alert(1)</script>\n需提供身份证、租赁合同。');
    const mine = (await zhangsan.get(`${ORDERS}/${id}`)).body;
    expect(mine.reply.content).toContain('<script>alert(1)</script>');
  });

  it('concludes (办结), is followed up (回访) and rated (评价); an unsatisfied rating reopens it once', async () => {
    const done = await act(gjj, id, 'conclude', { conclusion: '已答复群众租房提取政策' });
    expect(done.order.status).toBe('concluded');
    expect(await refuse(gjj, id, 'reply', { content: '办结后再答复' }, gjj)).toEqual({ status: 409, code: 'consultation.order_closed' });
    expect(await refuse(gjj, id, 'transfer', { departmentId: await deptId(p, 'lz_rs'), reason: '办结后转办' }, gjj)).toEqual({ status: 409, code: 'consultation.order_closed' });
    expect(await refuse(gjj, id, 'follow-up', { note: '回访', reached: true }, gjj)).toEqual({ status: 403, code: 'consultation.not_the_dispatcher' });
    clock.advance(86_400_000);
    const visited = await act(dispatcher, id, 'follow-up', { note: '电话回访，群众表示已了解', reached: true });
    expect(visited.followUp).toMatchObject({ reached: true, note: '电话回访，群众表示已了解' });
    expect(await refuse(zhangsan, id, 'rating', { rating: 'satisfied', reopen: true }, zhangsan)).toEqual({ status: 400, code: 'consultation.reopen_needs_unsatisfied' });
    const reopened = await act(zhangsan, id, 'rating', { rating: 'unsatisfied', comment: '没有说明每月能提多少', reopen: true });
    expect(reopened.order).toMatchObject({ status: 'in_progress', reopenCount: 1, departmentId: gjjId });
    expect(reopened.ratings).toEqual([expect.objectContaining({ round: 1, rating: 'unsatisfied', reopened: true })]);
    expect(reopened.chain.at(-1)).toMatchObject({ kind: 'reopen', toDepartmentId: gjjId });
    expect(reopened.deadline.startedAt).toBe(clock.nowIso());
    expect(reopened.followUp).toBeNull();
    await act(gjj, id, 'reply', { content: '每月最高可提取1500元，需提供身份证、租赁合同。' });
    await act(gjj, id, 'conclude', {});
    expect(await refuse(zhangsan, id, 'rating', { rating: 'unsatisfied', reopen: true }, zhangsan)).toEqual({ status: 409, code: 'consultation.reopen_used' });
    const rated = await act(zhangsan, id, 'rating', { rating: 'basically_satisfied', comment: '基本清楚了' });
    expect(rated.order.status).toBe('rated');
    expect(rated.ratings.map((r: any) => [r.round, r.rating])).toEqual([[1, 'unsatisfied'], [2, 'basically_satisfied']]);
    expect(await refuse(zhangsan, id, 'rating', { rating: 'satisfied' }, zhangsan)).toEqual({ status: 409, code: 'consultation.already_rated' });
  });

  it('shows the asker their orders with the public timeline, and logs staff reads of the asker', async () => {
    const mine = await zhangsan.get(`${ORDERS}/mine`);
    expect(mine.body.items.map((o: any) => o.id)).toContain(id);
    expect((await lisi.get(`${ORDERS}/mine`)).body.items.map((o: any) => o.id)).not.toContain(id);
    const d = (await zhangsan.get(`${ORDERS}/${id}`)).body;
    expect(d.timeline.map((e: any) => e.action)).toEqual([
      'received', 'dispatched', 'signed', 'info_requested', 'supplemented', 'replied', 'concluded', 'followed_up', 'rated', 'reopened', 'replied', 'concluded', 'rated',
    ]);
    const reads = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', '=', `工单 ${d.order.orderNumber}`).execute();
    expect(reads.some((r) => r.accessor_name === 'lz_gjj_ck1')).toBe(true);
    const events = await p.deps.db.selectFrom('outbox_events').select('type').where('aggregate_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['consultation.order.dispatched', 'consultation.order.signed', 'consultation.order.concluded', 'consultation.order.reopened']));
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});

describe('orders the routing is not sure about, and questions', () => {
  it('sends a low-confidence order to the dispatcher’s queue; the dispatcher dispatches it', async () => {
    const d = await fileOrder(zhangsan, { content: '小区门口的路灯坏了好几天了，晚上很黑', type: 'help' });
    expect(d.order).toMatchObject({ status: 'dispatching', dispatchReason: 'low_confidence', departmentId: null });
    expect(d.deadline.limitDays).toBe(5);
    const q = await dispatcher.get(`${ORDERS}/dispatcher?queue=low_confidence`);
    expect(q.body.items.map((o: any) => o.id)).toContain(d.order.id);
    expect((await gjj.get(`${ORDERS}/dispatcher?queue=low_confidence`)).body.error.code).toBe('consultation.not_the_dispatcher');
    const staffView = (await dispatcher.get(`${ORDERS}/${d.order.id}`)).body;
    expect(staffView.routing).toMatchObject({ toDispatcher: true });
    expect(staffView.can.dispatch).toBe(true);
    expect(await refuse(dispatcher, d.order.id, 'dispatch', { departmentId: '01900000-0000-7000-8000-000000000000' }, dispatcher)).toEqual({ status: 404, code: 'consultation.department_not_found' });
    const zj = await deptId(p, 'lz_zj');
    const sent = await act(dispatcher, d.order.id, 'dispatch', { departmentId: zj, note: '路灯属市政设施' });
    expect(sent.order).toMatchObject({ status: 'to_sign', departmentId: zj, finalRuling: false });
    expect((await dispatcher.get(`${ORDERS}/dispatcher?queue=low_confidence`)).body.items.map((o: any) => o.id)).not.toContain(d.order.id);
  });

  it('records a hotline caller for the 12345 operator, and refuses a department officer doing so', async () => {
    const call = await fileOrder(dispatcher, { content: '咨询失业保险金怎么申领', askerName: '王先生', phone: '13900001234', type: 'consultation' });
    expect(call.order.channel).toBe('phone');
    expect(call.asker).toEqual({ name: '王先生', phone: '13900001234', email: null });
    const r = await gjj.post(ORDERS, { type: 'consultation', regionCode: MINGHU, content: '代人登记', askerName: '某人', phone: '13900001234' });
    expect(r.body.error.code).toBe('consultation.not_a_dispatcher');
    const noName = await dispatcher.post(ORDERS, { type: 'consultation', regionCode: MINGHU, content: '没有来电人' });
    expect(noName.body.error.code).toBe('consultation.caller_required');
  });

  it('refuses unknown regions, empty text and unknown fields, writing nothing', async () => {
    const count = async () => Number((await p.deps.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect((await zhangsan.post(ORDERS, { type: 'consultation', regionCode: '999999', content: '问题' })).body.error.code).toBe('consultation.unknown_region');
    expect((await zhangsan.post(ORDERS, { type: 'consultation', regionCode: 'abc', content: '问题' })).body.error.code).toBe('consultation.unknown_region');
    expect((await zhangsan.post(ORDERS, { type: 'consultation', regionCode: MINGHU, content: ' \u0000\u0007 ' })).body.error.code).toBe('consultation.empty_text');
    expect((await zhangsan.post(ORDERS, { type: 'gossip', regionCode: MINGHU, content: '问题' })).status).toBe(400);
    expect((await zhangsan.post(ORDERS, { type: 'consultation', regionCode: MINGHU, content: '问题', askerName: '冒名' })).body.error.code).toBe('consultation.asker_name_not_allowed');
    expect(await count()).toBe(before);
  });

  it('turns a question that needs a person into exactly one order, traceable both ways', async () => {
    const asked = await zhangsan.post('/api/v1/consultation/questions', { text: '失业了能领失业金吗，需要什么条件', regionCode: MINGHU, channel: 'web' });
    expect(asked.status).toBe(201);
    const qid = asked.body.id;
    expect((await lisi.post(`/api/v1/consultation/questions/${qid}/escalate`, {})).status).toBe(404);
    const [a, b] = await Promise.all([
      zhangsan.post(`/api/v1/consultation/questions/${qid}/escalate`, { type: 'consultation' }),
      zhangsan.post(`/api/v1/consultation/questions/${qid}/escalate`, { type: 'consultation' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.order.order.id).toBe(b.body.order.order.id);
    const order = a.body.order;
    expect(order).toMatchObject({ questionId: qid, content: '失业了能领失业金吗，需要什么条件' });
    expect(order.order).toMatchObject({ channel: 'question', departmentId: await deptId(p, 'lz_rs'), status: 'to_sign' });
    const again = await zhangsan.post(`/api/v1/consultation/questions/${qid}/escalate`, {});
    expect(again).toMatchObject({ status: 200, body: { created: false } });
    const rows = await p.deps.db.selectFrom('work_orders').select('id').where('question_id', '=', qid).execute();
    expect(rows).toHaveLength(1);
    expect((await zhangsan.post('/api/v1/consultation/questions/01900000-0000-7000-8000-000000000000/escalate', {})).body.error.code).toBe('consultation.question_not_found');
  });
});
