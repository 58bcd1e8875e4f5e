import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { demoFiler, demoFormData } from '../../demo/cases.js';
import { demoPeople } from '../../demo/province-data.js';
import { queryPlan } from '../../testing/query-plan.js';
import { crossRegionPage } from './use-cases/read.js';
import { notificationsPage, unreadCountQuery } from '../../platform/notifications.js';

/*
 * What follows the steps of a case: drafts, the applicant's uploads, notifications, 跨省通办 transfers, 好差评 and the
 * rectification a bad rating opens — against the real database and HTTP.
 */

let p: TestPlatform;
let zhangsan: Client;
let lisi: Client;
let window: Client; // 明湖区民政局 window (handling department)
let reviewer: Client; // 明湖区民政局 reviewer
let remote: Client; // 青川市民政局 window (receives cases for 明湖区)
let admin: Client;
let item: any;
let pdf: { sha256: string; name: string };
let remoteDept: string;
let seq = 0;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082', 'hex');

const upload = (c: Client, bytes: Buffer, type: string, name = 'file.pdf') =>
  c.raw('/api/v1/applications/files', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, body: new Uint8Array(bytes) })
    .then(async (r) => ({ status: r.status, body: await r.json() }));

function answers(guide: any, file = pdf) {
  return guide.materials.flatMap((m: any) => {
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file }];
  });
}

async function file(c: Client, extra: Record<string, unknown> = {}): Promise<any> {
  seq += 1;
  const r = await c.raw('/api/v1/applications', {
    method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': `followups-${seq}-${Date.now()}` },
    body: JSON.stringify({ itemId: item.item.id, form: demoFormData('oldAge', demoFiler('oldAge')), materials: answers(item.guide), ...extra }),
  });
  const body = await r.json();
  expect(r.status, JSON.stringify(body)).toBe(201);
  return body;
}

const openTask = (d: any, step: string) => d.tasks.find((t: any) => t.step === step && t.status === 'open');

/** Accept, review and approve: the case is concluded. */
async function conclude(d: any): Promise<any> {
  let r = await window.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'accept').id}/accept`, { expectedVersion: d.case.rowVersion });
  for (const t of r.body.tasks.filter((x: any) => x.step === 'review' && x.status === 'open')) {
    r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${t.id}/review`, { outcome: 'agree', opinion: '符合条件', expectedVersion: r.body.case.rowVersion });
  }
  r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(r.body, 'decide').id}/decide`, { decision: 'approved', opinion: '准予', expectedVersion: r.body.case.rowVersion });
  expect(r.body.case.status).toBe('concluded');
  return r.body;
}

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  [zhangsan, lisi, window, reviewer, remote, admin] = await Promise.all(['zhangsan', 'lisi', 'mh_mz_ck1', 'mh_mz_sp1', 'qc_mz_ck1', 'admin'].map((u) => p.login(u)));
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('高龄津贴') + '&region=390102')).body.hits;
  item = (await p.anonymous().get(`/api/v1/catalog/items/${hits[0].item.id}`)).body;
  const up = await upload(zhangsan, PDF, 'application/pdf', '户口簿.pdf');
  pdf = { sha256: up.body.sha256, name: '户口簿.pdf' };
  remoteDept = (await p.deps.db.selectFrom('users').select('department_id').where('username', '=', 'qc_mz_ck1').executeTakeFirstOrThrow()).department_id!;
});
afterAll(async () => p?.close());

describe('uploads of materials', () => {
  it('accepts PDF, JPEG and PNG by content, and says plainly what is wrong otherwise', async () => {
    const png = await upload(zhangsan, PNG, 'image/png', '照片.png');
    expect(png).toMatchObject({ status: 201, body: { contentType: 'image/png', name: '照片.png', size: PNG.length } });
    expect((await upload(zhangsan, PNG, 'application/pdf', 'fake.pdf')).body.error.code).toBe('files.type_mismatch');
    const text = await upload(zhangsan, Buffer.from('just text, not a PDF'), 'application/octet-stream', 'x.pdf');
    expect(text.body.error.code).toBe('files.type_not_allowed');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(zhangsan, big, 'application/pdf', 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect((await upload(window, PDF, 'application/pdf')).status).toBe(403);
  });

  it('lets the uploader preview their file and nobody else attach or read it', async () => {
    const mine = await zhangsan.raw(`/api/v1/applications/files/${pdf.sha256}`, { headers: { authorization: `Bearer ${zhangsan.token}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await lisi.raw(`/api/v1/applications/files/${pdf.sha256}`, { headers: { authorization: `Bearer ${lisi.token}` } })).status).toBe(404);
    const r = await lisi.raw('/api/v1/applications', {
      method: 'POST', headers: { authorization: `Bearer ${lisi.token}`, 'content-type': 'application/json', 'idempotency-key': 'lisi-borrowed-file' },
      body: JSON.stringify({ itemId: item.item.id, form: demoFormData('oldAge', { person: demoPeople.find((x) => x.username === 'lisi')! }), materials: answers(item.guide) }),
    });
    const body = await r.json();
    expect(body.error.code).toBe('applications.materials_incomplete');
    expect(body.error.details.some((d: any) => /uploads/.test(d.reason))).toBe(true);
  });
});

