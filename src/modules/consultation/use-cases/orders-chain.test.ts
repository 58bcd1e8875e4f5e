import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { ORDERS, QINGCHUAN, JIANGKOU, MINGHU, act, atDispatcher, deptId, fileOrder, refuse, startOrdersPlatform } from './orders-testkit.js';
import { configureOrderSettings } from './orders-settings.js';
import { followUpPage, unitOrdersPage } from './orders-read.js';
import { queryPlan } from '../../../testing/query-plan.js';
import { loadConfig } from '../../../platform/config.js';

/*
 * What happens between units: transfers and returns with the visible chain, the bounce cap and the dispatcher's final
 * ruling; joint handling (主办 + 协办); hand-over to another region with feedback to the origin; supervision of
 * overdue orders; time limits per type, configurable.
 */

let p: TestPlatform;
const clock = manualClock(new Date('2026-11-16T02:00:00Z')); // Monday 10:00 in China
let zhangsan: Client;
let admin: Client;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  p = await startOrdersPlatform(clock);
  zhangsan = await p.login('zhangsan');
  admin = await p.login('admin');
  for (const key of ['lz_gjj', 'lz_zj', 'lz_xf', 'mh_scjg', 'lz_rs', 'lz_zwsj', 'qc_zwsj', 'qc_yb']) {
    c[key] = await p.login(`${key}_ck1`);
    id[key] = await deptId(p, key);
  }
}, 120_000);
afterAll(async () => p?.close());

const get = async (who: Client, orderId: string) => (await who.get(`${ORDERS}/${orderId}`)).body;
const queue = async (who: Client, path: string) => (await who.get(`${ORDERS}/${path}`)).body.items.map((o: any) => o.id);

