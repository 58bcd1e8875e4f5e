import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/harness.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
});
afterAll(async () => p?.close());

describe('API conventions', () => {
  it('health names the database and version', async () => {
    const r = await p.anonymous().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', db: p.config.databaseUrl ? 'postgres' : 'sqlite', version: p.config.version });
  });

  it('gives every response a request id, echoing a safe one from the caller', async () => {
    const a = await p.anonymous().get('/api/health');
    expect(a.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
    const b = await p.anonymous().raw('/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(b.headers.get('x-request-id')).toBe('trace-123');
    const c = await p.anonymous().raw('/api/health', { headers: { 'x-request-id': 'bad id with spaces<script>' } });
    expect(c.headers.get('x-request-id')).not.toContain('script');
  });

  it('records the request id in the audit entry of a change', async () => {
    const admin = await p.login('admin');
    const res = await admin.raw('/api/v1/org/regions/390102', { method: 'PATCH', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'x-request-id': 'req-audit-check' }, body: JSON.stringify({ nameEn: 'Minghu District' }) });
    expect(res.status).toBe(200);
    const entry = await p.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'req-audit-check').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'org.region.updated', actor_name: 'admin', outcome: 'success', target_id: '390102' });
  });

  it('sends security headers: the short API set on JSON, the full set on pages', async () => {
    const r = await p.anonymous().raw('/api/health');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('strict-transport-security')).toBeNull(); // plain HTTP: browsers ignore HSTS here
    expect(r.headers.get('cache-control')).toBe('no-store');
    const page = await p.anonymous().raw('/login'); // the web app's page (or its 404 when the web app is not built)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends HSTS on HTTPS (behind a trusted proxy that terminates TLS)', async () => {
    const behindProxy = await startTestPlatform({ config: { trustProxy: true } });
    try {
      const r = await behindProxy.anonymous().raw('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
      expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const plain = await behindProxy.anonymous().raw('/api/health');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await behindProxy.close();
    }
  });

  it('answers unknown API paths with the error shape', async () => {
    const r = await p.anonymous().get('/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 'request.not_found', message: expect.stringContaining('/api/v1/nothing-here'), details: null } });
  });

  it('publishes an OpenAPI 3 document listing every API route with its schemas', async () => {
    const r = await p.anonymous().get('/api/docs/json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(r.body.paths);
    for (const route of p.app.routeCatalog.filter((x) => x.url.startsWith('/api/'))) {
      const openapiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(paths, `${route.method} ${route.url}`).toContain(openapiPath);
      expect(r.body.paths[openapiPath][route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    expect(r.body.paths['/api/v1/org/departments'].post.requestBody.content['application/json'].schema.properties.uscc).toBeDefined();
    const ui = await p.anonymous().raw('/api/docs');
    expect([200, 302]).toContain(ui.status);
  });

  it('paginates with a bounded limit and a cursor that walks every item once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await p.anonymous().get(`/api/v1/org/departments?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...r.body.items.map((d: any) => d.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const total = (await p.deps.db.selectFrom('departments').select('id').where('active', '=', 1).execute()).length;
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
    const tooBig = await p.anonymous().get('/api/v1/org/departments?limit=1000');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe('request.invalid');
    const badCursor = await p.anonymous().get('/api/v1/org/departments?cursor=not-a-cursor');
    expect(badCursor.body.error.code).toBe('request.bad_cursor');
  });
});

describe('bad input', () => {
  it('rejects an oversize body with 413 and writes nothing', async () => {
    const admin = await p.login('admin');
    const before = (await p.deps.db.selectFrom('departments').select('id').execute()).length;
    const r = await admin.post('/api/v1/org/departments', { uscc: '11390102MB0000000X', name: '大'.repeat(20), kind: 'education', regionCode: '390102', phone: '0590-12345678', address: 'x'.repeat(p.config.bodyLimitBytes) });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('request.too_large');
    expect((await p.deps.db.selectFrom('departments').select('id').execute()).length).toBe(before);
  });

  it('rejects malformed JSON and non-JSON bodies', async () => {
    const admin = await p.login('admin');
    const bad = await admin.raw('/api/v1/org/regions', { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: '{"code": "390199",' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe('request.malformed_json');
    const text = await admin.raw('/api/v1/org/regions', { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as any).error.code).toBe('request.unsupported_media_type');
  });

  it('lists every field problem with a reason a person understands', async () => {
    const admin = await p.login('admin');
    const r = await admin.post('/api/v1/org/departments', { uscc: 12, name: '', kind: 'Education!', regionCode: '39', phone: '123', address: '某地', color: 'red' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('request.invalid');
    const fields = r.body.error.details.map((d: any) => d.field);
    for (const f of ['uscc', 'name', 'kind', 'regionCode', 'phone']) expect(fields).toContain(f);
    expect(r.body.error.details).toContainEqual({ field: 'body', reason: 'unknown field "color"' });
    expect(r.body.error.message).toMatch(/^Invalid body: /);
  });
});
