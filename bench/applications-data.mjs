// Bulk data for the workbench queue benchmark (bench/applications.mjs): a database that the real migrations and the
// demo province created, then filled with N cases (1M by default) of ~200 departments in every status, each with the
// tasks its status implies (open tasks for the steps still to do, done ones for the steps behind it).
//
// The rows are generated deterministically (a seeded PRNG): the same --cases and --seed give the same data on SQLite
// and on PostgreSQL. SQLite is filled through better-sqlite3 with multi-row INSERTs in large transactions;
// PostgreSQL through `psql` running COPY … FROM STDIN (CSV), with foreign-key triggers off for the load (the rows
// reference only rows that exist), then ANALYZE.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const DAY = 86_400_000;

/** mulberry32, as src/platform/prng.ts. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 for an instant (what newId() would have given then), with random bits from the PRNG. */
function uuid7At(ms, rnd) {
  const hex = Math.floor(ms).toString(16).padStart(12, '0');
  const r = () => Math.floor(rnd() * 0x10000).toString(16).padStart(4, '0');
  const variant = (0x8000 | Math.floor(rnd() * 0x4000)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

const iso = (ms) => new Date(ms).toISOString();
const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
/** A value from weighted choices [[value, weight], …]. */
function weighted(rnd, choices) {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of choices) if ((x -= w) < 0) return v;
  return choices[choices.length - 1][0];
}

// Status by the case's age: recent cases are still being worked on, older ones are mostly delivered; a few old ones
// are stuck (overdue reviews, results never collected) as on any real platform.
const STATUS_BY_AGE = [
  [3, [['submitted', 60], ['correction', 5], ['reviewing', 30], ['not_accepted', 5]]],
  [20, [['submitted', 10], ['correction', 5], ['reviewing', 45], ['deciding', 15], ['concluded', 10], ['delivered', 10], ['not_accepted', 5]]],
  [60, [['submitted', 2], ['correction', 3], ['reviewing', 15], ['deciding', 10], ['concluded', 10], ['delivered', 55], ['not_accepted', 5]]],
  [Infinity, [['delivered', 91.5], ['not_accepted', 6], ['concluded', 1.5], ['reviewing', 0.6], ['deciding', 0.2], ['correction', 0.2]]],
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志红玉兰凤林文德荣辉海燕春梅晓东雪琴云飞鹏宇浩然婷欣怡子涵思远嘉'.split('');
const BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '中国邮政储蓄银行', '云澜农村商业银行'];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '文化路', '湖滨路', '新华街', '和平路', '胜利路', '青年路'];

export const CASE_COLUMNS = ['id', 'case_number', 'item_id', 'item_version', 'item_name', 'implementation_code', 'department_id', 'region_code',
  'receiving_department_id', 'applicant_user_id', 'applicant_kind', 'applicant_id_number', 'applicant_uscc', 'applicant_name', 'status', 'decision',
  'form_data', 'materials', 'workflow', 'promised_limit', 'legal_limit', 'clock_started_at', 'paused', 'due_at', 'warn_at', 'legal_due_at',
  'idempotency_key', 'payload_hash', 'row_version', 'submitted_at', 'accepted_at', 'concluded_at', 'delivered_at', 'updated_at'];
export const TASK_COLUMNS = ['id', 'case_id', 'step', 'branch', 'name', 'department_id', 'role', 'status', 'claimed_by', 'claimed_by_name', 'claimed_at',
  'outcome', 'opinion', 'completed_by_name', 'completed_at', 'created_at'];
const DEPT_COLUMNS = ['id', 'uscc', 'name', 'name_en', 'short_name', 'kind', 'region_code', 'level', 'phone', 'address', 'active', 'created_at', 'updated_at'];
const USER_COLUMNS = ['id', 'username', 'password_hash', 'kind', 'display_name', 'id_number', 'department_id', 'phone', 'active', 'failed_logins', 'locked_until', 'password_changed_at', 'created_at', 'updated_at'];

/**
 * The departments, applicants and the case generator. `ctx` holds what the demo province put in the database:
 * departments [{id, region_code}], items [{id, name, implementation_code, department_id, region_code}], regions
 * [{code, name, level}], and the ids of the busiest departments, in order.
 */
