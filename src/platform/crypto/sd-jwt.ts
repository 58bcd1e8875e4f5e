import crypto, { createHash, randomBytes } from 'node:crypto';
import { SDJwtInstance } from '@sd-jwt/core';
import {
  HolderKeyCache,
  JwsFormatError,
  createSigner,
  decodeJws,
  toPublicJwk,
  type DecodedJws,
  type EcPrivateJwk,
  type EcPublicJwk,
  type JwsSigner,
  type JwsVerifier,
} from './jws.js';

/**
 * Licences as SD-JWT VCs (IETF SD-JWT, RFC 9901; SD-JWT VC, draft-ietf-oauth-sd-jwt-vc):
 *
 *   <issuer-signed JWT>~<disclosure>~…~<disclosure>~<KB-JWT>
 *
 * - issuer-signed JWT: header { typ: "dc+sd-jwt", alg: ES256 | SM2-SM3, kid }; payload { iss, iat, nbf?, exp?, vct,
 *   cnf: { jwk: holder key }, status: { status_list: { idx, uri } }, _sd_alg: "sha-256", _sd: [...], …always-visible
 *   claims }. Selectively disclosable claims are replaced by digests of their disclosures.
 * - KB-JWT (key binding): header { typ: "kb+jwt", alg }; payload { iat, aud, nonce, sd_hash }, signed with the holder's
 *   private key; sd_hash = base64url(SHA-256(everything before the KB-JWT, including the last "~")).
 *
 * Issuance and presentation use @sd-jwt/core (0.19.0) with node:crypto signers; verification is implemented here
 * so that each check is reported on its own (see VerificationCheck) and nothing is parsed twice.
 */

export const SD_JWT_VC_TYP = 'dc+sd-jwt';
export const KB_JWT_TYP = 'kb+jwt';
export const SD_HASH_ALG = 'sha-256';

/** Claims the issuer sets itself; SD-JWT VC forbids making them selectively disclosable. */
const RESERVED_CLAIMS = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status', '_sd', '_sd_alg', '...']);

export interface StatusListRef {
  idx: number;
  uri: string;
}

export interface IssueSdJwtVcInput {
  issuer: string;
  /** Credential type (for a licence: its type's URI or code). */
  vct: string;
  /** The licence's claims; nested objects allowed. Reserved claims (iss, iat, cnf, …) are not allowed here. */
  claims: Record<string, unknown>;
  /** Claim paths to make selectively disclosable: top-level names, or dotted paths into nested objects. */
  disclosable: readonly string[];
  signer: JwsSigner;
  /** Defaults to the signer's kid. */
  kid?: string;
  /** The holder's public key, bound into cnf.jwk. */
  holderJwk: EcPublicJwk;
  status?: StatusListRef;
  /** Seconds since the epoch. */
  iat: number;
  nbf?: number;
  exp?: number;
  /** Decoy digests added to the top-level _sd (hide how many claims there are). */
  decoys?: number;
}

function sha256(data: string | ArrayBuffer | Uint8Array): Buffer {
  const h = createHash('sha256');
  if (typeof data === 'string') h.update(data, 'utf8');
  else h.update(data instanceof Uint8Array ? data : new Uint8Array(data));
  return h.digest();
}

function hasher(data: string | ArrayBuffer, alg: string): Uint8Array {
  if (alg.toLowerCase() !== SD_HASH_ALG) throw new Error(`unsupported SD-JWT hash algorithm ${alg}`);
  return sha256(data);
}

const saltGenerator = (length: number) => randomBytes(length).toString('base64url');
const signWith = (signer: JwsSigner) => (input: string) => signer.sign(input).toString('base64url');

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

type Frame = { _sd?: string[]; _sd_decoy?: number; [k: string]: unknown };

