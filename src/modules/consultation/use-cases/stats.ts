/**
 * The consultation centre's dashboard (决策支持: what people ask, where service is slow). Grouped counts only — each
 * figure is one GROUP BY or one aggregate over an indexed range, never rows pulled into the process:
 *
 * - questions asked in the window: by outcome, channel, routed unit, region, the duty matter routing matched and the
 *   first instant answer offered; votes on instant answers;
 * - work orders received in the window: by type, channel, unit, region; routed automatically or through the
 *   dispatcher; transfers, returns, rulings and hand-overs in the window; ratings given in the window;
 * - the backlog now: open orders by status, overdue and due soon (the same rules as the unit queues), at the dispatcher;
 * - open contradictions (knowledge-base entries and replies);
 * - a trend per China day.
 *
 * Questions are grouped by columns written when they are asked (`duty_code`, `top_entry_code`; migration 0015), over a
 * covering index for the whole-province view.
 *
 * A platform admin sees every department; a department admin sees their own department: the questions routed to it,
 * the orders it handles or dispatches (a 12345 centre), its ratings and the contradictions it is a side of.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { hasRole } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { chinaDay } from '../../../platform/db/china-day.js';
import { forbidden } from '../../../platform/errors.js';
import type { ConsultStats, StatsQuery } from '../consultation.stats.schemas.js';
import { AT_UNIT, CLOSED } from './orders-store.js';

const TOP = 10;
const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;

const n = (v: unknown): number => Number(v ?? 0);
const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The first instant of the China day `daysBack` days before the one holding `nowMs`, as UTC ISO. */
function chinaDayStart(nowMs: number, daysBack: number): string {
  const day = Math.floor((nowMs + CHINA_MS) / DAY_MS) - daysBack;
  return new Date(day * DAY_MS - CHINA_MS).toISOString();
}

