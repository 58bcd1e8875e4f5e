import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { createSigner, createVerifier, decodeJws, generateSigningJwk, jwkThumbprint, signJws, toPublicJwk, type JwsVerifier } from './jws.js';
import {
  DEFAULT_STATUS_LIST_SIZE,
  StatusList,
  StatusListCache,
  StatusListError,
  StatusType,
  signStatusListToken,
  verifyStatusListToken,
} from './status-list.js';

const ISSUER = 'https://gov.example/dept/a';
const URI = 'https://gov.example/status/a/1';

function issuerKey(alg: 'ES256' | 'SM2-SM3' = 'ES256') {
  const priv = generateSigningJwk(alg);
  const kid = jwkThumbprint(priv);
  return { signer: createSigner(priv, kid), verifier: createVerifier(toPublicJwk(priv), { kid }), kid };
}

describe('StatusList encoding (draft-ietf-oauth-status-list examples)', () => {
  it('decodes the 1-bit example', () => {
    const list = StatusList.decode({ bits: 1, lst: 'eNrbuRgAAhcBXQ' });
    expect(Buffer.from(list.toBytes()).toString('hex')).toBe('b9a3');
    expect(list.size).toBe(16);
    // 0xB9 = 1011 1001, least significant bit first.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => list.get(i))).toEqual([1, 0, 0, 1, 1, 1, 0, 1]);
  });

  it('decodes the 2-bit example and encodes the same bytes', () => {
    const statuses = [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3];
    const decoded = StatusList.decode({ bits: 2, lst: 'eNo76fITAAPfAgc' });
    expect(Buffer.from(decoded.toBytes()).toString('hex')).toBe('c944f9');
    expect(statuses.map((_, i) => decoded.get(i))).toEqual(statuses);

    const built = new StatusList(12, 2);
    statuses.forEach((s, i) => built.set(i, s));
    expect(Buffer.from(built.toBytes()).toString('hex')).toBe('c944f9');
    const again = StatusList.decode(built.encode());
    expect(statuses.map((_, i) => again.get(i))).toEqual(statuses);
  });

  it('round-trips a default-size list with scattered changes', () => {
    const list = new StatusList();
    expect(list.size).toBe(DEFAULT_STATUS_LIST_SIZE);
    const changes: Array<[number, number]> = [
      [0, 2],
      [1, 1],
      [4095, 2],
      [65_537, 1],
      [DEFAULT_STATUS_LIST_SIZE - 1, 2],
    ];
    for (const [i, s] of changes) list.set(i, s);
    const enc = list.encode();
    expect(enc.bits).toBe(2);
    expect(enc.lst.length).toBeLessThan(200); // mostly zeros: compresses well
    const back = StatusList.decode(enc);
    for (const [i, s] of changes) expect(back.get(i)).toBe(s);
    expect(back.get(2)).toBe(StatusType.VALID);
    expect(back.get(DEFAULT_STATUS_LIST_SIZE - 2)).toBe(StatusType.VALID);
  });

  it('keeps INVALID final and SUSPENDED reversible', () => {
    const list = new StatusList(8);
    list.set(3, StatusType.SUSPENDED);
    list.set(3, StatusType.VALID);
    expect(list.get(3)).toBe(0);
    list.set(3, StatusType.INVALID);
    expect(() => list.set(3, StatusType.VALID)).toThrow(RangeError);
    expect(() => list.set(3, StatusType.SUSPENDED)).toThrow(RangeError);
    list.set(3, StatusType.INVALID);
    expect(() => list.set(2, 4)).toThrow(RangeError);
    expect(() => list.get(8)).toThrow(StatusListError);
    expect(() => list.get(-1)).toThrow(StatusListError);
  });

  it('rejects malformed or oversized lists', () => {
    expect(() => StatusList.decode({ bits: 3, lst: 'eNo76fITAAPfAgc' })).toThrow(StatusListError);
    expect(() => StatusList.decode({ bits: 2, lst: 'not+base64' })).toThrow(StatusListError);
    expect(() => StatusList.decode({ bits: 2, lst: Buffer.from('plain').toString('base64url') })).toThrow(StatusListError);
    const bomb = deflateSync(Buffer.alloc(2 * 1024 * 1024)).toString('base64url');
    expect(() => StatusList.decode({ bits: 2, lst: bomb }, 1024 * 1024)).toThrow(/size limit/);
    expect(StatusList.decode({ bits: 2, lst: bomb }).size).toBe(8 * 1024 * 1024);
  });
});

