/**
 * Chinese text analysis for search: normalisation, word segmentation with jieba and the government-domain
 * dictionary, stop words, synonyms and pinyin.
 *
 * Index side (`tokens`): jieba's search mode, which emits each word and the dictionary words inside it
 * (住房公积金 → 住房, 公积, 积金, 公积金, 住房公积金), plus any domain word inside a longer token that search mode
 * does not emit (it only looks at 2- and 3-character pieces: 食品经营许可证 also gives 食品经营).
 *
 * Query side (`analyzeQuery`): jieba's precise mode (the longest words), each word with its synonyms. Words the
 * index does not know (pinyin, typos, long words never seen whole) are resolved by the index, because that needs
 * its vocabulary.
 *
 * A tokenizer is immutable once built: an index must be queried with the tokenizer that built it. Each
 * tokenizer owns a jieba instance (loading jieba's dictionary takes ~0.2 s and ~60 MB); share one through
 * `createDefaultTokenizer()` where the default words and synonyms do.
 */
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { GOVERNMENT_WORDS } from './gov-words.js';
import { GOVERNMENT_SYNONYMS } from './synonyms.js';

/**
 * Dropped from documents and queries: particles, pronouns and question words that carry no subject. Only whole
 * tokens are dropped, so 办 goes but 办证 and 办事指南 stay.
 */
export const STOP_WORDS: readonly string[] = Object.freeze([
  '的', '了', '吗', '呢', '啊', '吧', '呀', '嘛', '哦', '么', '着', '过', '地', '得', '之',
  '我', '我们', '你', '您', '你们', '他', '她', '它', '他们', '自己', '本人',
  '要', '想', '想要', '想问', '想开', '想办', '要办', '请问', '请', '问', '问下', '问一下', '一下', '咨询一下',
  '怎么', '怎样', '怎么样', '如何', '怎么办', '咋', '咋办', '怎么弄', '怎么搞', '怎么办理', '如何办理',
  '哪里', '哪儿', '哪个', '哪些', '哪', '什么', '啥', '什么样', '多少', '几', '多久', '多长时间', '什么时候', '何时',
  '是', '是否', '在', '去', '到', '和', '与', '及', '以及', '或', '或者', '还是', '并', '等', '等等', '就', '都',
  '也', '还', '又', '再', '才', '把', '被', '给', '让', '对', '从', '向', '跟', '这', '那', '这个', '那个', '这些',
  '那些', '可以', '可', '能', '能否', '能不能', '可不可以', '应该', '该', '需', '得要', '有', '有没有', '没有',
  '办', '做', '弄', '搞', '找', '一个', '个', '些',
]);

/**
 * Words that say "how do I do it" rather than what: they add to the score but a document need not contain them
 * (so 营业执照 办理 finds a licence item whose text never says 办理).
 */
export const QUERY_FILLER_WORDS: readonly string[] = Object.freeze([
  '办理', '手续', '流程', '相关', '所需', '需要', '材料', '资料', '事项', '业务', '服务', '指南', '步骤', '方法',
  '地方', '地点', '窗口', '网上', '线上', '在线', '申办', '规定', '政策', '要求', '条件',
]);

/** One word of a query after analysis. */
export interface QueryWord {
  /** The word as typed (normalised). */
  text: string;
  /** 'han': Chinese characters only; 'ascii': latin letters and digits only; 'mixed': anything else. */
  kind: 'han' | 'ascii' | 'mixed';
  /** Consecutive Chinese words share a run number (used to join split typos); -1 for other words. */
  run: number;
  /** A filler word (办理, 手续…): scored, not required. */
  filler: boolean;
  /** Synonyms and official names for the word. */
  synonyms: readonly string[];
}

