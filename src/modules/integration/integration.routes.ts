import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-types.js';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './integration.service.js';

const Webhook = Type.Object({ id: Type.String(), name: Type.String(), url: Type.String(), eventTypes: Type.Array(Type.String()), departmentId: Nullable(Type.String()), active: Type.Boolean(), createdAt: Type.String() });
const CreateWebhook = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 60 }),
  url: Type.String({ minLength: 8, maxLength: 500 }),
  eventTypes: Type.Array(Type.String({ pattern: '^(\\*|[a-z_]+(\\.[a-z_]+)*(\\.\\*)?)$', maxLength: 80 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
  departmentId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
}, { additionalProperties: false });

export function registerIntegrationRoutes(app: App, deps: Deps): void {
  const tags = ['integration'];
  app.get('/api/v1/integration/webhooks', {
    config: { access: ['platform_admin', 'department_admin'] },
    schema: { tags, summary: 'Webhook subscriptions', response: { 200: Type.Object({ items: Type.Array(Webhook), nextCursor: Type.Null() }) } },
  }, (req) => svc.findWebhooks(deps, req.actor));

  app.post('/api/v1/integration/webhooks', {
    config: { access: ['platform_admin', 'department_admin'] },
    schema: { tags, summary: 'Subscribe an outside system to events (the signing secret is returned once)', body: CreateWebhook, response: { 201: Type.Intersect([Webhook, Type.Object({ secret: Type.String() })]) } },
  }, async (req, reply) => reply.status(201).send(await svc.createWebhook(deps, req.actor, req.body)));

  app.delete('/api/v1/integration/webhooks/:id', {
    config: { access: ['platform_admin', 'department_admin'] },
    schema: { tags, summary: 'Deactivate a webhook subscription', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: Type.Object({ ok: Type.Boolean() }) } },
  }, (req) => svc.deleteWebhook(deps, req.actor, req.params.id));

  app.get('/api/v1/integration/events/stream', {
    config: { access: ['staff'] },
    schema: { tags, summary: 'Live events as Server-Sent Events (platform admins: all; staff: their department)' },
  }, (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-request-id': req.id });
    res.write(': connected\n\n');
    const unsubscribe = deps.events.subscribe('*', (e) => {
      if (svc.canSeeEvent(req.actor, e)) res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });
}
