/**
 * Query analysis: a query string → groups of weighted index terms, one group per word the user meant.
 *
 * A document matches a group if it has any of the group's terms; its score for the group is its best term's.
 * Per word (the tokenizer's precise segmentation, stop words dropped):
 * - the word itself (exact) and its synonyms;
 * - latin letters: pinyin keys equal to it (full pinyin or initials of title words, folded full pinyin of any
 *   word), else the known synonyms of a dictionary word with that pinyin (dibao → 低保 → 最低生活保障); then keys it
 *   is a prefix of; a string that matches nothing is split into several keys, one group each (gjjdk → gjj + dk);
 * - a Chinese word the index does not know and without a known synonym: its homophones (公基金 → 公积金), else
 *   the known words it is made of, one group each (住房公积金提取 → 住房公积金 + 提取);
 * - consecutive Chinese words where one at least is weak (a single character or unknown) are joined when their
 *   pinyin is a known word (营/叶/执照 → 营业执照): a typo the segmenter cut apart.
 * Filler words (办理, 手续…) and single characters are optional and weigh little unless the query has nothing else.
 */
import type { ChineseTokenizer } from './tokenizer.js';
import type { Vocabulary } from './vocabulary.js';

/** How a query term was found. */
export type ExpansionKind = 'exact' | 'synonym' | 'part' | 'pinyin' | 'pinyin-prefix' | 'homophone';

/** Weight of an expansion relative to a term the user typed. */
export const EXPANSION_WEIGHTS: Readonly<Record<ExpansionKind, number>> = Object.freeze({
  exact: 1,
  part: 0.9,
  pinyin: 0.9,
  synonym: 0.8,
  homophone: 0.7,
  'pinyin-prefix': 0.6,
});

/** Weight factor of filler words (办理, 手续…) in a query that has other words. */
export const FILLER_WEIGHT = 0.2;
/** Bounds: words per query (a bit mask per document) and terms per query (matched-term bits). */
export const MAX_GROUPS = 32;
export const MAX_TERMS = 64;
const MAX_PREFIX_TERMS = 8;
const MAX_HOMOPHONES = 6;

export interface QueryTerm {
  id: number;
  weight: number;
  kind: ExpansionKind;
}

export interface QueryGroup {
  word: string;
  required: boolean;
  terms: QueryTerm[];
}

interface Draft extends QueryGroup {
  /** Run of consecutive Chinese words (-1: none) and whether the word may be part of a split typo. */
  run: number;
  weak: boolean;
}

const term = (id: number, kind: ExpansionKind, factor = 1): QueryTerm => ({ id, weight: EXPANSION_WEIGHTS[kind] * factor, kind });

/** Adds a term to a list unless present with a higher weight. */
function addTerm(terms: QueryTerm[], id: number, kind: ExpansionKind, factor = 1): void {
  if (id < 0) return;
  const t = term(id, kind, factor);
  const same = terms.findIndex((x) => x.id === id);
  if (same < 0) terms.push(t);
  else if (t.weight > terms[same].weight) terms[same] = t;
}

