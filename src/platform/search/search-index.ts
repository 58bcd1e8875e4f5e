/**
 * An in-memory inverted index with BM25F ranking, facet filters and counts. See index.ts for the contract,
 * query.ts for how a query becomes weighted terms, vocabulary.ts for terms and pinyin.
 *
 * Storage (compact, no object per posting):
 * - a term × field posting list holds `ordinal * 256 + min(tf, 255)` integers in a shared PostingPool;
 * - documents are numbered by ordinals in insertion order; per-ordinal data sits in typed arrays (field lengths,
 *   boost, alive flag) and two string arrays (id, sort key);
 * - each facet value has the list of ordinals having it (filters), and every document its value ids in one flat
 *   array (facet counts).
 * Removing a document marks it dead; its postings stay until `compact()`, which runs by itself once a fifth of
 * the ordinals are dead. Until then document frequencies and N include the dead documents (both sides of the
 * idf ratio, so it stays consistent).
 *
 * Evaluation is term-at-a-time into per-ordinal scratch arrays allocated once per index (and grown with it):
 * nothing is allocated per document per query, and "touched" lists and stamp counters avoid clearing arrays.
 * The hot loops are small methods without closures, so V8 keeps them optimised; the top k come from a heap
 * on a preallocated Int32Array.
 */
import { createDefaultTokenizer, type ChineseTokenizer } from './tokenizer.js';
import { grow, IntList, PostingPool, POSTING_HEADER } from './postings.js';
import { analyzeQuery, type ExpansionKind, type QueryGroup } from './query.js';
import { cmp, SYNTHETIC, Vocabulary } from './vocabulary.js';

export interface SearchField {
  /** Field name as used in SearchDocument.fields. */
  name: string;
  /** BM25F weight of the field (e.g. title 5, aliases 3, department 1.5, body 1). */
  weight: number;
  /** BM25 length normalisation for the field, 0..1 (default 0.75). */
  b?: number;
  /**
   * Index pinyin for this field's words (full pinyin and initials of every word, and the initials of each whole
   * value), so `yyzz` or `gongjijin` finds it. Meant for short fields: titles, aliases.
   */
  pinyin?: boolean;
}

export interface SearchDocument {
  id: string;
  /** Text per declared field; an array is several values (aliases), each with its own whole-value initials. */
  fields: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Facet values, e.g. `{ region: ['390102'], object: ['person'], theme: ['hukou'] }`. */
  facets?: Readonly<Record<string, readonly string[]>>;
  /** Multiplies the score; orders an empty-query listing (higher first). Default 1; must be > 0. */
  boost?: number;
  /** Tie-break and empty-query order after boost (code-unit order). Default: the first field's text. */
  sortKey?: string;
}

export interface SearchOptions {
  /** Facet filter: OR within a facet, AND across facets. A facet with an empty list does not filter. */
  filter?: Readonly<Record<string, readonly string[]>>;
  /** Hits to return (default 20). */
  limit?: number;
  /** Hits to skip. offset + limit is capped at 10 000: hits beyond the 10 000th are never returned. */
  offset?: number;
  /** Facets to count among all matches. */
  facets?: readonly string[];
  /**
   * 'auto' (default): documents matching every word of the query (filler words such as 办理, single characters
   * and words the index knows nothing of excepted); if there are none, documents matching any word, scored × the
   * share of words matched. 'all': every required word must match. 'any': any word. Matching "any word" ignores
   * words found in more than half of the documents (申请, 登记) unless the query has only such words.
   */
  match?: 'auto' | 'all' | 'any';
}

export interface SearchHit {
  id: string;
  score: number;
  /** Index terms that matched (the query's words or their expansions), for highlighting. */
  matched: string[];
}

export interface SearchResult {
  /** Number of matching documents (exact). */
  total: number;
  hits: SearchHit[];
  /** The requested facets: value → number of matching documents having it; values without matches left out. */
  facets?: Record<string, Record<string, number>>;
  /** Which rule selected the matches: 'all' words, 'any' word (see SearchOptions.match), or 'browse' (empty query). */
  mode: 'all' | 'any' | 'browse';
}

/** One word of an analysed query: the index terms that stand for it. A document matches the word if it has any. */
export interface AnalyzedWord {
  word: string;
  required: boolean;
  terms: { term: string; weight: number; kind: ExpansionKind }[];
}