function disclosureFrame(claims: Record<string, unknown>, paths: readonly string[], decoys: number): Frame {
  const frame: Frame = {};
  for (const p of new Set(paths)) {
    const segs = p.split('.');
    if (segs.some((s) => s === '')) throw new RangeError(`disclosable path "${p}" is malformed`);
    if (RESERVED_CLAIMS.has(segs[0]) || segs.includes('_sd') || segs.includes('...')) {
      throw new RangeError(`claim "${p}" cannot be selectively disclosable`);
    }
    let node: unknown = claims;
    let f = frame;
    for (let i = 0; i < segs.length; i++) {
      if (!node || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segs[i])) {
        throw new RangeError(`disclosable claim "${p}" is not in the claims`);
      }
      if (i === segs.length - 1) {
        (f._sd ??= []).push(segs[i]);
      } else {
        node = (node as Record<string, unknown>)[segs[i]];
        f = (f[segs[i]] ??= {}) as Frame;
      }
    }
  }
  if (decoys > 0) frame._sd_decoy = decoys;
  return frame;
}

/** Issue a licence as an SD-JWT VC (no key binding: that is the holder's, at presentation). */
export async function issueSdJwtVc(input: IssueSdJwtVcInput): Promise<string> {
  const kid = input.kid ?? input.signer.kid;
  if (!kid) throw new RangeError('issueSdJwtVc: a kid is required');
  if (typeof input.issuer !== 'string' || input.issuer === '') throw new RangeError('issueSdJwtVc: issuer is required');
  if (typeof input.vct !== 'string' || input.vct === '') throw new RangeError('issueSdJwtVc: vct is required');
  for (const name of Object.keys(input.claims)) {
    if (RESERVED_CLAIMS.has(name)) throw new RangeError(`issueSdJwtVc: claim "${name}" is set by the issuer, not in claims`);
  }
  if (!isInt(input.iat)) throw new RangeError('issueSdJwtVc: iat must be whole seconds');
  if (input.nbf !== undefined && !isInt(input.nbf)) throw new RangeError('issueSdJwtVc: nbf must be whole seconds');
  if (input.exp !== undefined && (!isInt(input.exp) || input.exp <= (input.nbf ?? input.iat))) {
    throw new RangeError('issueSdJwtVc: exp must be whole seconds after nbf (or iat)');
  }
  if (input.status && (!isInt(input.status.idx) || input.status.idx < 0 || typeof input.status.uri !== 'string')) {
    throw new RangeError('issueSdJwtVc: status needs a non-negative integer idx and a uri');
  }
  const holder = toPublicJwk(input.holderJwk);
  const payload: Record<string, unknown> = {
    iss: input.issuer,
    iat: input.iat,
    ...(input.nbf !== undefined ? { nbf: input.nbf } : {}),
    ...(input.exp !== undefined ? { exp: input.exp } : {}),
    vct: input.vct,
    cnf: { jwk: holder },
    ...(input.status ? { status: { status_list: { idx: input.status.idx, uri: input.status.uri } } } : {}),
    ...input.claims,
  };
  const frame = disclosureFrame(input.claims, input.disclosable, input.decoys ?? 0);
  const sd = new SDJwtInstance<Record<string, unknown>>({
    signer: signWith(input.signer),
    signAlg: input.signer.alg,
    hasher,
    hashAlg: SD_HASH_ALG,
    saltGenerator,
  });
  return sd.issue(payload, frame as never, { header: { typ: SD_JWT_VC_TYP, kid } });
}

export interface PresentSdJwtVcInput {
  sdJwt: string;
  /** Claim paths to disclose (as in `disclosable` at issuance); the parents of a nested path are disclosed too. */
  disclose: readonly string[];
  /** The holder's private key (the one in cnf.jwk) or a signer for it. */
  holderKey: EcPrivateJwk | JwsSigner;
  nonce: string;
  aud: string;
  /** Seconds since the epoch. */
  iat: number;
}

/** The claim paths the holder may disclose. */
export async function disclosablePaths(sdJwt: string): Promise<string[]> {
  const sd = new SDJwtInstance<Record<string, unknown>>({ hasher, hashAlg: SD_HASH_ALG });
  return sd.presentableKeys(sdJwt.slice(0, sdJwt.lastIndexOf('~') + 1));
}

