import type { Actor, StaffRole } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

/** What an enterprise's legal representative can let an agent do. Later modules add their scopes here. */
export const AGENT_SCOPES = {
  'profile.read': { zh: '查看企业信息', en: 'View enterprise details' },
  'profile.update': { zh: '维护企业联系信息', en: 'Maintain enterprise contacts' },
  'applications.submit': { zh: '代办申请', en: 'Submit applications' },
  'applications.read': { zh: '查看办件', en: 'View cases' },
  'licenses.use': { zh: '使用电子证照', en: 'Use e-licences' },
  'consultation.ask': { zh: '咨询投诉', en: 'Ask questions' },
} as const;
export type AgentScope = keyof typeof AGENT_SCOPES;

/**
 * The actor must be acting for `uscc` (chosen with the acting-for switch) and hold `scope` there.
 * The legal representative holds every scope; an agent only the granted ones, and only until the grant expires
 * (the session check ends an expired or revoked grant before any service runs).
 */
export function requireEnterpriseScope(actor: Actor, uscc: string, scope: AgentScope): void {
  const ob = actor.onBehalfOf;
  if (!ob || ob.uscc !== uscc) throw forbidden('identity.not_acting_for_enterprise', 'Switch to this enterprise first (acting-for) to do this.');
  if (ob.scopes !== '*' && !ob.scopes.includes(scope)) {
    throw forbidden('identity.agent_scope_missing', `Your authorisation for this enterprise does not include "${AGENT_SCOPES[scope].en}".`);
  }
}

/** Only the legal representative manages agents (whether or not currently acting for the enterprise). */
export const isLegalRep = (actor: Actor, enterprise: { legal_rep_id_number: string }): boolean =>
  actor.kind === 'citizen' && !!actor.idNumber && actor.idNumber === enterprise.legal_rep_id_number;

/** Roles a department admin may hand out; platform-wide roles only come from a platform admin. */
const DEPARTMENT_GRANTABLE: StaffRole[] = ['window_officer', 'reviewer', 'department_admin'];

export function canManageStaffOf(actor: Actor, departmentId: string): boolean {
  return hasRole(actor, 'platform_admin') || (hasRole(actor, 'department_admin') && actor.departmentId === departmentId);
}

export function assertCanAssignRoles(actor: Actor, roles: StaffRole[]): void {
  if (hasRole(actor, 'platform_admin')) return;
  const bad = roles.filter((r) => !DEPARTMENT_GRANTABLE.includes(r));
  if (bad.length) throw forbidden('identity.role_not_grantable', `Only a platform administrator can assign: ${bad.join(', ')}.`);
}

/** Staff who may look a person up in the population registry (always with a purpose, always logged). */
export const canLookUpPeople = (actor: Actor): boolean => hasRole(actor, 'window_officer', 'reviewer', 'platform_admin');
