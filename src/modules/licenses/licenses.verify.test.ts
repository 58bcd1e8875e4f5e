import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { manualClock } from '../../platform/clock.js';
import { createSigner, decodeJws, generateSigningJwk, jwkThumbprint, toPublicJwk } from '../../platform/crypto/jws.js';
import { decodeSdJwtVcUnverified, issueSdJwtVc, presentSdJwtVc } from '../../platform/crypto/sd-jwt.js';
import { openHolderKey } from './use-cases/issue.js';
import { signerFor } from './use-cases/runtime.js';
import { T, dept, presentAndFetch, wangwu, zhangsan } from './testing/helpers.js';
import { flushVerificationLog } from './use-cases/verify.js';

/**
 * Verification of bad input: each failed verification names exactly the checks that failed, and only those; a
 * check that could not run is reported as not checked (null). Every verification is logged.
 */

const clock = manualClock(new Date());
let p: TestPlatform;
let zs: Client;
let verifications = 0;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
  zs = await p.login('zhangsan');
});
afterAll(async () => p?.close());

async function verify(body: Record<string, unknown>) {
  const r = await p.anonymous().post('/api/v1/licenses/verify', body);
  if (r.status === 200) verifications++;
  return r;
}
const nowSec = () => Math.floor(clock.nowMs() / 1000);
const held = async (typeCode: string, status = 'valid') => (await zs.get('/api/v1/licenses/wallet')).body.items.find((i: any) => i.typeCode === typeCode && i.status === status);
const credentialOf = async (licenceId: string) => (await p.deps.db.selectFrom('licenses').select('credential').where('licence_id', '=', licenceId).executeTakeFirstOrThrow()).credential;
const holderKey = (idNumber: string) => openHolderKey(p.deps, p.deps.db, `person:${idNumber}`);
const checkOf = (body: any, check: string) => body.checks.find((c: any) => c.check === check);

/** A presentation made with the holder's key directly (what a wallet outside this platform would send). */
async function presentDirect(credential: string, idNumber: string, disclose: string[], nonce = 'verifier-nonce-1', aud = 'https://verifier.example') {
  return presentSdJwtVc({ sdJwt: credential, disclose, holderKey: await holderKey(idNumber), nonce, aud, iat: nowSec() });
}

describe('a good presentation', () => {
  it('passes every check and shows only what the holder chose', async () => {
    const marriage = await held(T.marriage);
    const { created, pub } = await presentAndFetch(p, zs, marriage.licenceId, ['spouseName']);
    const v = await verify({ presentation: pub.presentation });
    expect(v.status).toBe(200);
    expect(v.body.valid).toBe(true);
    expect(v.body.failedChecks).toEqual([]);
    expect(v.body.checks.map((c: any) => [c.check, c.ok])).toEqual([
      ['format', true], ['issuer_trust', true], ['signature', true], ['disclosure', true], ['licence_id', true], ['validity', true], ['status', true],
      ['holder_binding', true], ['nonce', true], ['audience', true], ['presentation', true],
    ]);
    expect(v.body.issuer).toMatchObject({ name: dept('mh_mz').name, code: dept('mh_mz').uscc, region: '390102', trusted: true });
    expect(v.body.licence).toMatchObject({ typeName: '结婚证', licenceId: marriage.licenceId, status: 'valid', validTo: null });
    expect(v.body.disclosed.spouseName).toBe('刘梅');
    expect(v.body.disclosed).not.toHaveProperty('holder_name');
    expect(v.body.fields.map((f: any) => f.key).sort()).toEqual(['registrationOffice', 'spouseName']);
    // with the audience and nonce given explicitly, the same
    expect((await verify({ presentation: pub.presentation, audience: created.audience, nonce: created.nonce })).body.valid).toBe(true);
  });
});

