import type { Actor } from '../../../platform/actor.js';
import { hasRole, systemActor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { isUniqueViolation, withTx } from '../../../platform/db/database.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { normalizeText } from '../../../platform/search/index.js';
import { departmentNames, regionCovers } from '../../org/index.js';
import { canCoordinate, COORDINATOR_KIND } from '../consultation.policy.js';
import type { KbFacts } from '../consultation.schemas.js';
import { ANSWER_ASPECTS, type AnswerConflict, type AnswerConflictQuery } from '../consultation.orders.schemas.js';
import type { AnswerConflictsTable, WorkOrdersTable } from '../consultation.orders.tables.js';
import { findSimilarEntries, type SimilarEntry } from './contradictions.js';
import { cleanText, isOfficerOf, notifyDepartment } from './orders-store.js';

/*
 * Contradictory answers (7% of consultation complaints): when a unit replies to an order, its reply is compared with
 * (a) other units' replies to the same or a very similar question and (b) other units' knowledge-base entries on it.
 * "The same question": the two orders' words overlap strongly (Jaccard ≥ SAME_WORDS), or they overlap somewhat
 * (≥ RELATED_WORDS) and the engine's closest knowledge-base entry (findSimilarEntries) is the same entry or topic for
 * both. Entries count when findSimilarEntries scores them ≥ KB_MIN_SCORE for the order's question.
 * What is compared: facts extracted from the reply text — amounts of money (fees, or limits when worded as a
 * maximum), time limits in days, eligibility thresholds (months, years, age) and the list of materials to bring —
 * against the same facts of the other reply, or the entry's structured facts (falling back to its answer text).
 * A pair is flagged when both state a fact and share no value for it (materials: when the lists differ). Each pair is
 * one row of consultation_answer_conflicts, open until the 12345 centre or a platform admin resolves it; the two
 * units and the dispatcher are told.
 */

export const SAME_WORDS = 0.5;
export const RELATED_WORDS = 0.2;
export const KB_MIN_SCORE = 0.6;
/** Replies compared per new reply (the most recent, same province). */
const CANDIDATES = 500;

type Aspect = (typeof ANSWER_ASPECTS)[number];
export type ExtractedFacts = Record<Aspect, string[]>;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 3.5, 三, 十五, 二十: the number, or NaN. */
export function parseNumber(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return NaN;
  if (!s.includes('十')) return s.length === 1 ? CN_DIGITS[s] : NaN;
  const [tens, ones] = s.split('十');
  return (tens === '' ? 1 : CN_DIGITS[tens] ?? NaN) * 10 + (ones === '' || ones === undefined ? 0 : CN_DIGITS[ones] ?? NaN);
}

const NUM = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十]{1,3})';
const TIME_RE = new RegExp(`${NUM}\\s*个?\\s*(工作日|自然日|日|天)`, 'g');
const MONEY_RE = new RegExp(`${NUM}\\s*(万元|万|元)`, 'g');
const ELIGIBILITY_RE = new RegExp(`${NUM}\\s*(个月|周岁|岁|年)`, 'g');
const INSTANT = /即办|当场办结|当场办理|立即办理|当即办理/;
const FREE = /免费|不收费|不收取(任何)?费用|免收|无需(缴|付)费|零收费/;
const LIMIT_WORDS = /最高|不超过|不得超过|上限|额度|最多|限额|封顶|可贷|可提取|提取|贷款|补贴|补助|发放/;
const FEE_WORDS = /费|收取|缴纳|收费|工本|价格|标准为/;
const MATERIAL_LEAD = /(?:携带|提供|提交|准备|出示|带上|带好)(?:以下|如下)?(?:材料|资料|证件)?[:：]?([^。；;！!？?\n]+)/g;
const MATERIAL_NOUN = /^(\p{Script=Han}{0,14}?(?:证明|证书|合同|申请书|申请表|登记表|证|表|簿|执照|发票|协议|凭证|照片|清单|报告|回执|卡|书))/u;
const NOT_MATERIAL = /\d|工作日|个月|[零一二两三四五六七八九十]个|取证|领证|办证|发证|出证/;
const MATERIAL_TRIM = /(原件|复印件|及其|一份|两份|一式两份|各一份|有效的|有效|本人的|本人|相关的|相关|等材料|等资料|等)/g;

