import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/harness.js';
import { withTx } from '../../platform/db/database.js';
import { systemActor } from '../../platform/actor.js';
import { parseLicenceId, buildLicenceId } from '../../platform/crypto/licence-id.js';
import { decodeSdJwtVcUnverified } from '../../platform/crypto/sd-jwt.js';
import { demoPeople } from '../../demo/province-data.js';
import { issueLicenceForCase, LICENCES_FORMAT } from './index.js';
import { issuedPage } from './use-cases/issuers.js';
import { queryPlan } from '../../testing/query-plan.js';
import { T, TEAHOUSE, XIANWEI, dept, deptId, foodFields, listenHere, wrongCheck, zhangsan } from './testing/helpers.js';

/** The licence type catalogue, issuance (officer, case, bulk import) and the department's view. */

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  listenHere(p);
});
afterAll(async () => p?.close());

const count = async (table: 'licenses' | 'audit_log' | 'outbox_events') => Number((await p.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the licence type catalogue', () => {
  it('lists the demo types with fields, classification levels, validity, issuers and the catalogue items that issue them', async () => {
    const list = await p.anonymous().get('/api/v1/licenses/types');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(19);
    const food = await p.anonymous().get(`/api/v1/licenses/types/${T.food}`);
    expect(food.status).toBe(200);
    expect(food.body).toMatchObject({ code: T.food, name: '食品经营许可证', holderKind: 'enterprise', validity: { mode: 'years', years: 5 }, definingDepartment: { name: '云澜省市场监督管理局' } });
    expect(food.body.fields.find((f: any) => f.key === 'legalRepresentative')).toMatchObject({ level: 'L3', required: true });
    expect(food.body.issuers.map((d: any) => d.name)).toContain('澜州市明湖区市场监督管理局');
    expect(food.body.issuedByItems.length).toBeGreaterThan(0);
    expect(food.body.issuedByItems.map((i: any) => i.itemName).join()).toContain('食品经营许可');
    // with the English names the catalogue has, for pages in English
    expect(food.body.issuedByItems.every((i: any) => typeof i.itemNameEn === 'string' && i.itemNameEn.length > 0 && typeof i.departmentNameEn === 'string')).toBe(true);
    const id = await p.anonymous().get(`/api/v1/licenses/types/${T.idCard}`);
    expect(id.body.replacesMaterials.length).toBeGreaterThan(0);
    expect((await p.anonymous().get('/api/v1/licenses/types/NOTACODE')).status).toBe(400);
    expect((await p.anonymous().get('/api/v1/licenses/types/111000000000194270999')).body.error.code).toBe('licenses.type_not_found');
    const byIssuer = await p.anonymous().get(`/api/v1/licenses/types?issuerDepartmentId=${await deptId(p, 'mh_ga')}`);
    expect(byIssuer.body.items.map((t: any) => t.code)).toEqual(expect.arrayContaining([T.idCard]));
    expect(byIssuer.body.items.map((t: any) => t.code)).not.toContain(T.food);
  });

  it('is defined by a platform admin or the defining department’s admin; bad definitions are refused with every problem', async () => {
    const ylScjg = await deptId(p, 'yl_scjg');
    const body = {
      code: '11100000000019427K099', name: '测试经营备案凭证', holderKind: 'enterprise', definingDepartmentId: ylScjg, issuerDepartmentIds: [await deptId(p, 'mh_scjg')],
      fields: [{ key: 'premises', name: '经营场所', type: 'string', required: true, level: 'L2' }], validity: { mode: 'years', years: 3 },
    };
    const city = await p.login('lz_scjg_gly');
    expect((await city.post('/api/v1/licenses/types', body)).body.error.code).toBe('licenses.not_type_admin');
    const zs = await p.login('zhangsan');
    expect((await zs.post('/api/v1/licenses/types', body)).status).toBe(403);
    const admin = await p.login('admin');
    const bad = await admin.post('/api/v1/licenses/types', {
      ...body, fields: [...body.fields, { key: 'iss', name: '签发者', type: 'string', required: true, level: 'L1' }, { key: 'premises', name: '重复', type: 'string', required: false, level: 'L1' }],
      validity: { mode: 'years' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('licenses.invalid_type');
    expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual(['fields.1.key', 'fields.2.key', 'validity.years']);
    const unknownDept = await admin.post('/api/v1/licenses/types', { ...body, issuerDepartmentIds: ['nope'] });
    expect(unknownDept.body.error.details).toEqual([{ field: 'issuerDepartmentIds.0', reason: 'no such department' }]);

    const provAdmin = await p.login('yl_scjg_gly');
    const created = await provAdmin.post('/api/v1/licenses/types', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code: body.code, version: 1, status: 'active' });
    expect((await provAdmin.post('/api/v1/licenses/types', body)).body.error.code).toBe('licenses.type_exists');
    const { code: _c, ...rest } = body;
    const updated = await provAdmin.put(`/api/v1/licenses/types/${body.code}`, { ...rest, name: '测试经营备案凭证（修订）', expectedVersion: 1 });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ name: '测试经营备案凭证（修订）', version: 2 });
    expect((await provAdmin.put(`/api/v1/licenses/types/${body.code}`, { ...rest, expectedVersion: 1 })).body.error.code).toBe('licenses.type_changed');
    const audit = await p.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', body.code).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['license.type.created', 'license.type.updated']);
  });
});

