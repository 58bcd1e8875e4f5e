import type { Actor } from './actor.js';
import type { Tx } from './db/database.js';
import type { Deps } from './deps.js';
import { recordAudit, type AuditEntryInput } from './audit.js';
import { publishEvent, type EventInput } from './events.js';

/**
 * The one call a service makes after changing state, inside the same transaction: the audit entry and, when the
 * change is something other modules or outside systems care about, the outbox event. Both commit or neither does.
 */
export async function recordChange(
  tx: Tx,
  deps: Pick<Deps, 'dialect' | 'clock' | 'auditKey'>,
  actor: Actor,
  change: { audit: AuditEntryInput; event?: Omit<EventInput, 'type'> & { type?: string } },
): Promise<void> {
  await recordAudit(tx, deps, actor, change.audit);
  if (change.event) {
    await publishEvent(tx, deps.clock, actor, { ...change.event, type: change.event.type ?? change.audit.action });
  }
}