export function planData({ cases, seed, departments: wanted, applicants, ctx, now }) {
  const rnd = prng(seed);
  // Synthetic departments up to `wanted` (service centres and bureaus in the demo regions), so that cases spread over
  // about as many departments as a province has.
  const extraDepartments = [];
  const kinds = [...new Set(ctx.departments.map((d) => d.kind))];
  const regions = ctx.regions.filter((r) => r.level !== 'province');
  for (let i = ctx.departments.length; i < wanted; i++) {
    const region = regions[i % regions.length];
    const n = String(i).padStart(4, '0');
    extraDepartments.push({
      id: uuid7At(now - 400 * DAY + i * 1000, rnd), uscc: `12390000BENCH${n}X`.slice(0, 18).padEnd(18, '0'), name: `${region.name}政务服务分中心${n}`,
      name_en: `Service centre ${n}`, short_name: `分中心${n}`, kind: pick(rnd, kinds), region_code: region.code, level: region.level === 'city' ? 'city' : 'district',
      phone: '0590-8' + String(1000000 + i).slice(1), address: `${region.name}${pick(rnd, STREETS)}${i}号`, active: 1, created_at: iso(now - 400 * DAY), updated_at: iso(now - 400 * DAY),
    });
  }
  const allDepts = [...ctx.departments.map((d) => d.id), ...extraDepartments.map((d) => d.id)];
  // Zipf-like load (s = 0.8): the busiest department gets ~10% of all cases, the second ~6%; the demo officers'
  // departments are put first so that the benchmark can log in as their officers.
  const rest = allDepts.filter((id) => !ctx.busiest.includes(id));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  const ranked = [...ctx.busiest, ...rest];
  const cum = [];
  let total = 0;
  ranked.forEach((_, k) => cum.push((total += 1 / Math.pow(k + 1, 0.8))));
  const pickDept = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return ranked[lo];
  };
  const itemsByDept = new Map();
  for (const it of ctx.items) {
    if (!itemsByDept.has(it.department_id)) itemsByDept.set(it.department_id, []);
    itemsByDept.get(it.department_id).push(it);
  }
  const users = [];
  for (let i = 0; i < applicants; i++) {
    const name = pick(rnd, SURNAMES) + pick(rnd, GIVEN) + (rnd() < 0.6 ? pick(rnd, GIVEN) : '');
    const at = iso(now - 800 * DAY + i * 60_000);
    users.push({ id: uuid7At(now - 800 * DAY + i * 60_000, rnd), username: `bench_citizen_${i}`, password_hash: 'x', kind: 'citizen', display_name: name, id_number: null,
      department_id: null, phone: '139' + String(10000000 + i).slice(-8), active: 1, failed_logins: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at });
  }
  const share = ranked.slice(0, 3).map((id, k) => (1 / Math.pow(k + 1, 0.8) / total));
  return { extraDepartments, users, ranked, share, generate: () => generateCases({ cases, rnd, now, pickDept, itemsByDept, items: ctx.items, users, allDepts, taken: ctx.caseNumbers }) };
}

