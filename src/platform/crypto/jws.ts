import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type ECKeyPairKeyObjectOptions, type KeyObject } from 'node:crypto';
import { SM2_JWS_ALG, Sm2PublicKey, generateSm2KeyPair, sm2KeyFromJwk, sm2KeyToJwk, sm2Sign } from './sm2.js';

/**
 * The JWS pieces the licence formats share: EC keys as JWKs, compact JWS signing and parsing, RFC 7638 thumbprints,
 * and a bounded cache of parsed verification keys.
 *
 * Two algorithms: ES256 (ECDSA P-256 with SHA-256, RFC 7518), the default, and "SM2-SM3" (SM2 with SM3 and the
 * default signer ID; NOT a registered JOSE algorithm, see sm2.ts), whose keys are JWKs with kty "EC" and the
 * unregistered crv "SM2". Signatures are raw r || s (64 bytes) for both.
 *
 * Signing and verification are synchronous node:crypto calls on KeyObjects (no WebCrypto promises): importing a key
 * costs far more than one verification, so verifiers are built once per key and kept (see KeyCache).
 */

export type SigAlg = 'ES256' | typeof SM2_JWS_ALG;
export const SIG_ALGS: readonly SigAlg[] = ['ES256', SM2_JWS_ALG];

export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256' | 'SM2';
  x: string;
  y: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export interface EcPrivateJwk extends EcPublicJwk {
  d: string;
}

export class JwsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwsFormatError';
  }
}

export function isSigAlg(alg: unknown): alg is SigAlg {
  return alg === 'ES256' || alg === SM2_JWS_ALG;
}

export function algOfJwk(jwk: { kty?: unknown; crv?: unknown }): SigAlg {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'EC' && jwk.crv === 'SM2') return SM2_JWS_ALG;
  throw new JwsFormatError('unsupported key: only EC keys on P-256 (ES256) or SM2 (SM2-SM3)');
}

/** The public members of an EC JWK (kty, crv, x, y), whatever else the input carries. */
export function toPublicJwk(jwk: { kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }): EcPublicJwk {
  algOfJwk(jwk);
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new JwsFormatError('EC JWK needs x and y');
  return { kty: 'EC', crv: jwk.crv as EcPublicJwk['crv'], x: jwk.x, y: jwk.y };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) over the required EC members crv, kty, x, y. */
export function jwkThumbprint(jwk: { kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }): string {
  const p = toPublicJwk(jwk);
  const canonical = `{"crv":${JSON.stringify(p.crv)},"kty":"EC","x":${JSON.stringify(p.x)},"y":${JSON.stringify(p.y)}}`;
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}

export function generateSigningJwk(alg: SigAlg = 'ES256'): EcPrivateJwk {
  if (alg === SM2_JWS_ALG) {
    const kp = generateSm2KeyPair();
    return sm2KeyToJwk(kp.publicKey, kp.privateKey) as EcPrivateJwk;
  }
  if (alg !== 'ES256') throw new JwsFormatError(`unsupported algorithm ${String(alg)}`);
  // The JWK comes out of the generation itself. Exporting the returned KeyObject instead (`privateKey.export({format:
  // 'jwk'})`) can hang the process for good on Node 20: the export holds the key's lock while it allocates, and a
  // garbage collection at that moment that frees the generation job takes the same lock (seen in a bulk issuance;
  // jws.test.ts makes it happen in a child process within a few thousand keys).
  // (Node supports the 'jwk' encoding here; its type definitions do not list it.)
  const options = { namedCurve: 'P-256', privateKeyEncoding: { format: 'jwk' }, publicKeyEncoding: { format: 'jwk' } } as unknown as ECKeyPairKeyObjectOptions;
  const jwk = generateKeyPairSync('ec', options).privateKey as unknown as JsonWebKey;
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, d: jwk.d! };
}

export const b64uJson = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

/** Something that signs a JWS signing input with one key. */
export interface JwsSigner {
  readonly alg: SigAlg;
  readonly kid?: string;
  readonly publicJwk: EcPublicJwk;
  /** Raw signature (r || s, 64 bytes) over the ASCII signing input. */
  sign(signingInput: string): Buffer;
}

/** A parsed public key that checks signatures made with one algorithm. */
export interface JwsVerifier {
  readonly alg: SigAlg;
  readonly kid?: string;
  readonly jwk: EcPublicJwk;
  verify(signingInput: string, signature: Uint8Array): boolean;
  /**
   * The same check off the event loop where the algorithm allows: ES256 runs on libuv's thread pool (node:crypto's
   * callback form), so a server verifying many signatures at once uses the machine's other cores while its JavaScript
   * goes on; SM2 (pure JavaScript) answers from the calling thread.
   */
  verifyAsync(signingInput: string, signature: Uint8Array): Promise<boolean>;
}

export function createSigner(privateJwk: EcPrivateJwk, kid?: string): JwsSigner {
  const alg = algOfJwk(privateJwk);
  const publicJwk = toPublicJwk(privateJwk);
  if (alg === SM2_JWS_ALG) {
    const { publicKey, privateKey } = sm2KeyFromJwk(privateJwk);
    if (!privateKey) throw new JwsFormatError('SM2 JWK has no private key');
    return { alg, kid, publicJwk, sign: (input) => sm2Sign(input, privateKey, { publicKey }) };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y, d: privateJwk.d }, format: 'jwk' });
  } catch {
    throw new JwsFormatError('invalid P-256 private JWK');
  }
  return {
    alg,
    kid,
    publicJwk,
    sign: (input) => sign('sha256', Buffer.from(input, 'latin1'), { key, dsaEncoding: 'ieee-p1363' }),
  };
}