const K1 = 1.2;
const MAX_ORDINALS = 1 << 23; // ordinal * 256 + tf must stay below 2^31
/** Hits a search can return, and how deep it can page (offset + limit). */
const MAX_WINDOW = 10_000;
const MIN_CAPACITY = 1024;
/** Field values up to this length are analysed once and cached (VALUE_CACHE_SIZE entries, then cleared). */
const SHORT_VALUE = 64;
const VALUE_CACHE_SIZE = 20_000;

export class SearchIndex {
  readonly tokenizer: ChineseTokenizer;
  private readonly fields: readonly Required<SearchField>[];
  private readonly fieldIndex = new Map<string, number>();
  private readonly nf: number;
  private readonly vocab: Vocabulary;
  private pool = new PostingPool();
  private readonly valueCache = new Map<string, { tokens: readonly string[]; initials: string | null | undefined }>();

  // Documents by ordinal.
  private ordCount = 0;
  private dead = 0;
  private readonly idToOrd = new Map<string, number>();
  private ids: string[] = [];
  private sortKeys: string[] = [];
  private boosts = new Float64Array(MIN_CAPACITY);
  private alive = new Uint8Array(MIN_CAPACITY);
  private fieldLen: Uint32Array[];
  /** Total field length over live documents (for the average). */
  private readonly sumLen: Float64Array;

  // Facets: global value ids; per value the ordinals having it; per ordinal its value ids (CSR layout).
  private readonly facetValues = new Map<string, Map<string, number>>();
  private valueDocs: IntList[] = [];
  private docFacetStart = new Int32Array(MIN_CAPACITY + 1);
  private docFacetVals = new IntList(MIN_CAPACITY);

  // Query scratch, sized to the ordinal capacity (see ensureScratch).
  private cap = 0;
  private counter = 0;
  private acc = new Float64Array(0); // a group's pseudo term frequency per document
  private accWeight = new Float64Array(0); // the weight of the best term of the group the document has
  private total = new Float64Array(0); // the document's score so far
  private scores = new Float64Array(0); // final scores of matches
  private groupStamp = new Int32Array(0);
  private docStamp = new Int32Array(0);
  private mask = new Uint32Array(0); // groups matched
  private bitsLo = new Uint32Array(0); // terms matched (0..31)
  private bitsHi = new Uint32Array(0); // terms matched (32..63)
  private filterMark = new Int32Array(0);
  private groupTouched = new Int32Array(0);
  private docTouched = new Int32Array(0);
  private nGroup = 0;
  private nDocs = 0;
  private facetCounts = new Int32Array(0);
  // Top-k heap (worst at the root); byScore: rank by scores, else by boost (browsing).
  private heap = new Int32Array(0);
  private heapSize = 0;
  private heapK = 0;
  private byScore = true;

  constructor(opts: { fields: readonly SearchField[]; tokenizer?: ChineseTokenizer }) {
    if (opts.fields.length === 0) throw new Error('search: an index needs at least one field');
    this.fields = opts.fields.map((f) => {
      if (!(f.weight > 0)) throw new Error(`search: field ${f.name} needs a positive weight`);
      const b = f.b ?? 0.75;
      if (!(b >= 0 && b <= 1)) throw new Error(`search: field ${f.name}: b must be within 0..1`);
      return { name: f.name, weight: f.weight, b, pinyin: f.pinyin ?? false };
    });
    this.fields.forEach((f, i) => {
      if (this.fieldIndex.has(f.name)) throw new Error(`search: field ${f.name} declared twice`);
      this.fieldIndex.set(f.name, i);
    });
    this.nf = this.fields.length;
    this.fieldLen = this.fields.map(() => new Uint32Array(MIN_CAPACITY));
    this.sumLen = new Float64Array(this.nf);
    this.tokenizer = opts.tokenizer ?? createDefaultTokenizer();
    this.vocab = new Vocabulary(this.tokenizer);
  }

  /** Number of live documents. */
  get size(): number {
    return this.idToOrd.size;
  }

  has(id: string): boolean {
    return this.idToOrd.has(id);
  }

