import { describe, expect, it } from 'vitest';
import { ChineseTokenizer, createDefaultTokenizer, foldPinyin, normalizeText } from './tokenizer.js';
import { equivalents, GOVERNMENT_SYNONYMS, mergeSynonyms } from './synonyms.js';

const tk = createDefaultTokenizer();

describe('ChineseTokenizer', () => {
  it('keeps government words whole in precise mode', () => {
    expect(tk.words('住房公积金提取')).toEqual(['住房公积金提取']);
    expect(tk.words('医保报销')).toEqual(['医保报销']);
    expect(tk.words('我想办营业执照')).toEqual(['营业执照']);
    expect(tk.words('食品经营许可证延续')).toEqual(['食品经营许可证', '延续']);
    expect(tk.words('一网通办和跨省通办')).toEqual(['一网通办', '跨省通办']);
    expect(tk.words('统一社会信用代码')).toEqual(['统一社会信用代码']);
    expect(tk.words('出生医学证明补领')).toEqual(['出生医学证明', '补领']);
  });

  it('indexes a word and the dictionary words inside it', () => {
    const tokens = tk.tokens('住房公积金提取');
    expect(tokens).toEqual(expect.arrayContaining(['公积金', '住房公积金', '住房公积金提取', '提取']));
    // 4+ character domain words inside a longer token, which jieba's search mode does not emit
    expect(tk.tokens('食品经营许可证')).toEqual(expect.arrayContaining(['食品经营', '食品经营许可证', '许可证']));
    expect(tk.tokens('医保')).toEqual(['医保']);
  });

  it('normalises width and case and drops punctuation and stop words', () => {
    expect(normalizeText('ＹＹＺＺ　１２３４５')).toBe('yyzz 12345');
    expect(tk.words('请问，怎么办理营业执照？')).toEqual(['办理', '营业执照']);
    expect(tk.words('公积金的提取')).toEqual(['公积金', '提取']);
    // single characters that are not stop words stay
    expect(tk.words('房')).toEqual(['房']);
  });

  it('keeps colloquial synonym keys whole in queries and attaches their expansions', () => {
    const words = tk.analyzeQuery('开饭店需要什么手续');
    expect(words.map((w) => w.text)).toEqual(['开饭店', '需要', '手续']);
    expect(words[0].synonyms).toEqual(expect.arrayContaining(['餐饮', '食品经营']));
    expect(words[1].filler && words[2].filler).toBe(true);
    expect(tk.analyzeQuery('生孩子上户口').map((w) => w.text)).toEqual(['生孩子', '上户口']);
    expect(tk.analyzeQuery('户口')[0].synonyms).toContain('户籍');
    expect(tk.analyzeQuery('yyzz 办理').map((w) => [w.text, w.kind])).toEqual([['yyzz', 'ascii'], ['办理', 'han']]);
  });

  it('gives toneless pinyin with initials', () => {
    expect(tk.pinyinOf('营业执照')).toEqual({ full: 'yingyezhizhao', initials: 'yyzz' });
    expect(tk.pinyinOf('绿色通道')).toEqual({ full: 'lvsetongdao', initials: 'lstd' });
    expect(tk.pinyinOf('abc')).toBeNull();
    // folded for typo tolerance: zh/ch/sh → z/c/s, -ng → -n
    expect(foldPinyin('huzhao')).toBe(foldPinyin('huzao'));
    expect(foldPinyin('yingye')).toBe('yinye');
    expect(foldPinyin('shenqing')).toBe('senqin');
  });

  it('finds dictionary words by their pinyin', () => {
    expect(tk.dictionaryWordsByPinyin('dibao')).toContain('低保');
    expect(tk.dictionaryWordsByPinyin('ybk')).toContain('医保卡');
    expect(tk.dictionaryWordsByPinyin('zzzz')).toEqual([]);
  });

  it('shares one default tokenizer and builds custom ones with extra words and synonyms', () => {
    expect(createDefaultTokenizer()).toBe(tk);
    const custom = new ChineseTokenizer({
      extraWords: ['澜州市'],
      synonyms: mergeSynonyms(GOVERNMENT_SYNONYMS, equivalents([['一老一小', '养老托育']])),
    });
    expect(tk.words('澜州市公积金')).not.toContain('澜州市');
    expect(custom.words('澜州市公积金')).toEqual(['澜州市', '公积金']);
    expect(custom.synonymsOf('一老一小')).toEqual(['养老托育']);
    expect(custom.synonymsOf('户口')).toContain('户籍');
  });
});

describe('synonyms', () => {
  it('maps equivalence groups both ways and colloquial words one way', () => {
    expect(GOVERNMENT_SYNONYMS['户籍']).toContain('户口');
    expect(GOVERNMENT_SYNONYMS['户口']).toContain('户籍');
    expect(GOVERNMENT_SYNONYMS['开饭店']).toContain('食品经营');
    expect(GOVERNMENT_SYNONYMS['食品经营']).toBeUndefined();
    for (const [k, vs] of Object.entries(GOVERNMENT_SYNONYMS)) expect(vs, k).not.toContain(k);
  });
});