describe('issuance by an officer', () => {
  it('issues a licence with a GB/T 36904 identifier and a signed SD-JWT VC; a repeated number returns the first', async () => {
    const officer = await p.login('mh_scjg_ck1');
    const body = { typeCode: T.food, holder: { kind: 'enterprise', uscc: TEAHOUSE.uscc, name: TEAHOUSE.name }, fields: foodFields('林婉清'), number: 'JY23901020088001' };
    const r = await officer.post('/api/v1/licenses/issue', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const parsed = parseLicenceId(r.body.licenceId);
    expect(parsed.ok).toBe(true);
    expect(r.body.licenceId).toBe(buildLicenceId({ typeCode: T.food, issuerCode: dept('mh_scjg').uscc, serial: 'JY23901020088001', version: '001' }));
    expect(r.body).toMatchObject({ status: 'valid', source: 'manual', typeName: '食品经营许可证', holder: { kind: 'enterprise', name: TEAHOUSE.name } });
    const row = await p.deps.db.selectFrom('licenses').selectAll().where('licence_id', '=', r.body.licenceId).executeTakeFirstOrThrow();
    const vc = decodeSdJwtVcUnverified(row.credential);
    expect(vc.header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'ES256' });
    expect(vc.claims).toMatchObject({ licence_id: r.body.licenceId, holder_name: TEAHOUSE.name, legalRepresentative: '林婉清', mainBusiness: '餐饮服务经营者（小型餐馆）' });
    // personal fields are behind digests in the signed payload
    const payload = Buffer.from(row.credential.split('~')[0].split('.')[1], 'base64url').toString();
    expect(payload).not.toContain('林婉清');
    expect(payload).not.toContain(TEAHOUSE.uscc + '"');
    expect(vc.disclosed.sort()).toEqual(['holder_id', 'holder_name', 'legalRepresentative', 'premises']);
    const fiveYears = new Date(Date.parse(r.body.validFrom) + 0);
    expect(r.body.validTo > r.body.validFrom).toBe(true);
    expect(Number(r.body.validTo.slice(0, 4)) - fiveYears.getUTCFullYear()).toBe(5);

    const again = await officer.post('/api/v1/licenses/issue', body);
    expect(again.status).toBe(200);
    expect(again.body.licenceId).toBe(r.body.licenceId);
    const other = await officer.post('/api/v1/licenses/issue', { ...body, fields: foodFields('别人') });
    expect(other.body.error.code).toBe('licenses.number_taken');
    const generated = await officer.post('/api/v1/licenses/issue', { ...body, number: undefined });
    expect(generated.status).toBe(201);
    expect(generated.body.number).toMatch(/^\d{12}$/);
  });

  it('checks the holder’s code (check characters), kind and the type’s fields; only issuing departments issue', async () => {
    const officer = await p.login('mh_scjg_ck1');
    const before = await count('licenses');
    const bad = await officer.post('/api/v1/licenses/issue', { typeCode: T.food, holder: { kind: 'enterprise', uscc: wrongCheck(TEAHOUSE.uscc), name: TEAHOUSE.name }, fields: { ...foodFields(), premises: undefined, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('licenses.invalid_licence');
    expect(bad.body.error.details).toEqual(expect.arrayContaining([
      { field: 'holder.uscc', reason: 'has a wrong check character (GB 32100)' },
      { field: 'fields.extra', reason: 'is not a field of 食品经营许可证' },
      { field: 'fields.premises', reason: 'is required (经营场所)' },
    ]));
    const person = await officer.post('/api/v1/licenses/issue', { typeCode: T.food, holder: { kind: 'person', idNumber: zhangsan.idNumber, name: '张三' }, fields: foodFields() });
    expect(person.body.error.details[0]).toMatchObject({ field: 'holder.kind' });
    const police = await p.login('mh_ga_ck1');
    expect((await police.post('/api/v1/licenses/issue', { typeCode: T.food, holder: { kind: 'enterprise', uscc: TEAHOUSE.uscc, name: TEAHOUSE.name }, fields: foodFields() })).body.error.code).toBe('licenses.not_an_issuer');
    const idBad = await police.post('/api/v1/licenses/issue', { typeCode: T.idCard, holder: { kind: 'person', idNumber: wrongCheck(zhangsan.idNumber), name: '张三' }, validTo: '2040-01-01', fields: { sex: '男', ethnicity: '汉', birthDate: '1988-03-15', address: '某地' } });
    expect(idBad.body.error.details).toEqual([{ field: 'holder.idNumber', reason: 'has a wrong check character (GB 11643)' }]);
    const permanent = await police.post('/api/v1/licenses/issue', { typeCode: T.idCard, holder: { kind: 'person', idNumber: zhangsan.idNumber, name: '张三' }, fields: { sex: '男', ethnicity: '汉', birthDate: '1988-03-15', address: '某地' } });
    expect(permanent.body.error.details).toEqual([{ field: 'validTo', reason: 'is required: 居民身份证 is valid until a date set at issuance' }]);
    const zs = await p.login('zhangsan');
    expect((await zs.post('/api/v1/licenses/issue', { typeCode: T.food, holder: { kind: 'enterprise', uscc: TEAHOUSE.uscc, name: 'x' }, fields: {} })).status).toBe(403);
    expect(await count('licenses')).toBe(before);
  });
});

describe('issuance from a case', () => {
  const input = (caseId: string) => ({
    caseId, caseNumber: `CASE-${caseId.slice(-6)}`, licenseTypeCode: T.food, issuerDepartmentId: '', holder: { kind: 'enterprise' as const, uscc: XIANWEI.uscc, name: XIANWEI.name },
    fields: foodFields('李四'), issuedAt: new Date().toISOString(),
  });

  it('is idempotent per case and type, and commits or rolls back with the caller’s transaction (audit and event included)', async () => {
    const mh = await deptId(p, 'mh_scjg');
    const c = await p.deps.db.selectFrom('cases').select(['id', 'case_number', 'applicant_user_id']).where('idempotency_key', '=', 'demo-case-mh-food-deciding').executeTakeFirstOrThrow();
    const officer = { ...systemActor(), kind: 'staff' as const, username: 'mh_scjg_sp1', userId: null, roles: ['reviewer' as const], departmentId: mh };
    const args = { ...input(c.id), caseNumber: c.case_number, issuerDepartmentId: mh, holder: { ...input(c.id).holder, userId: c.applicant_user_id } };
    const [lic0, audit0, events0] = [await count('licenses'), await count('audit_log'), await count('outbox_events')];
    await expect(withTx(p.deps.db, async (tx) => {
      await issueLicenceForCase(tx, p.deps, officer, args);
      throw new Error('the approval failed later');
    })).rejects.toThrow('the approval failed later');
    expect([await count('licenses'), await count('audit_log'), await count('outbox_events')]).toEqual([lic0, audit0, events0]);

    const first = await withTx(p.deps.db, (tx) => issueLicenceForCase(tx, p.deps, officer, args));
    const second = await withTx(p.deps.db, (tx) => issueLicenceForCase(tx, p.deps, officer, args));
    expect(second).toEqual(first);
    expect(await count('licenses')).toBe(lic0 + 1);
    const row = await p.deps.db.selectFrom('licenses').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'case', case_id: c.id, case_number: c.case_number, licence_id: first.licenceId, holder_key: XIANWEI.uscc });
    expect(await p.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', first.licenceId).execute()).toEqual([{ action: 'license.issued' }]);
    const ev = await p.deps.db.selectFrom('outbox_events').select(['type', 'payload']).where('aggregate_id', '=', first.id).execute();
    expect(ev.map((e) => e.type)).toEqual(['license.issued']);
    expect(JSON.parse(ev[0].payload)).toMatchObject({ licenceId: first.licenceId, source: 'case', caseId: c.id });
    const note = await p.deps.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', c.applicant_user_id).where('kind', '=', 'license.issued').execute();
    expect(note.length).toBe(1);
  });

  it('refuses an officer of another department and a department that does not issue the type', async () => {
    const mh = await deptId(p, 'mh_scjg');
    const yt = await deptId(p, 'yt_scjg');
    const other = { ...systemActor(), kind: 'staff' as const, username: 'yt_scjg_sp1', roles: ['reviewer' as const], departmentId: yt };
    await expect(withTx(p.deps.db, (tx) => issueLicenceForCase(tx, p.deps, other, { ...input('01j00000-0000-7000-8000-000000000001'), issuerDepartmentId: mh }))).rejects.toMatchObject({ code: 'licenses.not_issuer_staff' });
    const ga = await deptId(p, 'mh_ga');
    await expect(withTx(p.deps.db, (tx) => issueLicenceForCase(tx, p.deps, systemActor(), { ...input('01j00000-0000-7000-8000-000000000002'), issuerDepartmentId: ga }))).rejects.toMatchObject({ code: 'licenses.not_an_issuer' });
    await expect(withTx(p.deps.db, (tx) => issueLicenceForCase(tx, p.deps, systemActor(), { ...input('01j00000-0000-7000-8000-000000000003'), issuerDepartmentId: mh, licenseTypeCode: '111000000000194270999' }))).rejects.toMatchObject({ code: 'licenses.unknown_type' });
  });
});

describe('bulk import', () => {
  const jk = dept('jk_scjg');
  const person = demoPeople.find((x) => x.name === '邓志明')!;
  const rows = (): any[] => [
    { typeCode: T.food, number: 'JY23902020100001', holder: { kind: 'enterprise', uscc: '', name: '' }, issuedOn: '2024-06-01', fields: foodFields('潘雪梅') },
    { typeCode: T.food, number: 'JY23902020100002', holder: { kind: 'enterprise', uscc: '', name: '' }, issuedOn: '2025-02-17', fields: foodFields('田茂林') },
    { typeCode: T.business, number: 'IMPORTB0003', holder: { kind: 'enterprise', uscc: '', name: '' }, issuedOn: '2010-09-15', fields: { enterpriseType: '个体工商户', legalRepresentative: person.name, establishedOn: '2010-09-15', businessTerm: '长期', address: '青川市江口区码头路8号', businessScope: '五金' } },
  ];
  const ents = ['青川市江口区渔港海鲜酒楼有限公司', '青川市江口区田记土家腊味店', '青川市江口区宏达建材有限公司'];
  const file = async (over: (r: any[]) => void = () => undefined) => {
    const { demoEnterprises } = await import('../../demo/province-data.js');
    const rs = rows();
    rs.forEach((r, i) => {
      const e = demoEnterprises.find((x) => x.name === ents[i])!;
      r.holder = { kind: 'enterprise', uscc: e.uscc, name: e.name };
    });
    over(rs);
    return { format: LICENCES_FORMAT, issuer: jk.uscc, licences: rs as any[] };
  };

  it('is all or nothing: every bad row is reported with its field and reason, nothing is written', async () => {
    const officer = await p.login('jk_scjg_ck1');
    const before = await count('licenses');
    const doc = await file((rs) => {
      rs[0].licenceId = buildLicenceId({ typeCode: T.food, issuerCode: jk.uscc, serial: 'JY23902020100001', version: '001' }).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      rs[1].holder.uscc = wrongCheck(rs[1].holder.uscc);
      rs[2].number = 'lower-case';
      rs.push({ ...rs[0], licenceId: undefined });
    });
    const r = await officer.post('/api/v1/licenses/import', doc);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('import.invalid_rows');
    const details = r.body.error.details as Array<{ row: number; field: string; reason: string }>;
    expect(details.find((d) => d.row === 1)).toMatchObject({ field: 'licenceId', reason: expect.stringMatching(/^has a wrong check character \(expected [0-9A-Z]\)$/) });
    expect(details.find((d) => d.row === 2)).toEqual({ row: 2, field: 'holder.uscc', reason: 'has a wrong check character (GB 32100)' });
    expect(details.find((d) => d.row === 3)).toMatchObject({ field: 'number' });
    expect(details.find((d) => d.row === 4)).toEqual({ row: 4, field: 'number', reason: 'repeats row 1' });
    expect(await count('licenses')).toBe(before);
    const wrongType = await officer.post('/api/v1/licenses/import', await file((rs) => { rs[2].typeCode = T.idCard; }));
    expect(wrongType.body.error.details).toEqual([{ row: 3, field: 'typeCode', reason: '青川市江口区市场监督管理局 does not issue 居民身份证' }]);
    expect((await officer.post('/api/v1/licenses/import', { format: 'tongban.other/1' })).body.error.code).toBe('import.wrong_format');
  });

  it('imports a correct file once: a second import of the same rows issues nothing, a changed row is refused', async () => {
    const officer = await p.login('jk_scjg_ck1');
    const doc = await file((rs) => { rs[0].licenceId = buildLicenceId({ typeCode: T.food, issuerCode: jk.uscc, serial: 'JY23902020100001', version: '001' }); });
    const r = await officer.post('/api/v1/licenses/import', doc);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ issued: 3, unchanged: 0 });
    expect(r.body.licenceIds[0]).toBe(doc.licences[0].licenceId);
    const before = await count('licenses');
    expect((await officer.post('/api/v1/licenses/import', doc)).body).toMatchObject({ issued: 0, unchanged: 3 });
    expect(await count('licenses')).toBe(before);
    const changed = await officer.post('/api/v1/licenses/import', await file((rs) => { rs[1].fields.premises = '别处'; }));
    expect(changed.body.error.details).toEqual([{ row: 2, field: 'number', reason: expect.stringContaining('was already issued with other content') }]);
    const stranger = await p.login('mh_scjg_ck1');
    expect((await stranger.post('/api/v1/licenses/import', doc)).body.error.code).toBe('licenses.not_issuer_staff');
    const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'license.imported').where('department_id', '=', await deptId(p, 'jk_scjg')).execute();
    expect(audit.map((a) => JSON.parse(a.details!).issued).slice(-2)).toEqual([3, 0]); // after the demo seed's import
  });
});