/** The holder's presentation: the chosen disclosures and a KB-JWT over them with the verifier's nonce and aud. */
export async function presentSdJwtVc(input: PresentSdJwtVcInput): Promise<string> {
  const signer = 'sign' in input.holderKey ? input.holderKey : createSigner(input.holderKey);
  if (typeof input.nonce !== 'string' || input.nonce === '' || typeof input.aud !== 'string' || input.aud === '') {
    throw new RangeError('presentSdJwtVc: nonce and aud are required');
  }
  if (!isInt(input.iat)) throw new RangeError('presentSdJwtVc: iat must be whole seconds');
  const issued = input.sdJwt.slice(0, input.sdJwt.lastIndexOf('~') + 1); // drop any earlier KB-JWT
  const available = new Set(await disclosablePaths(issued));
  const frame: Record<string, unknown> = {};
  for (const p of new Set(input.disclose)) {
    if (!available.has(p)) throw new RangeError(`presentSdJwtVc: "${p}" is not a disclosable claim of this credential`);
    const segs = p.split('.');
    let f = frame;
    for (let i = 0; i < segs.length - 1; i++) {
      if (f[segs[i]] === true || f[segs[i]] === undefined) f[segs[i]] = {};
      f = f[segs[i]] as Record<string, unknown>;
    }
    const last = segs[segs.length - 1];
    if (f[last] === undefined) f[last] = true;
  }
  const sd = new SDJwtInstance<Record<string, unknown>>({
    hasher,
    hashAlg: SD_HASH_ALG,
    kbSigner: signWith(signer),
    kbSignAlg: signer.alg,
  });
  return sd.present(issued, frame as never, { kb: { payload: { iat: input.iat, aud: input.aud, nonce: input.nonce } } });
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

export type VerificationCheck =
  | 'format' // the presentation or one of its parts cannot be parsed, or a required claim is missing or mistyped
  | 'issuer_trust' // the issuer is not trusted or has no published key with this kid
  | 'signature' // the issuer's signature does not verify (or its alg does not match the key)
  | 'disclosure' // a disclosure is malformed, repeated, or not referenced by a digest the issuer signed
  | 'validity' // expired, not yet valid, or issued in the future
  | 'status' // revoked, suspended, or the status could not be established
  | 'holder_binding' // no KB-JWT, not signed by the cnf key, wrong sd_hash, or stale
  | 'nonce' // the KB-JWT's nonce is not the verifier's
  | 'audience'; // the KB-JWT's aud is not the verifier

export interface VerificationFailure {
  check: VerificationCheck;
  message: string;
}

export type IssuerKeyLookup = (issuer: string, kid: string | undefined) => JwsVerifier | null | undefined | Promise<JwsVerifier | null | undefined>;
/** Status of the referenced entry: 0 VALID, 1 INVALID (revoked), 2 SUSPENDED, 3 application-specific. Throws when unknown. */
export type StatusLookup = (ref: StatusListRef, issuer: string) => number | Promise<number>;

export interface VerifySdJwtVcOptions {
  resolveIssuerKey: IssuerKeyLookup;
  /** The nonce this verifier handed out for this presentation. */
  expectedNonce: string;
  /** This verifier's identifier, as the holder put it in aud. */
  expectedAud: string;
  /** Seconds since the epoch (default: the system clock). */
  now?: number;
  statusCheck?: StatusLookup;
  /** A credential without a status reference fails the status check (default true). */
  requireStatus?: boolean;
  /** Allowed clock difference for iat, nbf and exp (default 60 s). */
  clockSkewSeconds?: number;
  /** How old a KB-JWT may be (default 300 s). */
  kbMaxAgeSeconds?: number;
  /** Parsed holder keys, kept across calls (pass one shared cache; default: a fresh one per call). */
  holderKeys?: HolderKeyCache;
}

export interface SdJwtVcVerification {
  ok: boolean;
  failures: VerificationFailure[];
  /** As claimed by the presentation (also when verification failed, for messages). */
  issuer?: string;
  kid?: string;
  vct?: string;
  /** The status found in the status list, when it was looked up. */
  status?: number;
  /** Only when ok: every claim the verifier may rely on (always-visible and disclosed), without _sd/_sd_alg. */
  claims?: Record<string, unknown>;
  /** Only when ok: paths of the selectively disclosed claims the holder presented. */
  disclosed?: string[];
}

const B64U = /^[A-Za-z0-9_-]+$/;
const MAX_DEPTH = 32;

interface DisclosureEntry {
  index: number;
  name: string | null;
  value: unknown;
  used: boolean;
  /** A failure about this disclosure was already reported. */
  reported: boolean;
}

function defineClaim(obj: Record<string, unknown>, name: string, value: unknown): void {
  // Plain assignment to "__proto__" would replace the object's prototype instead of adding a claim.
  if (name === '__proto__') Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
  else obj[name] = value;
}

/** base64url(SHA-256(ASCII text)); the one-shot crypto.hash where Node has it (≥ 20.12), else a Hash object. */
const sha256b64u: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash(alg: string, data: string, enc: string): string }).hash('sha256', text, 'base64url')
    : (text) => createHash('sha256').update(text, 'utf8').digest('base64url');

