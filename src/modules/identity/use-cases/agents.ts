import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { maskIdNumber } from '../../../platform/mask.js';
import { isValidCitizenId } from '../../../platform/codes.js';
import * as q from '../identity.queries.js';
import { isLegalRep } from '../identity.policy.js';
import type { GrantAgentBody } from '../identity.schemas.js';

const MAX_GRANT_DAYS = 3 * 366;

async function enterpriseForRep(deps: Deps, actor: Actor, uscc: string) {
  const ent = await q.findEnterprise(deps.db, uscc);
  if (!ent) throw notFound('identity.enterprise_not_found', 'No enterprise with that code in the registry.');
  if (!isLegalRep(actor, ent)) throw forbidden('identity.not_legal_rep', 'Only the legal representative can manage the enterprise’s agents.');
  return ent;
}

function grantStatus(g: { revoked_at: string | null; expires_at: string }, nowIso: string): 'active' | 'expired' | 'revoked' {
  if (g.revoked_at) return 'revoked';
  return g.expires_at <= nowIso ? 'expired' : 'active';
}

export async function findAgents(deps: Deps, actor: Actor, uscc: string) {
  await enterpriseForRep(deps, actor, uscc);
  const nowIso = deps.clock.nowIso();
  const rows = await q.findAgentGrants(deps.db, uscc);
  return {
    items: rows.map((g) => ({
      id: g.id, agentIdNumberMasked: maskIdNumber(g.agent_id_number), agentName: g.agent_name, scopes: JSON.parse(g.scopes), expiresAt: g.expires_at,
      createdAt: g.created_at, revokedAt: g.revoked_at, revokeReason: g.revoke_reason, status: grantStatus(g, nowIso),
    })),
    nextCursor: null,
  };
}

export async function grantAgent(deps: Deps, actor: Actor, uscc: string, input: GrantAgentBody) {
  const ent = await enterpriseForRep(deps, actor, uscc);
  const agentId = input.agentIdNumber.toUpperCase();
  if (!isValidCitizenId(agentId)) throw invalid('identity.invalid_id_number', 'The agent’s ID number is not valid (GB 11643 check).', [{ field: 'agentIdNumber', reason: 'check digit or birth date is wrong' }]);
  if (agentId === ent.legal_rep_id_number) throw invalid('identity.agent_is_legal_rep', 'The legal representative needs no authorisation.', [{ field: 'agentIdNumber', reason: 'is the legal representative' }]);
  if (ent.status !== '存续') throw conflict('identity.enterprise_not_active', `The enterprise is ${ent.status}; it cannot authorise agents.`);
  const now = deps.clock.now();
  const expires = new Date(input.expiresAt);
  if (expires.getTime() <= now.getTime()) throw invalid('identity.expiry_in_past', 'The expiry must be in the future.', [{ field: 'expiresAt', reason: 'in the past' }]);
  if (expires.getTime() - now.getTime() > MAX_GRANT_DAYS * 86400_000) throw invalid('identity.expiry_too_far', 'An authorisation can last at most three years.', [{ field: 'expiresAt', reason: 'more than three years ahead' }]);
  const person = await q.findPerson(deps.db, agentId);
  if (!person || person.name !== input.agentName.trim()) throw invalid('identity.person_not_matched', 'The agent’s name and ID number do not match the population registry.', [{ field: 'agentIdNumber', reason: 'no matching registry record' }]);
  const result = await withTx(deps.db, async (tx) => {
    if (await q.findLiveAgentGrant(tx, uscc, agentId, now.toISOString())) throw conflict('identity.agent_already_granted', 'This person already holds a live authorisation; revoke it first to change it.');
    const id = newId();
    await tx.insertInto('enterprise_agents').values({ id, enterprise_uscc: uscc, agent_id_number: agentId, scopes: JSON.stringify(input.scopes), expires_at: expires.toISOString(), granted_by: actor.userId, created_at: now.toISOString(), revoked_at: null, revoked_by: null, revoke_reason: null }).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'identity.agent.granted', targetType: 'enterprise_agent', targetId: id, details: { uscc, agent: maskIdNumber(agentId), scopes: input.scopes, expiresAt: expires.toISOString() } },
      event: { aggregateType: 'enterprise', aggregateId: uscc, payload: { grantId: id, uscc, scopes: input.scopes, expiresAt: expires.toISOString() } },
    });
    return { id, agentIdNumberMasked: maskIdNumber(agentId), agentName: person.name, scopes: input.scopes, expiresAt: expires.toISOString(), createdAt: now.toISOString(), revokedAt: null, revokeReason: null, status: 'active' as const };
  });
  deps.sessionCache.clear(); // the agent's list of enterprises is cached with its session
  return result;
}

export async function revokeAgent(deps: Deps, actor: Actor, uscc: string, grantId: string, reason: string) {
  await enterpriseForRep(deps, actor, uscc);
  const result = await withTx(deps.db, async (tx) => {
    const g = await tx.selectFrom('enterprise_agents').selectAll().where('id', '=', grantId).where('enterprise_uscc', '=', uscc).executeTakeFirst();
    if (!g) throw notFound('identity.grant_not_found', 'No such authorisation for this enterprise.');
    if (g.revoked_at) throw conflict('identity.grant_already_revoked', 'This authorisation was already revoked.');
    const now = deps.clock.nowIso();
    await tx.updateTable('enterprise_agents').set({ revoked_at: now, revoked_by: actor.userId, revoke_reason: reason }).where('id', '=', grantId).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'identity.agent.revoked', targetType: 'enterprise_agent', targetId: grantId, details: { uscc, reason } },
      event: { aggregateType: 'enterprise', aggregateId: uscc, payload: { grantId, uscc } },
    });
    return { ok: true };
  });
  deps.sessionCache.clear(); // roles, grants and sessions are cached per process
  return result;
}