export function analyzeQuery(query: string, tokenizer: ChineseTokenizer, vocab: Vocabulary): QueryGroup[] {
  const drafts: Draft[] = [];
  const push = (d: Draft) => {
    if (!drafts.some((g) => g.word === d.word)) drafts.push(d); // a repeated word counts once
  };
  /** One group per piece: a piece and its synonyms. */
  const pushPieces = (pieces: string[], run: number, required: boolean, kind: 'part' | 'pinyin') => {
    for (const piece of pieces) {
      const terms: QueryTerm[] = [];
      if (kind === 'part') {
        addTerm(terms, vocab.known(piece), 'part');
        for (const s of tokenizer.synonymsOf(piece)) addTerm(terms, vocab.known(s), 'synonym', EXPANSION_WEIGHTS.part);
      } else {
        const exactPinyin = vocab.pinyinExact(piece);
        for (const id of exactPinyin) addTerm(terms, id, 'pinyin');
        if (exactPinyin.length === 0) addDictionaryPinyin(terms, piece, tokenizer, vocab);
      }
      push({ word: piece, required, terms, run, weak: piece.length === 1 });
    }
  };

  for (const w of tokenizer.analyzeQuery(query)) {
    const required = !w.filler;
    const exact = vocab.known(w.text);
    const terms: QueryTerm[] = [];
    addTerm(terms, exact, 'exact');
    for (const s of w.synonyms) addTerm(terms, vocab.known(s), 'synonym');

    if (w.kind === 'ascii') {
      if (/^[a-z]{2,}$/.test(w.text)) {
        const exactPinyin = vocab.pinyinExact(w.text);
        for (const id of exactPinyin) addTerm(terms, id, 'pinyin');
        if (exactPinyin.length === 0) addDictionaryPinyin(terms, w.text, tokenizer, vocab);
        for (const id of vocab.pinyinPrefix(w.text, MAX_PREFIX_TERMS)) addTerm(terms, id, 'pinyin-prefix');
        if (terms.length === 0) {
          const isKey = (s: string) => s.length >= 2 && (vocab.isPinyinKey(s) || tokenizer.dictionaryWordsByPinyin(s).length > 0);
          const pieces = splitMin(w.text, isKey, 4, 40);
          if (pieces) {
            pushPieces(pieces, -1, required, 'pinyin');
            continue;
          }
        }
      }
      push({ word: w.text, required, terms, run: -1, weak: false });
      continue;
    }

    if (w.kind === 'han' && exact < 0 && terms.length === 0) {
      for (const id of vocab.homophonesOf(w.text, MAX_HOMOPHONES)) addTerm(terms, id, 'homophone');
      if (terms.length === 0) {
        const pieces = splitMin(w.text, (s) => vocab.known(s) >= 0, 2, 40);
        if (pieces) {
          pushPieces(pieces, w.run, required, 'part');
          continue;
        }
      }
    }
    // A single character (取, 领, 证) says little on its own: optional, like a filler word.
    const single = w.kind === 'han' && w.text.length === 1;
    push({ word: w.text, required: required && !single, terms, run: w.run, weak: single || (w.kind === 'han' && exact < 0) });
  }
  joinTypos(drafts, vocab);

  const groups: QueryGroup[] = drafts.slice(0, MAX_GROUPS).map((d) => ({
    word: d.word,
    required: d.required,
    terms: [...d.terms].sort((a, b) => b.weight - a.weight || a.id - b.id),
  }));
  // Filler words are required only when the query has nothing else; otherwise they count for little, so that
  // 营业执照 办理 does not put a document saying 办理 (and 营业执照 in its body) above one titled 营业执照.
  if (!groups.some((g) => g.required)) for (const g of groups) g.required = true;
  else for (const g of groups) if (!g.required) g.terms = g.terms.map((t) => ({ id: t.id, weight: t.weight * FILLER_WEIGHT, kind: t.kind }));

  // At most MAX_TERMS terms: drop lowest-weight expansions first, never a group's last term.
  let count = groups.reduce((n, g) => n + g.terms.length, 0);
  while (count > MAX_TERMS) {
    let worst: QueryGroup | undefined;
    for (const g of groups) {
      if (g.terms.length > 1 && (!worst || g.terms[g.terms.length - 1].weight < worst.terms[worst.terms.length - 1].weight)) worst = g;
    }
    if (!worst) break;
    worst.terms.pop();
    count--;
  }
  return groups;
}

/**
 * Dictionary words with this pinyin (低保 for dibao) that the index lacks as such: their known synonyms (最低生活保障).
 */
function addDictionaryPinyin(terms: QueryTerm[], key: string, tokenizer: ChineseTokenizer, vocab: Vocabulary): void {
  for (const word of tokenizer.dictionaryWordsByPinyin(key)) {
    addTerm(terms, vocab.known(word), 'pinyin');
    for (const s of tokenizer.synonymsOf(word)) addTerm(terms, vocab.known(s), 'synonym', EXPANSION_WEIGHTS.pinyin);
  }
}

/**
 * Consecutive Chinese words of which one at least is weak, whose joined text is unknown but whose pinyin is a
 * known word: replaced by one group of that word's homophones. Longest windows first, up to 5 words / 8 characters.
 */
function joinTypos(drafts: Draft[], vocab: Vocabulary): void {
  for (let i = 0; i < drafts.length; i++) {
    const run = drafts[i].run;
    if (run < 0) continue;
    let end = i;
    while (end + 1 < drafts.length && drafts[end + 1].run === run) end++;
    for (let j = Math.min(end, i + 4); j > i; j--) {
      const window = drafts.slice(i, j + 1);
      if (!window.some((w) => w.weak)) continue;
      const text = window.map((w) => w.word).join('');
      if (text.length > 8 || vocab.known(text) >= 0) continue;
      const ids = vocab.homophonesOf(text, MAX_HOMOPHONES);
      if (ids.length === 0) continue;
      const terms = ids.map((id) => term(id, 'homophone'));
      drafts.splice(i, j - i + 1, { word: text, required: true, terms, run: -1, weak: false });
      break;
    }
  }
}

/**
 * Splits `text` into the fewest pieces (of at most 12 characters) accepted by `ok`; null if there is none, if
 * the text is not within minLen..maxLen or if the best split is the text itself.
 */
export function splitMin(text: string, ok: (piece: string) => boolean, minLen: number, maxLen: number): string[] | null {
  const n = text.length;
  if (n < minLen || n > maxLen) return null;
  const cost = new Array<number>(n + 1).fill(Infinity);
  const prev = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    for (let j = Math.min(n, i + 12); j > i; j--) {
      if (cost[i] + 1 < cost[j] && ok(text.slice(i, j))) {
        cost[j] = cost[i] + 1;
        prev[j] = i;
      }
    }
  }
  if (cost[n] === Infinity || cost[n] < 2) return null;
  const pieces: string[] = [];
  for (let j = n; j > 0; j = prev[j]) pieces.unshift(text.slice(prev[j], j));
  return pieces;
}