function uniq(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

/** Facts stated in a reply (or an answer): see the header. */
export function extractFacts(raw: string): ExtractedFacts {
  const text = normalizeText(raw);
  const out: ExtractedFacts = { materials: [], limit: [], fee: [], eligibility: [], timeLimit: [] };
  for (const m of text.matchAll(TIME_RE)) {
    const n = parseNumber(m[1]);
    if (Number.isFinite(n) && n <= 365) out.timeLimit.push(`${n}${m[2] === '工作日' ? '个工作日' : '日'}`);
  }
  if (INSTANT.test(text)) out.timeLimit.push('即办');
  if (FREE.test(text)) out.fee.push('0元');
  for (const m of text.matchAll(MONEY_RE)) {
    const n = parseNumber(m[1]);
    if (!Number.isFinite(n)) continue;
    const yuan = m[2] === '元' ? n : n * 10_000;
    const before = text.slice(Math.max(0, m.index! - 10), m.index!);
    const sentence = before.split(/[，,。；;]/).pop() ?? '';
    (FEE_WORDS.test(sentence) && !LIMIT_WORDS.test(sentence) ? out.fee : out.limit).push(`${yuan}元`);
  }
  for (const m of text.matchAll(ELIGIBILITY_RE)) {
    const n = parseNumber(m[1]);
    // "2024年" is a date, not a threshold
    if (!Number.isFinite(n) || (m[2] === '年' && n > 50)) continue;
    out.eligibility.push(`${n}${m[2] === '岁' ? '周岁' : m[2]}`);
  }
  for (const m of text.matchAll(MATERIAL_LEAD)) {
    for (const part of m[1].split(/[、，,和及与或]|以及/)) {
      // a material is a noun phrase ending like one (…证, …证明, …合同, …表, …簿): "户口簿到派出所补领" → 户口簿
      const item = MATERIAL_NOUN.exec(part.replace(MATERIAL_TRIM, '').replace(/[\s\p{P}\p{S}]+/gu, ''))?.[1];
      if (item && item.length >= 2 && !NOT_MATERIAL.test(item)) out.materials.push(item);
    }
  }
  return { materials: uniq(out.materials), limit: uniq(out.limit), fee: uniq(out.fee), eligibility: uniq(out.eligibility), timeLimit: uniq(out.timeLimit) };
}

/** An entry's facts: its structured facts where given, otherwise what its answer says. */
export function entryFacts(e: Pick<SimilarEntry, 'answer' | 'facts'>): ExtractedFacts {
  const fromAnswer = extractFacts(e.answer);
  const f: KbFacts = e.facts ?? {};
  const pick = (aspect: Aspect, value: string | undefined, from: keyof ExtractedFacts = aspect) => {
    if (!value) return fromAnswer[aspect];
    const x = extractFacts(value);
    // a fact written as a whole ("免费", "3个工作日") is read with the extractor of its own aspect
    return x[from].length ? x[from] : aspect === 'fee' || aspect === 'limit' ? [...x.fee, ...x.limit] : [];
  };
  return {
    materials: f.materials?.length ? uniq(f.materials.map((m) => normalizeText(m).replace(MATERIAL_TRIM, '').replace(/[\s\p{P}\p{S}]+/gu, ''))) : fromAnswer.materials,
    limit: pick('limit', f.limit),
    fee: pick('fee', f.fee),
    eligibility: pick('eligibility', f.eligibility),
    timeLimit: pick('timeLimit', f.timeLimit),
  };
}

export interface FactDifference {
  aspect: Aspect;
  a: string[];
  b: string[];
}

/** Aspects both sides state and on which they share nothing (materials: any difference in the list). */
export function compareExtracted(a: ExtractedFacts, b: ExtractedFacts): FactDifference[] {
  const out: FactDifference[] = [];
  for (const aspect of ANSWER_ASPECTS) {
    const x = a[aspect];
    const y = b[aspect];
    if (x.length === 0 || y.length === 0) continue;
    const differs = aspect === 'materials' ? x.length !== y.length || x.some((v) => !y.includes(v)) : !x.some((v) => y.includes(v));
    if (differs) out.push({ aspect, a: x, b: y });
  }
  return out;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const inter = new Set(a.filter((x) => sb.has(x))).size;
  return inter / (new Set(a).size + sb.size - inter);
}

const questionOf = (o: Pick<WorkOrdersTable, 'title' | 'content'>) => (o.content.startsWith(o.title.replace(/…$/, '')) ? o.content : `${o.title}\n${o.content}`);

async function topEntry(deps: Deps, o: WorkOrdersTable): Promise<SimilarEntry | null> {
  return (await findSimilarEntries(deps, questionOf(o), o.region_code, { limit: 1, minScore: 0.5 }))[0] ?? null;
}

/**
 * Compares an order's reply with other units' replies and entries; records each contradicting pair (once). Runs after
 * the reply has been committed. Answers the conflicts recorded now.
 */
export async function detectAnswerConflicts(deps: Deps, orderId: string, actor: Actor = systemActor('answer-conflicts')): Promise<string[]> {
  const o = await deps.db.selectFrom('work_orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!o?.reply || !o.department_id) return [];
  const mine = extractFacts(o.reply);
  if (ANSWER_ASPECTS.every((a) => mine[a].length === 0)) return [];
  const terms = JSON.parse(o.terms) as string[];
  const found: Array<Omit<AnswerConflictsTable, 'id' | 'status' | 'detected_at' | 'resolved_at' | 'resolved_by' | 'resolution_note'>> = [];

  // (a) other units' replies to the same or a very similar question
  const since = new Date(Date.parse(deps.clock.nowIso()) - 365 * 86_400_000).toISOString();
  const others = await deps.db.selectFrom('work_orders').selectAll().where('reply', 'is not', null).where('id', '!=', o.id)
    .where('department_id', 'is not', null).where('department_id', '!=', o.department_id).where('region_code', 'like', `${o.region_code.slice(0, 2)}%`)
    .where('replied_at', '>=', since).orderBy('replied_at', 'desc').limit(CANDIDATES).execute();
  let myTop: SimilarEntry | null | undefined;
  for (const p of others) {
    const sim = jaccard(terms, JSON.parse(p.terms) as string[]);
    if (sim < RELATED_WORDS) continue;
    let topic: string | null = null;
    if (sim < SAME_WORDS) {
      if (myTop === undefined) myTop = await topEntry(deps, o);
      const theirTop = myTop ? await topEntry(deps, p) : null;
      const same = !!myTop && !!theirTop && (myTop.entryId === theirTop.entryId || (!!myTop.topic && myTop.topic === theirTop.topic));
      if (!same) continue;
      topic = myTop!.topic;
    }
    const diffs = compareExtracted(mine, extractFacts(p.reply!));
    if (diffs.length === 0) continue;
    const [a, b] = o.id < p.id ? [o, p] : [p, o];
    const differences = a === o ? diffs : diffs.map((d) => ({ aspect: d.aspect, a: d.b, b: d.a }));
    found.push({
      kind: 'reply_reply', order_a_id: a.id, order_b_id: b.id, entry_id: null, pair_key: b.id, department_a_id: a.department_id!, department_b_id: b.department_id!,
      topic, similarity: Math.round(sim * 1000) / 1000, differences: JSON.stringify(differences),
    });
  }

  // (b) other units' knowledge-base entries on the same question
  const entries = await findSimilarEntries(deps, questionOf(o), o.region_code, { limit: 5, minScore: KB_MIN_SCORE });
  for (const e of entries) {
    if (e.departmentId === o.department_id) continue;
    const diffs = compareExtracted(mine, entryFacts(e));
    if (diffs.length === 0) continue;
    found.push({
      kind: 'reply_kb', order_a_id: o.id, order_b_id: null, entry_id: e.entryId, pair_key: `kb:${e.entryId}`, department_a_id: o.department_id, department_b_id: e.departmentId,
      topic: e.topic, similarity: e.score, differences: JSON.stringify(diffs),
    });
  }

  const recorded: string[] = [];
  for (const f of found) {
    const id = newId();
    try {
      await withTx(deps.db, async (tx) => {
        const now = deps.clock.nowIso();
        await tx.insertInto('consultation_answer_conflicts').values({ ...f, id, status: 'open', detected_at: now, resolved_at: null, resolved_by: null, resolution_note: null }).execute();
        const subject = { id: o.id, order_number: o.order_number, title: o.title };
        for (const d of new Set([o.dispatcher_department_id, f.department_a_id, f.department_b_id])) await notifyDepartment(tx, deps, d, subject, 'answer_conflict', '不同单位答复口径不一致，请协调');
        await recordChange(tx, deps, actor, {
          audit: { action: 'consultation.answer_conflict.detected', targetType: 'answer_conflict', targetId: id, departmentId: o.department_id, regionCode: o.region_code, details: { kind: f.kind, orderNumber: o.order_number, aspects: (JSON.parse(f.differences) as FactDifference[]).map((d) => d.aspect) } },
          event: { aggregateType: 'answer_conflict', aggregateId: id, payload: { conflictId: id, kind: f.kind, orderAId: f.order_a_id, orderBId: f.order_b_id, entryId: f.entry_id } },
        });
      });
      recorded.push(id);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // the pair is already on record
    }
  }
  return recorded;
}

// ---- listing and resolving

async function kindOf(deps: Deps, departmentId: string | null): Promise<{ kind: string; region_code: string } | undefined> {
  return departmentId ? deps.db.selectFrom('departments').select(['kind', 'region_code']).where('id', '=', departmentId).executeTakeFirst() : undefined;
}

async function toAnswerConflicts(deps: Deps, rows: AnswerConflictsTable[]): Promise<AnswerConflict[]> {
  const orderIds = [...new Set(rows.flatMap((r) => [r.order_a_id, r.order_b_id]).filter((x): x is string => !!x))];
  const entryIds = [...new Set(rows.map((r) => r.entry_id).filter((x): x is string => !!x))];
  const orders = new Map((orderIds.length ? await deps.db.selectFrom('work_orders').select(['id', 'order_number', 'title', 'content', 'reply']).where('id', 'in', orderIds).execute() : []).map((o) => [o.id, o]));
  const entries = new Map((entryIds.length ? await deps.db.selectFrom('kb_entries').select(['id', 'code', 'question', 'answer']).where('id', 'in', entryIds).execute() : []).map((e) => [e.id, e]));
  const names = await departmentNames(deps.db, rows.flatMap((r) => [r.department_a_id, r.department_b_id]));
  const orderSide = (id: string, dept: string) => {
    const o = orders.get(id)!;
    return { orderId: o.id, orderNumber: o.order_number, entryCode: null, departmentId: dept, departmentName: names.get(dept)?.name ?? '', question: questionOf(o), answer: o.reply ?? '' };
  };
  return rows.map((r) => {
    const e = r.entry_id ? entries.get(r.entry_id) : undefined;
    const b = r.order_b_id ? orderSide(r.order_b_id, r.department_b_id)
      : { orderId: null, orderNumber: null, entryCode: e?.code ?? null, departmentId: r.department_b_id, departmentName: names.get(r.department_b_id)?.name ?? '', question: e?.question ?? '', answer: e?.answer ?? '' };
    return {
      id: r.id, kind: r.kind, status: r.status, topic: r.topic, similarity: Number(r.similarity), sides: [orderSide(r.order_a_id, r.department_a_id), b],
      differences: JSON.parse(r.differences), detectedAt: r.detected_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, resolutionNote: r.resolution_note,
    };
  });
}

/**
 * Contradictions for coordination, newest first: all for a platform admin; for the 12345 centre (staff of a
 * government-services-and-data department) those involving a department of its region; for a unit, its own.
 */
export async function findAnswerConflicts(deps: Deps, actor: Actor, query: AnswerConflictQuery): Promise<PageResult<AnswerConflict>> {
  if (actor.kind !== 'staff') throw forbidden('consultation.not_an_officer', 'Answer contradictions are for staff.');
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  let q = deps.db.selectFrom('consultation_answer_conflicts as c').innerJoin('departments as da', 'da.id', 'c.department_a_id').innerJoin('departments as db', 'db.id', 'c.department_b_id')
    .selectAll('c').orderBy('c.detected_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1);
  if (query.status) q = q.where('c.status', '=', query.status);
  if (!hasRole(actor, 'platform_admin', 'auditor')) {
    const mine = await kindOf(deps, actor.departmentId);
    if (mine?.kind === COORDINATOR_KIND && actor.regionCode) {
      const prefix = actor.regionCode.endsWith('0000') ? actor.regionCode.slice(0, 2) : actor.regionCode.endsWith('00') ? actor.regionCode.slice(0, 4) : actor.regionCode;
      q = q.where((eb) => eb.or([eb('da.region_code', 'like', `${prefix}%`), eb('db.region_code', 'like', `${prefix}%`)]));
    } else {
      const d = actor.departmentId ?? '__none__';
      q = q.where((eb) => eb.or([eb('c.department_a_id', '=', d), eb('c.department_b_id', '=', d)]));
    }
  }
  if (after) q = q.where((eb) => eb(eb.refTuple('c.detected_at', 'c.id'), '<', eb.tuple(after[0], after[1])));
  const page = pageOf(await q.execute(), limit, (r) => [r.detected_at, r.id]);
  return { items: await toAnswerConflicts(deps, page.items), nextCursor: page.nextCursor };
}

/** The 12345 centre (its department admin, for departments of its region) or a platform admin settles a contradiction. */
export async function resolveAnswerConflict(deps: Deps, actor: Actor, id: string, note: string): Promise<AnswerConflict> {
  const text = cleanText(note, 'note');
  await withTx(deps.db, async (tx) => {
    const c = await tx.selectFrom('consultation_answer_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('consultation.answer_conflict_not_found', 'No such answer contradiction.');
    const depts = await tx.selectFrom('departments').select('region_code').where('id', 'in', [c.department_a_id, c.department_b_id]).execute();
    const mine = actor.departmentId ? await tx.selectFrom('departments').select('kind').where('id', '=', actor.departmentId).executeTakeFirst() : undefined;
    const coordinator = canCoordinate(actor, mine?.kind ?? null, depts.map((d) => d.region_code))
      || (mine?.kind === COORDINATOR_KIND && isOfficerOf(actor, actor.departmentId) && !!actor.regionCode && depts.some((d) => regionCovers(actor.regionCode!, d.region_code)));
    if (!coordinator) throw forbidden('consultation.not_a_coordinator', 'Contradictions are settled by the 12345 centre of the region or a platform admin.');
    if (c.status === 'resolved') throw conflict('consultation.answer_conflict_resolved', 'This contradiction has already been resolved.');
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('consultation_answer_conflicts').set({ status: 'resolved', resolved_at: now, resolved_by: actor.displayName, resolution_note: text })
      .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('consultation.answer_conflict_resolved', 'This contradiction has already been resolved.');
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.answer_conflict.resolved', targetType: 'answer_conflict', targetId: id, details: { note: text } },
      event: { aggregateType: 'answer_conflict', aggregateId: id, payload: { conflictId: id, status: 'resolved' } },
    });
  });
  const row = await deps.db.selectFrom('consultation_answer_conflicts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toAnswerConflicts(deps, [row]))[0];
}