/** Yields { c: caseRow, tasks: [taskRow] } in the order of submission (ids are UUIDv7 of their instants). */
function* generateCases({ cases, rnd, now, pickDept, itemsByDept, items, users, allDepts, taken }) {
  const span = 3 * 365 * DAY;
  const start = now - span;
  const counters = new Map();
  const officer = () => pick(rnd, SURNAMES) + pick(rnd, GIVEN) + pick(rnd, GIVEN);
  for (let i = 0; i < cases; i++) {
    // More cases recently (the platform's use grows): density ∝ time, so the last 60 days hold ~10% of them.
    const submitted = Math.min(now - 60_000, start + span * Math.sqrt((i + rnd()) / cases));
    const ageDays = (now - submitted) / DAY;
    const status = weighted(rnd, STATUS_BY_AGE.find(([maxAge]) => ageDays < maxAge)[1]);
    const dept = pickDept();
    const own = itemsByDept.get(dept);
    const item = own ? pick(rnd, own) : pick(rnd, items);
    const user = pick(rnd, users);
    const id = uuid7At(submitted, rnd);
    const day = iso(submitted + 8 * 3600_000).slice(0, 10).replace(/-/g, '');
    const key = item.implementation_code + day;
    let seq = counters.get(key) ?? 0;
    let caseNumber;
    do caseNumber = `${item.implementation_code}${day}${String(++seq).padStart(4, '0')}`;
    while (taken.has(caseNumber));
    counters.set(key, seq);
    const promisedDays = pick(rnd, [5, 7, 10, 15, 20]);
    const legalDays = promisedDays * 2;
    const receiving = rnd() < 0.03 ? pick(rnd, allDepts) : null;
    const branches = [{ key: 'review', name: '审查', departmentId: dept }];
    if (rnd() < 0.25) branches.push({ key: 'joint', name: '会同审查', departmentId: pick(rnd, allDepts) });
    const form = {
      name: user.display_name, idNumber: '3901' + String(1000000000000 + i).slice(-13) + 'X', phone: user.phone,
      address: `云澜省澜州市${pick(rnd, STREETS)}${1 + (i % 300)}号${1 + (i % 20)}单元`, bankName: pick(rnd, BANKS),
      bankAccount: '6222' + String(100000000000000 + i).slice(-15), contactPerson: user.display_name, remark: rnd() < 0.3 ? '材料已按要求准备齐全，请审核。' : undefined,
    };
    const materials = [
      { key: 'id_card', by: 'upload', file: { sha256: createHash('sha256').update(`m${i}a`).digest('hex'), name: '身份证.pdf' } },
      { key: 'application', by: rnd() < 0.5 ? 'upload' : 'shared_data', file: undefined },
    ];
    // Steps: when each happened (or opened), given the status.
    const reached = { submitted: 0, correction: 1, not_accepted: 1, reviewing: 2, deciding: 3, concluded: 4, delivered: 5 }[status];
    const correctionInReview = status === 'correction' && rnd() < 0.5;
    const stepGap = (ageDays * DAY) / 5;
    const accepted = status === 'reviewing' || status === 'deciding' || status === 'concluded' || status === 'delivered' || correctionInReview ? submitted + rnd() * Math.min(stepGap, 2 * DAY) : null;
    const reviewed = reached >= 3 ? accepted + rnd() * Math.min(stepGap, promisedDays * DAY) : null;
    const concluded = reached >= 4 ? reviewed + rnd() * Math.min(stepGap, 3 * DAY) : status === 'not_accepted' ? submitted + rnd() * Math.min(stepGap, 2 * DAY) : null;
    const delivered = reached >= 5 ? concluded + rnd() * Math.min(stepGap, 5 * DAY) : null;
    const last = delivered ?? concluded ?? reviewed ?? accepted ?? submitted;
    const paused = correctionInReview || ((status === 'reviewing' || status === 'deciding') && rnd() < 0.02) ? 1 : 0;
    let due = null;
    let warn = null;
    let legalDue = null;
    if (accepted) {
      // promised working days ≈ 1.4 calendar days each; the warning at 80% of the time.
      due = accepted + promisedDays * 1.4 * DAY;
      warn = accepted + 0.8 * promisedDays * 1.4 * DAY;
      legalDue = accepted + legalDays * 1.4 * DAY;
    }
    const decision = reached >= 4 ? (rnd() < 0.93 ? 'approved' : 'refused') : null;
    const c = {
      id, case_number: caseNumber, item_id: item.id, item_version: 1, item_name: item.name, implementation_code: item.implementation_code,
      department_id: dept, region_code: item.region_code, receiving_department_id: receiving, applicant_user_id: user.id, applicant_kind: 'person',
      applicant_id_number: form.idNumber, applicant_uscc: null, applicant_name: user.display_name, status, decision,
      form_data: JSON.stringify(form), materials: JSON.stringify(materials), workflow: JSON.stringify({ review: branches }),
      promised_limit: JSON.stringify({ value: promisedDays, unit: 'working_days' }), legal_limit: JSON.stringify({ value: legalDays, unit: 'working_days' }),
      clock_started_at: accepted ? iso(accepted) : null, paused, due_at: due ? iso(due) : null, warn_at: warn ? iso(warn) : null, legal_due_at: legalDue ? iso(legalDue) : null,
      idempotency_key: `import-${i}`, payload_hash: createHash('sha256').update(String(i)).digest('hex'), row_version: 1 + reached + (status === 'correction' ? 1 : 0),
      submitted_at: iso(submitted), accepted_at: accepted ? iso(accepted) : null, concluded_at: concluded ? iso(concluded) : null,
      delivered_at: delivered ? iso(delivered) : null, updated_at: iso(last),
    };
    const tasks = [];
    const task = (step, branch, name, departmentId, role, at, done, outcome) => {
      const claimed = !done && rnd() < 0.1;
      const claimedAt = claimed ? Math.min(now, at + rnd() * DAY) : null;
      tasks.push({
        id: uuid7At(at, rnd), case_id: id, step, branch, name, department_id: departmentId, role, status: done ? 'done' : 'open',
        claimed_by: claimed ? uuid7At(at, rnd) : null, claimed_by_name: claimed ? officer() : null, claimed_at: claimedAt ? iso(claimedAt) : null,
        outcome: done ? outcome : null, opinion: done && rnd() < 0.5 ? '符合要求' : null, completed_by_name: done ? officer() : null,
        completed_at: done ? iso(done) : null, created_at: iso(at),
      });
    };
    // accept
    if (status === 'submitted') task('accept', 'accept', '受理', dept, 'window_officer', submitted, null);
    else if (status === 'not_accepted') task('accept', 'accept', '受理', dept, 'window_officer', submitted, concluded, 'not_accepted');
    else if (status === 'correction' && !correctionInReview) task('accept', 'accept', '受理', dept, 'window_officer', submitted, submitted + rnd() * Math.min(stepGap, DAY), 'correction');
    else task('accept', 'accept', '受理', dept, 'window_officer', submitted, accepted, 'accepted');
    // review branches
    if (accepted) {
      branches.forEach((b, k) => {
        const open = status === 'reviewing' || correctionInReview ? !(k === 0 && branches.length > 1 && rnd() < 0.5) : false;
        const doneAt = open ? null : reviewed ?? accepted + rnd() * (now - accepted);
        task('review', b.key, b.name, b.departmentId, 'reviewer', accepted, doneAt, 'agree');
      });
    }
    if (reached >= 3) task('decide', 'decide', '决定', dept, 'reviewer', reviewed, status === 'deciding' ? null : concluded, decision);
    if (reached >= 4) task('deliver', 'deliver', '送达', receiving ?? dept, 'window_officer', concluded, status === 'concluded' ? null : delivered, pick(rnd, ['online', 'courier', 'window']));
    yield { c, tasks };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Loaders

/** What the demo province put in the database, for planData. */
export async function readContext(query, busiestUsernames) {
  const departments = await query('select id, kind, region_code from departments order by id');
  const regions = await query('select code, name, level from regions order by code');
  const items = await query('select i.id, b.name, i.implementation_code, i.department_id, i.region_code from catalog_items i join catalog_basic_items b on b.code = i.basic_code where i.published_version is not null order by i.id');
  // Case numbers already taken (the demo province may come with cases of its own).
  const caseNumbers = new Set((await query('select case_number from cases')).map((r) => r.case_number));
  const busiest = [];
  for (const u of busiestUsernames) {
    const [row] = await query(`select department_id from users where username = '${u}'`);
    if (!row?.department_id) throw new Error(`no staff user ${u} in the demo province`);
    if (!busiest.includes(row.department_id)) busiest.push(row.department_id);
  }
  return { departments, regions, items, busiest, caseNumbers };
}

/** Fills an SQLite file. Returns { seconds, cases, tasks }. */
export async function loadSqlite(file, opts, log) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -500000');
  db.pragma('foreign_keys = OFF');
  const t0 = performance.now();
  const ctx = await readContext(async (s) => db.prepare(s).all(), opts.busiestUsernames);
  const plan = planData({ ...opts, ctx });
  const insertMany = (table, cols, rows) => {
    if (rows.length === 0) return;
    const per = Math.max(1, Math.floor(30000 / cols.length));
    for (let k = 0; k < rows.length; k += per) {
      const chunk = rows.slice(k, k + per);
      const stmt = db.prepare(`insert into ${table} (${cols.join(',')}) values ${chunk.map(() => `(${cols.map(() => '?').join(',')})`).join(',')}`);
      stmt.run(chunk.flatMap((r) => cols.map((c) => r[c] ?? null)));
    }
  };
  db.transaction(() => {
    insertMany('departments', DEPT_COLUMNS, plan.extraDepartments);
    insertMany('users', USER_COLUMNS, plan.users);
  })();
  // Statements of a fixed size are prepared once; a transaction per 20,000 cases.
  const per = 100;
  const caseStmt = db.prepare(`insert into cases (${CASE_COLUMNS.join(',')}) values ${Array.from({ length: per }, () => `(${CASE_COLUMNS.map(() => '?').join(',')})`).join(',')}`);
  const taskStmt = db.prepare(`insert into case_tasks (${TASK_COLUMNS.join(',')}) values ${Array.from({ length: per }, () => `(${TASK_COLUMNS.map(() => '?').join(',')})`).join(',')}`);
  let caseBuf = [];
  let taskBuf = [];
  let nCases = 0;
  let nTasks = 0;
  const flush = (final) => {
    while (caseBuf.length >= per) caseStmt.run(caseBuf.splice(0, per).flatMap((r) => CASE_COLUMNS.map((c) => r[c])));
    while (taskBuf.length >= per) taskStmt.run(taskBuf.splice(0, per).flatMap((r) => TASK_COLUMNS.map((c) => r[c])));
    if (final) {
      insertMany('cases', CASE_COLUMNS, caseBuf);
      insertMany('case_tasks', TASK_COLUMNS, taskBuf);
      caseBuf = [];
      taskBuf = [];
    }
  };
  const gen = plan.generate();
  const batch = db.transaction((n) => {
    for (let k = 0; k < n; k++) {
      const next = gen.next();
      if (next.done) break;
      caseBuf.push(next.value.c);
      for (const t of next.value.tasks) taskBuf.push(t);
      nCases++;
      nTasks += next.value.tasks.length;
      if (caseBuf.length >= per * 10) flush(false);
    }
    flush(true);
  });
  while (nCases < opts.cases) {
    batch(20_000);
    if (nCases % 200_000 === 0) log(`sqlite: ${nCases.toLocaleString('en-US')} cases, ${nTasks.toLocaleString('en-US')} tasks, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { seconds: (performance.now() - t0) / 1000, cases: nCases, tasks: nTasks, departments: plan.ranked.length, share: plan.share };
}

const csvField = (v) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};

/** COPY rows into a table through psql (stdin), with the foreign-key triggers off for the session. */
function copyInto(url, table, cols, rows) {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', 'set session_replication_role = replica', '-c', `copy ${table} (${cols.join(',')}) from stdin with (format csv)`], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql copy into ${table} failed (${code}): ${err}`))));
    const write = async () => {
      let buf = '';
      for (const r of rows) {
        buf += cols.map((c) => csvField(r[c])).join(',') + '\n';
        if (buf.length > 1 << 20) {
          if (!child.stdin.write(buf)) await new Promise((res) => child.stdin.once('drain', res));
          buf = '';
        }
      }
      child.stdin.end(buf);
    };
    write().catch(reject);
  });
}

