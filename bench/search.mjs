#!/usr/bin/env node
// Benchmark: the shared Chinese search engine (src/platform/search) over a catalogue of 10k and 100k items.
//
// Goal (the issue): search p99 < 10 ms at 100k documents, measured in-process per query.
//
// For each size: generate the catalogue (bench/search-corpus.mjs), build the index (time, memory), then run a
// fixed mixed query set — Chinese words, colloquial phrases, pinyin initials, full pinyin, typos, mixed input,
// with and without facet filters, and empty-query browsing — a warm-up pass, then `--rounds` timed passes,
// every query timed with performance.now(). Also measured: query analysis alone (jieba + expansions), single
// add/replace/remove at runtime, and a full compaction.
//
//   npm run build:server && node bench/search.mjs [--sizes 10000,100000] [--rounds 5] [--record]
//
// --record appends a dated section with the machine's facts to bench/RESULTS.md.
// Imports the compiled engine from dist/server/platform/search/index.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { baseServices, catalogueDoc, REGIONS } from './search-corpus.mjs';
import { machineFacts } from './machine.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GOAL_P99_MS = 10;
const GOAL_SIZE = 100_000;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    rounds: { type: 'string', default: '5' },
    record: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log('usage: node bench/search.mjs [--sizes 10000,100000] [--rounds 5] [--record]');
  process.exit(0);
}
const sizes = opts.sizes.split(',').map(Number);
const rounds = Number(opts.rounds);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !(rounds > 0)) {
  console.error('bench: --sizes must be positive integers, --rounds a positive number');
  process.exit(2);
}

const engine = path.join(root, 'dist/server/platform/search/index.js');
if (!fs.existsSync(engine)) {
  console.error('bench: dist/server/platform/search/index.js is missing: run `npm run build:server` first');
  process.exit(2);
}
// A stale build would measure old code: compare the sources' and the build's modification times.
const srcDir = path.join(root, 'src/platform/search');
const newestSource = Math.max(...fs.readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => fs.statSync(path.join(srcDir, f)).mtimeMs));
const oldestBuild = Math.min(...fs.readdirSync(path.dirname(engine)).filter((f) => f.endsWith('.js')).map((f) => fs.statSync(path.join(path.dirname(engine), f)).mtimeMs));
if (newestSource > oldestBuild) console.warn('bench: warning: src/platform/search is newer than its build; run `npm run build:server`');
const { SearchIndex, createDefaultTokenizer } = await import(pathToFileURL(engine).href);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const collect = () => {
  gc();
  gc();
};

// ---------------------------------------------------------------------------------------------------------
// The query set: [category, query, filter?]

const city = REGIONS.find((r) => r.level === 'city');
const district = REGIONS.find((r) => r.parent === city.code);
const chain = [district.code, city.code, '390000']; // a district user sees their district, city and province
const WORDS = ['营业执照', '公积金', '住房公积金', '社保卡', '医保', '户口', '户籍', '居住证', '居民身份证', '不动产登记',
  '食品经营许可证', '高龄津贴', '退休', '灵活就业', '个体工商户', '出生医学证明', '消防安全检查', '结婚登记', '异地就医',
  '失业保险金', '最低生活保障', '残疾人证', '发票', '个人所得税', '排污许可证', '道路运输证', '教师资格', '护照',
  '机动车驾驶证', '一件事', '跨省通办', '施工许可证', '预告登记', '养老保险', '生育津贴', '工伤认定', '医疗费用报销',
  '统一社会信用代码', '公共租赁住房', '旅行社', '注销登记', '变更登记', '补领', '延续', '申领', '备案', '证明', '登记',
  '营业执照 变更', '公积金 提取', '社保卡 补领', '户口 迁入', '食品经营许可证 延续', '居住证 签注', '身份证 换领',
  '住房公积金 贷款 提前还款', '医保 异地就医 备案', '企业 注销', '新生儿 出生'];
