import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { newId, sha256Hex } from '../../../platform/ids.js';
import { decodeJws, type JwsVerifier } from '../../../platform/crypto/jws.js';
import { parseLicenceId } from '../../../platform/crypto/licence-id.js';
import { verifySdJwtVc, type StatusListRef, type VerificationFailure } from '../../../platform/crypto/sd-jwt.js';
import { CHECKS, type CheckName, type CheckResult, type VerifyBody, type VerifyResult } from '../licenses.schemas.js';
import { findType } from '../licenses.queries.js';
import type { PresentationRecord } from './presentation-records.js';
import { STANDARD_CLAIMS } from './types.js';
import { MAX_TTL_S } from './wallet.js';
import { findLocalIssuer, findRemoteIssuer, runtimeOf, type LocalIssuer, type RemoteIssuer } from './runtime.js';

/*
 * Verification of a presented licence (public, no login): the crypto layer's checks (format, issuer trust, signature,
 * disclosures, validity dates, status, holder binding, nonce, audience) plus the licence identifier's check character
 * and, for presentations made on this deployment, their expiry. Every check is reported on its own; a failed
 * verification names exactly the checks that failed. Every verification is logged (license_verifications).
 *
 * Issuers: this deployment's departments (by the issuer URLs they have issued under), and the departments of other
 * Tongban deployments on the trust list whose region lies within the region they are trusted for; their JWKS and
 * status lists are fetched over HTTP and cached. The status of this deployment's licences is read from the licence
 * row itself, so a revocation is seen by the very next verification.
 */

