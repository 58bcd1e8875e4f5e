/**
 * Demo work orders (12345) of 云澜省 in every state, filed and worked through the work-order use cases by the demo
 * citizens and officers with a clock set back in time, so that queues, chains, clocks, supervision and ratings look
 * as they would after a week of real use:
 *
 * | key | state |
 * |---|---|
 * | `to-sign` | dispatched to 澜州市住房公积金管理中心 this morning, waiting to be signed for |
 * | `in-progress` | signed by 澜州市人力资源和社会保障局, being handled |
 * | `waiting-asker` | 明湖区市场监督管理局 asked the asker for more information; the clock is stopped |
 * | `bounced` | transferred and returned between units until the bounce cap: in the dispatcher's `bounced` queue |
 * | `ruled-final` | bounced, then ruled on by the dispatcher: the unit cannot transfer or return it any more |
 * | `returned` | returned by the housing fund (属地不符, with its legal basis): in the dispatcher's `returned` queue |
 * | `joint` | 联办: 澜州市住房和城乡建设局 leads, 消防救援支队 has given its opinion, 云台区市场监管局 has not yet |
 * | `cross-region` | received in 澜州, handed to 青川市, handled and concluded there: the origin sees the final reply |
 * | `overdue` | past its deadline at 澜州市人社局: chased by the 12345 centre and flagged automatically |
 * | `rated` | concluded, followed up (回访) and rated satisfied |
 * | `reopened` | rated unsatisfied and reopened: in progress again at 明湖区人社局 |
 * | `conflict-a` / `conflict-b` | two units' replies to the same question that differ: a contradiction to coordinate |
 * | `escalated` | a question asked today that the knowledge base could not settle, escalated into its order |
 *
 * The units are named here (routing data can change wording without changing the demo); each order still carries a
 * routing suggestion in routeQuestion's shape so the pages show how it was dispatched.
 */
import type { Actor, StaffRole } from '../platform/actor.js';
import type { Deps } from '../platform/deps.js';
import { manualClock } from '../platform/clock.js';
import { withTx } from '../platform/db/database.js';
import { askQuestion, workOrders, type RouteResult } from '../modules/consultation/index.js';
import { demoDepartments } from './province-data.js';

type When = readonly [number, string];

const STAFF = [
  'lz_gjj_ck1', 'lz_rs_ck1', 'mh_scjg_ck1', 'lz_zj_ck1', 'lz_zwsj_ck1', 'lz_xf_ck1', 'yt_scjg_ck1', 'qc_zwsj_ck1', 'qc_yb_ck1', 'mh_ga_ck1', 'mh_rs_ck1',
];
export const CITIZENS = ['zhangsan', 'lisi', 'wangwu', 'zhaoliu'];

export async function loadActors(deps: Deps, usernames: string[]): Promise<Map<string, Actor>> {
  const users = await deps.db.selectFrom('users').select(['id', 'username', 'kind', 'display_name', 'id_number', 'department_id']).where('username', 'in', usernames).execute();
  const roles = await deps.db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute();
  const regionOf = new Map((await deps.db.selectFrom('departments').select(['id', 'region_code']).execute()).map((d) => [d.id, d.region_code]));
  const out = new Map<string, Actor>();
  for (const u of users) {
    out.set(u.username, {
      kind: u.kind === 'staff' ? 'staff' : 'citizen', userId: u.id, username: u.username, displayName: u.display_name, idNumber: u.id_number,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as StaffRole), departmentId: u.department_id,
      regionCode: u.department_id ? regionOf.get(u.department_id) ?? null : null, grantedRegionCodes: [], sessionId: null, onBehalfOf: null, requestId: null,
    });
  }
  for (const n of usernames) if (!out.has(n)) throw new Error(`demo orders: no account ${n}`);
  return out;
}

class OrderSeeder {
  readonly ids = new Map<string, string>();
  private deptIds = new Map<string, string>();

  constructor(readonly deps: Deps, private now: Date, private actors: Map<string, Actor>) {}

