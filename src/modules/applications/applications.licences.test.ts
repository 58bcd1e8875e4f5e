import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { systemActor } from '../../platform/actor.js';
import { demoFiler, demoFormData } from '../../demo/cases.js';
import { changeLicenceStatus, importLicences, issueLicenceForCase, LICENCES_FORMAT } from '../licenses/index.js';
import { actingFor, dept, foodFields, LIJI, T, XIANWEI, zhangsan as zhangsanPerson } from '../licenses/testing/helpers.js';
import { renderTemplate } from './use-cases/licences.js';

/*
 * Electronic licences in applications, against the real database and HTTP: a material answered by a licence the
 * applicant's enterprise holds (免提交) is checked at filing and its use recorded; each failed check is named and
 * leaves no case; an approval of a 食品经营许可 case issues the 食品经营许可证 once, to the enterprise's wallet.
 */

let p: TestPlatform;
let wangwu: Client; // agent of 鲜味餐饮 (files for it)
let lisi: Client; // legal representative of 鲜味餐饮 (its wallet)
let window: Client; // 明湖区市场监督管理局 window
let reviewer: Client; // 明湖区市场监督管理局 reviewer
let item: any;
let pdf: { sha256: string; name: string };
let seq = 0;
const held: Record<string, string> = {}; // licence ids by role

const submit = (body: unknown, key: string) =>
  wangwu.raw('/api/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${wangwu.token}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) })
    .then(async (r) => ({ status: r.status, body: await r.json() }));

/** Every material answered the ordinary way, the business licence by the given licence. */
function answers(licenceId: string | null, materialKey = 'business_licence') {
  return item.guide.materials.flatMap((m: any) => {
    if (m.key === materialKey && licenceId) return [{ key: m.key, by: 'license', licenceId }];
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file: pdf }];
  });
}

const formFor = (over: Record<string, unknown> = {}) =>
  demoFormData('foodNew', demoFiler('foodNew'), { venueScale: 'small', seats: 32, premisesArea: 96, approach: 'commitment', staffCount: 6, ...over });

const uses = (licenceId: string) => p.deps.db.selectFrom('license_uses').selectAll().where('licence_id', '=', licenceId).execute();
const casesWithKey = (key: string) => p.deps.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute();
const openTask = (d: any, step: string) => d.tasks.find((t: any) => t.step === step && t.status === 'open');

async function licenceOf(holderName: string, typeCode: string): Promise<string> {
  return (await p.deps.db.selectFrom('licenses').select('licence_id').where('holder_name', '=', holderName).where('type_code', '=', typeCode).where('status', '=', 'valid').executeTakeFirstOrThrow()).licence_id;
}

/** A further 营业执照 of 鲜味餐饮 (a second copy the tests may revoke, expire or tamper with). */
async function extraBusinessLicence(number: string): Promise<string> {
  const doc = {
    format: LICENCES_FORMAT, issuer: dept('mh_scjg').uscc,
    licences: [{ typeCode: T.business, number, holder: { kind: 'enterprise', uscc: XIANWEI.uscc, name: XIANWEI.name }, issuedOn: '2020-05-06', fields: {
      enterpriseType: '有限责任公司', legalRepresentative: '李四', establishedOn: '2020-05-06', businessTerm: '2020-05-06至长期', address: XIANWEI.registeredAddress, businessScope: '餐饮服务',
    } }],
  };
  try {
    return (await importLicences(p.deps, systemActor('test'), JSON.stringify(doc))).licenceIds[0];
  } catch (e) {
    throw new Error(`import: ${JSON.stringify((e as { details?: unknown }).details)}`);
  }
}

