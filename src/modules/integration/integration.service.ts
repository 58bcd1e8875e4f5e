import type { Actor } from '../../platform/actor.js';
import { hasRole } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { withTx } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/ids.js';
import { recordChange } from '../../platform/record.js';
import type { PlatformEvent } from '../../platform/events.js';

/** Webhook subscriptions: department systems receive the platform's events, signed with a per-subscription secret. */

function scopeDepartment(actor: Actor, requested: string | null | undefined): string | null {
  if (hasRole(actor, 'platform_admin')) return requested ?? null;
  if (requested && requested !== actor.departmentId) throw forbidden('integration.other_department', 'You can only subscribe to your own department’s events.');
  return actor.departmentId;
}

export async function findWebhooks(deps: Deps, actor: Actor) {
  let qb = deps.db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at', 'desc').limit(200);
  if (!hasRole(actor, 'platform_admin')) qb = qb.where('department_id', '=', actor.departmentId ?? '__none__');
  const rows = await qb.execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, url: r.url, eventTypes: JSON.parse(r.event_types) as string[], departmentId: r.department_id, active: r.active === 1, createdAt: r.created_at })), nextCursor: null };
}

export async function createWebhook(deps: Deps, actor: Actor, input: { name: string; url: string; eventTypes: string[]; departmentId?: string | null }) {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw invalid('integration.invalid_url', 'The webhook URL is not a valid URL.', [{ field: 'url', reason: 'not a URL' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('integration.invalid_url', 'Webhook URLs must be http or https.', [{ field: 'url', reason: 'must be http(s)' }]);
  const departmentId = scopeDepartment(actor, input.departmentId);
  const secret = newToken(24);
  const id = newId();
  await withTx(deps.db, async (tx) => {
    await tx.insertInto('webhook_subscriptions').values({ id, name: input.name, url: url.toString(), event_types: JSON.stringify(input.eventTypes), secret, department_id: departmentId, created_by: actor.userId, created_at: deps.clock.nowIso() }).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'integration.webhook.created', targetType: 'webhook', targetId: id, departmentId, details: { url: url.origin + url.pathname, eventTypes: input.eventTypes } } });
  });
  // The secret is shown once, at creation; receivers verify x-tongban-signature with it.
  return { id, name: input.name, url: url.toString(), eventTypes: input.eventTypes, departmentId, active: true, createdAt: deps.clock.nowIso(), secret };
}

export async function deleteWebhook(deps: Deps, actor: Actor, id: string) {
  return withTx(deps.db, async (tx) => {
    const row = await tx.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('integration.webhook_not_found', 'No such webhook subscription.');
    if (!hasRole(actor, 'platform_admin') && row.department_id !== actor.departmentId) throw forbidden('integration.other_department', 'This subscription belongs to another department.');
    await tx.updateTable('webhook_subscriptions').set({ active: 0 }).where('id', '=', id).execute();
    await recordChange(tx, deps, actor, { audit: { action: 'integration.webhook.deactivated', targetType: 'webhook', targetId: id, departmentId: row.department_id } });
    return { ok: true };
  });
}

/** Which live events a signed-in staff member may watch: platform admins all, others their department's. */
export function canSeeEvent(actor: Actor, e: PlatformEvent): boolean {
  if (hasRole(actor, 'platform_admin', 'auditor')) return true;
  return actor.kind === 'staff' && !!actor.departmentId && e.departmentId === actor.departmentId;
}