export interface ChineseTokenizerOptions {
  /** Extra words for the segmenter, in addition to the government dictionary. */
  extraWords?: readonly string[];
  /** Synonyms; default GOVERNMENT_SYNONYMS. Pass a merged map (mergeSynonyms) to extend the defaults. */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Leave out the government dictionary (tests of the segmenter itself). */
  withoutGovernmentWords?: boolean;
  stopWords?: readonly string[];
  fillerWords?: readonly string[];
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const ASCII_ONLY = /^[a-z0-9]+$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Frequency given to dictionary words: high enough that jieba keeps them whole against their parts. */
const WORD_FREQ = 20000;
const CACHE_LIMIT = 20000;

/**
 * A segment as a word (trimmed), or null for whitespace and punctuation. Fast path for the common first
 * characters (CJK ideographs, ASCII letters and digits); the Unicode test for the rest.
 */
function wordOrNull(segment: string): string | null {
  const c = segment.charCodeAt(0);
  const last = segment.charCodeAt(segment.length - 1);
  const plain = c > 0x20 && last > 0x20 && c !== 0x3000 && last !== 0x3000;
  if (plain && ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return segment;
  const t = plain ? segment : segment.trim();
  return t && WORD_CHAR.test(t) ? t : null;
}

/** Full-width → half-width (NFKC), lowercase. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function isHan(word: string): boolean {
  return HAN_ONLY.test(word);
}

/**
 * Pinyin folded for typo tolerance (the usual 模糊音 of pinyin input): zh/ch/sh → z/c/s, -ng → -n. 护造 (huzao)
 * then meets 护照 (huzhao), 营叶 (yingye) 营业.
 */
export function foldPinyin(p: string): string {
  return p.replace(/([zcs])h/g, '$1').replace(/ng/g, 'n');
}

/** Pinyin of a word without tones: syllables (营业执照 → ying ye zhi zhao), ü written v. */
export interface WordPinyin {
  /** The syllables joined: yingyezhizhao. */
  full: string;
  /** First letters of the syllables: yyzz. */
  initials: string;
}

export class ChineseTokenizer {
  private readonly jieba: Jieba;
  private readonly stop: Set<string>;
  private readonly filler: Set<string>;
  private readonly synonyms: Map<string, readonly string[]>;
  /** Domain words and synonym words: looked for inside long tokens. */
  private readonly domain: Set<string>;
  private readonly domainMaxLen: number;
  private readonly partsCache = new Map<string, readonly string[]>();
  /** Full pinyin and initials of the dictionary's words → the words (made on first use). */
  private dictPinyin: Map<string, string[]> | undefined;
  private readonly pinyinCache = new Map<string, WordPinyin | null>();

  constructor(opts: ChineseTokenizerOptions = {}) {
    this.stop = new Set((opts.stopWords ?? STOP_WORDS).map(normalizeText));
    this.filler = new Set((opts.fillerWords ?? QUERY_FILLER_WORDS).map(normalizeText));
    this.synonyms = new Map();
    for (const [k, vs] of Object.entries(opts.synonyms ?? GOVERNMENT_SYNONYMS)) {
      const key = normalizeText(k);
      const values = [...new Set(vs.map(normalizeText))].filter((v) => v !== key && v.length > 0);
      if (values.length > 0) this.synonyms.set(key, values);
    }
    const words = new Set<string>();
    const add = (w: string) => {
      const n = normalizeText(w).trim();
      if (n.length > 1 && !/\s/.test(n)) words.add(n);
    };
    if (!opts.withoutGovernmentWords) GOVERNMENT_WORDS.forEach(add);
    opts.extraWords?.forEach(add);
    for (const [k, vs] of this.synonyms) {
      add(k);
      vs.forEach(add);
    }
    this.domain = words;
    this.domainMaxLen = Math.max(0, ...[...words].map((w) => w.length));
    this.jieba = Jieba.withDict(jiebaDict);
    const lines = [...words].map((w) => `${w} ${WORD_FREQ} n`).join('\n');
    if (lines) this.jieba.loadDict(Buffer.from(lines + '\n', 'utf8'));
  }

  /** Whether the word is in the government dictionary, the extra words or the synonyms. */
  isDomainWord(word: string): boolean {
    return this.domain.has(word);
  }

  isStopWord(word: string): boolean {
    return this.stop.has(word);
  }

  synonymsOf(word: string): readonly string[] {
    return this.synonyms.get(word) ?? [];
  }

  /**
   * Index tokens of a text, in order, repeated as often as they occur: each word and the dictionary words inside
   * it, lowercase, without punctuation and stop words.
   */
  tokens(text: string): string[] {
    const out: string[] = [];
    if (!text) return out;
    for (const t of this.jieba.cutForSearch(normalizeText(text), false)) {
      const token = wordOrNull(t);
      if (token === null || this.stop.has(token)) continue;
      out.push(token);
      if (token.length >= 4) for (const p of this.domainInside(token)) out.push(p);
    }
    return out;
  }

  /** Precise segmentation (the longest words), without punctuation and stop words. */
  words(text: string): string[] {
    const out: string[] = [];
    if (!text) return out;
    for (const t of this.jieba.cut(normalizeText(text), false)) {
      const token = wordOrNull(t);
      if (token !== null && !this.stop.has(token)) out.push(token);
    }
    return out;
  }

  /** The words of a query (precise segmentation, stop words dropped) with their synonyms (see QueryWord). */
  analyzeQuery(query: string): QueryWord[] {
    const out: QueryWord[] = [];
    if (!query) return out;
    let run = 0;
    for (const t of this.jieba.cut(normalizeText(query), false)) {
      const text = wordOrNull(t);
      if (text === null || this.stop.has(text)) {
        run++;
        continue;
      }
      const kind = HAN_ONLY.test(text) ? 'han' : ASCII_ONLY.test(text) ? 'ascii' : 'mixed';
      if (kind !== 'han') run++;
      out.push({
        text,
        kind,
        run: kind === 'han' ? run : -1,
        filler: this.filler.has(text),
        synonyms: this.synonyms.get(text) ?? [],
      });
    }
    return out;
  }

  /** Toneless pinyin of a word of Chinese characters (null for anything else). Cached. */
  pinyinOf(word: string): WordPinyin | null {
    let p = this.pinyinCache.get(word);
    if (p !== undefined) return p;
    p = null;
    if (HAN_ONLY.test(word)) {
      const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
      if (syllables.length === word.length && syllables.every((s) => /^[a-z]+$/.test(s))) {
        p = { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
      }
    }
    if (this.pinyinCache.size >= CACHE_LIMIT) this.pinyinCache.clear();
    this.pinyinCache.set(word, p);
    return p;
  }

  /**
   * Dictionary words (government words, extra words, synonym words) whose full pinyin or initials are `key`, so
   * that `dibao` or `ybk` find 低保 and 医保卡 — and through their synonyms the official names — even when no
   * document uses the colloquial word.
   */
  dictionaryWordsByPinyin(key: string): readonly string[] {
    if (!this.dictPinyin) {
      this.dictPinyin = new Map();
      for (const w of [...this.domain].sort()) {
        const p = this.pinyinOf(w);
        if (!p) continue;
        for (const k of new Set([p.full, p.initials])) {
          const list = this.dictPinyin.get(k);
          if (list) list.push(w);
          else this.dictPinyin.set(k, [w]);
        }
      }
    }
    return this.dictPinyin.get(key) ?? [];
  }

  /** Domain words strictly inside a token (4+ characters: shorter ones jieba's search mode already emits). */
  private domainInside(token: string): readonly string[] {
    let parts = this.partsCache.get(token);
    if (parts) return parts;
    const found: string[] = [];
    const max = Math.min(this.domainMaxLen, token.length - 1);
    for (let len = 4; len <= max; len++) {
      for (let i = 0; i + len <= token.length; i++) {
        const s = token.slice(i, i + len);
        if (this.domain.has(s) && !found.includes(s)) found.push(s);
      }
    }
    parts = found;
    if (this.partsCache.size >= CACHE_LIMIT) this.partsCache.clear();
    this.partsCache.set(token, parts);
    return parts;
  }
}

let defaultTokenizer: ChineseTokenizer | undefined;

/**
 * The tokenizer with the government dictionary and synonyms, created on first use and shared (it is immutable;
 * loading jieba takes ~0.2 s).
 */
export function createDefaultTokenizer(): ChineseTokenizer {
  defaultTokenizer ??= new ChineseTokenizer();
  return defaultTokenizer;
}
