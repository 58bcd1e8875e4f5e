import type { Actor } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';

/** Platform admins manage every item; a department admin manages the items its own department implements. */
export function canManageItem(actor: Actor, item: { department_id: string }): boolean {
  if (hasRole(actor, 'platform_admin')) return true;
  return hasRole(actor, 'department_admin') && actor.departmentId === item.department_id;
}

/** Publication is approved by a platform admin (政务服务中心 / 数据局), never by the department that wrote the guide. */
export const canReview = (actor: Actor): boolean => hasRole(actor, 'platform_admin');

export const canManageBasicItems = (actor: Actor): boolean => hasRole(actor, 'platform_admin');

/** Bulk import: platform admins, and the operator's command line (a system actor). */
export const canImport = (actor: Actor): boolean => actor.kind === 'system' || hasRole(actor, 'platform_admin');