describe('Status List Token', () => {
  const now = 1_770_000_000;

  it('is a statuslist+jwt with sub, iat, exp, ttl and status_list', async () => {
    const { signer, verifier } = issuerKey();
    const list = new StatusList(1024);
    list.set(7, StatusType.SUSPENDED);
    const token = signStatusListToken(list, { uri: URI, issuer: ISSUER, signer, iat: now, exp: now + 3600, ttl: 300 });
    const { header, payload } = decodeJws(token);
    expect(header).toMatchObject({ typ: 'statuslist+jwt', alg: 'ES256', kid: signer.kid });
    expect(payload).toMatchObject({ iss: ISSUER, sub: URI, iat: now, exp: now + 3600, ttl: 300, status_list: { bits: 2 } });
    const verified = await verifyStatusListToken(token, { resolveIssuerKey: () => verifier, expectedUri: URI, expectedIssuer: ISSUER, now });
    expect(verified.list.get(7)).toBe(2);
    expect(verified.list.get(8)).toBe(0);
    expect(verified).toMatchObject({ issuer: ISSUER, uri: URI, iat: now, exp: now + 3600, ttl: 300 });
  });

  it('also works with an SM2 issuer key', async () => {
    const { signer, verifier } = issuerKey('SM2-SM3');
    const list = new StatusList(64);
    list.set(1, StatusType.INVALID);
    const token = signStatusListToken(list, { uri: URI, issuer: ISSUER, signer, iat: now });
    const verified = await verifyStatusListToken(token, { resolveIssuerKey: () => verifier, expectedUri: URI, now });
    expect(verified.list.get(1)).toBe(1);
  });

  it('says what is wrong with a bad token', async () => {
    const { signer, verifier } = issuerKey();
    const other = issuerKey();
    const list = new StatusList(64);
    const good = signStatusListToken(list, { uri: URI, issuer: ISSUER, signer, iat: now, exp: now + 60 });
    const opts = { resolveIssuerKey: () => verifier, expectedUri: URI, expectedIssuer: ISSUER, now };
    const reason = (p: Promise<unknown>) => p.then(() => 'ok', (e: StatusListError) => e.reason);

    expect(await reason(verifyStatusListToken(good, opts))).toBe('ok');
    expect(await reason(verifyStatusListToken(good, { ...opts, expectedUri: URI + 'x' }))).toBe('subject');
    expect(await reason(verifyStatusListToken(good, { ...opts, expectedIssuer: 'someone else' }))).toBe('issuer');
    expect(await reason(verifyStatusListToken(good, { ...opts, now: now + 61 + 60 }))).toBe('expired');
    expect(await reason(verifyStatusListToken(good, { ...opts, resolveIssuerKey: () => null }))).toBe('issuer_trust');
    expect(await reason(verifyStatusListToken(good, { ...opts, resolveIssuerKey: () => other.verifier }))).toBe('signature');
    const plainJwt = signJws({ typ: 'JWT' }, { iss: ISSUER, sub: URI, iat: now, status_list: list.encode() }, signer);
    expect(await reason(verifyStatusListToken(plainJwt, opts))).toBe('type');
    expect(await reason(verifyStatusListToken('x.y', opts))).toBe('format');
    // A re-signed list with a changed entry under another key does not pass for the issuer's.
    const forged = new StatusList(64);
    const forgedToken = signStatusListToken(forged, { uri: URI, issuer: ISSUER, signer: other.signer, iat: now });
    expect(await reason(verifyStatusListToken(forgedToken, opts))).toBe('signature');
  });
});

describe('StatusListCache', () => {
  function setup(ttlClaim?: number) {
    const clock = manualClock(new Date('2026-03-01T00:00:00Z'));
    const { signer, verifier } = issuerKey();
    const list = new StatusList(256);
    const fetches: string[] = [];
    const sign = () => signStatusListToken(list, { uri: URI, issuer: ISSUER, signer, iat: Math.floor(clock.nowMs() / 1000), ttl: ttlClaim });
    let fail = false;
    const resolveIssuerKey = (iss: string): JwsVerifier | null => (iss === ISSUER ? verifier : null);
    const cache = new StatusListCache({
      clock,
      ttlMs: 60_000,
      resolveIssuerKey,
      fetchToken: async (uri) => {
        fetches.push(uri);
        if (fail) throw new Error('unreachable');
        return sign();
      },
    });
    return { clock, list, cache, fetches, sign, setFail: (v: boolean) => (fail = v) };
  }

  it('fetches and verifies once, then answers synchronously until the TTL', async () => {
    const { clock, list, cache, fetches } = setup();
    list.set(5, StatusType.SUSPENDED);
    const [a, b] = await Promise.all([cache.check({ idx: 5, uri: URI }, ISSUER), cache.check({ idx: 6, uri: URI }, ISSUER)]);
    expect([a, b]).toEqual([2, 0]);
    expect(fetches).toHaveLength(1);
    expect(cache.check({ idx: 5, uri: URI }, ISSUER)).toBe(2); // a plain number: no promise, no fetch

    list.set(5, StatusType.INVALID);
    clock.advance(59_000);
    expect(cache.check({ idx: 5, uri: URI }, ISSUER)).toBe(2); // still cached
    clock.advance(2_000);
    expect(await cache.check({ idx: 5, uri: URI }, ISSUER)).toBe(1);
    expect(fetches).toHaveLength(2);
  });

  it('honours a shorter ttl claim, and prime() replaces the cached list at once', async () => {
    const { clock, list, cache, fetches, sign } = setup(10);
    expect(await cache.check({ idx: 1, uri: URI }, ISSUER)).toBe(0);
    clock.advance(11_000);
    await cache.check({ idx: 1, uri: URI }, ISSUER);
    expect(fetches).toHaveLength(2);
    list.set(1, StatusType.SUSPENDED);
    await cache.prime(URI, sign(), ISSUER);
    expect(cache.check({ idx: 1, uri: URI }, ISSUER)).toBe(2);
    expect(fetches).toHaveLength(2);
  });

  it('fails instead of answering stale or foreign lists', async () => {
    const { clock, cache, setFail } = setup();
    await cache.check({ idx: 1, uri: URI }, ISSUER);
    expect(() => cache.check({ idx: 1, uri: URI }, 'https://gov.example/dept/b')).toThrow(StatusListError);
    expect(() => cache.check({ idx: 256, uri: URI }, ISSUER)).toThrow(/outside the list/);
    setFail(true);
    clock.advance(61_000);
    await expect(cache.check({ idx: 1, uri: URI }, ISSUER)).rejects.toThrow('unreachable');
  });
});
