import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault, type FastifyError, type FastifyRequest, type FastifyReply } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { AppError } from '../errors.js';
import type { Actor } from '../actor.js';
import { anonymousActor } from '../actor.js';
import { randomBytes } from 'node:crypto';
import { checkAccess, type Access } from './access.js';
import { describeValidation, validatorCompiler } from './validation.js';
import type { Config } from '../config.js';
import { clearSessionCookie, readSessionCookie, SESSION_COOKIE } from './cookies.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export { SESSION_COOKIE };

/** Every API route with its access declaration, collected as routes register (for the docs and the authorization tests). */
export interface RouteInfo {
  method: string;
  url: string;
  access: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteInfo[];
  }
  interface FastifyRequest {
    /** The CSRF token of the caller's session (null when not logged in). */
    csrfToken: string | null;
    /** A session token came with the request but is unknown, expired or revoked. */
    sessionRejected: boolean;
  }
}
export const CSRF_HEADER = 'x-csrf-token';

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

export interface ServerOptions {
  config: Config;
  logger?: boolean;
  /** Turns a session token into an actor; null when the token is unknown, revoked or expired. */
  resolveSession(token: string, requestId: string, request: { ip: string; userAgent: string | undefined }): ResolvedSession | null | Promise<ResolvedSession | null>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request ids: a random prefix per process and a counter — unique across processes and restarts, counting up within one
 * process, and much cheaper than a UUID per request (which cost ~10% of a small JSON route's throughput here).
 */
function requestIdGenerator(): () => string {
  const prefix = randomBytes(6).toString('base64url');
  let n = 0;
  return () => `${prefix}-${(++n).toString(36)}`;
}
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Fastify with the platform's cross-cutting behaviour; modules add their routes afterwards. */
export async function createServer(opts: ServerOptions): Promise<App> {
  const { config } = opts;
  const nextRequestId = requestIdGenerator();
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; anything else is refused with 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionRejected', false);
  const catalog: RouteInfo[] = [];
  app.decorate('routeCatalog', catalog);

  // Deny by default: an API route without an access declaration stops the server from starting.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' } as typeof route.config;
      route.schema = { ...(route.schema ?? {}), hide: true } as typeof route.schema;
      return;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} does not declare who may call it (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') catalog.push({ method, url: route.url, access });
    // The route's own hook enforces its declaration (after the platform hook has resolved the session).
    const enforce = (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      if (request.sessionRejected && access !== 'public') {
        return done(new AppError('unauthenticated', 'auth.session_expired', 'Your session has expired or was ended; please log in again.'));
      }
      try {
        checkAccess(access, request.actor);
      } catch (err) {
        return done(err as Error);
      }
      done();
    };
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), enforce] as typeof route.onRequest;
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', 'request.rate_limited', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s.`, { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tongban API', version: config.version, description: 'Tongban (通办) government services platform. Errors are `{"error":{"code","message","details"}}`; lists are `{"items","nextCursor"}`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'token from POST /api/v1/auth/login' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'session cookie; unsafe methods also need the x-csrf-token header' },
        },
      },
    },
  });

  // Security headers. Pages (the web app, the API docs) get helmet's full set, with its middleware built once (the
  // Fastify plugin rebuilt it on every request). JSON API responses get the short set the OWASP REST guidance asks
  // for: about 700 bytes of page-only headers on every small JSON reply cost a third of the throughput here.
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const apiHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
  };
  // One hook does the per-request platform work (each hook adds a scheduling step to every request). It is written
  // with a callback so that a request whose session is in the cache goes through without waiting on a promise.
  const authenticate = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    reply.header('x-request-id', request.id);
    const auth = request.headers.authorization;
    let token: string | undefined;
    let viaCookie = false;
    if (auth && /^Bearer\s+/i.test(auth)) token = auth.replace(/^Bearer\s+/i, '').trim();
    else {
      token = readSessionCookie(request.headers.cookie);
      viaCookie = !!token;
    }
    const apply = (resolved: ResolvedSession | null): void => {
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
        if (viaCookie && UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== resolved.csrfToken) {
          throw new AppError('forbidden', 'auth.csrf_failed', 'The request did not carry a valid CSRF token; reload the page and try again.');
        }
        return;
      }
      request.actor = anonymousActor(request.id);
      if (token) {
        request.sessionRejected = true;
        if (viaCookie) clearSessionCookie(reply);
      }
    };
    const finish = (resolved: ResolvedSession | null): void => {
      try {
        apply(resolved);
      } catch (err) {
        return done(err as Error);
      }
      done();
    };
    let result: ResolvedSession | null | Promise<ResolvedSession | null>;
    try {
      result = token ? opts.resolveSession(token, request.id, { ip: request.ip, userAgent: request.headers['user-agent'] }) : null;
    } catch (err) {
      return done(err as Error);
    }
    if (result instanceof Promise) result.then(finish, done);
    else finish(result);
  };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.headers(apiHeaders);
      // Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1), so it is sent only where it means something.
      if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      authenticate(request, reply, done);
    } else {
      pageHeaders(request.raw, reply.raw, (err?: unknown) => (err ? done(err as Error) : authenticate(request, reply, done)));
    }
  });

  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.kind === 'rate_limited' && (err.details as { retryAfterSeconds?: number })?.retryAfterSeconds) {
        reply.header('retry-after', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details ?? null } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const part = fe.validationContext ?? 'request';
      const { message, details } = describeValidation(fe.validation as never, part);
      return reply.status(400).send({ error: { code: 'request.invalid', message, details } });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'request.too_large', message: `The request body is larger than the limit of ${config.bodyLimitBytes} bytes.`, details: { limitBytes: config.bodyLimitBytes } } });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'request.unsupported_media_type', message: 'Send the body as application/json.', details: null } });
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return reply.status(400).send({ error: { code: 'request.malformed_json', message: 'The request body is not valid JSON.', details: null } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: 'request.rejected', message: fe.message, details: null } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. The request id is ' + request.id + '.', details: { requestId: request.id } } });
  });

  return app;
}

export const ErrorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
} as const;
