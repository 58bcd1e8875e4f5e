import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { demoFiler, demoFormData } from '../../demo/cases.js';
import type { Actor } from '../../platform/actor.js';
import { countQueues } from './use-cases/read.js';
const oldAgeForm = (over: Record<string, unknown> = {}) => demoFormData('oldAge', demoFiler('oldAge'), { payTo: 'bank', bankName: '中国工商银行澜州湖滨支行', ...over });

let p: TestPlatform;
let zhangsan: Client;
let lisi: Client;
let window: Client; // 明湖区民政局 window officer
let reviewer: Client; // 明湖区民政局 reviewer
let otherWindow: Client; // 青川市民政局 window officer
let itemId: string;
let item: any;
let pdf: { sha256: string; name: string };

const submit = (c: Client, body: unknown, key: string | null) =>
  c.raw('/api/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) })
    .then(async (r) => ({ status: r.status, body: await r.json() }));

function answers(guide: any) {
  return guide.materials.flatMap((m: any) => {
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file: pdf }];
  });
}

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  [zhangsan, lisi, window, reviewer, otherWindow] = await Promise.all(['zhangsan', 'lisi', 'mh_mz_ck1', 'mh_mz_sp1', 'qc_mz_ck1'].map((u) => p.login(u)));
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('高龄津贴') + '&region=390102')).body.hits;
  itemId = hits[0].item.id;
  item = (await p.anonymous().get(`/api/v1/catalog/items/${itemId}`)).body;
  expect(item.item.department.name).toContain('明湖区民政局');
  // the applicant uploads a material: stored content-addressed, remembered as theirs
  const bytes = new Uint8Array(Buffer.from('%PDF-1.4\n% test\n%%EOF\n'));
  const r = await p.anonymous().raw('/api/v1/applications/files', { method: 'POST', headers: { authorization: `Bearer ${zhangsan.token}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('身份证.pdf') }, body: bytes });
  expect(r.status).toBe(201);
  pdf = { sha256: (await r.json()).sha256, name: '身份证.pdf' };
});
afterAll(async () => p?.close());

describe('an application from submission to delivery', () => {
  let caseId: string;
  let version: number;
  const body = () => ({ itemId, form: oldAgeForm({ applicantPhone: '13900001111', bankAccount: '6222000011112222' }), materials: answers(item.guide) });
  const task = async (step: string) => {
    const d = (await window.get(`/api/v1/applications/cases/${caseId}`)).body;
    version = d.case.rowVersion;
    return d.tasks.find((t: any) => t.step === step && t.status === 'open');
  };

  it('files once per idempotency key, with a case number of implementation code + date + sequence', async () => {
    const missing = await submit(zhangsan, body(), null);
    expect(missing.status).toBe(400);
    const first = await submit(zhangsan, body(), 'apply-old-age-0001');
    expect(first.status).toBe(201);
    caseId = first.body.case.id;
    expect(first.body.case.caseNumber).toMatch(new RegExp(`^${item.item.implementationCode}\\d{8}0001$`));
    expect(first.body.case).toMatchObject({ status: 'submitted', itemVersion: item.version.version, applicantName: '张三', itemName: item.item.name });
    // the catalogue's English name beside the frozen Chinese one, for pages in English (reply, my cases, queues)
    expect(item.basic.nameEn).toBeTruthy();
    expect(first.body.case.itemNameEn).toBe(item.basic.nameEn);
    expect((await zhangsan.get('/api/v1/applications/mine')).body.items.find((c: any) => c.id === first.body.case.id).itemNameEn).toBe(item.basic.nameEn);
    expect((await window.get('/api/v1/applications/workbench?queue=to_accept&limit=100')).body.items.find((c: any) => c.id === first.body.case.id).itemNameEn).toBe(item.basic.nameEn);
    // the reply shows the case as written, the same as reading it back
    expect(first.body).toEqual((await zhangsan.get(`/api/v1/applications/cases/${caseId}`)).body);
    const again = await submit(zhangsan, body(), 'apply-old-age-0001');
    expect(again).toMatchObject({ status: 200, body: { case: { id: caseId } } });
    const different = await submit(zhangsan, { ...body(), form: oldAgeForm({ applicantPhone: '13900002222' }) }, 'apply-old-age-0001');
    expect(different.body.error.code).toBe('applications.idempotency_key_reused');
    expect((await p.deps.db.selectFrom('cases').select('id').where('idempotency_key', '=', 'apply-old-age-0001').execute()).length).toBe(1);
  });

  it('refuses incomplete materials naming each, and an enterprise item filed by a person', async () => {
    const none = await submit(zhangsan, { ...body(), materials: [] }, 'apply-old-age-bad1');
    expect(none.body.error.code).toBe('applications.materials_incomplete');
    const required = item.guide.materials.filter((m: any) => m.necessity === 'required').length;
    expect(none.body.error.details).toHaveLength(required);
    const forged = await submit(zhangsan, { ...body(), materials: [{ key: 'no_such', by: 'deferred' }] }, 'apply-old-age-bad2');
    expect(forged.body.error.details[0]).toMatchObject({ field: 'materials.0.key' });
  });

  it('lets only the handling department’s window accept, and nothing happen out of order', async () => {
    const accept = await task('accept');
    const q = await window.get('/api/v1/applications/workbench?queue=to_accept');
    expect(q.body.items.map((c: any) => c.id)).toContain(caseId);
    expect((await otherWindow.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/accept`, { expectedVersion: version })).status).toBe(403);
    expect((await reviewer.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/accept`, { expectedVersion: version })).status).toBe(403);
    const early = await window.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/deliver`, { method: 'online', expectedVersion: version });
    expect(early.body.error.code).toBe('applications.wrong_step');
    expect((await lisi.get(`/api/v1/applications/cases/${caseId}`)).status).toBe(404);
    expect((await otherWindow.get(`/api/v1/applications/cases/${caseId}`)).status).toBe(404);
  });

  it('counts each queue as its pages list it, up to a cap', async () => {
    const listAll = async (c: Client, queue: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = (await c.get(`/api/v1/applications/workbench?queue=${queue}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
        ids.push(...page.items.map((x: any) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids.length;
    };
    let nonEmpty = 0;
    for (const c of [window, reviewer, otherWindow]) {
      const r = await c.get('/api/v1/applications/workbench/counts');
      expect(r.status).toBe(200);
      expect(r.body.counts.map((x: any) => x.queue)).toEqual(['to_accept', 'to_review', 'to_decide', 'to_deliver', 'due_soon', 'overdue', 'cross_region', 'all']);
      for (const { queue, n, more } of r.body.counts) {
        expect({ queue, n }).toEqual({ queue, n: await listAll(c, queue) });
        expect(more).toBe(false);
        if (n > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(3);
    // beyond the cap: the cap and "more"
    const me = await p.deps.db.selectFrom('users').select(['id', 'department_id']).where('username', '=', 'mh_mz_ck1').executeTakeFirstOrThrow();
    const actor = { kind: 'staff', userId: me.id, departmentId: me.department_id, roles: ['window_officer'] } as unknown as Actor;
    const capped = await countQueues(p.deps, actor, 1);
    expect(capped.counts.find((x) => x.queue === 'all')).toEqual({ queue: 'all', n: 1, more: true });
    expect((await zhangsan.get('/api/v1/applications/workbench/counts')).status).toBe(403);
  });

  it('asks for a correction listing every defect; the applicant corrects; the case waits for acceptance again', async () => {
    const accept = await task('accept');
    const r = await window.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/correction`, { defects: [{ target: 'bankAccount', reason: '银行账号与户名不一致' }, { target: 'id_card', reason: '照片不清晰' }], expectedVersion: version });
    expect(r.status).toBe(200);
    expect(r.body.case.status).toBe('correction');
    const mine = (await zhangsan.get(`/api/v1/applications/cases/${caseId}`)).body;
    expect(mine.corrections[0].defects).toHaveLength(2);
    const fixed = await zhangsan.post(`/api/v1/applications/cases/${caseId}/correction`, { ...body(), itemId: undefined, form: oldAgeForm({ applicantPhone: '13900001111', bankAccount: '6222000011113333' }), expectedVersion: mine.case.rowVersion });
    expect(fixed.status).toBe(200);
    expect(fixed.body.case.status).toBe('submitted');
    expect(fixed.body.form.bankAccount).toBe('6222000011113333');
    expect(fixed.body.corrections[0].answeredAt).not.toBeNull();
  });

  it('two officers accepting at once: one wins, the other gets a conflict', async () => {
    const accept = await task('accept');
    const window2 = await p.login('mh_mz_ck1');
    const [a, b] = await Promise.all([
      window.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/accept`, { opinion: '材料齐全', expectedVersion: version }),
      window2.post(`/api/v1/applications/cases/${caseId}/tasks/${accept.id}/accept`, { opinion: '材料齐全', expectedVersion: version }),
    ]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['applications.task_already_done', 'applications.case_changed']).toContain(loser.body.error.code);
    const d = (await window.get(`/api/v1/applications/cases/${caseId}`)).body;
    expect(d.case.status).toBe('reviewing');
    expect(d.deadline).toMatchObject({ paused: false, overdue: false });
    expect(d.timeline.filter((e: any) => e.action === 'accepted')).toHaveLength(1);
  });

  it('stops the clock for a special procedure, then reviews, decides and delivers', async () => {
    const review = await task('review');
    const before = (await window.get(`/api/v1/applications/cases/${caseId}`)).body.deadline.dueAt;
    const started = await reviewer.post(`/api/v1/applications/cases/${caseId}/special-procedure`, { reason: '需入户核实', expectedVersion: version });
    expect(started.body.deadline.paused).toBe(true);
    const blocked = await reviewer.post(`/api/v1/applications/cases/${caseId}/tasks/${review.id}/review`, { outcome: 'agree', opinion: '同意', expectedVersion: started.body.case.rowVersion });
    expect(blocked.body.error.code).toBe('applications.clock_paused');
    const ended = await reviewer.post(`/api/v1/applications/cases/${caseId}/special-procedure/end`, { opinion: '核实无误', expectedVersion: started.body.case.rowVersion });
    expect(ended.body.deadline.paused).toBe(false);
    expect(ended.body.deadline.dueAt >= before).toBe(true);
    const reviewed = await reviewer.post(`/api/v1/applications/cases/${caseId}/tasks/${review.id}/review`, { outcome: 'agree', opinion: '符合条件', expectedVersion: ended.body.case.rowVersion });
    expect(reviewed.body.case.status).toBe('deciding');
    const decide = reviewed.body.tasks.find((t: any) => t.step === 'decide' && t.status === 'open');
    const decided = await reviewer.post(`/api/v1/applications/cases/${caseId}/tasks/${decide.id}/decide`, { decision: 'approved', opinion: '准予发放高龄津贴', expectedVersion: reviewed.body.case.rowVersion });
    expect(decided.body.case).toMatchObject({ status: 'concluded', decision: 'approved' });
    const deliver = decided.body.tasks.find((t: any) => t.step === 'deliver' && t.status === 'open');
    const noTracking = await window.post(`/api/v1/applications/cases/${caseId}/tasks/${deliver.id}/deliver`, { method: 'courier', expectedVersion: decided.body.case.rowVersion });
    expect(noTracking.body.error.code).toBe('applications.tracking_number_required');
    const delivered = await window.post(`/api/v1/applications/cases/${caseId}/tasks/${deliver.id}/deliver`, { method: 'courier', trackingNumber: 'SF1234567890', expectedVersion: decided.body.case.rowVersion });
    expect(delivered.body.case.status).toBe('delivered');
    expect(delivered.body.timeline.map((e: any) => e.action)).toEqual(['submitted', 'correction_requested', 'corrected', 'accepted', 'special_procedure_started', 'special_procedure_ended', 'reviewed', 'approved', 'delivered']);
  });

  it('shows the applicant their case, logs officers’ reads of it, and keeps the audit chain whole', async () => {
    const mine = await zhangsan.get('/api/v1/applications/mine');
    expect(mine.body.items.map((c: any) => c.id)).toContain(caseId);
    expect((await lisi.get('/api/v1/applications/mine')).body.items.map((c: any) => c.id)).not.toContain(caseId);
    const reads = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', '办件 %').execute();
    expect(reads.some((r) => r.accessor_name === 'mh_mz_ck1' && r.subject_key === demoIdOf('zhangsan'))).toBe(true);
    const events = await p.deps.db.selectFrom('outbox_events').select('type').where('aggregate_id', '=', caseId).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['case.submitted', 'case.accepted', 'case.approved', 'case.delivered']));
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});

function demoIdOf(username: string): string {
  return (p as any)._ids?.[username] ?? idNumbers.get(username)!;
}
const idNumbers = new Map<string, string>();
beforeAll(async () => {
  for (const u of ['zhangsan']) {
    const row = await p.deps.db.selectFrom('users').select('id_number').where('username', '=', u).executeTakeFirstOrThrow();
    idNumbers.set(u, row.id_number!);
  }
});

describe('the application form', () => {
  it('prefills from the registry with provenance, locks verified fields and rejects a forged one, in Chinese or English', async () => {
    const admin = await p.login('admin');
    const competent = (await p.deps.db.selectFrom('departments').select('id').where('name', '=', '云澜省民政厅').executeTakeFirstOrThrow()).id;
    const mh = (await p.deps.db.selectFrom('departments').select('id').where('name', '=', '澜州市明湖区民政局').executeTakeFirstOrThrow()).id;
    expect((await admin.post('/api/v1/catalog/basic-items', { code: '930110011000', name: '表单测试补贴', itemType: '05', competentDepartmentId: competent })).status).toBe(201);
    const guide = { ...item.guide, aliases: [], form: {
      schema: { type: 'object', required: ['name', 'idNumber', 'phone'], properties: {
        name: { type: 'string', title: '姓名', 'x-title-en': 'Name' },
        idNumber: { type: 'string', title: '身份证号', 'x-title-en': 'ID number', format: 'tongban-id-number' },
        phone: { type: 'string', title: '联系电话', 'x-title-en': 'Phone', format: 'tongban-phone' },
      } },
      layout: { sections: [{ key: 'applicant', title: { zh: '申请人', en: 'Applicant' }, fields: ['name', 'idNumber', 'phone'] }] },
      prefill: { name: { source: 'person', attribute: 'name', lock: true }, idNumber: { source: 'person', attribute: 'idNumber', lock: true }, phone: { source: 'person', attribute: 'phone', lock: false } },
    } };
    const created = await admin.post('/api/v1/catalog/items', { basicCode: '930110011000', departmentId: mh, guide });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const formItem = created.body.item.id;
    await admin.post(`/api/v1/catalog/items/${formItem}/versions/1/submit`);
    await admin.post(`/api/v1/catalog/items/${formItem}/versions/1/approve`, {});

    const pre = await zhangsan.get(`/api/v1/applications/prefill?itemId=${formItem}`);
    expect(pre.body.prefill.name).toMatchObject({ value: '张三', locked: true });
    expect(pre.body.prefill.name.sourceDepartment).toMatch(/公安/);
    expect(pre.body.prefill.phone.locked).toBe(false);
    const logged = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', '%表单测试补贴%').execute();
    expect(logged.length).toBeGreaterThan(0);

    const base = { itemId: formItem, materials: answers(item.guide) };
    const forged = await submit(zhangsan, { ...base, form: { name: '李四', idNumber: idNumbers.get('zhangsan'), phone: '13900001111' } }, 'form-test-forged-1');
    expect(forged.body.error).toMatchObject({ code: 'applications.form_invalid', details: [expect.objectContaining({ field: 'form.name', code: 'form.locked_field_changed' })] });
    const missing = await submit(zhangsan, { ...base, form: { name: '张三', idNumber: idNumbers.get('zhangsan') } }, 'form-test-missing-1');
    expect(missing.body.error.details[0]).toMatchObject({ field: 'form.phone' });
    expect(missing.body.error.message).toMatch(/联系电话/);
    const english = await zhangsan.raw('/api/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${zhangsan.token}`, 'content-type': 'application/json', 'idempotency-key': 'form-test-missing-en', 'accept-language': 'en' }, body: JSON.stringify({ ...base, form: { name: '张三', idNumber: idNumbers.get('zhangsan') } }) });
    expect((await english.json()).error.message).toMatch(/Phone/);
    const ok = await submit(zhangsan, { ...base, form: { name: '张三', idNumber: idNumbers.get('zhangsan'), phone: '13900001111' } }, 'form-test-ok-0001');
    expect(ok.status).toBe(201);
    expect(ok.body.form).toEqual({ name: '张三', idNumber: idNumbers.get('zhangsan'), phone: '13900001111' });
  });
});
