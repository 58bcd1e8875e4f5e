import { deflateSync, inflateSync } from 'node:zlib';
import type { Clock } from '../clock.js';
import { JwsFormatError, KeyCache, decodeJws, signJws, type JwsSigner } from './jws.js';
import type { IssuerKeyLookup, StatusListRef } from './sd-jwt.js';

/**
 * Token Status List (IETF draft-ietf-oauth-status-list): the statuses of many credentials in one compressed bit
 * array, published as a signed `statuslist+jwt`.
 *
 * - Each credential owns an index; with `bits` = 2 each entry is a 2-bit value: 0 VALID, 1 INVALID (revoked, final),
 *   2 SUSPENDED (reversible), 3 application-specific. Entry i occupies bits (i·bits) mod 8 upwards of byte
 *   ⌊i·bits / 8⌋, least significant first.
 * - `lst` = base64url(ZLIB/DEFLATE(bytes)); the token: header { typ: "statuslist+jwt", alg, kid }, claims
 *   { iss, sub: the list's URI, iat, exp?, ttl?, status_list: { bits, lst } }.
 * - A credential points at its entry with `status: { status_list: { idx, uri } }`.
 */

export const STATUS_LIST_TYP = 'statuslist+jwt';
export const StatusType = { VALID: 0, INVALID: 1, SUSPENDED: 2 } as const;
/** 131,072 entries: large enough that one list does not single out a holder; 32 KiB raw at 2 bits. */
export const DEFAULT_STATUS_LIST_SIZE = 131_072;
/** Upper bound of a decoded list (guards against decompression bombs): 16 MiB, i.e. 64 M entries at 2 bits. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

export type StatusBits = 1 | 2 | 4 | 8;

export class StatusListError extends Error {
  constructor(
    readonly reason: 'format' | 'type' | 'issuer_trust' | 'signature' | 'subject' | 'issuer' | 'expired' | 'index',
    message: string,
  ) {
    super(message);
    this.name = 'StatusListError';
  }
}

function isBits(v: unknown): v is StatusBits {
  return v === 1 || v === 2 || v === 4 || v === 8;
}

export class StatusList {
  readonly bits: StatusBits;
  /** Number of entries. */
  readonly size: number;
  private readonly bytes: Uint8Array;
  private readonly mask: number;

  constructor(size: number = DEFAULT_STATUS_LIST_SIZE, bits: StatusBits = 2, bytes?: Uint8Array) {
    if (!isBits(bits)) throw new RangeError('status list bits must be 1, 2, 4 or 8');
    if (!Number.isSafeInteger(size) || size < 1 || Math.ceil((size * bits) / 8) > MAX_STATUS_LIST_BYTES) {
      throw new RangeError('status list size out of range');
    }
    const length = Math.ceil((size * bits) / 8);
    if (bytes && bytes.length !== length) throw new RangeError('status list bytes do not match its size');
    this.bits = bits;
    this.size = size;
    this.bytes = bytes ?? new Uint8Array(length);
    this.mask = (1 << bits) - 1;
  }

  /** Decode `{ bits, lst }`. The size is what the bytes hold (a list does not record its exact entry count). */
  static decode(statusList: { bits?: unknown; lst?: unknown }, maxBytes = MAX_STATUS_LIST_BYTES): StatusList {
    if (!statusList || typeof statusList !== 'object') throw new StatusListError('format', 'status_list must be an object');
    const { bits, lst } = statusList;
    if (!isBits(bits)) throw new StatusListError('format', 'status_list.bits must be 1, 2, 4 or 8');
    if (typeof lst !== 'string' || !/^[A-Za-z0-9_-]+$/.test(lst)) throw new StatusListError('format', 'status_list.lst must be base64url');
    let bytes: Buffer;
    try {
      bytes = inflateSync(Buffer.from(lst, 'base64url'), { maxOutputLength: maxBytes });
    } catch {
      throw new StatusListError('format', 'status_list.lst is not a ZLIB stream within the size limit');
    }
    if (bytes.length === 0) throw new StatusListError('format', 'status_list.lst is empty');
    return new StatusList((bytes.length * 8) / bits, bits, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  }

  get(idx: number): number {
    if (!Number.isSafeInteger(idx) || idx < 0 || idx >= this.size) throw new StatusListError('index', `status index ${idx} is outside the list (size ${this.size})`);
    const bit = idx * this.bits;
    return (this.bytes[bit >>> 3] >>> (bit & 7)) & this.mask;
  }

  /**
   * Set entry `idx`. INVALID is final (the draft's "irreversible"): changing an INVALID entry throws.
   */
  set(idx: number, status: number): void {
    if (!Number.isInteger(status) || status < 0 || status > this.mask) throw new RangeError(`status ${status} does not fit in ${this.bits} bits`);
    const current = this.get(idx);
    if (current === StatusType.INVALID && status !== StatusType.INVALID) {
      throw new RangeError(`entry ${idx} is INVALID (revoked), which cannot be undone`);
    }
    const bit = idx * this.bits;
    const i = bit >>> 3;
    const shift = bit & 7;
    this.bytes[i] = (this.bytes[i] & ~(this.mask << shift)) | (status << shift);
  }

  /** `{ bits, lst }` for the token. */
  encode(): { bits: StatusBits; lst: string } {
    return { bits: this.bits, lst: deflateSync(this.bytes, { level: 9 }).toString('base64url') };
  }

  /** A copy of the raw bytes (for storage). */
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export interface SignStatusListInput {
  /** The list's URI: the token's sub and the credentials' status.status_list.uri. */
  uri: string;
  issuer: string;
  signer: JwsSigner;
  /** Seconds since the epoch. */
  iat: number;
  exp?: number;
  /** Seconds a consumer may cache the token. */
  ttl?: number;
}

export function signStatusListToken(list: StatusList, input: SignStatusListInput): string {
  if (!input.signer.kid) throw new RangeError('signStatusListToken: the signer needs a kid');
  if (input.ttl !== undefined && !(Number.isInteger(input.ttl) && input.ttl > 0)) throw new RangeError('signStatusListToken: ttl must be a positive integer');
  const claims: Record<string, unknown> = { iss: input.issuer, sub: input.uri, iat: input.iat };
  if (input.exp !== undefined) claims.exp = input.exp;
  if (input.ttl !== undefined) claims.ttl = input.ttl;
  claims.status_list = list.encode();
  return signJws({ typ: STATUS_LIST_TYP, kid: input.signer.kid }, claims, input.signer);
}

export interface VerifiedStatusList {
  list: StatusList;
  issuer: string;
  uri: string;
  iat: number;
  exp?: number;
  ttl?: number;
}

export interface VerifyStatusListOptions {
  resolveIssuerKey: IssuerKeyLookup;
  /** The uri the credential referenced: must be the token's sub. */
  expectedUri: string;
  /** The credential's issuer: must be the token's iss. */
  expectedIssuer?: string;
  /** Seconds since the epoch. */
  now: number;
  clockSkewSeconds?: number;
}

/** Verify a Status List Token; throws StatusListError saying what is wrong. */
export async function verifyStatusListToken(token: string, options: VerifyStatusListOptions): Promise<VerifiedStatusList> {
  let jws;
  try {
    jws = decodeJws(token, 'status list token');
  } catch (err) {
    throw new StatusListError('format', err instanceof JwsFormatError ? err.message : 'status list token cannot be decoded');
  }
  const { header, payload } = jws;
  if (header.typ !== STATUS_LIST_TYP) throw new StatusListError('type', `status list token typ must be "${STATUS_LIST_TYP}"`);
  const { iss, sub, iat, exp, ttl } = payload;
  if (typeof iss !== 'string' || typeof sub !== 'string' || typeof iat !== 'number') {
    throw new StatusListError('format', 'status list token needs iss, sub and iat');
  }
  if ((exp !== undefined && typeof exp !== 'number') || (ttl !== undefined && !(typeof ttl === 'number' && ttl > 0))) {
    throw new StatusListError('format', 'status list token exp/ttl malformed');
  }
  if (sub !== options.expectedUri) throw new StatusListError('subject', `status list token is for ${sub}, not ${options.expectedUri}`);
  if (options.expectedIssuer !== undefined && iss !== options.expectedIssuer) {
    throw new StatusListError('issuer', `status list issued by ${iss}, not by the credential's issuer ${options.expectedIssuer}`);
  }
  const key = await options.resolveIssuerKey(iss, typeof header.kid === 'string' ? header.kid : undefined);
  if (!key) throw new StatusListError('issuer_trust', `no trusted key ${String(header.kid)} for issuer ${iss}`);
  if (header.alg !== key.alg || !key.verify(jws.signingInput, jws.signature)) {
    throw new StatusListError('signature', 'status list token signature does not verify');
  }
  if (typeof exp === 'number' && options.now - (options.clockSkewSeconds ?? 60) >= exp) {
    throw new StatusListError('expired', `status list token expired at ${new Date(exp * 1000).toISOString()}`);
  }
  const list = StatusList.decode(payload.status_list as { bits?: unknown; lst?: unknown });
  return { list, issuer: iss, uri: sub, iat, exp: exp as number | undefined, ttl: ttl as number | undefined };
}

export interface StatusListCacheOptions {
  /** Get the current token for a uri (HTTP GET for another deployment's list, a database read for one's own). */
  fetchToken(uri: string): Promise<string>;
  resolveIssuerKey: IssuerKeyLookup;
  clock: Pick<Clock, 'nowMs'>;
  /** Longest time a verified list is used before it is fetched again (default 60 s; the token's ttl and exp shorten it). */
  ttlMs?: number;
  /** Lists kept (default 1,000). */
  max?: number;
}

/**
 * Verified, decoded status lists by uri, for the verification hot path: a cached lookup is synchronous (a bit read);
 * a miss fetches, verifies and decodes once, however many verifications wait for it. A list that cannot be fetched or
 * verified is an error, never a stale answer past its TTL.
 */
export class StatusListCache {
  private readonly cache: KeyCache<VerifiedStatusList>;
  private readonly inflight = new Map<string, Promise<VerifiedStatusList>>();
  private readonly ttlMs: number;

  constructor(private readonly options: StatusListCacheOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.cache = new KeyCache<VerifiedStatusList>(options.max ?? 1000, this.ttlMs, () => options.clock.nowMs());
  }

  /** The status of `ref` for a credential of `issuer`; plug into verifySdJwtVc as statusCheck. */
  check = (ref: StatusListRef, issuer: string): number | Promise<number> => {
    const hit = this.cache.get(ref.uri);
    if (hit) return statusOf(hit, ref, issuer);
    return this.load(ref.uri, issuer).then((v) => statusOf(v, ref, issuer));
  };

  /** Put a freshly signed token in place (e.g. right after the issuer changed its own list). */
  async prime(uri: string, token: string, issuer?: string): Promise<void> {
    this.store(await this.verify(uri, token, issuer));
  }

  invalidate(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }

  private verify(uri: string, token: string, issuer?: string): Promise<VerifiedStatusList> {
    return verifyStatusListToken(token, {
      resolveIssuerKey: this.options.resolveIssuerKey,
      expectedUri: uri,
      expectedIssuer: issuer,
      now: this.options.clock.nowMs() / 1000,
    });
  }

  private store(v: VerifiedStatusList): void {
    const nowMs = this.options.clock.nowMs();
    let ttl = this.ttlMs;
    if (v.ttl !== undefined) ttl = Math.min(ttl, v.ttl * 1000);
    if (v.exp !== undefined) ttl = Math.min(ttl, v.exp * 1000 - nowMs);
    if (ttl > 0) this.cache.set(v.uri, v, ttl);
  }

  private load(uri: string, issuer: string): Promise<VerifiedStatusList> {
    let p = this.inflight.get(uri);
    if (!p) {
      p = (async () => {
        const token = await this.options.fetchToken(uri);
        const v = await this.verify(uri, token, issuer);
        this.store(v);
        return v;
      })().finally(() => this.inflight.delete(uri));
      this.inflight.set(uri, p);
    }
    return p;
  }
}

function statusOf(v: VerifiedStatusList, ref: StatusListRef, issuer: string): number {
  if (v.issuer !== issuer) throw new StatusListError('issuer', `status list ${v.uri} is issued by ${v.issuer}, not by ${issuer}`);
  return v.list.get(ref.idx);
}
