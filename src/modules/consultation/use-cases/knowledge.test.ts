import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import { systemActor } from '../../../platform/actor.js';
import { verifyAuditChain } from '../../../platform/audit.js';
import { demoDepartments } from '../../../demo/province-data.js';
import { importDuties, importKb } from './import.js';
import { engineOf } from './retrieval.js';
import { findSimilarEntries } from './contradictions.js';
import { dutiesFile, isolateFixtures, kbFile, ID_CARD_RENEWAL } from '../testing/fixtures.js';

let p: TestPlatform;
let admin: Client; // platform admin
let gjjAdmin: Client; // 澜州市住房公积金管理中心 department admin
let qcGjjAdmin: Client; // 青川市住房公积金管理中心 department admin
let zjAdmin: Client; // 云澜省住房和城乡建设厅 department admin
let lzData: Client; // 澜州市政务服务和数据管理局 department admin (coordination)
let qcData: Client; // 青川市政务服务和数据管理局 department admin
const dept = (key: string) => demoDepartments.find((d) => d.key === key)!;
const deptId = async (key: string) => (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', dept(key).uscc).executeTakeFirstOrThrow()).id;
const KB = '/api/v1/consultation/kb/entries';

const entry = (over: object = {}) => ({
  code: 'KB-T-gjj-new', question: '住房公积金缴存基数每年什么时候调整', alternatives: ['公积金基数啥时候调'],
  answer: '每年7月1日起调整缴存基数。', basis: [{ document: '《住房公积金管理条例》', clause: '第十六条' }], regionCodes: ['390100'], tags: ['缴存基数'],
  ...over,
});

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  await isolateFixtures(p);
  await importKb(p.deps, systemActor('test'), kbFile());
  await importDuties(p.deps, systemActor('test'), dutiesFile());
  await engineOf(p.deps, true);
  [admin, gjjAdmin, qcGjjAdmin, zjAdmin, lzData, qcData] = await Promise.all(['admin', 'lz_gjj_gly', 'qc_gjj_gly', 'yl_zj_gly', 'lz_zwsj_gly', 'qc_zwsj_gly'].map((u) => p.login(u)));
}, 120_000);
afterAll(async () => p?.close());