describe('transfers, returns and the bounce cap', () => {
  let orderId: string;

  it('transfers with a reason and keeps the chain visible', async () => {
    const d = await fileOrder(zhangsan, { content: '租房提取住房公积金每月能提多少？' });
    orderId = d.order.id;
    expect(d.order.departmentId).toBe(id.lz_gjj);
    const t = await act(c.lz_gjj, orderId, 'transfer', { departmentId: id.lz_zj, reason: '涉及租赁备案，属住建部门职责' });
    expect(t.order).toMatchObject({ status: 'to_sign', departmentId: id.lz_zj, bounceCount: 1 });
    expect(t.chain.map((h: any) => [h.kind, h.fromDepartmentId, h.toDepartmentId, h.bounce])).toEqual([
      ['dispatch', null, id.lz_gjj, false],
      ['transfer', id.lz_gjj, id.lz_zj, true],
    ]);
    expect(t.chain[1].reason).toBe('涉及租赁备案，属住建部门职责');
    expect(await queue(c.lz_zj, 'workbench?queue=to_sign')).toContain(orderId);
    // the unit it left still sees the order, but cannot act on it
    expect((await c.lz_gjj.get(`${ORDERS}/${orderId}`)).status).toBe(200);
    expect(await refuse(c.lz_gjj, orderId, 'sign', {}, c.lz_zj)).toEqual({ status: 403, code: 'consultation.not_your_order' });
  });

  it('returns need the basis and its legal basis; the bounce that reaches the cap goes to the dispatcher', async () => {
    expect((await refuse(c.lz_zj, orderId, 'return', { basis: 'ownership_unclear', reason: '不是我们的' }, c.lz_zj)).code).toBe('request.invalid');
    expect((await refuse(c.lz_zj, orderId, 'return', { basis: 'not_mine', legalBasis: '三定方案', reason: '不是我们的' }, c.lz_zj)).code).toBe('request.invalid');
    const r = await act(c.lz_zj, orderId, 'return', {
      basis: 'function_overlap', legalBasis: '《住房公积金管理条例》第五条：住房公积金管理中心负责住房公积金的管理运作', reason: '公积金提取属公积金中心职责', suggestedDepartmentId: id.lz_gjj,
    });
    expect(r.order).toMatchObject({ status: 'dispatching', dispatchReason: 'bounced', departmentId: null, bounceCount: 2, finalRuling: false });
    expect(r.chain.at(-1)).toMatchObject({ kind: 'return', basis: 'function_overlap', legalBasis: expect.stringContaining('第五条'), fromDepartmentId: id.lz_zj, toDepartmentId: id.lz_zwsj, bounce: true });
    expect(r.bounceCap).toBe(2);
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=bounced')).toContain(orderId);
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=returned')).not.toContain(orderId);
  });

  it('the dispatcher rules finally: the unit can no longer transfer or return it', async () => {
    const ruled = await act(c.lz_zwsj, orderId, 'dispatch', { departmentId: id.lz_gjj, note: '经裁定，由公积金中心主办' });
    expect(ruled.order).toMatchObject({ status: 'to_sign', departmentId: id.lz_gjj, finalRuling: true });
    expect(ruled.chain.at(-1)).toMatchObject({ kind: 'ruling', toDepartmentId: id.lz_gjj });
    expect((await get(c.lz_gjj, orderId)).can).toMatchObject({ sign: true, transfer: false, return: false });
    expect(await refuse(c.lz_gjj, orderId, 'transfer', { departmentId: id.lz_zj, reason: '再转一次' }, c.lz_gjj)).toEqual({ status: 403, code: 'consultation.final_ruling' });
    expect(await refuse(c.lz_gjj, orderId, 'return', { basis: 'ownership_unclear', legalBasis: '三定方案', reason: '再退一次' }, c.lz_gjj)).toEqual({ status: 403, code: 'consultation.final_ruling' });
    await act(c.lz_gjj, orderId, 'sign');
    expect(await refuse(c.lz_gjj, orderId, 'transfer', { departmentId: id.lz_zj, reason: '签收后再转' }, c.lz_gjj)).toEqual({ status: 403, code: 'consultation.final_ruling' });
  });

  it('a return below the cap goes to the dispatcher’s returned queue', async () => {
    const d = await fileOrder(zhangsan, { content: '公积金贷款最高能贷多少？' });
    expect(d.order.departmentId).toBe(id.lz_gjj);
    const r = await act(c.lz_gjj, d.order.id, 'return', { basis: 'territory_mismatch', legalBasis: '属地管理原则', reason: '房屋在青川市' });
    expect(r.order).toMatchObject({ status: 'dispatching', dispatchReason: 'returned', bounceCount: 1 });
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=returned')).toContain(d.order.id);
    expect(await refuse(c.lz_gjj, d.order.id, 'dispatch', { departmentId: id.lz_gjj }, c.lz_zwsj)).toEqual({ status: 403, code: 'consultation.not_the_dispatcher' });
  });
});

