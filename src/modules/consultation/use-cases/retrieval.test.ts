import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../platform/search/index.js';
import { demoKbEntries } from '../../../demo/consultation-kb-data.js';
import { TypoNormaliser, consultationTokenizer, KnowledgeIndex, regionChain } from './retrieval.js';
import { compareFacts, regionsOverlap } from './contradictions.js';

const tokenizer = consultationTokenizer();

describe('typo and homophone normaliser', () => {
  const n = new TypoNormaliser(tokenizer, ['营业执照', '公积金', '社保卡', '身份证', '失业', '失业金', '户口本', '医保', '个税', '现在', '办事', '食品经营许可证']);

  it('replaces misspelt domain words by the word with the same sound', () => {
    expect(n.normalise('营叶执照怎么办').text).toBe('营业执照怎么办');
    expect(n.normalise('公基金提取').text).toBe('公积金提取');
    expect(n.normalise('社宝卡丢了').text).toBe('社保卡丢了');
    expect(n.normalise('身分证过期').text).toBe('身份证过期');
    expect(n.normalise('事业金怎么领').text).toBe('失业金怎么领');
    expect(n.normalise('医包报销').replaced).toEqual([{ from: '医包', to: '医保' }]);
  });

  it('leaves real words and unrelated text alone', () => {
    expect(n.normalise('事业单位招聘').text).toBe('事业单位招聘'); // 事业 is a word, not a typo of 失业
    expect(n.normalise('今天天气不错').replaced).toEqual([]);
    // Spans across the segmenter's words are not typos: 开个|水果 is not 个税, 想|在 not 现在, 办|食品 not 办事.
    expect(n.normalise('我想在小区门口开个水果店').replaced).toEqual([]);
    expect(n.normalise('便利店也要办食品许可吗').replaced).toEqual([]);
    expect(n.normalise('开饭馆的食品经营许可正要准备啥').text).toBe('开饭馆的食品经营许可证要准备啥');
    expect(n.normalise('公积金').replaced).toEqual([]);
    expect(n.normalise('<script>alert(1)</script>').text).toBe('<script>alert(1)</script>');
  });

  it('needs half of the characters in common (a homophone alone is not enough)', () => {
    const m = new TypoNormaliser(tokenizer, ['社保']);
    expect(m.normalise('设包').replaced).toEqual([]); // she bao, but no character shared
  });
});

describe('knowledge index', () => {
  const index = new KnowledgeIndex(tokenizer, new TypoNormaliser(tokenizer));
  const row = (id: string, question: string, regions: string[], extra: Partial<Record<string, unknown>> = {}) => ({
    id, code: id, department_id: 'd1', question, alternatives: JSON.stringify(extra.alternatives ?? []), answer: String(extra.answer ?? '答复'),
    region_codes: JSON.stringify(regions), valid_from: (extra.validFrom as string) ?? null, valid_to: (extra.validTo as string) ?? null,
    tags: '[]', item_codes: '[]', topic: null, status: String(extra.status ?? 'active'),
  });
  index.apply(row('rent', '租房提取住房公积金需要什么材料', ['390100'], { alternatives: ['租房可以取公积金吗'] }), ['澜州市住房公积金管理中心']);
  index.apply(row('loan', '住房公积金贷款最高能贷多少', ['390100']), []);
  index.apply(row('old', '公积金提取老办法', ['390100'], { validTo: '2020-01-01' }), []);
  index.apply(row('qc', '租房提取住房公积金需要什么材料', ['390200']), []);

  it('scores 0..1, best first, within the region chain and validity', () => {
    const hits = index.search('租房能取公积金吗', { regions: regionChain('390102'), today: '2026-11-20', limit: 5 });
    expect(hits[0].meta.id).toBe('rent');
    expect(hits.map((h) => h.meta.id)).not.toContain('qc');
    expect(hits.map((h) => h.meta.id)).not.toContain('old');
    for (const h of hits) expect(h.confidence).toBeGreaterThanOrEqual(0), expect(h.confidence).toBeLessThanOrEqual(1);
    expect(hits[0].confidence).toBeGreaterThan(0.7);
    const unrelated = index.search('公积金中心食堂的饭好吃吗', { regions: regionChain('390102'), today: '2026-11-20', limit: 5 });
    expect(unrelated.every((h) => h.confidence < 0.5)).toBe(true);
  });

  it('forgets a retired entry and re-indexes an edited one', () => {
    index.apply(row('loan', '住房公积金贷款最高能贷多少', ['390100'], { status: 'retired' }), []);
    expect(index.search('公积金贷款能贷多少', { regions: ['390100'], today: '2026-11-20', limit: 5 }).map((h) => h.meta.id)).not.toContain('loan');
    index.apply(row('loan', '住房公积金贷款最高能贷多少', ['390100']), []);
    expect(index.search('公积金贷款能贷多少', { regions: ['390100'], today: '2026-11-20', limit: 5 })[0].meta.id).toBe('loan');
  });

  it('names the region chain of a district, a city and the province', () => {
    expect(regionChain('390102')).toEqual(['390102', '390100', '390000']);
    expect(regionChain('390100')).toEqual(['390100', '390000']);
    expect(regionChain('390000')).toEqual(['390000']);
  });
});

