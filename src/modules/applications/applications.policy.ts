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
