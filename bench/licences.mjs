#!/usr/bin/env node
// Benchmark: the licences module (issue 5) in one process — issuance per second and full verifications per second
// through the module's own functions, on SQLite (default) or PostgreSQL.
//
// Goal: ≥ 5,000 full verifications per second in one process.
//
// Setup: a fresh database with the demo province (createDeps + seedDemo, as `npm start` does). Then:
// 1. Issuance from cases: --licences 结婚证 by 澜州市明湖区民政局 to as many distinct (generated) people, each through
//    issueLicenceForCase in its own transaction, as a case approval would: type and department checks, holder and
//    field checks, GB/T 36904 identifier, a status list entry, the holder's key pair (new for each person), the
//    SD-JWT VC signed with the department's ES256 key, the licence row, the audit entry and the outbox event.
// 2. Bulk import: one `tongban.licences/1` file of --licences 居民户口簿 rows for the same people (one transaction).
// 3. Presentations: each holder presents their 结婚证 (2 of 6 disclosable fields) through createPresentation.
// 4. Verification: --rounds rounds over all presentations, --concurrency (32) in flight, through verifyPresentation — what
//    POST /api/v1/licenses/verify runs: the presentation's record (by hash), issuer trust (cached), both ES256
//    signatures (issuer JWT and KB-JWT), disclosures, dates, the licence identifier's check character, the status
//    read from the licence row, holder binding, nonce, audience, presentation expiry, and the verification log row
//    plus its `license.verified` outbox event (written behind: buffered, written every 5 ms in one transaction; the
//    buffer is flushed before the log is counted). One warm-up round first (fills the key caches), and one round one at a time.
//    Within each round raw ES256 verifications of the same issuer JWTs (node:crypto, cached KeyObject) alternate with
//    the full ones in chunks of 200, as the machine's yardstick: two ES256 verifications per presentation put the
//    ceiling near half of it, and on a shared machine only the ratio full/raw is stable.
//
// 5. With --catalogue-rows M (default 0: skipped): the public 发证用证清单 (GET /api/v1/licenses/catalogue, through
//    getLicenceCatalogue) at M more licences and M uses — copies of the issued rows made by SQL (every tenth one
//    revoked), the list's counts then recounted by the build's own fill when it keeps counts — read --catalogue-reads
//    (200) times one at a time: p50 / p99 / max. A build before the list kept counts counted every licence and use on
//    each read.
//
//   npm run build:server && node bench/licences.mjs [--db sqlite|postgres] [--licences 2000] [--rounds 5] [--concurrency 32] [--catalogue-rows M] [--dist DIR] [--profile FILE] [--record]
//
// --dist DIR: run another build of the server (e.g. one made before a change: `npx tsc -p tsconfig.build.json --outDir
// /tmp/before/dist/server`, with node_modules and package.json linked beside it) to compare ratios in one sitting.
// --profile FILE: a CPU profile (.cpuprofile) of the measured rounds only.
//
// PostgreSQL: TONGBAN_PG_BASE (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a scratch
// database is created there and dropped at the end. --record appends a dated section to bench/RESULTS.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { machineFacts } from './machine.mjs';
import { scratchDatabase } from './scratch-pg.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const GOAL = 5000;

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    licences: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    dist: { type: 'string', default: '' },
    'catalogue-rows': { type: 'string', default: '0' },
    'catalogue-reads': { type: 'string', default: '200' },
    profile: { type: 'string', default: '' },
    record: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const N = Number(opts.licences);