describe('joint handling (联办)', () => {
  let orderId: string;

  it('the dispatcher names a lead unit and co-units; the lead cannot conclude while co-units are within their time', async () => {
    const d = await atDispatcher(p, await fileOrder(zhangsan, { content: '小区旁边有人夜里乱搭棚子，还堵住了楼道', type: 'complaint' }));
    orderId = d.order.id;
    expect(d.order.status).toBe('dispatching');
    expect(d.deadline.limitDays).toBe(13);
    expect(await refuse(c.lz_zwsj, orderId, 'dispatch', { departmentId: id.lz_zj, coDepartmentIds: [id.lz_zj] }, c.lz_zwsj)).toEqual({ status: 400, code: 'consultation.co_unit_is_lead' });
    const sent = await act(c.lz_zwsj, orderId, 'dispatch', { departmentId: id.lz_zj, coDepartmentIds: [id.lz_xf, id.mh_scjg] });
    expect(sent.coUnits.map((u: any) => [u.departmentId, u.status])).toEqual(expect.arrayContaining([[id.lz_xf, 'pending'], [id.mh_scjg, 'pending']]));
    expect(await queue(c.lz_xf, 'workbench?queue=joint')).toContain(orderId);
    await act(c.lz_zj, orderId, 'sign');
    await act(c.lz_zj, orderId, 'reply', { content: '已安排执法人员现场核查违建。' });
    const early = await refuse(c.lz_zj, orderId, 'conclude', {}, c.lz_zj);
    expect(early).toEqual({ status: 409, code: 'consultation.co_units_pending' });
  });

  it('co-units contribute once; only the lead concludes; an opinion moves the order’s version', async () => {
    const before = (await get(c.lz_zj, orderId)).order.rowVersion;
    const opinion = await c.lz_xf.post(`${ORDERS}/${orderId}/opinion`, { opinion: '楼道堵塞属消防通道占用，已通知属地消防站检查。' });
    expect(opinion.status, JSON.stringify(opinion.body)).toBe(200);
    expect(opinion.body.coUnits.find((u: any) => u.departmentId === id.lz_xf)).toMatchObject({ status: 'contributed', opinion: expect.stringContaining('消防') });
    expect((await c.lz_xf.post(`${ORDERS}/${orderId}/opinion`, { opinion: '再说一次' })).body.error.code).toBe('consultation.already_contributed');
    expect((await c.lz_gjj.post(`${ORDERS}/${orderId}/opinion`, { opinion: '我们也说一句' })).body.error.code).toBe('consultation.not_a_co_unit');
    expect(await refuse(c.lz_xf, orderId, 'conclude', {}, c.lz_xf)).toEqual({ status: 403, code: 'consultation.lead_concludes' });
    expect(await refuse(c.lz_zj, orderId, 'conclude', { expectedVersion: before })).toEqual({ status: 409, code: 'consultation.conflict' });
    // the asker does not see the units' internal opinions
    const mine = await get(zhangsan, orderId);
    expect(mine.coUnits.every((u: any) => u.opinion === null)).toBe(true);
    expect(mine.timeline.some((e: any) => e.action === 'opinion_contributed')).toBe(false);
  });

  it('once a co-unit’s time has run out the lead concludes; its share is recorded as lapsed', async () => {
    clock.advance(3 * DAY); // Thursday: the co-units' 2 working days are over
    const done = await act(c.lz_zj, orderId, 'conclude', { conclusion: '违建已拆除，消防通道已清理' });
    expect(done.order.status).toBe('concluded');
    expect(done.coUnits.find((u: any) => u.departmentId === id.mh_scjg).status).toBe('lapsed');
    expect((await c.mh_scjg.post(`${ORDERS}/${orderId}/opinion`, { opinion: '迟到的意见' })).body.error.code).toBe('consultation.order_closed');
    expect(await queue(c.mh_scjg, 'workbench?queue=joint')).not.toContain(orderId);
  });
});

