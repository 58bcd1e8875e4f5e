import type { Deps } from '../../../platform/deps.js';
import { publicUrlOf } from '../../../platform/config.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { KeyCache, HolderKeyCache } from '../../../platform/crypto/jws.js';
import { IssuerKeyResolver, createFileKeyStore, type IssuerKeyStore, type IssuerSigningKey, type Jwks } from '../../../platform/crypto/keystore.js';
import { StatusListCache } from '../../../platform/crypto/status-list.js';
import { regionCovers } from '../../org/index.js';
import type { IssuerInfo } from '../licenses.schemas.js';
import { VerificationLog } from './verification-log.js';
import { PresentationRecords } from './presentation-records.js';
import type { LicenceIdResult } from '../../../platform/crypto/licence-id.js';

/**
 * What the licences module keeps per deployment (per `deps`) in memory: the issuer key store, signers, the
 * verification-side caches (issuer keys by (iss, kid), holder keys, other deployments' status lists and issuer
 * directories), and the small lookups the verification hot path needs (local issuers, status list ids, trust list).
 * Every cache is bounded and time-limited; changes made through this process invalidate what they touch at once.
 */
export interface LicenceRuntime {
  keys: IssuerKeyStore;
  resolver: IssuerKeyResolver;
  holderKeys: HolderKeyCache;
  remoteStatus: StatusListCache;
  signers: KeyCache<IssuerSigningKey>;
  localIssuers: KeyCache<LocalIssuer | null>;
  listIds: KeyCache<string | null>;
  directories: KeyCache<IssuerInfo[]>;
  trust: { entries: TrustRow[]; loadedAt: number } | null;
  catalogue: { at: number; value: unknown } | null;
  /** Field names of licence types (for the verifier's labels), briefly. */
  typeLabels: KeyCache<Map<string, string>>;
  log: VerificationLog;
  licenceIds: KeyCache<LicenceIdResult>;
  records: PresentationRecords;
  fetch: typeof fetch;
}

export interface LocalIssuer {
  iss: string;
  departmentId: string;
  code: string;
  name: string;
  regionCode: string;
}

export interface TrustRow {
  id: string;
  base_url: string;
  region_code: string;
  name: string;
}

export const API_PREFIX = '/api/v1/licenses';
const REMOTE_TIMEOUT_MS = 5000;
const REMOTE_MAX_BYTES = 2 * 1024 * 1024;
/** How long this process trusts its copy of the trust list (other processes' changes show within this time). */
const TRUST_TTL_MS = 30_000;

const runtimes = new WeakMap<Deps, LicenceRuntime>();

/** The SD-JWT `iss` of a department of this deployment: its JWKS is at `<iss>/jwks.json`, its lists at `<iss>/status/<n>`. */
export const issuerUrl = (deps: Deps, issuerCode: string): string => `${publicUrlOf(deps)}${API_PREFIX}/issuers/${issuerCode}`;

export function runtimeOf(deps: Deps): LicenceRuntime {
  let rt = runtimes.get(deps);
  if (rt) return rt;
  const clock = deps.clock;
  const keys = deps.licenceKeys ?? createFileKeyStore(deps);
  const fetchImpl: typeof fetch = (...args) => fetch(...args);
  const created: LicenceRuntime = {
    keys,
    resolver: null as unknown as IssuerKeyResolver,
    holderKeys: new HolderKeyCache(10_000),
    remoteStatus: null as unknown as StatusListCache,
    signers: new KeyCache<IssuerSigningKey>(1000, 60_000, () => clock.nowMs()),
    localIssuers: new KeyCache<LocalIssuer | null>(10_000, 60_000, () => clock.nowMs()),
    listIds: new KeyCache<string | null>(10_000, 10 * 60_000, () => clock.nowMs()),
    directories: new KeyCache<IssuerInfo[]>(100, 5 * 60_000, () => clock.nowMs()),
    trust: null,
    catalogue: null,
    typeLabels: new KeyCache<Map<string, string>>(1000, 60_000, () => clock.nowMs()),
    log: new VerificationLog(deps),
    licenceIds: new KeyCache<LicenceIdResult>(20_000),
    records: new PresentationRecords(deps),
    fetch: fetchImpl,
  };
  created.resolver = new IssuerKeyResolver({ loadJwks: (iss) => loadJwks(deps, created, iss), clock, ttlMs: 5 * 60_000, minReloadMs: 10_000 });
  created.remoteStatus = new StatusListCache({
    fetchToken: (uri) => fetchText(created, uri, 'application/statuslist+jwt'),
    resolveIssuerKey: created.resolver.resolve,
    clock,
    ttlMs: 60_000,
  });
  runtimes.set(deps, created);
  return created;
}

// ---------------------------------------------------------------------------------------------
// Signing keys
// ---------------------------------------------------------------------------------------------

/** The active signer of a department (its key made on first use, ES256 unless rotated to SM2-SM3). */
export async function signerFor(deps: Deps, issuerCode: string): Promise<IssuerSigningKey> {
  const rt = runtimeOf(deps);
  const hit = rt.signers.get(issuerCode);
  if (hit) return hit;
  let signer: IssuerSigningKey;
  try {
    signer = await rt.keys.loadSigner(issuerCode);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'keystore.not_found') throw err;
    try {
      await rt.keys.generate(issuerCode, 'ES256');
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'keystore.active_exists') throw e;
    }
    signer = await rt.keys.loadSigner(issuerCode);
  }
  rt.signers.set(issuerCode, signer);
  return signer;
}

