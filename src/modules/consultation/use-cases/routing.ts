/**
 * Routing (派单建议): which unit answers a question, by the duty lists (权责清单) and the asker's region.
 *
 * 1. The question is matched against the duties that apply in the asker's region chain (the district, its city, the
 *    province), each hit with a confidence 0..1 (retrieval.ts).
 * 2. The best hit names a line of work (the kind of department holding it: market regulation, housing fund…). Among
 *    the hits of that line whose confidence is within LOCAL_TOLERANCE of the best, the nearest department wins: the
 *    district's if it holds such a duty, else the city's, else the province's.
 * 3. A confidence below the configured threshold (TONGBAN_ROUTE_THRESHOLD, docs/operations.md) sends the question
 *    to the dispatcher: the government-services-and-data department (12345) of the asker's city, or of the
 *    province for a question asked at province level. Routing never returns nothing.
 */
import type { Deps } from '../../../platform/deps.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { COORDINATOR_KIND } from '../consultation.policy.js';
import type { RouteResult } from '../consultation.schemas.js';
import { engineOf, regionChain, type ConsultationEngine, type DeptInfo, type DutyMeta, type Scored } from './retrieval.js';

export interface RouteInput {
  text: string;
  regionCode: string;
  /**
   * A hint about the matter: a knowledge-base topic key (gjj.withdrawal.rent) or entry code whose department's line
   * of work is preferred, or plain words added to the question.
   */
  topicHint?: string | null;
}

/**
 * A more local department of the same line wins over the best hit when its duty's confidence is within this much of
 * the best, or at least this share of it: the nearer level holds the matter when it has such a duty at all.
 */
export const LOCAL_TOLERANCE = 0.1;
export const LOCAL_RATIO = 0.7;
/** Added to the duties of a confident instant answer's line of work, times the answer's score. */
export const HINT_BONUS = 0.15;

export async function routeQuestion(deps: Deps, input: RouteInput): Promise<RouteResult> {
  const engine = await engineOf(deps);
  await assertRegion(deps, input.regionCode);
  let text = input.text;
  let hint: RouteHint | null = null;
  const topic = input.topicHint?.trim();
  if (topic) {
    hint = hintOfTopic(engine, topic);
    if (!hint) text = `${text} ${topic}`;
  }
  return routeWith(deps, engine, text, input.regionCode, hint);
}

/** What a knowledge-base answer tells routing: its department's line of work, and words to find the duty behind it. */
export interface RouteHint {
  kind: string;
  text: string;
  /** The answer's score: the routing confidence is at least this when the line's duty is found. */
  score: number;
}

/** The line of work of the entries with this topic key or code (the first by code), or null. */
function hintOfTopic(engine: ConsultationEngine, topic: string): RouteHint | null {
  let best: { code: string; kind: string; question: string } | null = null;
  for (const m of engine.kb.meta.values()) {
    if (m.topic !== topic && m.code !== topic) continue;
    const kind = engine.departments.get(m.departmentId)?.kind;
    if (kind && (!best || m.code < best.code)) best = { code: m.code, kind, question: m.question };
  }
  return best ? { kind: best.kind, text: best.question, score: 0 } : null;
}

export async function assertRegion(deps: Deps, code: string): Promise<void> {
  const r = /^\d{6}$/.test(code) ? await deps.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst() : undefined;
  if (!r) throw invalid('consultation.unknown_region', `No region with code "${code.slice(0, 12)}".`, { field: 'regionCode' });
}

interface Ranked {
  h: Scored<DutyMeta>;
  c: number;
  dept: DeptInfo;
}

/**
 * Routing once the engine is at hand. With a hint (the line of work of a confident instant answer), the duties of that
 * line come first: the answer says what the question is about better than the duty words alone; if none of that line
 * matched the question, they are searched again with the answer's words added.
 */
