import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type DbOrTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf } from '../../../platform/http/pagination.js';
import { isValidRegionCode } from '../../../platform/codes.js';
import type { SigAlg } from '../../../platform/crypto/jws.js';
import { findDepartmentById, findDepartmentByUscc } from '../../org/index.js';
import { canManageKeys, canManageTrust, canSeeIssued } from '../licenses.policy.js';
import type { IssuedQuery, IssuerInfo, TrustBody } from '../licenses.schemas.js';
import { summariesOf } from './wallet.js';
import { publicUrlOf } from '../../../platform/config.js';
import { forgetIssuerKeys, forgetTrust, issuerUrl, runtimeOf } from './runtime.js';

/** This deployment's issuers: every department that issues a licence type (and every issuer URL it has issued under). */
export async function listIssuers(deps: Deps): Promise<{ items: IssuerInfo[] }> {
  const depts = await deps.db.selectFrom('license_type_issuers as t').innerJoin('departments as d', 'd.id', 't.department_id')
    .select(['d.id', 'd.uscc', 'd.name', 'd.region_code', 't.type_code']).orderBy('d.region_code').orderBy('d.uscc').execute();
  const lists = await deps.db.selectFrom('license_status_lists').select(['issuer_department_id', 'iss', 'list_no']).orderBy('list_no').execute();
  const used = await deps.db.selectFrom('license_issuers').select(['iss', 'department_id']).execute();
  const keys = await runtimeOf(deps).keys.list();
  const algOf = new Map<string, SigAlg>();
  for (const k of keys) if (k.status === 'active' && !algOf.has(k.issuer)) algOf.set(k.issuer, k.alg);
  const byDept = new Map<string, { uscc: string; name: string; region: string; types: string[] }>();
  for (const d of depts) {
    const e = byDept.get(d.id) ?? { uscc: d.uscc, name: d.name, region: d.region_code, types: [] };
    e.types.push(d.type_code);
    byDept.set(d.id, e);
  }
  const items: IssuerInfo[] = [];
  for (const [id, d] of byDept) {
    const current = issuerUrl(deps, d.uscc);
    const isses = new Set([current, ...used.filter((u) => u.department_id === id).map((u) => u.iss)]);
    for (const iss of isses) {
      items.push({
        code: d.uscc, name: d.name, regionCode: d.region, iss, jwksUri: `${iss}/jwks.json`, alg: algOf.get(d.uscc) ?? null,
        statusLists: lists.filter((l) => l.issuer_department_id === id && l.iss === iss).map((l) => `${iss}/status/${l.list_no}`),
        types: d.types.sort(),
      });
    }
  }
  return { items };
}

/** The public keys of a department (active and retired: older licences keep verifying after a rotation). */
export async function issuerJwks(deps: Deps, issuerCode: string) {
  const dept = await findDepartmentByUscc(deps.db, issuerCode);
  if (!dept) throw notFound('licenses.issuer_not_found', `No issuer ${issuerCode} here.`);
  return runtimeOf(deps).keys.jwks(issuerCode);
}

export async function listIssuerKeys(deps: Deps, actor: Actor, issuerCode: string) {
  const dept = await findDepartmentByUscc(deps.db, issuerCode);
  if (!dept) throw notFound('licenses.issuer_not_found', `No issuer ${issuerCode} here.`);
  if (!canManageKeys(actor, dept.id)) throw forbidden('licenses.not_key_admin', 'Only an administrator of the department (or a platform administrator) manages its keys.');
  const keys = await runtimeOf(deps).keys.list(issuerCode);
  return { items: keys.map((k) => ({ kid: k.kid, alg: k.alg, status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt })) };
}

/**
 * A new signing key for the department (optionally switching to SM2-SM3, the 国密 option). The old key is retired:
 * it stays in the JWKS, so every licence and status list signed before keeps verifying.
 */
export async function rotateIssuerKey(deps: Deps, actor: Actor, issuerCode: string, alg?: SigAlg) {
  const dept = await findDepartmentByUscc(deps.db, issuerCode);
  if (!dept) throw notFound('licenses.issuer_not_found', `No issuer ${issuerCode} here.`);
  if (!canManageKeys(actor, dept.id)) throw forbidden('licenses.not_key_admin', 'Only an administrator of the department (or a platform administrator) manages its keys.');
  const rt = runtimeOf(deps);
  const existing = await rt.keys.list(issuerCode);
  const info = existing.some((k) => k.status === 'active') ? await rt.keys.rotate(issuerCode, alg) : await rt.keys.generate(issuerCode, alg ?? 'ES256');
  const isses = (await deps.db.selectFrom('license_issuers').select('iss').where('department_id', '=', dept.id).execute()).map((r) => r.iss);
  forgetIssuerKeys(deps, issuerCode, isses);
  await withTx(deps.db, async (tx) => {
    // the published lists are signed again with the new key when next fetched
    await tx.updateTable('license_status_lists').set({ token: null, token_version: null, token_exp: null }).where('issuer_department_id', '=', dept.id).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.key.rotated', targetType: 'department', targetId: dept.id, departmentId: dept.id, details: { kid: info.kid, alg: info.alg } },
      event: { aggregateType: 'department', aggregateId: dept.id, departmentId: dept.id, payload: { issuerCode, kid: info.kid, alg: info.alg } },
    });
  });
  return { kid: info.kid, alg: info.alg, status: info.status, createdAt: info.createdAt, retiredAt: info.retiredAt };
}

