import type { Actor } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';
import { regionCovers } from './org.regions.js';

/** Pure decisions about organisations. */

export const canManageRegions = (actor: Actor) => hasRole(actor, 'platform_admin');
export const canCreateDepartment = (actor: Actor) => hasRole(actor, 'platform_admin');

/** Platform admins edit any department; a department admin edits its own department's contacts. */
export function canEditDepartment(actor: Actor, dept: { id: string }): boolean {
  return hasRole(actor, 'platform_admin') || (hasRole(actor, 'department_admin') && actor.departmentId === dept.id);
}

/** Fields only a platform admin may change (identity and place of the department). */
export const STRUCTURAL_DEPARTMENT_FIELDS = ['uscc', 'regionCode', 'level', 'kind'] as const;

/** Whether staff may see data that belongs to a region: their own department's region subtree, or a granted one. */
export function staffCoversRegion(actor: Actor, regionCode: string): boolean {
  if (hasRole(actor, 'platform_admin', 'auditor')) return true;
  if (actor.kind !== 'staff') return false;
  if (actor.regionCode && regionCovers(actor.regionCode, regionCode)) return true;
  return actor.grantedRegionCodes.some((g) => regionCovers(g, regionCode));
}
