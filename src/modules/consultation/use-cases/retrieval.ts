/**
 * Chinese retrieval for the consultation engine: the knowledge-base index and the duty-list index, kept in memory per
 * process, with a typo/homophone normaliser in front and a 0..1 confidence on every hit.
 *
 * - Segmentation, synonyms, pinyin and BM25 ranking are the shared engine's (src/platform/search), with the
 *   consultation's words and synonyms added (consultation.vocab.ts) in a tokenizer of its own.
 * - Typos: before searching, `TypoNormaliser` replaces spans whose toneless (folded) pinyin equals a word of the
 *   domain vocabulary (the government dictionary, the consultation words, the synonyms and every word of the entries'
 *   and duties' questions, alternatives, tags, matters and keywords) and that share at least half their characters
 *   with it: 营叶执照 → 营业执照, 公基金 → 公积金, 社宝卡 → 社保卡, 身分证 → 身份证, 食品经营许可正 → 食品经营许可证.
 *   Spans of up to three characters must follow the segmenter's word boundaries (开个|水果 is not 个税); two-character
 *   spans must contain a character the segmenter left on its own and sound the same without fuzzy pairs (事业 stays
 *   事业, 想在 stays 想在). The shared engine adds its own homophone fallback for words the index does not know.
 * - Matching: any word of the question may match (match 'any'): questions are long and colloquial.
 * - Confidence of a hit, 0..1: the mean of two coverages. Question side: the share of the question's words the entry
 *   matched, each word weighted by its specificity (rare in the index: 1; in nearly every entry: 0.25; unknown to the
 *   index: 1, so an unmatched subject such as 流浪猫 counts fully against) and by how it matched (exact 1, synonym 0.85,
 *   homophone 0.5…); place names, filler words (时候, 办理…) and single characters do not count, except single
 *   characters that name a subject (税, 章…). Entry side: the share of the entry's best phrasing (its question or an
 *   alternative; a duty's matter or a keyword) covered by the question's words and their synonyms, with an imaginary
 *   unmatched word of weight 0.5 so that a one-word phrasing needs more than one lucky match. Hits are ordered by
 *   confidence (BM25 breaks ties): BM25 alone is unbounded and does not say whether an entry answers the question.
 * - The index lives in this process: built from the database on first use (or at start-up), caught up with rows changed
 *   since (updated_at) at most once a second, and updated at once by changes made through this process.
 */
import { pinyin } from 'pinyin-pro';
import type { Deps } from '../../../platform/deps.js';
import { ChineseTokenizer, QUERY_FILLER_WORDS, STOP_WORDS, SearchIndex, foldPinyin, normalizeText, type AnalyzedWord, type SearchHit } from '../../../platform/search/index.js';
import { parentRegionCode, todayInChina, isValidRegionCode } from '../../../platform/codes.js';
import { CONSULTATION_CONTENT_CHARS, CONSULTATION_FILLER_WORDS, CONSULTATION_STOP_WORDS, CONSULTATION_SYNONYMS, CONSULTATION_WORDS } from '../consultation.vocab.js';

const CONTENT_CHARS: ReadonlySet<string> = new Set(CONSULTATION_CONTENT_CHARS);
import { GOVERNMENT_WORDS } from '../../../platform/search/index.js';
import type { DutyEntriesTable, KbEntriesTable } from '../consultation.tables.js';

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer and typo normaliser

let sharedTokenizer: ChineseTokenizer | undefined;