  /** Adds a document; throws if its id is already indexed (use replace) or it names an undeclared field. */
  add(doc: SearchDocument): void {
    if (typeof doc.id !== 'string' || doc.id === '') throw new Error('search: a document needs an id');
    if (this.idToOrd.has(doc.id)) throw new Error(`search: document ${doc.id} is already indexed`);
    const boost = doc.boost ?? 1;
    if (!(boost > 0) || !Number.isFinite(boost)) throw new Error(`search: document ${doc.id}: boost must be > 0`);
    for (const name of Object.keys(doc.fields)) {
      if (!this.fieldIndex.has(name)) throw new Error(`search: document ${doc.id}: unknown field ${name}`);
    }
    if (this.ordCount >= MAX_ORDINALS) this.compact();
    if (this.ordCount >= MAX_ORDINALS) throw new Error('search: too many documents');

    // Analyse first, so that a failure leaves the index as it was.
    const perField = this.fields.map((field) => {
      const raw = doc.fields[field.name];
      const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
      const counts = new Map<string, number>();
      let length = 0;
      for (const value of values) {
        const analysed = this.analyseValue(value, field.pinyin);
        for (const t of analysed.tokens) {
          counts.set(t, (counts.get(t) ?? 0) + 1);
          length++;
        }
        // Whole-value initials as a term of the field, not counted in its length.
        const initials = field.pinyin ? analysed.initials : null;
        if (initials) {
          const t = this.vocab.internInitials(initials);
          counts.set(t, (counts.get(t) ?? 0) + 1);
        }
      }
      return { values, counts, length };
    });

    const ord = this.ordCount++;
    this.ensureDocCapacity(ord + 1);
    this.idToOrd.set(doc.id, ord);
    this.ids[ord] = doc.id;
    this.boosts[ord] = boost;
    this.alive[ord] = 1;
    for (let f = 0; f < this.nf; f++) {
      const { counts, length } = perField[f];
      this.fieldLen[f][ord] = length;
      this.sumLen[f] += length;
      for (const [t, tf] of counts) {
        const id = this.vocab.intern(t);
        this.pool.ensureLists((id + 1) * this.nf);
        this.pool.append(id * this.nf + f, ord * 256 + Math.min(tf, 255));
        this.vocab.countDoc(id, ord);
        if (this.fields[f].pinyin) this.vocab.registerPinyinWord(id);
      }
    }
    this.sortKeys[ord] = doc.sortKey ?? perField[0].values.join(' ');

    this.docFacetStart[ord] = this.docFacetVals.length;
    for (const [facet, values] of Object.entries(doc.facets ?? {})) {
      for (const value of new Set(values)) {
        const gid = this.facetValueId(facet, value, true);
        this.valueDocs[gid].push(ord);
        this.docFacetVals.push(gid);
      }
    }
    this.docFacetStart[ord + 1] = this.docFacetVals.length;
  }

  /** Removes a document; false if it was not indexed. */
  remove(id: string): boolean {
    const ord = this.idToOrd.get(id);
    if (ord === undefined) return false;
    this.idToOrd.delete(id);
    this.alive[ord] = 0;
    for (let f = 0; f < this.nf; f++) this.sumLen[f] -= this.fieldLen[f][ord];
    this.ids[ord] = '';
    this.sortKeys[ord] = '';
    this.dead++;
    if (this.dead * 5 > this.ordCount) this.compact();
    return true;
  }

  /** Adds the document, or replaces the one with the same id. */
  replace(doc: SearchDocument): void {
    this.remove(doc.id);
    this.add(doc);
  }