const rounds = Number(opts.rounds);
const C = Number(opts.concurrency);
const CAT_ROWS = Number(opts['catalogue-rows']);
const CAT_READS = Number(opts['catalogue-reads']);
if (!Number.isInteger(N) || N < 10 || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(C) || C < 1 || !['sqlite', 'postgres'].includes(opts.db)
  || !Number.isInteger(CAT_ROWS) || CAT_ROWS < 0 || !Number.isInteger(CAT_READS) || CAT_READS < 1) {
  console.error('bench: --licences must be an integer ≥ 10, --rounds and --catalogue-reads positive integers, --catalogue-rows an integer ≥ 0, --db sqlite or postgres');
  process.exit(2);
}
const dist = opts.dist ? path.resolve(opts.dist) : path.join(root, 'dist/server');
if (!fs.existsSync(path.join(dist, 'modules/licenses/index.js'))) {
  console.error('bench: dist/server is missing the licences module: run `npm run build:server` first');
  process.exit(2);
}
const load = (f) => import(pathToFileURL(path.join(dist, f)).href);
const { loadConfig } = await load('platform/config.js');
const { createDeps } = await load('app.js');
const { seedDemo } = await load('demo/seed.js');
const { withTx } = await load('platform/db/database.js');
const { systemActor } = await load('platform/actor.js');
const { generateCitizenId } = await load('platform/codes.js');
const { demoDepartments } = await load('demo/province-data.js');
const licences = await load('modules/licenses/index.js');
const { issueLicenceForCase, importLicences, createPresentation, verifyPresentation, LICENCES_FORMAT } = licences;
const { getLicenceCatalogue } = await load('modules/licenses/use-cases/catalogue.js');
// the verification log is written behind since 2026-11-28 (a build from before has no flush: it commits before answering)
const flushLog = licences.flushVerificationLog ?? (async () => {});

const MARRIAGE = '11100000000014316P003';
const HUKOU = '11100000000013338W002';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

function scratchForRun() {
  return opts.db === 'postgres' ? scratchDatabase('tb_bench_lic') : null;
}

/** N distinct people of 明湖区 with valid ID numbers (not in the registry: licences do not need them to be). */
function people(n) {
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const year = 1950 + (i % 50);
    const day = 1 + (Math.floor(i / 50) % 28);
    const month = 1 + (Math.floor(i / 1400) % 12);
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const seq = Math.floor(i / 16800) % 1000;
    out.push({ idNumber: generateCitizenId('390102', birth, seq, i % 2 ? 'M' : 'F', { today: '2026-01-01' }), name: `测试${i}`, birth });
  }
  return out;
}

/** A CPU profile of the measured rounds only (--profile FILE): not start-up, seeding, issuance or the warm-up. */
async function startProfile() {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`bench: CPU profile of the measured rounds in ${file}`);
    },
  };
}

