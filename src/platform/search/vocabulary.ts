/**
 * The index's terms: ids, document frequencies, and the pinyin tables built from them.
 *
 * - Homophones: the toneless full pinyin, folded (foldPinyin: zh → z, ng → n…), of every Chinese term of 2–12
 *   characters → those terms (公积金 and a typed 公基金 share gonjijin). Computed once per new term, so the cost
 *   follows the vocabulary, not the number of documents.
 * - Pinyin keys: for terms seen in a pinyin field (titles, aliases) their full pinyin and initials
 *   (yingyezhizhao, yyzz), plus whole-value initials (a synthetic term per distinct value). Kept sorted for
 *   prefix search; keys added after the last query wait in `pendingKeys` and are merged on the next lookup.
 */
import { grow } from './postings.js';
import { foldPinyin, isHan, type ChineseTokenizer } from './tokenizer.js';

const FLAG_PINYIN = 1;
/** Synthetic terms (whole-value initials) start with this character; they are never shown as matched text. */
export const SYNTHETIC = '\u0001';

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly text: string[] = [];
  /** Documents containing the term (live ones after a compaction, all ordinals since). */
  df = new Int32Array(1024);
  /** ordinal + 1 of the last document counted in df. */
  private lastDoc = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private readonly homophones = new Map<string, number[]>();
  private readonly pinyinKeys = new Map<string, number[]>();
  private sortedKeys: string[] = [];
  private pendingKeys: string[] = [];

  constructor(private readonly tokenizer: ChineseTokenizer) {}

  get size(): number {
    return this.text.length;
  }

  /** The term's id if some live document has it, else -1. */
  known(term: string): number {
    const id = this.ids.get(term);
    return id !== undefined && this.df[id] > 0 ? id : -1;
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** The term's id, created if new (and entered in the homophone table if Chinese). */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.text.length;
    this.ids.set(term, id);
    this.text.push(term);
    if (id >= this.df.length) {
      this.df = grow(this.df, id + 1);
      this.lastDoc = grow(this.lastDoc, id + 1);
      this.flags = grow(this.flags, id + 1);
    }
    if (term.length >= 2 && term.length <= 12 && isHan(term)) {
      const p = this.tokenizer.pinyinOf(term);
      if (p) pushTo(this.homophones, foldPinyin(p.full), id);
    }
    return id;
  }

  /** Counts document `ord` for the term once. */
  countDoc(id: number, ord: number): void {
    if (this.lastDoc[id] !== ord + 1) {
      this.lastDoc[id] = ord + 1;
      this.df[id]++;
    }
  }

  /** Before recounting document frequencies (compaction). */
  resetCounts(): void {
    this.df.fill(0);
    this.lastDoc.fill(0);
  }

  /** A term seen in a pinyin field: its full pinyin and initials become keys (once per term). */
  registerPinyinWord(id: number): void {
    if (this.flags[id] & FLAG_PINYIN) return;
    this.flags[id] |= FLAG_PINYIN;
    const term = this.text[id];
    if (term.length < 2 || !isHan(term)) return;
    const p = this.tokenizer.pinyinOf(term);
    if (!p) return;
    this.addPinyinKey(p.full, id);
    this.addPinyinKey(p.initials, id);
  }

  /** The synthetic term for a value's initials (yyzzsldj), registered as a pinyin key. */
  internInitials(initials: string): string {
    const term = SYNTHETIC + initials;
    if (!this.ids.has(term)) this.addPinyinKey(initials, this.intern(term));
    return term;
  }

  private addPinyinKey(key: string, id: number): void {
    let ids = this.pinyinKeys.get(key);
    if (!ids) {
      ids = [];
      this.pinyinKeys.set(key, ids);
      this.pendingKeys.push(key);
    }
    if (!ids.includes(id)) ids.push(id);
  }

  /** Live terms whose key is exactly `key` (full pinyin or initials of a pinyin-field word), or whose folded full pinyin is. */
  pinyinExact(key: string): number[] {
    const out: number[] = [];
    for (const id of this.pinyinKeys.get(key) ?? []) if (this.df[id] > 0) out.push(id);
    for (const id of this.homophones.get(foldPinyin(key)) ?? []) if (this.df[id] > 0 && !out.includes(id)) out.push(id);
    return out;
  }

  isPinyinKey(key: string): boolean {
    return this.pinyinKeys.has(key) || this.homophones.has(foldPinyin(key));
  }

  /**
   * Live terms with a pinyin key that starts with `prefix` (not equal to it): shortest keys first, then the more
   * frequent, at most `max`.
   */
  pinyinPrefix(prefix: string, max: number): number[] {
    this.flushKeys();
    const found: { id: number; keyLen: number }[] = [];
    const keys = this.sortedKeys;
    for (let i = lowerBound(keys, prefix), scanned = 0; i < keys.length && scanned < 256; i++, scanned++) {
      const key = keys[i];
      if (!key.startsWith(prefix)) break;
      if (key === prefix) continue;
      for (const id of this.pinyinKeys.get(key)!) if (this.df[id] > 0) found.push({ id, keyLen: key.length });
    }
    found.sort((a, b) => a.keyLen - b.keyLen || this.df[b.id] - this.df[a.id] || cmp(this.text[a.id], this.text[b.id]));
    const out: number[] = [];
    for (const f of found) {
      if (out.length >= max) break;
      if (!out.includes(f.id)) out.push(f.id);
    }
    return out;
  }

  /** Live terms other than `text` with the same toneless pinyin, most frequent first, at most `max`. */
  homophonesOf(text: string, max: number): number[] {
    if (text.length < 2 || !isHan(text)) return [];
    const p = this.tokenizer.pinyinOf(text);
    const ids = p ? this.homophones.get(foldPinyin(p.full)) : undefined;
    if (!ids) return [];
    return ids
      .filter((id) => this.df[id] > 0 && this.text[id] !== text)
      .sort((a, b) => this.df[b] - this.df[a] || cmp(this.text[a], this.text[b]))
      .slice(0, max);
  }

  /** Moves new keys into the sorted array: a few by insertion, many by one sort. */
  private flushKeys(): void {
    if (this.pendingKeys.length === 0) return;
    if (this.pendingKeys.length < 64 && this.sortedKeys.length > 0) {
      for (const key of this.pendingKeys) this.sortedKeys.splice(lowerBound(this.sortedKeys, key), 0, key);
    } else {
      this.sortedKeys.push(...this.pendingKeys);
      this.sortedKeys.sort(cmp);
    }
    this.pendingKeys = [];
  }

  /** Bytes held by typed arrays. */
  bytes(): number {
    return this.df.byteLength + this.lastDoc.byteLength + this.flags.byteLength;
  }
}

/** Code-unit order, independent of locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushTo(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