describe('drafts', () => {
  it('saves, replaces, lists and discards a draft per applicant and item; submitting removes it', async () => {
    const id = item.item.id;
    expect((await zhangsan.get(`/api/v1/applications/drafts/${id}`)).body.error.code).toBe('applications.draft_not_found');
    const saved = await zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: { applicantPhone: '139' }, materials: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.receivingDepartmentId).toBeNull();
    // the receiving window chosen so far comes back with the draft (after logging out and in, as any draft)
    const chosenWindow = remoteDept;
    await zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: { applicantPhone: '139' }, materials: [], receivingDepartmentId: chosenWindow });
    expect((await zhangsan.get(`/api/v1/applications/drafts/${id}`)).body).toMatchObject({ form: { applicantPhone: '139' }, receivingDepartmentId: chosenWindow });
    expect((await zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: {}, materials: [], receivingDepartmentId: 'x'.repeat(65) })).body.error.code).toBe('request.invalid');
    // two autosaves at once leave one draft with one of the two contents
    await Promise.all([
      zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: { applicantPhone: '1390000' }, materials: [] }),
      zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: { applicantPhone: '1390001' }, materials: [] }),
    ]);
    const list = (await zhangsan.get('/api/v1/applications/drafts')).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ itemId: id, itemName: item.item.name });
    expect(['1390000', '1390001']).toContain((await zhangsan.get(`/api/v1/applications/drafts/${id}`)).body.form.applicantPhone);
    expect((await lisi.get(`/api/v1/applications/drafts/${id}`)).status).toBe(404);
    expect((await zhangsan.put('/api/v1/applications/drafts/no-such-item', { form: {}, materials: [] })).status).toBe(404);
    await file(zhangsan);
    expect((await zhangsan.get('/api/v1/applications/drafts')).body.items).toEqual([]);
    await zhangsan.put(`/api/v1/applications/drafts/${id}`, { form: {}, materials: [] });
    expect((await zhangsan.delete(`/api/v1/applications/drafts/${id}`)).status).toBe(200);
    expect((await zhangsan.delete(`/api/v1/applications/drafts/${id}`)).status).toBe(404);
  });
});

