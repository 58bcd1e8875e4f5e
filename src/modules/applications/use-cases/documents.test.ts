import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../../testing/harness.js';
import { verifyAuditChain } from '../../../platform/audit.js';
import type { Actor, StaffRole } from '../../../platform/actor.js';
import { forgeOneByte, pdfText, requireTools, run, tempDir, writeTemp } from '../../../platform/pdf/testing.js';
import { demoFiler, demoFormData } from '../../../demo/cases.js';
import { createDeps } from '../../../app.js';
import { refuseAcceptance } from './actions.js';
import { formatDocumentNumber, maskCaseNumber, sweepPendingDocuments } from './documents.js';
import { maskName } from '../../../platform/mask.js';

/*
 * Sealed documents of cases against the real database, real HTTP, the real renderer and signer, checked with poppler
 * (pdfsig, pdftotext): 补正材料通知书, 不予受理通知书 and 准予许可决定书, their numbers under concurrency, who may
 * download them, the public verification, and the sweep that finishes what a crash left pending.
 */

let p: TestPlatform;
let zhangsan: Client;
let window: Client; // 明湖区民政局 window
let reviewer: Client; // 明湖区民政局 reviewer
let otherWindow: Client; // 青川市民政局 window: another department
let item: any;
let pdf: { sha256: string; name: string };
let dir: string;
let seq = 0;

function answers(guide: any) {
  return guide.materials.flatMap((m: any) => {
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file: pdf }];
  });
}

async function file(): Promise<any> {
  seq += 1;
  const r = await zhangsan.raw('/api/v1/applications', {
    method: 'POST', headers: { authorization: `Bearer ${zhangsan.token}`, 'content-type': 'application/json', 'idempotency-key': `documents-${seq}-${Date.now()}` },
    body: JSON.stringify({ itemId: item.item.id, form: demoFormData('oldAge', demoFiler('oldAge')), materials: answers(item.guide) }),
  });
  const body = await r.json();
  expect(r.status, JSON.stringify(body)).toBe(201);
  return body;
}

const openTask = (d: any, step: string) => d.tasks.find((t: any) => t.step === step && t.status === 'open');
const docsOf = (caseId: string) => p.deps.db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).execute();

async function download(c: Client, caseId: string, docId: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const r = await c.raw(`/api/v1/applications/cases/${caseId}/documents/${docId}/pdf`, { headers: c.token ? { authorization: `Bearer ${c.token}` } : {} });
  return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') };
}

function pdfsig(bytes: Uint8Array, name: string): string {
  return run('pdfsig', [writeTemp(dir, name, bytes)]).output;
}

function expectSealed(bytes: Uint8Array, name: string): void {
  const out = pdfsig(bytes, name);
  expect(out).toContain('Signer Certificate Common Name: 澜州市明湖区民政局');
  expect(out).toContain('Total document signed');
  expect(out).toContain('Signature Validation: Signature is Valid.');
}

