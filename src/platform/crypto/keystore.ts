import fs from 'node:fs/promises';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { SecretKeys } from './secret.js';
import {
  KeyCache,
  createSigner,
  createVerifier,
  generateSigningJwk,
  isSigAlg,
  jwkThumbprint,
  toPublicJwk,
  type EcPrivateJwk,
  type EcPublicJwk,
  type JwsSigner,
  type JwsVerifier,
  type SigAlg,
} from './jws.js';

/**
 * Per-issuer (per-department) signing keys for licences and status lists.
 *
 * Each issuer has at most one active key, used to sign; rotation makes a new active key and keeps the previous ones
 * as verification-only (`retired`), so licences signed before a rotation still verify. Destroying a key removes its
 * private part and takes it out of the JWKS: whatever it signed stops verifying (for a compromised key).
 * kid = RFC 7638 thumbprint of the public key.
 *
 * The file-backed store keeps one file per key under `<dataDir>/keys/<sha256(issuer)[:32]>/<kid>.json`, mode 0600,
 * written to a temporary file and renamed. The whole record (metadata and private JWK) is sealed with AES-256-GCM
 * under a key derived from the deployment secret (`SecretKeys.derive('keystore')`), the issuer and kid bound as
 * associated data: a file that was edited, swapped with another kid's or moved to another issuer fails to open.
 * Operations of one store object are serialised; two processes rotating the same issuer at once are not
 * coordinated (run key administration from one process, or back the interface with the database).
 */

export type KeyStatus = 'active' | 'retired' | 'destroyed';

export interface IssuerKeyInfo {
  issuer: string;
  kid: string;
  alg: SigAlg;
  status: KeyStatus;
  createdAt: string;
  retiredAt: string | null;
  destroyedAt: string | null;
  publicJwk: EcPublicJwk;
}

/** A JWKS member: the public key with its kid, alg and use. */
export interface PublishedJwk extends EcPublicJwk {
  kid: string;
  alg: SigAlg;
  use: 'sig';
}

export interface Jwks {
  keys: PublishedJwk[];
}

export interface IssuerSigningKey extends JwsSigner {
  readonly kid: string;
  readonly issuer: string;
}

/** What the licences module needs from a key store; a database-backed store can implement the same. */
export interface IssuerKeyStore {
  /** Create the issuer's first key. Conflict when the issuer already has an active key (use rotate). */
  generate(issuer: string, alg?: SigAlg): Promise<IssuerKeyInfo>;
  /** New active key (same algorithm as the current one unless given); the current one becomes retired. */
  rotate(issuer: string, alg?: SigAlg): Promise<IssuerKeyInfo>;
  /** Keys of one issuer, or of all, newest first. */
  list(issuer?: string): Promise<IssuerKeyInfo[]>;
  /** Remove the private key and unpublish the public one. */
  destroy(issuer: string, kid: string): Promise<IssuerKeyInfo>;
  /** The signer of the active key (or of `kid`, which must be active). */
  loadSigner(issuer: string, kid?: string): Promise<IssuerSigningKey>;
  /** Public keys of every active and retired key of the issuer (or of all issuers). */
  jwks(issuer?: string): Promise<Jwks>;
}

/** A key file that cannot be opened: tampered with, truncated, or sealed under another secret. */
export class KeyStoreIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreIntegrityError';
  }
}

const FORMAT = 'tongban-key/1';
const KID = /^[A-Za-z0-9_-]{43}$/;

interface KeyRecord extends IssuerKeyInfo {
  privateJwk: EcPrivateJwk | null;
}

interface SealedFile {
  format: typeof FORMAT;
  issuer: string;
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

function aad(issuer: string, kid: string): Buffer {
  return Buffer.from(`${FORMAT}\n${issuer}\n${kid}`, 'utf8');
}

export function issuerDirName(issuer: string): string {
  return createHash('sha256').update(issuer, 'utf8').digest('hex').slice(0, 32);
}

function publish(info: IssuerKeyInfo): PublishedJwk {
  return { ...info.publicJwk, kid: info.kid, alg: info.alg, use: 'sig' };
}

function infoOf(r: KeyRecord): IssuerKeyInfo {
  const { privateJwk: _private, ...info } = r;
  return { ...info, publicJwk: { ...info.publicJwk } };
}

export interface FileKeyStoreOptions {
  /** Folder of the key files, normally `<dataDir>/keys`. */
  dir: string;
  secret: SecretKeys;
  clock: Clock;
}

export class FileKeyStore implements IssuerKeyStore {
  private readonly dir: string;
  private readonly key: Buffer;
  private readonly clock: Clock;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileKeyStoreOptions) {
    this.dir = options.dir;
    this.key = options.secret.derive('keystore', 32);
    this.clock = options.clock;
  }