/** Replace digests by disclosed values (RFC 9901 §7.1, steps 3–5), reporting each problem. */
function unpackDisclosures(
  payload: Record<string, unknown>,
  encoded: string[],
  failures: VerificationFailure[],
): { claims: Record<string, unknown>; disclosed: string[] } {
  const byDigest = new Map<string, DisclosureEntry>();
  const fail = (message: string) => failures.push({ check: 'disclosure', message });
  for (let i = 0; i < encoded.length; i++) {
    const d = encoded[i];
    let arr: unknown;
    try {
      if (!B64U.test(d)) throw new Error();
      arr = JSON.parse(Buffer.from(d, 'base64url').toString('utf8'));
    } catch {
      fail(`disclosure #${i + 1} is not base64url-encoded JSON`);
      continue;
    }
    let entry: DisclosureEntry;
    if (Array.isArray(arr) && arr.length === 3 && typeof arr[0] === 'string' && typeof arr[1] === 'string') {
      if (arr[1] === '_sd' || arr[1] === '...') {
        fail(`disclosure #${i + 1} uses the reserved claim name "${arr[1]}"`);
        continue;
      }
      entry = { index: i + 1, name: arr[1], value: arr[2], used: false, reported: false };
    } else if (Array.isArray(arr) && arr.length === 2 && typeof arr[0] === 'string') {
      entry = { index: i + 1, name: null, value: arr[1], used: false, reported: false };
    } else {
      fail(`disclosure #${i + 1} is not [salt, name, value] or [salt, value]`);
      continue;
    }
    const digest = sha256b64u(d);
    if (byDigest.has(digest)) {
      fail(`disclosure #${i + 1} repeats disclosure #${byDigest.get(digest)!.index}`);
      continue;
    }
    byDigest.set(digest, entry);
  }

  const seen = new Set<string>();
  const disclosed: string[] = [];
  let tooDeep = false;
  const take = (digest: unknown, path: string): DisclosureEntry | undefined => {
    if (typeof digest !== 'string') {
      fail(`a digest at ${path || 'the top level'} is not a string`);
      return undefined;
    }
    if (seen.has(digest)) {
      fail(`digest ${digest} appears more than once`);
      return undefined;
    }
    seen.add(digest);
    return byDigest.get(digest);
  };
  const unpack = (v: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return null;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const el of v) {
        if (el && typeof el === 'object' && !Array.isArray(el) && Object.keys(el).length === 1 && Object.hasOwn(el, '...')) {
          const entry = take((el as Record<string, unknown>)['...'], path);
          if (!entry) continue; // decoy, or an element the holder did not disclose
          if (entry.name !== null) {
            entry.reported = true;
            fail(`disclosure #${entry.index} (claim "${entry.name}") is referenced as an array element`);
            continue;
          }
          entry.used = true;
          disclosed.push(`${path}[${out.length}]`);
          out.push(unpack(entry.value, `${path}[${out.length}]`, depth + 1));
        } else {
          out.push(unpack(el, `${path}[${out.length}]`, depth + 1));
        }
      }
      return out;
    }
    if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(obj)) {
        if (k === '_sd' || (depth === 0 && k === '_sd_alg')) continue;
        defineClaim(out, k, unpack(obj[k], path ? `${path}.${k}` : k, depth + 1));
      }
      if (obj._sd !== undefined) {
        if (!Array.isArray(obj._sd)) {
          fail(`_sd at ${path || 'the top level'} is not an array`);
        } else {
          for (const digest of obj._sd) {
            const entry = take(digest, path);
            if (!entry) continue;
            const name = entry.name;
            if (name === null) {
              entry.reported = true;
              fail(`disclosure #${entry.index} (an array element) is referenced as an object property`);
              continue;
            }
            const claimPath = path ? `${path}.${name}` : name;
            if (depth === 0 && RESERVED_CLAIMS.has(name)) {
              entry.reported = true;
              fail(`disclosure #${entry.index} discloses "${name}", which must not be selectively disclosable`);
              continue;
            }
            if (Object.hasOwn(out, name)) {
              entry.reported = true;
              fail(`disclosure #${entry.index} would overwrite the claim "${claimPath}"`);
              continue;
            }
            entry.used = true;
            disclosed.push(claimPath);
            defineClaim(out, name, unpack(entry.value, claimPath, depth + 1));
          }
        }
      }
      return out;
    }
    return v;
  };
  const claims = unpack(payload, '', 0) as Record<string, unknown>;
  if (tooDeep) fail(`claims are nested deeper than ${MAX_DEPTH} levels`);
  for (const entry of byDigest.values()) {
    if (!entry.used && !entry.reported) {
      fail(
        `disclosure #${entry.index}${entry.name !== null ? ` (claim "${entry.name}")` : ''} does not match any digest the issuer signed: altered or foreign`,
      );
    }
  }
  return { claims, disclosed };
}