describe('notifications', () => {
  it('the unread count and the unread list read the index of unread notifications, the whole inbox its own', async () => {
    const uid = 'some-user';
    expect(await queryPlan(p.deps, unreadCountQuery(p.deps.db, uid).compile())).toContain('notifications_unread_idx');
    for (const after of [null, ['2026-11-27T00:00:00.000Z', 'zzzz']] as [string, string][]) {
      const unread = await queryPlan(p.deps, notificationsPage(p.deps.db, uid, true, 20, after).compile());
      expect(unread).toContain('notifications_unread_idx');
      expect(unread).not.toMatch(/TEMP B-TREE|Sort/); // in the page's order: no sorting of the inbox
      expect(await queryPlan(p.deps, notificationsPage(p.deps.db, uid, false, 20, after).compile())).toContain('notifications_user_idx');
    }
  });

  it('tells the applicant of each step that concerns them, in their inbox only', async () => {
    await zhangsan.post('/api/v1/notifications/read-all');
    const d = await file(zhangsan);
    await conclude(d);
    const inbox = (await zhangsan.get('/api/v1/notifications?unreadOnly=true')).body.items.filter((n: any) => n.params.caseNumber === d.case.caseNumber);
    expect(inbox.map((n: any) => n.kind)).toEqual(['case.approved', 'case.accepted', 'case.submitted']);
    expect(inbox[0]).toMatchObject({ link: `/hall/cases/${d.case.id}`, readAt: null, params: { itemName: d.case.itemName } });
    expect(inbox[0].title).toContain(d.case.caseNumber);
    const before = (await zhangsan.get('/api/v1/notifications/unread-count')).body.count;
    expect(before).toBeGreaterThanOrEqual(3);
    expect((await lisi.post(`/api/v1/notifications/${inbox[0].id}/read`)).status).toBe(404);
    expect((await zhangsan.post(`/api/v1/notifications/${inbox[0].id}/read`)).status).toBe(200);
    expect((await zhangsan.get('/api/v1/notifications/unread-count')).body.count).toBe(before - 1);
    await zhangsan.post('/api/v1/notifications/read-all');
    expect((await zhangsan.get('/api/v1/notifications/unread-count')).body.count).toBe(0);
  });
});

describe('跨省通办: a case received by another region’s window', () => {
  it('the receiving side of the queue is read from its index of received cases, first page and further', async () => {
    // Only cases with a receiving window are in cases_receiving_idx (a partial index): the queue's query must imply it.
    for (const after of [null, ['2026-11-27T00:00:00.000Z', 'zzzz']] as [string, string][]) {
      expect(await queryPlan(p.deps, crossRegionPage(p.deps, remoteDept, 'receiving_department_id', 20, after).compile())).toContain('cases_receiving_idx');
    }
  });

  it('tracks the originals and the result between both sides; delivery waits for the result', async () => {
    const d = await file(zhangsan, { receivingDepartmentId: remoteDept });
    expect(d.case.receivingDepartmentId).toBe(remoteDept);
    // both sides see it in their cross-region queue
    for (const c of [window, remote]) {
      expect((await c.get('/api/v1/applications/workbench?queue=cross_region')).body.items.map((x: any) => x.id)).toContain(d.case.id);
    }
    expect((await remote.get(`/api/v1/applications/cases/${d.case.id}`)).status).toBe(200);
    // the receiving window sends the originals by courier; the handling department confirms
    expect((await window.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'materials', method: 'online', expectedVersion: d.case.rowVersion })).body.error.code).toBe('applications.not_your_transfer');
    expect((await remote.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'materials', method: 'courier', expectedVersion: d.case.rowVersion })).body.error.code).toBe('applications.tracking_number_required');
    let r = await remote.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'materials', method: 'courier', trackingNumber: 'EMS1000001', note: '原件一套', expectedVersion: d.case.rowVersion });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.transfers[0]).toMatchObject({ kind: 'materials', status: 'in_transit', trackingNumber: 'EMS1000001', toDepartmentId: d.case.departmentId });
    expect((await remote.post(`/api/v1/applications/cases/${d.case.id}/transfers/${r.body.transfers[0].id}/receive`, { expectedVersion: r.body.case.rowVersion })).body.error.code).toBe('applications.not_your_transfer');
    r = await window.post(`/api/v1/applications/cases/${d.case.id}/transfers/${r.body.transfers[0].id}/receive`, { expectedVersion: r.body.case.rowVersion });
    expect(r.body.transfers[0]).toMatchObject({ status: 'received', receivedBy: expect.any(String) });
    // the result cannot go back before the decision
    expect((await window.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'result', method: 'online', expectedVersion: r.body.case.rowVersion })).body.error.code).toBe('applications.wrong_status');
    const concluded = await conclude(r.body);
    const deliver = openTask(concluded, 'deliver');
    expect(deliver.departmentId).toBe(remoteDept);
    expect((await remote.post(`/api/v1/applications/cases/${d.case.id}/tasks/${deliver.id}/deliver`, { method: 'window', expectedVersion: concluded.case.rowVersion })).body.error.code).toBe('applications.result_not_received');
    r = await window.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'result', method: 'courier', trackingNumber: 'EMS2000002', expectedVersion: concluded.case.rowVersion });
    const result = r.body.transfers.find((t: any) => t.kind === 'result');
    r = await remote.post(`/api/v1/applications/cases/${d.case.id}/transfers/${result.id}/receive`, { expectedVersion: r.body.case.rowVersion });
    expect((await remote.post(`/api/v1/applications/cases/${d.case.id}/transfers/${result.id}/receive`, { expectedVersion: r.body.case.rowVersion })).body.error.code).toBe('applications.transfer_already_received');
    r = await remote.post(`/api/v1/applications/cases/${d.case.id}/tasks/${deliver.id}/deliver`, { method: 'window', expectedVersion: r.body.case.rowVersion });
    expect(r.body.case.status).toBe('delivered');
    expect(r.body.timeline.map((e: any) => e.action)).toEqual(expect.arrayContaining(['materials_sent', 'materials_received', 'result_sent', 'result_received', 'delivered']));
    const kinds = (await zhangsan.get('/api/v1/notifications')).body.items.filter((n: any) => n.params.caseNumber === d.case.caseNumber).map((n: any) => n.kind);
    expect(kinds).toContain('case.result_sent');
  });

  it('has nothing to transfer on a case received by its own department', async () => {
    const d = await file(zhangsan);
    expect((await window.post(`/api/v1/applications/cases/${d.case.id}/transfers`, { kind: 'result', method: 'online', expectedVersion: d.case.rowVersion })).body.error.code).toBe('applications.not_cross_region');
  });
});

