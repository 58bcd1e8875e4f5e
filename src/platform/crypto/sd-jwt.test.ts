import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SDJwtInstance } from '@sd-jwt/core';
import { compactVerify, importJWK } from 'jose';
import {
  HolderKeyCache,
  createSigner,
  createVerifier,
  decodeJws,
  generateSigningJwk,
  jwkThumbprint,
  signJws,
  toPublicJwk,
  type EcPrivateJwk,
  type JwsSigner,
  type JwsVerifier,
} from './jws.js';
import {
  decodeSdJwtVcUnverified,
  disclosablePaths,
  issueSdJwtVc,
  presentSdJwtVc,
  verifySdJwtVc,
  type VerificationCheck,
  type VerifySdJwtVcOptions,
} from './sd-jwt.js';

const ISSUER = 'https://gov.example/dept/11110000000021135M';
const VCT = 'https://gov.example/licence-types/11100000000013338W011';
const NOW = 1_780_000_000; // seconds
const NONCE = 'n-0S6_WzA2Mj';
const AUD = 'https://verifier.gov.example';

function keyPair(alg: 'ES256' | 'SM2-SM3' = 'ES256') {
  const priv = generateSigningJwk(alg);
  const kid = jwkThumbprint(priv);
  return { priv, kid, signer: createSigner(priv, kid), verifier: createVerifier(toPublicJwk(priv), { kid }) };
}

const issuerKey = keyPair();
const holder = keyPair();

const claims = {
  licence_id: '1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.Y',
  licence_name: '食品经营许可证',
  holder_name: '张三',
  holder_id_number: '110101199003070019',
  holder_id_type: '111',
  address: { province: '北京市', street: '东长安街1号' },
  region: '110101',
};
const DISCLOSABLE = ['holder_name', 'holder_id_number', 'address', 'address.street'];

async function issue(overrides: Partial<Parameters<typeof issueSdJwtVc>[0]> = {}) {
  return issueSdJwtVc({
    issuer: ISSUER,
    vct: VCT,
    claims,
    disclosable: DISCLOSABLE,
    signer: issuerKey.signer,
    holderJwk: toPublicJwk(holder.priv),
    status: { idx: 42, uri: 'https://gov.example/status/1' },
    iat: NOW - 86_400,
    nbf: NOW - 86_400,
    exp: NOW + 365 * 86_400,
    ...overrides,
  });
}

async function present(sdJwt: string, disclose = ['holder_name', 'address.street'], key: EcPrivateJwk | JwsSigner = holder.priv, extra: { nonce?: string; aud?: string; iat?: number } = {}) {
  return presentSdJwtVc({ sdJwt, disclose, holderKey: key, nonce: extra.nonce ?? NONCE, aud: extra.aud ?? AUD, iat: extra.iat ?? NOW });
}

const statuses = new Map<number, number>();
function options(over: Partial<VerifySdJwtVcOptions> = {}): VerifySdJwtVcOptions {
  return {
    resolveIssuerKey: (iss, kid) => (iss === ISSUER && kid === issuerKey.kid ? issuerKey.verifier : null),
    expectedNonce: NONCE,
    expectedAud: AUD,
    now: NOW,
    statusCheck: (ref, iss) => {
      if (iss !== ISSUER || ref.uri !== 'https://gov.example/status/1') throw new Error('unknown list');
      return statuses.get(ref.idx) ?? 0;
    },
    holderKeys: new HolderKeyCache(),
    ...over,
  };
}

async function checks(presentation: string, over: Partial<VerifySdJwtVcOptions> = {}): Promise<VerificationCheck[]> {
  const r = await verifySdJwtVc(presentation, options(over));
  return r.failures.map((f) => f.check).sort();
}

/** A KB-JWT over exactly `withoutKb` (which ends in "~"), signed by `signer`: what a (dishonest) holder can make. */
function keyBinding(withoutKb: string, signer: JwsSigner, payload: Record<string, unknown> = {}): string {
  const sdHash = createHash('sha256').update(withoutKb).digest('base64url');
  return withoutKb + signJws({ typ: 'kb+jwt' }, { iat: NOW, aud: AUD, nonce: NONCE, sd_hash: sdHash, ...payload }, signer);
}

