import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CompactSign, calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import {
  HolderKeyCache,
  JwsFormatError,
  KeyCache,
  createSigner,
  createVerifier,
  decodeJws,
  generateSigningJwk,
  jwkThumbprint,
  signJws,
  toPublicJwk,
  verifyJwsSignature,
} from './jws.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('ES256 compact JWS', () => {
  it('is verified by jose, and verifies what jose signs', async () => {
    const priv = generateSigningJwk('ES256');
    const signer = createSigner(priv, 'k1');
    const token = signJws({ typ: 'JWT' }, { iss: 'dept', n: 1 }, signer);
    const pub = await importJWK(toPublicJwk(priv), 'ES256');
    const { payload, protectedHeader } = await compactVerify(token, pub);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ iss: 'dept', n: 1 });
    expect(protectedHeader).toEqual({ typ: 'JWT', alg: 'ES256', kid: 'k1' });

    const joseToken = await new CompactSign(new TextEncoder().encode('{"a":1}'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(await importJWK(priv, 'ES256'));
    const verifier = createVerifier(priv);
    expect(verifyJwsSignature(decodeJws(joseToken), verifier)).toBe(true);
  });

  it('rejects a changed payload, another key and an alg that is not the key’s', () => {
    const priv = generateSigningJwk();
    const token = signJws({}, { a: 1 }, createSigner(priv));
    const [h, , s] = token.split('.');
    const v = createVerifier(priv);
    expect(verifyJwsSignature(decodeJws(token), v)).toBe(true);
    expect(verifyJwsSignature(decodeJws(`${h}.${b64({ a: 2 })}.${s}`), v)).toBe(false);
    expect(verifyJwsSignature(decodeJws(token), createVerifier(generateSigningJwk()))).toBe(false);
    const sm2Header = b64({ alg: 'SM2-SM3' });
    expect(verifyJwsSignature(decodeJws(`${sm2Header}.${token.split('.')[1]}.${s}`), v)).toBe(false);
  });

  it('signs and verifies with SM2-SM3 keys', () => {
    const priv = generateSigningJwk('SM2-SM3');
    expect(priv.crv).toBe('SM2');
    const token = signJws({ typ: 'JWT' }, { a: 1 }, createSigner(priv, 'sm'));
    expect(decodeJws(token).header).toEqual({ typ: 'JWT', alg: 'SM2-SM3', kid: 'sm' });
    expect(verifyJwsSignature(decodeJws(token), createVerifier(priv))).toBe(true);
    expect(verifyJwsSignature(decodeJws(token), createVerifier(generateSigningJwk('SM2-SM3')))).toBe(false);
  });
});

