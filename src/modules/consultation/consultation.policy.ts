import type { Actor } from '../../platform/actor.js';
import { regionCovers } from '../org/index.js';

/** Pure rules of who may do what in the consultation engine. */

/** The kind of department that runs 12345 dispatching and coordinates between units (政务服务和数据管理局). */
export const COORDINATOR_KIND = 'government_services_data';

/** Knowledge-base entries and duty lists: a department admin of the owning department, or a platform admin. */
export function canManageDepartmentContent(actor: Actor, departmentId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  return actor.roles.includes('platform_admin') || (actor.roles.includes('department_admin') && actor.departmentId === departmentId);
}

/** Staff who may read a department's entries including retired ones and versions: its staff, or a platform admin. */
export function canReadDepartmentContent(actor: Actor, departmentId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'staff' && (actor.roles.includes('platform_admin') || actor.departmentId === departmentId);
}

/**
 * Coordination of contradictions between units (数据局): platform admins everywhere; department admins of a
 * government-services-and-data department for the departments seated in their region.
 */
export function canCoordinate(actor: Actor, actorDepartmentKind: string | null, departmentRegionCodes: string[] = []): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'staff') return false;
  if (actor.roles.includes('platform_admin')) return true;
  if (!actor.roles.includes('department_admin') || actorDepartmentKind !== COORDINATOR_KIND || !actor.regionCode) return false;
  return departmentRegionCodes.length === 0 || departmentRegionCodes.some((r) => regionCovers(actor.regionCode!, r));
}

/** Imports: platform admins for any department; department admins for rows of their own department (checked per row). */
export function canImport(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'staff' && (actor.roles.includes('platform_admin') || actor.roles.includes('department_admin')));
}

/** A question linked to an account is its asker's; one asked without logging in can be rated by whoever holds its id. */
export function canTouchQuestion(actor: Actor, q: { asker_user_id: string | null }): boolean {
  if (q.asker_user_id === null) return true;
  return actor.kind === 'citizen' && actor.userId === q.asker_user_id;
}