function split(presentation: string) {
  const parts = presentation.split('~');
  return { jwt: parts[0], disclosures: parts.slice(1, -1), kb: parts[parts.length - 1] };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('issueSdJwtVc', () => {
  it('makes a dc+sd-jwt whose payload hides every disclosable field', async () => {
    const sdJwt = await issue();
    expect(sdJwt.endsWith('~')).toBe(true);
    const { header, payload } = decodeJws(sdJwt.split('~')[0]);
    expect(header).toEqual({ typ: 'dc+sd-jwt', alg: 'ES256', kid: issuerKey.kid });
    expect(payload).toMatchObject({
      iss: ISSUER,
      vct: VCT,
      iat: NOW - 86_400,
      nbf: NOW - 86_400,
      exp: NOW + 365 * 86_400,
      cnf: { jwk: toPublicJwk(holder.priv) },
      status: { status_list: { idx: 42, uri: 'https://gov.example/status/1' } },
      licence_name: '食品经营许可证',
      _sd_alg: 'sha-256',
    });
    const text = Buffer.from(sdJwt.split('~')[0].split('.')[1], 'base64url').toString();
    for (const secret of ['张三', '110101199003070019', '东长安街', 'holder_name', 'holder_id_number']) expect(text).not.toContain(secret);
    expect((payload._sd as string[]).length).toBe(3);
    expect(await disclosablePaths(sdJwt)).toEqual(['address', 'address.street', 'holder_id_number', 'holder_name']);
  });

  it('is verified by jose (issuer JWT) and by @sd-jwt/core (whole presentation)', async () => {
    const sdJwt = await issue();
    await compactVerify(sdJwt.split('~')[0], await importJWK(toPublicJwk(issuerKey.priv), 'ES256'));
    const presentation = await present(sdJwt);
    const verifierFn = (v: JwsVerifier) => (data: string, sig: string) => v.verify(data, Buffer.from(sig, 'base64url'));
    const lib = new SDJwtInstance<Record<string, unknown>>({
      hasher: (data) => createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest(),
      verifier: verifierFn(issuerKey.verifier),
      kbVerifier: verifierFn(holder.verifier),
    });
    const out = await lib.verify(presentation, { keyBindingNonce: NONCE, currentDate: NOW });
    expect(out.payload).toMatchObject({ holder_name: '张三', address: { street: '东长安街1号' } });
    expect(out.payload).not.toHaveProperty('holder_id_number');
  });

  it('refuses reserved claims, unknown disclosable paths and a missing kid', async () => {
    await expect(issue({ claims: { ...claims, iss: 'x' } })).rejects.toThrow(/set by the issuer/);
    await expect(issue({ disclosable: ['nickname'] })).rejects.toThrow(/not in the claims/);
    await expect(issue({ disclosable: ['address.zip'] })).rejects.toThrow(/not in the claims/);
    await expect(issue({ disclosable: ['cnf'] })).rejects.toThrow(/cannot be selectively disclosable/);
    await expect(issue({ signer: createSigner(issuerKey.priv) })).rejects.toThrow(/kid/);
    await expect(issue({ exp: NOW - 86_400 * 2 })).rejects.toThrow(/exp/);
  });
});

describe('presentSdJwtVc + verifySdJwtVc', () => {
  it('accepts an honest presentation and returns only what was disclosed', async () => {
    const presentation = await present(await issue());
    const r = await verifySdJwtVc(presentation, options());
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({ issuer: ISSUER, kid: issuerKey.kid, vct: VCT, status: 0 });
    expect(r.claims).toMatchObject({ holder_name: '张三', address: { province: '北京市', street: '东长安街1号' }, licence_name: '食品经营许可证' });
    expect(r.claims).not.toHaveProperty('holder_id_number');
    expect(r.claims).not.toHaveProperty('_sd');
    expect(r.claims).not.toHaveProperty('_sd_alg');
    expect((r.claims!.address as Record<string, unknown>)._sd).toBeUndefined();
    expect(r.disclosed!.sort()).toEqual(['address', 'address.street', 'holder_name']);
  });

  it('discloses nothing personal when asked for nothing', async () => {
    const r = await verifySdJwtVc(await present(await issue(), []), options());
    expect(r.ok).toBe(true);
    expect(r.claims).not.toHaveProperty('holder_name');
    expect(r.claims).not.toHaveProperty('address');
    expect(r.disclosed).toEqual([]);
  });

  it('works with decoys and with an SM2 issuer key', async () => {
    const sm2Issuer = keyPair('SM2-SM3');
    const sdJwt = await issue({ signer: sm2Issuer.signer, decoys: 3 });
    expect(decodeJws(sdJwt.split('~')[0]).header.alg).toBe('SM2-SM3');
    const r = await verifySdJwtVc(await present(sdJwt), options({ resolveIssuerKey: () => sm2Issuer.verifier }));
    expect(r.failures).toEqual([]);
  });

  it('refuses to present a claim the credential cannot disclose', async () => {
    await expect(present(await issue(), ['licence_name'])).rejects.toThrow(/not a disclosable claim/);
  });

  it('reports a holder-altered disclosure (re-bound by the holder) as disclosure only', async () => {
    const presentation = await present(await issue());
    const { jwt, disclosures } = split(presentation);
    const i = disclosures.findIndex((d) => Buffer.from(d, 'base64url').toString().includes('holder_name'));
    const [salt] = JSON.parse(Buffer.from(disclosures[i], 'base64url').toString());
    disclosures[i] = b64([salt, 'holder_name', '李四']);
    const forged = keyBinding(`${jwt}~${disclosures.join('~')}~`, holder.signer);
    const r = await verifySdJwtVc(forged, options());
    expect(r.failures.map((f) => f.check)).toEqual(['disclosure']);
    expect(r.failures[0].message).toMatch(/holder_name.*does not match any digest/);
    expect(r.claims).toBeUndefined();
  });

  it('reports an altered disclosure after binding as disclosure and holder binding (sd_hash)', async () => {
    const presentation = await present(await issue());
    const { jwt, disclosures, kb } = split(presentation);
    disclosures[0] = b64(['salt', 'holder_name', '李四']);
    expect(await checks(`${jwt}~${disclosures.join('~')}~${kb}`)).toEqual(['disclosure', 'holder_binding']);
  });

  it('reports a dropped disclosure after binding as holder binding only', async () => {
    const { jwt, disclosures, kb } = split(await present(await issue()));
    expect(await checks(`${jwt}~${disclosures.slice(1).join('~')}~${kb}`)).toEqual(['holder_binding']);
  });

  it('reports repeated and malformed disclosures', async () => {
    const { jwt, disclosures } = split(await present(await issue()));
    const repeated = keyBinding(`${jwt}~${[...disclosures, disclosures[0]].join('~')}~`, holder.signer);
    expect(await checks(repeated)).toEqual(['disclosure']);
    const malformed = keyBinding(`${jwt}~${[...disclosures, b64({ a: 1 })].join('~')}~`, holder.signer);
    expect(await checks(malformed)).toEqual(['disclosure']);
    const reserved = keyBinding(`${jwt}~${[...disclosures, b64(['s', '_sd', 1])].join('~')}~`, holder.signer);
    expect(await checks(reserved)).toEqual(['disclosure']);
  });

  it('reports a selectively disclosable exp (which validity checks could not see) as disclosure', async () => {
    const { jwt, disclosures } = split(await present(await issue()));
    const { exp, ...payload } = decodeJws(jwt).payload;
    const expDisclosure = b64(['c2FsdHNhbHQ', 'exp', exp]);
    const digest = createHash('sha256').update(expDisclosure).digest('base64url');
    const hidden = signJws({ typ: 'dc+sd-jwt', kid: issuerKey.kid }, { ...payload, _sd: [...(payload._sd as string[]), digest] }, issuerKey.signer);
    const r = await verifySdJwtVc(keyBinding(`${hidden}~${[...disclosures, expDisclosure].join('~')}~`, holder.signer), options());
    expect(r.failures).toEqual([{ check: 'disclosure', message: expect.stringMatching(/"exp", which must not be selectively disclosable/) }]);
  });

  it('reports a digest the issuer signed twice', async () => {
    const { jwt, disclosures } = split(await present(await issue()));
    const payload = decodeJws(jwt).payload;
    const sd = payload._sd as string[];
    const twice = signJws({ typ: 'dc+sd-jwt', kid: issuerKey.kid }, { ...payload, _sd: [...sd, sd[0]] }, issuerKey.signer);
    const r = await verifySdJwtVc(keyBinding(`${twice}~${disclosures.join('~')}~`, holder.signer), options());
    expect(r.failures).toEqual([{ check: 'disclosure', message: expect.stringMatching(/appears more than once/) }]);
  });

  it('reports a wrong nonce and a wrong audience separately', async () => {
    const sdJwt = await issue();
    expect(await checks(await present(sdJwt, undefined, undefined, { nonce: 'old-nonce' }))).toEqual(['nonce']);
    expect(await checks(await present(sdJwt, undefined, undefined, { aud: 'https://other.example' }))).toEqual(['audience']);
  });

  it('reports expired and not-yet-valid credentials as validity', async () => {
    const expired = await issue({ iat: NOW - 400 * 86_400, nbf: NOW - 400 * 86_400, exp: NOW - 86_400 });
    const r = await verifySdJwtVc(await present(expired), options());
    expect(r.failures).toEqual([{ check: 'validity', message: expect.stringMatching(/^expired at/) }]);
    const future = await issue({ nbf: NOW + 86_400 });
    const f = await verifySdJwtVc(await present(future), options());
    expect(f.failures).toEqual([{ check: 'validity', message: expect.stringMatching(/^not valid before/) }]);
    // within the clock skew it still passes
    expect(await checks(await present(await issue({ nbf: NOW + 30 })))).toEqual([]);
  });

  it('reports an unknown issuer or kid as issuer trust (and does not consult the status list)', async () => {
    let statusAsked = false;
    const presentation = await present(await issue());
    const r = await verifySdJwtVc(presentation, options({ resolveIssuerKey: () => null, statusCheck: () => ((statusAsked = true), 0) }));
    expect(r.failures.map((f) => f.check)).toEqual(['issuer_trust']);
    expect(statusAsked).toBe(false);
    const stranger = keyPair();
    const foreign = await present(await issue({ signer: stranger.signer }));
    expect(await checks(foreign)).toEqual(['issuer_trust']);
    expect(await checks(presentation, { resolveIssuerKey: async () => undefined })).toEqual(['issuer_trust']);
    const down = await verifySdJwtVc(presentation, options({ resolveIssuerKey: () => Promise.reject(new Error('JWKS unreachable')) }));
    expect(down.failures).toEqual([{ check: 'issuer_trust', message: expect.stringMatching(/JWKS unreachable/) }]);
  });

  it('reports a changed issuer-signed payload as signature', async () => {
    const { jwt, disclosures } = split(await present(await issue()));
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.exp += 10 * 365 * 86_400;
    const tampered = keyBinding(`${h}.${b64(payload)}.${s}~${disclosures.join('~')}~`, holder.signer);
    expect(await checks(tampered)).toEqual(['signature']);
    // A token signed by the right key but naming another alg is a signature failure too.
    const other = keyPair();
    const resigned = signJws({ typ: 'dc+sd-jwt', kid: issuerKey.kid }, payload, other.signer);
    expect(await checks(keyBinding(`${resigned}~${disclosures.join('~')}~`, holder.signer))).toEqual(['signature']);
  });

  it('reports a presentation by someone else, without a KB-JWT, or with a stale one as holder binding', async () => {
    const sdJwt = await issue();
    const thief = keyPair();
    expect(await checks(await present(sdJwt, undefined, thief.priv))).toEqual(['holder_binding']);
    const { jwt, disclosures } = split(await present(sdJwt));
    expect(await checks(`${jwt}~${disclosures.join('~')}~`)).toEqual(['holder_binding']);
    expect(await checks(await present(sdJwt, undefined, undefined, { iat: NOW - 3600 }))).toEqual(['holder_binding']);
    const wrongTyp = `${jwt}~${disclosures.join('~')}~`;
    const sdHash = createHash('sha256').update(wrongTyp).digest('base64url');
    const kbJwt = signJws({ typ: 'JWT' }, { iat: NOW, aud: AUD, nonce: NONCE, sd_hash: sdHash }, holder.signer);
    expect(await checks(wrongTyp + kbJwt)).toEqual(['holder_binding']);
  });

  it('reports revoked, suspended and unknown status as status', async () => {
    const presentation = await present(await issue({ status: { idx: 7, uri: 'https://gov.example/status/1' } }));
    statuses.set(7, 1);
    let r = await verifySdJwtVc(presentation, options());
    expect(r.failures).toEqual([{ check: 'status', message: expect.stringMatching(/revoked/) }]);
    statuses.set(7, 2);
    r = await verifySdJwtVc(presentation, options());
    expect(r.failures).toEqual([{ check: 'status', message: expect.stringMatching(/suspended/) }]);
    expect(r.status).toBe(2);
    statuses.delete(7);
    expect(await checks(presentation)).toEqual([]);
    expect(await checks(presentation, { statusCheck: async () => Promise.reject(new Error('list unreachable')) })).toEqual(['status']);
    expect(await checks(presentation, { statusCheck: undefined })).toEqual(['status']);
    const noStatus = await present(await issue({ status: undefined }));
    expect(await checks(noStatus)).toEqual(['status']);
    expect(await checks(noStatus, { requireStatus: false })).toEqual([]);
  });

  it('reports several independent problems together', async () => {
    const expired = await issue({ iat: NOW - 400 * 86_400, nbf: NOW - 400 * 86_400, exp: NOW - 86_400 });
    const presentation = await present(expired, undefined, undefined, { nonce: 'x', aud: 'y' });
    expect(await checks(presentation)).toEqual(['audience', 'nonce', 'validity']);
  });

  it('lists the failures in the order of the checks, though the two signatures are checked side by side', async () => {
    const { jwt, disclosures } = split(await present(await issue()));
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.exp = NOW - 86_400;
    const thief = keyPair();
    const both = keyBinding(`${h}.${b64(payload)}.${s}~${disclosures.join('~')}~`, thief.signer, { nonce: 'x' });
    const r = await verifySdJwtVc(both, options());
    expect(r.failures.map((f) => f.check)).toEqual(['signature', 'validity', 'holder_binding', 'nonce']);
    expect(r.failures[2].message).toMatch(/not signed by the holder key/);
    // an honest key-binding signature over other disclosures than those presented: the sd_hash, in the same place
    const honest = split(await present(await issue()));
    const rebound = `${honest.jwt}~${honest.disclosures.slice(1).join('~')}~${honest.kb}`;
    const r2 = await verifySdJwtVc(rebound, options({ expectedAud: 'other' }));
    expect(r2.failures.map((f) => f.check)).toEqual(['holder_binding', 'audience']);
    expect(r2.failures[0].message).toMatch(/sd_hash/);
  });

  it('gives the same answers when many verifications overlap (signatures on the thread pool)', async () => {
    const sdJwt = await issue();
    const honest = await present(sdJwt);
    const { jwt, disclosures } = split(honest);
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.address = { street: 'x' };
    const altered = keyBinding(`${h}.${b64(payload)}.${s}~${disclosures.join('~')}~`, holder.signer);
    const stolen = await present(sdJwt, undefined, keyPair().priv);
    const mix = Array.from({ length: 24 }, (_, i) => [honest, altered, stolen][i % 3]);
    const alone: string[][] = [];
    for (const x of mix) alone.push((await verifySdJwtVc(x, options())).failures.map((f) => f.check));
    const together = await Promise.all(mix.map((x) => verifySdJwtVc(x, options())));
    expect(together.map((r) => r.failures.map((f) => f.check))).toEqual(alone);
    expect(alone[0]).toEqual([]);
    expect(alone[1][0]).toBe('signature');
    expect(alone[2]).toEqual(['holder_binding']);
    expect(together.filter((r) => r.ok)).toHaveLength(8);
  });

  it('reports unparseable input as format', async () => {
    for (const bad of ['', 'abc', 'a.b.c~', `${b64({ alg: 'none', typ: 'dc+sd-jwt' })}.${b64({ iss: ISSUER })}.~`]) {
      expect(await checks(bad)).toEqual(['format']);
    }
    const { jwt, disclosures } = split(await present(await issue()));
    expect(await checks(`${jwt}~${disclosures.join('~')}~not-a-jwt`)).toEqual(['format']);
    const vcTyp = signJws({ typ: 'JWT', kid: issuerKey.kid }, decodeJws(jwt).payload, issuerKey.signer);
    expect(await checks(keyBinding(`${vcTyp}~${disclosures.join('~')}~`, holder.signer))).toEqual(['format']);
  });

  it('requires the verifier to name its nonce and audience', async () => {
    await expect(verifySdJwtVc('x~', { ...options(), expectedNonce: '' })).rejects.toThrow(TypeError);
  });
});

describe('decodeSdJwtVcUnverified', () => {
  it('shows the holder everything in the credential', async () => {
    const { claims: all, disclosed } = decodeSdJwtVcUnverified(await issue());
    expect(all).toMatchObject({ holder_name: '张三', holder_id_number: '110101199003070019', address: { street: '东长安街1号' } });
    expect(disclosed.sort()).toEqual(['address', 'address.street', 'holder_id_number', 'holder_name']);
  });
});