const nospace = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  requireTools('pdfsig', 'pdftotext');
  dir = tempDir('case-documents');
  p = await startTestPlatform({ demo: true });
  [zhangsan, window, reviewer, otherWindow] = await Promise.all(['zhangsan', 'mh_mz_ck1', 'mh_mz_sp1', 'qc_mz_ck1'].map((u) => p.login(u)));
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('高龄津贴') + '&region=390102')).body.hits;
  item = (await p.anonymous().get(`/api/v1/catalog/items/${hits[0].item.id}`)).body;
  const r = await p.anonymous().raw('/api/v1/applications/files', {
    method: 'POST', headers: { authorization: `Bearer ${zhangsan.token}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('身份证.pdf') },
    body: new Uint8Array(Buffer.from('%PDF-1.4\n% test\n%%EOF\n')),
  });
  pdf = { sha256: (await r.json()).sha256, name: '身份证.pdf' };
}, 120_000);
afterAll(async () => {
  await p?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('补正材料通知书', () => {
  let caseId: string;
  let doc: any;
  let bytes: Buffer;
  const defects = () => [
    { target: 'bankAccount', reason: '银行账号与开户人姓名不一致，请核对后重新填写' },
    { target: item.guide.materials[0].key, reason: '照片模糊不清，请上传清晰的原件扫描件' },
  ];

  it('is issued once with the correction request, even when the request is sent twice at once', async () => {
    const d = await file();
    caseId = d.case.id;
    const body = { defects: defects(), expectedVersion: d.case.rowVersion };
    const url = `/api/v1/applications/cases/${caseId}/tasks/${openTask(d, 'accept').id}/correction`;
    const [a, b] = await Promise.all([window.post(url, body), window.post(url, body)]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    const retried = await window.post(url, body);
    expect(retried.status).toBe(409);
    const rows = await docsOf(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'correction_notice', title: '补正材料通知书' });
    expect(rows[0].number).toMatch(/^明湖区民政局补字〔20\d\d〕第\d{4}号$/);
    // the timeline names the document
    const ok = a.status === 200 ? a : b;
    expect(ok.body.timeline.at(-1)).toMatchObject({ action: 'correction_requested', details: { documentId: rows[0].id, documentNumber: rows[0].number } });
  });

  it('is listed for the applicant and the officers, ready, with the hash of its PDF', async () => {
    const mine = await zhangsan.get(`/api/v1/applications/cases/${caseId}/documents`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    doc = mine.body.items[0];
    expect(doc).toMatchObject({ kind: 'correction_notice', status: 'ready', departmentName: '澜州市明湖区民政局', caseId });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.verificationUrl).toMatch(new RegExp(`/verify/documents/${doc.id}$`));
    expect((await window.get(`/api/v1/applications/cases/${caseId}/documents`)).body.items.map((x: any) => x.id)).toEqual([doc.id]);
  });

  it('is a PDF sealed by the department, valid and covering the whole file, naming the applicant, every defect and its number', async () => {
    const got = await download(zhangsan, caseId, doc.id);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    bytes = got.bytes;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    expectSealed(bytes, 'correction.pdf');
    const text = pdfText(writeTemp(dir, 'correction-text.pdf', bytes));
    const fieldTitle = item.guide.form.schema.properties.bankAccount.title;
    for (const piece of ['补正材料通知书', '张三：', doc.number, fieldTitle, item.guide.materials[0].name, ...defects().map((x) => x.reason), '澜州市明湖区民政局']) {
      expect(text, piece).toContain(nospace(piece));
    }
  });

  it('is reported invalid once one byte changes', () => {
    const { forged } = forgeOneByte(bytes);
    const out = pdfsig(forged, 'correction-forged.pdf');
    expect(out).not.toContain('Signature is Valid');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('cannot be listed or downloaded by another department’s officer; an officer’s download is logged', async () => {
    expect((await otherWindow.get(`/api/v1/applications/cases/${caseId}/documents`)).status).toBe(404);
    const other = await download(otherWindow, caseId, doc.id);
    expect(other.status).toBe(404);
    expect(other.bytes.toString('latin1')).not.toContain('%PDF');
    expect((await download(p.anonymous(), caseId, doc.id)).status).toBe(401);
    const before = await p.deps.db.selectFrom('data_access_log').select('id').where('purpose', 'like', `%文书 ${doc.number}%`).execute();
    expect(before).toHaveLength(0);
    expect((await download(window, caseId, doc.id)).status).toBe(200);
    const logged = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', `%文书 ${doc.number}%`).execute();
    expect(logged.map((l) => l.accessor_name)).toEqual(['mh_mz_ck1']);
    // the applicant reading their own document is not someone else's data
    await download(zhangsan, caseId, doc.id);
    expect(await p.deps.db.selectFrom('data_access_log').select('id').where('purpose', 'like', `%文书 ${doc.number}%`).execute()).toHaveLength(1);
    expect((await zhangsan.get(`/api/v1/applications/cases/${caseId}/documents/01900000-0000-7000-8000-000000000000/pdf`)).body.error.code).toBe('applications.document_not_found');
  });

  it('is verified publicly: the hash matches the file, personal data masked', async () => {
    const v = await p.anonymous().get(`/api/v1/applications/documents/${doc.id}/verification`);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ id: doc.id, number: doc.number, kind: 'correction_notice', title: '补正材料通知书', status: 'issued', department: { name: '澜州市明湖区民政局' } });
    expect(v.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(v.body.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.body.addressee).toBe('张*');
    expect(v.body.caseNumber).toContain('*');
    const raw = JSON.stringify(v.body);
    expect(raw).not.toContain('张三');
    const full = (await p.deps.db.selectFrom('cases').select(['case_number', 'applicant_id_number']).where('id', '=', caseId).executeTakeFirstOrThrow());
    expect(raw).not.toContain(full.case_number);
    expect(raw).not.toContain(full.applicant_id_number);
    expect((await p.anonymous().get('/api/v1/applications/documents/01900000-0000-7000-8000-000000000000/verification')).body.error.code).toBe('applications.document_not_found');
    // the root certificate a reader trusts to see every seal as trusted
    const root = await p.anonymous().raw('/api/v1/applications/documents/root-certificate');
    expect(await root.text()).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe('不予受理通知书 and document numbers', () => {
  it('numbers the documents of a department without gaps or repeats when officers refuse at once', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => file()));
    const replies = await Promise.all(cases.map((d, i) =>
      window.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'accept').id}/refuse`, { reason: `经核查，申请人户籍不在本区（第${i + 1}件），请向户籍所在地民政部门申请。`, expectedVersion: d.case.rowVersion })));
    expect(replies.map((r) => r.status)).toEqual(cases.map(() => 200));
    // sealed in the background after each request, with nobody reading them
    const ids = replies.map((r) => r.body.timeline.at(-1).details.documentId as string);
    for (let i = 0; i < 200; i++) {
      const ready = await p.deps.db.selectFrom('case_documents').select('id').where('id', 'in', ids).where('status', '=', 'ready').execute();
      if (ready.length === ids.length) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect((await p.deps.db.selectFrom('case_documents').select('status').where('id', 'in', ids).execute()).map((r) => r.status)).toEqual(ids.map(() => 'ready'));
    const dept = (await p.deps.db.selectFrom('departments').select('id').where('name', '=', '澜州市明湖区民政局').executeTakeFirstOrThrow()).id;
    const all = await p.deps.db.selectFrom('case_documents').select(['sequence', 'number', 'year']).where('department_id', '=', dept).where('kind', '=', 'not_accepted_notice').execute();
    const sequences = all.map((r) => r.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1)); // 1…n: no gap, no repeat (the demo's refusals included)
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
    const counter = await p.deps.db.selectFrom('case_document_counters').select('last').where('department_id', '=', dept).where('kind', '=', 'not_accepted_notice').where('year', '=', all[0].year).executeTakeFirstOrThrow();
    expect(counter.last).toBe(all.length);

    const d = cases[2];
    const listed = (await zhangsan.get(`/api/v1/applications/cases/${d.case.id}/documents`)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'not_accepted_notice', title: '不予受理通知书', status: 'ready' });
    const got = await download(zhangsan, d.case.id, listed[0].id);
    expectSealed(got.bytes, 'refusal.pdf');
    const text = pdfText(writeTemp(dir, 'refusal-text.pdf', got.bytes));
    for (const piece of ['不予受理通知书', '张三：', listed[0].number, '经核查，申请人户籍不在本区（第3件），请向户籍所在地民政部门申请。', d.case.caseNumber]) expect(text, piece).toContain(nospace(piece));
  });

  it('formats numbers and masks what the public page shows', () => {
    expect(formatDocumentNumber('明湖区民政局', 'correction_notice', 2026, 7)).toBe('明湖区民政局补字〔2026〕第0007号');
    expect(formatDocumentNumber('澜州市民政局', 'approval_decision', 2026, 12345)).toBe('澜州市民政局许字〔2026〕第12345号');
    expect(formatDocumentNumber('明湖区民政局', 'not_accepted_notice', 2027, 1)).toBe('明湖区民政局不受字〔2027〕第0001号');
    expect(maskName('张三', 'person')).toBe('张*');
    expect(maskName('欧阳娜娜', 'person')).toBe('欧***');
    expect(maskName('澜州市明湖区鲜味餐饮有限公司', 'enterprise')).toBe('澜州市明湖区鲜味餐饮有限公司');
    expect(maskCaseNumber('11390102MB0000001X100013102400020261128000')).toBe('113901********************************8000');
  });
});