describe('facts of two units', () => {
  it('compares materials as sets and the rest as text, ignoring punctuation and ways of saying free', () => {
    expect(compareFacts({ materials: ['身份证', '租赁合同'], fee: '免费' }, { materials: ['租赁合同', '身份证 '], fee: '不收费。' })).toEqual([]);
    expect(compareFacts({ limit: '每月最高1500元', timeLimit: '3个工作日' }, { limit: '每月最高1200元', timeLimit: '3个工作日' })).toEqual([
      { fact: 'limit', mine: '每月最高1500元', theirs: '每月最高1200元' },
    ]);
    expect(compareFacts({ eligibility: '本市户籍' }, { limit: 'x' })).toEqual([]); // nothing stated by both
    expect(compareFacts(null, { limit: 'x' })).toEqual([]);
  });

  it('overlaps regions when one covers the other', () => {
    expect(regionsOverlap(['390100'], ['390102'])).toBe(true);
    expect(regionsOverlap(['390000'], ['390202'])).toBe(true);
    expect(regionsOverlap(['390100'], ['390200'])).toBe(false);
    expect(regionsOverlap(['390102'], ['390105'])).toBe(false);
  });
});

describe('the demo knowledge base and the evaluation set', () => {
  const strip = (t: string) => normalizeText(t).replace(/[\s\p{P}\p{S}]+/gu, '');

  it('share no identical phrasing (the evaluation measures understanding, not lookup)', () => {
    const evalSet = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'bench/consultation-eval.json'), 'utf8')) as { questions: { id: string; text: string }[] };
    expect(evalSet.questions.length).toBeGreaterThanOrEqual(200);
    const kbPhrases = new Set(demoKbEntries.flatMap((e) => [e.question, ...e.alternatives]).map(strip));
    const same = evalSet.questions.filter((q) => kbPhrases.has(strip(q.text))).map((q) => q.id);
    expect(same).toEqual([]);
  });

  it('finds every valid demo entry by its own standard question in its region', () => {
    const normaliser = new TypoNormaliser(tokenizer);
    const index = new KnowledgeIndex(tokenizer, normaliser);
    for (const e of demoKbEntries) {
      index.apply({
        id: e.code, code: e.code, department_id: e.departmentKey, question: e.question, alternatives: JSON.stringify(e.alternatives), answer: e.answer,
        region_codes: JSON.stringify(e.regionCodes), valid_from: e.validFrom ?? null, valid_to: e.validTo ?? null, tags: JSON.stringify(e.tags),
        item_codes: JSON.stringify(e.itemCodes ?? []), topic: e.topic ?? null, status: 'active',
      }, []);
    }
    const today = '2026-11-28';
    const valid = demoKbEntries.filter((e) => (!e.validFrom || e.validFrom <= today) && (!e.validTo || today <= e.validTo));
    const missed = valid.filter((e) => !index.search(e.question, { regions: regionChain(e.regionCodes[0]), today, limit: 3 }).some((h) => h.meta.code === e.code));
    expect(missed.map((e) => e.code)).toEqual([]);
  });
});