  /** Deps whose clock reads `[working days ago, 'HH:MM' China time]` (never later than a few minutes ago). */
  at([daysAgo, hhmm]: When): Deps {
    const cal = this.deps.calendar;
    const day = new Date(`${cal.chinaDate(this.now)}T12:00:00+08:00`);
    for (let left = daysAgo; left > 0;) {
      day.setUTCDate(day.getUTCDate() - 1);
      if (cal.isWorkingDay(cal.chinaDate(day))) left--;
    }
    const t = new Date(`${cal.chinaDate(day)}T${hhmm}:00+08:00`);
    return { ...this.deps, clock: manualClock(t.getTime() < this.now.getTime() - 60_000 ? t : new Date(this.now.getTime() - 5 * 60_000)) };
  }

  actor(username: string): Actor {
    return this.actors.get(username)!;
  }

  async dept(key: string): Promise<string> {
    let id = this.deptIds.get(key);
    if (!id) {
      const uscc = demoDepartments.find((d) => d.key === key)?.uscc;
      const row = uscc ? await this.deps.db.selectFrom('departments').select('id').where('uscc', '=', uscc).executeTakeFirst() : undefined;
      if (!row) throw new Error(`demo orders: no department ${key}`);
      this.deptIds.set(key, (id = row.id));
    }
    return id;
  }

  /** A routing suggestion naming the unit, with its duty from the duty list when it has one on the matter. */
  async routeTo(key: string, matter: string): Promise<RouteResult> {
    const d = await this.deps.db.selectFrom('departments').selectAll().where('id', '=', await this.dept(key)).executeTakeFirstOrThrow();
    const duty = await this.deps.db.selectFrom('duty_entries').select(['code', 'matter']).where('department_id', '=', d.id).where('status', '=', 'active')
      .where('matter', 'like', `%${matter}%`).orderBy('code').executeTakeFirst();
    return {
      departmentId: d.id, departmentName: d.name, departmentKind: d.kind, contact: { phone: d.phone, address: d.address }, regionCode: d.region_code,
      duty: duty ?? null, confidence: 0.86, toDispatcher: false, reason: `依据${d.name}权责清单事项“${duty?.matter ?? matter}”，由其承办。`, alternatives: [],
    };
  }

  async file(o: {
    key: string; by: string; when: When; content: string; title?: string; type?: 'consultation' | 'help' | 'complaint' | 'suggestion'; urgent?: boolean;
    regionCode?: string; to?: [string, string] | null;
  }): Promise<string> {
    const deps = this.at(o.when);
    const a = this.actor(o.by);
    const user = await deps.db.selectFrom('users').select('phone').where('id', '=', a.userId!).executeTakeFirstOrThrow();
    const route = o.to ? await this.routeTo(o.to[0], o.to[1]) : null;
    const order = await withTx(deps.db, (tx) => workOrders.receiveOrder(tx, deps, a, {
      channel: 'web', type: o.type ?? 'consultation', urgent: !!o.urgent, title: o.title ?? o.content.slice(0, 30), content: o.content, regionCode: o.regionCode ?? '390102',
      asker: { userId: a.userId, idNumber: a.idNumber, name: a.displayName, phone: user.phone, email: null }, route,
    }));
    this.ids.set(o.key, order.id);
    return order.id;
  }

  private async version(id: string): Promise<number> {
    return (await this.deps.db.selectFrom('work_orders').select('row_version').where('id', '=', id).executeTakeFirstOrThrow()).row_version;
  }

  async do(who: string, when: When, id: string, step: (deps: Deps, actor: Actor, expectedVersion: number) => Promise<unknown>): Promise<void> {
    await step(this.at(when), this.actor(who), await this.version(id));
  }
}

/**
 * Files and works the demo work orders; answers their ids by key. Runs once, after the knowledge base and duty lists
 * of a fresh demo database are loaded (seedDemo guards re-runs).
 */
