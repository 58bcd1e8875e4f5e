import http from 'node:http';
import net from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { EventDispatcher, pendingEvents, publishEvent, typeMatches, connectNatsPublisher, type PlatformEvent } from './events.js';
import { queryPlan } from '../testing/query-plan.js';
import { withTx } from './db/database.js';
import { systemActor } from './actor.js';
import { manualClock } from './clock.js';

const clock = manualClock(new Date('2026-11-27T02:00:00Z'));
let p: TestPlatform;
let dispatcher: EventDispatcher;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failNext = 0;
let hook: http.Server;
let hookUrl = '';

beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
  dispatcher = new EventDispatcher(p.deps.db, clock, { pollMs: 10_000 });
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('nope');
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as net.AddressInfo).port}/hook`;
});
afterAll(async () => {
  hook?.close();
  await p?.close();
});

const emit = (type: string, id = 'agg-1') =>
  withTx(p.deps.db, (tx) => publishEvent(tx, clock, systemActor('test'), { type, aggregateType: 'thing', aggregateId: id, payload: { n: 1 } }));

describe('transactional outbox', () => {
  it('a rolled-back transaction leaves no event', async () => {
    await expect(
      withTx(p.deps.db, async (tx) => {
        await publishEvent(tx, clock, systemActor('test'), { type: 'test.rolled_back', aggregateType: 'thing', aggregateId: 'x', payload: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await p.deps.db.selectFrom('outbox_events').select('id').where('type', '=', 'test.rolled_back').execute()).toHaveLength(0);
  });

  it('dispatches a committed event once to listeners, however many dispatchers run', async () => {
    while ((await dispatcher.tick()).dispatched > 0); // drain the seed's events (more than one pass of 200)
    const got: PlatformEvent[] = [];
    const other = new EventDispatcher(p.deps.db, clock, { pollMs: 10_000 });
    const off1 = dispatcher.subscribe('test.*', (e) => got.push(e));
    const off2 = other.subscribe('test.*', (e) => got.push(e));
    const id = await emit('test.thing.happened');
    const [a, b] = await Promise.all([dispatcher.tick(), other.tick()]);
    expect(a.dispatched + b.dispatched).toBe(1);
    expect(got.map((e) => e.id)).toEqual([id]);
    expect(got[0]).toMatchObject({ type: 'test.thing.happened', aggregateId: 'agg-1', payload: { n: 1 } });
    off1();
    off2();
    const row = await p.deps.db.selectFrom('outbox_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.dispatched_at).not.toBeNull();
  });

  it('the dispatcher reads pending events from the index of pending events', async () => {
    // outbox_pending_idx holds only events not yet dispatched (a partial index): the dispatcher's query must imply it.
    expect(await queryPlan(p.deps, pendingEvents(p.deps.db, 200).compile())).toContain('outbox_pending_idx');
  });

  it('matches type patterns', () => {
    expect(typeMatches('org.*', 'org.department.created')).toBe(true);
    expect(typeMatches('org.department.*', 'org.region.created')).toBe(false);
    expect(typeMatches('*', 'x')).toBe(true);
    expect(typeMatches('org.department.created', 'org.department.created')).toBe(true);
  });
});

describe('webhooks', () => {
  it('delivers a signed POST for a department change made through the API, retrying after a failure', async () => {
    const admin = await p.login('admin');
    const sub = await admin.post('/api/v1/integration/webhooks', { name: '部门系统', url: hookUrl, eventTypes: ['org.department.*'] });
    expect(sub.status).toBe(201);
    expect(sub.body.secret).toMatch(/^[A-Za-z0-9_-]{30,}$/);
    expect((await admin.get('/api/v1/integration/webhooks')).body.items[0]).not.toHaveProperty('secret');
    await dispatcher.tick();
    received.length = 0;

    const dept = (await p.anonymous().get('/api/v1/org/departments?q=' + encodeURIComponent('澜州市交通运输局'))).body.items[0];
    expect((await admin.patch(`/api/v1/org/departments/${dept.id}`, { phone: '0590-66668888' })).status).toBe(200);
    failNext = 1;
    await dispatcher.tick();
    expect(received).toHaveLength(0);
    const pending = await p.deps.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', sub.body.id).execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'pending', attempts: 1, response_status: 500 });
    await dispatcher.tick(); // not due yet
    expect(received).toHaveLength(0);
    clock.advance(5_000);
    await dispatcher.tick();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    expect(headers['x-tongban-event']).toBe('org.department.updated');
    expect(headers['x-tongban-signature']).toBe('sha256=' + createHmac('sha256', sub.body.secret).update(body).digest('hex'));
    expect(JSON.parse(body)).toMatchObject({ type: 'org.department.updated', aggregate: { type: 'department', id: dept.id }, data: { phone: '0590-66668888' } });
    const done = await p.deps.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', sub.body.id).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'delivered', attempts: 2 });

    // events of other types are not sent; a deactivated subscription receives nothing
    await emit('identity.something.else');
    await dispatcher.tick();
    expect(received).toHaveLength(1);
    expect((await admin.delete(`/api/v1/integration/webhooks/${sub.body.id}`)).status).toBe(200);
    await admin.patch(`/api/v1/org/departments/${dept.id}`, { phone: '0590-66669999' });
    await dispatcher.tick();
    expect(received).toHaveLength(1);
  });

  it('rejects a webhook URL that is not http(s)', async () => {
    const admin = await p.login('admin');
    const r = await admin.post('/api/v1/integration/webhooks', { name: '坏地址', url: 'file:///etc/passwd', eventTypes: ['*'] });
    expect(r.body.error.code).toBe('integration.invalid_url');
  });
});

describe('live event stream', () => {
  it('streams the events a staff member may see over SSE', async () => {
    const admin = await p.login('admin');
    const ctrl = new AbortController();
    const res = await fetch(p.baseUrl + '/api/v1/integration/events/stream', { headers: { authorization: `Bearer ${admin.token}` }, signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let text = '';
    await p.deps.events.tick(); // drain
    await emit('test.live.event', 'live-1');
    await p.deps.events.tick();
    const deadline = Date.now() + 5000;
    while (!text.includes('test.live.event') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += dec.decode(value);
    }
    ctrl.abort();
    expect(text).toContain('event: test.live.event');
    expect(text).toContain('"aggregateId":"live-1"');
  });
});

async function natsReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(4222, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('NATS JetStream fan-out', async () => {
  const reachable = await natsReachable();
  it.skipIf(!reachable && !process.env.CI)('publishes dispatched events to tongban.<type> in the TONGBAN stream', async () => {
    const url = process.env.NATS_URL || 'nats://127.0.0.1:4222';
    const publisher = await connectNatsPublisher(url);
    const d = new EventDispatcher(p.deps.db, clock, { pollMs: 10_000, publisher });
    await d.tick();
    const id = await emit('test.nats.published', 'nats-1');
    await d.tick();
    await publisher.close();
    const { connect, JSONCodec } = await import('nats');
    const nc = await connect({ servers: url });
    try {
      const jsm = await nc.jetstreamManager();
      const msg = await jsm.streams.getMessage('TONGBAN', { last_by_subj: 'tongban.test.nats.published' });
      const e = JSONCodec<PlatformEvent>().decode(msg.data);
      expect(e.id).toBe(id);
      expect(e.aggregateId).toBe('nats-1');
    } finally {
      await nc.close();
    }
  });
});
