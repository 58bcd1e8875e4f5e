/**
 * Contradictions between units' knowledge-base entries (7% of consultation complaints: different answers from
 * different units). When an entry is created, edited or imported, the valid entries of *other* departments on the same
 * topic (same `topic` key, or — where the two do not both carry a topic key — a very similar question) whose regions overlap its regions are compared fact by fact
 * (materials, limit, fee, eligibility, time limit). Each pair that differs is recorded in kb_conflicts (one row per
 * pair, open until resolved) and returned to the editor as a warning; a pair whose facts agree again is resolved by
 * itself. Platform admins and the data bureau (政务服务和数据管理局) list and resolve them.
 *
 * `findSimilarEntries` is what the work-order side uses to compare units' replies with the knowledge base.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import { withTx } from '../../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { normalizeText } from '../../../platform/search/index.js';
import { regionCovers, regionPrefix } from '../../org/index.js';
import { canCoordinate } from '../consultation.policy.js';
import { FACT_KEYS, type Basis, type FactKey, type KbConflict, type KbFacts, type KbWarning } from '../consultation.schemas.js';
import { engineOf, isValidOn, regionChain, todayOf, type ConsultationEngine, type KbMeta } from './retrieval.js';

/** Confidence above which another unit's entry counts as the same question. */
export const SIMILAR_CONFIDENCE = 0.85;

export interface FactDiff {
  fact: FactKey;
  mine: string | string[];
  theirs: string | string[];
}

/** Regions overlap when one region of each side covers the other (a city and one of its districts overlap). */
export function regionsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => regionCovers(x, y) || regionCovers(y, x)));
}

const PUNCT = /[\s\p{P}\p{S}]+/gu;
const FREE = new Set(['免费', '不收费', '无', '无收费', '0元', '零元', '不收取费用', '免收']);

function normFact(fact: FactKey, v: string): string {
  const n = normalizeText(v).replace(PUNCT, '');
  if (fact === 'fee' && FREE.has(n)) return '免费';
  return n;
}

/** The facts both entries state and that differ (materials as sets of names). */
export function compareFacts(mine: KbFacts | null, theirs: KbFacts | null): FactDiff[] {
  if (!mine || !theirs) return [];
  const out: FactDiff[] = [];
  for (const fact of FACT_KEYS) {
    const a = mine[fact];
    const b = theirs[fact];
    if (a === undefined || b === undefined) continue;
    if (fact === 'materials') {
      const sa = new Set((a as string[]).map((x) => normFact(fact, x)));
      const sb = new Set((b as string[]).map((x) => normFact(fact, x)));
      if (sa.size !== sb.size || [...sa].some((x) => !sb.has(x))) out.push({ fact, mine: a as string[], theirs: b as string[] });
    } else if (normFact(fact, a as string) !== normFact(fact, b as string)) {
      out.push({ fact, mine: a as string, theirs: b as string });
    }
  }
  return out;
}

export interface ConflictSubject {
  /** null for an entry not written yet (its id is assigned by the caller first). */
  id: string;
  code: string;
  departmentId: string;
  question: string;
  topic: string | null;
  regionCodes: string[];
  validFrom: string | null;
  validTo: string | null;
  facts: KbFacts | null;
  status: 'active' | 'retired';
}

export interface Candidate {
  meta: KbMeta;
  facts: KbFacts | null;
  departmentName: string;
}

/** Other units' valid entries on the same topic or with a very similar question, in overlapping regions. */
export async function conflictCandidates(deps: Deps, engine: ConsultationEngine, s: ConflictSubject, exclude: Set<string> = new Set()): Promise<Candidate[]> {
  if (s.status !== 'active') return [];
  const today = todayOf(deps);
  const found = new Map<string, KbMeta>();
  const consider = (m: KbMeta) => {
    if (m.id === s.id || exclude.has(m.id) || m.departmentId === s.departmentId) return;
    if (!isValidOn(m, today) || !regionsOverlap(m.regionCodes, s.regionCodes)) return;
    found.set(m.id, m);
  };
  if (s.topic) for (const m of engine.kb.byTopic(s.topic)) consider(m);
  // A very similar question counts only where a topic key does not settle it (two different topics are two matters).
  for (const h of engine.kb.similar(s.question, 10)) {
    if (h.confidence >= SIMILAR_CONFIDENCE && !(s.topic && h.meta.topic && s.topic !== h.meta.topic)) consider(h.meta);
  }
  if (found.size === 0) return [];
  const rows = await deps.db.selectFrom('kb_entries').select(['id', 'facts', 'status']).where('id', 'in', [...found.keys()]).execute();
  return rows
    .filter((r) => r.status === 'active')
    .map((r) => ({ meta: found.get(r.id)!, facts: r.facts ? (JSON.parse(r.facts) as KbFacts) : null, departmentName: engine.departments.get(found.get(r.id)!.departmentId)?.name ?? '' }))
    .sort((a, b) => (a.meta.code < b.meta.code ? -1 : 1));
}

