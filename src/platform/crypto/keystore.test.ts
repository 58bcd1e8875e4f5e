import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { AppError } from '../errors.js';
import { SecretKeys } from './secret.js';
import { decodeJws, jwkThumbprint, signJws, verifyJwsSignature } from './jws.js';
import { FileKeyStore, IssuerKeyResolver, KeyStoreIntegrityError, createFileKeyStore, issuerDirName, type Jwks } from './keystore.js';

const ISSUER = 'https://gov.example/dept/11110000000021135M';
let dataDir: string;
let clock: ReturnType<typeof manualClock>;
let secret: SecretKeys;
let store: FileKeyStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-keystore-'));
  clock = manualClock(new Date('2026-03-01T00:00:00Z'));
  secret = SecretKeys.fromBytes(randomBytes(32));
  store = createFileKeyStore({ config: { dataDir }, keys: secret, clock });
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function keyFiles(issuer = ISSUER): string[] {
  const dir = path.join(dataDir, 'keys', issuerDirName(issuer));
  return fs.readdirSync(dir).map((f) => path.join(dir, f));
}

function resolverFor(s: FileKeyStore, loads: string[] = []) {
  return new IssuerKeyResolver({
    clock,
    loadJwks: async (iss) => {
      loads.push(iss);
      const jwks = await s.jwks(iss);
      return jwks.keys.length ? jwks : null;
    },
  });
}