function iso(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : d.toISOString();
}

function isThenable<T>(v: T | Promise<T>): v is Promise<T> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

const KB_NOT_SIGNED = 'key-binding JWT is not signed by the holder key in cnf.jwk';

const STATUS_TEXT: Record<number, string> = { 1: 'revoked (INVALID)', 2: 'suspended (SUSPENDED)' };

/**
 * Verify a presented licence. Every check runs that can (a failure does not hide the others), except that the status
 * list is only consulted for a credential whose issuer and signature verified. `ok` is true only with no failure.
 */
export async function verifySdJwtVc(presentation: string, options: VerifySdJwtVcOptions): Promise<SdJwtVcVerification> {
  underWay++;
  try {
    return await verifyPresentation(presentation, options);
  } finally {
    underWay--;
  }
}

/**
 * Verifications under way in this process. A lone one checks its signatures on the calling thread (the hop to the
 * thread pool and back costs more time than it saves); while others are under way too, they go to the pool
 * (verifyAsync), so the process's other cores check signatures while this thread decodes, looks up and answers.
 */
let underWay = 0;

function checkSignature(key: JwsVerifier, jws: DecodedJws): Promise<boolean> {
  return underWay > 1 ? key.verifyAsync(jws.signingInput, jws.signature) : Promise.resolve(key.verify(jws.signingInput, jws.signature));
}