export function routeWith(deps: Deps, engine: ConsultationEngine, text: string, regionCode: string, hint: RouteHint | null = null): RouteResult {
  const chain = regionChain(regionCode);
  const threshold = deps.config.consultationRouteThreshold;
  const kindOf = (m: DutyMeta) => engine.departments.get(m.departmentId)?.kind;
  const activeDept = (m: DutyMeta) => engine.departments.get(m.departmentId)?.active === true;
  const rank = (hits: Scored<DutyMeta>[]): Ranked[] =>
    hits.map((h) => ({ h, c: h.confidence, dept: engine.departments.get(h.meta.departmentId)! })).sort((a, b) => b.c - a.c || b.h.score - a.h.score);
  let ranked = rank(engine.duties.search(text, { regions: chain, limit: 30, accept: activeDept }));
  let floor = 0;
  if (hint) {
    // The duties of the answer's line get a bonus for the answer's confidence; if none matched the question, they are
    // looked for with the answer's own words added (the answer says what the question is about in the KB's terms).
    const byId = new Map<string, Ranked>();
    for (const r of ranked) if (r.dept.kind === hint.kind) byId.set(r.h.meta.id, r);
    if (byId.size === 0) {
      for (const r of rank(engine.duties.search(`${text} ${hint.text}`, { regions: chain, limit: 30, accept: (m) => activeDept(m) && kindOf(m) === hint.kind }))) {
        const had = byId.get(r.h.meta.id);
        if (!had || r.c > had.c) byId.set(r.h.meta.id, r);
      }
    }
    if (byId.size > 0) {
      ranked = [...[...byId.values()].map((r) => ({ ...r, c: Math.min(1, r.c + HINT_BONUS * hint.score) })), ...ranked.filter((r) => r.dept.kind !== hint.kind)]
        .sort((a, b) => b.c - a.c || b.h.score - a.h.score);
      if (ranked[0].dept.kind === hint.kind) floor = hint.score;
    }
  }

  let chosen = ranked[0];
  if (chosen) {
    // The nearest department of the same line among the near-best hits.
    const depth = (d: DeptInfo) => {
      const i = chain.indexOf(d.regionCode);
      return i < 0 ? chain.length : i;
    };
    const best = chosen.c;
    for (const r of ranked) {
      if (r.dept.kind !== chosen.dept.kind || (r.c < best - LOCAL_TOLERANCE && r.c < best * LOCAL_RATIO)) continue;
      if (depth(r.dept) < depth(chosen.dept)) chosen = r;
    }
    chosen = { ...chosen, c: Math.max(chosen.c, floor) };
  }
  const alternatives: RouteResult['alternatives'] = [];
  for (const r of ranked) {
    if (alternatives.length >= 3) break;
    if (chosen && r.dept.id === chosen.dept.id) continue;
    if (alternatives.some((a) => a.departmentId === r.dept.id)) continue;
    alternatives.push({ departmentId: r.dept.id, departmentName: r.dept.name, duty: { code: r.h.meta.code, matter: r.h.meta.matter }, confidence: round(r.c) });
  }

  const confidence = chosen ? round(chosen.c) : 0;
  if (chosen && confidence >= threshold) {
    const contact = chosen.h.meta.contact ?? chosen.dept.phone;
    return {
      departmentId: chosen.dept.id,
      departmentName: chosen.dept.name,
      departmentKind: chosen.dept.kind,
      contact: { phone: contact, address: chosen.dept.address },
      regionCode: chosen.dept.regionCode,
      duty: { code: chosen.h.meta.code, matter: chosen.h.meta.matter },
      confidence,
      toDispatcher: false,
      reason: `依据${chosen.dept.name}权责清单事项“${chosen.h.meta.matter}”（${chosen.h.meta.code}），由其承办。`,
      alternatives,
    };
  }
  const dispatcher = dispatcherOf(engine, chain);
  const nearest = chosen ? `最接近的事项：${chosen.dept.name}“${chosen.h.meta.matter}”（置信度 ${confidence}）。` : '权责清单中没有匹配的事项。';
  return {
    departmentId: dispatcher.id,
    departmentName: dispatcher.name,
    departmentKind: dispatcher.kind,
    contact: { phone: dispatcher.phone, address: dispatcher.address },
    regionCode: dispatcher.regionCode,
    duty: chosen ? { code: chosen.h.meta.code, matter: chosen.h.meta.matter } : null,
    confidence,
    toDispatcher: true,
    reason: `未能可靠确定承办单位（置信度低于 ${threshold}），转${dispatcher.name}人工分派。${nearest}`,
    alternatives: chosen ? [{ departmentId: chosen.dept.id, departmentName: chosen.dept.name, duty: { code: chosen.h.meta.code, matter: chosen.h.meta.matter }, confidence }, ...alternatives].slice(0, 3) : alternatives,
  };
}

/**
 * The dispatcher (12345) for an asker in the region chain: the government-services-and-data department of the city
 * (or of the province for a province-level asker); failing that, any such department up the chain.
 */
export function dispatcherOf(engine: ConsultationEngine, chain: string[]): DeptInfo {
  const of = (region: string, notDistrict: boolean) => {
    let found: DeptInfo | undefined;
    for (const d of engine.departments.values()) {
      if (d.active && d.kind === COORDINATOR_KIND && d.regionCode === region && (!notDistrict || d.level !== 'district')) {
        if (!found || d.id < found.id) found = d;
      }
    }
    return found;
  };
  for (const strict of [true, false]) {
    for (const region of chain) {
      const d = of(region, strict);
      if (d) return d;
    }
  }
  throw new AppError('conflict', 'consultation.no_dispatcher', 'No government services and data department (12345 dispatcher) is set up for this region.');
}

const round = (x: number) => Math.round(x * 1000) / 1000;