const PHRASES = ['开饭店需要什么手续', '生孩子上户口', '公积金怎么取', '身份证丢了怎么办', '退休金怎么领', '老人补贴',
  '开公司', '注册公司流程', '外地看病报销', '交社保', '失业金怎么领', '怎么办营业执照', '我想开个餐馆', '买房提取公积金',
  '租房提取公积金需要什么材料', '社保卡丢了怎么补办', '小孩上学怎么登记', '结婚需要什么材料', '离婚怎么办理', '怎么考驾照',
  '驾照到期换证', '营业执照地址变更', '公司不干了怎么注销', '个体户怎么注册', '残疾补贴怎么申请', '低保怎么申请',
  '二手房过户', '房产证丢了', '出国办护照', '去香港办通行证', '电动车上牌', '网约车司机证', '退伍军人优待证怎么办',
  '医保怎么报销', '生育报销', '工伤怎么认定', '讨薪', '开药店要什么证', '开诊所', '打零工交社保'];
const INITIALS = ['yyzz', 'gjj', 'sbk', 'hk', 'jzz', 'bdcdj', 'spjyxkz', 'gljt', 'ybk', 'sfz', 'jhdj', 'cszm',
  'txsp', 'zfgjj', 'ydjy', 'dlysz', 'jszz', 'hz', 'fp', 'grsds', 'zxdj', 'bgdj', 'slbl', 'cjrz', 'dbsq', 'gjjtq', 'sbkbl',
  'yyzzbg', 'yyz', 'gjjd'];
const FULL = ['gongjijin', 'shebaoka', 'yingyezhizhao', 'hukou', 'juzhuzheng', 'yibao', 'tuixiu', 'gaolingjintie',
  'budongchan', 'shipinjingying', 'chushengzhengming', 'jiehun', 'huzhao', 'jiashizheng', 'fapiao', 'zhuxiao', 'biangeng',
  'buling', 'canjirenzheng', 'dibao', 'gongjijintiqu', 'shebao', 'yidijiuyi', 'shiye', 'gongshang', 'zhufang', 'gongji',
  'yingye', 'shenfenzheng', 'xiaofang'];
const TYPOS = ['营叶执照', '公基金', '社保咔', '户籍签移', '高林津贴', '居住正', '医宝', '不动产登计', '食品经营许可正',
  '出生医学证名', '身分证', '结昏登记', '异地就依', '残疾人正', '失业保显金', '住房公基金', '营业执找', '护造', '驾驶正',
  '发漂', '退修', '低保申清', '公积金提起', '社保卡补另', '个体工商护'];
const MIXED = ['yyzz 办理', 'gjj 提取', 'sbk 挂失', 'hk 迁入', 'yyzz 变更', '公积金 tq', 'jzz 签注', 'sfz 补领',
  '营业执照 bg', 'spjyxkz 延续', 'ybk 补办', 'gjj 贷款', 'cszm 补发', 'yyzz注销', 'gjj提取'];
const FILTERS = [
  { region: chain },
  { region: chain, object: ['person'] },
  { object: ['enterprise'] },
  { theme: ['housing'] },
  { region: [district.code], theme: ['hukou', 'identity'] },
  { department: [`${city.code}-scjg`, `${city.code}-ga`] },
];
const BROWSE = [
  ['browse', '', { theme: ['hukou'] }],
  ['browse', '', { region: chain, object: ['person'] }],
  ['browse', '', { lifeEvent: ['birth'] }],
  ['browse', '', { region: [district.code] }],
  ['browse', '', { theme: ['housing'], object: ['person'] }],
  ['browse', '', {}],
];

function querySet() {
  const qs = [];
  for (const q of WORDS) qs.push(['word', q]);
  for (const q of PHRASES) qs.push(['phrase', q]);
  for (const q of INITIALS) qs.push(['initials', q]);
  for (const q of FULL) qs.push(['pinyin', q]);
  for (const q of TYPOS) qs.push(['typo', q]);
  for (const q of MIXED) qs.push(['mixed', q]);
  // The same queries again under a filter (every fourth one, cycling through the filters).
  const base = [...qs];
  base.forEach(([cat, q], i) => {
    if (i % 4 === 0) qs.push([`${cat}+filter`, q, FILTERS[(i / 4) % FILTERS.length]]);
  });
  qs.push(...BROWSE);
  return qs;
}

