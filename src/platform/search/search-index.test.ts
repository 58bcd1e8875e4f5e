import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTokenizer, SearchIndex, type SearchDocument, type SearchField } from './index.js';

const FIELDS: SearchField[] = [
  { name: 'title', weight: 5, pinyin: true },
  { name: 'aliases', weight: 3, pinyin: true },
  { name: 'department', weight: 1.5 },
  { name: 'body', weight: 1 },
];

/** A small catalogue; region codes follow the demo province (390000 → 390100 → 390102). */
const CORPUS: SearchDocument[] = [
  {
    id: 'licence-new',
    fields: { title: '营业执照设立登记', aliases: ['开公司', '办执照'], department: '市场监督管理局', body: '申请人提交设立登记申请书、名称、住所和经营范围等材料。' },
    facets: { department: ['scjg'], region: ['390100'], object: ['enterprise'], theme: ['startup'] },
  },
  {
    id: 'licence-change',
    fields: { title: '营业执照变更登记', department: '市场监督管理局', body: '名称、住所、法定代表人、经营范围变更的，应当申请变更登记。' },
    facets: { department: ['scjg'], region: ['390100'], object: ['enterprise'], theme: ['startup'] },
  },
  {
    id: 'licence-cancel',
    fields: { title: '企业注销登记', department: '市场监督管理局', body: '企业解散后办理注销登记，缴回营业执照正副本。' },
    facets: { department: ['scjg'], region: ['390100'], object: ['enterprise'], theme: ['closing'] },
  },
  {
    id: 'food',
    fields: { title: '食品经营许可证核发', aliases: ['小餐饮许可'], department: '市场监督管理局', body: '从事食品销售和餐饮服务的，应当取得食品经营许可证。' },
    facets: { department: ['scjg'], region: ['390102'], object: ['enterprise', 'person'], theme: ['startup'] },
  },
  {
    id: 'hukou-birth',
    fields: { title: '出生登记', aliases: ['新生儿落户'], department: '公安局', body: '新生儿出生后一个月内，由监护人凭出生医学证明到户籍所在地派出所办理户籍登记。' },
    facets: { department: ['ga'], region: ['390102'], object: ['person'], theme: ['hukou', 'birth'], lifeEvent: ['birth'] },
  },
  {
    id: 'hukou-move',
    fields: { title: '户籍迁移', department: '公安局', body: '因工作、婚姻、投靠等原因迁移户籍的，向迁入地派出所申请。' },
    facets: { department: ['ga'], region: ['390100'], object: ['person'], theme: ['hukou'] },
  },
  {
    id: 'birth-cert',
    fields: { title: '出生医学证明首次签发', department: '卫生健康委员会', body: '新生儿在助产机构出生的，由助产机构签发出生医学证明。' },
    facets: { department: ['wj'], region: ['390000'], object: ['person'], theme: ['birth'], lifeEvent: ['birth'] },
  },
  {
    id: 'fund-withdraw',
    fields: { title: '住房公积金提取', aliases: ['公积金取钱'], department: '住房公积金管理中心', body: '职工购买、建造、翻建、大修自住住房或者租房的，可以提取住房公积金账户内的存储余额。' },
    facets: { department: ['gjj'], region: ['390100'], object: ['person'], theme: ['housing'] },
  },
  {
    id: 'fund-loan',
    fields: { title: '住房公积金贷款', department: '住房公积金管理中心', body: '缴存职工购买自住住房可以申请住房公积金贷款。' },
    facets: { department: ['gjj'], region: ['390100'], object: ['person'], theme: ['housing'] },
  },
  {
    id: 'social-card',
    fields: { title: '社会保障卡申领', aliases: ['社保卡办理'], department: '人力资源和社会保障局', body: '参加社会保险的人员可以申领社会保障卡，用于就医结算和待遇领取。' },
    facets: { department: ['rs'], region: ['390102'], object: ['person'], theme: ['social-insurance'] },
  },
  {
    id: 'social-register',
    fields: { title: '职工参保登记', department: '人力资源和社会保障局', body: '用人单位应当自用工之日起三十日内为职工办理社会保险登记。' },
    facets: { department: ['rs'], region: ['390100'], object: ['enterprise'], theme: ['social-insurance'] },
  },
  {
    id: 'medical-remote',
    fields: { title: '异地就医备案', department: '医疗保障局', body: '参加基本医疗保险的人员跨省就医前可以办理备案，享受直接结算。' },
    facets: { department: ['yb'], region: ['390000'], object: ['person'], theme: ['medical'] },
  },
  {
    id: 'elderly',
    fields: { title: '高龄津贴申领', department: '民政局', body: '年满八十周岁的老年人可以申请高龄津贴，按月发放。' },
    facets: { department: ['mz'], region: ['390102'], object: ['person'], theme: ['elderly'] },
  },
  {
    id: 'pension',
    fields: { title: '基本养老金申领', aliases: ['退休待遇领取'], department: '人力资源和社会保障局', body: '参保人员达到法定退休年龄且缴费满十五年的，可以按月领取基本养老金。' },
    facets: { department: ['rs'], region: ['390100'], object: ['person'], theme: ['social-insurance', 'elderly'] },
  },
  {
    id: 'id-card',
    fields: { title: '居民身份证换领', department: '公安局', body: '居民身份证有效期满的，应当换领新证。' },
    facets: { department: ['ga'], region: ['390102'], object: ['person'], theme: ['identity'] },
  },
];