describe('another region’s unit (互转) with feedback to the origin', () => {
  let orderId: string;

  it('hands an order to another region’s dispatcher, refusing unknown and own regions', async () => {
    const d = await atDispatcher(p, await fileOrder(zhangsan, { content: '我父亲在青川市江口区看病，想办异地医保结算怎么弄？', type: 'help' }));
    orderId = d.order.id;
    expect(d.order.status).toBe('dispatching');
    expect(await refuse(c.lz_zwsj, orderId, 'cross-region', { regionCode: '999999', note: '转青川' }, c.lz_zwsj)).toEqual({ status: 400, code: 'consultation.unknown_region' });
    expect(await refuse(c.lz_zwsj, orderId, 'cross-region', { regionCode: MINGHU, note: '转本市' }, c.lz_zwsj)).toEqual({ status: 400, code: 'consultation.same_region' });
    expect(await refuse(c.lz_zwsj, orderId, 'cross-region', { regionCode: JIANGKOU, departmentId: id.qc_yb, note: '转青川' }, c.lz_zwsj)).toEqual({ status: 400, code: 'consultation.department_not_in_region' });
    expect(await refuse(c.qc_zwsj, orderId, 'cross-region', { regionCode: QINGCHUAN, note: '抢单' }, c.lz_zwsj)).toEqual({ status: 403, code: 'consultation.not_the_dispatcher' });
    const moved = await act(c.lz_zwsj, orderId, 'cross-region', { regionCode: QINGCHUAN, note: '就医地在青川市，请青川市派单' });
    expect(moved.order).toMatchObject({ status: 'dispatching', dispatchReason: 'cross_region', dispatcherDepartmentId: id.qc_zwsj, crossRegion: true, originRegionCode: MINGHU });
    expect(await queue(c.qc_zwsj, 'dispatcher?queue=cross_region')).toContain(orderId);
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=all_dispatching')).not.toContain(orderId);
  });

  it('the other region’s unit handles it; the origin sees status and the final reply and is told when it is concluded', async () => {
    await act(c.qc_zwsj, orderId, 'dispatch', { departmentId: id.qc_yb });
    await act(c.qc_yb, orderId, 'sign');
    await act(c.qc_yb, orderId, 'reply', { content: '可通过国家医保服务平台办理异地就医备案，备案后在青川市定点医院直接结算。' });
    await act(c.qc_yb, orderId, 'conclude');
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=origin')).toContain(orderId);
    const seen = await get(c.lz_zwsj, orderId);
    expect(seen.order).toMatchObject({ status: 'concluded', departmentId: id.qc_yb, crossRegion: true });
    expect(seen.reply.content).toContain('国家医保服务平台');
    expect(seen.chain.map((h: any) => h.kind).slice(-2)).toEqual(['cross_region', 'dispatch']);
    const told = await p.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('notifications.kind')
      .where('users.username', '=', 'lz_zwsj_ck1').where('notifications.kind', '=', 'consultation.order.origin_concluded')
      .where('notifications.params', 'like', `%${seen.order.orderNumber}%`).execute();
    expect(told.length).toBe(1);
    // the origin's centre follows up with its caller
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=follow_up')).toContain(orderId);
    expect(await queue(admin, 'dispatcher?queue=follow_up')).toContain(orderId);
    expect(await queue(c.qc_zwsj, 'dispatcher?queue=follow_up')).toContain(orderId); // it dispatched it there
    await act(c.lz_zwsj, orderId, 'follow-up', { note: '已回访，群众已办理备案', reached: true });
    expect(await queue(c.lz_zwsj, 'dispatcher?queue=follow_up')).not.toContain(orderId);
    expect(await queue(admin, 'dispatcher?queue=follow_up')).not.toContain(orderId);
  });

  it('pages the follow-up queue through its own indexes, in order, without sorting the centre’s concluded orders', async () => {
    for (const after of [null, ['2026-11-16T00:00:00.000Z', 'zzzz']] as ([string, string] | null)[]) {
      // each of the centre's two kinds read in the page's order from an index of the waiting orders only (SQLite takes
      // the centre's own two; PostgreSQL, pricing the test's few rows, may take the one of every centre's)
      const centre = await queryPlan(p.deps, followUpPage(p.deps.db, id.lz_zwsj, 20, after).compile());
      expect(centre.match(/work_orders_follow_up_(origin_|all_)?idx/g)?.length).toBe(2);
      if (p.deps.dialect === 'sqlite') expect(centre).toMatch(/work_orders_follow_up_idx[^]*work_orders_follow_up_origin_idx/);
      expect(centre).not.toMatch(/SCAN work_orders|Seq Scan/);
      const all = await queryPlan(p.deps, followUpPage(p.deps.db, null, 20, after).compile());
      expect(all).toContain('work_orders_follow_up_all_idx');
      expect(all).not.toMatch(/TEMP B-TREE|Sort/);
    }
    // pages follow the cursor: each order once, oldest conclusion first
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = (await c.lz_zwsj.get(`${ORDERS}/dispatcher?queue=follow_up&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      seen.push(...r.items.map((o: any) => o.id));
      cursor = r.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const rows = await p.deps.db.selectFrom('work_orders').select(['id', 'concluded_at']).where('concluded_at', 'is not', null).where('follow_up_at', 'is', null)
      .where((eb) => eb.or([eb('dispatcher_department_id', '=', id.lz_zwsj), eb('origin_dispatcher_id', '=', id.lz_zwsj)])).orderBy('concluded_at').orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(2);
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('can send an order straight to a unit of the other region', async () => {
    const d = await atDispatcher(p, await fileOrder(zhangsan, { content: '江口区的企业拖欠我工资怎么办？', type: 'help' }));
    const sent = await act(c.lz_zwsj, d.order.id, 'cross-region', { regionCode: QINGCHUAN, departmentId: id.qc_yb, note: '用人单位在青川市' });
    expect(sent.order).toMatchObject({ status: 'to_sign', departmentId: id.qc_yb, crossRegion: true, dispatcherDepartmentId: id.lz_zwsj });
    expect(sent.chain.at(-1)).toMatchObject({ kind: 'cross_region', toDepartmentId: id.qc_yb });
  });
});

describe('supervision (督办) and time limits', () => {
  it('flags an overdue order once, automatically, and lets the 12345 centre chase it', async () => {
    await admin.post(`${ORDERS}/supervision/sweep`, {}); // the demo's orders that are overdue by now
    const d = await fileOrder(zhangsan, { content: '失业保险金申领系统一直报错，今天必须办', type: 'help', urgent: true });
    const orderId = d.order.id;
    expect(d.order.departmentId).toBe(id.lz_rs);
    expect(d.deadline.limitDays).toBe(0);
    expect(d.deadline.dueAt).toBe('2026-11-19T15:59:59.999Z'); // urgent: the end of the day received (Thursday)
    expect(await refuse(c.lz_rs, orderId, 'chase', { note: '自己督办自己' })).toEqual({ status: 403, code: 'consultation.not_the_dispatcher' });
    const chased = await c.lz_zwsj.post(`${ORDERS}/${orderId}/chase`, { note: '紧急诉求，请尽快办理' });
    expect(chased.status).toBe(200);
    expect(chased.body.supervisions).toEqual([expect.objectContaining({ kind: 'manual', note: '紧急诉求，请尽快办理', overdue: false, departmentId: id.lz_rs })]);
    expect((await admin.post(`${ORDERS}/supervision/sweep`, {})).body.flagged).toBe(0);
    clock.advance(DAY);
    expect(await queue(c.lz_rs, 'workbench?queue=overdue')).toContain(orderId);
    const swept = await admin.post(`${ORDERS}/supervision/sweep`, {});
    expect(swept.body.flagged).toBeGreaterThanOrEqual(1);
    expect((await admin.post(`${ORDERS}/supervision/sweep`, {})).body.flagged).toBe(0);
    const after = await get(c.lz_zwsj, orderId);
    expect(after.order.overdue).toBe(true);
    expect(after.supervisions.map((s: any) => s.kind)).toEqual(['manual', 'auto']);
    const told = await p.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('users.username')
      .where('notifications.kind', '=', 'consultation.order.overdue').where('notifications.params', 'like', `%${d.order.orderNumber}%`).execute();
    expect(told.map((t) => t.username)).toEqual(expect.arrayContaining(['lz_rs_ck1', 'lz_zwsj_ck1']));
    expect((await get(zhangsan, orderId)).supervisions).toEqual([]);
    expect((await zhangsan.post(`${ORDERS}/supervision/sweep`, {})).status).toBe(403);
  });

  it('does not flag an order whose clock stopped while waiting for the asker; shows due-soon orders', async () => {
    const d = await fileOrder(zhangsan, { content: '身份证丢了怎么补办，要多少钱？' });
    expect(d.order.departmentId).toBe(await deptId(p, 'lz_ga'));
    const unit = await p.login('lz_ga_ck1');
    await act(unit, d.order.id, 'sign');
    clock.advance(5 * DAY); // filed on Friday; Wednesday is the third working day: due soon
    expect(await queue(unit, 'workbench?queue=due_soon')).toContain(d.order.id);
    await act(unit, d.order.id, 'request-info', { request: '请问您是在哪个派出所办理的户籍？' });
    clock.advance(7 * DAY);
    await admin.post(`${ORDERS}/supervision/sweep`, {});
    const waiting = await get(unit, d.order.id);
    expect(waiting.order).toMatchObject({ status: 'waiting_asker', paused: true, overdue: false });
    expect(waiting.supervisions).toEqual([]);
  });

  it('limits come per type and are configurable', async () => {
    expect((await zhangsan.get(`${ORDERS}/settings`)).body).toEqual({ limits: { consultation: 3, help: 5, complaint: 13, suggestion: 10 }, urgentDays: 0, signDays: 1, bounceCap: 2, coUnitDays: 2 });
    const suggestion = await fileOrder(zhangsan, { content: '建议在明湖区多设几个公积金自助服务终端', type: 'suggestion' });
    expect(suggestion.deadline.limitDays).toBe(10);
    configureOrderSettings(p.deps, { limits: { consultation: 2 }, bounceCap: 3 });
    try {
      const quick = await fileOrder(zhangsan, { content: '公积金贷款额度是多少' });
      expect(quick.deadline.limitDays).toBe(2);
      expect(quick.bounceCap).toBe(3);
    } finally {
      configureOrderSettings(p.deps, { limits: { consultation: 3 }, bounceCap: 2 });
    }
    // The deployment's Config reads them from the environment (src/platform/config.ts).
    const orders = (env: NodeJS.ProcessEnv) => loadConfig(env).consultationOrders;
    expect(orders({ TONGBAN_ORDER_LIMITS: 'complaint=15, urgent=1', TONGBAN_ORDER_BOUNCE_CAP: '3' })).toMatchObject({ limits: { consultation: 3, complaint: 15 }, urgentDays: 1, bounceCap: 3 });
    expect(orders({})).toEqual({ limits: { consultation: 3, help: 5, complaint: 13, suggestion: 10 }, urgentDays: 0, signDays: 1, bounceCap: 2, coUnitDays: 2, sweepMinutes: 10 });
    expect(() => orders({ TONGBAN_ORDER_LIMITS: 'gossip=2' })).toThrow(/unknown order type "gossip"/);
    expect(() => orders({ TONGBAN_ORDER_BOUNCE_CAP: '0' })).toThrow(/TONGBAN_ORDER_BOUNCE_CAP/);
    expect(() => orders({ TONGBAN_ORDER_LIMITS: 'help=x' })).toThrow(/help/);
    expect(() => orders({ TONGBAN_ORDER_LIMITS: 'help=' })).toThrow(/help/);
    expect(() => orders({ TONGBAN_ORDER_SWEEP_MINUTES: '-5' })).toThrow(/TONGBAN_ORDER_SWEEP_MINUTES/);
  });
});

describe('a unit’s orders', () => {
  it('pages all of a unit’s orders newest first through its index, each once', async () => {
    for (const after of [null, ['2026-11-16T00:00:00.000Z', 'zzzz']] as ([string, string] | null)[]) {
      const plan = await queryPlan(p.deps, unitOrdersPage(p.deps.db, id.lz_gjj, 20, after).compile());
      expect(plan).toContain('work_orders_unit_created_idx');
      expect(plan).not.toMatch(/TEMP B-TREE|Sort/); // in the page's order: no sorting of the unit's orders
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = (await c.lz_gjj.get(`${ORDERS}/workbench?queue=all&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      seen.push(...r.items.map((o: any) => o.id));
      cursor = r.nextCursor;
    } while (cursor);
    const rows = await p.deps.db.selectFrom('work_orders').select('id').where('department_id', '=', id.lz_gjj).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(seen).toEqual(rows.map((r) => r.id));
  });
});
