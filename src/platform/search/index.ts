/**
 * Chinese full-text search shared by the service catalogue and the consultation knowledge base.
 *
 * An in-memory index per process (rebuilt from the database at start-up, kept current with add/remove/replace as
 * items are published). No business rules: callers decide what goes into which field and facet.
 *
 * ```ts
 * const index = new SearchIndex({
 *   fields: [
 *     { name: 'title', weight: 5, pinyin: true },
 *     { name: 'aliases', weight: 3, pinyin: true },
 *     { name: 'department', weight: 1.5 },
 *     { name: 'body', weight: 1 },
 *   ],
 * }); // tokenizer: createDefaultTokenizer() unless given
 * index.add({ id, fields: { title: '营业执照设立登记', aliases: ['开公司'], department: '市场监管局', body },
 *             facets: { region: ['390102'], object: ['enterprise'], theme: ['startup'] }, boost: 1 });
 * index.search('yyzz 办理', { filter: { region: ['390102', '390100', '390000'] }, limit: 20, facets: ['theme'] });
 * // → { total, hits: [{ id, score, matched: ['营业执照', '办理'] }], facets: { theme: { startup: 12 } }, mode: 'all' }
 * ```
 *
 * Public API
 * - `new SearchIndex({ fields: SearchField[], tokenizer?: ChineseTokenizer })`
 *   - `add(doc: SearchDocument): void` — throws if the id is indexed already or a field is not declared
 *   - `remove(id: string): boolean`, `replace(doc: SearchDocument): void` (upsert), `has(id): boolean`, `size`
 *   - `search(query: string, opts?: SearchOptions): SearchResult`
 *   - `analyze(query: string): AnalyzedWord[]` — what a query is turned into (debugging, tests)
 *   - `documentFrequency(term: string): number` — documents having an index term (callers' own scoring)
 *   - `compact(): void` — drops removed documents now (it also runs by itself once a fifth of the ordinals are
 *     removed) and packs every posting list into one block
 *   - `stats()` — documents, removed, terms, postings, bytes in typed arrays
 * - `new ChineseTokenizer({ extraWords?, synonyms?, stopWords?, fillerWords? })`; `createDefaultTokenizer()`
 *   returns one shared instance, made on first use (~0.1 s to import jieba and pinyin-pro, ~0.1–0.2 s and
 *   ~40 MiB to load jieba's dictionary; ~85 MiB RSS in all before any document)
 * - `GOVERNMENT_WORDS`, `GOVERNMENT_SYNONYMS`, `mergeSynonyms()`, `equivalents()` to extend them,
 *   `STOP_WORDS`, `QUERY_FILLER_WORDS`, `EXPANSION_WEIGHTS`, `FILLER_WEIGHT`, `normalizeText()`, `foldPinyin()`
 *
 * Matching and ranking
 * - Text is normalised (NFKC: full-width → half-width; lowercase) and segmented by jieba with the government
 *   dictionary (gov-words.ts), the extra words and every synonym word, so 公积金, 营业执照 and 开饭店 stay whole.
 *   Documents are indexed in jieba's search mode (each word plus the dictionary words inside it: 住房公积金 also
 *   gives 公积金); queries in precise mode. Stop words (的, 怎么, 我…) are dropped on both sides.
 * - Each query word becomes a group of weighted index terms (query.ts): the word (1), its synonyms (0.8); for
 *   latin letters, pinyin: full pinyin or initials of a word in a `pinyin: true` field or of a whole field value
 *   (0.9), folded full pinyin of any word (zh≈z, -ng≈-n), the official synonyms of a dictionary word with that
 *   pinyin (低保 for dibao), key prefixes (0.6), and a long string split into keys (gjjdk → gjj + dk). A Chinese
 *   word the index does not know falls back to words with the same folded pinyin (0.7; 公基金 → 公积金) or to the
 *   known words it is made of (0.9); words the segmenter split because of a typo are joined back when their
 *   pinyin is a known word (营/叶/执照 → 营业执照). Filler words (办理, 手续, 材料…) and single characters are
 *   optional and weigh 0.2 when the query has other words.
 * - Score: per group, BM25F (k1 1.2; per-field weight and b) of the summed frequencies of its terms with the idf
 *   of its most frequent term, times the weight of the best term the document has; summed over groups; times the
 *   document's boost. `match: 'auto'` (default) requires every required word the index knows something about
 *   (evaluated cheapest word first, each next word only over the documents having the words before); when no
 *   document has them all, any word matches — but not a word found in most documents on its own — and scores are
 *   scaled by the share of words matched.
 * - Ties: sort key (default the first field's text), then id — the same index and query give the same order,
 *   whatever the order documents were added in.
 * - Filters: OR within a facet, AND across facets; an empty query lists the filtered (or all) documents by
 *   boost, sort key, id. `total` is exact; facet counts are over all matches (not only the page).
 *
 * Measured (bench/search.mjs, bench/RESULTS.md) at 100k catalogue items on the shared 2-core machine: p50 ≈ 0.3 ms,
 * p99 2.5–5 ms in most runs (each query's own cost ≤ ~2 ms; a busy machine adds stalls); 68 MiB of index after
 * compact(), 90 MiB right after a bulk load; 6–10 s to build, most of it segmentation.
 *
 * Limits: 8 388 607 ordinals between compactions; term frequency counted up to 255 per field; 32 words and 64
 * expanded terms per query (lowest-weight expansions dropped first); offset + limit ≤ 10 000 (deeper hits are
 * not returned; `total` still counts them).
 * An index lives in one process and is not shared between workers; search is synchronous.
 */
export {
  SearchIndex,
  type SearchField,
  type SearchDocument,
  type SearchOptions,
  type SearchResult,
  type SearchHit,
  type AnalyzedWord,
} from './search-index.js';
export { EXPANSION_WEIGHTS, FILLER_WEIGHT, type ExpansionKind } from './query.js';
export {
  ChineseTokenizer,
  createDefaultTokenizer,
  normalizeText,
  foldPinyin,
  STOP_WORDS,
  QUERY_FILLER_WORDS,
  type ChineseTokenizerOptions,
  type QueryWord,
  type WordPinyin,
} from './tokenizer.js';
export { GOVERNMENT_WORDS } from './gov-words.js';
export { GOVERNMENT_SYNONYMS, mergeSynonyms, equivalents } from './synonyms.js';