describe('knowledge-base entries', () => {
  it('lets a department admin create, edit (new version each time) and retire an entry, audited', async () => {
    const extra = { itemCodes: [ID_CARD_RENEWAL], validFrom: '2026-01-01', validTo: '2099-12-31', topic: 'gjj.base.adjust' };
    const created = await gjjAdmin.post(KB, entry(extra));
    expect(created.status).toBe(201);
    expect(created.body.entry).toMatchObject({ code: 'KB-T-gjj-new', departmentId: await deptId('lz_gjj'), version: 1, status: 'active', shown: true, topic: 'gjj.base.adjust' });
    expect(created.body.warnings).toEqual([]);
    // Shown to askers at once (the index is updated by the change, not on the next rebuild).
    const found = await p.anonymous().get(`/api/v1/consultation/kb/search?q=${encodeURIComponent('公积金缴存基数什么时候调整')}&regionCode=390102`);
    expect(found.body.items[0].entryCode).toBe('KB-T-gjj-new');

    const edited = await gjjAdmin.put(`${KB}/KB-T-gjj-new`, { ...entry({ ...extra, answer: '每年7月1日起按上年度月平均工资调整缴存基数。' }), code: undefined, expectedVersion: 1, changeNote: '补充口径' });
    expect(edited.status).toBe(200);
    expect(edited.body.entry.version).toBe(2);
    const stale = await gjjAdmin.put(`${KB}/KB-T-gjj-new`, { ...entry(), code: undefined, expectedVersion: 1 });
    expect(stale.body.error.code).toBe('consultation.version_conflict');
    // Saving the same content makes no version.
    const same = await gjjAdmin.put(`${KB}/KB-T-gjj-new`, { ...entry({ ...extra, answer: '每年7月1日起按上年度月平均工资调整缴存基数。' }), code: undefined });
    expect(same.body.entry.version).toBe(2);

    const versions = await gjjAdmin.get(`${KB}/KB-T-gjj-new/versions`);
    expect(versions.body.items.map((v: any) => [v.version, v.changeNote])).toEqual([[2, '补充口径'], [1, null]]);
    expect(versions.body.items[1].content.answer).toBe('每年7月1日起调整缴存基数。');

    const retired = await gjjAdmin.post(`${KB}/KB-T-gjj-new/retire`, { changeNote: '政策调整' });
    expect(retired.body).toMatchObject({ status: 'retired', version: 3, shown: false });
    const gone = await p.anonymous().get(`/api/v1/consultation/kb/search?q=${encodeURIComponent('公积金缴存基数什么时候调整')}&regionCode=390102`);
    expect(gone.body.items.map((i: any) => i.entryCode)).not.toContain('KB-T-gjj-new');
    expect((await p.anonymous().get(`${KB}/KB-T-gjj-new`)).status).toBe(404);
    expect((await gjjAdmin.get(`${KB}/KB-T-gjj-new`)).body.status).toBe('retired');
    expect((await gjjAdmin.put(`${KB}/KB-T-gjj-new`, { ...entry(), code: undefined })).body.error.code).toBe('consultation.entry_retired');

    const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_type', '=', 'kb_entry').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['consultation.kb_entry.created', 'consultation.kb_entry.updated', 'consultation.kb_entry.retired']);
    expect(JSON.parse(audit[1].details!).changed).toEqual(['answer']);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });

  it('keeps department admins to their own department', async () => {
    const other = await gjjAdmin.post(KB, entry({ code: 'KB-T-x1', departmentId: await deptId('qc_gjj') }));
    expect(other.status).toBe(403);
    expect((await qcGjjAdmin.put(`${KB}/KB-T-gjj-rent`, { ...entry(), code: undefined })).status).toBe(403);
    expect((await p.login('lz_gjj_ck1').then((c) => c.post(KB, entry({ code: 'KB-T-x2' })))).status).toBe(403);
    expect((await p.anonymous().post(KB, entry({ code: 'KB-T-x3' }))).status).toBe(401);
    // A platform admin may name any department.
    expect((await admin.post(KB, entry({ code: 'KB-T-x4', departmentId: 'nope' }))).body.error.code).toBe('consultation.unknown_department');
    expect((await admin.post(KB, entry({ code: 'KB-T-x4', departmentId: await deptId('qc_gjj'), regionCodes: ['390200'] }))).status).toBe(201);
  });

  it('validates validity dates, regions, items and basis, and writes nothing on a bad entry', async () => {
    const count = async () => (await p.deps.db.selectFrom('kb_entries').select('id').execute()).length;
    const before = await count();
    const cases: [object, string][] = [
      [entry({ code: 'KB-T-bad1', validFrom: '2026-05-01', validTo: '2026-04-30' }), 'consultation.invalid_validity'],
      [entry({ code: 'KB-T-bad2', validTo: '2026-02-30' }), 'consultation.invalid_validity'],
      [entry({ code: 'KB-T-bad3', regionCodes: ['390199'] }), 'consultation.unknown_region'],
      [entry({ code: 'KB-T-bad4', regionCodes: ['390202'] }), 'consultation.region_outside_department'],
      [entry({ code: 'KB-T-bad5', itemCodes: ['000000000000'] }), 'consultation.unknown_item'],
      [entry({ code: 'KB-T-bad6', basis: [] }), 'request.invalid'],
      [entry({ code: 'KB-T-bad7', basis: [{ document: '   ' }] }), 'consultation.basis_required'],
      [entry({ code: 'KB-T-bad8', question: '   ' }), 'consultation.blank_text'],
      [entry({ code: 'KB-T-gjj-rent' }), 'consultation.entry_exists'],
      [entry({ code: 'bad code' }), 'request.invalid'],
    ];
    for (const [body, code] of cases) expect((await gjjAdmin.post(KB, body)).body.error?.code, JSON.stringify(body)).toBe(code);
    expect(await count()).toBe(before);
  });
});

