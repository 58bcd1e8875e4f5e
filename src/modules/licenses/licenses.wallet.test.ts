import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { withTx } from '../../platform/db/database.js';
import { systemActor } from '../../platform/actor.js';
import { decodeSdJwtVcUnverified } from '../../platform/crypto/sd-jwt.js';
import { decodeJws } from '../../platform/crypto/jws.js';
import { parseJwks } from '../../platform/crypto/keystore.js';
import { verifyStatusListToken } from '../../platform/crypto/status-list.js';
import { findUsableLicences, verifyHeldLicenceForMaterial } from './index.js';
import { LIJI, T, XIANWEI, actingFor, dept, lisi, presentAndFetch, wangwu, zhangsan } from './testing/helpers.js';
import { publicUrlOf } from '../../platform/config.js';
import { flushVerificationLog } from './use-cases/verify.js';
import { fillVerificationCounts } from '../../migrations/0016_licenses_verification_counts.js';
import { fillTypeCounts } from '../../migrations/0022_licenses_type_counts.js';
import { raiseTypeCounts } from './use-cases/type-counts.js';

/** The wallet, presentations, revocation and suspension, key rotation, licences for materials, the 发证用证清单. */

let p: TestPlatform;
let zs: Client;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  zs = await p.login('zhangsan');
});
afterAll(async () => p?.close());

const verify = (body: Record<string, unknown>) => p.anonymous().post('/api/v1/licenses/verify', body);
const held = async (c: Client, typeCode: string, status = 'valid') => (await c.get('/api/v1/licenses/wallet')).body.items.find((i: any) => i.typeCode === typeCode && i.status === status);