/** Fills a PostgreSQL database. Returns { seconds, cases, tasks }. */
export async function loadPostgres(url, opts, log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    const ctx = await readContext(async (s) => (await client.query(s)).rows, opts.busiestUsernames);
    const plan = planData({ ...opts, ctx });
    await copyInto(url, 'departments', DEPT_COLUMNS, plan.extraDepartments);
    await copyInto(url, 'users', USER_COLUMNS, plan.users);
    // Two passes over the same deterministic generator (same seed): the cases, then their tasks; memory stays flat.
    let nCases = 0;
    let nTasks = 0;
    function* casesOnly() {
      for (const { c } of plan.generate()) {
        if (++nCases % 200_000 === 0) log(`postgres: ${nCases.toLocaleString('en-US')} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        yield c;
      }
    }
    await copyInto(url, 'cases', CASE_COLUMNS, casesOnly());
    function* tasksOnly() {
      for (const { tasks } of planData({ ...opts, ctx }).generate()) {
        nTasks += tasks.length;
        yield* tasks;
      }
    }
    await copyInto(url, 'case_tasks', TASK_COLUMNS, tasksOnly());
    log(`postgres: copied ${nCases.toLocaleString('en-US')} cases and ${nTasks.toLocaleString('en-US')} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s; analyze…`);
    await client.query('analyze');
    return { seconds: (performance.now() - t0) / 1000, cases: nCases, tasks: nTasks, departments: plan.ranked.length, share: plan.share };
  } finally {
    await client.end();
  }
}

export const randomName = (prefix) => `${prefix}_${randomBytes(4).toString('hex')}`;