describe('准予许可决定书 and 不予许可决定书', () => {
  const decideOn = async (decision: 'approved' | 'refused', opinion = '申请人年满八十周岁，符合高龄津贴发放条件') => {
    const d = await file();
    let r = await window.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'accept').id}/accept`, { expectedVersion: d.case.rowVersion });
    for (const t of r.body.tasks.filter((x: any) => x.step === 'review' && x.status === 'open')) {
      r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${t.id}/review`, { outcome: 'agree', opinion: '符合条件', expectedVersion: r.body.case.rowVersion });
    }
    r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(r.body, 'decide').id}/decide`, { decision, opinion, expectedVersion: r.body.case.rowVersion });
    expect(r.body.case.status).toBe('concluded');
    return { ...d.case, timeline: r.body.timeline };
  };

  it('a refusal issues the 不予许可决定书 with its reason, sealed, and names it on the timeline', async () => {
    const reason = '经核查户籍信息，老人未满八十周岁，不符合高龄津贴发放条件';
    const refused = await decideOn('refused', reason);
    const rows = await docsOf(refused.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'refusal_decision' });
    expect(rows[0].number).toMatch(/^明湖区民政局不许字〔20\d\d〕第\d{4}号$/);
    expect(refused.timeline.at(-1)).toMatchObject({ action: 'refused', details: { documentId: rows[0].id, documentNumber: rows[0].number, document: rows[0].title } });
    const listed = (await zhangsan.get(`/api/v1/applications/cases/${refused.id}/documents`)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'refusal_decision', status: 'ready', title: rows[0].title });
    const got = await download(zhangsan, refused.id, listed[0].id);
    expectSealed(got.bytes, 'refusal.pdf');
    const text = pdfText(writeTemp(dir, 'refusal-text.pdf', got.bytes));
    for (const piece of [listed[0].title, '张三：', listed[0].number, reason, refused.itemName, '不予办理你的申请，理由如下', '申请行政复议']) expect(text, piece).toContain(nospace(piece));
    // the public verification page knows it
    const v = await p.anonymous().get(`/api/v1/applications/documents/${listed[0].id}/verification`);
    expect(v.body).toMatchObject({ kind: 'refusal_decision', number: rows[0].number, status: 'issued' });
  });

  it('an approval issues the 准予许可决定书', async () => {
    const approved = await decideOn('approved');
    const listed = (await zhangsan.get(`/api/v1/applications/cases/${approved.id}/documents`)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'approval_decision', status: 'ready' });
    expect(listed[0].number).toMatch(/^明湖区民政局许字〔20\d\d〕第\d{4}号$/);
    const got = await download(zhangsan, approved.id, listed[0].id);
    expectSealed(got.bytes, 'approval.pdf');
    const text = pdfText(writeTemp(dir, 'approval-text.pdf', got.bytes));
    for (const piece of [listed[0].title, '张三：', listed[0].number, '申请人年满八十周岁，符合高龄津贴发放条件', approved.itemName, '本机关决定准予你']) expect(text, piece).toContain(nospace(piece));
  });
});

describe('a document a crash left pending', () => {
  async function officer(username: string): Promise<Actor> {
    const u = await p.deps.db.selectFrom('users').select(['id', 'display_name', 'department_id']).where('username', '=', username).executeTakeFirstOrThrow();
    const roles = await p.deps.db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute();
    return {
      kind: 'staff', userId: u.id, username, displayName: u.display_name, idNumber: null, roles: roles.map((r) => r.role as StaffRole),
      departmentId: u.department_id, regionCode: null, grantedRegionCodes: [], sessionId: null, onBehalfOf: null, requestId: null,
    };
  }

  /** Another process on the same database commits the action, then "dies" before sealing the document. */
  async function refuseAndCrash(): Promise<{ caseId: string; docId: string }> {
    const d = await file();
    const other = await createDeps(p.config);
    try {
      await refuseAcceptance(other, await officer('mh_mz_ck1'), d.case.id, openTask(d, 'accept').id, { reason: '申请人不符合本区受理条件，请向户籍所在地申请。', expectedVersion: d.case.rowVersion });
    } finally {
      await other.close();
    }
    const rows = await docsOf(d.case.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', sha256: null });
    return { caseId: d.case.id, docId: rows[0].id };
  }

  it('is finished by the sweep at start, and by a read; a lease another process holds is respected until it ends', async () => {
    const first = await refuseAndCrash();
    const second = await refuseAndCrash();
    // the demo seed's documents were issued by this process outside a request: left to the first read, not swept
    const seeded = await p.deps.db.selectFrom('case_documents').select(['id', 'case_id']).where('status', '=', 'pending').where('id', 'not in', [first.docId, second.docId]).execute();
    expect(seeded.length).toBeGreaterThan(0);
    // while "another process" holds the second's lease, the sweep leaves it alone
    await p.deps.db.updateTable('case_documents').set({ lease_until: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', second.docId).execute();
    const swept = await sweepPendingDocuments(p.deps);
    expect(swept).toEqual({ finished: 1, pending: 1 });
    expect((await docsOf(first.caseId))[0]).toMatchObject({ status: 'ready' });
    expect((await docsOf(second.caseId))[0]).toMatchObject({ status: 'pending' });
    const pendingView = await p.anonymous().get(`/api/v1/applications/documents/${second.docId}/verification`);
    expect(pendingView.body).toMatchObject({ status: 'pending', sha256: null });
    expect((await download(zhangsan, second.caseId, second.docId)).status).toBe(409);
    // the lease ends (the other process died): the next read finishes it
    await p.deps.db.updateTable('case_documents').set({ lease_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', second.docId).execute();
    const listed = (await zhangsan.get(`/api/v1/applications/cases/${second.caseId}/documents`)).body.items;
    expect(listed[0]).toMatchObject({ status: 'ready' });
    for (const { caseId, docId } of [first, second]) {
      const got = await download(zhangsan, caseId, docId);
      expect(got.status).toBe(200);
      expectSealed(got.bytes, `swept-${docId}.pdf`);
      const v = await p.anonymous().get(`/api/v1/applications/documents/${docId}/verification`);
      expect(v.body.sha256).toBe(createHash('sha256').update(got.bytes).digest('hex'));
    }
    // a seeded document: the first read seals it
    const demo = await p.anonymous().get(`/api/v1/applications/documents/${seeded[0].id}/verification`);
    expect(demo.body).toMatchObject({ status: 'issued' });
    expect(demo.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the audit chain whole and announces each document', async () => {
    const events = await p.deps.db.selectFrom('outbox_events').select(['type']).where('aggregate_type', '=', 'case_document').execute();
    expect(events.some((e) => e.type === 'case_document.issued')).toBe(true);
    expect(events.some((e) => e.type === 'case_document.sealed')).toBe(true);
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });
});