// ---------------------------------------------------------------------------------------------------------
// Measurement helpers

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (xs) => {
  const s = Float64Array.from(xs).sort();
  const sum = xs.reduce((a, b) => a + b, 0);
  return { n: xs.length, mean: sum / xs.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1], sum };
};
const f2 = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const MiB = (b) => (b / 2 ** 20).toFixed(0);
const memNow = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
};


const FIELDS = [
  { name: 'title', weight: 5, b: 0.5, pinyin: true },
  { name: 'aliases', weight: 3, b: 0.5, pinyin: true },
  { name: 'department', weight: 1.5 },
  { name: 'body', weight: 1 },
];

function runSize(n, tokenizer, queries) {
  console.log(`\nbench: ${n.toLocaleString('en-US')} documents`);
  // Documents are generated while indexing and not kept, so the memory measured is the index's.
  collect();
  const before = memNow();
  const t0 = performance.now();
  const index = new SearchIndex({ fields: FIELDS, tokenizer });
  for (let i = 0; i < n; i++) index.add(catalogueDoc(i));
  const buildMs = performance.now() - t0;
  collect();
  const built = memNow();
  const t1 = performance.now();
  index.compact();
  const compactMs = performance.now() - t1;
  collect();
  const compacted = memNow();
  const stats = index.stats();
  const mem = (m) => ({ heap: m.heap - before.heap, buffers: m.buffers - before.buffers, total: m.heap + m.buffers - before.heap - before.buffers });
  const memBuilt = mem(built);
  const memCompacted = mem(compacted);
  console.log(`bench: built in ${(buildMs / 1000).toFixed(2)} s (${f2((buildMs * 1000) / n)} µs/doc); index ${MiB(memBuilt.total)} MiB (heap ${MiB(memBuilt.heap)} + typed arrays ${MiB(memBuilt.buffers)}), ${MiB(memCompacted.total)} MiB after compact() (${compactMs.toFixed(0)} ms); process RSS ${MiB(compacted.rss)} MiB`);
  console.log(`bench: ${stats.terms.toLocaleString('en-US')} terms, ${stats.postings.toLocaleString('en-US')} postings`);

  // Warm-up, then timed rounds (wall-clock time per query).
  for (let w = 0; w < 2; w++) for (const [, q, filter] of queries) index.search(q, { filter, limit: 20 });
  const times = [];
  const byCat = new Map();
  let zero = 0;
  const tAll = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const [cat, q, filter] of queries) {
      const s = performance.now();
      const res = index.search(q, { filter, limit: 20, facets: filter ? ['theme'] : undefined });
      const dt = performance.now() - s;
      times.push(dt);
      const key = cat.replace('+filter', '');
      if (!byCat.has(key)) byCat.set(key, []);
      byCat.get(key).push(dt);
      if (r === 0 && res.total === 0) zero++;
    }
  }
  const wall = performance.now() - tAll;
  const lat = summary(times);
  const qps = times.length / (wall / 1000);
  // Each query's median over the rounds: what the query itself costs, without the moments the process was
  // descheduled or collecting garbage (a shared 2-core machine stalls single queries for several ms).
  const perQuery = queries.map((_, qi) => {
    const own = Float64Array.from({ length: rounds }, (_, r) => times[r * queries.length + qi]).sort();
    return own[Math.floor(own.length / 2)];
  });
  const intrinsic = summary(perQuery);
  console.log(`bench: ${queries.length} queries × ${rounds} rounds: p50 ${f2(lat.p50)} ms, p95 ${f2(lat.p95)} ms, p99 ${f2(lat.p99)} ms, max ${f2(lat.max)} ms; ${Math.round(qps).toLocaleString('en-US')} queries/s; per-query medians: p99 ${f2(intrinsic.p99)} ms, max ${f2(intrinsic.max)} ms; ${zero} queries without a hit`);
  const cats = [...byCat].map(([cat, xs]) => ({ cat, ...summary(xs) }));
  for (const c of cats) console.log(`bench:   ${c.cat.padEnd(9)} p50 ${f2(c.p50)} ms  p99 ${f2(c.p99)} ms  (${c.n})`);

  // Query analysis alone: jieba's cut + synonyms (tokenizer), and the index's full analysis (pinyin, homophones).
  const cutTimes = [];
  const analyzeTimes = [];
  for (let r = 0; r < rounds; r++) {
    for (const [, q] of queries) {
      let s = performance.now();
      tokenizer.analyzeQuery(q);
      cutTimes.push(performance.now() - s);
      s = performance.now();
      index.analyze(q);
      analyzeTimes.push(performance.now() - s);
    }
  }
  const cut = summary(cutTimes);
  const analysis = summary(analyzeTimes);
  console.log(`bench: query analysis: jieba + synonyms p50 ${(cut.p50 * 1000).toFixed(0)} µs p99 ${(cut.p99 * 1000).toFixed(0)} µs; with pinyin/homophones p50 ${(analysis.p50 * 1000).toFixed(0)} µs p99 ${(analysis.p99 * 1000).toFixed(0)} µs`);

  // Runtime changes: add new items (a search after each), replace existing ones, remove some.
  const addTimes = [];
  const replaceTimes = [];
  const removeTimes = [];
  const afterAdd = [];
  for (let i = 0; i < 500; i++) {
    const d = catalogueDoc(n + i);
    let s = performance.now();
    index.add(d);
    addTimes.push(performance.now() - s);
    s = performance.now();
    index.search(d.fields.title, { limit: 20 });
    afterAdd.push(performance.now() - s);
  }
  for (let i = 0; i < 500; i++) {
    const d = catalogueDoc((i * 7919) % n);
    const s = performance.now();
    index.replace({ ...d, fields: { ...d.fields, body: d.fields.body + '更新。' } });
    replaceTimes.push(performance.now() - s);
  }
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    index.remove(catalogueDoc((i * 104729 + 13) % n).id);
    removeTimes.push(performance.now() - s);
  }
  const add = summary(addTimes);
  const rep = summary(replaceTimes);
  const rem = summary(removeTimes);
  const aa = summary(afterAdd);
  console.log(`bench: runtime add p50 ${f2(add.p50)} ms p99 ${f2(add.p99)} ms; replace p50 ${f2(rep.p50)} ms p99 ${f2(rep.p99)} ms; remove p50 ${f2(rem.p50 * 1000)} µs max ${f2(rem.max)} ms; search right after an add p99 ${f2(aa.p99)} ms`);

  return { n, buildMs, compactMs, memBuilt, memCompacted, rss: compacted.rss, stats, lat, intrinsic, qps, zero, cats, cut, analysis, add, rep, rem, aa, queries: queries.length };
}