function build(docs: SearchDocument[] = CORPUS): SearchIndex {
  const index = new SearchIndex({ fields: FIELDS, tokenizer: createDefaultTokenizer() });
  for (const d of docs) index.add(d);
  return index;
}

const ids = (index: SearchIndex, q: string, opts = {}) => index.search(q, opts).hits.map((h) => h.id);

describe('SearchIndex', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = build();
  });

  it('finds documents by whole government words', () => {
    expect(ids(index, '公积金')).toEqual(expect.arrayContaining(['fund-withdraw', 'fund-loan']));
    expect(ids(index, '公积金').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(ids(index, '营业执照')[0]).toMatch(/^licence-(new|change)$/);
    // a document that only says 住房 (housing) is not a 住房公积金 (housing fund) hit
    const housing = build([
      { id: 'fund', fields: { title: '住房公积金提取' } },
      { id: 'rent', fields: { title: '公共租赁住房申请', body: '住房困难家庭' } },
    ]);
    expect(ids(housing, '住房公积金')).toEqual(['fund']);
    expect(ids(housing, '公积金')).toEqual(['fund']);
    expect(ids(housing, '住房').sort()).toEqual(['fund', 'rent']);
  });

  it('expands synonyms and common names, a little below the exact word', () => {
    // 户口 → 户籍
    expect(ids(index, '户口')).toEqual(expect.arrayContaining(['hukou-move', 'hukou-birth']));
    // 社保 → 社会保险; 社保卡 → 社会保障卡
    expect(ids(index, '社保')).toEqual(expect.arrayContaining(['social-register', 'social-card']));
    expect(ids(index, '社保卡')[0]).toBe('social-card');
    // 执照 → 营业执照 (and the word itself inside 营业执照)
    expect(ids(index, '执照')).toEqual(expect.arrayContaining(['licence-new', 'licence-change']));
    // colloquial phrases
    expect(ids(index, '开饭店需要什么手续')[0]).toBe('food');
    expect(ids(index, '生孩子上户口')[0]).toBe('hukou-birth');
    expect(ids(index, '老人补贴')[0]).toBe('elderly');
    expect(ids(index, '退休金')[0]).toBe('pension');
    expect(ids(index, '身份证')[0]).toBe('id-card');
    expect(ids(index, '医保')).toContain('medical-remote');
    // an exact match scores above the same match through a synonym
    const both = build([
      { id: 'a', fields: { title: '户籍证明' } },
      { id: 'b', fields: { title: '户口证明' } },
    ]);
    expect(ids(both, '户口')).toEqual(['b', 'a']);
    expect(ids(both, '户籍')).toEqual(['a', 'b']);
    const [hb, ha] = both.search('户口').hits;
    expect(hb.score).toBeGreaterThan(ha.score);
    expect(ha.matched).toEqual(['户籍']);
  });

  it('finds by pinyin initials, full pinyin and prefixes, also mixed with Chinese', () => {
    expect(ids(index, 'yyzz').slice(0, 2).sort()).toEqual(['licence-change', 'licence-new']);
    expect(ids(index, 'gjj').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(ids(index, 'gongjijin').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(ids(index, 'shebaoka')[0]).toBe('social-card');
    expect(ids(index, 'sbk')[0]).toBe('social-card');
    expect(ids(index, 'yyzz 变更')[0]).toBe('licence-change');
    expect(ids(index, 'ＹＹＺＺ 办理').slice(0, 2).sort()).toEqual(['licence-change', 'licence-new']);
    // the filler word 办理 adds little: a title match stays above a body match that also says 办理
    const filler = build([
      { id: 'title', fields: { title: '营业执照变更' } },
      { id: 'body', fields: { title: '企业注销', body: '办理注销后缴回营业执照，办理完毕。' } },
    ]);
    expect(ids(filler, 'yyzz 办理')).toEqual(['title', 'body']);
    expect(ids(filler, '营业执照 办理')).toEqual(['title', 'body']);
    // whole-title initials: 高龄津贴申领 → gljtsl; a prefix of a key
    expect(ids(index, 'gljtsl')[0]).toBe('elderly');
    expect(ids(index, 'gaoling')[0]).toBe('elderly');
    // several words in one pinyin string
    expect(ids(index, 'gjjdk')[0]).toBe('fund-loan');
    expect(index.search('yyzz').hits[0].matched).toContain('营业执照');
    // fuzzy initials (zh ≈ z, -ng ≈ -n) for typed pinyin
    const fuzzy = build([{ id: 'f', fields: { title: '住房公积金提取' } }, { id: 'g', fields: { title: '户籍证明' } }]);
    expect(ids(fuzzy, 'zufang')).toEqual(['f']);
    expect(ids(fuzzy, 'gonjijin')).toEqual(['f']);
    // the pinyin of a dictionary word no document uses (低保) reaches its official name through synonyms
    const dibao = build([{ id: 'db', fields: { title: '最低生活保障申请' } }, { id: 'other', fields: { title: '低温补贴' } }]);
    expect(ids(dibao, 'dibao')).toEqual(['db']);
  });

  it('falls back to homophones for words it does not know, below exact words', () => {
    expect(ids(index, '营叶执照').slice(0, 2).sort()).toEqual(['licence-change', 'licence-new']);
    expect(ids(index, '公基金').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(ids(index, '高林津贴')[0]).toBe('elderly');
    const typo = index.search('公基金').hits[0];
    const exact = index.search('公积金').hits.find((h) => h.id === typo.id)!;
    expect(typo.score).toBeLessThan(exact.score);
    expect(typo.matched).toContain('公积金');
    // fuzzy pinyin: 造 (zao) for 照 (zhao)
    const passport = build([{ id: 'p', fields: { title: '普通护照签发' } }, { id: 'q', fields: { title: '户籍证明' } }]);
    expect(ids(passport, '护造')).toEqual(['p']);
  });

  it('ranks title matches above body matches, and rare words above common ones', () => {
    // 营业执照 is in the titles of licence-new/-change and in the body of licence-cancel
    const hits = ids(index, '营业执照');
    expect(hits.indexOf('licence-cancel')).toBeGreaterThan(hits.indexOf('licence-new'));
    expect(hits.indexOf('licence-cancel')).toBeGreaterThan(hits.indexOf('licence-change'));

    const small = build([
      { id: 'common', fields: { title: '事项一', body: '申请 登记 申请' } },
      { id: 'rare', fields: { title: '事项二', body: '登记 迁移' } },
      { id: 'other1', fields: { title: '事项三', body: '申请' } },
      { id: 'other2', fields: { title: '事项四', body: '申请 登记' } },
    ]);
    // 迁移 is in one document, 申请 in three: a document with the rare word wins
    expect(ids(small, '申请 迁移', { match: 'any' })[0]).toBe('rare');
    // a shorter field with the same term frequency scores higher (length normalisation)
    const norm = build([
      { id: 'long', fields: { title: '迁移', body: '户籍 迁移 证明 材料 说明 办理 地点 时间 费用 依据' } },
      { id: 'short', fields: { title: '迁移', body: '户籍' } },
    ]);
    expect(ids(norm, '户籍')).toEqual(['short', 'long']);
  });

  it('scores a word and its expansions as one term, so a rare expansion does not outweigh the word', () => {
    const lost = build([
      { id: 'id-reissue', fields: { title: '居民身份证补领', body: '居民身份证遗失的，可以申请补领。' } },
      { id: 'card-loss', fields: { title: '社会保障卡挂失', body: '持居民身份证办理社会保障卡挂失。' } },
      ...['户口迁移', '居住证补领', '驾驶证补领', '护照补领', '结婚证补领'].map((t, i) => ({ id: `x${i}`, fields: { title: t } })),
    ]);
    // 丢了 → 补领, 挂失, 遗失: 挂失 is rarer than 补领 but both stand for 丢了
    expect(ids(lost, '身份证丢了怎么办')[0]).toBe('id-reissue');
  });

  it('treats single characters as optional', () => {
    // 取 is not required, so 公积金 documents match
    expect(ids(index, '公积金怎么取').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(index.analyze('公积金怎么取').map((w) => [w.word, w.required])).toEqual([['公积金', true], ['取', false]]);
  });

  it('requires every word in auto mode, falls back to any word when none has all', () => {
    const r = index.search('公积金 贷款');
    expect(r.mode).toBe('all');
    expect(r.hits.map((h) => h.id)).toEqual(['fund-loan']);
    // filler words (办理) do not have to match
    expect(ids(index, '高龄津贴 办理')).toEqual(['elderly']);
    // no document has both: any word, ranked by coverage
    const any = index.search('公积金 高龄津贴');
    expect(any.mode).toBe('any');
    expect(any.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['fund-loan', 'fund-withdraw', 'elderly']));
    expect(index.search('公积金 高龄津贴', { match: 'all' }).total).toBe(0);
    // every document matching all words also matches any word, with the same score ('all' is evaluated word by word
    // over the documents having the words before)
    for (const q of ['公积金 提取', '社保 申领', '户口 登记', '营业执照 变更 登记', 'yyzz 变更', '出生 证明']) {
      const conj = index.search(q, { match: 'all', limit: 100 });
      const disj = index.search(q, { match: 'any', limit: 100 });
      expect(conj.total, q).toBeGreaterThan(0);
      for (const h of conj.hits) expect(disj.hits.find((x) => x.id === h.id)?.score, `${q} ${h.id}`).toBeCloseTo(h.score, 9);
    }
    // matching any word, a word in most documents (申请) is not enough on its own
    const common = build([
      { id: 'dibao', fields: { title: '最低生活保障申请' }, facets: { theme: ['assistance'] } },
      ...['居住证', '护照', '驾驶证', '社保卡'].map((t, i) => ({ id: `c${i}`, fields: { title: `${t}申请` }, facets: { theme: ['other'] } })),
    ]);
    expect(ids(common, '低保怎么申请')).toEqual(['dibao']);
    expect(common.search('低保怎么申请', { filter: { theme: ['other'] } }).total).toBe(0);
    expect(common.search('申请', { filter: { theme: ['other'] } }).total).toBe(4);
    // words the index knows nothing of are not required
    expect(ids(index, '公积金 喵喵喵').slice(0, 2).sort()).toEqual(['fund-loan', 'fund-withdraw']);
    expect(index.search('喵喵喵').total).toBe(0);
  });

  it('filters by facets: OR within a facet, AND across facets', () => {
    const cityOrDistrict = { region: ['390102', '390100'] };
    const all = index.search('登记', { filter: cityOrDistrict, limit: 100 });
    expect(all.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['licence-new', 'hukou-birth', 'social-register']));
    const both = index.search('登记', { filter: { ...cityOrDistrict, object: ['person'] }, limit: 100 });
    expect(both.hits.map((h) => h.id).sort()).toEqual(['hukou-birth']);
    expect(both.total).toBe(1);
    expect(index.search('登记', { filter: { region: ['390102'] } }).hits.map((h) => h.id)).toEqual(['hukou-birth']);
    // unknown value: nothing passes; empty list: no constraint
    expect(index.search('登记', { filter: { region: ['999999'] } }).total).toBe(0);
    expect(index.search('登记', { filter: { region: [] } }).total).toBe(index.search('登记').total);
    // a document with two values of one facet passes once
    expect(index.search('食品', { filter: { object: ['person', 'enterprise'] } }).total).toBe(1);
  });

  it('lists documents for an empty query, by boost then sort key then id', () => {
    const browse = index.search('', { filter: { theme: ['hukou'] } });
    expect(browse.mode).toBe('browse');
    expect(browse.total).toBe(2);
    expect(browse.hits.map((h) => h.id)).toEqual(['hukou-birth', 'hukou-move'].sort((a, b) => {
      const t = (id: string) => CORPUS.find((d) => d.id === id)!.fields.title as string;
      return t(a) < t(b) ? -1 : 1;
    }));
    expect(index.search('   ').total).toBe(CORPUS.length);
    const boosted = build([
      { id: 'x', fields: { title: '乙' } },
      { id: 'y', fields: { title: '甲' }, boost: 2 },
      { id: 'z', fields: { title: '甲' } },
      { id: 'w', fields: { title: '丙' }, sortKey: '0' },
    ]);
    // boost first, then sort key in code-unit order ('0' < 乙 U+4E59 < 甲 U+7532), then id
    expect(ids(boosted, '')).toEqual(['y', 'w', 'x', 'z']);
    expect(ids(boosted, '', { offset: 1, limit: 2 })).toEqual(['w', 'x']);
  });

  it('counts facet values among all matches when asked', () => {
    const r = index.search('申领', { facets: ['theme', 'department'], limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(3);
    expect(r.facets).toEqual({
      theme: { elderly: 2, 'social-insurance': 2 },
      department: { rs: 2, mz: 1 },
    });
    expect(index.search('申领').facets).toBeUndefined();
    const browse = index.search('', { facets: ['object'] });
    expect(browse.facets).toEqual({ object: { person: 11, enterprise: 5 } });
  });

  it('adds, removes and replaces single documents', () => {
    const live = build(CORPUS.slice(0, 9)); // up to fund-loan
    expect(live.size).toBe(9);
    expect(ids(live, '社保卡')).toEqual([]);
    live.add(CORPUS.find((d) => d.id === 'social-card')!);
    expect(ids(live, '社保卡')).toEqual(['social-card']);
    expect(() => live.add(CORPUS[0])).toThrow(/already indexed/);
    expect(live.remove('social-card')).toBe(true);
    expect(live.remove('social-card')).toBe(false);
    expect(ids(live, '社保卡')).toEqual([]);
    expect(ids(live, 'sbk')).toEqual([]);
    live.replace({ id: 'fund-loan', fields: { title: '公积金贷款额度计算' }, facets: { theme: ['loan'] } });
    expect(ids(live, '住房公积金贷款')).toEqual(['fund-loan']);
    expect(live.search('', { filter: { theme: ['housing'] } }).hits.map((h) => h.id)).toEqual(['fund-withdraw']);
    expect(live.search('', { filter: { theme: ['loan'] } }).hits.map((h) => h.id)).toEqual(['fund-loan']);
    expect(live.size).toBe(9);
    // removing many compacts by itself (a fifth of the ordinals dead); results stay the same
    for (const d of CORPUS.slice(0, 4)) live.remove(d.id);
    expect(live.stats().removed).toBeLessThan(4);
    expect(live.size).toBe(5);
    live.compact();
    expect(live.stats()).toMatchObject({ documents: 5, removed: 0 });
    expect(ids(live, '户口').sort()).toEqual(['hukou-birth', 'hukou-move']);
    expect(ids(live, '营业执照')).toEqual([]);
  });

  it('gives the same order for the same index and query, whatever the insertion order', () => {
    const reversed = build([...CORPUS].reverse());
    const queries = ['登记', '申领', '公积金', 'yyzz', '出生', '社保', '', '证明'];
    for (const q of queries) {
      const a = index.search(q, { limit: 50 });
      const b = reversed.search(q, { limit: 50 });
      expect(b.hits.map((h) => h.id), q).toEqual(a.hits.map((h) => h.id));
      expect(index.search(q, { limit: 50 }).hits, q).toEqual(a.hits);
    }
    // equal scores are ordered by sort key, then id
    const twins = build([
      { id: 'b', fields: { title: '同名事项' } },
      { id: 'a', fields: { title: '同名事项' } },
      { id: 'c', fields: { title: '同名事项' }, sortKey: '0' },
    ]);
    expect(ids(twins, '同名事项')).toEqual(['c', 'a', 'b']);
  });

  it('explains a query', () => {
    const [word] = index.analyze('户口');
    expect(word.word).toBe('户口');
    expect(word.terms).toEqual(expect.arrayContaining([{ term: '户籍', weight: 0.8, kind: 'synonym' }]));
    const typo = index.analyze('营叶执照');
    expect(typo).toHaveLength(1);
    expect(typo[0].terms[0]).toEqual({ term: '营业执照', weight: 0.7, kind: 'homophone' });
  });

  it('rejects bad documents and fields', () => {
    expect(() => new SearchIndex({ fields: [] })).toThrow();
    expect(() => index.add({ id: 'x', fields: { nope: 'a' } })).toThrow(/unknown field/);
    expect(() => index.add({ id: '', fields: {} })).toThrow(/id/);
    expect(() => index.add({ id: 'x', fields: {}, boost: 0 })).toThrow(/boost/);
    expect(index.has('x')).toBe(false);
  });
});
