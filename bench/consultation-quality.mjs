#!/usr/bin/env node
// Quality of the consultation engine: routing accuracy and answer hit rate on the labelled evaluation set.
//
// Reads bench/consultation-eval.json ({ "questions": EvalQuestion[] }, see src/modules/consultation docs), starts the
// engine on a fresh SQLite database with the demo province (whose seed imports the demo knowledge base and duty
// lists through the import use case), asks every question exactly as POST /api/v1/consultation/questions does
// (askQuestion: instant answers at or above the answer threshold, at most 3, and the routing suggestion), and scores:
//
// - routing (top-1): a question with an expected department is a hit when it is routed to that department (not to the
//   dispatcher); an out-of-scope question (expectedDepartmentKey null) is a hit when it goes to the dispatcher.
// - answer hit: a question with an expected entry is a hit when that entry is among the instant answers returned (the
//   top 3, each at or above the answer threshold); a question with no expected entry (out of scope, or nothing in the
//   knowledge base answers it) is a hit when no instant answer is returned — nothing confident is shown.
//
// Both overall and per style (paraphrase, colloquial, typo, out_of_scope, multi_intent). Goals: routing ≥ 95%,
// answers ≥ 90%.
//
//   npm run build:server && node bench/consultation-quality.mjs [--verbose] [--json] [--record]
//     [--route-threshold 0.5] [--answer-threshold 0.5]
//
// --verbose lists every miss; --record appends a dated section to bench/RESULTS.md. Imports the compiled server from
// dist/server (TONGBAN_BUILD_DIR overrides).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
export const GOALS = { routing: 0.95, answers: 0.9 };
export const STYLES = ['paraphrase', 'colloquial', 'typo', 'out_of_scope', 'multi_intent'];

/**
 * Scores answered questions. `results[i]` is what the engine said for `questions[i]`:
 * { answers: [{ entryCode }], routedDepartmentKey: string | null (null: dispatcher) }.
 */
