import type { Actor } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { verifyAuditChain, type VerifyResult } from '../../platform/audit.js';
import { decodeCursor, pageLimit, pageOf } from '../../platform/http/pagination.js';
import { forbidden } from '../../platform/errors.js';
import type { AuditQuery } from './security.schemas.js';

/**
 * Audit search. Platform admins and auditors search everything; a department admin sees its own department's entries.
 * Newest first; cursor on seq.
 */
export async function searchAudit(deps: Deps, actor: Actor, query: AuditQuery) {
  let departmentId = query.departmentId;
  if (!hasRole(actor, 'platform_admin', 'auditor')) {
    if (!hasRole(actor, 'department_admin')) throw forbidden('security.forbidden', 'Only administrators and auditors can search the audit trail.');
    if (departmentId && departmentId !== actor.departmentId) throw forbidden('security.other_department', 'You can only search your own department’s audit entries.');
    departmentId = actor.departmentId ?? '__none__';
  }
  const limit = pageLimit(query);
  const before = decodeCursor(query.cursor, 1)?.[0] as number | undefined;
  let qb = deps.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit + 1);
  if (query.action) qb = query.action.endsWith('*') ? qb.where('action', 'like', query.action.slice(0, -1).replace(/[%_]/g, '') + '%') : qb.where('action', '=', query.action);
  if (query.actor) qb = qb.where('actor_name', '=', query.actor);
  if (query.targetType) qb = qb.where('target_type', '=', query.targetType);
  if (query.targetId) qb = qb.where('target_id', '=', query.targetId);
  if (query.outcome) qb = qb.where('outcome', '=', query.outcome);
  if (query.onBehalfOf) qb = qb.where('on_behalf_of', '=', query.onBehalfOf);
  if (query.requestId) qb = qb.where('request_id', '=', query.requestId);
  if (departmentId) qb = qb.where('department_id', '=', departmentId);
  if (query.from) qb = qb.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) qb = qb.where('at', '<', new Date(query.to).toISOString());
  if (before !== undefined) qb = qb.where('seq', '<', before);
  const page = pageOf(await qb.execute(), limit, (r) => [Number(r.seq)]);
  return {
    items: page.items.map((r) => ({
      seq: Number(r.seq), id: r.id, at: r.at, actor: r.actor_name, actorKind: r.actor_kind, actorUserId: r.actor_user_id, onBehalfOf: r.on_behalf_of,
      action: r.action, targetType: r.target_type, targetId: r.target_id, outcome: r.outcome, requestId: r.request_id, departmentId: r.department_id,
      regionCode: r.region_code, details: r.details ? JSON.parse(r.details) : null, hash: r.hash,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function verifyAudit(deps: Deps, actor: Actor): Promise<VerifyResult> {
  if (!hasRole(actor, 'platform_admin', 'auditor')) throw forbidden('security.forbidden', 'Only platform administrators and auditors can verify the trail.');
  return verifyAuditChain(deps.db, deps.auditKey);
}