/** Build a verifier for a public JWK. Throws JwsFormatError when the key is malformed or not on its curve. */
export function createVerifier(jwk: { kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }, options: { kid?: string; precompute?: boolean } = {}): JwsVerifier {
  const pub = toPublicJwk(jwk);
  const alg = algOfJwk(pub);
  if (alg === SM2_JWS_ALG) {
    let key: Sm2PublicKey;
    try {
      key = new Sm2PublicKey(sm2KeyFromJwk(pub).publicKey, { precompute: options.precompute });
    } catch {
      throw new JwsFormatError('invalid SM2 public JWK');
    }
    const check = (input: string, sig: Uint8Array) => sig.length === 64 && key.verify(input, sig);
    return { alg, kid: options.kid, jwk: pub, verify: check, verifyAsync: async (input, sig) => check(input, sig) };
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y }, format: 'jwk' });
  } catch {
    throw new JwsFormatError('invalid P-256 public JWK');
  }
  return {
    alg,
    kid: options.kid,
    jwk: pub,
    verify: (input, sig) => sig.length === 64 && verify('sha256', Buffer.from(input, 'latin1'), { key, dsaEncoding: 'ieee-p1363' }, sig),
    verifyAsync: (input, sig) =>
      sig.length !== 64
        ? Promise.resolve(false)
        : new Promise((resolve) => {
            verify('sha256', Buffer.from(input, 'latin1'), { key, dsaEncoding: 'ieee-p1363' }, sig, (err, ok) => resolve(!err && ok));
          }),
  };
}

/** Sign a compact JWS. The header's alg (and kid, when the signer has one and the header none) come from the signer. */
export function signJws(header: Record<string, unknown>, payload: Record<string, unknown>, signer: JwsSigner): string {
  const h: Record<string, unknown> = { ...header, alg: signer.alg };
  if (h.kid === undefined && signer.kid !== undefined) h.kid = signer.kid;
  const input = `${b64uJson(h)}.${b64uJson(payload)}`;
  return `${input}.${signer.sign(input).toString('base64url')}`;
}

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `b64u(header).b64u(payload)`, the signed bytes. */
  signingInput: string;
  signature: Buffer;
}

const B64U = /^[A-Za-z0-9_-]*$/;

/** Decode a base64url JSON object. Throws JwsFormatError. */
export function decodeB64uJsonObject(part: string, what: string): Record<string, unknown> {
  if (!B64U.test(part)) throw new JwsFormatError(`${what} is not base64url`);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwsFormatError(`${what} is not JSON`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new JwsFormatError(`${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

/**
 * Split and decode a compact JWS (no verification). Rejects anything but three base64url parts with JSON object
 * header and payload, a supported alg and no `crit` (no extension is understood here).
 */
export function decodeJws(token: string, what = 'JWS'): DecodedJws {
  if (typeof token !== 'string') throw new JwsFormatError(`${what} must be a string`);
  const a = token.indexOf('.');
  const b = a < 0 ? -1 : token.indexOf('.', a + 1);
  if (a < 0 || b < 0 || token.indexOf('.', b + 1) >= 0) throw new JwsFormatError(`${what} must have three dot-separated parts`);
  const header = decodeB64uJsonObject(token.slice(0, a), `${what} header`);
  const payload = decodeB64uJsonObject(token.slice(a + 1, b), `${what} payload`);
  if (!isSigAlg(header.alg)) throw new JwsFormatError(`${what} alg ${JSON.stringify(header.alg)} is not accepted (ES256 or SM2-SM3)`);
  if (header.crit !== undefined) throw new JwsFormatError(`${what} has critical header parameters that are not understood`);
  const sigPart = token.slice(b + 1);
  if (!B64U.test(sigPart)) throw new JwsFormatError(`${what} signature is not base64url`);
  return { header, payload, signingInput: token.slice(0, b), signature: Buffer.from(sigPart, 'base64url') };
}

/** True when the JWS's alg is the verifier's and the signature checks out. */
export function verifyJwsSignature(jws: DecodedJws, verifier: JwsVerifier): boolean {
  return jws.header.alg === verifier.alg && verifier.verify(jws.signingInput, jws.signature);
}

/**
 * A bounded map with an optional time-to-live (oldest entries go first when full). Used for parsed keys and decoded
 * status lists; `nowMs` comes from the caller's clock so tests can move time.
 */
export class KeyCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();

  constructor(
    readonly max = 10_000,
    readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.nowMs()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, ttlMs = this.ttlMs): void {
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, until: this.nowMs() + ttlMs });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * Verifiers for holder keys (cnf.jwk), keyed by the key itself: building one costs ~100× a verification, and a key's
 * verifier never changes, so entries only leave when the cache is full.
 */
export class HolderKeyCache {
  private readonly cache: KeyCache<JwsVerifier>;

  constructor(max = 10_000) {
    this.cache = new KeyCache<JwsVerifier>(max);
  }

  /** Throws JwsFormatError on a malformed key. */
  get(jwk: { kty?: unknown; crv?: unknown; x?: unknown; y?: unknown }): JwsVerifier {
    const id = `${String(jwk.crv)}.${String(jwk.x)}.${String(jwk.y)}`;
    let v = this.cache.get(id);
    if (!v) {
      v = createVerifier(jwk);
      this.cache.set(id, v);
    }
    return v;
  }
}