export function score(questions, results) {
  const blank = () => ({ n: 0, routing: 0, answers: 0 });
  const total = blank();
  const byStyle = Object.fromEntries(STYLES.map((s) => [s, blank()]));
  const misses = [];
  questions.forEach((q, i) => {
    const r = results[i];
    const codes = r.answers.map((a) => a.entryCode);
    const routingHit = q.expectedDepartmentKey === null ? r.routedDepartmentKey === null : r.routedDepartmentKey === q.expectedDepartmentKey;
    const answerHit = q.expectedEntryCode === null ? codes.length === 0 : codes.includes(q.expectedEntryCode);
    for (const bucket of [total, (byStyle[q.style] ??= blank())]) {
      bucket.n++;
      if (routingHit) bucket.routing++;
      if (answerHit) bucket.answers++;
    }
    if (!routingHit || !answerHit) misses.push({ id: q.id, style: q.style, text: q.text, regionCode: q.regionCode, routingHit, answerHit, expected: { department: q.expectedDepartmentKey, entry: q.expectedEntryCode }, got: { department: r.routedDepartmentKey, confidence: r.confidence, answers: r.answers.map((a) => `${a.entryCode}:${a.score}`) } });
  });
  const rate = (b) => ({ n: b.n, routing: b.n ? b.routing / b.n : 0, answers: b.n ? b.answers / b.n : 0 });
  return { total: rate(total), byStyle: Object.fromEntries(Object.entries(byStyle).filter(([, b]) => b.n > 0).map(([s, b]) => [s, rate(b)])), misses };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

export function table(report) {
  const lines = ['| style | questions | routing top-1 | answer hit (top 3) |', '|---|---:|---:|---:|'];
  for (const [s, r] of Object.entries(report.byStyle)) lines.push(`| ${s} | ${r.n} | ${pct(r.routing)} | ${pct(r.answers)} |`);
  lines.push(`| **all** | **${report.total.n}** | **${pct(report.total.routing)}** | **${pct(report.total.answers)}** |`);
  return lines.join('\n');
}

/** Asks every question through `ask(q) → { answers, routing }` and maps routed departments to demo keys. */
export async function runQuestions(questions, ask, keyOfDepartment) {
  const results = [];
  for (const q of questions) {
    const r = await ask(q);
    results.push({ answers: r.answers, routedDepartmentKey: r.routing.toDispatcher ? null : keyOfDepartment(r.routing.departmentId), confidence: r.routing.confidence });
  }
  return results;
}

async function main() {
  const { values: opts } = parseArgs({
    options: {
      verbose: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      'route-threshold': { type: 'string' },
      'answer-threshold': { type: 'string' },
      eval: { type: 'string', default: path.join(here, 'consultation-eval.json') },
      help: { type: 'boolean', default: false },
    },
  });
  if (opts.help) {
    console.log('usage: node bench/consultation-quality.mjs [--verbose] [--json] [--record] [--route-threshold x] [--answer-threshold x] [--eval file]');
    return 0;
  }
  const build = path.resolve(process.env.TONGBAN_BUILD_DIR || path.join(root, 'dist/server'));
  if (!fs.existsSync(path.join(build, 'app.js'))) {
    console.error(`bench: ${build}/app.js is missing: run \`npm run build:server\` first`);
    return 2;
  }
  const evalSet = JSON.parse(fs.readFileSync(opts.eval, 'utf8'));
  const questions = evalSet.questions;
  const imp = (p) => import(pathToFileURL(path.join(build, p)).href);
  const { createDeps } = await imp('app.js');
  const { loadConfig } = await imp('platform/config.js');
  const { seedDemo } = await imp('demo/seed.js');
  const { askQuestion } = await imp('modules/consultation/index.js');
  const { anonymousActor } = await imp('platform/actor.js');
  const { demoDepartments } = await imp('demo/province-data.js');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-quality-'));
  const overrides = { passwordHashCost: 1024 };
  if (opts['route-threshold']) overrides.consultationRouteThreshold = Number(opts['route-threshold']);
  if (opts['answer-threshold']) overrides.consultationAnswerThreshold = Number(opts['answer-threshold']);
  const config = loadConfig({ TONGBAN_DATA_DIR: dataDir }, overrides);
  const deps = await createDeps(config);
  try {
    await seedDemo(deps);
    const keyOfUscc = new Map(demoDepartments.map((d) => [d.uscc, d.key]));
    const depts = new Map((await deps.db.selectFrom('departments').select(['id', 'uscc']).execute()).map((d) => [d.id, keyOfUscc.get(d.uscc) ?? d.id]));
    const started = performance.now();
    const results = await runQuestions(questions, (q) => askQuestion(deps, anonymousActor(), { text: q.text, regionCode: q.regionCode, channel: 'web' }), (id) => depts.get(id) ?? id);
    const ms = performance.now() - started;
    const report = score(questions, results);
    if (opts.json) {
      console.log(JSON.stringify({ ...report, thresholds: { route: config.consultationRouteThreshold, answer: config.consultationAnswerThreshold } }, null, 2));
    } else {
      console.log(`\n${questions.length} questions, ${(ms / questions.length).toFixed(1)} ms per question (ask: answers, routing, stored)`);
      console.log(`thresholds: routing ${config.consultationRouteThreshold}, answers ${config.consultationAnswerThreshold}\n`);
      console.log(table(report));
      const ok = report.total.routing >= GOALS.routing && report.total.answers >= GOALS.answers;
      console.log(`\ngoal (routing ≥ ${pct(GOALS.routing)}, answers ≥ ${pct(GOALS.answers)}): ${ok ? 'met' : 'NOT met'}`);
      if (opts.verbose) for (const m of report.misses) console.log(JSON.stringify(m));
    }
    if (opts.record) {
      const { machineFacts } = await import('./machine.mjs');
      const f = machineFacts();
      const section = [
        '', `## ${f.date.slice(0, 10)} — consultation quality (bench/consultation-quality.mjs)`, '',
        `- Date: ${f.date}; Node ${f.node}; SQLite, demo province with the demo knowledge base and duty lists`,
        `- ${questions.length} labelled questions (bench/consultation-eval.json); thresholds: routing ${config.consultationRouteThreshold}, answers ${config.consultationAnswerThreshold}`,
        `- Routing hit: routed to the expected department (out of scope: sent to the dispatcher). Answer hit: the expected entry among the instant answers (top 3 at or above the threshold); no entry expected: no instant answer.`,
        '', table(report), '',
      ].join('\n');
      fs.appendFileSync(path.join(here, 'RESULTS.md'), section);
      console.log('\nrecorded in bench/RESULTS.md');
    }
    return 0;
  } finally {
    await deps.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().then((code) => process.exit(code), (err) => {
    console.error(err);
    process.exit(1);
  });
}