async function main() {
  const facts = machineFacts();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-licences-'));
  const scratch = await scratchForRun();
  const config = loadConfig({ TONGBAN_DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) }, { passwordHashCost: 1024 });
  const deps = await createDeps(config);
  try {
    console.log(`bench: ${opts.db}: seeding the demo province…`);
    await seedDemo(deps);
    const actor = systemActor('bench');
    const mz = demoDepartments.find((d) => d.key === 'mh_mz');
    const ga = demoDepartments.find((d) => d.key === 'mh_ga');
    const deptId = async (uscc) => (await deps.db.selectFrom('departments').select('id').where('uscc', '=', uscc).executeTakeFirstOrThrow()).id;
    const mzId = await deptId(mz.uscc);
    const folk = people(N);

    // 1. issuance from cases, one transaction each
    const t1 = performance.now();
    const issued = [];
    for (let i = 0; i < N; i++) {
      const p = folk[i];
      const spouse = folk[(i + 1) % N];
      issued.push(await withTx(deps.db, (tx) => issueLicenceForCase(tx, deps, actor, {
        caseId: crypto.randomUUID(), caseNumber: `BENCH${String(i).padStart(8, '0')}`, licenseTypeCode: MARRIAGE, issuerDepartmentId: mzId,
        holder: { kind: 'person', idNumber: p.idNumber, name: p.name },
        fields: { spouseName: spouse.name, spouseIdNumber: spouse.idNumber, registeredOn: '2020-05-20', registrationOffice: '澜州市明湖区民政局婚姻登记处' },
        issuedAt: new Date().toISOString(),
      })));
    }
    const issueMs = performance.now() - t1;

    // 2. bulk import
    const doc = {
      format: LICENCES_FORMAT, issuer: ga.uscc,
      licences: folk.map((p, i) => ({ typeCode: HUKOU, number: `HKB${String(i).padStart(8, '0')}`, holder: { kind: 'person', idNumber: p.idNumber, name: p.name }, issuedOn: '2016-03-21', fields: { householdHead: p.name, relation: '户主', householdType: '家庭户', address: `云澜省澜州市明湖区湖滨路${i}号` } })),
    };
    const t2 = performance.now();
    const imported = await importLicences(deps, actor, JSON.stringify(doc));
    const importMs = performance.now() - t2;
    if (imported.issued !== N) throw new Error(`import issued ${imported.issued} of ${N}`);

    // 3. presentations
    console.log(`bench: ${N} licences issued from cases in ${(issueMs / 1000).toFixed(1)} s, ${N} imported in ${(importMs / 1000).toFixed(1)} s; presenting…`);
    const items = [];
    for (let i = 0; i < N; i++) {
      const p = folk[i];
      const holder = { ...systemActor('bench'), kind: 'citizen', username: `bench${i}`, displayName: p.name, idNumber: p.idNumber, userId: null };
      const pres = await createPresentation(deps, holder, issued[i].licenceId, { fields: ['holder_name', 'spouseName'], ttlSeconds: 3600, qr: 'none' });
      const pub = await deps.db.selectFrom('license_presentations').select('token').where('id', '=', pres.id).executeTakeFirstOrThrow();
      items.push({ presentation: pub.token, jwt: pub.token.split('~')[0] });
    }
    const issuerKey = crypto.createPublicKey({ key: (await deps.licenceKeys.jwks(mz.uscc)).keys[0], format: 'jwk' });
    const prepared = items.map((it) => {
      const dot = it.jwt.lastIndexOf('.');
      return { data: Buffer.from(it.jwt.slice(0, dot), 'latin1'), sig: Buffer.from(it.jwt.slice(dot + 1), 'base64url') };
    });
    const ctx = { ip: '127.0.0.1', userAgent: 'bench', requestId: 'bench' };
    const check = (r) => {
      if (!r.valid) throw new Error(`verification failed: ${JSON.stringify(r.checks.filter((c) => c.ok === false))}`);
    };
    /**
     * Some presentations, `c` verifications in flight (as concurrent requests would be: each caller starts its next one
     * when its last is answered, not when a whole batch of `c` is); milliseconds.
     */
    const verifyChunk = async (chunk, c) => {
      const t = performance.now();
      let next = 0;
      const caller = async () => {
        while (next < chunk.length) check(await verifyPresentation(deps, { presentation: chunk[next++].presentation }, ctx));
      };
      await Promise.all(Array.from({ length: c }, caller));
      return performance.now() - t;
    };
    const rawChunk = (chunk) => {
      const t = performance.now();
      for (const x of chunk) if (!crypto.verify('sha256', x.data, { key: issuerKey, dsaEncoding: 'ieee-p1363' }, x.sig)) throw new Error('raw ES256 failed');
      return performance.now() - t;
    };
    /**
     * One round over all presentations: full verifications and raw ES256 verifications of the same issuer JWTs
     * alternate in chunks of 200, so that both see the same moments of a busy machine.
     */
    const verifyRound = async (c = C) => {
      let fullMs = 0;
      let rawMs = 0;
      for (let i = 0; i < items.length; i += 200) {
        fullMs += await verifyChunk(items.slice(i, i + 200), c);
        rawMs += rawChunk(prepared.slice(i, i + 200));
      }
      return { full: (items.length / fullMs) * 1000, raw: (items.length / rawMs) * 1000 };
    };

    // 4. verification, on a settled database: the setup's writes (thousands of licences) leave a WAL of tens of
    // megabytes on SQLite, which the background checkpointer copies back for seconds while the first rounds run (and
    // every page read searches its index meanwhile); measured, the first rounds of a run came out ~20% slower.
    // The verification log's own WAL is checkpointed as it grows, within the rounds.
    if (deps.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db);
    const cold = (await verifyRound()).full; // warm-up: every holder key and the issuer's JWKS parsed for the first time
    const seq = await verifyRound(1); // one at a time: each verification commits its log row alone
    const sequential = seq.full;
    const rows = [];
    const profiler = opts.profile ? await startProfile() : null;
    for (let r = 1; r <= rounds; r++) {
      const { full, raw } = await verifyRound();
      rows.push({ r, full, raw });
      console.log(`round ${r}: ${fmt(full)} verifications/s at ${C} in flight; raw ES256 ${fmt(raw)}/s; ratio ${((full / raw) * 100).toFixed(1)}%`);
    }
    if (profiler) await profiler.stop(opts.profile);
    const medFull = median(rows.map((x) => x.full));
    const medRaw = median(rows.map((x) => x.raw));
    const medRatio = median(rows.map((x) => x.full / x.raw));
    // what the same ratio gives on a machine where one core does the raw ES256 rate recorded for the crypto layer
    const QUIET_RAW = 16_625;
    await flushLog(deps);
    const logged = Number((await deps.db.selectFrom('license_verifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const issuance = (N / issueMs) * 1000;
    const importRate = (N / importMs) * 1000;
    const verdict = medFull >= GOAL ? `Goal met: ${fmt(medFull)} full verifications/s (goal ≥ ${fmt(GOAL)}).` : `Goal NOT met: ${fmt(medFull)} full verifications/s (goal ≥ ${fmt(GOAL)}).`;
    console.log(`\nissuance from cases: ${fmt(issuance)}/s; bulk import: ${fmt(importRate)} rows/s; verification: median ${fmt(medFull)}/s at ${C} in flight (first, cold round ${fmt(cold)}/s; one at a time ${fmt(sequential)}/s), raw ES256 ${fmt(medRaw)}/s, ratio ${(medRatio * 100).toFixed(1)}% (${fmt(medRatio * QUIET_RAW)}/s at ${fmt(QUIET_RAW)} raw ES256/s); ${logged} verifications logged\n${verdict}`);

    const catalogue = CAT_ROWS > 0 ? await cataloguePhase(deps, 2 * N) : null;
    if (catalogue) console.log(`发证用证清单 at ${fmt(catalogue.licences)} licences and ${fmt(catalogue.uses)} uses (${catalogue.kept ? 'counts kept by the writes' : 'counted on each read'}): p50 ${catalogue.p50.toFixed(2)} ms, p99 ${catalogue.p99.toFixed(2)} ms, max ${catalogue.max.toFixed(2)} ms over ${CAT_READS} reads`);

    if (opts.record) {
      const lines = [
        '',
        `## ${facts.date.slice(0, 10)} — licences module: issuance and verification (${opts.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
        '',
        `- Date: ${facts.date}`,
        `- CPU: ${facts.cpu}; ${facts.cores} cores; ${facts.memGiB} GiB memory; ${facts.os}; load average before the run ${facts.load}, after ${machineFacts().load}`,
        `- Node ${facts.node}; \`node bench/licences.mjs --db ${opts.db} --licences ${N} --rounds ${rounds} --concurrency ${C}\`; one process, through the module's functions (no HTTP), ${C} verifications in flight`,
        `- Issuance: ${N} 结婚证 from cases (issueLicenceForCase, one transaction each: checks, identifier, status entry, a new holder key pair, ES256 SD-JWT VC, row, audit, event); bulk import: one file of ${N} 居民户口簿 rows (one transaction)`,
        `- Verification: verifyPresentation over ${N} presentations (2 of 6 disclosable fields shown), ${rounds} rounds after a warm-up round: presentation record, issuer trust, two ES256 signatures, disclosures, dates, licence identifier, status from the licence row, holder binding, nonce, audience, expiry, and the log row + \`license.verified\` event (written behind, flushed before counting); raw ES256 alternating in chunks of 200 = node:crypto verification of the same issuer JWTs`,
        '',
        '| measure | per second |',
        '|---|---:|',
        `| issuance from cases | ${fmt(issuance)} |`,
        `| bulk import rows | ${fmt(importRate)} |`,
        `| full verifications, first (cold) round, ${C} in flight | ${fmt(cold)} |`,
        `| full verifications, one at a time (each log row committed alone) | ${fmt(sequential)} |`,
        ...rows.map((x) => `| full verifications, round ${x.r}, ${C} in flight (raw ES256 ${fmt(x.raw)}; ${((x.full / x.raw) * 100).toFixed(1)}%) | ${fmt(x.full)} |`),
        `| **full verifications, median, ${C} in flight** (raw ES256 median ${fmt(medRaw)}; median ratio ${(medRatio * 100).toFixed(1)}%) | **${fmt(medFull)}** |`,
        `| the median ratio at ${fmt(QUIET_RAW)} raw ES256/s (the rate recorded for the crypto layer on a quiet machine) | ${fmt(medRatio * QUIET_RAW)} |`,
        '',
        verdict,
        '',
        ...(catalogue ? [
          `发证用证清单 (\`--catalogue-rows ${CAT_ROWS}\`): getLicenceCatalogue at ${fmt(catalogue.licences)} licences and ${fmt(catalogue.uses)} uses, ${catalogue.kept ? 'counts kept by the writes (license_type_counts)' : 'counted from the licences and uses on each read'}, ${CAT_READS} reads one at a time: p50 ${catalogue.p50.toFixed(2)} ms, p99 ${catalogue.p99.toFixed(2)} ms, max ${catalogue.max.toFixed(2)} ms.`,
          '',
        ] : []),
      ];
      fs.appendFileSync(path.join(here, 'RESULTS.md'), lines.join('\n'));
      console.log('bench: recorded in bench/RESULTS.md');
    }
  } finally {
    await deps.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Phase 5: CAT_ROWS more licences (copies of the `issuedCount` issued ones, every tenth revoked) and as many uses, by
 * SQL; the build's own fill recounts the list's counts when it keeps them; then the list read CAT_READS times.
 */
async function cataloguePhase(deps, issuedCount) {
  const copies = Math.ceil(CAT_ROWS / issuedCount);
  const cat = (...xs) => xs.join(' || ');
  console.log(`bench: 发证用证清单: ${fmt(copies * issuedCount)} more licences and as many uses…`);
  await sql.raw(`with recursive k(n) as (select 1 union all select n + 1 from k where n < ${copies})
    insert into licenses (id, licence_id, type_code, number, version, issuer_department_id, issuer_code, iss, holder_kind, holder_key,
      holder_name, holder_user_id, fields, credential, kid, alg, status, status_reason, status_changed_at, list_id, status_idx, issued_on, valid_from,
      valid_to, source, case_id, case_number, created_by, created_at, updated_at)
    select ${cat('l.id', "'-'", 'k.n')}, ${cat('l.licence_id', "'-'", 'k.n')}, l.type_code, ${cat('l.number', "'-'", 'k.n')}, l.version, l.issuer_department_id,
      l.issuer_code, l.iss, l.holder_kind, l.holder_key, l.holder_name, l.holder_user_id, l.fields, l.credential, l.kid, l.alg,
      case when k.n % 10 = 0 then 'revoked' else l.status end, null, null, l.list_id, l.status_idx + k.n * 1000000, l.issued_on, l.valid_from,
      l.valid_to, l.source, null, null, l.created_by, l.created_at, l.updated_at
    from licenses l cross join k`).execute(deps.db);
  await sql.raw(`insert into license_uses (id, license_pk, licence_id, type_code, case_id, material_key, used_by_user_id, used_by_name, at)
    select ${cat('id', "'-u'")}, id, licence_id, type_code, null, 'bench', null, 'bench', created_at from licenses`).execute(deps.db);
  const count = async (table) => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const fillFile = path.join(dist, 'migrations/0022_licenses_type_counts.js');
  const kept = fs.existsSync(fillFile);
  if (kept) {
    await deps.db.deleteFrom('license_type_counts').execute();
    await (await import(pathToFileURL(fillFile).href)).fillTypeCounts(deps.db);
  }
  if (deps.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db);
  else await sql`analyze`.execute(deps.db);
  for (let i = 0; i < 5; i++) await getLicenceCatalogue(deps, {});
  const ms = [];
  for (let i = 0; i < CAT_READS; i++) {
    const t = performance.now();
    await getLicenceCatalogue(deps, {});
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { licences: await count('licenses'), uses: await count('license_uses'), kept, p50: ms[Math.floor(ms.length / 2)], p99: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)], max: ms[ms.length - 1] };
}

await main();