describe('好差评 and rectification', () => {
  const rating = (overall: number, comment?: string) => ({ overall, dimensions: { efficiency: overall, guideAccuracy: 4, convenience: overall, usability: 5 }, ...(comment ? { comment } : {}) });

  it('takes one rating per case after 办结, from its applicant only', async () => {
    const d = await file(zhangsan);
    expect(d.canRate).toBe(false);
    // "my cases" says the same as the case: rate once it has ended, not before, not twice
    const listed = async () => (await zhangsan.get('/api/v1/applications/mine?limit=100')).body.items.find((c: any) => c.id === d.case.id).canRate;
    expect(await listed()).toBe(false);
    expect((await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(5))).body.error.code).toBe('applications.not_ratable_yet');
    const concluded = await conclude(d);
    expect((await zhangsan.get(`/api/v1/applications/cases/${d.case.id}`)).body.canRate).toBe(true);
    expect(await listed()).toBe(true);
    expect((await lisi.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(1))).status).toBe(404);
    expect((await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, { ...rating(5), overall: 6 })).status).toBe(400);
    const r = await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(5, '办理很快'));
    expect(r.body).toMatchObject({ canRate: false, rating: { overall: 5, comment: '办理很快', voided: false }, rectification: null });
    expect(await listed()).toBe(false);
    expect((await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(1))).body.error.code).toBe('applications.already_rated');
    expect(concluded.case.status).toBe('concluded');
  });

  it('opens a rectification on a bad rating; the department follows up, appeals; the platform admin decides', async () => {
    const d = await conclude(await file(zhangsan));
    const rated = await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(1, '窗口态度差，来回跑了三次'));
    expect(rated.body.rectification).toBeNull(); // the applicant does not see the department's rectification
    const seen = (await reviewer.get(`/api/v1/applications/cases/${d.case.id}`)).body.rectification;
    expect(seen).toMatchObject({ status: 'open', overdue: false });
    const list = (await reviewer.get('/api/v1/applications/rectifications')).body.items;
    const rect = list.find((x: any) => x.caseId === d.case.id);
    expect(rect).toMatchObject({ status: 'open', rating: { overall: 1, comment: '窗口态度差，来回跑了三次' }, departmentId: d.case.departmentId, itemName: item.item.name, itemNameEn: item.basic.nameEn });
    // due in the configured number of working days (10) from its opening, on the platform's working-day calendar
    // (a calendar-day bound would depend on the weekday the test runs: from a Sunday, 10 working days are 12.99 days)
    expect(p.deps.config.rectificationDays).toBe(10);
    const expectedDue = p.deps.calendar.computeDeadline({ start: rect.createdAt, limit: { value: 10, unit: 'working_day' }, pauses: [], now: rect.createdAt }).dueAt;
    expect(rect.dueAt).toBe(expectedDue);
    expect(new Date(rect.dueAt).getTime() - new Date(rect.createdAt).getTime()).toBeGreaterThan(12 * 86400_000);
    expect((await remote.get('/api/v1/applications/rectifications')).body.items.map((x: any) => x.id)).not.toContain(rect.id);
    expect((await remote.post(`/api/v1/applications/rectifications/${rect.id}/follow-up`, { note: '不是我们的', close: true, expectedVersion: rect.rowVersion })).status).toBe(403);
    expect((await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/follow-up`, { note: '已约谈窗口人员', close: false, expectedVersion: rect.rowVersion })).status).toBe(200);
    const stale = await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/appeal`, { reason: '申请人已撤回投诉', expectedVersion: rect.rowVersion });
    expect(stale.body.error.code).toBe('applications.rectification_changed');
    expect((await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/appeal`, { reason: '申请人电话确认系误评', expectedVersion: rect.rowVersion + 1 })).status).toBe(200);
    expect((await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/appeal-decision`, { upheld: true, opinion: '同意', expectedVersion: rect.rowVersion + 2 })).status).toBe(403);
    const decided = await admin.post(`/api/v1/applications/rectifications/${rect.id}/appeal-decision`, { upheld: true, opinion: '经核实系误评，予以撤销', expectedVersion: rect.rowVersion + 2 });
    expect(decided.status).toBe(200);
    const after = (await admin.get('/api/v1/applications/rectifications?status=voided')).body.items.find((x: any) => x.id === rect.id);
    expect(after.appeal).toMatchObject({ decision: 'upheld', opinion: '经核实系误评，予以撤销' });
    expect(after.records.map((x: any) => x.action)).toEqual(['follow_up', 'appealed', 'appeal_upheld']);
    expect((await zhangsan.get(`/api/v1/applications/cases/${d.case.id}`)).body.rating.voided).toBe(true);
  });

  it('closes a rectification with its measure; a rejected appeal reopens it', async () => {
    const d = await conclude(await file(zhangsan));
    await zhangsan.post(`/api/v1/applications/cases/${d.case.id}/rating`, rating(2));
    const rect = (await reviewer.get('/api/v1/applications/rectifications')).body.items.find((x: any) => x.caseId === d.case.id);
    await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/appeal`, { reason: '认为评价不实', expectedVersion: rect.rowVersion });
    await admin.post(`/api/v1/applications/rectifications/${rect.id}/appeal-decision`, { upheld: false, opinion: '评价属实，继续整改', expectedVersion: rect.rowVersion + 1 });
    expect((await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/appeal`, { reason: '再次申诉', expectedVersion: rect.rowVersion + 2 })).body.error.code).toBe('applications.already_appealed');
    const closed = await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/follow-up`, { note: '已优化材料清单并回访申请人', close: true, expectedVersion: rect.rowVersion + 2 });
    expect(closed.status).toBe(200);
    const row = await p.deps.db.selectFrom('rectifications').selectAll().where('id', '=', rect.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    expect((await reviewer.post(`/api/v1/applications/rectifications/${rect.id}/follow-up`, { note: '再记一笔', close: false, expectedVersion: row.row_version })).body.error.code).toBe('applications.rectification_wrong_status');
  });

  it('logs an officer’s look at a material and keeps the audit chain whole', async () => {
    const d = await file(zhangsan);
    const withFile = d.materials.find((m: any) => m.file);
    const r = await window.raw(`/api/v1/applications/cases/${d.case.id}/files/${withFile.file.sha256}`, { headers: { authorization: `Bearer ${window.token}` } });
    expect(r.status).toBe(200);
    const log = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', `%${d.case.caseNumber}%材料查阅%`).execute();
    expect(log).toHaveLength(1);
    expect((await lisi.raw(`/api/v1/applications/cases/${d.case.id}/files/${withFile.file.sha256}`, { headers: { authorization: `Bearer ${lisi.token}` } })).status).toBe(404);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});