describe('bad input: each failed check is named', () => {
  it('refuses a malformed request with 400, and reads garbage as a format failure', async () => {
    expect((await verify({})).status).toBe(400);
    expect((await verify({ presentation: 42 })).status).toBe(400);
    expect((await verify({ presentation: 'x', extra: true })).status).toBe(400);
    const g = await verify({ presentation: 'not-an-sd-jwt', nonce: 'n', audience: 'a' });
    expect(g.status).toBe(200);
    expect(g.body).toMatchObject({ valid: false, failedChecks: ['format'], issuer: null, licence: null, disclosed: {} });
    expect(checkOf(g.body, 'signature').ok).toBeNull();
    expect(checkOf(g.body, 'status').ok).toBeNull();
  });

  it('tampered disclosures fail the disclosure check (and the holder binding over them)', async () => {
    const marriage = await held(T.marriage);
    const { pub } = await presentAndFetch(p, zs, marriage.licenceId, ['spouseName', 'holder_name']);
    const parts = pub.presentation.split('~');
    const i = parts.findIndex((d: string, k: number) => k > 0 && k < parts.length - 1 && Buffer.from(d, 'base64url').toString().includes('刘梅'));
    const [salt, name] = JSON.parse(Buffer.from(parts[i], 'base64url').toString());
    parts[i] = Buffer.from(JSON.stringify([salt, name, '别人'])).toString('base64url');
    // (an altered presentation is not the one this deployment made: the verifier passes what came with the link)
    const v = await verify({ presentation: parts.join('~'), nonce: pub.nonce, audience: pub.audience });
    expect(v.body.valid).toBe(false);
    expect(v.body.failedChecks.sort()).toEqual(['disclosure', 'holder_binding']);
    expect(v.body.disclosed).toEqual({});
    expect(JSON.stringify(v.body)).not.toContain('别人');
  });

  it('a tampered issuer signature or payload fails the signature check, and the status list is not consulted', async () => {
    const marriage = await held(T.marriage);
    const { pub } = await presentAndFetch(p, zs, marriage.licenceId, ['spouseName']);
    const [jwt, ...rest] = pub.presentation.split('~');
    const [h, pl, sig] = jwt.split('.');
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    const badSig = await verify({ presentation: [`${h}.${pl}.${flipped}`, ...rest].join('~'), nonce: pub.nonce, audience: pub.audience });
    expect(badSig.body.failedChecks.sort()).toEqual(['holder_binding', 'signature']); // the KB-JWT's sd_hash covers the issuer JWT too
    expect(checkOf(badSig.body, 'status').ok).toBeNull();
    const payload = JSON.parse(Buffer.from(pl, 'base64url').toString());
    payload.licence_name = '离婚证';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const cred = [forged, ...rest.slice(0, -1)].join('~') + '~';
    const rebound = await presentSdJwtVc({ sdJwt: cred, disclose: ['spouseName'], holderKey: await holderKey(zhangsan.idNumber), nonce: 'n1', aud: 'a1', iat: nowSec() });
    const v = await verify({ presentation: rebound, nonce: 'n1', audience: 'a1' });
    expect(v.body.failedChecks).toEqual(['signature']);
  });

  it('a wrong audience or nonce fails exactly that check; none given and none known is said so', async () => {
    const marriage = await held(T.marriage);
    const { pub } = await presentAndFetch(p, zs, marriage.licenceId, ['spouseName'], { audience: 'https://bank.example' });
    expect((await verify({ presentation: pub.presentation, audience: 'https://other.example' })).body.failedChecks).toEqual(['audience']);
    expect((await verify({ presentation: pub.presentation, nonce: 'guessed' })).body.failedChecks).toEqual(['nonce']);
    const direct = await presentDirect(await credentialOf(marriage.licenceId), zhangsan.idNumber, ['spouseName']);
    const unknown = await verify({ presentation: direct });
    expect(unknown.body.failedChecks.sort()).toEqual(['audience', 'nonce']);
    expect(checkOf(unknown.body, 'nonce').message).toContain('no nonce to check against');
    expect(checkOf(unknown.body, 'presentation').ok).toBeNull();
    expect((await verify({ presentation: direct, nonce: 'verifier-nonce-1', audience: 'https://verifier.example' })).body.valid).toBe(true);
  });

  it('a presentation without key binding, or bound by someone else’s key, fails the holder binding', async () => {
    const marriage = await held(T.marriage);
    const cred = await credentialOf(marriage.licenceId);
    const direct = await presentDirect(cred, zhangsan.idNumber, ['spouseName']);
    const noKb = direct.slice(0, direct.lastIndexOf('~') + 1);
    const v = await verify({ presentation: noKb, nonce: 'verifier-nonce-1', audience: 'https://verifier.example' });
    expect(v.body.failedChecks).toEqual(['holder_binding']);
    expect(checkOf(v.body, 'nonce').ok).toBeNull();
    const other = await presentSdJwtVc({ sdJwt: cred, disclose: ['spouseName'], holderKey: await holderKey(wangwu.idNumber).catch(async () => generateSigningJwk()), nonce: 'n', aud: 'a', iat: nowSec() });
    expect((await verify({ presentation: other, nonce: 'n', audience: 'a' })).body.failedChecks).toEqual(['holder_binding']);
  });

  it('an unknown issuer fails issuer trust; its signature and status are not checked', async () => {
    const rogue = generateSigningJwk();
    const holder = generateSigningJwk();
    const iss = 'https://rogue.example/api/v1/licenses/issuers/11390102064679577C';
    const cred = await issueSdJwtVc({
      issuer: iss, vct: 'urn:tongban:licence-type:' + T.marriage, signer: createSigner(rogue, jwkThumbprint(rogue)), holderJwk: toPublicJwk(holder),
      claims: { licence_id: '1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.Y', licence_type_code: '11100000000013338W011', issuer_code: '11110000000021135M', licence_name: '结婚证', holder_name: '张三' },
      disclosable: ['holder_name'], status: { idx: 1, uri: `${iss}/status/1` }, iat: nowSec() - 10,
    });
    const pres = await presentSdJwtVc({ sdJwt: cred, disclose: ['holder_name'], holderKey: holder, nonce: 'n', aud: 'a', iat: nowSec() });
    const v = await verify({ presentation: pres, nonce: 'n', audience: 'a' });
    expect(v.body.failedChecks).toEqual(['issuer_trust']);
    expect(checkOf(v.body, 'issuer_trust').message).toContain('neither a department of this deployment nor of a trusted deployment');
    expect(checkOf(v.body, 'signature').ok).toBeNull();
    expect(checkOf(v.body, 'status').ok).toBeNull();
    expect(v.body.issuer).toMatchObject({ trusted: false, iss });
  });

  it('a licence identifier with a wrong check character fails the licence_id check, even under a genuine signature', async () => {
    const marriage = await held(T.marriage);
    const cred = await credentialOf(marriage.licenceId);
    const { claims } = decodeSdJwtVcUnverified(cred);
    const payload = decodeJws(cred.split('~')[0]).payload as Record<string, any>;
    const { iss, iat, nbf, cnf, status, vct, _sd: _a, _sd_alg: _b, ...rest } = claims as Record<string, any>;
    const wrong = marriage.licenceId.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    const signer = await signerFor(p.deps, dept('mh_mz').uscc);
    const forged = await issueSdJwtVc({
      issuer: iss, vct, signer, holderJwk: cnf.jwk, claims: { ...rest, licence_id: wrong }, disclosable: ['holder_name', 'holder_id', 'spouseName', 'registeredOn'],
      status: { idx: status.status_list.idx, uri: status.status_list.uri }, iat, nbf,
    });
    expect(payload.iss).toBe(iss);
    const pres = await presentSdJwtVc({ sdJwt: forged, disclose: ['spouseName'], holderKey: await holderKey(zhangsan.idNumber), nonce: 'n', aud: 'a', iat: nowSec() });
    const v = await verify({ presentation: pres, nonce: 'n', audience: 'a' });
    expect(v.body.failedChecks).toEqual(['licence_id']);
    expect(checkOf(v.body, 'licence_id').message).toMatch(/wrong check character \(expected [0-9A-Z]\)/);
  });

  it('a revoked licence fails the status check, even presented from outside the wallet', async () => {
    const oldCar = await held(T.vehicle, 'revoked');
    const pres = await presentDirect(await credentialOf(oldCar.licenceId), zhangsan.idNumber, ['holder_name'], 'n', 'a');
    const v = await verify({ presentation: pres, nonce: 'n', audience: 'a' });
    expect(v.body).toMatchObject({ valid: false, failedChecks: ['status'], licence: { status: 'revoked', typeName: '机动车行驶证' } });
    expect(checkOf(v.body, 'status').message).toContain('revoked');
  });

  it('an expired presentation fails the presentation check; a long-expired one the holder binding too', async () => {
    const marriage = await held(T.marriage);
    const { pub } = await presentAndFetch(p, zs, marriage.licenceId, ['spouseName'], { ttlSeconds: 120 });
    clock.advance(121_000);
    const v = await verify({ presentation: pub.presentation, nonce: pub.nonce, audience: pub.audience });
    expect(v.body.failedChecks).toEqual(['presentation']);
    expect(checkOf(v.body, 'presentation').message).toContain('expired');
    expect((await p.anonymous().get(`/api/v1/licenses/presentations/${pub.id}`)).body.error.code).toBe('licenses.presentation_expired');
    clock.advance(2 * 3600_000);
    expect((await verify({ presentation: pub.presentation, nonce: pub.nonce, audience: pub.audience })).body.failedChecks).toEqual(['holder_binding', 'presentation']);
    zs = await p.login('zhangsan'); // the session idled out
  });

  it('a licence past its end date, or before its start, fails the validity check', async () => {
    const ww = await p.login('wangwu');
    const permit = (await ww.get('/api/v1/licenses/wallet')).body.items.find((i: any) => i.typeName === '居住证');
    const cred = await credentialOf(permit.licenceId);
    const saved = clock.nowMs();
    clock.set(new Date(Date.parse(`${permit.validTo}T16:00:00Z`) + 86400_000 * 2)); // two days after the end (China time)
    const late = await presentDirect(cred, wangwu.idNumber, ['holder_name'], 'n', 'a');
    const v = await verify({ presentation: late, nonce: 'n', audience: 'a' });
    expect(v.body.failedChecks).toEqual(['validity']);
    expect(checkOf(v.body, 'validity').message).toContain('expired');
    clock.set(new Date(saved));
    const officer = await p.login('mh_mz_ck1');
    const later = new Date(clock.nowMs() + 30 * 86400_000).toISOString().slice(0, 10);
    const lm = (await import('../../demo/province-data.js')).demoPeople.find((x) => x.name === '何俊')!;
    const issued = await officer.post('/api/v1/licenses/issue', { typeCode: T.marriage, holder: { kind: 'person', idNumber: lm.idNumber, name: lm.name }, validFrom: later, fields: { spouseName: '谢雨桐', spouseIdNumber: zhangsan.idNumber, registeredOn: later, registrationOffice: '澜州市云台区民政局婚姻登记处' } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const early = await presentDirect(await credentialOf(issued.body.licenceId), lm.idNumber, ['spouseName'], 'n', 'a');
    const e = await verify({ presentation: early, nonce: 'n', audience: 'a' });
    expect(e.body.failedChecks).toEqual(['validity']);
    expect(checkOf(e.body, 'validity').message).toContain('not valid before');
  });
});

describe('the verification log', () => {
  it('has one entry per verification, with the result, the failed checks and where it came from', async () => {
    // written behind (within a few milliseconds): the rows of every verification so far appear without being asked
    await expect.poll(async () => (await p.deps.db.selectFrom('license_verifications').select('id').execute()).length, { timeout: 2000 }).toBe(verifications);
    await flushVerificationLog(p.deps);
    const rows = await p.deps.db.selectFrom('license_verifications').selectAll().orderBy('at').execute();
    expect(rows.length).toBe(verifications);
    expect(rows.every((r) => r.ip === '127.0.0.1' && typeof r.request_id === 'string')).toBe(true);
    expect(rows.filter((r) => r.valid === 1).length).toBeGreaterThanOrEqual(3);
    const failed = rows.filter((r) => r.valid === 0);
    expect(failed.every((r) => JSON.parse(r.failed_checks).length > 0 && r.message)).toBe(true);
    expect(new Set(failed.flatMap((r) => JSON.parse(r.failed_checks)))).toEqual(new Set(['format', 'disclosure', 'holder_binding', 'signature', 'audience', 'nonce', 'issuer_trust', 'licence_id', 'status', 'presentation', 'validity']));
    const events = await p.deps.db.selectFrom('outbox_events').select('type').where('type', '=', 'license.verified').execute();
    expect(events.length).toBe(rows.filter((r) => r.valid === 1).length);
  });
});
