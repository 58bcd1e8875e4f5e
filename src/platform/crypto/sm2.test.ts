import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm2 as lib } from 'sm-crypto-v2';
import {
  SM2_DEFAULT_USER_ID,
  Sm2PublicKey,
  generateSm2KeyPair,
  isValidSm2PublicKey,
  signSm2Jws,
  sm2Digest,
  sm2KeyFromJwk,
  sm2KeyToJwk,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2SignatureFromDer,
  sm2SignatureToDer,
  sm2Verify,
  sm2Z,
  verifySm2Jws,
} from './sm2.js';

// GM/T 0003.5-2012 example on the recommended curve (also in GB/T 32918.5-2017): signer ID 1234567812345678.
const V = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  x: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  y: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  message: 'message digest',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
const PUB = ('04' + V.x + V.y).toLowerCase();
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const hex32 = (v: bigint) => v.toString(16).padStart(64, '0');

describe('SM2 known answer (GM/T 0003.5)', () => {
  it('derives the public key from d', () => {
    expect(sm2PublicKeyFromPrivate(V.d)).toBe(PUB);
  });

  it('computes Z_A like sm-crypto-v2 does (two implementations agree)', () => {
    expect(sm2Z(PUB).toString('hex')).toBe(Buffer.from(lib.getZ(PUB, SM2_DEFAULT_USER_ID)).toString('hex'));
    expect(sm2Z(PUB, 'ALICE123@YAHOO.COM').toString('hex')).toBe(Buffer.from(lib.getZ(PUB, 'ALICE123@YAHOO.COM')).toString('hex'));
    expect(sm2Digest(V.message, PUB).toString('hex')).toBe(lib.getHash(Buffer.from(V.message).toString('hex'), PUB));
  });

  it('signs "message digest" with the fixed k to the published (r, s)', () => {
    const raw = sm2Sign(V.message, V.d, { fixedKForTesting: V.k });
    expect(raw.toString('hex').toUpperCase()).toBe(V.r + V.s);
    const der = sm2Sign(V.message, V.d, { fixedKForTesting: V.k, format: 'der' });
    expect(sm2SignatureFromDer(der).toString('hex').toUpperCase()).toBe(V.r + V.s);
  });

  it('verifies the published (r, s) and nothing near it', () => {
    const sig = Buffer.from(V.r + V.s, 'hex');
    expect(sm2Verify(V.message, sig, PUB)).toBe(true);
    expect(sm2Verify(V.message, sm2SignatureToDer(sig), PUB, { format: 'der' })).toBe(true);
    expect(sm2Verify('message digesT', sig, PUB)).toBe(false);
    expect(sm2Verify(V.message, sig, PUB, { userId: '1234567812345679' })).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[63] ^= 1;
    expect(sm2Verify(V.message, flipped, PUB)).toBe(false);
    // r + n and s + n do not fit; r = 0, s = 0 and s = n are out of range.
    expect(sm2Verify(V.message, Buffer.from(hex32(0n) + V.s, 'hex'), PUB)).toBe(false);
    expect(sm2Verify(V.message, Buffer.from(V.r + hex32(0n), 'hex'), PUB)).toBe(false);
    expect(sm2Verify(V.message, Buffer.from(V.r + hex32(N), 'hex'), PUB)).toBe(false);
    expect(sm2Verify(V.message, sig.subarray(0, 63), PUB)).toBe(false);
  });

  it('is accepted by sm-crypto-v2 computing Z_A itself', () => {
    const raw = sm2Sign('another message', V.d);
    expect(lib.doVerifySignature('another message', raw.toString('hex'), PUB, { hash: true, userId: SM2_DEFAULT_USER_ID })).toBe(true);
    expect(lib.doVerifySignature('another message', raw.toString('hex'), PUB, { hash: true, userId: 'someone else' })).toBe(false);
  });
});

describe('SM2 sign and verify', () => {
  it('round-trips with fresh keys, raw and DER, any user ID', () => {
    const kp = generateSm2KeyPair();
    expect(isValidSm2PublicKey(kp.publicKey)).toBe(true);
    expect(kp.privateKey).toMatch(/^[0-9a-f]{64}$/);
    const msg = new Uint8Array([0, 1, 2, 250, 251]);
    const a = sm2Sign(msg, kp.privateKey);
    const b = sm2Sign(msg, kp.privateKey);
    expect(a.equals(b)).toBe(false); // random k
    expect(sm2Verify(msg, a, kp.publicKey)).toBe(true);
    expect(sm2Verify(msg, b, kp.publicKey)).toBe(true);
    const der = sm2Sign('电子证照', kp.privateKey, { format: 'der', userId: 'dept-330000' });
    expect(sm2Verify('电子证照', der, kp.publicKey, { format: 'der', userId: 'dept-330000' })).toBe(true);
    expect(sm2Verify('电子证照', der, kp.publicKey, { format: 'der' })).toBe(false);
    expect(sm2Verify(msg, a, generateSm2KeyPair().publicKey)).toBe(false);
    const precomputed = new Sm2PublicKey(kp.publicKey, { precompute: true });
    expect(precomputed.verify(msg, a)).toBe(true);
    expect(precomputed.verify(msg, b.subarray(0, 64).reverse())).toBe(false);
  });

  it('rejects bad keys', () => {
    expect(() => sm2Sign('x', '00'.repeat(32))).toThrow(RangeError);
    expect(() => sm2Sign('x', hex32(N - 1n))).toThrow(RangeError);
    expect(() => sm2Sign('x', 'zz'.repeat(32))).toThrow(RangeError);
    const offCurve = PUB.slice(0, -1) + (PUB.endsWith('3') ? '4' : '3');
    expect(isValidSm2PublicKey(offCurve)).toBe(false);
    expect(sm2Verify(V.message, Buffer.from(V.r + V.s, 'hex'), offCurve)).toBe(false);
  });

  it('parses DER strictly', () => {
    const der = sm2SignatureToDer(Buffer.from(V.r + V.s, 'hex'));
    expect(der[0]).toBe(0x30);
    expect(() => sm2SignatureFromDer(Buffer.concat([der, Buffer.from([0])]))).toThrow(RangeError);
    // r with its high bit set needs a leading zero; an extra one is not minimal DER.
    const nonMinimal = Buffer.concat([Buffer.from([0x30, der[1] + 1, 0x02, der[3] + 1, 0x00]), der.subarray(4)]);
    expect(() => sm2SignatureFromDer(nonMinimal)).toThrow(RangeError);
    const small = sm2SignatureToDer(Buffer.from(hex32(1n) + hex32(0x80n), 'hex'));
    expect(small.toString('hex')).toBe('3007020101020200' + '80');
    expect(sm2SignatureFromDer(small).toString('hex')).toBe(hex32(1n) + hex32(0x80n));
  });
});