describe('contradictions between units', () => {
  it('warns when another unit’s valid entry on the topic in an overlapping region states different facts, and records the pair', async () => {
    // 省住建厅 covers the whole province, so its entry overlaps 澜州市 (390100) but the rent facts differ.
    const r = await zjAdmin.post(KB, {
      code: 'KB-T-zj-rent', question: '租房提取住房公积金需要哪些材料', answer: '凭身份证、租赁合同和租金发票提取，每月最高1200元。',
      basis: [{ document: '《云澜省住房公积金提取管理办法》' }], regionCodes: ['390000'], topic: 'gjj.withdrawal.rent',
      facts: { materials: ['身份证', '租赁合同', '租金发票'], limit: '每月最高1200元', fee: '不收费' },
    });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toHaveLength(1);
    const w = r.body.warnings[0];
    expect(w).toMatchObject({ entryCode: 'KB-T-gjj-rent', departmentName: '澜州市住房公积金管理中心' });
    // the department's id too, for its English name in the editor
    expect((await p.deps.db.selectFrom('departments').select('name').where('id', '=', w.departmentId).executeTakeFirstOrThrow()).name).toBe('澜州市住房公积金管理中心');
    // 免费 and 不收费 say the same; materials and the limit differ.
    expect(w.differences).toEqual([
      { fact: 'materials', mine: ['身份证', '租赁合同', '租金发票'], theirs: ['身份证', '租赁合同'] },
      { fact: 'limit', mine: '每月最高1200元', theirs: '每月最高1500元' },
    ]);
    const zjId = r.body.entry.id;
    const rows = await p.deps.db.selectFrom('kb_conflicts').selectAll().where((eb) => eb.or([eb('entry_a_id', '=', zjId), eb('entry_b_id', '=', zjId)])).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('open');

    // A unit in a region that does not overlap (青川市) is not compared.
    const qc = await qcGjjAdmin.post(KB, {
      code: 'KB-T-qc-rent', question: '租房提取住房公积金需要什么条件和材料', answer: '每月最高1000元。', basis: [{ document: '《青川市住房公积金提取细则》' }],
      regionCodes: ['390200'], topic: 'gjj.withdrawal.rent', facts: { limit: '每月最高1000元' },
    });
    expect(qc.body.warnings.map((x: any) => x.entryCode)).toEqual(['KB-T-zj-rent']); // the province's entry covers 青川 too

    // Coordination: the platform admin and the data bureau list and resolve; a department admin cannot.
    expect((await gjjAdmin.get('/api/v1/consultation/kb/conflicts')).status).toBe(403);
    const list = await lzData.get('/api/v1/consultation/kb/conflicts?status=open');
    expect(list.status).toBe(200);
    const pair = list.body.items.find((c: any) => c.entries.some((e: any) => e.code === 'KB-T-gjj-rent'));
    expect(pair.entries.map((e: any) => e.code).sort()).toEqual(['KB-T-gjj-rent', 'KB-T-zj-rent']);
    // 青川's data bureau does not see 澜州's pair (neither department is in its region).
    const qcList = await qcData.get('/api/v1/consultation/kb/conflicts?status=open');
    expect(qcList.body.items.map((c: any) => c.id)).not.toContain(pair.id);
    expect((await qcData.post(`/api/v1/consultation/kb/conflicts/${pair.id}/resolve`, { note: '不是我们的' })).status).toBe(403);
    const resolved = await lzData.post(`/api/v1/consultation/kb/conflicts/${pair.id}/resolve`, { note: '已协调：省厅口径为准，市中心修改' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: '已协调：省厅口径为准，市中心修改' });
    expect((await lzData.post(`/api/v1/consultation/kb/conflicts/${pair.id}/resolve`, { note: 'x' })).body.error.code).toBe('consultation.conflict_resolved');

    // Editing the city entry to agree closes its open pairs by itself.
    const qcPair = (await admin.get('/api/v1/consultation/kb/conflicts?status=open')).body.items.find((c: any) => c.entries.some((e: any) => e.code === 'KB-T-qc-rent'));
    expect(qcPair).toBeTruthy();
    const agree = await qcGjjAdmin.put('/api/v1/consultation/kb/entries/KB-T-qc-rent', {
      question: '租房提取住房公积金需要什么条件和材料', answer: '每月最高1200元。', basis: [{ document: '《青川市住房公积金提取细则》' }],
      regionCodes: ['390200'], topic: 'gjj.withdrawal.rent', facts: { limit: '每月最高1200元' },
    });
    expect(agree.body.warnings).toEqual([]);
    const closed = await p.deps.db.selectFrom('kb_conflicts').select(['status', 'resolution_note']).where('id', '=', qcPair.id).executeTakeFirstOrThrow();
    expect(closed.status).toBe('resolved');
  });

  it('gives the work-order side the entries close to a question, with their facts', async () => {
    const similar = await findSimilarEntries(p.deps, '租房能不能取公积金', '390102');
    expect(similar[0]).toMatchObject({ entryCode: expect.stringMatching(/^KB-T-(gjj|zj)-rent$/), facts: expect.any(Object) });
    expect(similar.every((s) => s.score >= 0.5 && s.score <= 1)).toBe(true);
  });
});

