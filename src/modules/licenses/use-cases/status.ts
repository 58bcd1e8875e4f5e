import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { recordChange } from '../../../platform/record.js';
import { notify } from '../../../platform/notifications.js';
import { parseLicenceId } from '../../../platform/crypto/licence-id.js';
import { StatusList, StatusType, signStatusListToken } from '../../../platform/crypto/status-list.js';
import { canIssueFor, TRANSITIONS } from '../licenses.policy.js';
import { findLicenceByLicenceId, findType } from '../licenses.queries.js';
import type { LicensesTable } from '../licenses.tables.js';
import { signerFor } from './runtime.js';
import { raiseTypeCounts } from './type-counts.js';

/*
 * Revocation (INVALID, final), suspension (SUSPENDED) and reinstatement. The licence row is the source of truth: the
 * verification path of this deployment reads it (so a change is seen by the next verification), and the issuer's
 * signed status list is rebuilt from the rows when it is next fetched (the list's version moves with each change).
 */

/** A licence identifier from a URL or a file: malformed ones (a wrong check character included) are a 400 naming the part. */
export function checkLicenceId(licenceId: string): void {
  const p = parseLicenceId(licenceId);
  if (!p.ok) {
    throw invalid('licenses.bad_licence_id', p.code === 'check_mismatch' ? `The licence identifier has a wrong check character (${p.message}).` : `Not a licence identifier: ${p.message}.`, { part: p.code });
  }
}

export async function getLicenceRow(deps: Deps, licenceId: string): Promise<LicensesTable> {
  checkLicenceId(licenceId);
  const row = await findLicenceByLicenceId(deps.db, licenceId);
  if (!row) throw notFound('licenses.not_found', `No licence ${licenceId} was issued here.`);
  return row;
}

export type StatusAction = keyof typeof TRANSITIONS;

const ACTION_WORD: Record<StatusAction, string> = { revoke: '吊销/撤销', suspend: '暂停使用', reinstate: '恢复使用' };

export async function changeLicenceStatus(deps: Deps, actor: Actor, licenceId: string, action: StatusAction, reason: string): Promise<LicensesTable> {
  checkLicenceId(licenceId);
  const t = TRANSITIONS[action];
  return withTx(deps.db, async (tx) => {
    const row = await findLicenceByLicenceId(tx, licenceId);
    if (!row) throw notFound('licenses.not_found', `No licence ${licenceId} was issued here.`);
    if (!canIssueFor(actor, row.issuer_department_id)) throw forbidden('licenses.not_issuer_staff', 'Only officers of the issuing department may change the status of its licences.');
    if (!t.from.includes(row.status)) {
      throw conflict('licenses.bad_transition', row.status === 'revoked' ? 'The licence is revoked; revocation is final.' : `A ${row.status} licence cannot be ${action === 'reinstate' ? 'reinstated' : action + 'd'}.`, { status: row.status });
    }
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('licenses').set({ status: t.to, status_reason: reason, status_changed_at: now, updated_at: now })
      .where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('licenses.status_changed', 'The licence’s status was changed at the same time; reload it.');
    await raiseTypeCounts(tx, deps.dialect, row.type_code, { [row.status]: -1, [t.to]: 1 });
    await tx.updateTable('license_status_lists').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', row.list_id).execute();
    const type = await findType(tx, row.type_code);
    await recordChange(tx, deps, actor, {
      audit: { action: `license.${t.to === 'valid' ? 'reinstated' : t.to}`, targetType: 'license', targetId: licenceId, departmentId: row.issuer_department_id, details: { from: row.status, to: t.to, reason } },
      event: { aggregateType: 'license', aggregateId: row.id, departmentId: row.issuer_department_id, payload: { licenceId, typeCode: row.type_code, from: row.status, to: t.to, reason } },
    });
    if (row.holder_user_id) {
      await notify(tx, deps.clock, {
        userId: row.holder_user_id, kind: `license.${action}`, params: { typeName: type?.name ?? row.type_code, licenceId, reason },
        title: `您的${type?.name ?? '电子证照'}已${ACTION_WORD[action]}：${reason}`, link: `/hall/licences/${encodeURIComponent(licenceId)}`,
      });
    }
    return { ...row, status: t.to, status_reason: reason, status_changed_at: now, updated_at: now };
  });
}

// ---------------------------------------------------------------------------------------------
// The published status list (statuslist+jwt)
// ---------------------------------------------------------------------------------------------

/** How long a signed list is valid, and how long verifiers may cache it. */
const TOKEN_LIFETIME_S = 24 * 3600;
const TOKEN_TTL_S = 60;

/** The issuer's status list `listNo` as a signed token; re-signed when a status changed or the last token ages. */
export async function getStatusListToken(deps: Deps, issuerCode: string, listNo: number): Promise<string> {
  const list = await deps.db.selectFrom('license_status_lists').selectAll().where('issuer_code', '=', issuerCode).where('list_no', '=', listNo).executeTakeFirst();
  if (!list) throw notFound('licenses.no_status_list', `Issuer ${issuerCode} has no status list ${listNo}.`);
  const nowMs = deps.clock.nowMs();
  // a cached token is served while it reflects the list's version and has more than an hour left
  if (list.token && list.token_version === list.version && list.token_exp && Date.parse(list.token_exp) - nowMs > 3600_000) return list.token;
  const entries = await deps.db.selectFrom('licenses').select(['status_idx', 'status']).where('list_id', '=', list.id).where('status', 'in', ['revoked', 'suspended']).execute();
  const sl = new StatusList(list.size, 2);
  for (const e of entries) sl.set(e.status_idx, e.status === 'revoked' ? StatusType.INVALID : StatusType.SUSPENDED);
  const iss = list.iss;
  const iat = Math.floor(nowMs / 1000);
  const token = signStatusListToken(sl, { uri: `${iss}/status/${listNo}`, issuer: iss, signer: await signerFor(deps, issuerCode), iat, exp: iat + TOKEN_LIFETIME_S, ttl: TOKEN_TTL_S });
  await deps.db.updateTable('license_status_lists')
    .set({ token, token_version: list.version, token_exp: new Date((iat + TOKEN_LIFETIME_S) * 1000).toISOString() })
    .where('id', '=', list.id).where('version', '=', list.version).execute();
  return token;
}
