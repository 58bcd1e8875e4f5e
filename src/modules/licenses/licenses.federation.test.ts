import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { manualClock } from '../../platform/clock.js';
import { demoPeople } from '../../demo/province-data.js';
import { T, dept, listenHere, zhangsan } from './testing/helpers.js';
import { flushVerificationLog } from './use-cases/verify.js';

/**
 * Two Tongban deployments: B trusts A's issuers within a region, fetching A's issuer directory, JWKS and status lists
 * over HTTP. A licence issued on A and presented by its holder there is verified on B.
 */

const clockA = manualClock(new Date());
const clockB = manualClock(new Date());
let a: TestPlatform;
let b: TestPlatform;
let holderA: Client;
let adminB: Client;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestPlatform({ demo: true, clock: clockA }), startTestPlatform({ demo: true, clock: clockB })]);
  listenHere(a);
  listenHere(b);
  holderA = await a.login('zhangsan');
  adminB = await b.login('admin');
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const SKILL = '11100000000017325L021';

async function issueOnA(officer: string, body: Record<string, unknown>): Promise<string> {
  const r = await (await a.login(officer)).post('/api/v1/licenses/issue', body);
  if (r.status !== 201) throw new Error(`issue on A: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.licenceId;
}

/** The holder presents on A; a verifier fetches the presentation from A's link and asks B to verify it. */
async function presentOnAVerifyOnB(licenceId: string, fields: string[]) {
  const created = await holderA.post(`/api/v1/licenses/wallet/${licenceId}/presentations`, { fields, audience: 'https://verifier.b.example' });
  if (created.status !== 201) throw new Error(`present on A: ${created.status} ${JSON.stringify(created.body)}`);
  const fetched = await fetch(created.body.apiUrl).then((r) => r.json() as Promise<any>);
  const verifyOnB = async () => (await b.anonymous().post('/api/v1/licenses/verify', { presentation: fetched.presentation, nonce: fetched.nonce, audience: fetched.audience })).body;
  return { created: created.body, fetched, verifyOnB };
}

const marriageBody = (number: string) => {
  const w = demoPeople.find((x) => x.name === '刘梅')!;
  return { typeCode: T.marriage, number, holder: { kind: 'person', idNumber: zhangsan.idNumber, name: '张三' }, fields: { spouseName: w.name, spouseIdNumber: w.idNumber, registeredOn: '2015-10-08', registrationOffice: '澜州市明湖区民政局婚姻登记处' } };
};

describe('cross-deployment verification', () => {
  let marriageId: string;
  let skillId: string;

  it('refuses A’s licences on B until B trusts A, then verifies them (ES256 and SM2-SM3) through A’s published keys', async () => {
    marriageId = await issueOnA('mh_mz_ck1', marriageBody('J390102FED0001'));
    skillId = await issueOnA('lz_rs_ck1', { typeCode: SKILL, holder: { kind: 'person', idNumber: zhangsan.idNumber, name: '张三' }, fields: { occupation: '电工', skillLevel: '四级/中级工', evaluatedBy: '云澜省职业技能鉴定中心', certificateNumber: 'S39010026000123' } });
    const m = await presentOnAVerifyOnB(marriageId, ['holder_name', 'spouseName']);
    expect(m.fetched.presentation).toBeTruthy();
    const untrusted = await m.verifyOnB();
    expect(untrusted).toMatchObject({ valid: false, failedChecks: ['issuer_trust'], issuer: { trusted: false } });

    const t = await adminB.post('/api/v1/licenses/trust', { baseUrl: a.baseUrl, regionCode: '390000', name: '云澜省（A）' });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect((await adminB.post('/api/v1/licenses/trust', { baseUrl: a.baseUrl, regionCode: '390000', name: '再一次' })).body.error.code).toBe('licenses.trust_exists');
    expect((await (await b.login('mh_scjg_ck1')).get('/api/v1/licenses/trust')).status).toBe(403);
    const trusted = await m.verifyOnB();
    expect(trusted.valid, JSON.stringify(trusted.checks)).toBe(true);
    expect(trusted.issuer).toEqual({ name: dept('mh_mz').name, code: dept('mh_mz').uscc, region: '390102', trusted: true, iss: `${a.baseUrl}/api/v1/licenses/issuers/${dept('mh_mz').uscc}`, deployment: '云澜省（A）' });
    expect(trusted.disclosed).toMatchObject({ holder_name: '张三', spouseName: '刘梅' });
    expect(trusted.checks.find((c: any) => c.check === 'presentation').ok).toBeNull(); // made on A, not on B
    const s = await presentOnAVerifyOnB(skillId, ['holder_name']);
    const sm2 = await s.verifyOnB();
    expect(sm2.valid, JSON.stringify(sm2.checks)).toBe(true);
    expect(sm2.licence).toMatchObject({ typeName: '职业技能等级证书', licenceId: skillId });
    // B logged both verifications; A knows nothing of them
    await flushVerificationLog(b.deps);
    await flushVerificationLog(a.deps);
    expect((await b.deps.db.selectFrom('license_verifications').select('valid').where('licence_id', '=', marriageId).execute()).map((r) => r.valid)).toEqual([0, 1]);
    expect(await a.deps.db.selectFrom('license_verifications').select('id').where('licence_id', '=', marriageId).execute()).toEqual([]);
  });

  it('sees a revocation on A once its cached copy of A’s status list expires (at most a minute)', async () => {
    const m = await presentOnAVerifyOnB(marriageId, ['holder_name']);
    expect((await m.verifyOnB()).valid).toBe(true);
    const r = await (await a.login('mh_mz_ck1')).post(`/api/v1/licenses/${marriageId}/revoke`, { reason: '婚姻登记撤销' });
    expect(r.body.status).toBe('revoked');
    expect((await a.anonymous().post('/api/v1/licenses/verify', { presentation: m.fetched.presentation })).body.failedChecks).toEqual(['status']); // A at once
    expect((await m.verifyOnB()).valid).toBe(true); // B within the list's ttl
    clockB.advance(61_000);
    const after = await m.verifyOnB();
    expect(after).toMatchObject({ valid: false, failedChecks: ['status'], licence: { status: 'revoked' } });
  });

  it('keeps verifying older licences after A rotates its key, and learns the new key from A’s JWKS', async () => {
    const s = await presentOnAVerifyOnB(skillId, ['holder_name']);
    const adminA = await a.login('admin');
    const rotated = await adminA.post(`/api/v1/licenses/issuers/${dept('lz_rs').uscc}/keys/rotate`, {});
    expect(rotated.body).toMatchObject({ alg: 'SM2-SM3', status: 'active' });
    expect((await s.verifyOnB()).valid).toBe(true);
    const newer = await issueOnA('lz_rs_ck1', { typeCode: SKILL, holder: { kind: 'person', idNumber: zhangsan.idNumber, name: '张三' }, fields: { occupation: '焊工', skillLevel: '三级/高级工', evaluatedBy: '云澜省职业技能鉴定中心', certificateNumber: 'S39010026000456' } });
    clockB.advance(11_000); // B reloads a JWKS for an unknown kid at most every 10 s
    const n = await presentOnAVerifyOnB(newer, ['holder_name']);
    const v = await n.verifyOnB();
    expect(v.valid, JSON.stringify(v.checks)).toBe(true);
  });

  it('trusts a deployment only for its region: an issuer outside it is not trusted', async () => {
    const list = (await adminB.get('/api/v1/licenses/trust')).body.items;
    expect(list).toHaveLength(1);
    expect((await adminB.delete(`/api/v1/licenses/trust/${list[0].id}`)).body).toEqual({ ok: true });
    expect((await adminB.post('/api/v1/licenses/trust', { baseUrl: a.baseUrl, regionCode: '390200', name: '青川市（A）' })).status).toBe(201);
    const s = await presentOnAVerifyOnB(skillId, ['holder_name']);
    const v = await s.verifyOnB();
    expect(v.failedChecks).toEqual(['issuer_trust']);
    expect(v.checks.find((c: any) => c.check === 'issuer_trust').message).toContain('outside the region 390200');
    expect(v.issuer).toMatchObject({ trusted: false, deployment: '青川市（A）', region: '390100' });
    const audit = await b.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'license.trust.%').orderBy('seq').execute();
    expect(audit.map((x) => x.action)).toEqual(['license.trust.added', 'license.trust.removed', 'license.trust.added']);
  });
});
