import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import { demoDepartments } from '../../../demo/province-data.js';
import { main } from '../../../main.js';
import { engineOf } from './retrieval.js';
import { dutiesFile, fixtureDuties, fixtureKb, isolateFixtures, kbFile } from '../testing/fixtures.js';

let p: TestPlatform;
let admin: Client;
let gjjAdmin: Client;
const uscc = (key: string) => demoDepartments.find((d) => d.key === key)!.uscc;

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  await isolateFixtures(p);
  await engineOf(p.deps, true);
  [admin, gjjAdmin] = await Promise.all([p.login('admin'), p.login('lz_gjj_gly')]);
}, 120_000);
afterAll(async () => p?.close());

/** Posts a file to the import endpoint and polls the job until it ends. */
async function runImport(c: Client, kind: 'kb' | 'duties', body: string) {
  const res = await c.raw(`/api/v1/consultation/import/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` }, body });
  const started = await res.json();
  if (res.status !== 202) return { status: res.status, job: started };
  let job = started;
  const seen = new Set<string>([job.status]);
  for (let i = 0; i < 200 && !['done', 'failed'].includes(job.status); i++) {
    await new Promise((r) => setTimeout(r, 25));
    job = (await c.get(`/api/v1/consultation/import/jobs/${started.id}`)).body;
    seen.add(job.status);
  }
  return { status: res.status, job, seen };
}

const count = async (table: 'kb_entries' | 'duty_entries') => (await p.deps.db.selectFrom(table).select('id').where('code', 'like', '%-T-%').execute()).length;