describe('generateSigningJwk', () => {
  // Node 20 can deadlock when a KeyObject made by generateKeyPairSync is exported as a JWK while a garbage collection
  // frees the generation job (both take the key's lock). Tens of thousands of keys in a child process with a tiny young
  // generation (a collection every few keys): the way the keys were made before hung within ~16,000 in every try.
  it('makes tens of thousands of keys under constant garbage collection without hanging', () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules', '.cache-jwk-'));
    try {
      for (const name of ['jws', 'sm2']) {
        const source = fs.readFileSync(path.join(import.meta.dirname, `${name}.ts`), 'utf8');
        const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
        fs.writeFileSync(path.join(dir, `${name}.js`), js);
      }
      fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
      const script = `import { generateSigningJwk } from ${JSON.stringify(pathToFileURL(path.join(dir, 'jws.js')).href)};
        let junk = [];
        for (let i = 0; i < 40000; i++) {
          const k = generateSigningJwk();
          if (k.d.length !== 43) throw new Error('bad key');
          junk.push('x'.repeat(50) + i);
          if (junk.length > 2000) junk = [];
        }
        console.log('made 40000');`;
      const run = spawnSync(process.execPath, ['--max-semi-space-size=1', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
      expect(run.signal, 'the key generation hung (killed after 30 s)').toBeNull();
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('made 40000');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('verifyAsync', () => {
  it('gives the same answers as verify, for ES256 (on the thread pool) and SM2-SM3', async () => {
    for (const alg of ['ES256', 'SM2-SM3'] as const) {
      const priv = generateSigningJwk(alg);
      const v = createVerifier(toPublicJwk(priv));
      const other = createVerifier(toPublicJwk(generateSigningJwk(alg)));
      const jws = decodeJws(signJws({ typ: 'JWT' }, { n: 1 }, createSigner(priv)));
      const flipped = Buffer.from(jws.signature);
      flipped[10] ^= 1;
      const cases: Array<[ReturnType<typeof createVerifier>, string, Buffer]> = [
        [v, jws.signingInput, jws.signature],
        [v, `${jws.signingInput}x`, jws.signature],
        [v, jws.signingInput, flipped],
        [v, jws.signingInput, jws.signature.subarray(0, 63)],
        [other, jws.signingInput, jws.signature],
      ];
      const sync = cases.map(([key, input, sig]) => key.verify(input, sig));
      expect(sync).toEqual([true, false, false, false, false]);
      expect(await Promise.all(cases.map(([key, input, sig]) => key.verifyAsync(input, sig)))).toEqual(sync);
    }
  });
});

describe('decodeJws', () => {
  const ok = signJws({}, { a: 1 }, createSigner(generateSigningJwk()));
  const [, p, s] = ok.split('.');
  it.each([
    ['two parts', `${b64({ alg: 'ES256' })}.${p}`],
    ['four parts', `${ok}.x`],
    ['alg none', `${b64({ alg: 'none' })}.${p}.`],
    ['alg HS256', `${b64({ alg: 'HS256' })}.${p}.${s}`],
    ['crit', `${b64({ alg: 'ES256', crit: ['b64'], b64: false })}.${p}.${s}`],
    ['payload not an object', `${b64({ alg: 'ES256' })}.${b64([1])}.${s}`],
    ['header not base64url', `eyJ+.${p}.${s}`],
    ['header not JSON', `${Buffer.from('{alg').toString('base64url')}.${p}.${s}`],
  ])('rejects %s', (_name, token) => {
    expect(() => decodeJws(token)).toThrow(JwsFormatError);
  });
});

describe('keys', () => {
  it('computes RFC 7638 thumbprints like jose', async () => {
    for (const alg of ['ES256', 'SM2-SM3'] as const) {
      const jwk = toPublicJwk(generateSigningJwk(alg));
      const published = { ...jwk, kid: 'ignored', use: 'sig' };
      expect(jwkThumbprint(published)).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    }
  });

  it('rejects keys off their curve and unsupported key types', () => {
    const jwk = toPublicJwk(generateSigningJwk());
    const y = Buffer.from(jwk.y, 'base64url');
    y[31] ^= 1;
    expect(() => createVerifier({ ...jwk, y: y.toString('base64url') })).toThrow(JwsFormatError);
    expect(() => createVerifier({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })).toThrow(JwsFormatError);
    expect(() => createVerifier({ ...jwk, crv: 'P-384' })).toThrow(JwsFormatError);
    const sm = toPublicJwk(generateSigningJwk('SM2-SM3'));
    const smy = Buffer.from(sm.y, 'base64url');
    smy[31] ^= 1;
    expect(() => createVerifier({ ...sm, y: smy.toString('base64url') })).toThrow(JwsFormatError);
  });

  it('caches holder verifiers by key', () => {
    const cache = new HolderKeyCache(2);
    const a = toPublicJwk(generateSigningJwk());
    const v = cache.get(a);
    expect(cache.get({ ...a })).toBe(v);
    expect(cache.get(toPublicJwk(generateSigningJwk()))).not.toBe(v);
  });
});

describe('KeyCache', () => {
  it('expires entries after their TTL and drops the oldest when full', () => {
    let now = 1000;
    const c = new KeyCache<number>(2, 100, () => now);
    c.set('a', 1);
    c.set('b', 2, 10);
    expect(c.get('a')).toBe(1);
    now += 10;
    expect(c.get('b')).toBeUndefined();
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('c')).toBe(3);
    now += 100;
    expect(c.get('c')).toBeUndefined();
  });
});