describe('FileKeyStore', () => {
  it('generates an encrypted key file (0600, in a 0700 folder) that does not contain the private scalar', async () => {
    const info = await store.generate(ISSUER);
    expect(info).toMatchObject({ issuer: ISSUER, alg: 'ES256', status: 'active', retiredAt: null, destroyedAt: null });
    expect(info.kid).toBe(jwkThumbprint(info.publicJwk));
    const [file] = keyFiles();
    expect(path.basename(file)).toBe(`${info.kid}.json`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

    // The private scalar, read back through the store's own signer path, appears in no encoding in the file.
    const records = (store as unknown as { readIssuer(i: string): Promise<Array<{ privateJwk: { d: string } }>> }).readIssuer(ISSUER);
    const d = (await records)[0].privateJwk.d;
    const text = fs.readFileSync(file, 'utf8');
    const dBytes = Buffer.from(d, 'base64url');
    for (const enc of [d, dBytes.toString('hex'), dBytes.toString('hex').toUpperCase(), dBytes.toString('base64')]) {
      expect(text.includes(enc)).toBe(false);
    }
    expect(fs.readFileSync(file).includes(dBytes)).toBe(false);
    expect(text).not.toContain('"d"');
    expect(text).not.toContain('privateJwk');
    // No temporary files left behind.
    expect(keyFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('signs with the active key; the JWKS verifies it', async () => {
    const info = await store.generate(ISSUER);
    const signer = await store.loadSigner(ISSUER);
    expect(signer.kid).toBe(info.kid);
    const token = signJws({ typ: 'JWT' }, { iss: ISSUER }, signer);
    const jwks = await store.jwks(ISSUER);
    expect(jwks.keys).toEqual([{ ...info.publicJwk, kid: info.kid, alg: 'ES256', use: 'sig' }]);
    const v = await resolverFor(store).resolve(ISSUER, info.kid);
    expect(v && verifyJwsSignature(decodeJws(token), v)).toBe(true);
  });

  it('refuses a second generate; rotate keeps the old kid verifiable but not usable for signing', async () => {
    const first = await store.generate(ISSUER);
    const oldToken = signJws({}, { n: 1 }, await store.loadSigner(ISSUER));
    await expect(store.generate(ISSUER)).rejects.toMatchObject({ code: 'keystore.active_exists' });

    clock.advance(60_000);
    const second = await store.rotate(ISSUER);
    expect(second.kid).not.toBe(first.kid);
    const list = await store.list(ISSUER);
    expect(list.map((k) => [k.kid, k.status])).toEqual([
      [second.kid, 'active'],
      [first.kid, 'retired'],
    ]);
    expect(list[1].retiredAt).toBe('2026-03-01T00:01:00.000Z');

    expect((await store.loadSigner(ISSUER)).kid).toBe(second.kid);
    await expect(store.loadSigner(ISSUER, first.kid)).rejects.toMatchObject({ code: 'keystore.retired' });

    const jwks = await store.jwks(ISSUER);
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([first.kid, second.kid].sort());
    const resolver = resolverFor(store);
    const oldKey = await resolver.resolve(ISSUER, first.kid);
    expect(oldKey && verifyJwsSignature(decodeJws(oldToken), oldKey)).toBe(true);
    const newToken = signJws({}, { n: 2 }, await store.loadSigner(ISSUER));
    const newKey = await resolver.resolve(ISSUER, second.kid);
    expect(newKey && verifyJwsSignature(decodeJws(newToken), newKey)).toBe(true);
    expect(newKey && verifyJwsSignature(decodeJws(oldToken), newKey)).toBe(false);
  });

  it('serialises concurrent rotations: exactly one active key', async () => {
    await store.generate(ISSUER);
    await Promise.all([store.rotate(ISSUER), store.rotate(ISSUER), store.rotate(ISSUER)]);
    const list = await store.list(ISSUER);
    expect(list).toHaveLength(4);
    expect(list.filter((k) => k.status === 'active')).toHaveLength(1);
  });

  it('destroy removes the private key and unpublishes the public one', async () => {
    const first = await store.generate(ISSUER);
    await store.rotate(ISSUER);
    const destroyed = await store.destroy(ISSUER, first.kid);
    expect(destroyed).toMatchObject({ status: 'destroyed', destroyedAt: '2026-03-01T00:00:00.000Z' });
    expect((await store.jwks(ISSUER)).keys.map((k) => k.kid)).not.toContain(first.kid);
    await expect(store.loadSigner(ISSUER, first.kid)).rejects.toBeInstanceOf(AppError);
    const sealed = (store as unknown as { readIssuer(i: string): Promise<Array<{ kid: string; privateJwk: unknown }>> }).readIssuer(ISSUER);
    expect((await sealed).find((r) => r.kid === first.kid)?.privateJwk).toBeNull();
    expect(await resolverFor(store).resolve(ISSUER, first.kid)).toBeNull();
  });

  it('rejects a tampered file', async () => {
    await store.generate(ISSUER);
    const [file] = keyFiles();
    const sealed = JSON.parse(fs.readFileSync(file, 'utf8'));
    const ct = Buffer.from(sealed.ct, 'base64url');
    ct[10] ^= 0x01;
    fs.writeFileSync(file, JSON.stringify({ ...sealed, ct: ct.toString('base64url') }));
    await expect(store.list(ISSUER)).rejects.toBeInstanceOf(KeyStoreIntegrityError);
    await expect(store.loadSigner(ISSUER)).rejects.toBeInstanceOf(KeyStoreIntegrityError);
  });

  it('rejects a file copied under another kid, moved to another issuer, or opened with another secret', async () => {
    const a = await store.generate(ISSUER);
    const b = await store.generate('other-issuer');
    // Copy a's sealed file over b's: the file name no longer matches the sealed kid.
    const aFile = keyFiles()[0];
    const bFile = keyFiles('other-issuer')[0];
    fs.copyFileSync(aFile, bFile);
    await expect(store.list('other-issuer')).rejects.toBeInstanceOf(KeyStoreIntegrityError);
    // Relabel it as b's (outer issuer and kid changed): the associated data no longer authenticates.
    const sealed = JSON.parse(fs.readFileSync(aFile, 'utf8'));
    fs.writeFileSync(bFile, JSON.stringify({ ...sealed, issuer: 'other-issuer', kid: b.kid }));
    await expect(store.list('other-issuer')).rejects.toThrow(/does not authenticate/);
    expect((await store.list(ISSUER))[0].kid).toBe(a.kid);

    const otherSecret = createFileKeyStore({ config: { dataDir }, keys: SecretKeys.fromBytes(randomBytes(32)), clock });
    await expect(otherSecret.list(ISSUER)).rejects.toBeInstanceOf(KeyStoreIntegrityError);
  });

  it('keeps SM2 keys (the 国密 option) and rotates within the algorithm', async () => {
    const info = await store.generate(ISSUER, 'SM2-SM3');
    expect(info.publicJwk.crv).toBe('SM2');
    const token = signJws({}, { n: 1 }, await store.loadSigner(ISSUER));
    expect(decodeJws(token).header.alg).toBe('SM2-SM3');
    const v = await resolverFor(store).resolve(ISSUER, info.kid);
    expect(v && verifyJwsSignature(decodeJws(token), v)).toBe(true);
    expect((await store.rotate(ISSUER)).alg).toBe('SM2-SM3');
    expect((await store.rotate(ISSUER, 'ES256')).alg).toBe('ES256');
  });

  it('lists every issuer, and validates input', async () => {
    await store.generate('a');
    await store.generate('b');
    expect((await store.list()).map((k) => k.issuer).sort()).toEqual(['a', 'b']);
    expect((await store.jwks()).keys).toHaveLength(2);
    expect(await store.list('nobody')).toEqual([]);
    await expect(store.generate('')).rejects.toMatchObject({ code: 'keystore.issuer' });
    await expect(store.generate('a', 'RS256' as never)).rejects.toMatchObject({ code: 'keystore.alg' });
    await expect(store.loadSigner('nobody')).rejects.toMatchObject({ code: 'keystore.not_found' });
  });
});

describe('IssuerKeyResolver', () => {
  it('loads a JWKS once per TTL, answers from memory, and reloads for an unknown kid at most every minReloadMs', async () => {
    const k1 = await store.generate(ISSUER);
    const loads: string[] = [];
    const resolver = new IssuerKeyResolver({
      clock,
      ttlMs: 60_000,
      minReloadMs: 5_000,
      loadJwks: async (iss) => {
        loads.push(iss);
        return iss === ISSUER ? store.jwks(iss) : null;
      },
    });
    const v1 = await resolver.resolve(ISSUER, k1.kid);
    expect(v1?.kid).toBe(k1.kid);
    // Cached: synchronous answer, same object, no load.
    expect(resolver.resolve(ISSUER, k1.kid)).toBe(v1);
    expect(loads).toEqual([ISSUER]);

    // Another process rotates; this resolver learns the new kid on first sight (after minReloadMs).
    const k2 = await store.rotate(ISSUER);
    clock.advance(1_000);
    expect(await resolver.resolve(ISSUER, k2.kid)).toBeNull();
    expect(loads).toHaveLength(1);
    clock.advance(5_000);
    expect((await resolver.resolve(ISSUER, k2.kid))?.kid).toBe(k2.kid);
    expect(loads).toHaveLength(2);
    // The unchanged key's verifier is reused across the reload.
    expect(resolver.resolve(ISSUER, k1.kid)).toBe(v1);

    // Untrusted issuer: null, and not asked again until minReloadMs passes.
    expect(await resolver.resolve('https://evil.example', k1.kid)).toBeNull();
    expect(await resolver.resolve('https://evil.example', k1.kid)).toBeNull();
    expect(loads.filter((i) => i !== ISSUER)).toHaveLength(1);

    clock.advance(61_000);
    await resolver.resolve(ISSUER, k1.kid);
    expect(loads.filter((i) => i === ISSUER)).toHaveLength(3);
  });

  it('skips JWKS members it cannot use and members whose alg contradicts the key', async () => {
    const info = await store.generate(ISSUER);
    const jwks: Jwks = await store.jwks(ISSUER);
    const resolver = new IssuerKeyResolver({
      clock,
      loadJwks: async () => ({
        keys: [
          { ...jwks.keys[0], kid: 'wrong-alg', alg: 'SM2-SM3' },
          { kty: 'RSA', kid: 'rsa', n: 'x', e: 'AQAB' },
          { ...jwks.keys[0], kid: 'enc', use: 'enc' },
          jwks.keys[0],
        ],
      }),
    });
    expect(await resolver.resolve(ISSUER, info.kid)).not.toBeNull();
    for (const kid of ['wrong-alg', 'rsa', 'enc']) expect(resolver.resolve(ISSUER, kid)).toBeNull();
  });
});
