import type { DbOrTx } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';

/** Kysely only, identity's own tables only. */

export function findSessionWithUser(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId', 's.csrf_token', 's.acting_for_uscc', 's.expires_at', 's.last_seen_at', 's.revoked_at',
      'u.id as userId', 'u.username', 'u.kind', 'u.display_name', 'u.id_number', 'u.department_id', 'u.active',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findRoles(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function findActiveGrantRegions(db: DbOrTx, userId: string, nowIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_grants')
    .select('region_code')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .execute();
  return rows.map((r) => r.region_code);
}

export const findUserByUsername = (db: DbOrTx, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: DbOrTx, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

// Registry reads are on every filing's path (prefill): their SQL is built once (src/platform/db/prepared.ts).
const personById = prepared((db, idNumber: string) => db.selectFrom('population_registry').selectAll().where('id_number', '=', idNumber));
const enterpriseByUscc = prepared((db, uscc: string) => db.selectFrom('enterprise_registry').selectAll().where('uscc', '=', uscc));
const attributeSources = prepared((db, registry: 'population' | 'enterprise', subjectKey: string) =>
  db.selectFrom('registry_attribute_sources').select(['attribute', 'source_department_id', 'updated_at']).where('registry', '=', registry).where('subject_key', '=', subjectKey));

export const findPerson = async (db: DbOrTx, idNumber: string) => (await personById.execute(db, idNumber))[0];

export const findEnterprise = async (db: DbOrTx, uscc: string) => (await enterpriseByUscc.execute(db, uscc))[0];

export const findAttributeSources = (db: DbOrTx, registry: 'population' | 'enterprise', subjectKey: string) => attributeSources.execute(db, registry, subjectKey);

/** A live (not revoked, not expired) grant of `agentIdNumber` for `uscc`. */
export function findLiveAgentGrant(db: DbOrTx, uscc: string, agentIdNumber: string, nowIso: string) {
  return db
    .selectFrom('enterprise_agents')
    .selectAll()
    .where('enterprise_uscc', '=', uscc)
    .where('agent_id_number', '=', agentIdNumber)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

/** Enterprises a person may act for: as legal representative, or through a live agent grant. */
export async function findActableEnterprises(db: DbOrTx, idNumber: string, nowIso: string) {
  const asRep = await db
    .selectFrom('enterprise_registry')
    .select(['uscc', 'name', 'status'])
    .where('legal_rep_id_number', '=', idNumber)
    .orderBy('name')
    .execute();
  const asAgent = await db
    .selectFrom('enterprise_agents as a')
    .innerJoin('enterprise_registry as e', 'e.uscc', 'a.enterprise_uscc')
    .select(['e.uscc', 'e.name', 'e.status', 'a.id as grantId', 'a.scopes', 'a.expires_at'])
    .where('a.agent_id_number', '=', idNumber)
    .where('a.revoked_at', 'is', null)
    .where('a.expires_at', '>', nowIso)
    .orderBy('e.name')
    .execute();
  return { asRep, asAgent };
}

export function findAgentGrants(db: DbOrTx, uscc: string) {
  return db
    .selectFrom('enterprise_agents as a')
    .innerJoin('population_registry as p', 'p.id_number', 'a.agent_id_number')
    .select(['a.id', 'a.agent_id_number', 'p.name as agent_name', 'a.scopes', 'a.expires_at', 'a.created_at', 'a.revoked_at', 'a.revoke_reason'])
    .where('a.enterprise_uscc', '=', uscc)
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
}
