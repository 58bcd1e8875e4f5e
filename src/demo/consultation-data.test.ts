/**
 * The consultation demo content: knowledge base, duty lists and the labelled evaluation set agree with the demo
 * province (departments, regions, catalogue), with each other, and with the rules the engine applies (routing to the
 * nearest department holding the matter, validity, contradictions between units).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoDepartments, demoRegions, DEMO_REFERENCE_DATE } from './province-data.js';
import { buildDemoCatalog } from './catalog-data.js';
import { DEMO_KB_CONTRADICTIONS, demoKbEntries, type KbEntryInput } from './consultation-kb-data.js';
import { demoDuties, demoDutyTopics, topicCovers } from './consultation-duties-data.js';
import { compareFacts } from '../modules/consultation/use-cases/contradictions.js';

interface EvalQuestion {
  id: string;
  text: string;
  regionCode: string;
  style: 'paraphrase' | 'colloquial' | 'typo' | 'out_of_scope' | 'multi_intent';
  expectedDepartmentKey: string | null;
  expectedEntryCode: string | null;
  /** The matter the question is about (the knowledge-base topic key); null when out of scope. */
  topic: string | null;
}

const evalSet = JSON.parse(readFileSync(new URL('../../bench/consultation-eval.json', import.meta.url), 'utf8')) as { questions: EvalQuestion[] };
const questions = evalSet.questions;

const deptByKey = new Map(demoDepartments.map((d) => [d.key, d]));
const regionByCode = new Map(demoRegions.map((r) => [r.code, r]));
const basicCodes = new Set(buildDemoCatalog().basicItems.map((b) => b.code));
const entryByCode = new Map(demoKbEntries.map((e) => [e.code, e]));

/** The region and the regions above it, nearest first. */
function chain(code: string): string[] {
  const out: string[] = [];
  for (let r = regionByCode.get(code); r; r = r.parentCode ? regionByCode.get(r.parentCode) : undefined) out.push(r.code);
  return out;
}
/** Does region `outer` cover region `inner` (itself or a region below it)? */
const covers = (outer: string, inner: string) => chain(inner).includes(outer);
const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.some((y) => covers(x, y) || covers(y, x)));
const isValid = (e: KbEntryInput) => (!e.validFrom || e.validFrom <= DEMO_REFERENCE_DATE) && (!e.validTo || e.validTo >= DEMO_REFERENCE_DATE);
const chars = (s: string) => [...s].length;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
const TOPIC = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whitespace, punctuation and symbols removed, full-width folded, lower case. */
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** The departments holding a duty on this topic, nearest level of the asker's region chain first. */
function nearestHolders(topic: string, regionCode: string): string[] {
  for (const rc of chain(regionCode)) {
    const holders = new Set(
      demoDuties.filter((d) => d.regionCodes.includes(rc) && demoDutyTopics[d.code].some((p) => topicCovers(p, topic))).map((d) => d.departmentKey),
    );
    if (holders.size > 0) return [...holders];
  }
  return [];
}

describe('duty lists (权责清单)', () => {
  it('every demo department has at least three duties, in its own region', () => {
    for (const d of demoDepartments) {
      const own = demoDuties.filter((x) => x.departmentKey === d.key);
      expect(own.length, d.key).toBeGreaterThanOrEqual(3);
      for (const x of own) expect(x.regionCodes, x.code).toEqual([d.regionCode]);
    }
  });

  it('names existing departments and regions, with unique well-formed codes and texts within the import limits', () => {
    const codes = new Set<string>();
    for (const x of demoDuties) {
      expect(deptByKey.has(x.departmentKey), x.code).toBe(true);
      for (const r of x.regionCodes) expect(regionByCode.has(r), `${x.code} ${r}`).toBe(true);
      expect(codes.has(x.code), x.code).toBe(false);
      codes.add(x.code);
      expect(x.code).toMatch(CODE);
      expect(x.code.startsWith(`DUTY-${x.departmentKey}-`)).toBe(true);
      expect(chars(x.matter)).toBeGreaterThanOrEqual(2);
      expect(chars(x.matter)).toBeLessThanOrEqual(100);
      expect(x.description).not.toMatch(/\{R\}|undefined/);
      expect(x.keywords.length, x.code).toBeGreaterThanOrEqual(3);
      expect(x.keywords.length).toBeLessThanOrEqual(60);
      for (const k of x.keywords) expect(chars(k), k).toBeLessThanOrEqual(40);
      expect(new Set(x.keywords).size, `${x.code} repeats a keyword`).toBe(x.keywords.length);
      if (x.basis) expect(chars(x.basis)).toBeLessThanOrEqual(300);
      expect(demoDutyTopics[x.code]?.length, x.code).toBeGreaterThan(0);
    }
  });

  it('keeps city-only matters at city level: districts hold no housing-fund, real-estate, transport or fire duties', () => {
    for (const x of demoDuties) {
      if (deptByKey.get(x.departmentKey)!.level !== 'district') continue;
      for (const t of demoDutyTopics[x.code]) expect(t, x.code).not.toMatch(/^(gjj|zrzy|jt|xf|zj)\./);
    }
    expect(demoDuties.some((x) => x.departmentKey === 'lz_gjj' && x.matter.includes('提取'))).toBe(true);
  });
});

