import type { FastifyError } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { App } from '../../platform/http/server.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import {
  Open311Error, createServiceRequest, getServiceRequest, listServiceRequests, listServices, serviceDefinition, type Open311Params,
} from './use-cases/orders-open311.js';

/**
 * Open311 GeoReport v2, JSON format, under /open311/v2 (docs/open311.md). Responses follow the GeoReport schemas
 * (checked against interop/open311-georeport-v2 in the tests); errors are GeoReport's `[{code, description}]`.
 * POST takes form fields (application/x-www-form-urlencoded, as the spec says) or the same fields as JSON. No API key
 * is required or checked; creating requests is rate-limited per client address.
 */
export const OPEN311_BASE = '/open311/v2';

/** `name.json` → name; other formats are refused (XML is not offered). */
function jsonName(file: string): string {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(404, 'not found: use the .json form of the resource');
  if (m[2] !== 'json') throw new Open311Error(400, 'only the JSON format is supported');
  return decodeURIComponent(m[1]);
}

const Query = Type.Object({
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 12 })),
  service_request_id: Type.Optional(Type.String({ maxLength: 20000 })),
  service_code: Type.Optional(Type.String({ maxLength: 400 })),
  start_date: Type.Optional(Type.String({ maxLength: 40 })),
  end_date: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  api_key: Type.Optional(Type.String({ maxLength: 200 })),
});

export function registerOpen311Routes(app: App, deps: Deps): void {
  app.register(async (plain) => {
    const o = plain.withTypeProvider<TypeBoxTypeProvider>();
    o.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      const out: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body as string)) if (!(k in out)) out[k] = v;
      done(null, out);
    });
    o.setErrorHandler((err: FastifyError | AppError | Open311Error, request, reply) => {
      let status: number;
      let description: string;
      if (err instanceof Open311Error) [status, description] = [err.status, err.description];
      else if (err instanceof AppError) [status, description] = [err.status, err.message];
      else if ((err as FastifyError).validation) [status, description] = [400, err.message];
      else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) [status, description] = [(err as FastifyError).statusCode!, err.message];
      else {
        request.log.error({ err }, 'open311: unhandled error');
        [status, description] = [500, `Something went wrong on our side. The request id is ${request.id}.`];
      }
      return reply.status(status).send([{ code: status, description }]);
    });
    const tags = ['open311'];

    o.get(`${OPEN311_BASE}/services.json`, {
      config: { access: 'public' },
      schema: { tags, summary: 'GeoReport v2 service list: the lines of work of the departments (with their duty matters)', querystring: Query },
    }, async (req) => {
      if (req.query.jurisdiction_id) await jurisdiction(deps, req.query.jurisdiction_id);
      return listServices(deps);
    });

    o.get(`${OPEN311_BASE}/services/:file`, {
      config: { access: 'public' },
      schema: { tags, summary: 'GeoReport v2 service definition (/services/{service_code}.json): request_type and urgent attributes', params: Type.Object({ file: Type.String({ maxLength: 80 }) }), querystring: Query },
    }, async (req) => serviceDefinition(deps, jsonName(req.params.file)));

    o.post(`${OPEN311_BASE}/requests.json`, {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'GeoReport v2: create a service request (a work order, channel open311); form fields or JSON' },
    }, async (req) => {
      const body = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'send the fields as application/x-www-form-urlencoded or a JSON object');
      const params: Open311Params = { ...(req.query as Record<string, unknown>), ...(body as Record<string, unknown>) };
      const { order, notice } = await createServiceRequest(deps, req.actor, params);
      return [{ service_request_id: order.order_number, service_notice: notice }];
    });

    o.get(`${OPEN311_BASE}/requests.json`, {
      config: { access: 'public' },
      schema: { tags, summary: 'GeoReport v2: requests received through Open311 (90 days / 1000 at most; filters as the spec)', querystring: Query },
    }, async (req) => listServiceRequests(deps, req.query));

    o.get(`${OPEN311_BASE}/requests/:file`, {
      config: { access: 'public' },
      schema: { tags, summary: 'GeoReport v2: one request (/requests/{service_request_id}.json), as an array of one', params: Type.Object({ file: Type.String({ maxLength: 80 }) }), querystring: Query },
    }, async (req) => getServiceRequest(deps, jsonName(req.params.file)));
  });
}

async function jurisdiction(deps: Deps, code: string): Promise<void> {
  const r = /^\d{6}$/.test(code) ? await deps.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst() : undefined;
  if (!r) throw new Open311Error(404, `jurisdiction_id ${JSON.stringify(code)} not found`);
}