describe('the documented import format', () => {
  it('imports the complete example of docs/formats/licences.md as it stands', async () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/formats/licences.md'), 'utf8');
    const example = text.match(/```json\n([\s\S]*?)\n```/)![1];
    const officer = await p.login('mh_scjg_ck1');
    const r = await officer.post('/api/v1/licenses/import', JSON.parse(example));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ issued: 2, unchanged: 0 });
    expect(r.body.licenceIds[0]).toBe(JSON.parse(example).licences[0].licenceId);
  });
});

describe('the department’s issued licences', () => {
  it('lists its own department’s licences, filtered and paginated; other departments are refused', async () => {
    const officer = await p.login('mh_scjg_ck1');
    const all = await officer.get('/api/v1/licenses/issued?limit=2');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(2);
    expect(all.body.nextCursor).toBeTruthy();
    const next = await officer.get(`/api/v1/licenses/issued?limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(all.body.items[0].id);
    const food = await officer.get(`/api/v1/licenses/issued?typeCode=${T.food}&status=valid&limit=100`);
    expect(food.body.items.length).toBeGreaterThan(0);
    expect(food.body.items.every((i: any) => i.typeCode === T.food && i.status === 'valid' && i.issuer.code === dept('mh_scjg').uscc)).toBe(true);
    expect((await officer.get(`/api/v1/licenses/issued?departmentId=${await deptId(p, 'yt_scjg')}`)).body.error.code).toBe('licenses.not_your_department');
    const admin = await p.login('admin');
    const yt = await admin.get(`/api/v1/licenses/issued?departmentId=${await deptId(p, 'yt_scjg')}`);
    expect(yt.body.items.map((i: any) => i.holder.name)).toContain('澜州市云台区李记商贸有限公司');
    expect((await (await p.login('zhangsan')).get('/api/v1/licenses/issued')).status).toBe(403);
  });

  it('pages through every licence of the department once, newest first, each page sought from the cursor in its index', async () => {
    const officer = await p.login('mh_scjg_ck1');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = (await officer.get(`/api/v1/licenses/issued?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      seen.push(...r.items.map((i: any) => i.licenceId));
      cursor = r.nextCursor;
    } while (cursor);
    const mh = await deptId(p, 'mh_scjg');
    const rows = await p.deps.db.selectFrom('licenses').select('licence_id').where('issuer_department_id', '=', mh).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    expect(rows.length).toBeGreaterThan(2);
    expect(seen).toEqual(rows.map((r) => r.licence_id));
    // the cursor is a condition of the index scan (PostgreSQL: "Index Cond", not a "Filter" on rows already read)
    const plan = await queryPlan(p.deps, issuedPage(p.deps.db, mh, {}, 20, ['2026-11-01T00:00:00.000Z', 'zzzz']).compile());
    expect(plan).toContain('licenses_issuer_idx');
    if (p.deps.dialect === 'postgres') expect(plan).toMatch(/Index Cond: .*ROW\(created_at, id\) < ROW/);
    else expect(plan).toMatch(/licenses_issuer_idx \(issuer_department_id=\? AND \(created_at,id\)<\(\?,\?\)\)/);
  });
});

