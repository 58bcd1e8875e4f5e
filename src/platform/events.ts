import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Actor } from './actor.js';
import { withTx, type Db, type Tx } from './db/database.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { insertRow, prepared } from './db/prepared.js';

export interface EventInput {
  /** Past-tense dotted type, e.g. "org.department.created". */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  departmentId?: string | null;
}

export interface PlatformEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  requestId: string | null;
  departmentId: string | null;
  occurredAt: string;
}

/** Write an event to the outbox inside the caller's transaction; it is dispatched only if the transaction commits. */
export async function publishEvent(tx: Tx, clock: Clock, actor: Actor, input: EventInput): Promise<string> {
  const id = newId();
  await insertRow(tx, 'outbox_events', {
    id,
    type: input.type,
    aggregate_type: input.aggregateType,
    aggregate_id: input.aggregateId,
    payload: JSON.stringify(input.payload),
    actor_user_id: actor.userId,
    request_id: actor.requestId,
    department_id: input.departmentId ?? actor.departmentId ?? null,
    created_at: clock.nowIso(),
    dispatched_at: null,
  });
  return id;
}

/** The oldest events not yet dispatched (read from the outbox's index of pending events). */
export const pendingEvents = (db: Db, limit: number) => db.selectFrom('outbox_events').selectAll().where('dispatched_at', 'is', null).orderBy('id').limit(limit);
const claim = prepared((db, now: string, id: string) => db.updateTable('outbox_events').set({ dispatched_at: now }).where('id', '=', id).where('dispatched_at', 'is', null).returning('id'));

/** `a.b.*` matches `a.b.c` and `a.b.c.d`; `*` matches everything; otherwise exact. */
export function typeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export interface EventPublisher {
  publish(event: PlatformEvent): Promise<void>;
  close(): Promise<void>;
}

const MAX_WEBHOOK_ATTEMPTS = 8;

/**
 * Moves committed outbox events to their consumers: in-process listeners (live updates over SSE), webhook
 * subscriptions (signed HTTP POSTs with retries) and, when NATS_URL is set, NATS JetStream. Several processes may run
 * it against one database: an event is claimed by a conditional update, so each is dispatched once.
 */
export class EventDispatcher {
  private readonly emitter = new EventEmitter();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly opts: { pollMs: number; publisher?: EventPublisher | null; fetchImpl?: typeof fetch; log?: (msg: string, err?: unknown) => void },
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Listen to dispatched events (in this process). Returns an unsubscribe function. */
  subscribe(pattern: string, listener: (e: PlatformEvent) => void): () => void {
    const wrapped = (e: PlatformEvent) => {
      if (typeMatches(pattern, e.type)) listener(e);
    };
    this.emitter.on('event', wrapped);
    return () => this.emitter.off('event', wrapped);
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((err) => this.opts.log?.('event dispatch failed', err))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await this.running;
    await this.opts.publisher?.close();
  }

  /** One pass: dispatch pending events, then attempt due webhook deliveries. Exposed for tests and the CLI. */
  async tick(): Promise<{ dispatched: number; delivered: number }> {
    const dispatched = await this.dispatchPending();
    const delivered = await this.deliverDueWebhooks();
    return { dispatched, delivered };
  }

  private async dispatchPending(limit = 200): Promise<number> {
    const rows = await pendingEvents(this.db, limit).execute();
    if (rows.length === 0) return 0;
    const subs = await this.db.selectFrom('webhook_subscriptions').selectAll().where('active', '=', 1).execute();
    // One transaction claims the whole batch (a commit per event cost more than the event's own writes); an event
    // another dispatcher claimed first is skipped.
    const now = this.clock.nowIso();
    const claimedRows = await withTx(this.db, async (tx) => {
      const claimed: typeof rows = [];
      for (const row of rows) {
        if ((await claim.execute(tx, now, row.id)).length !== 1) continue;
        claimed.push(row);
        for (const s of subs) {
          const types = JSON.parse(s.event_types) as string[];
          if (s.department_id && row.department_id !== s.department_id) continue;
          if (!types.some((p) => typeMatches(p, row.type))) continue;
          await tx
            .insertInto('webhook_deliveries')
            .values({ id: newId(), subscription_id: s.id, event_id: row.id, status: 'pending', next_attempt_at: now, created_at: now, response_status: null, last_error: null, delivered_at: null })
            .execute();
        }
      }
      return claimed;
    });
    let n = 0;
    for (const row of claimedRows) {
      n++;
      const event = toEvent(row);
      this.emitter.emit('event', event);
      if (this.opts.publisher) {
        try {
          await this.opts.publisher.publish(event);
        } catch (err) {
          this.opts.log?.(`publishing ${event.type} to NATS failed`, err);
        }
      }
    }
    return n;
  }

  private async deliverDueWebhooks(limit = 50): Promise<number> {
    const now = this.clock.nowIso();
    const due = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
      .select(['d.id as deliveryId', 'd.attempts', 's.url', 's.secret', 'e.id', 'e.type', 'e.aggregate_type', 'e.aggregate_id', 'e.payload', 'e.actor_user_id', 'e.request_id', 'e.department_id', 'e.created_at', 'e.dispatched_at'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .execute();
    const doFetch = this.opts.fetchImpl ?? fetch;
    let delivered = 0;
    for (const d of due) {
      const event = toEvent(d);
      const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, aggregate: { type: event.aggregateType, id: event.aggregateId }, data: event.payload });
      const signature = 'sha256=' + createHmac('sha256', d.secret).update(body).digest('hex');
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await doFetch(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tongban-event': event.type, 'x-tongban-delivery': d.deliveryId, 'x-tongban-signature': signature },
          body,
          signal: AbortSignal.timeout(5000),
        });
        status = res.status;
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (err) {
        error = (err as Error).message;
      }
      const attempts = d.attempts + 1;
      if (!error) {
        delivered++;
        await this.db.updateTable('webhook_deliveries').set({ status: 'delivered', attempts, response_status: status, last_error: null, delivered_at: this.clock.nowIso() }).where('id', '=', d.deliveryId).execute();
      } else {
        const backoffMs = Math.min(60 * 60_000, 2 ** attempts * 1000);
        await this.db
          .updateTable('webhook_deliveries')
          .set({
            status: attempts >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            response_status: status,
            last_error: error.slice(0, 500),
            next_attempt_at: new Date(this.clock.now().getTime() + backoffMs).toISOString(),
          })
          .where('id', '=', d.deliveryId)
          .execute();
      }
    }
    return delivered;
  }
}

function toEvent(row: { id: string; type: string; aggregate_type: string; aggregate_id: string; payload: string; actor_user_id: string | null; request_id: string | null; department_id: string | null; created_at: string }): PlatformEvent {
  return {
    id: row.id,
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: JSON.parse(row.payload),
    actorUserId: row.actor_user_id,
    requestId: row.request_id,
    departmentId: row.department_id,
    occurredAt: row.created_at,
  };
}

/** Publishes dispatched events to NATS JetStream subjects `tongban.<type>` (stream TONGBAN, created when missing). */
export async function connectNatsPublisher(url: string): Promise<EventPublisher> {
  const { connect, JSONCodec } = await import('nats');
  const nc = await connect({ servers: url, timeout: 3000 });
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.streams.info('TONGBAN');
  } catch {
    await jsm.streams.add({ name: 'TONGBAN', subjects: ['tongban.>'] });
  }
  const js = nc.jetstream();
  const codec = JSONCodec();
  return {
    async publish(e) {
      await js.publish(`tongban.${e.type}`, codec.encode(e), { msgID: e.id });
    },
    async close() {
      await nc.drain();
    },
  };
}