// ---------------------------------------------------------------------------------------------
// Trust list
// ---------------------------------------------------------------------------------------------

const toTrust = (r: { id: string; base_url: string; region_code: string; name: string; created_at: string; created_by: string }) =>
  ({ id: r.id, baseUrl: r.base_url, regionCode: r.region_code, name: r.name, createdAt: r.created_at, createdBy: r.created_by });

export async function listTrust(deps: Deps, actor: Actor) {
  if (!canManageTrust(actor)) throw forbidden('licenses.not_trust_admin', 'Only a platform administrator manages the trust list.');
  const rows = await deps.db.selectFrom('license_trusted_deployments').selectAll().orderBy('base_url').execute();
  return { items: rows.map(toTrust) };
}

export async function addTrust(deps: Deps, actor: Actor, body: TrustBody) {
  if (!canManageTrust(actor)) throw forbidden('licenses.not_trust_admin', 'Only a platform administrator manages the trust list.');
  if (!isValidRegionCode(body.regionCode)) throw invalid('licenses.invalid_trust', 'regionCode is not a GB/T 2260 region code.', [{ field: 'regionCode', reason: 'not a region code' }]);
  if (body.baseUrl === publicUrlOf(deps)) throw invalid('licenses.invalid_trust', 'That is this deployment: its own issuers are trusted already.', [{ field: 'baseUrl', reason: 'is this deployment' }]);
  const row = { id: newId(), base_url: body.baseUrl, region_code: body.regionCode, name: body.name, created_by: actor.username, created_at: deps.clock.nowIso() };
  await withTx(deps.db, async (tx) => {
    if (await tx.selectFrom('license_trusted_deployments').select('id').where('base_url', '=', body.baseUrl).executeTakeFirst()) {
      throw conflict('licenses.trust_exists', `${body.baseUrl} is on the trust list already.`);
    }
    await tx.insertInto('license_trusted_deployments').values(row).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.trust.added', targetType: 'trusted_deployment', targetId: row.id, details: { baseUrl: body.baseUrl, regionCode: body.regionCode, name: body.name } },
      event: { aggregateType: 'trusted_deployment', aggregateId: row.id, payload: { baseUrl: body.baseUrl, regionCode: body.regionCode } },
    });
  });
  forgetTrust(deps);
  return toTrust(row);
}

export async function removeTrust(deps: Deps, actor: Actor, id: string): Promise<void> {
  if (!canManageTrust(actor)) throw forbidden('licenses.not_trust_admin', 'Only a platform administrator manages the trust list.');
  await withTx(deps.db, async (tx) => {
    const row = await tx.selectFrom('license_trusted_deployments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('licenses.trust_not_found', 'No such trust list entry.');
    await tx.deleteFrom('license_trusted_deployments').where('id', '=', id).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.trust.removed', targetType: 'trusted_deployment', targetId: id, details: { baseUrl: row.base_url, regionCode: row.region_code } },
      event: { aggregateType: 'trusted_deployment', aggregateId: id, payload: { baseUrl: row.base_url } },
    });
  });
  forgetTrust(deps);
}

// ---------------------------------------------------------------------------------------------
// The department's issued licences
// ---------------------------------------------------------------------------------------------

/** A page of a department's issued licences, newest first, with the list's filters. Exported for its plan test. */
export function issuedPage(db: DbOrTx, departmentId: string, query: Pick<IssuedQuery, 'typeCode' | 'status' | 'q'>, limit: number, after: [string, string] | null) {
  let q = db.selectFrom('licenses').selectAll().where('issuer_department_id', '=', departmentId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  if (query.typeCode) q = q.where('type_code', '=', query.typeCode);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('holder_name', 'like', like), eb('number', '=', query.q!), eb('licence_id', '=', query.q!)]));
  }
  // a row value: both databases seek the issuer index to the cursor (an OR of the two parts is a filter on PostgreSQL,
  // which then walks every newer licence to reach a deep page)
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after[0], after[1])));
  return q;
}

export async function listIssued(deps: Deps, actor: Actor, query: IssuedQuery) {
  const departmentId = query.departmentId ?? actor.departmentId;
  if (!departmentId) throw invalid('licenses.department_required', 'Name the department (departmentId).');
  if (!canSeeIssued(actor, departmentId)) throw forbidden('licenses.not_your_department', 'You can see the licences of your own department only.');
  if (!(await findDepartmentById(deps.db, departmentId))) throw notFound('licenses.department_not_found', 'No such department.');
  const limit = pageLimit(query);
  const page = pageOf(await issuedPage(deps.db, departmentId, query, limit, decodeCursor(query.cursor, 2) as [string, string] | null).execute(), limit, (r) => [r.created_at, r.id]);
  const today = deps.calendar.chinaDate(deps.clock.now());
  return { items: await summariesOf(deps.db, page.items, today), nextCursor: page.nextCursor };
}