/**
 * Inside the caller's transaction: records (or updates) a conflict for each candidate whose facts differ, resolves the
 * subject's open conflicts that no longer hold, and returns the warnings for the editor.
 */
export async function recordConflicts(tx: Tx, deps: Deps, actor: Actor, s: ConflictSubject, candidates: Candidate[]): Promise<KbWarning[]> {
  const now = deps.clock.nowIso();
  const warnings: KbWarning[] = [];
  const differing = new Set<string>();
  for (const c of candidates) {
    const diffs = compareFacts(s.facts, c.facts);
    if (diffs.length === 0) continue;
    differing.add(c.meta.id);
    const [aId, bId] = s.id < c.meta.id ? [s.id, c.meta.id] : [c.meta.id, s.id];
    const subjectIsA = aId === s.id;
    const stored = JSON.stringify(diffs.map((d) => ({ fact: d.fact, a: subjectIsA ? d.mine : d.theirs, b: subjectIsA ? d.theirs : d.mine })));
    const topic = s.topic && s.topic === c.meta.topic ? s.topic : s.topic ?? c.meta.topic;
    const existing = await tx.selectFrom('kb_conflicts').select(['id', 'status', 'differences']).where('entry_a_id', '=', aId).where('entry_b_id', '=', bId).executeTakeFirst();
    let conflictId: string;
    if (!existing) {
      conflictId = newId();
      await tx.insertInto('kb_conflicts').values({
        id: conflictId, entry_a_id: aId, entry_b_id: bId, topic, differences: stored, status: 'open', detected_at: now, detected_by: actor.username,
        updated_at: now, resolved_at: null, resolved_by: null, resolution_note: null,
      }).execute();
      await recordChange(tx, deps, actor, {
        audit: { action: 'consultation.kb_conflict.detected', targetType: 'kb_conflict', targetId: conflictId, details: { entries: [s.code, c.meta.code], facts: diffs.map((d) => d.fact) } },
        event: { aggregateType: 'kb_conflict', aggregateId: conflictId, payload: { entries: [s.code, c.meta.code], facts: diffs.map((d) => d.fact) } },
      });
    } else {
      conflictId = existing.id;
      if (existing.differences !== stored || existing.status !== 'open') {
        // Differences changed, or a resolved pair differs again: open with what differs now.
        await tx.updateTable('kb_conflicts').set({ differences: stored, status: 'open', topic, updated_at: now, resolved_at: null, resolved_by: null, resolution_note: null }).where('id', '=', existing.id).execute();
      }
    }
    warnings.push({ entryCode: c.meta.code, departmentId: c.meta.departmentId, departmentName: c.departmentName, conflictId, differences: diffs });
  }
  // Open conflicts of the subject that no longer hold (facts now agree, entry retired, no longer similar).
  const open = await tx.selectFrom('kb_conflicts').select(['id', 'entry_a_id', 'entry_b_id'])
    .where('status', '=', 'open').where((eb) => eb.or([eb('entry_a_id', '=', s.id), eb('entry_b_id', '=', s.id)])).execute();
  for (const o of open) {
    const other = o.entry_a_id === s.id ? o.entry_b_id : o.entry_a_id;
    if (differing.has(other)) continue;
    await tx.updateTable('kb_conflicts').set({
      status: 'resolved', updated_at: now, resolved_at: now, resolved_by: actor.username,
      resolution_note: s.status === 'retired' ? '条目已停用（自动关闭）' : '再次保存后事实一致或不再相似（自动关闭）',
    }).where('id', '=', o.id).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'consultation.kb_conflict.resolved', targetType: 'kb_conflict', targetId: o.id, details: { automatic: true, entry: s.code } } });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------------------------
// Coordination: list and resolve

async function actorDepartmentKind(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (!actor.departmentId) return null;
  const d = await db.selectFrom('departments').select('kind').where('id', '=', actor.departmentId).executeTakeFirst();
  return d?.kind ?? null;
}

function conflictQuery(db: DbOrTx) {
  return db.selectFrom('kb_conflicts as c')
    .innerJoin('kb_entries as a', 'a.id', 'c.entry_a_id')
    .innerJoin('kb_entries as b', 'b.id', 'c.entry_b_id')
    .innerJoin('departments as da', 'da.id', 'a.department_id')
    .innerJoin('departments as db', 'db.id', 'b.department_id')
    .select([
      'c.id', 'c.status', 'c.topic', 'c.differences', 'c.detected_at', 'c.detected_by', 'c.updated_at', 'c.resolved_at', 'c.resolved_by', 'c.resolution_note',
      'a.code as a_code', 'a.department_id as a_dept', 'a.question as a_question', 'a.status as a_status', 'da.name as a_dept_name', 'da.region_code as a_region',
      'b.code as b_code', 'b.department_id as b_dept', 'b.question as b_question', 'b.status as b_status', 'db.name as b_dept_name', 'db.region_code as b_region',
    ]);
}
type ConflictRow = Awaited<ReturnType<ReturnType<typeof conflictQuery>['executeTakeFirstOrThrow']>>;