/**
 * Node's crypto can sign with an SM2 key, but OpenSSL puts an empty signer ID into Z_A unless one is set, and Node
 * cannot set it. Its signatures therefore verify only with ID "", never with the standard default ID.
 */
const nodeHasSm2 = crypto.getCurves().includes('SM2') && crypto.getHashes().includes('sm3');
describe.skipIf(!nodeHasSm2)("node:crypto's SM2", () => {
  function nodeKey(): crypto.KeyObject {
    const oid = Buffer.from('06082a811ccf5501822d', 'hex'); // 1.2.156.10197.1.301 (SM2 curve)
    const tlv = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([tag, body.length]), body]);
    const sec1 = tlv(
      0x30,
      Buffer.concat([
        Buffer.from('020101', 'hex'),
        tlv(0x04, Buffer.from(V.d, 'hex')),
        tlv(0xa0, oid),
        tlv(0xa1, tlv(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(PUB, 'hex')]))),
      ]),
    );
    return crypto.createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
  }

  it('signs with an empty ID in Z_A, so its signature fails standard verification', () => {
    const key = nodeKey();
    const nodeSig = crypto.sign('sm3', Buffer.from(V.message), key); // DER
    expect(sm2Verify(V.message, nodeSig, PUB, { format: 'der' })).toBe(false);
    expect(sm2Verify(V.message, nodeSig, PUB, { format: 'der', userId: '' })).toBe(true);
    // e = SM3(M) without any Z_A does not verify either: Node does compute a Z_A, just with the wrong ID.
    const withoutZ = crypto.createHash('sm3').update(V.message).digest();
    expect(lib.doVerifySignature(withoutZ, sm2SignatureFromDer(nodeSig).toString('hex'), PUB, { hash: false })).toBe(false);
  });

  it('rejects the standard signature of the published vector', () => {
    const key = nodeKey();
    const std = sm2SignatureToDer(Buffer.from(V.r + V.s, 'hex'));
    expect(crypto.verify('sm3', Buffer.from(V.message), crypto.createPublicKey(key), std)).toBe(false);
  });
});

describe('SM2 JWK and the SM2-SM3 compact form', () => {
  it('round-trips a key through the (unregistered) crv "SM2" JWK', () => {
    const kp = generateSm2KeyPair();
    const jwk = sm2KeyToJwk(kp.publicKey, kp.privateKey);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'SM2' });
    expect(sm2KeyFromJwk(jwk)).toEqual(kp);
    expect(sm2KeyFromJwk({ ...jwk, d: undefined })).toEqual({ publicKey: kp.publicKey });
    const other = generateSm2KeyPair();
    expect(() => sm2KeyToJwk(kp.publicKey, other.privateKey)).toThrow(RangeError);
    expect(() => sm2KeyFromJwk({ ...jwk, d: sm2KeyToJwk(other.publicKey, other.privateKey).d })).toThrow(RangeError);
    expect(() => sm2KeyFromJwk({ ...jwk, crv: 'P-256' })).toThrow(RangeError);
  });

  it('signs and verifies a compact token; any change is rejected', () => {
    const kp = generateSm2KeyPair();
    const token = signSm2Jws({ typ: 'JWT', kid: 'k1' }, { iss: 'dept', n: 1 }, kp.privateKey);
    const [h, p, s] = token.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'JWT', kid: 'k1', alg: 'SM2-SM3' });
    expect(Buffer.from(s, 'base64url')).toHaveLength(64);
    expect(verifySm2Jws(token, kp.publicKey)).toEqual({ header: { typ: 'JWT', kid: 'k1', alg: 'SM2-SM3' }, payload: { iss: 'dept', n: 1 } });
    const forged = Buffer.from(JSON.stringify({ iss: 'dept', n: 2 })).toString('base64url');
    expect(verifySm2Jws(`${h}.${forged}.${s}`, kp.publicKey)).toBeNull();
    const es256Header = Buffer.from(JSON.stringify({ typ: 'JWT', kid: 'k1', alg: 'ES256' })).toString('base64url');
    expect(verifySm2Jws(`${es256Header}.${p}.${s}`, kp.publicKey)).toBeNull();
    expect(verifySm2Jws(token, generateSm2KeyPair().publicKey)).toBeNull();
    expect(verifySm2Jws(token + '.x', kp.publicKey)).toBeNull();
  });
});