describe('published keys and issuers', () => {
  it('publishes each issuer’s JWKS, its status lists and SD-JWT VC issuer metadata', async () => {
    const code = dept('mh_scjg').uscc;
    const jwks = await p.anonymous().get(`/api/v1/licenses/issuers/${code}/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
    const dir = await p.anonymous().get('/api/v1/licenses/issuers');
    const mine = dir.body.items.filter((i: any) => i.code === code);
    expect(mine.map((i: any) => i.iss)).toContain(`${p.baseUrl}/api/v1/licenses/issuers/${code}`);
    const withList = mine.find((i: any) => i.statusLists.length > 0);
    const list = await p.anonymous().raw(withList.statusLists[0].replace(/^https?:\/\/[^/]+/, ''));
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/statuslist\+jwt/);
    const meta = await p.anonymous().get(`/.well-known/jwt-vc-issuer/api/v1/licenses/issuers/${code}`);
    expect(meta.body).toEqual({ issuer: `${p.baseUrl}/api/v1/licenses/issuers/${code}`, jwks_uri: `${p.baseUrl}/api/v1/licenses/issuers/${code}/jwks.json` });
    expect((await p.anonymous().get('/api/v1/licenses/issuers/91390102MA00000000/jwks.json')).status).toBe(404);
  });
});