function toConflict(r: ConflictRow): KbConflict {
  return {
    id: r.id, status: r.status, topic: r.topic,
    entries: [
      { code: r.a_code, departmentId: r.a_dept, departmentName: r.a_dept_name, question: r.a_question, status: r.a_status },
      { code: r.b_code, departmentId: r.b_dept, departmentName: r.b_dept_name, question: r.b_question, status: r.b_status },
    ],
    differences: JSON.parse(r.differences), detectedAt: r.detected_at, detectedBy: r.detected_by, updatedAt: r.updated_at,
    resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, resolutionNote: r.resolution_note,
  };
}

/** Contradictions, most recently changed first: all for a platform admin; for the data bureau, those touching its region. */
export async function listConflicts(deps: Deps, actor: Actor, query: { status?: 'open' | 'resolved'; limit?: number; cursor?: string }): Promise<PageResult<KbConflict>> {
  const kind = await actorDepartmentKind(deps.db, actor);
  if (!canCoordinate(actor, kind)) throw forbidden('consultation.not_coordinator', 'Only platform admins and the data bureau’s admins coordinate contradictions.');
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const platform = actor.kind === 'system' || actor.roles.includes('platform_admin');
  let q = conflictQuery(deps.db).orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1);
  if (query.status) q = q.where('c.status', '=', query.status);
  if (!platform && actor.regionCode) {
    const prefix = regionPrefix(actor.regionCode);
    q = q.where((eb) => eb.or([eb('da.region_code', 'like', `${prefix}%`), eb('db.region_code', 'like', `${prefix}%`)]));
  }
  if (after) q = q.where((eb) => eb.or([eb('c.updated_at', '<', after[0]), eb.and([eb('c.updated_at', '=', after[0]), eb('c.id', '<', after[1])])]));
  const page = pageOf(await q.execute(), limit, (r) => [r.updated_at, r.id]);
  return { nextCursor: page.nextCursor, items: page.items.map(toConflict) };
}

export async function resolveConflict(deps: Deps, actor: Actor, id: string, note: string): Promise<KbConflict> {
  const c = await conflictQuery(deps.db).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw notFound('consultation.conflict_not_found', 'No such contradiction.');
  const kind = await actorDepartmentKind(deps.db, actor);
  if (!canCoordinate(actor, kind, [c.a_region, c.b_region])) throw forbidden('consultation.not_coordinator', 'Only platform admins and the data bureau’s admins of the region resolve contradictions.');
  if (c.status !== 'open') throw invalid('consultation.conflict_resolved', 'This contradiction is resolved already.');
  const text = note.trim();
  if (!text) throw invalid('consultation.note_required', 'Say how the contradiction was resolved.');
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    await tx.updateTable('kb_conflicts').set({ status: 'resolved', resolved_at: now, resolved_by: actor.username, resolution_note: text, updated_at: now }).where('id', '=', id).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.kb_conflict.resolved', targetType: 'kb_conflict', targetId: id, details: { note: text } },
      event: { aggregateType: 'kb_conflict', aggregateId: id, payload: { status: 'resolved' } },
    });
  });
  return toConflict(await conflictQuery(deps.db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

// ---------------------------------------------------------------------------------------------------------------
// For the work-order side

export interface SimilarEntry {
  entryId: string;
  entryCode: string;
  departmentId: string;
  departmentName: string;
  question: string;
  answer: string;
  basis: Basis[];
  topic: string | null;
  facts: KbFacts | null;
  /** 0..1 confidence that the entry is about the same question. */
  score: number;
}

/** Valid entries applying in the region whose question is close to `text` (best first, at most `limit`, score ≥ minScore). */
export async function findSimilarEntries(deps: Deps, text: string, regionCode: string, opts: { limit?: number; minScore?: number } = {}): Promise<SimilarEntry[]> {
  const engine = await engineOf(deps);
  const hits = engine.kb.search(text, { regions: regionChain(regionCode), today: todayOf(deps), limit: opts.limit ?? 5 })
    .filter((h) => h.confidence >= (opts.minScore ?? 0.5));
  if (hits.length === 0) return [];
  const rows = new Map((await deps.db.selectFrom('kb_entries').select(['id', 'answer', 'basis', 'facts']).where('id', 'in', hits.map((h) => h.meta.id)).execute()).map((r) => [r.id, r]));
  return hits.filter((h) => rows.has(h.meta.id)).map((h) => {
    const r = rows.get(h.meta.id)!;
    return {
      entryId: h.meta.id, entryCode: h.meta.code, departmentId: h.meta.departmentId, departmentName: engine.departments.get(h.meta.departmentId)?.name ?? '',
      question: h.meta.question, answer: r.answer, basis: JSON.parse(r.basis) as Basis[], topic: h.meta.topic, facts: r.facts ? (JSON.parse(r.facts) as KbFacts) : null, score: h.confidence,
    };
  });
}