describe('knowledge base', () => {
  it('has at least 300 entries with unique codes, existing departments, regions inside the department’s region and catalogue items', () => {
    expect(demoKbEntries.length).toBeGreaterThanOrEqual(300);
    const codes = new Set<string>();
    for (const e of demoKbEntries) {
      expect(codes.has(e.code), e.code).toBe(false);
      codes.add(e.code);
      expect(e.code).toMatch(CODE);
      const d = deptByKey.get(e.departmentKey);
      expect(d, e.code).toBeDefined();
      expect(e.regionCodes.length).toBeGreaterThan(0);
      for (const r of e.regionCodes) {
        expect(regionByCode.has(r), `${e.code} ${r}`).toBe(true);
        expect(covers(d!.regionCode, r), `${e.code}: ${r} outside ${d!.key}`).toBe(true);
      }
      for (const i of e.itemCodes ?? []) expect(basicCodes.has(i), `${e.code} item ${i}`).toBe(true);
    }
  });

  it('spreads entries over levels: mostly city departments, some provincial, a few district ones', () => {
    const level = (e: KbEntryInput) => deptByKey.get(e.departmentKey)!.level;
    const n = (l: string) => demoKbEntries.filter((e) => level(e) === l).length;
    expect(n('city')).toBeGreaterThan(demoKbEntries.length / 2);
    expect(n('province')).toBeGreaterThanOrEqual(20);
    expect(n('district')).toBeGreaterThanOrEqual(5);
    // every city department with any duty a citizen asks about has entries
    for (const d of demoDepartments.filter((x) => x.level === 'city')) {
      expect(demoKbEntries.some((e) => e.departmentKey === d.key), d.key).toBe(true);
    }
  });

  it('gives every entry a question, 2–6 alternatives, a substantive answer, a basis, tags and a topic', () => {
    for (const e of demoKbEntries) {
      expect(chars(e.question), e.code).toBeGreaterThanOrEqual(5);
      expect(e.alternatives.length, e.code).toBeGreaterThanOrEqual(2);
      expect(e.alternatives.length, e.code).toBeLessThanOrEqual(6);
      const phrasings = [e.question, ...e.alternatives].map(norm);
      expect(new Set(phrasings).size, `${e.code} repeats a phrasing`).toBe(phrasings.length);
      expect(chars(e.answer), `${e.code} answer length`).toBeGreaterThanOrEqual(60);
      expect(chars(e.answer), `${e.code} answer length`).toBeLessThanOrEqual(300);
      expect(e.answer, e.code).not.toMatch(/undefined|null|\$\{/);
      expect(e.basis.length, e.code).toBeGreaterThan(0);
      for (const b of e.basis) {
        expect(b.document, e.code).toMatch(/^《.+》/);
        expect(chars(b.document), e.code).toBeLessThanOrEqual(200);
        if (b.clause) expect(chars(b.clause), e.code).toBeLessThanOrEqual(200);
      }
      expect(e.basis.length, e.code).toBeLessThanOrEqual(10);
      expect(e.tags.length, e.code).toBeGreaterThan(0);
      expect(e.tags.length, e.code).toBeLessThanOrEqual(20);
      for (const t of e.tags) expect(chars(t), e.code).toBeLessThanOrEqual(40);
      for (const p of [e.question, ...e.alternatives]) expect(chars(p), e.code).toBeLessThanOrEqual(300);
      const f = e.facts ?? {};
      expect(f.materials?.length ?? 0, e.code).toBeLessThanOrEqual(40);
      for (const m of f.materials ?? []) expect(chars(m), e.code).toBeLessThanOrEqual(200);
      for (const [k, max] of [['limit', 300], ['fee', 300], ['eligibility', 500], ['timeLimit', 200]] as const) if (f[k]) expect(chars(f[k]!), `${e.code} ${k}`).toBeLessThanOrEqual(max);
      expect(e.topic, e.code).toMatch(TOPIC);
      if (e.validFrom) expect(e.validFrom).toMatch(DAY);
      if (e.validTo) expect(e.validTo).toMatch(DAY);
      if (e.validFrom && e.validTo) expect(e.validFrom <= e.validTo, e.code).toBe(true);
    }
    const withFacts = demoKbEntries.filter((e) => e.facts && Object.keys(e.facts).length > 0);
    expect(withFacts.length).toBeGreaterThan(demoKbEntries.length * 0.7);
  });

  it('marks fictional local documents as such: local rules are named after 云澜省, 澜州市, 青川市 or a district', () => {
    const local = /^《(云澜省|澜州市|青川市|石桥区|明湖区|云台区|江口区)/;
    let n = 0;
    for (const e of demoKbEntries) for (const b of e.basis) if (local.test(b.document)) n++;
    expect(n).toBeGreaterThan(30);
  });

  it('has each topic covered by a duty of a department of the same kind in an overlapping region', () => {
    for (const e of demoKbEntries) {
      const kind = deptByKey.get(e.departmentKey)!.kind;
      const covered = demoDuties.some(
        (x) => deptByKey.get(x.departmentKey)!.kind === kind && overlap(x.regionCodes, e.regionCodes) && demoDutyTopics[x.code].some((p) => topicCovers(p, e.topic!)),
      );
      expect(covered, `${e.code} ${e.topic}`).toBe(true);
    }
  });

  it('keeps a few entries past validity (validTo in 2025), each superseded by a current entry of the same unit', () => {
    const expired = demoKbEntries.filter((e) => e.validTo && e.validTo.startsWith('2025'));
    expect(expired.length).toBeGreaterThanOrEqual(3);
    for (const e of expired) {
      expect(isValid(e), e.code).toBe(false);
      const current = demoKbEntries.filter((x) => x.departmentKey === e.departmentKey && x.topic === e.topic && isValid(x));
      expect(current.length, e.code).toBe(1);
    }
  });

  it('has 3–5 deliberate contradictions between units on the same topic in overlapping regions, and no others', () => {
    expect(DEMO_KB_CONTRADICTIONS.length).toBeGreaterThanOrEqual(3);
    expect(DEMO_KB_CONTRADICTIONS.length).toBeLessThanOrEqual(5);
    const declared = new Set<string>();
    for (const c of DEMO_KB_CONTRADICTIONS) {
      const a = entryByCode.get(c.a)!;
      const b = entryByCode.get(c.b)!;
      expect(a && b, `${c.a} ${c.b}`).toBeTruthy();
      expect(a.departmentKey).not.toBe(b.departmentKey);
      expect(a.topic).toBe(c.topic);
      expect(b.topic).toBe(c.topic);
      expect(isValid(a) && isValid(b)).toBe(true);
      expect(overlap(a.regionCodes, b.regionCodes), c.topic).toBe(true);
      expect(compareFacts(a.facts ?? null, b.facts ?? null).length, c.topic).toBeGreaterThan(0);
      declared.add([c.a, c.b].sort().join('|'));
    }
    // Every other pair of valid entries of different units on one topic in overlapping regions agrees.
    const current = demoKbEntries.filter(isValid);
    for (let i = 0; i < current.length; i++) {
      for (let j = i + 1; j < current.length; j++) {
        const a = current[i];
        const b = current[j];
        if (a.topic !== b.topic || a.departmentKey === b.departmentKey || !overlap(a.regionCodes, b.regionCodes)) continue;
        if (declared.has([a.code, b.code].sort().join('|'))) continue;
        expect(compareFacts(a.facts ?? null, b.facts ?? null), `${a.code} vs ${b.code}`).toEqual([]);
      }
    }
  });

  it('does not count 澜州 and 青川 answers on the same topic as overlapping', () => {
    const lz = demoKbEntries.find((e) => e.departmentKey === 'lz_gjj' && e.topic === 'gjj.withdrawal.rent')!;
    const qc = demoKbEntries.find((e) => e.departmentKey === 'qc_gjj' && e.topic === 'gjj.withdrawal.rent')!;
    expect(compareFacts(lz.facts ?? null, qc.facts ?? null).length).toBeGreaterThan(0);
    expect(overlap(lz.regionCodes, qc.regionCodes)).toBe(false);
  });
});

describe('evaluation set (bench/consultation-eval.json)', () => {
  it('has at least 220 questions with unique ids, known regions, and the style mix', () => {
    expect(questions.length).toBeGreaterThanOrEqual(220);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const styles = ['paraphrase', 'colloquial', 'typo', 'out_of_scope', 'multi_intent'] as const;
    const count = (s: string) => questions.filter((q) => q.style === s).length;
    for (const s of styles) expect(count(s), s).toBeGreaterThanOrEqual(s === 'multi_intent' ? 10 : 20);
    for (const q of questions) {
      expect(styles).toContain(q.style);
      expect(regionByCode.has(q.regionCode), q.id).toBe(true);
      expect(chars(q.text), q.id).toBeGreaterThanOrEqual(4);
    }
    // spread over the demo cities and districts
    for (const r of demoRegions.filter((x) => x.level !== 'province')) {
      expect(questions.filter((q) => q.regionCode === r.code).length, r.name).toBeGreaterThanOrEqual(20);
    }
  });

  it('labels out-of-scope questions with no department and no entry', () => {
    for (const q of questions.filter((x) => x.style === 'out_of_scope')) {
      expect(q.expectedDepartmentKey, q.id).toBeNull();
      expect(q.expectedEntryCode, q.id).toBeNull();
      expect(q.topic, q.id).toBeNull();
    }
    for (const q of questions.filter((x) => x.style !== 'out_of_scope')) {
      expect(q.expectedDepartmentKey, q.id).not.toBeNull();
      expect(q.topic, q.id).toMatch(TOPIC);
    }
  });

  it('expects the nearest department that holds the matter in the asker’s region (by the duty lists)', () => {
    for (const q of questions.filter((x) => x.topic)) {
      const d = deptByKey.get(q.expectedDepartmentKey!);
      expect(d, q.id).toBeDefined();
      expect(chain(q.regionCode), `${q.id}: ${d!.key} is not responsible for region ${q.regionCode}`).toContain(d!.regionCode);
      const holds = demoDuties.some(
        (x) => x.departmentKey === d!.key && x.regionCodes.some((r) => covers(r, q.regionCode)) && demoDutyTopics[x.code].some((p) => topicCovers(p, q.topic!)),
      );
      expect(holds, `${q.id}: ${d!.key} holds no duty on ${q.topic}`).toBe(true);
      expect(nearestHolders(q.topic!, q.regionCode), q.id).toEqual([d!.key]);
    }
  });

  it('expects the valid entry on the question’s matter that applies nearest to the asker, or none when the knowledge base has none', () => {
    let withoutEntry = 0;
    for (const q of questions.filter((x) => x.topic)) {
      const ch = chain(q.regionCode);
      const candidates = demoKbEntries
        .filter((e) => e.topic === q.topic && isValid(e) && e.regionCodes.some((r) => ch.includes(r)))
        .map((e) => ({ e, depth: Math.min(...e.regionCodes.filter((r) => ch.includes(r)).map((r) => ch.indexOf(r))) }))
        .sort((a, b) => a.depth - b.depth);
      if (q.expectedEntryCode === null) {
        expect(candidates.map((c) => c.e.code), `${q.id} has an answer in the knowledge base`).toEqual([]);
        withoutEntry++;
        continue;
      }
      const e = entryByCode.get(q.expectedEntryCode);
      expect(e, q.id).toBeDefined();
      expect(isValid(e!), q.id).toBe(true);
      expect(e!.topic, q.id).toBe(q.topic);
      expect(candidates[0].e.code, q.id).toBe(e!.code);
      if (candidates.length > 1) expect(candidates[1].depth, `${q.id}: two entries equally near`).toBeGreaterThan(candidates[0].depth);
    }
    // ~10% of the in-scope questions have no answer: routing is still expected
    const inScope = questions.filter((x) => x.topic).length;
    expect(withoutEntry / inScope).toBeGreaterThanOrEqual(0.07);
    expect(withoutEntry / inScope).toBeLessThanOrEqual(0.15);
  });

  it('never expects an entry past its validity', () => {
    const expired = new Set(demoKbEntries.filter((e) => !isValid(e)).map((e) => e.code));
    for (const q of questions) if (q.expectedEntryCode) expect(expired.has(q.expectedEntryCode), q.id).toBe(false);
  });

  it('is written independently of the knowledge base: no question equals a KB question or alternative', () => {
    const kb = new Map<string, string>();
    for (const e of demoKbEntries) for (const p of [e.question, ...e.alternatives]) kb.set(norm(p), e.code);
    for (const q of questions) expect(kb.get(norm(q.text)), `${q.id} copies ${kb.get(norm(q.text))}`).toBeUndefined();
    expect(new Set(questions.map((q) => norm(q.text))).size).toBe(questions.length);
  });

  it('includes the common typos and homophones askers make', () => {
    const typos = questions.filter((q) => q.style === 'typo').map((q) => q.text).join('\n');
    for (const t of ['营叶执照', '公基金', '社宝卡', '身份正']) expect(typos).toContain(t);
  });
});