  /** Drops removed documents from postings and facets now, and packs each posting list into one exact block. */
  compact(): void {
    const n = this.ordCount;
    const remap = new Int32Array(n);
    let live = 0;
    for (let o = 0; o < n; o++) remap[o] = this.alive[o] ? live++ : -1;
    const nf = this.nf;
    const terms = this.vocab.size;
    this.pool = this.pool.rebuild(terms * nf, (v) => {
      const r = remap[v >>> 8];
      return r < 0 ? -1 : r * 256 + (v & 255);
    });
    this.vocab.resetCounts();
    for (let t = 0; t < terms; t++) {
      for (let f = 0; f < nf; f++) this.pool.forEach(t * nf + f, (v) => this.vocab.countDoc(t, v >>> 8));
    }
    for (let g = 0; g < this.valueDocs.length; g++) {
      const old = this.valueDocs[g];
      const next = new IntList(Math.max(4, old.length));
      for (let i = 0; i < old.length; i++) {
        const r = remap[old.data[i]];
        if (r >= 0) next.push(r);
      }
      this.valueDocs[g] = next;
    }
    const capacity = Math.max(live, MIN_CAPACITY);
    const ids: string[] = new Array(live);
    const sortKeys: string[] = new Array(live);
    const boosts = new Float64Array(capacity);
    const alive = new Uint8Array(capacity);
    const fieldLen = this.fields.map(() => new Uint32Array(capacity));
    const start = new Int32Array(capacity + 1);
    const vals = new IntList(Math.max(16, this.docFacetVals.length));
    for (let o = 0; o < n; o++) {
      const r = remap[o];
      if (r < 0) continue;
      ids[r] = this.ids[o];
      sortKeys[r] = this.sortKeys[o];
      boosts[r] = this.boosts[o];
      alive[r] = 1;
      for (let f = 0; f < nf; f++) fieldLen[f][r] = this.fieldLen[f][o];
      start[r] = vals.length;
      for (let i = this.docFacetStart[o]; i < this.docFacetStart[o + 1]; i++) vals.push(this.docFacetVals.data[i]);
      start[r + 1] = vals.length;
      this.idToOrd.set(ids[r], r);
    }
    this.ids = ids;
    this.sortKeys = sortKeys;
    this.boosts = boosts;
    this.alive = alive;
    this.fieldLen = fieldLen;
    this.docFacetStart = start;
    this.docFacetVals = vals;
    this.ordCount = live;
    this.dead = 0;
    this.cap = 0; // scratch arrays are re-made on the next search
  }

  /**
   * Documents having an index term (a term as listed by `analyze`), 0 for a term no live document has. Until the next
   * compaction removed documents still count, as they do in ranking.
   */
  documentFrequency(term: string): number {
    const id = this.vocab.known(term);
    return id < 0 ? 0 : this.vocab.df[id];
  }

  /** The analysed query: for each word, the index terms searched and their weights. */
  analyze(query: string): AnalyzedWord[] {
    return analyzeQuery(query, this.tokenizer, this.vocab).map((g) => ({
      word: g.word,
      required: g.required,
      terms: g.terms.map((t) => ({ term: this.vocab.text[t.id], weight: t.weight, kind: t.kind })),
    }));
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const limit = clampInt(opts.limit, 20);
    const offset = clampInt(opts.offset, 0);
    const k = Math.min(offset + limit, MAX_WINDOW);
    this.ensureScratch();
    const filter = this.applyFilter(opts.filter);
    if (query.trim() === '') return this.browse(filter, k, offset, opts.facets);
    const groups = analyzeQuery(query, this.tokenizer, this.vocab);
    if (filter === false || !groups.some((g) => g.terms.length > 0)) {
      const empty: SearchResult = { total: 0, hits: [], mode: 'all' };
      if (opts.facets) empty.facets = Object.fromEntries(opts.facets.map((f) => [f, {}]));
      return empty;
    }
    return this.scoreAndRank(groups, filter === null ? -1 : filter, k, offset, opts);
  }