export interface VerifyContext {
  actor?: Actor | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

const STATUS_NAMES: Record<number, string> = { 0: 'valid', 1: 'revoked', 2: 'suspended' };
const STATUS_VALUES: Record<string, number> = { valid: 0, revoked: 1, suspended: 2 };
const TECHNICAL = new Set(['iss', 'iat', 'nbf', 'exp', 'vct', 'cnf', 'status', 'sub', 'aud', 'jti']);
const STANDARD = new Set<string>(STANDARD_CLAIMS);
const STANDARD_LABELS: Record<string, string> = { holder_name: '持证主体', holder_id: '持证主体代码' };
/** Sentinels that no key-binding JWT can carry: used when the verifier gave no nonce or audience and none is known. */
const NO_NONCE = '\u0000no-nonce';
const NO_AUD = '\u0000no-audience';

const findPresentationRecord = (deps: Deps, presentation: string): Promise<PresentationRecord | undefined> =>
  runtimeOf(deps).records.load(sha256Hex(presentation));

/** The status of a licence of this deployment, from its row (a licence that does not exist on the list is VALID, as its bits are). */
function localStatus(deps: Deps, local: LocalIssuer, ref: StatusListRef, record: PresentationRecord | undefined): number | Promise<number> {
  const prefix = `${local.iss}/status/`;
  if (!ref.uri.startsWith(prefix) || !/^[1-9]\d{0,6}$/.test(ref.uri.slice(prefix.length))) throw new Error(`${ref.uri} is not a status list of ${local.iss}`);
  const listNo = Number(ref.uri.slice(prefix.length));
  // the presentation's record was read with its licence's status a moment ago: no second query
  if (record && record.iss === local.iss && record.list_no === listNo && record.status_idx === ref.idx) return STATUS_VALUES[record.status] ?? 3;
  return statusFromRow(deps, local, listNo, ref);
}

async function statusFromRow(deps: Deps, local: LocalIssuer, listNo: number, ref: StatusListRef): Promise<number> {
  const rt = runtimeOf(deps);
  const key = `${local.iss}|${listNo}`;
  let listId = rt.listIds.get(key);
  if (listId === undefined) {
    listId = (await deps.db.selectFrom('license_status_lists').select('id').where('issuer_code', '=', local.code).where('list_no', '=', listNo).where('iss', '=', local.iss).executeTakeFirst())?.id ?? null;
    rt.listIds.set(key, listId, listId ? 10 * 60_000 : 5_000);
  }
  if (!listId) throw new Error(`${local.iss} has no status list ${listNo}`);
  const row = await deps.db.selectFrom('licenses').select('status').where('list_id', '=', listId).where('status_idx', '=', ref.idx).executeTakeFirst();
  return row ? STATUS_VALUES[row.status] ?? 3 : 0;
}

/** Field names of a licence type known here (a type of another deployment is usually the same national type). */
function typeLabels(deps: Deps, typeCode: string | null): ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>> {
  if (!typeCode) return NO_LABELS;
  const rt = runtimeOf(deps);
  // known (the usual case): answered without a promise
  return rt.typeLabels.get(typeCode) ?? findType(deps.db, typeCode).then((type) => {
    const labels = new Map((type?.fields ?? []).map((f) => [f.key, f.name]));
    rt.typeLabels.set(typeCode, labels);
    return labels;
  });
}
const NO_LABELS: ReadonlyMap<string, string> = new Map();

function visibleClaims(presentation: string): Record<string, unknown> | null {
  try {
    return decodeJws(presentation.slice(0, presentation.indexOf('~') >= 0 ? presentation.indexOf('~') : presentation.length)).payload;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Parsed licence identifiers, kept briefly: the check character costs as much as a disclosure to recompute. */
function parsedLicenceId(rt: ReturnType<typeof runtimeOf>, id: string): ReturnType<typeof parseLicenceId> {
  let p = rt.licenceIds.get(id);
  if (!p) rt.licenceIds.set(id, (p = parseLicenceId(id)));
  return p;
}

export async function verifyPresentation(deps: Deps, input: VerifyBody, ctx: VerifyContext = {}): Promise<VerifyResult> {
  const rt = runtimeOf(deps);
  const nowMs = deps.clock.nowMs();
  const nowIso = new Date(nowMs).toISOString();
  const presentation = input.presentation.trim();
  const record = await findPresentationRecord(deps, presentation);
  const expectedNonce = input.nonce ?? record?.nonce;
  const expectedAud = input.audience ?? record?.audience;

  // who the issuer is (local department, or one of a trusted deployment), found once for trust and the reply
  // (initialised through casts: they are set inside callbacks, which control-flow narrowing does not follow)
  let local = null as LocalIssuer | null;
  let remote = null as RemoteIssuer | null;
  let issuerError = null as string | null;
  let issuerLooked = null as string | null;
  const lookUpIssuer = async (iss: string): Promise<void> => {
    issuerLooked = iss;
    try {
      local = await findLocalIssuer(deps, iss);
      if (!local) remote = await findRemoteIssuer(deps, iss);
    } catch (err) {
      issuerError = (err as Error).message;
    }
  };

  let resolved = false;
  let keyFound = null as JwsVerifier | null;
  const keyOf = (k: JwsVerifier | null | undefined): JwsVerifier | null => (keyFound = k ?? null);
  const resolveIssuerKey = (i: string, kid: string | undefined): JwsVerifier | null | Promise<JwsVerifier | null> => {
    resolved = true;
    // the hot path — an issuer of this deployment with its keys in memory — answers without waiting
    const known = rt.localIssuers.get(i);
    if (known) {
      local = known;
      issuerLooked = i;
      const k = rt.resolver.resolve(i, kid);
      return k instanceof Promise ? k.then(keyOf) : keyOf(k);
    }
    return lookUpIssuer(i).then(async () => {
      if (issuerError) throw new Error(issuerError);
      if (!local && !(remote && remote.trusted)) return null;
      return keyOf(await rt.resolver.resolve(i, kid));
    });
  };
  let statusChecked = false;
  const statusCheck = (ref: StatusListRef, i: string): number | Promise<number> => {
    statusChecked = true;
    if (local) return localStatus(deps, local, ref, record);
    if (!ref.uri.startsWith(`${i}/status/`)) throw new Error(`${ref.uri} is not a status list of the issuer`);
    return rt.remoteStatus.check(ref, i);
  };

  const r = await verifySdJwtVc(presentation, {
    resolveIssuerKey,
    expectedNonce: expectedNonce ?? NO_NONCE,
    expectedAud: expectedAud ?? NO_AUD,
    now: nowMs / 1000,
    statusCheck,
    holderKeys: rt.holderKeys,
    kbMaxAgeSeconds: MAX_TTL_S,
  });

  // the visible claims: from the verified credential, or (for messages and the log) read without verifying
  const payload = r.ok && r.claims ? r.claims : visibleClaims(presentation);
  const iss = str(payload?.iss);
  if (iss && issuerLooked !== iss) await lookUpIssuer(iss);

  // --- the module's own checks: licence identifier, presentation expiry ----------------------------------------
  const failures: VerificationFailure[] = r.failures.map((f) => {
    if (f.check === 'nonce' && expectedNonce === undefined) return { check: 'nonce', message: 'no nonce to check against: pass the nonce that came with the presentation' };
    if (f.check === 'audience' && expectedAud === undefined) return { check: 'audience', message: 'no audience to check against: pass your identifier as the holder named it' };
    if (f.check === 'issuer_trust' && iss && !local && !remote && !issuerError) return { check: 'issuer_trust', message: `issuer ${iss} is neither a department of this deployment nor of a trusted deployment` };
    if (f.check === 'issuer_trust' && remote && !remote.trusted) return { check: 'issuer_trust', message: `issuer ${remote.info.name} (region ${remote.info.regionCode}) is outside the region ${remote.trust.region_code} that ${remote.trust.name} is trusted for` };
    return f;
  });
  const extra: Array<{ check: CheckName; ok: boolean | null; message: string }> = [];
  const licenceId = str(payload?.licence_id);
  if (!payload) extra.push({ check: 'licence_id', ok: null, message: 'not checked: the credential cannot be read' });
  else if (!licenceId) extra.push({ check: 'licence_id', ok: false, message: 'the credential carries no licence identifier' });
  else {
    const p = parsedLicenceId(rt, licenceId);
    if (!p.ok) extra.push({ check: 'licence_id', ok: false, message: p.code === 'check_mismatch' ? `licence identifier ${licenceId} has a wrong check character (expected ${p.expectedCheck})` : `licence identifier ${licenceId} is malformed: ${p.message}` });
    else if (p.issuerCode !== payload.issuer_code || p.typeCode !== payload.licence_type_code) extra.push({ check: 'licence_id', ok: false, message: 'the licence identifier names another issuer or type than the credential' });
    else extra.push({ check: 'licence_id', ok: true, message: `GB/T 36904 identifier ${licenceId}, check character ${p.check} correct` });
  }
  if (record) {
    extra.push(record.expires_at <= nowIso
      ? { check: 'presentation', ok: false, message: `the presentation expired at ${record.expires_at}` }
      : { check: 'presentation', ok: true, message: `made on this deployment, valid until ${record.expires_at}` });
  } else {
    extra.push({ check: 'presentation', ok: null, message: `not made on this deployment: its age is judged by the key-binding JWT (at most ${MAX_TTL_S / 60} minutes)` });
  }

  // --- every check, in a fixed order ----------------------------------------------------------------------------
  const failed = new Map<string, string[]>();
  for (const f of failures) failed.set(f.check, [...(failed.get(f.check) ?? []), f.message]);
  for (const e of extra) if (e.ok === false) failed.set(e.check, [e.message]);
  const kbPresent = presentation.length > 0 && !presentation.endsWith('~');
  const cnfPresent = !!(payload?.cnf && typeof payload.cnf === 'object' && (payload.cnf as { jwk?: unknown }).jwk);
  // the message of a check that passed (built only for the checks that did)
  const passMessage = (check: CheckName): string => {
    switch (check) {
      case 'format':
        return 'a well-formed SD-JWT VC (dc+sd-jwt) with a key-binding JWT';
      case 'issuer_trust':
        return local ? `issued by ${local.name}, a department of this deployment` : remote ? `issued by ${remote.info.name}, trusted through ${remote.trust.name}` : 'trusted issuer';
      case 'signature':
        return `the issuer’s signature is valid (${String(r.kid ?? '')})`;
      case 'disclosure':
        return `${r.disclosed?.length ?? 0} disclosed field(s), each matching a digest the issuer signed`;
      case 'validity':
        return `valid from ${str(payload?.valid_from) ?? '?'} to ${str(payload?.valid_to) ?? '长期 (no end)'}`;
      case 'status':
        return 'VALID in the issuer’s status list';
      case 'holder_binding':
        return 'signed with the holder’s key for exactly these disclosures';
      case 'nonce':
        return 'the nonce matches';
      case 'audience':
        return `addressed to ${expectedAud ?? ''}`;
      default:
        return 'passed';
    }
  };
  const ran = (check: CheckName): boolean => {
    switch (check) {
      case 'format':
        return true;
      case 'issuer_trust':
      case 'disclosure':
      case 'validity':
        return resolved;
      case 'signature':
        return resolved && keyFound !== null;
      case 'status':
        return statusChecked;
      case 'holder_binding':
        return resolved;
      case 'nonce':
      case 'audience':
        return resolved && kbPresent && cnfPresent;
      default:
        return true;
    }
  };
  const checks: CheckResult[] = CHECKS.map((check) => {
    const e = extra.find((x) => x.check === check);
    if (e) return { check, ok: e.ok, message: e.message };
    const msgs = failed.get(check);
    if (msgs) return { check, ok: false, message: msgs.join('; ') };
    if (!ran(check)) return { check, ok: null, message: check === 'status' || check === 'signature' ? 'not checked: the issuer or its signature could not be established' : 'not checked: the presentation could not be read that far' };
    return { check, ok: true, message: passMessage(check) };
  });
  const failedChecks = checks.filter((c) => c.ok === false).map((c) => c.check);
  const valid = failedChecks.length === 0 && r.ok;

  // --- what the verifier may see ---------------------------------------------------------------------------------
  const disclosed: Record<string, unknown> = {};
  const fields: VerifyResult['fields'] = [];
  if (valid && r.claims) {
    const chosen = new Set(r.disclosed ?? []);
    const known = typeLabels(deps, str(r.claims.licence_type_code));
    const labels = known instanceof Promise ? await known : known;
    const claims = r.claims;
    for (const k in claims) {
      if (k.charCodeAt(0) === 95 /* _ */ || TECHNICAL.has(k)) continue;
      const v = claims[k];
      disclosed[k] = v;
      if (!STANDARD.has(k) || chosen.has(k)) fields.push({ key: k, name: labels.get(k) ?? STANDARD_LABELS[k] ?? k, value: v, selectivelyDisclosed: chosen.has(k) });
    }
  }
  const issuer = iss
    ? local
      ? { name: local.name, code: local.code, region: local.regionCode, trusted: true, iss, deployment: null }
      : remote
        ? { name: remote.info.name, code: remote.info.code, region: remote.info.regionCode, trusted: remote.trusted, iss, deployment: remote.trust.name }
        : { name: str(payload?.issuer_name), code: str(payload?.issuer_code), region: str(payload?.region_code), trusted: false, iss, deployment: null }
    : null;
  const licence = payload
    ? {
      typeCode: str(payload.licence_type_code), typeName: str(payload.licence_name), licenceId, number: str(payload.licence_number),
      issuedAt: str(payload.issue_date), validFrom: str(payload.valid_from), validTo: str(payload.valid_to),
      status: r.status !== undefined ? STATUS_NAMES[r.status] ?? 'unknown' : 'unknown',
    }
    : null;

  // --- the log ---------------------------------------------------------------------------------------------------
  const verificationId = newId();
  let licensePk = record?.license_pk ?? null;
  if (!licensePk && local && licenceId) licensePk = (await deps.db.selectFrom('licenses').select('id').where('licence_id', '=', licenceId).executeTakeFirst())?.id ?? null;
  const actor = ctx.actor && ctx.actor.kind !== 'anonymous' ? ctx.actor : null;
  // the holder's licence was relied on: other modules (and the holder's own log) hear of it — the same outbox row
  // publishEvent writes, committed with the log row
  const event = valid && licensePk ? {
    id: newId(), type: 'license.verified', aggregate_type: 'license', aggregate_id: licensePk, actor_user_id: actor?.userId ?? null, request_id: ctx.requestId ?? null,
    department_id: local?.departmentId ?? null, created_at: nowIso, dispatched_at: null,
    payload: JSON.stringify({ licenceId, verificationId, presentationId: record?.id ?? null, disclosed: Object.keys(disclosed).filter((k) => !STANDARD.has(k) || k === 'holder_name' || k === 'holder_id') }),
  } : null;
  const logged = rt.log.write({
    id: verificationId, at: nowIso, valid: valid ? 1 : 0, failed_checks: JSON.stringify(failedChecks), message: failedChecks.length ? checks.find((c) => c.ok === false)!.message.slice(0, 500) : null,
    licence_id: licenceId?.slice(0, 200) ?? null, license_pk: licensePk, iss: iss?.slice(0, 300) ?? null, presentation_id: record?.id ?? null,
    audience: expectedAud?.slice(0, 200) ?? null, verifier_user_id: actor?.userId ?? null, verifier_name: actor?.username ?? null,
    ip: ctx.ip ?? null, user_agent: ctx.userAgent?.slice(0, 200) ?? null, request_id: ctx.requestId ?? null,
  }, event);
  if (logged) await logged; // only when the log is far behind (verification-log.ts)
  return { valid, checks, failedChecks, issuer, licence, disclosed, fields, verificationId, verifiedAt: nowIso };
}

/** Write out the verification log's buffer (a clean stop; before reading the log back). */
export const flushVerificationLog = (deps: Deps): Promise<void> => runtimeOf(deps).log.flush();
