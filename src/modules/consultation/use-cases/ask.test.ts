import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import { manualClock } from '../../../platform/clock.js';
import { systemActor } from '../../../platform/actor.js';
import { demoDepartments } from '../../../demo/province-data.js';
import { importDuties, importKb } from './import.js';
import { engineOf } from './retrieval.js';
import { dutiesFile, isolateFixtures, kbFile } from '../testing/fixtures.js';

let p: TestPlatform;
let anon: Client;
let citizen: Client;
const clock = manualClock(new Date('2026-11-20T02:00:00Z'));
const MINGHU = '390102';
const JIANGKOU = '390202';
const deptId = async (key: string) => (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', demoDepartments.find((d) => d.key === key)!.uscc).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
  await isolateFixtures(p);
  await importKb(p.deps, systemActor('test'), kbFile());
  await importDuties(p.deps, systemActor('test'), dutiesFile());
  await engineOf(p.deps, true);
  anon = p.anonymous();
  citizen = await p.login('zhangsan');
}, 120_000);
afterAll(async () => p?.close());

const ask = (c: Client, text: string, regionCode = MINGHU, extra: object = {}) => c.post('/api/v1/consultation/questions', { text, regionCode, channel: 'web', ...extra });

describe('asking', () => {
  it('answers from the knowledge base with department, basis and score, and suggests the unit', async () => {
    const r = await ask(anon, '租房可以提取公积金吗？');
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.answers[0]).toMatchObject({ entryCode: 'KB-T-gjj-rent', departmentName: '澜州市住房公积金管理中心', basis: [{ document: '《住房公积金管理条例》', clause: '第二十四条' }] });
    expect(r.body.answers[0].score).toBeGreaterThanOrEqual(p.config.consultationAnswerThreshold);
    expect(r.body.answers[0].score).toBeLessThanOrEqual(1);
    expect(r.body.routing).toMatchObject({ departmentId: await deptId('lz_gjj'), toDispatcher: false, duty: { code: 'DUTY-T-lz_gjj-1' } });
    expect(r.body.routing.contact.phone).toBe(demoDepartments.find((d) => d.key === 'lz_gjj')!.phone);
    expect(r.body.outcome).toBe('answered');
    const row = await p.deps.db.selectFrom('consultation_questions').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'answered', channel: 'web', asker_user_id: null, region_code: MINGHU, routed_department_id: await deptId('lz_gjj') });
  });

  it('understands typos and homophones (营叶执照, 公基金, 身分证)', async () => {
    const licence = await ask(anon, '营叶执照怎么办');
    expect(licence.body.answers[0]?.entryCode).toBe('KB-T-scjg-individual');
    const loan = await ask(anon, '公基金贷款最多能贷多少钱');
    expect(loan.body.answers[0]?.entryCode).toBe('KB-T-gjj-loan');
    const id = await ask(anon, '身分证掉了咋整');
    expect(id.body.answers[0]?.entryCode).toBe('KB-T-ga-idcard');
  });

  it('uses the duty-list contact of the duty when it has one', async () => {
    const r = await ask(anon, '公积金贷款额度', MINGHU);
    expect(r.body.routing.duty.code).toBe('DUTY-T-lz_gjj-2');
    expect(r.body.routing.contact.phone).toBe('0590-12329');
  });

  it('routes to the nearest department holding the duty: the district’s, else the city’s', async () => {
    const inMinghu = await ask(anon, '想开个体户，营业执照去哪办', MINGHU);
    expect(inMinghu.body.routing.departmentId).toBe(await deptId('mh_scjg'));
    const inYuntai = await ask(anon, '想开个体户，营业执照去哪办', '390105');
    expect(inYuntai.body.routing.departmentId).toBe(await deptId('lz_scjg'));
    expect(inYuntai.body.routing.reason).toContain('市场主体登记注册');
  });

  it('only shows entries for the asker’s region or a region above it', async () => {
    const there = await ask(anon, '异地就医备案怎么办理', JIANGKOU);
    expect(there.body.answers[0]?.entryCode).toBe('KB-T-qc-yb-remote');
    const here = await ask(anon, '异地就医备案怎么办理', MINGHU);
    expect(here.body.answers.map((a: any) => a.entryCode)).not.toContain('KB-T-qc-yb-remote');
  });

  it('never shows entries outside their validity, judged by the clock at question time', async () => {
    const now = await ask(anon, '公积金提取旧政策怎么执行');
    expect(now.body.answers.map((a: any) => a.entryCode)).not.toContain('KB-T-gjj-old');
    const search = await anon.get(`/api/v1/consultation/kb/search?q=${encodeURIComponent('公积金提取未来新政策')}&regionCode=${MINGHU}`);
    expect(search.body.items.map((a: any) => a.entryCode)).not.toContain('KB-T-gjj-future');
    clock.set(new Date('2020-06-01T02:00:00Z'));
    try {
      const then = await ask(anon, '公积金提取旧政策怎么执行');
      expect(then.body.answers[0]?.entryCode).toBe('KB-T-gjj-old');
    } finally {
      clock.set(new Date('2026-11-20T02:00:00Z'));
    }
    expect((await anon.get('/api/v1/consultation/kb/entries/KB-T-gjj-old')).status).toBe(404);
  });

  it('sends what it cannot place to the dispatcher of the asker’s city, and records that outcome', async () => {
    const r = await ask(anon, '今天晚上的月亮为什么这么圆', MINGHU);
    expect(r.status).toBe(201);
    expect(r.body.answers).toEqual([]);
    expect(r.body.routing).toMatchObject({ toDispatcher: true, departmentId: await deptId('lz_zwsj') });
    expect(r.body.outcome).toBe('dispatcher');
    const inQc = await ask(anon, '今天晚上的月亮为什么这么圆', JIANGKOU);
    expect(inQc.body.routing.departmentId).toBe(await deptId('qc_zwsj'));
    const atProvince = await ask(anon, '今天晚上的月亮为什么这么圆', '390000');
    expect(atProvince.body.routing.departmentId).toBe(await deptId('yl_zwsj'));
    const rows = await p.deps.db.selectFrom('consultation_questions').select(['outcome']).execute();
    expect(rows.every((x) => ['answered', 'routed', 'dispatcher'].includes(x.outcome))).toBe(true);
  });

  it('stores markup as plain text and returns it verbatim in JSON', async () => {
    const text = '<script>alert("x")</script> 公积金<b>提取</b> & "引号"';
    const r = await ask(anon, text);
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body.text).toBe(text);
    const raw = await (await anon.raw(`/api/v1/consultation/questions/${r.body.id}`)).text();
    expect(raw).toContain(JSON.stringify(text).slice(1, -1));
    const again = await anon.get(`/api/v1/consultation/questions/${r.body.id}`);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.body.text).toBe(text);
  });

  it('refuses bad input with clear codes and stores nothing', async () => {
    const before = (await p.deps.db.selectFrom('consultation_questions').select('id').execute()).length;
    expect((await ask(anon, '   ')).body.error.code).toBe('consultation.question_empty');
    const long = await ask(anon, '公'.repeat(2001));
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'consultation.question_too_long', details: { limit: 2000, length: 2001 } });
    expect((await ask(anon, '公'.repeat(2000))).status).toBe(201);
    expect((await ask(anon, '公积金', '999999')).body.error.code).toBe('consultation.unknown_region');
    expect((await ask(anon, '公积金', 'abc')).body.error.code).toBe('consultation.unknown_region');
    expect((await ask(anon, '公积金', MINGHU, { channel: 'fax' })).body.error.code).toBe('request.invalid');
    expect((await ask(anon, '公积金', MINGHU, { itemCode: '999999999999' })).body.error.code).toBe('consultation.unknown_item');
    const huge = await anon.post('/api/v1/consultation/questions', { text: '公'.repeat(300_000), regionCode: MINGHU, channel: 'web' });
    expect(huge.status).toBe(413);
    expect((await p.deps.db.selectFrom('consultation_questions').select('id').execute()).length).toBe(before + 1);
  });

  it('links a logged-in asker, lists their questions and takes feedback on the answers given', async () => {
    const r = await ask(citizen, '失业了能领失业金吗', MINGHU, { channel: 'app', contact: '13800000000' });
    expect(r.body.answers[0].entryCode).toBe('KB-T-rs-unemployment');
    const mine = await citizen.get('/api/v1/consultation/questions/mine');
    expect(mine.body.items[0]).toMatchObject({ id: r.body.id, channel: 'app', outcome: 'answered', feedback: [] });
    expect((await anon.get('/api/v1/consultation/questions/mine')).status).toBe(401);

    const fb = await citizen.post(`/api/v1/consultation/questions/${r.body.id}/feedback`, { helpful: true, entryCode: 'KB-T-rs-unemployment' });
    expect(fb.body).toEqual({ questionId: r.body.id, entryCode: 'KB-T-rs-unemployment', helpful: true });
    await citizen.post(`/api/v1/consultation/questions/${r.body.id}/feedback`, { helpful: false, entryCode: 'KB-T-rs-unemployment' });
    const after = await citizen.get('/api/v1/consultation/questions/mine');
    expect(after.body.items[0].feedback).toEqual([{ entryCode: 'KB-T-rs-unemployment', helpful: false }]);
    expect((await citizen.post(`/api/v1/consultation/questions/${r.body.id}/feedback`, { helpful: true, entryCode: 'KB-T-gjj-loan' })).body.error.code).toBe('consultation.entry_not_offered');
    // Another person (or nobody) cannot rate or read a logged-in asker's question.
    expect((await anon.post(`/api/v1/consultation/questions/${r.body.id}/feedback`, { helpful: true, entryCode: 'KB-T-rs-unemployment' })).body.error.code).toBe('consultation.not_your_question');
    expect((await anon.get(`/api/v1/consultation/questions/${r.body.id}`)).status).toBe(404);
    expect((await citizen.get(`/api/v1/consultation/questions/${r.body.id}`)).body.text).toBe('失业了能领失业金吗');
    expect((await anon.post('/api/v1/consultation/questions/nope/feedback', { helpful: true, entryCode: 'KB-T-rs-unemployment' })).status).toBe(404);
  });

  it('records a hotline operator’s question without linking the operator as the asker', async () => {
    const operator = await p.login('lz_zwsj_ck1');
    const r = await ask(operator, '身份证丢了怎么补办', MINGHU, { channel: 'hotline' });
    const row = await p.deps.db.selectFrom('consultation_questions').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row.asker_user_id).toBeNull();
    expect(row.recorded_by_user_id).not.toBeNull();
    expect(row.channel).toBe('hotline');
  });
});
