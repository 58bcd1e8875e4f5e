import type { Actor, StaffRole } from '../../platform/actor.js';
import type { TaskStep } from './applications.tables.js';

/** The role that works each step: the window accepts and delivers, reviewers review and decide. */
export const ROLE_FOR_STEP: Record<TaskStep, StaffRole> = { accept: 'window_officer', review: 'reviewer', decide: 'reviewer', deliver: 'window_officer' };

/** An officer works a task of their own department with the step's role. */
export function canWorkTask(actor: Actor, task: { department_id: string; step: TaskStep }): boolean {
  return actor.kind === 'staff' && actor.departmentId === task.department_id && actor.roles.includes(ROLE_FOR_STEP[task.step]);
}

/** Staff of a department see its cases: the handling department, any department with a task on it, the receiving window. */
export function canSeeCase(actor: Actor, c: { department_id: string; receiving_department_id: string | null }, taskDepartments: string[]): boolean {
  if (actor.kind !== 'staff' || !actor.departmentId) return false;
  return actor.departmentId === c.department_id || actor.departmentId === c.receiving_department_id || taskDepartments.includes(actor.departmentId);
}

/** The applicant: the person who filed, or — for an enterprise's case — whoever now acts for that enterprise. */
export function isApplicant(actor: Actor, c: { applicant_user_id: string; applicant_kind: string; applicant_uscc: string | null }): boolean {
  if (actor.kind !== 'citizen') return false;
  if (c.applicant_kind === 'enterprise') return !!actor.onBehalfOf && actor.onBehalfOf.uscc === c.applicant_uscc;
  return actor.userId === c.applicant_user_id && !actor.onBehalfOf;
}

/** A case received by one department's window for a department of another region (跨省通办 / 异地代收代办). */
export function isCrossRegion(c: { department_id: string; receiving_department_id: string | null }): boolean {
  return !!c.receiving_department_id && c.receiving_department_id !== c.department_id;
}

/** Officers (window or reviewer) of a department. */
export function isOfficerOf(actor: Actor, departmentId: string): boolean {
  return actor.kind === 'staff' && actor.departmentId === departmentId && (actor.roles.includes('window_officer') || actor.roles.includes('reviewer'));
}

/** Who sees a department's rectifications: its staff; platform admins see all. */
export function canSeeRectification(actor: Actor, r: { department_id: string }): boolean {
  return actor.kind === 'staff' && (actor.roles.includes('platform_admin') || actor.departmentId === r.department_id);
}

/** Who records follow-ups and appeals for the department: its admin and its reviewers. */
export function canWorkRectification(actor: Actor, r: { department_id: string }): boolean {
  return actor.kind === 'staff' && actor.departmentId === r.department_id && (actor.roles.includes('department_admin') || actor.roles.includes('reviewer'));
}

/** The case statuses after which the applicant may rate (一事一评). */
export const RATABLE: readonly string[] = ['concluded', 'delivered', 'not_accepted'];