async function file(body: unknown): Promise<any> {
  const key = `lic-${++seq}-${Date.now()}`;
  const r = await submit(body, key);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** File, accept and review (告知承诺: one review branch) a 食品经营许可 case; answers the case detail at the decide step. */
async function toDecision(form = formFor()): Promise<any> {
  const d = await file({ itemId: item.item.id, form, materials: answers(held.own) });
  let r = await window.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'accept').id}/accept`, { expectedVersion: d.case.rowVersion });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  for (const t of r.body.tasks.filter((x: any) => x.step === 'review' && x.status === 'open')) {
    r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${t.id}/review`, { outcome: 'agree', opinion: '告知承诺材料齐全', expectedVersion: r.body.case.rowVersion });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  expect(r.body.case.status).toBe('deciding');
  return r.body;
}

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  [wangwu, lisi, window, reviewer] = await Promise.all(['wangwu', 'lisi', 'mh_scjg_ck1', 'mh_scjg_sp1'].map((u) => p.login(u)));
  await actingFor(wangwu, XIANWEI.uscc);
  await actingFor(lisi, XIANWEI.uscc);
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('食品经营许可 新办') + '&region=390102')).body.hits;
  const hit = hits.find((h: any) => h.item.name.includes('食品经营许可') && h.item.name.includes('新办') && h.item.regionCode === '390102');
  item = (await p.anonymous().get(`/api/v1/catalog/items/${hit.item.id}`)).body;
  expect(item.guide.result.licenseFields).toBeTruthy();
  const r = await wangwu.raw('/api/v1/applications/files', {
    method: 'POST', headers: { authorization: `Bearer ${wangwu.token}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('材料.pdf') },
    body: new Uint8Array(Buffer.from('%PDF-1.4\n% test\n%%EOF\n')),
  });
  pdf = { sha256: (await r.json()).sha256, name: '材料.pdf' };
  held.own = await licenceOf(XIANWEI.name, T.business);
  held.food = await licenceOf(XIANWEI.name, T.food);
  held.other = await licenceOf(LIJI.name, T.business);
  held.revoked = await extraBusinessLicence('TST2020REV0001');
  await changeLicenceStatus(p.deps, systemActor('test'), held.revoked, 'revoke', '测试：吊销');
  held.expired = await extraBusinessLicence('TST2020EXP0001');
  await p.deps.db.updateTable('licenses').set({ valid_to: '2021-01-01' }).where('licence_id', '=', held.expired).execute();
  held.tampered = await extraBusinessLicence('TST2020TMP0001');
  const row = await p.deps.db.selectFrom('licenses').select('credential').where('licence_id', '=', held.tampered).executeTakeFirstOrThrow();
  const [jws, ...rest] = row.credential.split('~');
  const [h, payload, sig] = jws.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.licence_number = 'FORGED';
  const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), sig].join('.');
  await p.deps.db.updateTable('licenses').set({ credential: [forged, ...rest].join('~') }).where('licence_id', '=', held.tampered).execute();
}, 180_000);
afterAll(async () => p?.close());

describe('a licence standing in for a material (免提交)', () => {
  it('the apply page is offered the enterprise’s usable licences for each material a licence may replace', async () => {
    const r = await wangwu.get(`/api/v1/applications/items/${item.item.id}/usable-licences`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.holder).toEqual({ kind: 'enterprise', name: XIANWEI.name });
    const bl = r.body.materials.find((m: any) => m.key === 'business_licence');
    expect(bl.acceptedTypes.map((t: any) => t.code)).toContain(T.business);
    const offered = bl.licences.map((l: any) => l.licenceId);
    expect(offered).toContain(held.own);
    expect(offered).not.toContain(held.revoked); // revoked and expired ones are not offered
    expect(offered).not.toContain(held.expired);
    expect(offered).not.toContain(held.other); // nor another enterprise's
    // acting as himself, wangwu sees his own (a person's) licences, not the enterprise's
    const self = await p.login('wangwu');
    const mine = await self.get(`/api/v1/applications/items/${item.item.id}/usable-licences`);
    expect(mine.body.holder.kind).toBe('person');
    expect(mine.body.materials.flatMap((m: any) => m.licences).map((l: any) => l.licenceId)).not.toContain(held.own);
  });

  it('a held, valid licence is verified at filing; the use is recorded with the case and the material', async () => {
    const before = (await uses(held.own)).length;
    const d = await file({ itemId: item.item.id, form: formFor(), materials: answers(held.own) });
    const m = d.materials.find((x: any) => x.key === 'business_licence');
    expect(m).toMatchObject({ by: 'license', licenceId: held.own, licence: { licenceId: held.own, typeCode: T.business, typeName: '营业执照', holderName: XIANWEI.name, verification: { outcome: 'verified' } } });
    expect(m.licence.issuer.name).toBe('澜州市明湖区市场监督管理局');
    expect(m.licence.verification.checks).toEqual(expect.arrayContaining(['holder', 'status', 'validity', 'signature']));
    const after = await uses(held.own);
    expect(after).toHaveLength(before + 1);
    expect(after.find((u) => u.case_id === d.case.id)).toMatchObject({ material_key: 'business_licence', type_code: T.business });
    // the officer sees it verified, with what the licence is now
    const seen = await window.get(`/api/v1/applications/cases/${d.case.id}`);
    expect(seen.body.materials.find((x: any) => x.key === 'business_licence').licence.now).toMatchObject({ status: 'valid', expired: false });
  });

  const failures: [string, () => string, string, string?][] = [
    ['someone else’s', () => held.other, 'holder'],
    ['revoked', () => held.revoked, 'status'],
    ['expired', () => held.expired, 'validity'],
    ['of a type not accepted for the material', () => held.food, 'type'],
    ['with a signature that does not check', () => held.tampered, 'signature'],
    ['a person’s licence for an enterprise', () => '', 'holder', 'person'],
  ];
  for (const [what, id, check, special] of failures) {
    it(`a licence ${what} is refused naming the check (${check}); no case, no use`, async () => {
      const licenceId = special === 'person'
        ? (await p.deps.db.selectFrom('licenses').select('licence_id').where('holder_key', '=', zhangsanPerson.idNumber).where('type_code', '=', T.idCard).executeTakeFirstOrThrow()).licence_id
        : id();
      const materialKey = special === 'person' ? 'legal_rep_id' : 'business_licence';
      const key = `lic-bad-${check}-${Date.now()}`;
      const usesBefore = (await uses(licenceId)).length;
      const r = await submit({ itemId: item.item.id, form: formFor(), materials: answers(licenceId, materialKey) }, key);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.code).toBe('applications.materials_incomplete');
      expect(r.body.error.details).toHaveLength(1);
      expect(r.body.error.details[0]).toMatchObject({ check, field: expect.stringMatching(/^materials\.\d+\.licenceId$/) });
      expect(await casesWithKey(key)).toHaveLength(0);
      expect(await uses(licenceId)).toHaveLength(usesBefore);
    });
  }

  it('a licence answer needs a licence id, and a material no licence may replace refuses one', async () => {
    const noId = await submit({ itemId: item.item.id, form: formFor(), materials: answers(null).map((a: any) => (a.key === 'business_licence' ? { key: a.key, by: 'license' } : a)) }, `lic-noid-${Date.now()}`);
    expect(noId.body.error).toMatchObject({ code: 'applications.materials_incomplete' });
    expect(noId.body.error.details[0].field).toMatch(/licenceId$/);
    const plain = item.guide.materials.find((m: any) => m.substitutes.length === 0 && m.necessity === 'required');
    const wrong = await submit({ itemId: item.item.id, form: formFor(), materials: answers(held.own, plain.key) }, `lic-plain-${Date.now()}`);
    expect(wrong.body.error.code).toBe('applications.materials_incomplete');
    expect(wrong.body.error.details[0].reason).toContain('cannot be replaced by an electronic licence');
  });
});

describe('approval issues the licence', () => {
  it('issues exactly one 食品经营许可证 to the enterprise, filled from the form, shown on the timeline and in its wallet', async () => {
    const d = await toDecision();
    const url = `/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'decide').id}/decide`;
    const body = { decision: 'approved', opinion: '告知承诺，准予许可，3个月内现场核查。', expectedVersion: d.case.rowVersion };
    const [a, b] = await Promise.all([reviewer.post(url, body), reviewer.post(url, body)]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    const again = await reviewer.post(url, body);
    expect(again.status).toBe(409);
    const rows = await p.deps.db.selectFrom('licenses').selectAll().where('case_id', '=', d.case.id).execute();
    expect(rows).toHaveLength(1);
    const l = rows[0];
    expect(l).toMatchObject({ type_code: T.food, holder_kind: 'enterprise', holder_key: XIANWEI.uscc, holder_name: XIANWEI.name, source: 'case', case_number: d.case.caseNumber, status: 'valid' });
    const form = formFor();
    expect(JSON.parse(l.fields)).toEqual({
      legalRepresentative: form.legalRepName, premises: form.premisesAddress, mainBusiness: '餐饮服务经营者',
      businessItems: '热食类食品制售；冷食类食品制售；自制饮品制售；网络经营', dailySupervisor: '澜州市明湖区市场监督管理局', complaintPhone: '12315',
    });
    // the timeline names it with a link to the wallet; the approval also issued its decision document
    const ok = a.status === 200 ? a : b;
    expect(ok.body.timeline.at(-1)).toMatchObject({ action: 'approved', details: { licence: { licenceId: l.licence_id, typeCode: T.food, link: `/hall/licences/${encodeURIComponent(l.licence_id)}` } } });
    // a retry of the issuance for the same case returns the same licence
    const officer = { ...systemActor('test'), kind: 'staff' as const, roles: ['reviewer' as const], departmentId: l.issuer_department_id };
    const retried = await p.deps.db.transaction().execute((tx) => issueLicenceForCase(tx, p.deps, officer, {
      caseId: d.case.id, caseNumber: d.case.caseNumber, licenseTypeCode: T.food, issuerDepartmentId: l.issuer_department_id,
      holder: { kind: 'enterprise', uscc: XIANWEI.uscc, name: XIANWEI.name }, fields: foodFields(), issuedAt: new Date().toISOString(),
    }));
    expect(retried.licenceId).toBe(l.licence_id);
    expect(await p.deps.db.selectFrom('licenses').select('id').where('case_id', '=', d.case.id).execute()).toHaveLength(1);
    // the enterprise's wallet holds it; the filer was told
    const wallet = await lisi.get('/api/v1/licenses/wallet');
    expect(wallet.status).toBe(200);
    expect(wallet.body.items.map((x: any) => x.licenceId)).toContain(l.licence_id);
    const note = await p.deps.db.selectFrom('notifications').select(['kind', 'link']).where('kind', '=', 'license.issued').where('link', 'like', `%${encodeURIComponent(l.licence_id)}%`).execute();
    expect(note.length).toBeGreaterThan(0);
  });

  it('an approval whose licence cannot be filled from the case fails and changes nothing', async () => {
    // a food shop selling only what no licence item names: 经营项目 (required) would be empty
    const d = await toDecision(formFor({ businessForm: 'sales', seats: undefined, hotFood: undefined, coldFood: undefined, drinks: undefined, online: undefined, bulkFood: undefined, specialFood: undefined }));
    const r = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(d, 'decide').id}/decide`, { decision: 'approved', opinion: '准予许可', expectedVersion: d.case.rowVersion });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe('applications.licence_not_issuable');
    expect(r.body.error.message).toContain('businessItems');
    const after = await reviewer.get(`/api/v1/applications/cases/${d.case.id}`);
    expect(after.body.case).toMatchObject({ status: 'deciding', rowVersion: d.case.rowVersion });
    expect(await p.deps.db.selectFrom('licenses').select('id').where('case_id', '=', d.case.id).execute()).toHaveLength(0);
    expect(await p.deps.db.selectFrom('case_documents').select('id').where('case_id', '=', d.case.id).execute()).toHaveLength(0);
    // a refusal of the same case issues no licence, and its 不予许可决定书
    const refused = await reviewer.post(`/api/v1/applications/cases/${d.case.id}/tasks/${openTask(after.body, 'decide').id}/decide`, { decision: 'refused', opinion: '经营项目不明确，不予许可', expectedVersion: d.case.rowVersion });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(await p.deps.db.selectFrom('licenses').select('id').where('case_id', '=', d.case.id).execute()).toHaveLength(0);
    expect((await p.deps.db.selectFrom('case_documents').select('kind').where('case_id', '=', d.case.id).execute()).map((x) => x.kind)).toEqual(['refusal_decision']);
  });
});