  /** Sizes, for benchmarks and operations. `bytes` counts the typed arrays, not the strings and maps. */
  stats(): { documents: number; removed: number; terms: number; postings: number; bytes: number } {
    let postings = 0;
    for (let l = 0; l < this.vocab.size * this.nf; l++) this.pool.forEach(l, () => postings++);
    let bytes = this.pool.bytes() + this.vocab.bytes();
    bytes += this.boosts.byteLength + this.alive.byteLength + this.docFacetStart.byteLength + this.docFacetVals.data.byteLength;
    for (const a of this.fieldLen) bytes += a.byteLength;
    for (const l of this.valueDocs) bytes += l.data.byteLength;
    for (const a of [this.acc, this.accWeight, this.total, this.scores, this.groupStamp, this.docStamp, this.mask, this.bitsLo,
      this.bitsHi, this.filterMark, this.groupTouched, this.docTouched, this.heap]) {
      bytes += a.byteLength;
    }
    return { documents: this.size, removed: this.dead, terms: this.vocab.size, postings, bytes };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Indexing helpers

  /**
   * Tokens of a field value, and its initials for pinyin fields. Short values (titles, departments, aliases) recur
   * across a catalogue — the same service in every region — so they are cached.
   */
  private analyseValue(value: string, pinyin: boolean): { tokens: readonly string[]; initials: string | null } {
    if (value.length > SHORT_VALUE) return { tokens: this.tokenizer.tokens(value), initials: pinyin ? this.valueInitials(value) : null };
    let hit = this.valueCache.get(value);
    if (!hit) {
      if (this.valueCache.size >= VALUE_CACHE_SIZE) this.valueCache.clear();
      hit = { tokens: this.tokenizer.tokens(value), initials: undefined };
      this.valueCache.set(value, hit);
    }
    if (pinyin && hit.initials === undefined) hit.initials = this.valueInitials(value);
    return { tokens: hit.tokens, initials: hit.initials ?? null };
  }

  /** Initials of a value of two or more words (营业执照注销 → yyzzzx), or null. */
  private valueInitials(value: string): string | null {
    const words = this.tokenizer.words(value);
    if (words.length < 2) return null; // one word: the word's own keys cover it
    let initials = '';
    for (const w of words) {
      const p = this.tokenizer.pinyinOf(w);
      if (p) initials += p.initials;
      else if (/^[a-z0-9]+$/.test(w)) initials += w;
    }
    return initials.length >= 2 ? initials : null;
  }

  private facetValueId(facet: string, value: string, create: boolean): number {
    let values = this.facetValues.get(facet);
    if (!values) {
      if (!create) return -1;
      values = new Map();
      this.facetValues.set(facet, values);
    }
    let gid = values.get(value);
    if (gid === undefined) {
      if (!create) return -1;
      gid = this.valueDocs.length;
      values.set(value, gid);
      this.valueDocs.push(new IntList(4));
    }
    return gid;
  }

  private ensureDocCapacity(n: number): void {
    if (n <= this.alive.length) return;
    this.alive = grow(this.alive, n);
    this.boosts = grow(this.boosts, n);
    this.fieldLen = this.fieldLen.map((a) => grow(a, n));
    this.docFacetStart = grow(this.docFacetStart, this.alive.length + 1);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Evaluation

  private ensureScratch(): void {
    const n = this.alive.length;
    if (this.cap === n) return;
    this.cap = n;
    this.acc = new Float64Array(n);
    this.accWeight = new Float64Array(n);
    this.total = new Float64Array(n);
    this.scores = new Float64Array(n);
    this.groupStamp = new Int32Array(n);
    this.docStamp = new Int32Array(n);
    this.mask = new Uint32Array(n);
    this.bitsLo = new Uint32Array(n);
    this.bitsHi = new Uint32Array(n);
    this.filterMark = new Int32Array(n);
    this.groupTouched = new Int32Array(n);
    this.docTouched = new Int32Array(n);
    this.counter = 0;
    // Run the hot methods once on nothing, so that the code after their loops has type feedback: otherwise V8
    // compiles them on-stack mid-loop on the first large query and then deoptimises at the loop exit, again and
    // again (seen as 5-10x slower queries and megabytes of garbage per query until it settles).
    this.nGroup = 0;
    this.nDocs = 0;
    this.scanTerm(this.vocab.size, 1, 0, this.stamp(), this.stamp(), -1, false, 0);
    this.closeGroup(0, 1);
  }

  /** A fresh stamp value (`span` consecutive values); stamp arrays are cleared when the counter would overflow. */
  private stamp(span = 1): number {
    if (this.counter + span >= 0x7fffffff) {
      this.groupStamp.fill(0);
      this.docStamp.fill(0);
      this.filterMark.fill(0);
      this.counter = 0;
    }
    const s = this.counter + 1;
    this.counter += span;
    return s;
  }

  /**
   * Marks the ordinals passing the filter with the returned value in `filterMark`. null: no filter; false: nothing
   * can pass (a filtered facet none of whose values is known).
   */
  private applyFilter(filter: SearchOptions['filter']): number | null | false {
    if (!filter) return null;
    const facets = Object.entries(filter).filter(([, values]) => values.length > 0);
    if (facets.length === 0) return null;
    const base = this.stamp(facets.length + 1);
    for (let i = 0; i < facets.length; i++) {
      const [facet, values] = facets[i];
      let any = false;
      for (const value of values) {
        const gid = this.facetValueId(facet, value, false);
        if (gid < 0) continue;
        any = true;
        this.markFacetValue(this.valueDocs[gid], base, i);
      }
      if (!any) return false;
    }
    return base + facets.length;
  }

  /** A document reaches base + i + 1 once it has passed facets 0..i (OR within facet i: marked once). */
  private markFacetValue(list: IntList, base: number, i: number): void {
    const mark = this.filterMark;
    const data = list.data;
    const from = base + i;
    const to = base + i + 1;
    for (let j = 0; j < list.length; j++) {
      const d = data[j];
      if (i === 0 || mark[d] === from) mark[d] = to;
    }
  }

  private browse(filter: number | null | false, k: number, offset: number, facets: readonly string[] | undefined): SearchResult {
    const result: SearchResult = { total: 0, hits: [], mode: 'browse' };
    const counts = facets ? this.startFacetCounts() : null;
    if (filter !== false) {
      this.heapReset(k, false);
      const mark = this.filterMark;
      let total = 0;
      for (let d = 0; d < this.ordCount; d++) {
        if (this.alive[d] === 0 || (filter !== null && mark[d] !== filter)) continue;
        total++;
        this.heapOffer(d);
        if (counts) this.countFacets(d, counts);
      }
      result.total = total;
      result.hits = this.heapSorted().slice(offset).map((d) => ({ id: this.ids[d], score: 0, matched: [] }));
    }
    if (facets) result.facets = this.facetResult(facets, counts!);
    return result;
  }

  private scoreAndRank(groups: QueryGroup[], pass: number, k: number, offset: number, opts: SearchOptions): SearchResult {
    const mode = opts.match ?? 'auto';
    // The words a match must have: required words the index knows something about ('all': every required word).
    let required = 0;
    groups.forEach((g, i) => {
      if (g.required && (mode === 'all' || g.terms.length > 0)) required = (required | (1 << i)) >>> 0;
    });
    let all = mode !== 'any' && required !== 0;
    let termOfBit: number[];
    if (all) {
      // Evaluate as a conjunction: the cheapest word first, then each word only over the documents that have all
      // the words before it. If no document has them all, 'auto' evaluates again as a disjunction.
      termOfBit = this.evaluate(groups, pass, required);
      if (!this.anyHasAll(required)) {
        if (mode === 'auto') {
          all = false;
          termOfBit = this.evaluate(groups, pass, 0);
        }
      }
    } else termOfBit = this.evaluate(groups, pass, 0);
    const requiredCount = popcount(required);
    // Matching any word: a word in most documents (申请, 登记) is not enough on its own, unless all words are such.
    let significant = 0;
    groups.forEach((g, i) => {
      const df = g.terms.reduce((m, t) => Math.max(m, this.vocab.df[t.id]), 0);
      if (df > 0 && df * 2 <= this.ordCount) significant = (significant | (1 << i)) >>> 0;
    });
    const anyMask = significant !== 0 ? significant : 0xffffffff;

    this.heapReset(k, true);
    const counts = opts.facets ? this.startFacetCounts() : null;
    const { docTouched, mask, total, boosts, scores } = this;
    let matches = 0;
    // Score of the worst kept hit once the heap is full: anything below it is not offered (most documents).
    let floor = -Infinity;
    for (let i = 0; i < this.nDocs; i++) {
      const d = docTouched[i];
      const m = (mask[d] & required) >>> 0;
      if (all ? m !== required : (mask[d] & anyMask) === 0) continue;
      matches++;
      if (counts) this.countFacets(d, counts);
      let s = total[d] * boosts[d];
      // Partial matches (the 'any' rule) rank by how much of the query they cover.
      if (!all && requiredCount > 0) s *= (popcount(m) + 1) / (requiredCount + 1);
      scores[d] = s;
      if (s < floor) continue;
      this.heapOffer(d);
      if (this.heapSize === this.heapK && this.heapK > 0) floor = scores[this.heap[0]];
    }
    const hits = this.heapSorted()
      .slice(offset)
      .map((d) => ({ id: this.ids[d], score: scores[d], matched: this.matchedTerms(d, termOfBit) }));
    const result: SearchResult = { total: matches, hits, mode: all ? 'all' : 'any' };
    if (opts.facets) result.facets = this.facetResult(opts.facets, counts!);
    return result;
  }

  /**
   * Scores every group into `total` and `mask` for the documents touched (docTouched, nDocs); returns the term id
   * of each matched-term bit. `conjunction`: the mask of required groups, evaluated cheapest first, each only over
   * documents having all those before it; 0: required groups over all documents. Optional groups (filler words,
   * single characters) come last and only add to documents already found — and with a conjunction only to
   * documents having every required word — so a word such as 材料 that is in every document costs little.
   */
  private evaluate(groups: QueryGroup[], pass: number, conjunction: number): number[] {
    const N = this.ordCount;
    const epoch = this.stamp();
    this.nDocs = 0;
    const termOfBit: number[] = [];
    const cost = groups.map((g) => g.terms.reduce((n, t) => n + this.vocab.df[t.id], 0));
    const order = groups
      .map((_, g) => g)
      .sort((a, b) => Number(groups[b].required) - Number(groups[a].required) || (conjunction ? cost[a] - cost[b] : 0) || a - b);
    const anyRequired = groups.some((g) => g.required);
    let seen = 0; // required groups evaluated so far (conjunction)
    let first = true;
    for (const g of order) {
      const group = groups[g];
      const bit = 1 << g;
      const inConjunction = ((conjunction >>> 0) & bit) !== 0;
      if (conjunction && group.required && !inConjunction) continue; // a required word with no terms: no effect
      // Restrict to documents found so far: all later groups of a conjunction; optional groups always.
      const restrict = conjunction ? !first : anyRequired && !group.required;
      const need = conjunction ? (group.required ? seen : conjunction) | 0 : 0;
      const gStamp = this.stamp();
      this.nGroup = 0;
      for (const term of group.terms) {
        const termBit = termOfBit.length;
        termOfBit.push(term.id);
        this.scanTerm(term.id, term.weight, termBit, gStamp, epoch, pass, restrict, need);
      }
      if (group.required) {
        seen = (seen | bit) >>> 0;
        first = false;
      }
      if (this.nGroup === 0) continue;
      // The group is scored as one term, as Lucene's SynonymQuery does: the frequencies of all its terms summed and
      // saturated once, with the idf of its most frequent term — so 户口 and 户籍 in one document do not count
      // twice, and a rare expansion (挂失 for 丢了) does not outweigh the word it stands for. The result is
      // multiplied by the weight of the best term the document has (exact 1, synonym 0.8…), outside the
      // saturation so that the difference survives it.
      let df = 0;
      for (const t of group.terms) df = Math.max(df, this.vocab.df[t.id]);
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      this.closeGroup(g, idf * (K1 + 1));
    }
    return termOfBit;
  }

  /**
   * Adds one term of the current group to each document having it: its BM25F pseudo frequency, Σ over fields of
   * field weight × tf / (1 − b + b × length / average length), and the term's weight if it is the best so far.
   * Records the document (docTouched, first time in the query), the group (groupTouched) and the term's matched
   * bit. With `restrict`, only documents already found whose group mask includes `need` are considered.
   */
  private scanTerm(termId: number, weight: number, termBit: number, gStamp: number, epoch: number, pass: number, restrict: boolean, need: number): void {
    const { acc, accWeight, total, mask, bitsLo, bitsHi, docStamp, groupStamp, groupTouched, docTouched, alive, filterMark, pool } = this;
    const data = pool.data;
    const live = Math.max(this.size, 1);
    const lo = termBit < 32 ? 1 << termBit : 0;
    const hi = termBit >= 32 ? 1 << (termBit - 32) : 0;
    let nGroup = this.nGroup;
    let nDocs = this.nDocs;
    for (let f = 0; f < this.nf; f++) {
      const list = termId * this.nf + f;
      if (pool.isEmpty(list)) continue;
      const field = this.fields[f];
      const w = field.weight;
      const b0 = 1 - field.b;
      const b1 = field.b / Math.max(this.sumLen[f] / live, 1);
      const lens = this.fieldLen[f];
      const tail = pool.tail[list];
      const tailFill = pool.fill[list];
      for (let off = pool.head[list]; off !== -1; off = data[off]) {
        const end = off + POSTING_HEADER + (off === tail ? tailFill : data[off + 1]);
        for (let i = off + POSTING_HEADER; i < end; i++) {
          const v = data[i];
          const d = v >>> 8;
          if (alive[d] === 0 || (pass !== -1 && filterMark[d] !== pass)) continue;
          if (restrict && (docStamp[d] !== epoch || (mask[d] & need) !== need)) continue;
          const x = (w * (v & 255)) / (b0 + b1 * lens[d]);
          if (docStamp[d] !== epoch) {
            docStamp[d] = epoch;
            total[d] = 0;
            mask[d] = 0;
            bitsLo[d] = 0;
            bitsHi[d] = 0;
            docTouched[nDocs++] = d;
          }
          if (groupStamp[d] !== gStamp) {
            groupStamp[d] = gStamp;
            acc[d] = x;
            accWeight[d] = weight;
            groupTouched[nGroup++] = d;
          } else {
            acc[d] += x;
            if (weight > accWeight[d]) accWeight[d] = weight;
          }
          if (lo !== 0) bitsLo[d] |= lo;
          else bitsHi[d] |= hi;
        }
      }
    }
    this.nGroup = nGroup;
    this.nDocs = nDocs;
  }

  /** Saturates each document's pseudo frequency for group g into its score and marks the group matched. */
  private closeGroup(g: number, scale: number): void {
    const { acc, accWeight, total, mask, groupTouched } = this;
    const bit = 1 << g;
    for (let i = 0; i < this.nGroup; i++) {
      const d = groupTouched[i];
      const a = acc[d];
      total[d] += (accWeight[d] * scale * a) / (K1 + a);
      mask[d] |= bit;
    }
  }

  private anyHasAll(required: number): boolean {
    const { docTouched, mask } = this;
    for (let i = 0; i < this.nDocs; i++) if ((mask[docTouched[i]] & required) >>> 0 === required) return true;
    return false;
  }

  private matchedTerms(d: number, termOfBit: readonly number[]): string[] {
    const matched: string[] = [];
    for (let b = 0; b < termOfBit.length; b++) {
      const set = b < 32 ? this.bitsLo[d] & (1 << b) : this.bitsHi[d] & (1 << (b - 32));
      const text = this.vocab.text[termOfBit[b]];
      if (set && text[0] !== SYNTHETIC && !matched.includes(text)) matched.push(text);
    }
    return matched;
  }

  // Top k: a binary heap with the worst of the kept items at the root.

  private heapReset(k: number, byScore: boolean): void {
    if (this.heap.length < k) this.heap = new Int32Array(k);
    this.heapSize = 0;
    this.heapK = k;
    this.byScore = byScore;
  }

  /** Whether a ranks ahead of b: score (or boost when browsing), then sort key, then id. */
  private before(a: number, b: number): boolean {
    if (this.byScore) {
      const sa = this.scores[a];
      const sb = this.scores[b];
      if (sa !== sb) return sa > sb;
    } else {
      const ba = this.boosts[a];
      const bb = this.boosts[b];
      if (ba !== bb) return ba > bb;
    }
    const ka = this.sortKeys[a];
    const kb = this.sortKeys[b];
    if (ka !== kb) return ka < kb;
    return this.ids[a] < this.ids[b];
  }

  private heapOffer(x: number): void {
    const h = this.heap;
    if (this.heapK === 0) return;
    if (this.heapSize < this.heapK) {
      let i = this.heapSize++;
      h[i] = x;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(h[p], h[i])) break;
        const t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
      }
      return;
    }
    if (!this.before(x, h[0])) return;
    h[0] = x;
    const n = this.heapSize;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.before(h[worst], h[l])) worst = l;
      if (r < n && this.before(h[worst], h[r])) worst = r;
      if (worst === i) break;
      const t = h[worst];
      h[worst] = h[i];
      h[i] = t;
      i = worst;
    }
  }

  /** The kept items, best first. */
  private heapSorted(): number[] {
    const out = Array.from(this.heap.subarray(0, this.heapSize));
    return out.sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  // Facet counts.

  private startFacetCounts(): Int32Array {
    const n = this.valueDocs.length;
    if (this.facetCounts.length < n) this.facetCounts = new Int32Array(n * 2);
    else this.facetCounts.fill(0, 0, n);
    return this.facetCounts;
  }

  private countFacets(d: number, counts: Int32Array): void {
    const vals = this.docFacetVals.data;
    for (let i = this.docFacetStart[d], end = this.docFacetStart[d + 1]; i < end; i++) counts[vals[i]]++;
  }

  private facetResult(facets: readonly string[], counts: Int32Array): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const facet of facets) {
      const entries: [string, number][] = [];
      for (const [value, gid] of this.facetValues.get(facet) ?? []) if (counts[gid] > 0) entries.push([value, counts[gid]]);
      // Most frequent first, then by value, so the object's key order is stable.
      entries.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
      out[facet] = Object.fromEntries(entries);
    }
    return out;
  }
}

/** An integer within 0..MAX_WINDOW; `fallback` for undefined or NaN. */
function clampInt(v: number | undefined, fallback: number): number {
  const n = v === undefined || Number.isNaN(v) ? fallback : Math.floor(v);
  return Math.min(Math.max(n, 0), MAX_WINDOW);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}