export async function getConsultStats(deps: Deps, actor: Actor, query: StatsQuery): Promise<ConsultStats> {
  const all = hasRole(actor, 'platform_admin');
  if (!all && !(actor.kind === 'staff' && hasRole(actor, 'department_admin') && actor.departmentId)) {
    throw forbidden('consultation.stats_forbidden', 'The consultation dashboard is for platform admins and department admins.');
  }
  const dept = all ? null : actor.departmentId!;
  const { db, dialect } = deps;
  const days = query.days ?? 30;
  const nowMs = deps.clock.nowMs();
  const now = new Date(nowMs).toISOString();
  const from = chinaDayStart(nowMs, days - 1);

  // Questions in the window, of the scope.
  const questions = () => {
    const q = db.selectFrom('consultation_questions').where('created_at', '>=', from);
    return dept ? q.where('routed_department_id', '=', dept) : q;
  };
  // Orders of the scope (a unit: the ones it handles; a 12345 centre: also the ones at its dispatching desk).
  const orders = () => {
    const q = db.selectFrom('work_orders');
    return dept ? q.where((eb) => eb.or([eb('department_id', '=', dept), eb('dispatcher_department_id', '=', dept)])) : q;
  };
  const received = () => orders().where('created_at', '>=', from);
  const count = sql<number>`count(*)`;

  const [
    qGroups, qDept, qRegion, qTopics, qEntries, votes,
    oType, oChannel, oDept, oRegion, autoRouted, hops, bounces, ratings, backlog, clocks, overdueDept, oTrend, cTrend, kbOpen, answersOpen,
  ] = await Promise.all([
    // Outcome × channel × day in one pass (at most 3 × 4 × days groups), over a covering index.
    (() => {
      const day = chinaDay(dialect, 'created_at');
      return questions().select(['outcome', 'channel', day.as('day'), count.as('c')]).groupBy(['outcome', 'channel', day]).execute();
    })(),
    questions().select(['routed_department_id as id', count.as('c')]).groupBy('routed_department_id').orderBy('c', 'desc').orderBy('routed_department_id').limit(TOP).execute(),
    questions().select(['region_code as code', count.as('c')]).groupBy('region_code').orderBy('c', 'desc').orderBy('region_code').limit(TOP).execute(),
    questions().where('duty_code', 'is not', null).select(['duty_code as code', count.as('c')]).groupBy('duty_code').orderBy('c', 'desc').orderBy('duty_code').limit(TOP).execute(),
    questions().where('top_entry_code', 'is not', null).select(['top_entry_code as code', count.as('c')]).groupBy('top_entry_code').orderBy('c', 'desc').orderBy('top_entry_code').limit(TOP).execute(),
    (() => {
      let q = db.selectFrom('consultation_feedback as f').innerJoin('consultation_questions as q', 'q.id', 'f.question_id').where('q.created_at', '>=', from);
      if (dept) q = q.where('q.routed_department_id', '=', dept);
      return q.select([count.as('votes'), sql<number>`sum(f.helpful)`.as('helpful')]).executeTakeFirst();
    })(),

    received().select(['type', count.as('c')]).groupBy('type').execute(),
    received().select(['channel', count.as('c')]).groupBy('channel').execute(),
    received().where('department_id', 'is not', null).select(['department_id as id', count.as('c')]).groupBy('department_id').orderBy('c', 'desc').orderBy('department_id').limit(TOP).execute(),
    received().select(['region_code as code', count.as('c')]).groupBy('region_code').orderBy('c', 'desc').orderBy('region_code').limit(TOP).execute(),
    // Dispatched by routing at receipt: the first hop is a dispatch from no one (a dispatcher's has its desk as origin).
    (() => {
      let q = db.selectFrom('work_order_hops as h').innerJoin('work_orders as o', 'o.id', 'h.order_id')
        .where('o.created_at', '>=', from).where('h.seq', '=', 1).where('h.kind', '=', 'dispatch').where('h.from_department_id', 'is', null);
      if (dept) q = q.where((eb) => eb.or([eb('o.department_id', '=', dept), eb('o.dispatcher_department_id', '=', dept)]));
      return q.select(count.as('c')).executeTakeFirst();
    })(),
    (() => {
      let q = db.selectFrom('work_order_hops as h').where('h.at', '>=', from).where('h.kind', 'in', ['transfer', 'return', 'ruling', 'cross_region']);
      if (dept) q = q.where((eb) => eb.or([eb('h.from_department_id', '=', dept), eb('h.to_department_id', '=', dept)]));
      return q.select(['h.kind', count.as('c')]).groupBy('h.kind').execute();
    })(),
    received().select([sql<number>`sum(case when bounce_count > 0 then 1 else 0 end)`.as('bounced'), sql<number>`sum(final_ruling)`.as('final')]).executeTakeFirst(),
    (() => {
      const q = db.selectFrom('work_order_ratings').where('rated_at', '>=', from);
      return (dept ? q.where('department_id', '=', dept) : q).select(['rating', count.as('c')]).groupBy('rating').execute();
    })(),

    orders().select(['status', count.as('c')]).groupBy('status').execute(),
    orders().where('status', 'in', [...AT_UNIT]).where('paused', '=', 0).select([
      sql<number>`sum(case when due_at <= ${now} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when warn_at <= ${now} and due_at > ${now} then 1 else 0 end)`.as('due_soon'),
    ]).executeTakeFirst(),
    orders().where('status', 'in', [...AT_UNIT]).where('paused', '=', 0).where('due_at', '<=', now).where('department_id', 'is not', null)
      .select(['department_id as id', count.as('c')]).groupBy('department_id').orderBy('c', 'desc').orderBy('department_id').limit(TOP).execute(),
    (() => {
      const day = chinaDay(dialect, 'created_at');
      return received().select([day.as('day'), count.as('c')]).groupBy(day).execute();
    })(),
    (() => {
      const day = chinaDay(dialect, 'concluded_at');
      return orders().where('concluded_at', '>=', from).select([day.as('day'), count.as('c')]).groupBy(day).execute();
    })(),

    (() => {
      let q = db.selectFrom('kb_conflicts as k').where('k.status', '=', 'open');
      if (dept) {
        q = q.innerJoin('kb_entries as a', 'a.id', 'k.entry_a_id').innerJoin('kb_entries as b', 'b.id', 'k.entry_b_id')
          .where((eb) => eb.or([eb('a.department_id', '=', dept), eb('b.department_id', '=', dept)]));
      }
      return q.select(count.as('c')).executeTakeFirst();
    })(),
    (() => {
      const q = db.selectFrom('consultation_answer_conflicts').where('status', '=', 'open');
      return (dept ? q.where((eb) => eb.or([eb('department_a_id', '=', dept), eb('department_b_id', '=', dept)])) : q).select(count.as('c')).executeTakeFirst();
    })(),
  ]);

  // Names of what the counts refer to, in two reads.
  const topicRows = qTopics;
  const entryRows = qEntries;
  const [duties, entries] = await Promise.all([
    topicRows.length ? db.selectFrom('duty_entries').select(['code', 'matter', 'department_id']).where('code', 'in', topicRows.map((r) => r.code!)).execute() : [],
    entryRows.length ? db.selectFrom('kb_entries').select(['code', 'question', 'department_id']).where('code', 'in', entryRows.map((r) => r.code!)).execute() : [],
  ]);
  const deptIds = new Set<string>([...qDept, ...oDept, ...overdueDept].map((r) => r.id as string));
  for (const r of [...duties, ...entries]) deptIds.add(r.department_id);
  if (dept) deptIds.add(dept);
  const regionCodes = new Set([...qRegion, ...oRegion].map((r) => r.code));
  const [deptRows, regionRows] = await Promise.all([
    deptIds.size ? db.selectFrom('departments').select(['id', 'name', 'name_en']).where('id', 'in', [...deptIds]).execute() : [],
    regionCodes.size ? db.selectFrom('regions').select(['code', 'name', 'name_en']).where('code', 'in', [...regionCodes]).execute() : [],
  ]);
  const depts = new Map(deptRows.map((d) => [d.id, d]));
  const regions = new Map(regionRows.map((r) => [r.code, r]));
  const deptOf = (id: string) => ({ departmentId: id, departmentName: depts.get(id)?.name ?? id, departmentNameEn: depts.get(id)?.name_en ?? null });
  const regionOf = (code: string) => ({ regionCode: code, regionName: regions.get(code)?.name ?? code, regionNameEn: regions.get(code)?.name_en ?? null });
  const keyed = <K extends string>(rows: { c: unknown }[], key: K, get: (r: any) => string) => rows.map((r) => ({ [key]: get(r), count: n(r.c) }) as { [P in K]: string } & { count: number })
    .sort((a, b) => b.count - a.count || (a[key] < b[key] ? -1 : 1));

  const outcome = { answered: 0, routed: 0, dispatcher: 0 };
  const qChannelCount = new Map<string, number>();
  const qDays = new Map<string, number>();
  const aDays = new Map<string, number>();
  for (const r of qGroups) {
    const c = n(r.c);
    const day = String(r.day);
    outcome[r.outcome] += c;
    qChannelCount.set(r.channel, (qChannelCount.get(r.channel) ?? 0) + c);
    qDays.set(day, (qDays.get(day) ?? 0) + c);
    if (r.outcome === 'answered') aDays.set(day, (aDays.get(day) ?? 0) + c);
  }
  const qChannel = [...qChannelCount].map(([channel, c]) => ({ channel, c }));
  const qTotal = outcome.answered + outcome.routed + outcome.dispatcher;
  const voteCount = n(votes?.votes);
  const helpful = n(votes?.helpful);

  const oReceived = oType.reduce((s, r) => s + n(r.c), 0);
  const auto = n(autoRouted?.c);
  const hopCount = (kind: string) => n(hops.find((h) => h.kind === kind)?.c);
  const rating = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 };
  for (const r of ratings) rating[r.rating] = n(r.c);
  const ratingTotal = rating.satisfied + rating.basically_satisfied + rating.unsatisfied;
  const byStatus = keyed(backlog, 'status', (r) => r.status);
  const open = byStatus.filter((s) => !(CLOSED as readonly string[]).includes(s.status)).reduce((s, r) => s + r.count, 0);

  const trendDays: string[] = [];
  const today = Math.floor((nowMs + CHINA_MS) / DAY_MS);
  for (let i = days - 1; i >= 0; i--) trendDays.push(new Date((today - i) * DAY_MS).toISOString().slice(0, 10));
  const byDay = (rows: { day: unknown; c: unknown }[]) => new Map(rows.map((r) => [String(r.day), n(r.c)]));
  const oDays = byDay(oTrend);
  const cDays = byDay(cTrend);

  const scopeDept = dept ? deptOf(dept) : null;
  return {
    scope: { all, departmentId: dept, departmentName: scopeDept?.departmentName ?? null, departmentNameEn: scopeDept?.departmentNameEn ?? null },
    window: { days, from, to: now },
    questions: {
      total: qTotal,
      byOutcome: outcome,
      instantAnswerRate: rate(outcome.answered, qTotal),
      byChannel: keyed(qChannel, 'channel', (r) => r.channel),
      byDepartment: qDept.map((r) => ({ ...deptOf(r.id as string), count: n(r.c) })),
      byRegion: qRegion.map((r) => ({ ...regionOf(r.code), count: n(r.c) })),
      topTopics: topicRows.flatMap((r) => {
        const d = duties.find((x) => x.code === r.code);
        return d ? [{ dutyCode: d.code, matter: d.matter, ...deptOf(d.department_id), count: n(r.c) }] : [];
      }),
      topEntries: entryRows.flatMap((r) => {
        const e = entries.find((x) => x.code === r.code);
        return e ? [{ entryCode: e.code, question: e.question, ...deptOf(e.department_id), count: n(r.c) }] : [];
      }),
    },
    answers: { votes: voteCount, helpful, helpfulRate: rate(helpful, voteCount) },
    orders: {
      received: oReceived,
      byType: keyed(oType, 'type', (r) => r.type),
      byChannel: keyed(oChannel, 'channel', (r) => r.channel),
      byDepartment: oDept.map((r) => ({ ...deptOf(r.id as string), count: n(r.c) })),
      byRegion: oRegion.map((r) => ({ ...regionOf(r.code), count: n(r.c) })),
      routing: { auto, dispatcher: oReceived - auto },
      hops: { transfers: hopCount('transfer'), returns: hopCount('return'), rulings: hopCount('ruling'), crossRegion: hopCount('cross_region') },
      bounced: n(bounces?.bounced),
      finalRulings: n(bounces?.final),
      ratings: { ...rating, total: ratingTotal, satisfiedRate: rate(rating.satisfied + rating.basically_satisfied, ratingTotal) },
      open,
      atDispatcher: byStatus.find((s) => s.status === 'dispatching')?.count ?? 0,
      overdue: n(clocks?.overdue),
      dueSoon: n(clocks?.due_soon),
      byStatus,
      overdueByDepartment: overdueDept.map((r) => ({ ...deptOf(r.id as string), count: n(r.c) })),
    },
    contradictions: { kbOpen: n(kbOpen?.c), answersOpen: n(answersOpen?.c) },
    trend: trendDays.map((day) => ({ day, questions: qDays.get(day) ?? 0, answered: aDays.get(day) ?? 0, orders: oDays.get(day) ?? 0, concluded: cDays.get(day) ?? 0 })),
  };
}
