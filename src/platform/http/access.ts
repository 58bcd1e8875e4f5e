import type { Actor, StaffRole } from '../actor.js';
import { AppError } from '../errors.js';

/**
 * Who may call a route. Every route must declare one (the app refuses to start otherwise): deny by default.
 * - 'public': anyone, no login.
 * - 'authenticated': any logged-in account.
 * - a list: any of citizen (a citizen account, possibly acting for an enterprise), staff (any staff account), or a staff role.
 * Finer rules (own department, own region, own data, agent scope) are the service's policy checks.
 */
export type Access = 'public' | 'authenticated' | Array<'citizen' | 'staff' | StaffRole>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export function checkAccess(access: Access, actor: Actor): void {
  if (access === 'public') return;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'auth.required', 'Please log in first.');
  if (access === 'authenticated') return;
  for (const who of access) {
    if (who === 'citizen' && actor.kind === 'citizen') return;
    if (who === 'staff' && actor.kind === 'staff') return;
    if (who !== 'citizen' && who !== 'staff' && actor.roles.includes(who)) return;
  }
  throw new AppError('forbidden', 'auth.forbidden_role', 'Your account does not have the role this action needs.');
}