/** The consultation's tokenizer (government words + consultation words and synonyms); made once per process (~0.2 s). */
export function consultationTokenizer(): ChineseTokenizer {
  sharedTokenizer ??= new ChineseTokenizer({
    extraWords: CONSULTATION_WORDS,
    synonyms: CONSULTATION_SYNONYMS,
    stopWords: [...STOP_WORDS, ...CONSULTATION_STOP_WORDS],
    fillerWords: [...QUERY_FILLER_WORDS, ...CONSULTATION_FILLER_WORDS],
  });
  return sharedTokenizer;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const MAX_TYPO_SPAN = 8;

function syllables(text: string): string[] | null {
  const s = pinyin(text, { toneType: 'none', type: 'array', v: true }) as string[];
  return s.length === text.length && s.every((x) => /^[a-z]+$/.test(x)) ? s.map(foldPinyin) : null;
}

export interface Replacement {
  from: string;
  to: string;
}

/**
 * Replaces misspelt domain words by the word with the same sound (see the file comment). Words are added as entries
 * are indexed and never removed (a word of a retired entry is still a real word).
 */
export class TypoNormaliser {
  private readonly words = new Set<string>();
  /** Word → its folded syllables joined by spaces. */
  private readonly keys = new Map<string, string>();
  /** Folded syllables joined by spaces → words with that sound, with a weight (how often the word was added). */
  private readonly bySound = new Map<string, Map<string, number>>();
  private readonly cache = new Map<string, { text: string; replaced: Replacement[] }>();

  constructor(private readonly tokenizer: ChineseTokenizer, seed: readonly string[] = []) {
    for (const w of seed) this.addWord(w);
  }

  get size(): number {
    return this.words.size;
  }

  addWord(raw: string, weight = 1): void {
    const w = normalizeText(raw).trim();
    const key = this.keys.get(w);
    if (key !== undefined) {
      const m = this.bySound.get(key)!;
      m.set(w, m.get(w)! + weight);
      return;
    }
    if (w.length < 2 || w.length > MAX_TYPO_SPAN || ![...w].every((c) => HAN.test(c))) return;
    const s = syllables(w);
    if (!s) return;
    const sound = s.join(' ');
    let m = this.bySound.get(sound);
    if (!m) this.bySound.set(sound, (m = new Map()));
    m.set(w, weight);
    this.keys.set(w, sound);
    this.words.add(w);
    this.cache.clear();
  }

  /** Every word of a text (precise segmentation) into the vocabulary. */
  addText(text: string): void {
    for (const w of this.tokenizer.words(text)) this.addWord(w);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  normalise(input: string): { text: string; replaced: Replacement[] } {
    const text = normalizeText(input);
    const cached = this.cache.get(text);
    if (cached) return cached;
    const replaced: Replacement[] = [];
    const out = text.replace(HAN_RUN, (run) => (run.length < 2 ? run : this.fixRun(run, replaced)));
    const result = { text: out, replaced };
    if (this.cache.size >= 5000) this.cache.clear();
    this.cache.set(text, result);
    return result;
  }

  /**
   * Token boundaries of a run (precise segmentation; the stop words the tokenizer drops fill the gaps), and whether
   * each character position starts a single-character token.
   */
  private boundaries(run: string): { bound: Uint8Array; single: Uint8Array } {
    const bound = new Uint8Array(run.length + 1);
    const single = new Uint8Array(run.length);
    bound[0] = 1;
    bound[run.length] = 1;
    let pos = 0;
    for (const w of this.tokenizer.words(run)) {
      const at = run.indexOf(w, pos);
      if (at < 0) continue;
      bound[at] = 1;
      bound[at + w.length] = 1;
      if (w.length === 1) single[at] = 1;
      pos = at + w.length;
    }
    // Characters between tokens (dropped stop words) count as single characters.
    for (let i = 0; i < run.length; i++) if (bound[i] && (bound[i + 1] || i + 1 === run.length)) single[i] = 1;
    return { bound, single };
  }

  private fixRun(run: string, replaced: Replacement[]): string {
    const folded = syllables(run);
    if (!folded) return run;
    const exact = (pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[]);
    const { bound, single } = this.boundaries(run);
    let out = '';
    let i = 0;
    while (i < run.length) {
      let step = 0;
      for (let len = Math.min(MAX_TYPO_SPAN, run.length - i); len >= 2; len--) {
        const span = run.slice(i, i + len);
        if (this.words.has(span)) {
          out += span;
          step = len;
          break;
        }
        // Short spans must follow the segmentation (开个|水果 is not 个税) and hold a character the segmenter could
        // not place in a word (a typo breaks the word apart); long spans are specific enough on their own.
        const aligned = bound[i] === 1 && bound[i + len] === 1;
        if (len <= 3 && !aligned) continue;
        let hasSingle = false;
        for (let k = i; k < i + len; k++) if (single[k]) hasSingle = true;
        if (len === 2 && !hasSingle) continue; // a two-character word of its own (事业) is not a typo of 失业
        const candidates = this.bySound.get(folded.slice(i, i + len).join(' '));
        if (!candidates) continue;
        const exactKey = exact.slice(i, i + len).join(' ');
        let best: string | null = null;
        let bestKey = -1;
        for (const [w, weight] of candidates) {
          if (w.length !== len) continue;
          let same = 0;
          for (let k = 0; k < len; k++) if (w[k] === span[k]) same++;
          if (same * 2 < len) continue;
          // Two characters: the sound must be the same without fuzzy pairs (想在 is not 现在).
          if (len === 2 && (pinyin(w, { toneType: 'none', type: 'array', v: true }) as string[]).join(' ') !== exactKey) continue;
          const key = same * 1000 + weight;
          if (key > bestKey || (key === bestKey && best !== null && w < best)) {
            best = w;
            bestKey = key;
          }
        }
        if (!best) continue;
        replaced.push({ from: span, to: best });
        out += best;
        step = len;
        break;
      }
      if (step === 0) {
        out += run[i];
        step = 1;
      }
      i += step;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Confidence

/** Weights of how a query word matched, relative to an exact match. */
const MATCH_WEIGHT: Record<string, number> = { exact: 1, part: 0.9, pinyin: 0.9, synonym: 0.85, homophone: 0.5, 'pinyin-prefix': 0.5 };

/** The words of one phrasing of an entry (question, alternative, matter, keyword), for the entry-side coverage. */
const phraseCaches = new WeakMap<ChineseTokenizer, Map<string, string[]>>();

/** The words of one phrasing of an entry (question, alternative, matter, keyword), for the entry-side coverage. Cached. */
export function phraseWords(tokenizer: ChineseTokenizer, phrase: string): string[] {
  let cache = phraseCaches.get(tokenizer);
  if (!cache) phraseCaches.set(tokenizer, (cache = new Map()));
  const cached = cache.get(phrase);
  if (cached) return cached;
  const words = phraseWordsOf(tokenizer, phrase);
  if (cache.size >= 20_000) cache.clear();
  cache.set(phrase, words);
  return words;
}

function phraseWordsOf(tokenizer: ChineseTokenizer, phrase: string): string[] {
  const words: string[] = [];
  for (const w of tokenizer.analyzeQuery(phrase)) {
    if (w.filler || w.text.length < 2 || words.includes(w.text)) continue;
    words.push(w.text);
  }
  return words;
}

/** How specific a word is, 0..1, from the share of documents having it: rare words say what a question is about. */
function specificity(df: number, n: number): number {
  if (df <= 0) return 1;
  const w = Math.log((n + 1) / df) / Math.log(n + 1);
  return Math.min(1, Math.max(CONFIDENCE.minWordWeight, w));
}

interface QueryShape {
  groups: AnalyzedWord[];
  /** Weight of each group in the question-side coverage (0: not counted). */
  weights: number[];
  /** Every index term of the query (words and expansions) → the best weight it stands for. */
  terms: Map<string, number>;
  /** Term → groups it belongs to. */
  termGroups: Map<string, number[]>;
  total: number;
}

function shapeOf(groups: AnalyzedWord[], index: SearchIndex, places: ReadonlySet<string>): QueryShape {
  const terms = new Map<string, number>();
  const termGroups = new Map<string, number[]>();
  const n = Math.max(index.size, 1);
  const weights = groups.map((g) => {
    if (places.has(g.word)) return 0;
    // Optional words (filler, single characters) do not count, except single characters that name a subject (税, 章).
    if (!g.required && !CONTENT_CHARS.has(g.word)) return 0;
    // A word the index does not know (only guessed homophones of it, or nothing) weighs as unknown.
    if (g.terms.every((t) => t.kind === 'homophone')) return CONFIDENCE.unknownWordWeight;
    let df = 0;
    for (const t of g.terms) df = Math.max(df, index.documentFrequency(t.term));
    return specificity(df, n);
  });
  groups.forEach((g, gi) => {
    for (const t of g.terms) {
      const w = MATCH_WEIGHT[t.kind] ?? 0.7;
      if ((terms.get(t.term) ?? 0) < w) terms.set(t.term, w);
      const list = termGroups.get(t.term);
      if (list) {
        if (!list.includes(gi)) list.push(gi);
      } else termGroups.set(t.term, [gi]);
    }
  });
  return { groups, weights, terms, termGroups, total: weights.reduce((a, b) => a + b, 0) };
}

/** Share (0..1) of the question's words that the hit matched, each weighted by its specificity and how it matched. */
function queryCoverage(shape: QueryShape, hit: SearchHit): number {
  if (shape.total === 0) return 0;
  const best = new Map<number, number>();
  for (const term of hit.matched) {
    for (const gi of shape.termGroups.get(term) ?? []) {
      if (shape.weights[gi] === 0) continue;
      const kind = shape.groups[gi].terms.find((t) => t.term === term)?.kind ?? 'exact';
      const w = MATCH_WEIGHT[kind] ?? 0.7;
      if ((best.get(gi) ?? 0) < w) best.set(gi, w);
    }
  }
  let sum = 0;
  for (const [gi, w] of best) sum += w * shape.weights[gi];
  return Math.min(1, sum / shape.total);
}

/**
 * Share (0..1) of a phrasing's words found among the question's terms, each weighted by its specificity (a word inside
 * a term, or a term inside it: 0.7).
 */
function phraseCoverage(shape: QueryShape, words: readonly string[], tokenizer: ChineseTokenizer, index: SearchIndex, places: ReadonlySet<string>): number {
  let sum = 0;
  let total = 0;
  const n = Math.max(index.size, 1);
  for (const w of words) {
    if (places.has(w)) continue;
    const weight = specificity(index.documentFrequency(w), n);
    total += weight;
    let s = shape.terms.get(w) ?? 0;
    if (s < 1) for (const syn of tokenizer.synonymsOf(w)) s = Math.max(s, (shape.terms.get(syn) ?? 0) * 0.9);
    if (s < 0.7) {
      for (const t of shape.terms.keys()) {
        if (t.length >= 2 && (w.includes(t) || t.includes(w))) {
          s = Math.max(s, 0.7);
          break;
        }
      }
    }
    sum += s * weight;
  }
  // A phrasing of one or two words is matched by chance more easily than a long one: a prior unmatched weight.
  return total === 0 ? 0 : sum / (total + CONFIDENCE.phrasePrior);
}

/** Tunables of the confidence and re-ranking (see bench/consultation-quality.mjs for their effect). */
export const CONFIDENCE: { queryShare: number; unknownWordWeight: number; minWordWeight: number; phrasePrior: number; scoreShare: number; rerankDepth: number } = {
  /** Weight of the question-side coverage; the rest is the entry side's. */
  queryShare: 0.5,
  /** Weight of a question word the index knows nothing about (a known word weighs its specificity). */
  unknownWordWeight: 1,
  /** Least weight of a known word, however common. */
  minWordWeight: 0.25,
  /** Weight of an imaginary unmatched word in every phrasing (short phrasings need more evidence). */
  phrasePrior: 0.5,
  /** Among hits of equal confidence: weight of the BM25 score relative to the best hit (the rest is the confidence). */
  scoreShare: 0.3,
  /** BM25 hits scored and ordered by confidence. */
  rerankDepth: 30,
};

// ---------------------------------------------------------------------------------------------------------------
// The indexes

export interface Scored<M> {
  meta: M;
  score: number;
  confidence: number;
  matched: string[];
  /** The two coverages the confidence is made of (tuning, tests). */
  detail?: { q: number; e: number };
}

interface BaseMeta {
  id: string;
  code: string;
  departmentId: string;
  regionCodes: string[];
  /** Words of each phrasing (entry-side coverage). */
  phrases: string[][];
  /** version@updated_at of the row indexed ('' when unknown). */
  stamp: string;
}

export interface KbMeta extends BaseMeta {
  question: string;
  topic: string | null;
  validFrom: string | null;
  validTo: string | null;
  itemCodes: string[];
}

export interface DutyMeta extends BaseMeta {
  matter: string;
  contact: string | null;
}

/** The regions whose entries apply to an asker in `code`: the region and the regions above it. */
export function regionChain(code: string): string[] {
  const out: string[] = [];
  if (!isValidRegionCode(code)) return [code];
  for (let c: string | null = code; c; c = parentRegionCode(c)) out.push(c);
  return out;
}

/** An in-memory index of one kind of entry with the normaliser and the confidence. */
abstract class MatchIndex<M extends BaseMeta> {
  readonly index: SearchIndex;
  readonly meta = new Map<string, M>();

  constructor(
    readonly tokenizer: ChineseTokenizer,
    readonly normaliser: TypoNormaliser,
    fields: { name: string; weight: number; pinyin?: boolean; b?: number }[],
    /** Place names (regions): where, not what — left out of the coverages. */
    readonly places: ReadonlySet<string> = new Set(),
  ) {
    this.index = new SearchIndex({ fields, tokenizer });
  }

  get size(): number {
    return this.meta.size;
  }

  remove(id: string): void {
    this.index.remove(id);
    this.meta.delete(id);
  }

  /**
   * Whether the row is indexed at this version already (catching up re-reads recent rows: indexing them again would
   * only leave removed copies behind until the next compaction). A retired row is unchanged when it is not indexed.
   */
  protected unchanged(row: { id: string; status: string; version?: number; updated_at?: string }): boolean {
    const stamp = stampOf(row);
    if (stamp === '') return false;
    const m = this.meta.get(row.id);
    return row.status === 'active' ? m?.stamp === stamp : m === undefined;
  }

  /**
   * Hits over the asker's region chain that `accept` lets through, re-ranked by confidence, best first. Fetches deeper
   * when accepted hits are too few.
   */
  protected query(text: string, regions: string[], limit: number, accept: (m: M) => boolean, filter: Record<string, string[]> = {}): Scored<M>[] {
    const norm = this.normaliser.normalise(text).text;
    const shape = shapeOf(this.index.analyze(norm), this.index, this.places);
    const depth = Math.max(limit, CONFIDENCE.rerankDepth);
    let want = depth * 2 + 10;
    let picked: { meta: M; hit: SearchHit }[] = [];
    for (;;) {
      // Any word may match: questions are long and colloquial, one stray word must not narrow the candidates (the
      // confidence then says how much of the question a hit covers).
      const res = this.index.search(norm, { filter: { region: regions, ...filter }, limit: want, match: 'any' });
      picked = [];
      for (const hit of res.hits) {
        const meta = this.meta.get(hit.id);
        if (meta && accept(meta)) {
          picked.push({ meta, hit });
          if (picked.length >= depth) break;
        }
      }
      if (picked.length >= depth || res.hits.length >= res.total || want >= 10_000) break;
      want = Math.min(want * 4, 10_000);
    }
    if (picked.length === 0) return [];
    const top = picked[0].hit.score;
    const scored = picked.map(({ meta, hit }) => {
      const q = queryCoverage(shape, hit);
      let e = 0;
      for (const words of meta.phrases) e = Math.max(e, phraseCoverage(shape, words, this.tokenizer, this.index, this.places));
      const confidence = CONFIDENCE.queryShare * q + (1 - CONFIDENCE.queryShare) * e;
      const rank = CONFIDENCE.scoreShare * (hit.score / top) + (1 - CONFIDENCE.scoreShare) * confidence;
      return { meta, score: hit.score, confidence: Math.round(confidence * 1000) / 1000, matched: hit.matched, rank, detail: { q, e } };
    });
    // Best first by confidence (the score shown), then by the blend of BM25 and confidence.
    scored.sort((a, b) => b.confidence - a.confidence || b.rank - a.rank || (a.meta.code < b.meta.code ? -1 : 1));
    return scored.slice(0, limit).map(({ rank: _r, ...s }) => s);
  }
}

export interface KbIndexRow {
  id: string;
  /** With updated_at: a row already indexed at this version and time is not indexed again. */
  version?: number;
  updated_at?: string;
  code: string;
  department_id: string;
  question: string;
  alternatives: string;
  answer: string;
  region_codes: string;
  valid_from: string | null;
  valid_to: string | null;
  tags: string;
  item_codes: string;
  topic: string | null;
  status: string;
}

export class KnowledgeIndex extends MatchIndex<KbMeta> {
  constructor(tokenizer: ChineseTokenizer, normaliser: TypoNormaliser, places: ReadonlySet<string> = new Set()) {
    super(tokenizer, normaliser, [
      { name: 'question', weight: 6, pinyin: true },
      { name: 'alternatives', weight: 5, pinyin: true },
      { name: 'tags', weight: 3, pinyin: true },
      { name: 'department', weight: 1 },
      { name: 'answer', weight: 0.6 },
    ], places);
  }

  private readonly topics = new Map<string, Set<string>>();

  override remove(id: string): void {
    const topic = this.meta.get(id)?.topic;
    if (topic) this.topics.get(topic)?.delete(id);
    super.remove(id);
  }

  /** Adds, replaces or (when retired) removes the entry. */
  apply(row: KbIndexRow, departmentNames: readonly string[], force = false): void {
    if (!force && this.unchanged(row)) return;
    this.remove(row.id);
    if (row.status !== 'active') return;
    if (row.topic) {
      let set = this.topics.get(row.topic);
      if (!set) this.topics.set(row.topic, (set = new Set()));
      set.add(row.id);
    }
    const alternatives = JSON.parse(row.alternatives) as string[];
    const tags = JSON.parse(row.tags) as string[];
    const regionCodes = JSON.parse(row.region_codes) as string[];
    const itemCodes = JSON.parse(row.item_codes) as string[];
    for (const t of [row.question, ...alternatives]) this.normaliser.addText(t);
    for (const t of tags) this.normaliser.addWord(t);
    this.index.replace({
      id: row.id,
      fields: { question: row.question, alternatives, tags, department: [...departmentNames], answer: row.answer },
      facets: { region: regionCodes, item: itemCodes },
      sortKey: row.code,
    });
    this.meta.set(row.id, {
      id: row.id, code: row.code, departmentId: row.department_id, regionCodes, question: row.question, topic: row.topic, stamp: stampOf(row),
      validFrom: row.valid_from, validTo: row.valid_to, itemCodes,
      phrases: [row.question, ...alternatives].map((p) => phraseWords(this.tokenizer, p)),
    });
  }

  /** Active entries with this topic key. */
  byTopic(topic: string): KbMeta[] {
    return [...(this.topics.get(topic) ?? [])].map((id) => this.meta.get(id)!).filter(Boolean);
  }

  /** Active entries (any region, any validity) closest to a text, best first. */
  similar(text: string, limit: number): Scored<KbMeta>[] {
    return this.query(text, [], limit, () => true);
  }

  /** Entries applying in the region chain and valid on `today` (YYYY-MM-DD), best first. */
  search(text: string, opts: { regions: string[]; today: string; limit: number; itemCode?: string | null; excludeIds?: Set<string> }): Scored<KbMeta>[] {
    const hits = this.query(text, opts.regions, opts.limit, (m) => isValidOn(m, opts.today) && !opts.excludeIds?.has(m.id));
    if (opts.itemCode) {
      // An entry linked to the item the asker came from is the likelier answer: a small boost, never a filter.
      for (const h of hits) if (h.meta.itemCodes.includes(opts.itemCode)) h.confidence = Math.min(1, Math.round((h.confidence + 0.05) * 1000) / 1000);
      hits.sort((a, b) => b.confidence - a.confidence || b.score - a.score);
    }
    return hits;
  }
}

function stampOf(row: { version?: number; updated_at?: string }): string {
  return row.version !== undefined && row.updated_at ? `${row.version}@${row.updated_at}` : '';
}

export function isValidOn(m: { validFrom: string | null; validTo: string | null }, today: string): boolean {
  return (m.validFrom === null || m.validFrom <= today) && (m.validTo === null || today <= m.validTo);
}

export interface DutyIndexRow {
  id: string;
  version?: number;
  updated_at?: string;
  code: string;
  department_id: string;
  matter: string;
  description: string;
  keywords: string;
  region_codes: string;
  contact: string | null;
  status: string;
}

export class DutyIndex extends MatchIndex<DutyMeta> {
  constructor(tokenizer: ChineseTokenizer, normaliser: TypoNormaliser, places: ReadonlySet<string> = new Set()) {
    super(tokenizer, normaliser, [
      { name: 'matter', weight: 6, pinyin: true },
      { name: 'keywords', weight: 5, pinyin: true },
      { name: 'department', weight: 1.5 },
      { name: 'description', weight: 1.2 },
    ], places);
  }

  apply(row: DutyIndexRow, departmentNames: readonly string[], force = false): void {
    if (!force && this.unchanged(row)) return;
    if (row.status !== 'active') {
      this.remove(row.id);
      return;
    }
    const keywords = JSON.parse(row.keywords) as string[];
    const regionCodes = JSON.parse(row.region_codes) as string[];
    this.normaliser.addText(row.matter);
    for (const k of keywords) this.normaliser.addText(k);
    this.index.replace({
      id: row.id,
      fields: { matter: row.matter, keywords, department: [...departmentNames], description: row.description },
      facets: { region: regionCodes, department: [row.department_id] },
      sortKey: row.code,
    });
    this.meta.set(row.id, {
      id: row.id, code: row.code, departmentId: row.department_id, regionCodes, matter: row.matter, contact: row.contact, stamp: stampOf(row),
      phrases: [row.matter, ...keywords].map((p) => phraseWords(this.tokenizer, p)).filter((w) => w.length > 0),
    });
  }

  search(text: string, opts: { regions: string[]; limit: number; accept?: (m: DutyMeta) => boolean }): Scored<DutyMeta>[] {
    return this.query(text, opts.regions, opts.limit, opts.accept ?? (() => true));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The engine of one process (per Deps): both indexes, the departments, catching up with the database.

export interface DeptInfo {
  id: string;
  uscc: string;
  name: string;
  shortName: string | null;
  kind: string;
  regionCode: string;
  level: string;
  phone: string;
  address: string;
  active: boolean;
}

const CHECK_INTERVAL_MS = 1000;
/** Catching up re-reads rows changed this long before the newest seen, for commits that landed out of order. */
const OVERLAP_MS = 5000;
const PAGE = 5000;

export class ConsultationEngine {
  readonly tokenizer = consultationTokenizer();
  readonly normaliser: TypoNormaliser;
  readonly kb: KnowledgeIndex;
  readonly duties: DutyIndex;
  readonly departments = new Map<string, DeptInfo>();
  /** Region names and their parts (明湖区, 明湖, 湖区): place words, left out of the coverages. */
  readonly places = new Set<string>();
  private since = { kb: null as string | null, duties: null as string | null, departments: null as string | null };
  private checkedAt = 0;
  private loading: Promise<void> | null = null;
  private loadedOnce = false;

  constructor(private readonly deps: Deps) {
    this.normaliser = new TypoNormaliser(this.tokenizer, [...GOVERNMENT_WORDS, ...CONSULTATION_WORDS, ...Object.keys(CONSULTATION_SYNONYMS), ...Object.values(CONSULTATION_SYNONYMS).flat()]);
    this.kb = new KnowledgeIndex(this.tokenizer, this.normaliser, this.places);
    this.duties = new DutyIndex(this.tokenizer, this.normaliser, this.places);
  }

  departmentNamesOf(id: string): string[] {
    const d = this.departments.get(id);
    return d ? [d.name, d.shortName ?? ''].filter(Boolean) : [];
  }

  /** Applies rows just written by this process (after their transaction committed). */
  applyKbRows(rows: KbIndexRow[], force = false): void {
    for (const r of rows) this.kb.apply(r, this.departmentNamesOf(r.department_id), force);
  }

  applyDutyRows(rows: DutyIndexRow[], force = false): void {
    for (const r of rows) this.duties.apply(r, this.departmentNamesOf(r.department_id), force);
  }

  /** Up to date with the database (checked at most once a second unless `force`). */
  async fresh(force = false): Promise<this> {
    if (!force && this.loadedOnce && Date.now() - this.checkedAt < CHECK_INTERVAL_MS) return this;
    if (!this.loading) {
      this.loading = this.catchUp().finally(() => {
        this.loading = null;
      });
    }
    await this.loading;
    return this;
  }

  private async catchUp(): Promise<void> {
    const db = this.deps.db;
    const [k, d, p] = await Promise.all([
      db.selectFrom('kb_entries').select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirst(),
      db.selectFrom('duty_entries').select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirst(),
      db.selectFrom('departments').select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirst(),
    ]);
    const latest = { kb: (k?.m as string | null) ?? null, duties: (d?.m as string | null) ?? null, departments: (p?.m as string | null) ?? null };
    let departmentsChanged = false;
    if (latest.departments !== this.since.departments) {
      for (const r of await db.selectFrom('regions').select('name').execute()) addPlace(this.places, r.name);
      const rows = await db.selectFrom('departments').select(['id', 'uscc', 'name', 'short_name', 'kind', 'region_code', 'level', 'phone', 'address', 'active']).execute();
      for (const r of rows) {
        this.departments.set(r.id, {
          id: r.id, uscc: r.uscc, name: r.name, shortName: r.short_name, kind: r.kind, regionCode: r.region_code, level: r.level, phone: r.phone, address: r.address, active: Number(r.active) === 1,
        });
      }
      departmentsChanged = this.since.departments !== null;
      this.since.departments = latest.departments;
    }
    if (departmentsChanged) {
      // Department names are indexed with the entries: re-index everything (rare).
      this.since.kb = null;
      this.since.duties = null;
    }
    const first = !this.loadedOnce;
    if (latest.kb !== this.since.kb) {
      const n = await this.readChanged('kb_entries', this.since.kb, (rows) => this.applyKbRows(rows as KbIndexRow[], departmentsChanged));
      this.since.kb = latest.kb;
      if (first && n > 1000) this.kb.index.compact();
    }
    if (latest.duties !== this.since.duties) {
      await this.readChanged('duty_entries', this.since.duties, (rows) => this.applyDutyRows(rows as DutyIndexRow[], departmentsChanged));
      this.since.duties = latest.duties;
    }
    this.loadedOnce = true;
    this.checkedAt = Date.now();
  }

  /** Reads the rows changed since `since` (all rows when null) page by page, oldest first. Returns how many. */
  private async readChanged(table: 'kb_entries' | 'duty_entries', since: string | null, apply: (rows: unknown[]) => void): Promise<number> {
    const from = since ? new Date(Date.parse(since) - OVERLAP_MS).toISOString() : null;
    let after: [string, string] | null = null;
    let n = 0;
    for (;;) {
      let q = this.deps.db.selectFrom(table).selectAll().orderBy('updated_at').orderBy('id').limit(PAGE);
      if (from) q = q.where('updated_at', '>=', from);
      if (after) {
        const [u, id] = after;
        q = q.where((eb) => eb.or([eb('updated_at', '>', u), eb.and([eb('updated_at', '=', u), eb('id', '>', id)])]));
      }
      const rows = (await q.execute()) as (KbEntriesTable | DutyEntriesTable)[];
      apply(rows);
      n += rows.length;
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = [last.updated_at, last.id];
      await new Promise<void>((r) => setImmediate(r)); // let requests through during a long build
    }
    return n;
  }
}

/**
 * A region's name as place words: every piece of two characters or more of it (the segmenter cuts 明湖区 into 明 and
 * 湖区, 澜州 into 澜 and 州), so that a question naming where the asker is does not count as unmatched words.
 */
export function addPlace(places: Set<string>, name: string): void {
  const n = normalizeText(name).trim();
  for (let i = 0; i < n.length; i++) for (let j = i + 2; j <= n.length; j++) places.add(n.slice(i, j));
}

const engines = new WeakMap<Deps, ConsultationEngine>();

/** This process's engine for these deps, up to date with the database. */
export async function engineOf(deps: Deps, force = false): Promise<ConsultationEngine> {
  let e = engines.get(deps);
  if (!e) engines.set(deps, (e = new ConsultationEngine(deps)));
  return e.fresh(force);
}

/** Builds the indexes now (at start-up, so the first asker does not wait). Returns the numbers indexed. */
export async function warmConsultation(deps: Deps): Promise<{ entries: number; duties: number }> {
  const e = await engineOf(deps);
  return { entries: e.kb.size, duties: e.duties.size };
}

/** Today's date in China by the deps' clock: validity is evaluated at query time. */
export const todayOf = (deps: Deps): string => todayInChina(deps.clock.now());
