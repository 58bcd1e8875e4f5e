import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { decodeJws, verifyJwsSignature } from '../../../platform/crypto/jws.js';
import { parseJwks } from '../../../platform/crypto/keystore.js';
import { parseLicenceId } from '../../../platform/crypto/licence-id.js';
import { findHolderLicences, findLicenceByLicenceId } from '../licenses.queries.js';
import type { LicenceSummary } from '../licenses.schemas.js';
import { summariesOf } from './wallet.js';
import { runtimeOf } from './runtime.js';
import { raiseTypeCounts } from './type-counts.js';

/*
 * Licences standing in for materials (免提交): the applications module asks which of the applicant's licences fit a
 * material, and checks the one the applicant chose when the case is filed. A successful check records a use, which
 * the 发证用证清单 counts.
 */

export interface HolderQuery {
  kind: 'person' | 'enterprise';
  idNumber?: string;
  uscc?: string;
}

const keyOf = (h: HolderQuery): string => String((h.kind === 'person' ? h.idNumber : h.uscc) ?? '').toUpperCase();

/** The holder's licences of these types that can be relied on today (valid status, within their dates). */
export async function findUsableLicences(deps: Deps, holder: HolderQuery, typeCodes: string[]): Promise<LicenceSummary[]> {
  const key = keyOf(holder);
  if (!key || typeCodes.length === 0) return [];
  const today = deps.calendar.chinaDate(deps.clock.now());
  const rows = (await findHolderLicences(deps.db, holder.kind, key, typeCodes))
    .filter((r) => r.status === 'valid' && r.valid_from <= today && (!r.valid_to || r.valid_to >= today));
  return summariesOf(deps.db, rows, today);
}

export type MaterialCheck = 'licence_id' | 'not_found' | 'type' | 'holder' | 'status' | 'validity' | 'signature';

export interface MaterialInput {
  licenceId: string;
  acceptableTypeCodes: string[];
  holder: HolderQuery;
  /** Recorded with the use. */
  caseId?: string | null;
  materialKey?: string | null;
}

/**
 * Check, inside the caller's transaction, that the holder holds this licence, that it is of an acceptable type, valid
 * today and carries its issuer's valid signature; then record the use. A failure names the check.
 */
export async function verifyHeldLicenceForMaterial(tx: Tx, deps: Deps, actor: Actor, input: MaterialInput): Promise<{ ok: true; licence: LicenceSummary } | { ok: false; check: MaterialCheck; message: string }> {
  const p = parseLicenceId(input.licenceId);
  if (!p.ok) return { ok: false, check: 'licence_id', message: p.code === 'check_mismatch' ? `The licence identifier has a wrong check character (expected ${p.expectedCheck}).` : `Not a licence identifier: ${p.message}.` };
  const row = await findLicenceByLicenceId(tx, input.licenceId);
  if (!row) return { ok: false, check: 'not_found', message: 'No such licence was issued on this platform.' };
  if (!input.acceptableTypeCodes.includes(row.type_code)) return { ok: false, check: 'type', message: 'This licence is not of a type accepted for this material.' };
  if (row.holder_kind !== input.holder.kind || row.holder_key !== keyOf(input.holder)) return { ok: false, check: 'holder', message: 'This licence is held by someone else.' };
  if (row.status !== 'valid') return { ok: false, check: 'status', message: `The licence is ${row.status}${row.status_reason ? `: ${row.status_reason}` : ''}.` };
  const today = deps.calendar.chinaDate(deps.clock.now());
  if (row.valid_from > today) return { ok: false, check: 'validity', message: `The licence is valid only from ${row.valid_from}.` };
  if (row.valid_to && row.valid_to < today) return { ok: false, check: 'validity', message: `The licence expired on ${row.valid_to}.` };
  try {
    const jws = decodeJws(row.credential.split('~')[0], 'credential');
    // the issuer's keys as the verification path caches them; the key store itself when the cache does not know the key
    const rt = runtimeOf(deps);
    const key = (await rt.resolver.resolve(row.iss, row.kid)) ?? parseJwks(await rt.keys.jwks(row.issuer_code)).get(row.kid);
    if (!key || !verifyJwsSignature(jws, key)) return { ok: false, check: 'signature', message: 'The stored credential does not carry a valid signature of its issuer.' };
  } catch {
    return { ok: false, check: 'signature', message: 'The stored credential cannot be checked.' };
  }
  await tx.insertInto('license_uses').values({
    id: newId(), license_pk: row.id, licence_id: row.licence_id, type_code: row.type_code, case_id: input.caseId ?? null, material_key: input.materialKey ?? null,
    used_by_user_id: actor.userId, used_by_name: actor.username, at: deps.clock.nowIso(),
  }).execute();
  await raiseTypeCounts(tx, deps.dialect, row.type_code, { uses: 1 });
  const [licence] = await summariesOf(tx, [row], today);
  return { ok: true, licence };
}

/** What a licence relied on for a material is now (the officer sees whether it was revoked or ran out since the filing). */
export async function licenceStatusNow(deps: Deps, licenceIds: string[]): Promise<Map<string, { status: string; statusReason: string | null; validTo: string | null; expired: boolean }>> {
  const out = new Map<string, { status: string; statusReason: string | null; validTo: string | null; expired: boolean }>();
  if (licenceIds.length === 0) return out;
  const today = deps.calendar.chinaDate(deps.clock.now());
  const rows = await deps.db.selectFrom('licenses').select(['licence_id', 'status', 'status_reason', 'valid_to']).where('licence_id', 'in', [...new Set(licenceIds)]).execute();
  for (const r of rows) out.set(r.licence_id, { status: r.status, statusReason: r.status_reason, validTo: r.valid_to, expired: !!r.valid_to && r.valid_to < today });
  return out;
}
