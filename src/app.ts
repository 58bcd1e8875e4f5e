import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './platform/config.js';
import type { Deps } from './platform/deps.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrator.js';
import { systemClock, type Clock } from './platform/clock.js';
import { SecretKeys } from './platform/crypto/secret.js';
import { TtlCache } from './platform/cache.js';
import { EventDispatcher, connectNatsPublisher, type EventPublisher } from './platform/events.js';
import { createServer, type App } from './platform/http/server.js';
import { registerOrgRoutes } from './modules/org/index.js';
import { registerIdentityRoutes, resolveSession } from './modules/identity/index.js';
import { registerSecurityRoutes } from './modules/security/index.js';
import { registerIntegrationRoutes } from './modules/integration/index.js';
import { registerCatalogRoutes } from './modules/catalog/index.js';
import { registerApplicationsRoutes } from './modules/applications/index.js';
import { registerConsultationRoutes } from './modules/consultation/index.js';
import { registerConsultationOrdersRoutes } from './modules/consultation/index.js';
import { openDeploymentSeals, stopDocumentRendering } from './modules/applications/index.js';
import { createCalendar } from './platform/calendar.js';
import { createFileKeyStore } from './platform/crypto/keystore.js';
import { registerLicensesRoutes } from './modules/licenses/index.js';

/** Opens the database, migrates it, and wires every dependency a service needs. */
export async function createDeps(config: Config, opts: { clock?: Clock; migrate?: boolean } = {}): Promise<Deps & { close(): Promise<void> }> {
  // The holiday calendar first: a malformed TONGBAN_HOLIDAYS_FILE stops the start before anything is opened.
  const calendar = createCalendar({ extraFile: config.holidaysFile });
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (opts.migrate !== false) await migrateToLatest(handle.db, handle.dialect);
  const keys = SecretKeys.loadOrCreate(config.secretKeyFile);
  const clock = opts.clock ?? systemClock;
  let publisher: EventPublisher | null = null;
  if (config.natsUrl) publisher = await connectNatsPublisher(config.natsUrl);
  const events = new EventDispatcher(handle.db, clock, { pollMs: config.outboxPollMs, publisher, log: (m, e) => console.error(m, e) });
  return {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    calendar,
    events,
    keys,
    auditKey: keys.derive('audit-chain'),
    sessionCache: new TtlCache<unknown>(clock, config.sessionCacheMs),
    seals: openDeploymentSeals(handle.db, { dataDir: config.dataDir, keys, clock }),
    licenceKeys: createFileKeyStore({ config, keys, clock }),
    async close() {
      stopDocumentRendering(handle);
      await events.stop();
      await handle.destroy();
    },
  };
}

/** The HTTP application: platform hooks, then every module's routes under /api/v1/<module>, then the web app. */
export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}): Promise<App> {
  const app = await createServer({
    config: deps.config,
    logger: opts.logger,
    resolveSession: (token, requestId, meta) => resolveSession(deps, token, { ...meta, requestId }),
  });

  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database reachability',
      response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]), version: Type.String() }) },
    },
  }, async () => {
    await deps.db.selectFrom('regions').select('code').limit(1).execute();
    return { status: 'ok' as const, db: deps.dialect, version: deps.config.version };
  });

  registerIdentityRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerSecurityRoutes(app, deps);
  registerIntegrationRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerApplicationsRoutes(app, deps);
  registerLicensesRoutes(app, deps);
  registerConsultationRoutes(app, deps);
  registerConsultationOrdersRoutes(app, deps);

  const webDir = deps.config.webDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api') && hasWeb) {
      // The single-page app handles its own routes.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'request.not_found', message: `No such endpoint: ${req.method} ${req.url.split('?')[0]}`, details: null } });
  });
  return app;
}