describe('import', () => {
  it('refuses a whole file with every problem listed by row and field, writing nothing', async () => {
    const bad = [
      fixtureKb[0],
      { ...fixtureKb[1], departmentCode: 'nope' },
      { ...fixtureKb[2], regionCodes: ['390202'] },
      { ...fixtureKb[3], validFrom: '2026-05-01', validTo: '2026-01-01' },
      { ...fixtureKb[4], basis: [] },
      { ...fixtureKb[5], code: fixtureKb[0].code },
      { ...fixtureKb[6], extra: 1 },
      { ...fixtureKb[7], departmentCode: uscc('qc_yb').slice(0, 17) + (uscc('qc_yb')[17] === '0' ? '1' : '0') },
    ];
    const r = await runImport(admin, 'kb', kbFile(bad));
    expect(r.job.status).toBe('failed');
    expect(r.job.error.code).toBe('import.invalid_rows');
    const byRow = r.job.error.details.map((d: any) => [d.row, d.field]);
    expect(byRow).toEqual(expect.arrayContaining([
      [2, 'departmentCode'], [3, 'regionCodes.0'], [4, 'validTo'], [5, 'basis'], [6, 'code'], [7, 'row'], [8, 'departmentCode'],
    ]));
    expect(r.job.error.details.find((d: any) => d.row === 8).reason).toContain('USCC');
    expect(byRow.filter(([row]: [number]) => row === 1)).toEqual([]);
    expect(await count('kb_entries')).toBe(0);
    for (const [text, code] of [['not json', 'import.malformed_json'], ['{"format":"tongban.catalog/1"}', 'import.wrong_format'], ['{"format":"tongban.kb/1","entries":[]}', 'import.empty']]) {
      expect((await runImport(admin, 'kb', text)).job.error.code).toBe(code);
    }
  });

  it('imports by USCC or demo key, reports progress, and re-imports unchanged rows as unchanged', async () => {
    const withUscc = fixtureKb.map((e, i) => (i % 2 === 0 ? { ...e, departmentCode: uscc(e.departmentCode) } : e));
    const first = await runImport(admin, 'kb', kbFile(withUscc));
    expect(first.job).toMatchObject({ status: 'done', kind: 'kb', result: { created: fixtureKb.length, updated: 0, unchanged: 0 }, processed: fixtureKb.length * 2, total: fixtureKb.length * 2 });
    expect(await count('kb_entries')).toBe(fixtureKb.length);
    const again = await runImport(admin, 'kb', kbFile());
    expect(again.job.result).toMatchObject({ created: 0, updated: 0, unchanged: fixtureKb.length });
    const changed = await runImport(admin, 'kb', kbFile([{ ...fixtureKb[0], answer: '新的答复。' }]));
    expect(changed.job.result).toMatchObject({ created: 0, updated: 1 });
    const v = await p.deps.db.selectFrom('kb_entries').select(['version', 'answer']).where('code', '=', fixtureKb[0].code).executeTakeFirstOrThrow();
    expect(v).toEqual({ version: 2, answer: '新的答复。' });
    const duties = await runImport(admin, 'duties', dutiesFile());
    expect(duties.job.result).toMatchObject({ created: fixtureDuties.length });
    // Imported entries answer at once.
    const ask = await p.anonymous().post('/api/v1/consultation/questions', { text: '身份证丢了怎么补办', regionCode: '390102', channel: 'web' });
    expect(ask.body.answers[0].entryCode).toBe('KB-T-ga-idcard');
    expect(ask.body.routing.duty.code).toBe('DUTY-T-lz_ga-1');
  });

  it('lets a department admin import only its own department’s rows', async () => {
    const mine = { ...fixtureKb[1], code: 'KB-T-gjj-mine', question: '公积金账户余额怎么查询' };
    const theirs = { ...fixtureKb[6], code: 'KB-T-ga-theirs' };
    const r = await runImport(gjjAdmin, 'kb', kbFile([mine, theirs]));
    expect(r.job.error.details).toEqual([{ row: 2, field: 'departmentCode', reason: 'you may not import entries of this department' }]);
    expect((await runImport(gjjAdmin, 'kb', kbFile([mine]))).job.result.created).toBe(1);
    expect((await p.login('lz_gjj_ck1').then((c) => runImport(c, 'kb', kbFile([mine])))).status).toBe(403);
    // Jobs are the starter's own.
    const job = (await runImport(gjjAdmin, 'kb', kbFile([mine]))).job;
    expect((await admin.get(`/api/v1/consultation/import/jobs/${job.id}`)).status).toBe(404);
  });

  it('imports from the command line, and a server running meanwhile catches up with the rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-kb-'));
    const file = path.join(dir, 'kb.json');
    fs.writeFileSync(file, kbFile([{ ...fixtureKb[1], code: 'KB-T-cli', question: '公积金缴存比例是多少', alternatives: [], topic: undefined, facts: undefined }]));
    const env = { TONGBAN_DATA_DIR: process.env.TONGBAN_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.TONGBAN_DATA_DIR = p.config.dataDir;
    if (p.config.databaseUrl) process.env.DATABASE_URL = p.config.databaseUrl;
    const log = console.log;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => lines.push(a.join(' '));
    try {
      expect(await main(['import', 'kb', file])).toBe(0);
      await expect(main(['import', 'kb', path.join(dir, 'missing.json')])).rejects.toThrow('no such file');
    } finally {
      console.log = log;
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(lines.join('\n')).toContain('imported kb: 1 created');
    // The server's index learns of rows written by another process within about a second.
    await new Promise((r) => setTimeout(r, 1100));
    const r = await p.anonymous().get(`/api/v1/consultation/kb/search?q=${encodeURIComponent('公积金缴存比例')}&regionCode=390102`);
    expect(r.body.items[0]?.entryCode).toBe('KB-T-cli');
  });

  it('imports the complete examples of docs/formats/kb.md and docs/formats/duties.md', async () => {
    const example = (file: string) => {
      const text = fs.readFileSync(path.join(process.cwd(), 'docs/formats', file), 'utf8');
      return text.match(/```json\n([\s\S]*?)\n```/)![1];
    };
    const kb = await runImport(admin, 'kb', example('kb.md'));
    expect(kb.job.result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    // The two example entries contradict each other (and the province's one also the fixture rent entry).
    const ids = (await p.deps.db.selectFrom('kb_entries').select(['id', 'code']).where('code', 'in', ['KB-lz_gjj-0101', 'KB-yl_zj-0101']).execute()).map((r) => r.id).sort();
    const pair = await p.deps.db.selectFrom('kb_conflicts').select('status').where('entry_a_id', '=', ids[0]).where('entry_b_id', '=', ids[1]).executeTakeFirst();
    expect(pair?.status).toBe('open');
    expect(kb.job.result.conflicts).toBeGreaterThanOrEqual(1);
    const duties = await runImport(admin, 'duties', example('duties.md'));
    expect(duties.job.result).toEqual({ created: 2, updated: 0, unchanged: 0, conflicts: 0 });
  });
});