export async function seedDemoOrders(deps: Deps): Promise<Map<string, string>> {
  const s = new OrderSeeder(deps, deps.clock.now(), await loadActors(deps, [...STAFF, ...CITIZENS]));
  const W = workOrders;
  const dept = (k: string) => s.dept(k);

  // 待签收: dispatched this morning
  await s.file({ key: 'to-sign', by: 'zhangsan', when: [0, '09:20'], to: ['lz_gjj', '提取'], title: '租房提取公积金', content: '我在明湖区租房住，想用住房公积金付房租，需要准备哪些材料？每个月最多能提多少？' });

  // 办理中
  let id = await s.file({ key: 'in-progress', by: 'zhaoliu', when: [1, '10:05'], regionCode: '390105', to: ['lz_rs', '失业'], title: '失业保险金申领', content: '公司上个月裁员我被辞退了，缴了三年社保，能领失业保险金吗？去哪里办？' });
  await s.do('lz_rs_ck1', [1, '11:30'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));

  // 待补充: the clock stops while the asker is asked
  id = await s.file({ key: 'waiting-asker', by: 'lisi', when: [2, '14:40'], type: 'complaint', to: ['mh_scjg', '食品'], title: '餐馆卫生投诉', content: '湖滨路一家面馆后厨很脏，吃完后肚子不舒服，请有关部门检查。' });
  await s.do('mh_scjg_ck1', [1, '09:10'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('mh_scjg_ck1', [1, '15:00'], id, (d, a, v) => W.requestInfo(d, a, id, { request: '请提供面馆的具体门牌号和就餐时间，如有消费凭证请一并说明。', expectedVersion: v }));

  // 转办 → 退单 until the bounce cap: waits for the dispatcher's final ruling
  id = await s.file({ key: 'bounced', by: 'wangwu', when: [4, '10:15'], type: 'complaint', to: ['mh_scjg', '登记'], title: '楼下商铺油烟扰民', content: '小区楼下新开的烧烤店油烟直排，晚上还很吵，多次沟通无果。' });
  await s.do('mh_scjg_ck1', [4, '14:00'], id, async (d, a, v) => W.transferOrder(d, a, id, { departmentId: await dept('lz_zj'), reason: '油烟排放涉及建筑物外立面和管道设置，请住建部门处理。', expectedVersion: v }));
  await s.do('lz_zj_ck1', [3, '10:30'], id, (d, a, v) => W.returnOrder(d, a, id, {
    basis: 'function_overlap', legalBasis: '《中华人民共和国大气污染防治法》第八十一条：排放油烟的餐饮服务业经营者应当安装油烟净化设施…由县级以上地方人民政府确定的监督管理部门处理。',
    reason: '餐饮油烟属生态环境或城市管理部门职责，不属住建部门。', expectedVersion: v,
  }));

  // the same, ruled on by the dispatcher: final
  id = await s.file({ key: 'ruled-final', by: 'zhaoliu', when: [5, '09:40'], regionCode: '390105', type: 'help', to: ['lz_gjj', '贷款'], title: '公积金贷款与商业贷款转换', content: '我想把商业贷款转成公积金贷款，银行说要找公积金中心，公积金中心说要找银行。到底找谁？' });
  await s.do('lz_gjj_ck1', [5, '11:00'], id, async (d, a, v) => W.transferOrder(d, a, id, { departmentId: await dept('lz_zj'), reason: '商转公涉及房屋抵押登记。', expectedVersion: v }));
  await s.do('lz_zj_ck1', [4, '09:30'], id, (d, a, v) => W.returnOrder(d, a, id, {
    basis: 'ownership_unclear', legalBasis: '《住房公积金管理条例》第二十六条：缴存职工在购买、建造、翻建、大修自住住房时，可以向住房公积金管理中心申请住房公积金贷款。',
    reason: '公积金贷款（含商转公）由公积金中心受理。', expectedVersion: v,
  }));
  await s.do('lz_zwsj_ck1', [4, '11:00'], id, async (d, a, v) => W.dispatchOrder(d, a, id, { departmentId: await dept('lz_gjj'), note: '经裁定：商转公由住房公积金管理中心主办，此裁定为最终裁定。', expectedVersion: v }));
  await s.do('lz_gjj_ck1', [4, '14:20'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));

  // 退单 (属地不符): back at the dispatcher
  id = await s.file({ key: 'returned', by: 'zhangsan', when: [2, '10:50'], to: ['lz_gjj', '贷款'], title: '在青川买房能否用澜州公积金', content: '我在澜州缴公积金，想在青川市江口区买房，能在江口直接办公积金贷款吗？' });
  await s.do('lz_gjj_ck1', [2, '16:10'], id, async (d, a, v) => W.returnOrder(d, a, id, {
    basis: 'territory_mismatch', legalBasis: '《住房公积金管理条例》第四条：住房公积金的管理实行住房委员会决策、住房公积金管理中心运作、银行专户存储、财政监督的原则（异地贷款由购房地公积金中心受理）。',
    reason: '异地购房贷款由购房所在地青川市住房公积金管理中心受理，建议转青川市。', suggestedDepartmentId: await dept('qc_gjj'), expectedVersion: v,
  }));

  // 联办: a lead unit and two co-units
  id = await s.file({ key: 'joint', by: 'wangwu', when: [3, '09:25'], type: 'complaint', to: null, title: '工地夜间施工占用消防通道', content: '小区旁边的工地每天晚上施工到十二点，材料还堆在小区的消防通道上。' });
  await s.do('lz_zwsj_ck1', [3, '10:10'], id, async (d, a, v) => W.dispatchOrder(d, a, id, {
    departmentId: await dept('lz_zj'), coDepartmentIds: [await dept('lz_xf'), await dept('yt_scjg')], note: '夜间施工由住建局主办，消防通道占用请消防支队协办，涉事商户请市场监管协办。', expectedVersion: v,
  }));
  await s.do('lz_zj_ck1', [3, '11:00'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('lz_xf_ck1', [2, '15:30'], id, (d, a) => W.contributeOpinion(d, a, id, { opinion: '已派员现场检查，责令施工单位当日清理消防通道内堆放的建筑材料，将进行复查。' }));

  // 互转: received in 澜州, handled in 青川, the origin sees the final reply
  id = await s.file({ key: 'cross-region', by: 'zhangsan', when: [5, '10:40'], type: 'help', to: null, title: '在青川就医如何直接结算', content: '我母亲在青川市江口区住院，医保在澜州，怎样才能在青川直接结算？' });
  await s.do('lz_zwsj_ck1', [5, '11:15'], id, (d, a, v) => W.transferCrossRegion(d, a, id, { regionCode: '390200', note: '就医地在青川市，请青川市12345派单办理并反馈。', expectedVersion: v }));
  await s.do('qc_zwsj_ck1', [5, '14:00'], id, async (d, a, v) => W.dispatchOrder(d, a, id, { departmentId: await dept('qc_yb'), expectedVersion: v }));
  await s.do('qc_yb_ck1', [4, '09:20'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('qc_yb_ck1', [3, '10:00'], id, (d, a, v) => W.replyOrder(d, a, id, { content: '请通过国家医保服务平台App或参保地澜州市医保经办窗口办理异地就医备案，备案后在青川市定点医院住院可直接结算。', expectedVersion: v }));
  await s.do('qc_yb_ck1', [3, '10:30'], id, (d, a, v) => W.concludeOrder(d, a, id, { conclusion: '已告知异地就医备案办理方式。', expectedVersion: v }));

  // 超期: chased by the 12345 centre, then flagged by the sweep below
  id = await s.file({ key: 'overdue', by: 'lisi', when: [7, '09:30'], to: ['lz_rs', '退休'], title: '退休待遇核定进度', content: '我上个月办了退休手续，退休金核定到现在还没有结果，请问进度如何？' });
  await s.do('lz_rs_ck1', [6, '10:00'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('lz_zwsj_ck1', [2, '09:00'], id, (d, a) => W.chaseOrder(d, a, id, { note: '该工单已超过办理时限，请于今日内答复群众。' }));

  // 办结 → 回访 → 评价
  id = await s.file({ key: 'rated', by: 'zhangsan', when: [8, '15:10'], to: ['mh_ga', '身份证'], title: '身份证丢失补办', content: '身份证丢了，要去哪里补办？需要带什么、多少钱、多久能拿到？' });
  await s.do('mh_ga_ck1', [7, '09:05'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('mh_ga_ck1', [7, '10:20'], id, (d, a, v) => W.replyOrder(d, a, id, { content: '请携带户口簿到户籍所在地或居住地派出所申请补领，工本费20元，一般二十个工作日内可领取新证，急需可申请临时身份证。', expectedVersion: v }));
  await s.do('mh_ga_ck1', [7, '10:30'], id, (d, a, v) => W.concludeOrder(d, a, id, { expectedVersion: v }));
  await s.do('lz_zwsj_ck1', [6, '10:00'], id, (d, a, v) => W.followUpOrder(d, a, id, { note: '电话回访，群众表示已在派出所办理补领。', reached: true, expectedVersion: v }));
  await s.do('zhangsan', [6, '12:00'], id, (d, a, v) => W.rateOrder(d, a, id, { rating: 'satisfied', comment: '答复清楚，办得很快。', expectedVersion: v }));

  // 不满意 → 重办
  id = await s.file({ key: 'reopened', by: 'lisi', when: [6, '11:00'], to: ['mh_rs', '社保'], title: '社保卡补办进度', content: '社保卡丢失后补办了两周还没拿到，请问什么时候能领？' });
  await s.do('mh_rs_ck1', [6, '14:00'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('mh_rs_ck1', [5, '10:00'], id, (d, a, v) => W.replyOrder(d, a, id, { content: '社保卡正在制卡中，请耐心等待。', expectedVersion: v }));
  await s.do('mh_rs_ck1', [5, '10:10'], id, (d, a, v) => W.concludeOrder(d, a, id, { expectedVersion: v }));
  await s.do('lisi', [2, '09:00'], id, (d, a, v) => W.rateOrder(d, a, id, { rating: 'unsatisfied', comment: '没有说明具体领取时间和地点。', reopen: true, expectedVersion: v }));

  // 答复口径不一致: the same question, two units, different materials and limits
  const rent = '租房提取住房公积金需要什么材料？每月最多能提多少？';
  id = await s.file({ key: 'conflict-a', by: 'zhaoliu', when: [4, '10:00'], regionCode: '390105', to: ['lz_gjj', '提取'], title: '租房提取公积金材料', content: rent });
  await s.do('lz_gjj_ck1', [4, '11:00'], id, (d, a, v) => W.signOrder(d, a, id, { expectedVersion: v }));
  await s.do('lz_gjj_ck1', [3, '09:40'], id, (d, a, v) => W.replyOrder(d, a, id, { content: '需提供身份证、租赁合同，每月最高可提取1500元，审核通过后3个工作日内到账。', expectedVersion: v }));
  await s.do('lz_gjj_ck1', [3, '09:50'], id, (d, a, v) => W.concludeOrder(d, a, id, { expectedVersion: v }));
  const b = await s.file({ key: 'conflict-b', by: 'wangwu', when: [3, '14:00'], to: ['lz_zj', '租赁'], title: '租房提取公积金材料', content: rent });
  await s.do('lz_zj_ck1', [2, '09:30'], b, (d, a, v) => W.signOrder(d, a, b, { expectedVersion: v }));
  await s.do('lz_zj_ck1', [2, '10:30'], b, (d, a, v) => W.replyOrder(d, a, b, { content: '需提供身份证、租赁合同和房屋租赁登记备案证明，每月最高可提取1200元。', expectedVersion: v }));
  await W.detectAnswerConflicts(deps, b);

  // a question the knowledge base could not settle, escalated into its order (now: the engine's index is per deps)
  const zhaoliu = s.actor('zhaoliu');
  const asked = await askQuestion(deps, zhaoliu, { text: '小区门口的路灯坏了好几天了，晚上出门很不安全，该找哪个部门？', regionCode: '390105', channel: 'web' });
  const escalated = await W.escalateQuestion(deps, zhaoliu, asked.id, { type: 'help' });
  s.ids.set('escalated', escalated.orderId);

  // 督办: flag what is overdue now
  await W.superviseOverdueOrders(deps);
  return s.ids;
}
