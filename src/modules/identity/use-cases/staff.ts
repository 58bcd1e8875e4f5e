import type { Actor, StaffRole } from '../../../platform/actor.js';
import { hasRole } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, isUniqueViolation } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { hashPassword, passwordProblems } from '../../../platform/crypto/passwords.js';
import { isValidCitizenId } from '../../../platform/codes.js';
import { decodeCursor, pageLimit, pageOf } from '../../../platform/http/pagination.js';
import { departmentNames, findDepartmentById, findRegion } from '../../org/index.js';
import * as q from '../identity.queries.js';
import { assertCanAssignRoles, canManageStaffOf } from '../identity.policy.js';
import type { CreateStaffBody, UpdateStaffBody } from '../identity.schemas.js';

export async function findStaff(deps: Deps, actor: Actor, query: { departmentId?: string; q?: string; limit?: number; cursor?: string }) {
  // Department admins see their own department; platform admins and auditors see everyone.
  let departmentId = query.departmentId;
  if (!hasRole(actor, 'platform_admin', 'auditor')) {
    if (departmentId && departmentId !== actor.departmentId) throw forbidden('identity.other_department', 'You can only list staff of your own department.');
    departmentId = actor.departmentId ?? '__none__';
  }
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  let qb = deps.db.selectFrom('users').select(['id', 'username', 'display_name', 'department_id', 'active', 'phone', 'locked_until']).where('kind', '=', 'staff').orderBy('username').limit(limit + 1);
  if (departmentId) qb = qb.where('department_id', '=', departmentId);
  if (query.q) qb = qb.where((eb) => eb.or([eb('username', 'like', `%${query.q}%`), eb('display_name', 'like', `%${query.q}%`)]));
  if (after) qb = qb.where('username', '>', after);
  const page = pageOf(await qb.execute(), limit, (r) => [r.username]);
  const ids = page.items.map((r) => r.id);
  const roles = ids.length ? await deps.db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).execute() : [];
  const names = await departmentNames(deps.db, page.items.map((r) => r.department_id!).filter(Boolean));
  return {
    items: page.items.map((u) => ({
      id: u.id, username: u.username, displayName: u.display_name, departmentId: u.department_id!, departmentName: names.get(u.department_id!)?.name ?? '—',
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role), active: u.active === 1, phone: u.phone, lockedUntil: u.locked_until,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function createStaff(deps: Deps, actor: Actor, input: CreateStaffBody) {
  if (!canManageStaffOf(actor, input.departmentId)) throw forbidden('identity.other_department', 'You can only add staff to your own department.');
  assertCanAssignRoles(actor, input.roles as StaffRole[]);
  const problems = passwordProblems(input.initialPassword, input.username);
  if (problems.length) throw invalid('auth.weak_password', `The initial password needs: ${problems.join('; ')}.`, problems.map((reason) => ({ field: 'initialPassword', reason })));
  if (input.idNumber && !isValidCitizenId(input.idNumber.toUpperCase())) throw invalid('identity.invalid_id_number', 'The ID number is not valid (GB 11643 check).', [{ field: 'idNumber', reason: 'check digit or birth date is wrong' }]);
  const dept = await findDepartmentById(deps.db, input.departmentId);
  if (!dept) throw invalid('org.department_not_found', 'No such department.', [{ field: 'departmentId', reason: 'unknown department' }]);
  if (input.idNumber && !(await q.findPerson(deps.db, input.idNumber.toUpperCase()))) throw invalid('identity.person_not_found', 'That ID number is not in the population registry.', [{ field: 'idNumber', reason: 'not in registry' }]);
  const hash = await hashPassword(input.initialPassword, deps.config.passwordHashCost);
  try {
    return await withTx(deps.db, async (tx) => {
      if (await q.findUserByUsername(tx, input.username)) throw conflict('identity.username_taken', 'That username is taken.', [{ field: 'username', reason: 'taken' }]);
      const now = deps.clock.nowIso();
      const id = newId();
      await tx.insertInto('users').values({ id, username: input.username, password_hash: hash, kind: 'staff', display_name: input.displayName, id_number: input.idNumber?.toUpperCase() ?? null, department_id: dept.id, phone: input.phone ?? null, locked_until: null, password_changed_at: now, created_at: now, updated_at: now }).execute();
      await tx.insertInto('user_roles').values(input.roles.map((role) => ({ user_id: id, role }))).execute();
      await recordChange(tx, deps, actor, {
        audit: { action: 'identity.staff.created', targetType: 'user', targetId: id, departmentId: dept.id, regionCode: dept.region_code, details: { username: input.username, roles: input.roles } },
        event: { aggregateType: 'user', aggregateId: id, departmentId: dept.id, payload: { userId: id, username: input.username, departmentId: dept.id, roles: input.roles } },
      });
      return { id, username: input.username, displayName: input.displayName, departmentId: dept.id, departmentName: dept.name, roles: input.roles, active: true, phone: input.phone ?? null, lockedUntil: null };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('identity.username_taken', 'That username is taken.', [{ field: 'username', reason: 'taken' }]);
    throw err;
  }
}

export async function updateStaff(deps: Deps, actor: Actor, userId: string, input: UpdateStaffBody) {
  const result = await withTx(deps.db, async (tx) => {
    const user = await q.findUserById(tx, userId);
    if (!user || user.kind !== 'staff') throw notFound('identity.staff_not_found', 'No such staff member.');
    if (!canManageStaffOf(actor, user.department_id!)) throw forbidden('identity.other_department', 'You can only manage staff of your own department.');
    const before = await q.findRoles(tx, userId);
    const roles = input.roles as StaffRole[] | undefined;
    if (roles) {
      // A department admin can neither grant nor take away platform-wide roles.
      assertCanAssignRoles(actor, [...roles, ...before.filter((r) => !roles.includes(r as StaffRole))] as StaffRole[]);
      if (userId === actor.userId && !roles.includes('platform_admin') && before.includes('platform_admin')) throw conflict('identity.cannot_demote_self', 'You cannot remove your own platform administrator role.');
    }
    if (input.active === false && userId === actor.userId) throw conflict('identity.cannot_deactivate_self', 'You cannot deactivate your own account.');
    const now = deps.clock.nowIso();
    const patch = {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      ...(input.unlock && { locked_until: null, failed_logins: 0 }),
      updated_at: now,
    };
    await tx.updateTable('users').set(patch).where('id', '=', userId).execute();
    if (input.roles) {
      await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      await tx.insertInto('user_roles').values(input.roles.map((role) => ({ user_id: userId, role }))).execute();
    }
    if (input.active === false) await tx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'identity.staff.updated', targetType: 'user', targetId: userId, departmentId: user.department_id, details: { rolesBefore: before, rolesAfter: input.roles ?? before, active: input.active, unlocked: !!input.unlock } },
      event: { aggregateType: 'user', aggregateId: userId, departmentId: user.department_id, payload: { userId, roles: input.roles ?? before, active: input.active ?? user.active === 1 } },
    });
    return { ok: true };
  });
  deps.sessionCache.clear(); // roles, grants and sessions are cached per process
  return result;
}

/** A platform admin lets a staff member see another region (e.g. a provincial reviewer covering a city). */
export async function grantRegion(deps: Deps, actor: Actor, userId: string, input: { regionCode: string; reason: string; expiresAt?: string }) {
  if (!hasRole(actor, 'platform_admin')) throw forbidden('identity.forbidden', 'Only a platform administrator grants access to other regions.');
  const result = await withTx(deps.db, async (tx) => {
    const user = await q.findUserById(tx, userId);
    if (!user || user.kind !== 'staff') throw notFound('identity.staff_not_found', 'No such staff member.');
    if (!(await findRegion(tx, input.regionCode))) throw invalid('org.unknown_region', `Region ${input.regionCode} does not exist.`, [{ field: 'regionCode', reason: 'unknown region' }]);
    const id = newId();
    await tx.insertInto('staff_grants').values({ id, user_id: userId, region_code: input.regionCode, reason: input.reason, granted_by: actor.userId, expires_at: input.expiresAt ?? null, created_at: deps.clock.nowIso() }).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'identity.staff.region_granted', targetType: 'user', targetId: userId, regionCode: input.regionCode, details: { reason: input.reason, expiresAt: input.expiresAt ?? null } } });
    return { id };
  });
  deps.sessionCache.clear(); // roles, grants and sessions are cached per process
  return result;
}
