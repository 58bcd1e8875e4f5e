import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type Client } from '../../testing/harness.js';
import { generateUscc, usccCheckChar } from '../../platform/codes.js';
import { exportOrg, importOrg } from './org.import.js';
import { systemActor } from '../../platform/actor.js';
import { verifyAuditChain } from '../../platform/audit.js';

let p: TestPlatform;
let admin: Client;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  admin = await p.login('admin');
});
afterAll(async () => p?.close());

const counts = async () => ({
  regions: (await p.deps.db.selectFrom('regions').select('code').execute()).length,
  departments: (await p.deps.db.selectFrom('departments').select('id').execute()).length,
  audit: (await p.deps.db.selectFrom('audit_log').select('seq').execute()).length,
  outbox: (await p.deps.db.selectFrom('outbox_events').select('id').execute()).length,
});

describe('regions', () => {
  it('adds a district under its city with audit and event; rejects bad codes and wrong parents', async () => {
    const ok = await admin.post('/api/v1/org/regions', { code: '390111', name: '新港区', nameEn: 'Xingang District', parentCode: '390100' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ code: '390111', name: '新港区', nameEn: 'Xingang District', parentCode: '390100', level: 'district' });
    expect((await p.anonymous().get('/api/v1/org/regions?parentCode=390100')).body.items.map((r: any) => r.code)).toContain('390111');
    const before = await counts();
    const badCode = await admin.post('/api/v1/org/regions', { code: '990101', name: '不存在', parentCode: '990100' });
    expect(badCode.body.error.code).toBe('org.invalid_region_code');
    const wrongParent = await admin.post('/api/v1/org/regions', { code: '390112', name: '错父级', parentCode: '390200' });
    expect(wrongParent.body.error).toMatchObject({ code: 'org.region_parent_mismatch', details: [{ field: 'parentCode' }] });
    const missingParent = await admin.post('/api/v1/org/regions', { code: '390301', name: '无父级', parentCode: '390300' });
    expect(missingParent.body.error.code).toBe('org.parent_region_missing');
    const dup = await admin.post('/api/v1/org/regions', { code: '390111', name: '新港区', parentCode: '390100' });
    expect(dup.status).toBe(409);
    const notDigits = await admin.post('/api/v1/org/regions', { code: '39011A', name: '字母', parentCode: '390100' });
    expect(notDigits.body.error.code).toBe('request.invalid');
    expect(await counts()).toEqual(before);
  });
});

describe('departments', () => {
  const uscc = generateUscc('1', '1', '390105', '7712ABCD');

  it('creates a department with its level taken from the region, audited and published', async () => {
    const r = await admin.post('/api/v1/org/departments', { uscc, name: '澜州市云台区教育局', nameEn: 'Yuntai District Education Bureau', kind: 'education', regionCode: '390105', phone: '0590-87650000', address: '澜州市云台区学府路8号' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ uscc, level: 'district', regionName: '云台区', active: true });
    const audit = await p.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'org.department.created').where('target_id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_name: 'admin', outcome: 'success', department_id: r.body.id });
    const event = await p.deps.db.selectFrom('outbox_events').selectAll().where('type', '=', 'org.department.created').where('aggregate_id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).name).toBe('澜州市云台区教育局');
    const found = await p.anonymous().get('/api/v1/org/departments?q=' + encodeURIComponent('云台区教育'));
    expect(found.body.items.map((d: any) => d.id)).toContain(r.body.id);
  });

  it('rejects an invalid USCC, an unknown region, a duplicate — writing nothing', async () => {
    const before = await counts();
    const wrongCheck = uscc.slice(0, 17) + (usccCheckChar(uscc.slice(0, 17)) === 'A' ? 'B' : 'A');
    const bad = await admin.post('/api/v1/org/departments', { uscc: wrongCheck, name: '某局', kind: 'education', regionCode: '390105', phone: '0590-87650000', address: '某路1号' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'org.invalid_uscc', details: [{ field: 'uscc' }] });
    const region = await admin.post('/api/v1/org/departments', { uscc: generateUscc('1', '1', '390105', '7712ABCE'), name: '某局', kind: 'education', regionCode: '390109', phone: '0590-87650000', address: '某路1号' });
    expect(region.body.error.code).toBe('org.unknown_region');
    const dup = await admin.post('/api/v1/org/departments', { uscc, name: '另一个名字', kind: 'education', regionCode: '390105', phone: '0590-87650000', address: '某路1号' });
    expect(dup.status).toBe(409);
    const dupName = await admin.post('/api/v1/org/departments', { uscc: generateUscc('1', '1', '390105', '7712ABCF'), name: '澜州市云台区教育局', kind: 'education', regionCode: '390105', phone: '0590-87650000', address: '某路1号' });
    expect(dupName.status).toBe(409);
    expect(dupName.body.error.code).toBe('org.department_exists');
    expect(await counts()).toEqual(before);
  });
});

describe('staff management', () => {
  it('a platform admin creates staff who can log in with their roles, then deactivates them', async () => {
    const dept = (await p.anonymous().get('/api/v1/org/departments?q=' + encodeURIComponent('青川市民政局'))).body.items[0];
    const r = await admin.post('/api/v1/identity/staff', { username: 'qc_mz_new', displayName: '新同事', departmentId: dept.id, roles: ['window_officer', 'reviewer'], initialPassword: 'Welcome-2026!' });
    expect(r.status).toBe(201);
    const c = await p.login('qc_mz_new', 'Welcome-2026!');
    const me = await c.get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ kind: 'staff', roles: ['reviewer', 'window_officer'], department: { id: dept.id, regionCode: '390200' } });
    expect((await admin.patch(`/api/v1/identity/staff/${r.body.id}`, { active: false })).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const weak = await admin.post('/api/v1/identity/staff', { username: 'qc_mz_weak', displayName: '弱口令', departmentId: dept.id, roles: ['reviewer'], initialPassword: 'password' });
    expect(weak.body.error.code).toBe('auth.weak_password');
    const taken = await admin.post('/api/v1/identity/staff', { username: 'qc_mz_new', displayName: '重名', departmentId: dept.id, roles: ['reviewer'], initialPassword: 'Welcome-2026!' });
    expect(taken.status).toBe(409);
  });
});