async function verifyPresentation(presentation: string, options: VerifySdJwtVcOptions): Promise<SdJwtVcVerification> {
  if (typeof options.expectedNonce !== 'string' || options.expectedNonce === '' || typeof options.expectedAud !== 'string' || options.expectedAud === '') {
    throw new TypeError('verifySdJwtVc: expectedNonce and expectedAud are required');
  }
  const failures: VerificationFailure[] = [];
  const result: SdJwtVcVerification = { ok: false, failures };
  const formatFail = (message: string) => {
    failures.push({ check: 'format', message });
    return result;
  };
  if (typeof presentation !== 'string' || presentation.length === 0) return formatFail('presentation must be a non-empty string');
  const now = options.now ?? Date.now() / 1000;
  const skew = options.clockSkewSeconds ?? 60;

  // --- structure ------------------------------------------------------------------------------
  const parts = presentation.split('~');
  if (parts.length < 2) return formatFail('not an SD-JWT: no "~" separator');
  const kbPart = parts[parts.length - 1];
  const disclosures = parts.slice(1, -1);
  let jws: DecodedJws;
  try {
    jws = decodeJws(parts[0], 'issuer-signed JWT');
  } catch (err) {
    return formatFail(err instanceof JwsFormatError ? err.message : 'issuer-signed JWT cannot be decoded');
  }
  const { header, payload } = jws;
  const iss = payload.iss;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  result.kid = kid;
  if (typeof iss === 'string') result.issuer = iss;
  if (typeof payload.vct === 'string') result.vct = payload.vct;
  if (header.typ !== SD_JWT_VC_TYP) formatFail(`issuer-signed JWT typ must be "${SD_JWT_VC_TYP}", not ${JSON.stringify(header.typ)}`);
  if (typeof iss !== 'string' || iss === '') return formatFail('issuer-signed JWT has no iss');
  if (typeof payload.vct !== 'string') formatFail('issuer-signed JWT has no vct');
  if (payload._sd_alg !== undefined && payload._sd_alg !== SD_HASH_ALG) {
    return formatFail(`unsupported _sd_alg ${JSON.stringify(payload._sd_alg)} (only ${SD_HASH_ALG})`);
  }

  // --- issuer trust and signature ------------------------------------------------------------
  let issuerVerified = false;
  let key: JwsVerifier | null | undefined;
  try {
    const k = options.resolveIssuerKey(iss, kid);
    key = isThenable(k) ? await k : k;
    if (!key) failures.push({ check: 'issuer_trust', message: `no trusted key ${kid ?? '(no kid)'} for issuer ${iss}` });
  } catch (err) {
    failures.push({ check: 'issuer_trust', message: `issuer keys of ${iss} could not be loaded: ${(err as Error).message}` });
    key = null;
  }
  // The two signatures (issuer and key binding) are checked side by side, off the event loop when other
  // verifications are under way (checkSignature); the checks between them go on meanwhile. A failure found when a
  // signature's answer comes is put where its check stands in the list: the failures keep the order of the checks.
  let issuerSignature: Promise<boolean> | null = null;
  let issuerSignatureAt = 0;
  if (key) {
    if (header.alg !== key.alg) {
      failures.push({ check: 'signature', message: `alg ${String(header.alg)} does not match the issuer key (${key.alg})` });
    } else {
      issuerSignature = checkSignature(key, jws);
      issuerSignatureAt = failures.length;
    }
  }

  // --- disclosures ---------------------------------------------------------------------------
  const { claims, disclosed } = unpackDisclosures(payload, disclosures, failures);

  // --- validity dates --------------------------------------------------------------------------
  const { iat, nbf, exp } = payload;
  if (iat !== undefined && typeof iat !== 'number') formatFail('iat is not a number');
  else if (typeof iat === 'number' && iat > now + skew) failures.push({ check: 'validity', message: `issued in the future (${iso(iat)})` });
  if (nbf !== undefined && typeof nbf !== 'number') formatFail('nbf is not a number');
  else if (typeof nbf === 'number' && now + skew < nbf) failures.push({ check: 'validity', message: `not valid before ${iso(nbf)}` });
  if (exp !== undefined && typeof exp !== 'number') formatFail('exp is not a number');
  else if (typeof exp === 'number' && now - skew >= exp) failures.push({ check: 'validity', message: `expired at ${iso(exp)}` });

  // --- holder binding, nonce, audience ---------------------------------------------------------
  const cnf = payload.cnf as { jwk?: unknown } | undefined;
  const cnfJwk = cnf && typeof cnf === 'object' ? cnf.jwk : undefined;
  let kbSignature: Promise<boolean> | null = null;
  let kbSignatureAt = 0;
  let kbHashOk = false;
  if (kbPart === '') {
    failures.push({ check: 'holder_binding', message: 'presentation has no key-binding JWT' });
  } else if (!cnfJwk || typeof cnfJwk !== 'object') {
    failures.push({ check: 'holder_binding', message: 'credential is not bound to a holder key (no cnf.jwk)' });
  } else {
    let kb: DecodedJws | null = null;
    try {
      kb = decodeJws(kbPart, 'key-binding JWT');
    } catch (err) {
      formatFail(err instanceof JwsFormatError ? err.message : 'key-binding JWT cannot be decoded');
    }
    if (kb) {
      let holderKey: JwsVerifier | null = null;
      try {
        holderKey = (options.holderKeys ?? new HolderKeyCache(1)).get(cnfJwk as Record<string, unknown>);
      } catch {
        failures.push({ check: 'holder_binding', message: 'cnf.jwk is not a usable public key' });
      }
      if (holderKey) {
        if (kb.header.typ !== KB_JWT_TYP) {
          failures.push({ check: 'holder_binding', message: `key-binding JWT typ must be "${KB_JWT_TYP}"` });
        }
        if (kb.header.alg !== holderKey.alg) {
          failures.push({ check: 'holder_binding', message: KB_NOT_SIGNED });
        } else {
          kbSignature = checkSignature(holderKey, kb);
          kbSignatureAt = failures.length;
          kbHashOk = kb.payload.sd_hash === sha256b64u(presentation.slice(0, presentation.length - kbPart.length));
        }
        const kbIat = kb.payload.iat;
        const maxAge = options.kbMaxAgeSeconds ?? 300;
        if (typeof kbIat !== 'number') {
          failures.push({ check: 'holder_binding', message: 'key-binding JWT has no iat' });
        } else if (kbIat > now + skew || kbIat < now - maxAge - skew) {
          failures.push({ check: 'holder_binding', message: `key-binding JWT iat ${iso(kbIat)} is outside the accepted window` });
        }
      }
      if (kb.payload.nonce !== options.expectedNonce) failures.push({ check: 'nonce', message: 'key-binding JWT nonce is not the one this verifier issued' });
      if (kb.payload.aud !== options.expectedAud) failures.push({ check: 'audience', message: `key-binding JWT is for ${JSON.stringify(kb.payload.aud)}, not this verifier` });
    }
  }

  // --- the signatures' answers, each in its place ----------------------------------------------------------------
  const [issuerSigned, kbSigned] = await Promise.all([issuerSignature, kbSignature]);
  if (kbSignature) {
    if (!kbSigned) failures.splice(kbSignatureAt, 0, { check: 'holder_binding', message: KB_NOT_SIGNED });
    else if (!kbHashOk) failures.splice(kbSignatureAt, 0, { check: 'holder_binding', message: 'sd_hash does not match the presented SD-JWT and disclosures' });
  }
  if (issuerSignature) {
    if (issuerSigned) issuerVerified = true;
    else failures.splice(issuerSignatureAt, 0, { check: 'signature', message: 'issuer signature does not verify' });
  }

  // --- status ----------------------------------------------------------------------------------
  const statusClaim = payload.status as { status_list?: { idx?: unknown; uri?: unknown } } | undefined;
  const ref = statusClaim && typeof statusClaim === 'object' ? statusClaim.status_list : undefined;
  if (ref === undefined) {
    if (options.requireStatus !== false) failures.push({ check: 'status', message: 'credential carries no status list reference' });
  } else if (!ref || typeof ref !== 'object' || !isInt(ref.idx) || ref.idx < 0 || typeof ref.uri !== 'string') {
    formatFail('status.status_list must have a non-negative integer idx and a uri');
  } else if (issuerVerified) {
    if (!options.statusCheck) {
      failures.push({ check: 'status', message: 'no status check is configured' });
    } else {
      try {
        const s = options.statusCheck({ idx: ref.idx, uri: ref.uri }, iss);
        const status = isThenable(s) ? await s : s;
        result.status = status;
        if (status !== 0) failures.push({ check: 'status', message: `credential is ${STATUS_TEXT[status] ?? `in status ${status}, not VALID`}` });
      } catch (err) {
        failures.push({ check: 'status', message: `status could not be established: ${(err as Error).message}` });
      }
    }
  }

  if (failures.length === 0) {
    result.ok = true;
    result.claims = claims;
    result.disclosed = disclosed;
  }
  return result;
}

/** Decode without verifying (for display in a wallet): header, issuer payload, and every disclosed claim. */
export function decodeSdJwtVcUnverified(sdJwt: string): { header: Record<string, unknown>; claims: Record<string, unknown>; disclosed: string[] } {
  const parts = sdJwt.split('~');
  const jws = decodeJws(parts[0], 'issuer-signed JWT');
  const failures: VerificationFailure[] = [];
  const { claims, disclosed } = unpackDisclosures(jws.payload, parts.slice(1, -1), failures);
  if (failures.length) throw new JwsFormatError(failures.map((f) => f.message).join('; '));
  return { header: jws.header, claims, disclosed };
}