describe('duty lists', () => {
  it('edits a department’s duties and routes by them at once', async () => {
    const D = '/api/v1/consultation/duties';
    const duty = { code: 'DUTY-T-lz_gjj-3', matter: '住房公积金缴存证明出具', description: '为缴存职工出具住房公积金缴存证明。', keywords: ['缴存证明', '公积金证明'], regionCodes: ['390100'], contact: '0590-12329-3' };
    expect((await qcGjjAdmin.post(D, { ...duty, departmentId: await deptId('lz_gjj') })).status).toBe(403);
    expect((await gjjAdmin.post(D, { ...duty, regionCodes: ['390200'] })).body.error.code).toBe('consultation.region_outside_department');
    const created = await gjjAdmin.post(D, duty);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'DUTY-T-lz_gjj-3', departmentName: '澜州市住房公积金管理中心', version: 1 });
    const route = await gjjAdmin.post('/api/v1/consultation/route', { text: '公积金缴存证明在哪里开', regionCode: '390102' });
    expect(route.body).toMatchObject({ duty: { code: 'DUTY-T-lz_gjj-3' }, toDispatcher: false, contact: { phone: '0590-12329-3' } });
    const edited = await gjjAdmin.put(`${D}/DUTY-T-lz_gjj-3`, { ...duty, code: undefined, contact: undefined, expectedVersion: 1 });
    expect(edited.body).toMatchObject({ version: 2, contact: null });
    expect((await p.anonymous().get(`${D}?departmentId=${await deptId('lz_gjj')}`)).body.items.map((d: any) => d.code)).toContain('DUTY-T-lz_gjj-3');
    expect((await gjjAdmin.post(`${D}/DUTY-T-lz_gjj-3/retire`)).body.status).toBe('retired');
    const after = await gjjAdmin.post('/api/v1/consultation/route', { text: '公积金缴存证明在哪里开', regionCode: '390102' });
    expect(after.body.duty?.code).not.toBe('DUTY-T-lz_gjj-3');
    expect((await p.anonymous().post('/api/v1/consultation/route', { text: '公积金', regionCode: '390102' })).status).toBe(401);
    const actions = (await p.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'duty').execute()).map((a) => a.action);
    expect(actions).toEqual(['consultation.duty.created', 'consultation.duty.updated', 'consultation.duty.retired']);
  });

  it('sends every question to the dispatcher when the threshold says so', async () => {
    const strict = await startTestPlatform({ demo: true, config: { consultationRouteThreshold: 1 } });
    try {
      await isolateFixtures(strict);
      await importDuties(strict.deps, systemActor('test'), dutiesFile());
      await engineOf(strict.deps, true);
      const r = await strict.anonymous().post('/api/v1/consultation/questions', { text: '身份证丢了，顺便问问明天天气', regionCode: '390102', channel: 'web' });
      expect(r.body.routing).toMatchObject({ toDispatcher: true, duty: { code: 'DUTY-T-lz_ga-1' }, departmentId: await strict.deps.db.selectFrom('departments').select('id').where('uscc', '=', dept('lz_zwsj').uscc).executeTakeFirstOrThrow().then((d) => d.id) });
      expect(r.body.routing.confidence).toBeLessThan(1);
      expect(r.body.routing.confidence).toBeGreaterThan(0.3);
      expect(r.body.outcome).toBe('dispatcher');
    } finally {
      await strict.close();
    }
  }, 120_000);
});