describe('the wallet', () => {
  it('holds the citizen’s own licences, with every field and which ones they may choose to show', async () => {
    const w = await zs.get('/api/v1/licenses/wallet');
    expect(w.status).toBe(200);
    expect(w.body.holder).toEqual({ kind: 'person', name: '张三' });
    const names = w.body.items.map((i: any) => `${i.typeName}:${i.status}`).sort();
    expect(names).toEqual(['不动产权证书:valid', '居民户口簿:valid', '居民身份证:valid', '社会保障卡:valid', '机动车行驶证:revoked', '机动车行驶证:valid', '结婚证:valid'].sort());
    expect(w.body.items.find((i: any) => i.typeCode === T.social).alg).toBe('SM2-SM3');
    expect(w.body.items.every((i: any) => i.holder.idMasked === '3901**********' + zhangsan.idNumber.slice(14))).toBe(true);
    const marriage = w.body.items.find((i: any) => i.typeCode === T.marriage);
    const d = await zs.get(`/api/v1/licenses/wallet/${marriage.licenceId}`);
    expect(d.status).toBe(200);
    const byKey = Object.fromEntries(d.body.fields.map((f: any) => [f.key, f]));
    expect(byKey.spouseName).toMatchObject({ value: '刘梅', level: 'L3', disclosable: true, inCredential: true });
    expect(byKey.spouseIdNumber).toMatchObject({ level: 'L4', disclosable: false, inCredential: false });
    expect(byKey.registrationOffice).toMatchObject({ level: 'L1', disclosable: false, inCredential: true });
    // L4 never reaches the credential
    const row = await p.deps.db.selectFrom('licenses').select('credential').where('licence_id', '=', marriage.licenceId).executeTakeFirstOrThrow();
    expect(decodeSdJwtVcUnverified(row.credential).claims).not.toHaveProperty('spouseIdNumber');
    // someone else's licence, or a mistyped identifier
    const ls = await p.login('lisi');
    expect((await ls.get(`/api/v1/licenses/wallet/${marriage.licenceId}`)).body.error.code).toBe('licenses.not_found');
    const typo = marriage.licenceId.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    const bad = await zs.get(`/api/v1/licenses/wallet/${typo}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'licenses.bad_licence_id', details: { part: 'check_mismatch' } });
    expect((await (await p.login('mh_scjg_ck1')).get('/api/v1/licenses/wallet')).status).toBe(403);
  });

  it('shows an enterprise’s licences to its legal representative, and to agents granted licenses.use (their reads logged)', async () => {
    const ls = await p.login('lisi');
    await actingFor(ls, LIJI.uscc);
    const liji = await ls.get('/api/v1/licenses/wallet');
    expect(liji.body.holder).toEqual({ kind: 'enterprise', name: LIJI.name });
    expect(liji.body.items.map((i: any) => `${i.typeName}:${i.status}`).sort()).toEqual(['营业执照:valid', '食品经营许可证:suspended'].sort());
    const ww = await p.login('wangwu');
    await actingFor(ww, XIANWEI.uscc);
    const refused = await ww.get('/api/v1/licenses/wallet');
    expect(refused.body.error.code).toBe('identity.agent_scope_missing');
    await actingFor(ls, null);
    // wangwu's demo grant (profile.read, applications.submit) is replaced by one with licenses.use
    const grants = (await ls.get(`/api/v1/identity/enterprises/${XIANWEI.uscc}/agents`)).body.items.filter((x: any) => x.agentName === '王五' && x.status === 'active');
    for (const old of grants) expect((await ls.post(`/api/v1/identity/enterprises/${XIANWEI.uscc}/agents/${old.id}/revoke`, { reason: '调整授权范围' })).status).toBe(200);
    const g = await ls.post(`/api/v1/identity/enterprises/${XIANWEI.uscc}/agents`, { agentIdNumber: wangwu.idNumber, agentName: '王五', scopes: ['licenses.use'], expiresAt: new Date(Date.now() + 86400_000).toISOString() });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const agent = await p.login('wangwu');
    await actingFor(agent, XIANWEI.uscc);
    const w = await agent.get('/api/v1/licenses/wallet');
    expect(w.body.items.map((i: any) => i.typeName).sort()).toEqual(['营业执照', '食品经营许可证'].sort());
    const food = w.body.items.find((i: any) => i.typeCode === T.food);
    expect((await agent.get(`/api/v1/licenses/wallet/${food.licenceId}`)).status).toBe(200);
    const logged = await p.deps.db.selectFrom('data_access_log').select(['accessor_name', 'subject_key', 'purpose']).where('subject_key', '=', XIANWEI.uscc).where('accessor_name', '=', 'wangwu').where('purpose', 'like', 'licence wallet%').execute();
    expect(logged).toEqual([{ accessor_name: 'wangwu', subject_key: XIANWEI.uscc, purpose: 'licence wallet: 食品经营许可证' }]);
  });
});

describe('presentations', () => {
  it('disclose only the chosen fields, for a bounded time, as a link and a QR code', async () => {
    const marriage = await held(zs, T.marriage);
    const bad = await zs.post(`/api/v1/licenses/wallet/${marriage.licenceId}/presentations`, { fields: ['holder_name', 'spouseIdNumber', 'registrationOffice', 'nickname'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('licenses.not_disclosable');
    expect(bad.body.error.message).toContain('spouseIdNumber, registrationOffice, nickname');
    expect((await zs.post(`/api/v1/licenses/wallet/${marriage.licenceId}/presentations`, { fields: [], ttlSeconds: 30 })).status).toBe(400);
    expect((await zs.post(`/api/v1/licenses/wallet/${marriage.licenceId}/presentations`, { fields: [], ttlSeconds: 7200 })).status).toBe(400);

    const r = await zs.post(`/api/v1/licenses/wallet/${marriage.licenceId}/presentations`, { fields: ['holder_name', 'spouseName'], audience: 'https://bank.example/kyc', ttlSeconds: 300 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.url).toBe(`${publicUrlOf(p.deps)}/verify/licences/${r.body.id}`);
    expect(r.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const pub = await p.anonymous().get(`/api/v1/licenses/presentations/${r.body.id}`);
    expect(pub.body).toMatchObject({ audience: 'https://bank.example/kyc', nonce: r.body.nonce, typeName: '结婚证', issuerName: dept('mh_mz').name });
    const shown = decodeSdJwtVcUnverified(pub.body.presentation);
    expect(shown.disclosed.sort()).toEqual(['holder_name', 'spouseName']);
    expect(shown.claims).not.toHaveProperty('holder_id');
    expect(shown.claims).not.toHaveProperty('registeredOn');
    const v = await verify({ presentation: pub.body.presentation, audience: 'https://bank.example/kyc', nonce: r.body.nonce });
    expect(v.body.valid).toBe(true);
    expect(v.body.disclosed).toMatchObject({ holder_name: '张三', spouseName: '刘梅', registrationOffice: '澜州市明湖区民政局婚姻登记处' });
    expect(v.body.disclosed).not.toHaveProperty('holder_id');
    expect(v.body.disclosed).not.toHaveProperty('registeredOn');
    expect(JSON.stringify(v.body)).not.toContain(zhangsan.idNumber);

    const png = await zs.post(`/api/v1/licenses/wallet/${marriage.licenceId}/presentations`, { fields: ['holder_name'], qr: 'png' });
    expect(png.body.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(png.body).not.toHaveProperty('qrSvg');
    const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', marriage.licenceId).where('action', '=', 'license.presented').execute();
    expect(audit.length).toBe(2);
    expect(JSON.parse(audit[0].details!)).toMatchObject({ fields: ['holder_name', 'spouseName'], audience: 'https://bank.example/kyc', ttlSeconds: 300 });
    expect(await p.deps.db.selectFrom('outbox_events').select('type').where('type', '=', 'license.presented').execute()).toHaveLength(2);

    // the holder ends one early: the link stops working and verification says so
    expect((await zs.delete(`/api/v1/licenses/wallet/presentations/${r.body.id}`)).body).toEqual({ ok: true });
    expect((await p.anonymous().get(`/api/v1/licenses/presentations/${r.body.id}`)).body.error.code).toBe('licenses.presentation_expired');
    const after = await verify({ presentation: pub.body.presentation, audience: 'https://bank.example/kyc', nonce: r.body.nonce });
    expect(after.body).toMatchObject({ valid: false, failedChecks: ['presentation'] });
    expect((await (await p.login('lisi')).delete(`/api/v1/licenses/wallet/presentations/${png.body.id}`)).body.error.code).toBe('licenses.presentation_not_found');
  });

  it('are refused for a revoked licence', async () => {
    const oldCar = await held(zs, T.vehicle, 'revoked');
    const r = await zs.post(`/api/v1/licenses/wallet/${oldCar.licenceId}/presentations`, { fields: ['holder_name'] });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'licenses.not_presentable', details: { status: 'revoked' } });
  });
});

describe('revocation and suspension', () => {
  it('are done by the issuing department with a reason, audited, and seen by the next verification', async () => {
    const ls = await p.login('lisi');
    await actingFor(ls, XIANWEI.uscc);
    const food = await held(ls, T.food);
    const { created, pub } = await presentAndFetch(p, ls, food.licenceId, ['holder_name', 'premises']);
    const check = async () => (await verify({ presentation: pub.presentation })).body;
    expect(await check()).toMatchObject({ valid: true, licence: { status: 'valid' } });
    expect(created.audience).toBe(`${publicUrlOf(p.deps)}/api/v1/licenses/presentations/${created.id}`);

    const stranger = await p.login('yt_scjg_ck1');
    expect((await stranger.post(`/api/v1/licenses/${food.licenceId}/suspend`, { reason: '检查' })).body.error.code).toBe('licenses.not_issuer_staff');
    const officer = await p.login('mh_scjg_ck1');
    expect((await officer.post(`/api/v1/licenses/${food.licenceId}/suspend`, { reason: 'x' })).status).toBe(400); // reason too short
    const s = await officer.post(`/api/v1/licenses/${food.licenceId}/suspend`, { reason: '责令停业整改' });
    expect(s.body).toMatchObject({ status: 'suspended', statusReason: '责令停业整改' });
    const suspended = await check();
    expect(suspended).toMatchObject({ valid: false, failedChecks: ['status'], licence: { status: 'suspended' }, disclosed: {} });
    expect(suspended.checks.find((c: any) => c.check === 'status').message).toContain('suspended');
    expect((await officer.post(`/api/v1/licenses/${food.licenceId}/suspend`, { reason: '再次暂停' })).body.error.code).toBe('licenses.bad_transition');
    expect((await officer.post(`/api/v1/licenses/${food.licenceId}/reinstate`, { reason: '整改完成' })).body.status).toBe('valid');
    expect((await check()).valid).toBe(true);

    // the published status list says the same
    const code = dept('mh_scjg').uscc;
    const payload = decodeJws(pub.presentation.split('~')[0]).payload as { status: { status_list: { idx: number; uri: string } }; iss: string };
    const listPath = payload.status.status_list.uri.replace(/^https?:\/\/[^/]+/, '');
    const jwks = parseJwks((await p.anonymous().get(`/api/v1/licenses/issuers/${code}/jwks.json`)).body);
    const statusNow = async () => {
      const token = await (await p.anonymous().raw(listPath)).text();
      const v = await verifyStatusListToken(token, { resolveIssuerKey: (_i, kid) => jwks.get(kid!) ?? null, expectedUri: payload.status.status_list.uri, expectedIssuer: payload.iss, now: Date.now() / 1000 });
      return v.list.get(payload.status.status_list.idx);
    };
    expect(await statusNow()).toBe(0);
    const rv = await officer.post(`/api/v1/licenses/${food.licenceId}/revoke`, { reason: '以欺骗手段取得许可，依法撤销' });
    expect(rv.body.status).toBe('revoked');
    expect(await statusNow()).toBe(1);
    expect((await check())).toMatchObject({ valid: false, failedChecks: ['status'], licence: { status: 'revoked' } });
    expect((await officer.post(`/api/v1/licenses/${food.licenceId}/reinstate`, { reason: '撤回' })).body.error).toMatchObject({ code: 'licenses.bad_transition', details: { status: 'revoked' } });
    const audit = await p.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', food.licenceId).orderBy('seq').execute();
    expect(audit.map((a) => a.action).filter((a) => a !== 'license.presented')).toEqual(['license.issued', 'license.suspended', 'license.reinstated', 'license.revoked']);
    expect(JSON.parse(audit[audit.length - 1].details!)).toMatchObject({ from: 'valid', to: 'revoked', reason: '以欺骗手段取得许可，依法撤销' });
    const events = await p.deps.db.selectFrom('outbox_events').select('type').where('type', 'in', ['license.suspended', 'license.reinstated', 'license.revoked']).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['license.suspended', 'license.reinstated', 'license.revoked']));
    await flushVerificationLog(p.deps);
    const verified = await p.deps.db.selectFrom('license_verifications').select(['valid', 'failed_checks']).where('licence_id', '=', food.licenceId).orderBy('at').execute();
    expect(verified.map((v) => [v.valid, JSON.parse(v.failed_checks)])).toEqual([[1, []], [0, ['status']], [1, []], [0, ['status']]]);
  });
});

describe('signing keys', () => {
  it('rotate (to SM2-SM3 for 国密) without breaking the verification of older licences', async () => {
    const marriage = await held(zs, T.marriage);
    const before = await presentAndFetch(p, zs, marriage.licenceId, ['holder_name']);
    const code = dept('mh_mz').uscc;
    const cityAdmin = await p.login('lz_mz_gly');
    expect((await cityAdmin.post(`/api/v1/licenses/issuers/${code}/keys/rotate`, { alg: 'SM2-SM3' })).body.error.code).toBe('licenses.not_key_admin');
    const admin = await p.login('admin');
    const rotated = await admin.post(`/api/v1/licenses/issuers/${code}/keys/rotate`, { alg: 'SM2-SM3' });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toMatchObject({ alg: 'SM2-SM3', status: 'active' });
    const keys = (await admin.get(`/api/v1/licenses/issuers/${code}/keys`)).body.items;
    expect(keys.map((k: any) => `${k.alg}:${k.status}`).sort()).toEqual(['ES256:retired', 'SM2-SM3:active']);
    expect((await p.anonymous().get(`/api/v1/licenses/issuers/${code}/jwks.json`)).body.keys).toHaveLength(2);
    expect((await verify({ presentation: before.pub.presentation })).body.valid).toBe(true);
    // a licence issued now is signed with SM2-SM3, and verifies
    const officer = await p.login('mh_mz_ck1');
    const lm = (await import('../../demo/province-data.js')).demoPeople.find((x) => x.name === '周建国')!;
    const issued = await officer.post('/api/v1/licenses/issue', { typeCode: T.marriage, holder: { kind: 'person', idNumber: lm.idNumber, name: lm.name }, fields: { spouseName: '吴桂兰', spouseIdNumber: zhangsan.idNumber, registeredOn: '1968-05-01', registrationOffice: '澜州市明湖区民政局婚姻登记处' } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.alg).toBe('SM2-SM3');
    const row = await p.deps.db.selectFrom('licenses').select('credential').where('licence_id', '=', issued.body.licenceId).executeTakeFirstOrThrow();
    expect(decodeSdJwtVcUnverified(row.credential).header.alg).toBe('SM2-SM3');
  });
});

describe('licences standing in for materials', () => {
  it('finds the holder’s usable licences, and checks the chosen one (recording the use) or names the failed check', async () => {
    const usable = await findUsableLicences(p.deps, { kind: 'person', idNumber: zhangsan.idNumber }, [T.idCard, T.vehicle, T.business]);
    expect(usable.map((l) => l.typeCode).sort()).toEqual([T.idCard, T.vehicle].sort()); // the revoked car licence is not usable
    const idCard = usable.find((l) => l.typeCode === T.idCard)!;
    const actor = { ...systemActor('applications'), kind: 'citizen' as const, username: 'zhangsan' };
    const run = (input: Parameters<typeof verifyHeldLicenceForMaterial>[3]) => withTx(p.deps.db, (tx) => verifyHeldLicenceForMaterial(tx, p.deps, actor, input));
    const holder = { kind: 'person' as const, idNumber: zhangsan.idNumber };
    expect(await run({ licenceId: idCard.licenceId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), acceptableTypeCodes: [T.idCard], holder })).toMatchObject({ ok: false, check: 'licence_id' });
    expect(await run({ licenceId: idCard.licenceId, acceptableTypeCodes: [T.marriage], holder })).toMatchObject({ ok: false, check: 'type' });
    expect(await run({ licenceId: idCard.licenceId, acceptableTypeCodes: [T.idCard], holder: { kind: 'person', idNumber: lisi.idNumber } })).toMatchObject({ ok: false, check: 'holder' });
    const oldCar = await held(zs, T.vehicle, 'revoked');
    expect(await run({ licenceId: oldCar.licenceId, acceptableTypeCodes: [T.vehicle], holder })).toMatchObject({ ok: false, check: 'status' });
    const uses = async () => (await p.anonymous().get(`/api/v1/licenses/catalogue?typeCode=${T.idCard}`)).body.items[0].counts.uses;
    const before = await uses();
    const ok = await run({ licenceId: idCard.licenceId, acceptableTypeCodes: [T.idCard], holder, caseId: null, materialKey: 'applicant_id' });
    expect(ok).toMatchObject({ ok: true, licence: { licenceId: idCard.licenceId, typeName: '居民身份证', status: 'valid' } });
    expect(await uses()).toBe(before + 1);
  });
});

describe('发证用证清单', () => {
  // PostgreSQL keeps a raised counter row locked until commit: two filings using the same type of licence must not
  // queue on it (nor deadlock when they use two types in opposite orders). SQLite has one writer, nothing to show there.
  it.runIf(!!process.env.DATABASE_URL)('counts uses of one type from transactions open at once, without either waiting for the other', async () => {
    const total = async (code: string) => Number((await p.deps.db.selectFrom('license_type_counts').select((eb) => eb.fn.sum<number>('uses').as('n')).where('type_code', '=', code).executeTakeFirst())?.n ?? 0);
    const before = [await total(T.idCard), await total(T.business)];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const raised: string[] = [];
    const first = p.deps.db.transaction().execute(async (tx) => {
      await raiseTypeCounts(tx, 'postgres', T.idCard, { uses: 1 });
      await raiseTypeCounts(tx, 'postgres', T.business, { uses: 1 });
      raised.push('first');
      await held; // keeps both rows locked
    });
    while (raised.length === 0) await new Promise((r) => setTimeout(r, 5));
    // the other order, while the first holds its rows: finishes on its own (a single row per type would wait here)
    await p.deps.db.transaction().execute(async (tx) => {
      await raiseTypeCounts(tx, 'postgres', T.business, { uses: 1 });
      await raiseTypeCounts(tx, 'postgres', T.idCard, { uses: 1 });
    });
    release();
    await first;
    expect([await total(T.idCard), await total(T.business)]).toEqual([before[0] + 2, before[1] + 2]);
    // and a third finds an unlocked row again rather than adding one
    const rows = async () => (await p.deps.db.selectFrom('license_type_counts').select('shard').where('type_code', '=', T.idCard).execute()).length;
    const n = await rows();
    await p.deps.db.transaction().execute((tx) => raiseTypeCounts(tx, 'postgres', T.idCard, { uses: -1 }));
    expect(await rows()).toBe(n);
    expect(await total(T.idCard)).toBe(before[0] + 1);
    // no use was recorded: take the raises back, so that the list below still equals the rows
    await p.deps.db.transaction().execute(async (tx) => {
      await raiseTypeCounts(tx, 'postgres', T.business, { uses: -2 });
      await raiseTypeCounts(tx, 'postgres', T.idCard, { uses: -1 });
    });
    expect([await total(T.idCard), await total(T.business)]).toEqual(before);
  });

  it('lists which items issue each type and which materials it replaces, with counts; by region too', async () => {
    await flushVerificationLog(p.deps); // the log is written behind: counts include what has been written
    const all = await p.anonymous().get('/api/v1/licenses/catalogue');
    expect(all.status).toBe(200);
    const business = all.body.items.find((i: any) => i.code === T.business);
    expect(business).toMatchObject({ name: '营业执照', defined: true, holderKind: 'enterprise', definingDepartment: '云澜省市场监督管理局' });
    expect(business.issuedByItems.length).toBeGreaterThan(0);
    expect(business.acceptedForMaterials.length).toBeGreaterThan(0);
    expect(business.counts.issued).toBe(business.counts.valid + business.counts.revoked + business.counts.suspended);
    expect(business.counts.revoked).toBeGreaterThanOrEqual(1);
    const food = all.body.items.find((i: any) => i.code === T.food);
    expect(food.counts.verifications).toBeGreaterThanOrEqual(4);
    // the counts the log's batches kept equal the log itself, per type; and the migration's fill gives the same
    const fromLog = async () => new Map((await p.deps.db.selectFrom('license_verifications as v').innerJoin('licenses as l', 'l.id', 'v.license_pk')
      .select('l.type_code').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('l.type_code').execute()).map((r) => [r.type_code, Number(r.n)]));
    const listed = (body: any) => new Map(body.items.filter((i: any) => i.counts.verifications > 0).map((i: any) => [i.code, i.counts.verifications]));
    expect(listed(all.body)).toEqual(await fromLog());
    const kept = await p.deps.db.selectFrom('license_verification_counts').selectAll().orderBy('type_code').orderBy('day').execute();
    await p.deps.db.deleteFrom('license_verification_counts').execute();
    await fillVerificationCounts(p.deps.db, p.deps.dialect);
    expect((await p.deps.db.selectFrom('license_verification_counts').selectAll().orderBy('type_code').orderBy('day').execute()).map((r) => ({ ...r, verified: Number(r.verified), failed: Number(r.failed) })))
      .toEqual(kept.map((r) => ({ ...r, verified: Number(r.verified), failed: Number(r.failed) })));
    expect(kept.find((r) => r.type_code === T.food)).toMatchObject({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(Number(kept.filter((r) => r.type_code === T.food).reduce((a, r) => a + Number(r.failed), 0))).toBeGreaterThanOrEqual(2);
    // issued / valid / suspended / revoked / uses: kept by issuance, status changes and uses (the demo's and this
    // file's: a revoked car licence, a suspended and reinstated one, uses for materials), equal to counting the rows
    const recount = new Map<string, Record<string, number>>();
    const at = (code: string) => recount.get(code) ?? recount.set(code, { issued: 0, valid: 0, suspended: 0, revoked: 0, uses: 0 }).get(code)!;
    for (const r of await p.deps.db.selectFrom('licenses').select(['type_code', 'status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['type_code', 'status']).execute()) {
      at(r.type_code).issued += Number(r.n);
      at(r.type_code)[r.status] += Number(r.n);
    }
    for (const r of await p.deps.db.selectFrom('license_uses').select('type_code').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('type_code').execute()) at(r.type_code).uses = Number(r.n);
    expect([...recount.values()].some((c) => c.revoked > 0) && [...recount.values()].some((c) => c.uses > 0)).toBe(true);
    const countsOf = (body: any) => new Map(body.items.filter((i: any) => i.counts.issued + i.counts.uses > 0)
      .map((i: any) => [i.code, { issued: i.counts.issued, valid: i.counts.valid, suspended: i.counts.suspended, revoked: i.counts.revoked, uses: i.counts.uses }]));
    expect(countsOf(all.body)).toEqual(recount);
    // and the migration's fill, from the rows alone, gives the same list
    await p.deps.db.deleteFrom('license_type_counts').execute();
    await fillTypeCounts(p.deps.db);
    expect(countsOf((await p.anonymous().get('/api/v1/licenses/catalogue')).body)).toEqual(recount);
    const qc = await p.anonymous().get('/api/v1/licenses/catalogue?regionCode=390200');
    expect(qc.body.items.every((i: any) => [...i.issuedByItems, ...i.acceptedForMaterials].every((x: any) => x.regionCode.startsWith('3902')))).toBe(true);
  });
});