async function main() {
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let bodyChars = 0;
  for (let i = 0; i < 2000; i++) bodyChars += catalogueDoc(i).fields.body.length;
  const avgBody = Math.round(bodyChars / 2000);
  collect();
  const m0 = memNow();
  const t = performance.now();
  const tokenizer = createDefaultTokenizer();
  const jiebaMs = performance.now() - t;
  collect();
  const m1 = memNow();
  const queries = querySet();
  console.log(`bench: tokenizer (jieba + government dictionary) loaded in ${jiebaMs.toFixed(0)} ms, RSS +${MiB(m1.rss - m0.rss)} MiB; ${queries.length} queries per round`);

  const results = [];
  for (const n of sizes) {
    results.push(runSize(n, tokenizer, queries));
    collect(); // the index of this size is garbage now
  }

  const goal = results.find((r) => r.n === GOAL_SIZE);
  const verdict = goal
    ? goal.lat.p99 < GOAL_P99_MS
      ? `Goal met: p99 ${f2(goal.lat.p99)} ms at ${GOAL_SIZE.toLocaleString('en-US')} documents (goal < ${GOAL_P99_MS} ms).`
      : `Goal NOT met: p99 ${f2(goal.lat.p99)} ms at ${GOAL_SIZE.toLocaleString('en-US')} documents (goal < ${GOAL_P99_MS} ms).`
    : `Goal not measured (no run at ${GOAL_SIZE.toLocaleString('en-US')} documents).`;
  const rows = [
    '| documents | build | index memory (after compact) | p50 | p95 | p99 | max | queries/s | per-query medians p99 / max | analysis p50 / p99 | add p99 | replace p99 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.n.toLocaleString('en-US')} | ${(r.buildMs / 1000).toFixed(1)} s | ${MiB(r.memBuilt.total)} MiB (${MiB(r.memCompacted.total)} MiB) | ${f2(r.lat.p50)} ms | ${f2(r.lat.p95)} ms | **${f2(r.lat.p99)} ms** | ${f2(r.lat.max)} ms | ${Math.round(r.qps).toLocaleString('en-US')} | ${f2(r.intrinsic.p99)} / ${f2(r.intrinsic.max)} ms | ${(r.analysis.p50 * 1000).toFixed(0)} / ${(r.analysis.p99 * 1000).toFixed(0)} µs | ${f2(r.add.p99)} ms | ${f2(r.rep.p99)} ms |`,
    ),
  ];
  const catRows = [
    `| query kind | ${results.map((r) => `p50 / p99 at ${r.n.toLocaleString('en-US')}`).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`,
    ...results[0].cats.map((c, i) => `| ${c.cat} (${c.n / rounds}) | ${results.map((r) => `${f2(r.cats[i].p50)} / ${f2(r.cats[i].p99)} ms`).join(' | ')} |`),
  ];
  const table = rows.join('\n');
  console.log('\n' + table + '\n\n' + catRows.join('\n') + '\n\n' + verdict);

  if (opts.record) {
    const m = machineFacts();
    const file = path.join(here, 'RESULTS.md');
    const section = [
      '',
      `## ${m.date.slice(0, 10)} — search engine (src/platform/search) at ${results.map((r) => r.n.toLocaleString('en-US')).join(' and ')} documents`,
      '',
      `- Date: ${m.date}`,
      `- CPU: ${m.cpu}; ${m.cores} cores; ${m.memGiB} GiB memory; ${m.os}; load average before the run ${loadBefore}, after ${m.load}`,
      `- Node ${m.node}; \`node bench/search.mjs --rounds ${rounds}\`; in-process, one query at a time, timed with performance.now() after a warm-up of two passes`,
      `- Catalogue from bench/search-corpus.mjs: ${REGIONS.length} regions × ${baseServices().length} base services (then sub-items), each with title, aliases, department, a body of ~${avgBody} characters (conditions, materials, process, time limits, FAQ) and 5 facets; fields title 5 (pinyin, b 0.5), aliases 3 (pinyin, b 0.5), department 1.5, body 1`,
      `- ${results[0].queries} queries per pass (words, colloquial phrases, pinyin initials, full pinyin, typos, mixed, a quarter again under facet filters with theme counts, empty-query browsing), ${rounds} passes per size; p50/p95/p99/max over all ${results[0].queries * rounds} timings; "per-query medians" takes each query's median over the passes first (the query's own cost, without the moments the process was descheduled or collecting garbage)`,
      `- Tokenizer (jieba + government dictionary) load: ${jiebaMs.toFixed(0)} ms, RSS +${MiB(m1.rss - m0.rss)} MiB; query analysis alone (jieba cut + synonyms) p50 ${results.map((r) => `${(r.cut.p50 * 1000).toFixed(0)} µs`).join(' / ')}, p99 ${results.map((r) => `${(r.cut.p99 * 1000).toFixed(0)} µs`).join(' / ')}`,
      ...results.map((r) => `- ${r.n.toLocaleString('en-US')} documents: ${r.stats.terms.toLocaleString('en-US')} terms, ${r.stats.postings.toLocaleString('en-US')} postings; build ${(r.buildMs / 1000).toFixed(2)} s (${f2((r.buildMs * 1000) / r.n)} µs/doc), compact() ${r.compactMs.toFixed(0)} ms; index memory ${MiB(r.memBuilt.total)} MiB after the build, ${MiB(r.memCompacted.total)} MiB after compact() (process RSS ${MiB(r.rss)} MiB); runtime add p50 ${f2(r.add.p50)} ms, replace p50 ${f2(r.rep.p50)} ms / p99 ${f2(r.rep.p99)} ms, remove max ${f2(r.rem.max)} ms (a removal that triggers the automatic compaction — once a fifth of the ordinals are removed — costs about what compact() does); ${r.zero} of ${r.queries} queries found nothing`),
      '',
      table,
      '',
      catRows.join('\n'),
      '',
      verdict,
      '',
    ].join('\n');
    fs.appendFileSync(file, section);
    console.log(`bench: recorded in ${path.relative(root, file)}`);
  }
}

await main();
