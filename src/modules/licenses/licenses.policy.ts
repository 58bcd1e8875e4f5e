import type { Actor } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';

/** Pure decisions about licences. */

/** Platform admins define any type; a department admin defines the types of their own department. */
export function canDefineType(actor: Actor, definingDepartmentId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'staff' && (hasRole(actor, 'platform_admin') || (hasRole(actor, 'department_admin') && actor.departmentId === definingDepartmentId));
}

/** Officers (window or reviewer) of the issuing department issue, import, revoke, suspend and reinstate. */
export function canIssueFor(actor: Actor, departmentId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'staff' && actor.departmentId === departmentId && hasRole(actor, 'window_officer', 'reviewer', 'department_admin');
}

/** A department's issued licences: its own staff; platform admins and auditors see every department's. */
export function canSeeIssued(actor: Actor, departmentId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return hasRole(actor, 'platform_admin', 'auditor') || actor.departmentId === departmentId;
}

/** Who manages a department's signing keys (rotation, the 国密 option): its admin, or a platform admin. */
export function canManageKeys(actor: Actor, departmentId: string): boolean {
  return actor.kind === 'staff' && (hasRole(actor, 'platform_admin') || (hasRole(actor, 'department_admin') && actor.departmentId === departmentId));
}

export const canManageTrust = (actor: Actor): boolean => actor.kind === 'staff' && hasRole(actor, 'platform_admin');

/** Licence status transitions: INVALID (revoked) is final; suspension is reversible. */
export const TRANSITIONS: Record<'revoke' | 'suspend' | 'reinstate', { from: string[]; to: 'revoked' | 'suspended' | 'valid' }> = {
  revoke: { from: ['valid', 'suspended'], to: 'revoked' },
  suspend: { from: ['valid'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'valid' },
};