describe('org import and export', () => {
  it('round-trips: export, import into an empty deployment, export again gives the same document', async () => {
    const doc = await exportOrg(p.deps);
    expect(doc.regions.length).toBeGreaterThanOrEqual(7);
    const q = await startTestPlatform();
    try {
      const r = await importOrg(q.deps, systemActor('test'), JSON.stringify(doc));
      expect(r).toEqual({ regions: doc.regions.length, departments: doc.departments.length });
      expect(await exportOrg(q.deps)).toEqual(doc);
      expect((await verifyAuditChain(q.deps.db, q.deps.auditKey)).ok).toBe(true);
    } finally {
      await q.close();
    }
  });

  it('rejects a file with broken rows as a whole, naming row, field and reason', async () => {
    const before = await counts();
    const doc = {
      format: 'tongban.org/1',
      regions: [{ code: '390121', name: '好区', parentCode: '390100' }, { code: '390122', name: '坏区', parentCode: '390200' }],
      departments: [
        { uscc: generateUscc('1', '1', '390121', '5512ABCD'), name: '好区民政局', kind: 'civil_affairs', regionCode: '390121', phone: '0590-11112222', address: '好区一路1号' },
        { uscc: '11390121MB000000X0', name: '坏码局', kind: 'civil_affairs', regionCode: '390121', phone: '0590-11112222', address: '好区一路2号' },
        { uscc: generateUscc('1', '1', '390121', '5512ABCE'), name: '无区局', kind: 'civil_affairs', regionCode: '390199', phone: '0590-11112222', address: '好区一路3号' },
        { uscc: generateUscc('1', '1', '390121', '5512ABCF'), name: '缺电话局', kind: 'civil_affairs', regionCode: '390121', address: '好区一路4号' },
      ],
    };
    await expect(importOrg(p.deps, systemActor('test'), JSON.stringify(doc))).rejects.toMatchObject({
      code: 'import.invalid_rows',
      details: expect.arrayContaining([
        { section: 'regions', row: 2, field: 'parentCode', reason: 'must be 390100' },
        { section: 'departments', row: 2, field: 'uscc', reason: 'GB 32100 check character is wrong' },
        { section: 'departments', row: 3, field: 'regionCode', reason: 'unknown region' },
        { section: 'departments', row: 4, field: 'phone', reason: 'is required' },
      ]),
    });
    await expect(importOrg(p.deps, systemActor('test'), '{"format":')).rejects.toMatchObject({ code: 'import.malformed_json' });
    await expect(importOrg(p.deps, systemActor('test'), '{"format":"other"}')).rejects.toMatchObject({ code: 'import.wrong_format' });
    expect(await counts()).toEqual(before);
  });
});