/** After a rotation: forget the signer and the parsed JWKS of this issuer. */
export function forgetIssuerKeys(deps: Deps, issuerCode: string, iss: string[]): void {
  const rt = runtimeOf(deps);
  rt.signers.delete(issuerCode);
  for (const i of iss) rt.resolver.invalidate(i);
}

// ---------------------------------------------------------------------------------------------
// Local issuers
// ---------------------------------------------------------------------------------------------

/** A department of this deployment that `iss` names (any public URL it has issued under), or null. */
export async function findLocalIssuer(deps: Deps, iss: string, db: DbOrTx = deps.db): Promise<LocalIssuer | null> {
  const rt = runtimeOf(deps);
  const hit = rt.localIssuers.get(iss);
  if (hit !== undefined) return hit;
  const row = await db.selectFrom('license_issuers as i').innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.iss', 'i.department_id', 'i.issuer_code', 'd.name', 'd.region_code']).where('i.iss', '=', iss).executeTakeFirst();
  const v = row ? { iss: row.iss, departmentId: row.department_id, code: row.issuer_code, name: row.name, regionCode: row.region_code } : null;
  // unknown issuers are looked up again soon: another process may just have issued under it
  rt.localIssuers.set(iss, v, v ? 60 * 60_000 : 5_000);
  return v;
}

export function rememberLocalIssuer(deps: Deps, v: LocalIssuer): void {
  runtimeOf(deps).localIssuers.set(v.iss, v, 60 * 60_000);
}

// ---------------------------------------------------------------------------------------------
// Trust list and other deployments
// ---------------------------------------------------------------------------------------------

export async function trustEntries(deps: Deps): Promise<TrustRow[]> {
  const rt = runtimeOf(deps);
  if (rt.trust && deps.clock.nowMs() - rt.trust.loadedAt < TRUST_TTL_MS) return rt.trust.entries;
  const entries = await deps.db.selectFrom('license_trusted_deployments').select(['id', 'base_url', 'region_code', 'name']).orderBy('base_url').execute();
  rt.trust = { entries, loadedAt: deps.clock.nowMs() };
  return entries;
}

/** The trust list changed: everything learnt about other deployments is forgotten. */
export function forgetTrust(deps: Deps): void {
  const rt = runtimeOf(deps);
  rt.trust = null;
  rt.directories.clear();
  rt.resolver.invalidate();
  rt.remoteStatus.invalidate();
}

export interface RemoteIssuer {
  info: IssuerInfo;
  trust: TrustRow;
  /** The issuer's region lies inside the region the deployment is trusted for. */
  trusted: boolean;
}

/** The trusted deployment whose issuer URL space `iss` lies in, and the issuer's code. */
export function trustFor(entries: TrustRow[], iss: string): { trust: TrustRow; code: string } | null {
  for (const t of entries) {
    const prefix = `${t.base_url}${API_PREFIX}/issuers/`;
    if (iss.startsWith(prefix)) {
      const code = iss.slice(prefix.length);
      if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return { trust: t, code };
    }
  }
  return null;
}

/** An issuer of a trusted deployment, from that deployment's issuer directory (GET /api/v1/licenses/issuers). */
export async function findRemoteIssuer(deps: Deps, iss: string): Promise<RemoteIssuer | null> {
  const rt = runtimeOf(deps);
  const t = trustFor(await trustEntries(deps), iss);
  if (!t) return null;
  let dir = rt.directories.get(t.trust.base_url);
  if (!dir) {
    const text = await fetchText(rt, `${t.trust.base_url}${API_PREFIX}/issuers`, 'application/json');
    let parsed: { items?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`the issuer directory of ${t.trust.base_url} is not JSON`);
    }
    dir = Array.isArray(parsed.items) ? (parsed.items as IssuerInfo[]).filter((i) => i && typeof i.iss === 'string' && typeof i.regionCode === 'string') : [];
    rt.directories.set(t.trust.base_url, dir);
  }
  const info = dir.find((i) => i.iss === iss);
  if (!info) return null;
  return { info, trust: t.trust, trusted: regionCovers(t.trust.region_code, info.regionCode) };
}

async function loadJwks(deps: Deps, rt: LicenceRuntime, iss: string): Promise<Jwks | { keys: unknown[] } | null> {
  const local = await findLocalIssuer(deps, iss);
  if (local) return rt.keys.jwks(local.code);
  const remote = await findRemoteIssuer(deps, iss);
  if (!remote || !remote.trusted) return null;
  const text = await fetchText(rt, `${iss}/jwks.json`, 'application/json');
  const jwks = JSON.parse(text) as { keys?: unknown };
  return { keys: Array.isArray(jwks.keys) ? jwks.keys : [] };
}

/** GET a small text resource of another deployment (bounded time and size). */
export async function fetchText(rt: LicenceRuntime, url: string, accept: string): Promise<string> {
  const res = await rt.fetch(url, { headers: { accept }, signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  const len = Number(res.headers.get('content-length') ?? '0');
  if (len > REMOTE_MAX_BYTES) throw new Error(`GET ${url}: response too large`);
  const text = await res.text();
  if (text.length > REMOTE_MAX_BYTES) throw new Error(`GET ${url}: response too large`);
  return text;
}