describe('licence field templates', () => {
  const ctx = {
    form: { name: '鲜味', area: 96, form: 'catering', hot: true, cold: false, empty: '' },
    properties: { form: { enum: ['sales', 'catering'], 'x-enum-titles': [{ zh: '食品销售经营者' }, { zh: '餐饮服务经营者' }] } },
    applicantName: '澜州市明湖区鲜味餐饮有限公司', decisionDate: '2026-11-28', departmentName: '澜州市明湖区市场监督管理局',
  };
  it('keeps a lone value’s type, prints labels and conditions, and leaves a part with an empty value out', () => {
    expect(renderTemplate('{form.area}', ctx).value).toBe(96);
    expect(renderTemplate('{form.form|label}', ctx).value).toBe('餐饮服务经营者');
    expect(renderTemplate('{?form.hot:热食类}', ctx).value).toBe('热食类');
    expect(renderTemplate('{?form.cold:冷食类}', ctx).value).toBeUndefined();
    expect(renderTemplate('{decision.date}至长期', ctx).value).toBe('2026-11-28至长期');
    expect(renderTemplate('{form.empty}号', ctx).value).toBeUndefined();
    expect(renderTemplate('{form.name}（{applicant.name}）', ctx).value).toBe('鲜味（澜州市明湖区鲜味餐饮有限公司）');
    expect(renderTemplate('{nothing.here}', ctx).unknown).toEqual(['{nothing.here}']);
  });
});