  /** Serialise mutations of this store object. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private fileOf(issuer: string, kid: string): string {
    return path.join(this.dir, issuerDirName(issuer), `${kid}.json`);
  }

  private seal(r: KeyRecord): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(r.issuer, r.kid));
    const ct = Buffer.concat([cipher.update(JSON.stringify(r), 'utf8'), cipher.final()]);
    const file: SealedFile = {
      format: FORMAT,
      issuer: r.issuer,
      kid: r.kid,
      iv: iv.toString('base64url'),
      ct: ct.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
    };
    return JSON.stringify(file) + '\n';
  }

  private open(text: string, file: string, expected?: { issuer?: string; kid?: string }): KeyRecord {
    const bad = (why: string) => new KeyStoreIntegrityError(`key file ${file}: ${why}`);
    let f: SealedFile;
    try {
      f = JSON.parse(text);
    } catch {
      throw bad('not JSON');
    }
    if (!f || f.format !== FORMAT || typeof f.issuer !== 'string' || typeof f.kid !== 'string') throw bad('unknown format');
    if (path.basename(file) !== `${f.kid}.json` || path.basename(path.dirname(file)) !== issuerDirName(f.issuer)) {
      throw bad('file name does not match its issuer and kid');
    }
    if (expected?.issuer !== undefined && f.issuer !== expected.issuer) throw bad('belongs to another issuer');
    let plain: string;
    try {
      const iv = Buffer.from(f.iv, 'base64url');
      const tag = Buffer.from(f.tag, 'base64url');
      if (iv.length !== 12 || tag.length !== 16) throw new Error('bad iv or tag');
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(aad(f.issuer, f.kid));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(Buffer.from(f.ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw bad('does not authenticate (tampered, or sealed under another secret)');
    }
    const r = JSON.parse(plain) as KeyRecord;
    if (r.issuer !== f.issuer || r.kid !== f.kid || jwkThumbprint(r.publicJwk) !== r.kid || !isSigAlg(r.alg)) {
      throw bad('sealed record is inconsistent');
    }
    return r;
  }

  private async write(r: KeyRecord): Promise<void> {
    const file = this.fileOf(r.issuer, r.kid);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(this.seal(r), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  private async readIssuer(issuer: string): Promise<KeyRecord[]> {
    const dir = path.join(this.dir, issuerDirName(issuer));
    return this.readDir(dir, issuer);
  }

  private async readDir(dir: string, issuer?: string): Promise<KeyRecord[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: KeyRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || !KID.test(name.slice(0, -5))) continue;
      const file = path.join(dir, name);
      out.push(this.open(await fs.readFile(file, 'utf8'), file, { issuer }));
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.kid < b.kid ? 1 : -1));
  }

  private async readAll(): Promise<KeyRecord[]> {
    let dirs: string[];
    try {
      dirs = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: KeyRecord[] = [];
    for (const d of dirs) if (/^[0-9a-f]{32}$/.test(d)) out.push(...(await this.readDir(path.join(this.dir, d))));
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  private newRecord(issuer: string, alg: SigAlg): KeyRecord {
    const privateJwk = generateSigningJwk(alg);
    const publicJwk = toPublicJwk(privateJwk);
    return {
      issuer,
      kid: jwkThumbprint(publicJwk),
      alg,
      status: 'active',
      createdAt: this.clock.nowIso(),
      retiredAt: null,
      destroyedAt: null,
      publicJwk,
      privateJwk,
    };
  }

  async generate(issuer: string, alg: SigAlg = 'ES256'): Promise<IssuerKeyInfo> {
    checkIssuer(issuer);
    checkAlg(alg);
    return this.exclusive(async () => {
      const existing = await this.readIssuer(issuer);
      if (existing.some((r) => r.status === 'active')) {
        throw new AppError('conflict', 'keystore.active_exists', `issuer ${issuer} already has an active key; rotate it instead`);
      }
      const r = this.newRecord(issuer, alg);
      await this.write(r);
      return infoOf(r);
    });
  }

  async rotate(issuer: string, alg?: SigAlg): Promise<IssuerKeyInfo> {
    checkIssuer(issuer);
    if (alg !== undefined) checkAlg(alg);
    return this.exclusive(async () => {
      const existing = await this.readIssuer(issuer);
      const active = existing.filter((r) => r.status === 'active');
      const next = this.newRecord(issuer, alg ?? active[0]?.alg ?? 'ES256');
      // New key first: a crash between the writes leaves two active keys (the newest is used), never none.
      await this.write(next);
      const now = this.clock.nowIso();
      for (const r of active) await this.write({ ...r, status: 'retired', retiredAt: now });
      return infoOf(next);
    });
  }

  async list(issuer?: string): Promise<IssuerKeyInfo[]> {
    const records = issuer === undefined ? await this.readAll() : await this.readIssuer(issuer);
    return records.map(infoOf);
  }

  async destroy(issuer: string, kid: string): Promise<IssuerKeyInfo> {
    return this.exclusive(async () => {
      const r = (await this.readIssuer(issuer)).find((k) => k.kid === kid);
      if (!r) throw new AppError('not_found', 'keystore.not_found', `no key ${kid} for issuer ${issuer}`);
      const now = this.clock.nowIso();
      const destroyed: KeyRecord = { ...r, status: 'destroyed', privateJwk: null, retiredAt: r.retiredAt ?? now, destroyedAt: r.destroyedAt ?? now };
      await this.write(destroyed);
      return infoOf(destroyed);
    });
  }

  async loadSigner(issuer: string, kid?: string): Promise<IssuerSigningKey> {
    const records = await this.readIssuer(issuer);
    const r = kid === undefined ? records.find((k) => k.status === 'active') : records.find((k) => k.kid === kid);
    if (!r || r.status === 'destroyed' || !r.privateJwk) {
      throw new AppError('not_found', 'keystore.not_found', kid ? `no usable key ${kid} for issuer ${issuer}` : `issuer ${issuer} has no active key`);
    }
    if (r.status !== 'active') throw new AppError('conflict', 'keystore.retired', `key ${r.kid} of issuer ${issuer} is retired: verification only`);
    const signer = createSigner(r.privateJwk, r.kid);
    return { alg: signer.alg, kid: r.kid, issuer, publicJwk: signer.publicJwk, sign: signer.sign };
  }

  async jwks(issuer?: string): Promise<Jwks> {
    const keys = await this.list(issuer);
    return { keys: keys.filter((k) => k.status !== 'destroyed').map(publish) };
  }
}

function checkIssuer(issuer: string): void {
  if (typeof issuer !== 'string' || issuer.length === 0 || issuer.length > 512) {
    throw new AppError('invalid', 'keystore.issuer', 'issuer must be a non-empty string of at most 512 characters');
  }
}

function checkAlg(alg: unknown): void {
  if (!isSigAlg(alg)) throw new AppError('invalid', 'keystore.alg', `unsupported signing algorithm ${String(alg)}`);
}

/** The file-backed store under `<dataDir>/keys`. */
export function createFileKeyStore(deps: { config: { dataDir: string }; keys: SecretKeys; clock: Clock }): FileKeyStore {
  return new FileKeyStore({ dir: path.join(deps.config.dataDir, 'keys'), secret: deps.keys, clock: deps.clock });
}

// ---------------------------------------------------------------------------------------------
// Verification side: issuer keys by (iss, kid), parsed once
// ---------------------------------------------------------------------------------------------

export interface IssuerKeyResolverOptions {
  /** The JWKS of a trusted issuer, or null when the issuer is not trusted (unknown). */
  loadJwks(issuer: string): Promise<Jwks | { keys: unknown[] } | null>;
  clock: Pick<Clock, 'nowMs'>;
  /** How long a loaded JWKS is used before it is loaded again (default 5 minutes). */
  ttlMs?: number;
  /** An unknown kid or issuer triggers a reload at most this often per issuer (default 10 s). */
  minReloadMs?: number;
  /** Issuers kept (default 1,000). */
  max?: number;
}

interface IssuerEntry {
  verifiers: Map<string, JwsVerifier> | null;
  loadedAt: number;
}

/**
 * Resolves (iss, kid) to a parsed verifier, loading each issuer's JWKS at most once per TTL. Answers from the cache
 * synchronously, so the verification hot path does no I/O and no key parsing. A kid that the cached JWKS does not
 * know (a rotation made by another process) reloads it, at most once per `minReloadMs`.
 */
export class IssuerKeyResolver {
  private readonly cache: KeyCache<IssuerEntry>;
  private readonly inflight = new Map<string, Promise<IssuerEntry>>();
  /** The verifiers last built per issuer, reused on reload while the key is unchanged (SM2 precomputation is slow). */
  private readonly lastSeen: KeyCache<Map<string, JwsVerifier>>;
  private readonly minReloadMs: number;

  constructor(private readonly options: IssuerKeyResolverOptions) {
    this.cache = new KeyCache<IssuerEntry>(options.max ?? 1000, options.ttlMs ?? 5 * 60_000, () => options.clock.nowMs());
    this.minReloadMs = options.minReloadMs ?? 10_000;
    this.lastSeen = new KeyCache<Map<string, JwsVerifier>>(options.max ?? 1000);
  }

  /** The verifier for (iss, kid), or null when the issuer is not trusted or has no such published key. */
  resolve = (issuer: string, kid: string | undefined): JwsVerifier | null | Promise<JwsVerifier | null> => {
    if (typeof kid !== 'string') return null;
    const hit = this.cache.get(issuer);
    if (hit) {
      const v = hit.verifiers?.get(kid);
      if (v) return v;
      if (this.options.clock.nowMs() - hit.loadedAt < this.minReloadMs) return null;
    }
    return this.load(issuer).then((e) => e.verifiers?.get(kid) ?? null);
  };

  /** Forget cached JWKS (all, or one issuer's): the next resolve loads it again. */
  invalidate(issuer?: string): void {
    if (issuer === undefined) this.cache.clear();
    else this.cache.delete(issuer);
  }

  private load(issuer: string): Promise<IssuerEntry> {
    let p = this.inflight.get(issuer);
    if (!p) {
      p = (async () => {
        const jwks = await this.options.loadJwks(issuer);
        const previous = this.cache.get(issuer)?.verifiers ?? this.lastSeen.get(issuer) ?? undefined;
        const verifiers = jwks ? parseJwks(jwks, previous) : null;
        if (verifiers) this.lastSeen.set(issuer, verifiers);
        else this.lastSeen.delete(issuer);
        const entry: IssuerEntry = { verifiers, loadedAt: this.options.clock.nowMs() };
        this.cache.set(issuer, entry);
        return entry;
      })().finally(() => this.inflight.delete(issuer));
      this.inflight.set(issuer, p);
    }
    return p;
  }
}

/**
 * Parse a JWKS into verifiers by kid; members that are not usable signing keys are skipped. Verifiers of `previous`
 * whose kid and key are unchanged are reused.
 */
export function parseJwks(jwks: { keys?: unknown }, previous?: Map<string, JwsVerifier>): Map<string, JwsVerifier> {
  const out = new Map<string, JwsVerifier>();
  if (!jwks || !Array.isArray(jwks.keys)) return out;
  for (const k of jwks.keys as Array<Record<string, unknown>>) {
    if (!k || typeof k.kid !== 'string' || (k.use !== undefined && k.use !== 'sig')) continue;
    const old = previous?.get(k.kid);
    if (old && old.jwk.crv === k.crv && old.jwk.x === k.x && old.jwk.y === k.y && (k.alg === undefined || k.alg === old.alg)) {
      out.set(k.kid, old);
      continue;
    }
    try {
      const v = createVerifier(k, { kid: k.kid, precompute: true });
      if (k.alg !== undefined && k.alg !== v.alg) continue;
      out.set(k.kid, v);
    } catch {
      // not a key this platform can verify with
    }
  }
  return out;
}
