import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, DEMO_PASSWORD, makeClient, type TestPlatform } from '../../testing/harness.js';
import { manualClock } from '../../platform/clock.js';

const clock = manualClock(new Date('2026-11-27T02:00:00Z'));
let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
});
afterAll(async () => p?.close());

async function rawLogin(username: string, password: string) {
  const res = await fetch(p.baseUrl + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: (await res.json()) as any, cookie: res.headers.get('set-cookie') };
}

async function auditCount(action: string, targetId?: string) {
  let q = p.deps.db.selectFrom('audit_log').select('seq').where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return (await q.execute()).length;
}

describe('password login', () => {
  it('returns a bearer token, sets an httpOnly SameSite session cookie, and audits the login', async () => {
    const before = await auditCount('auth.login.succeeded');
    const r = await rawLogin('zhangsan', DEMO_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.body.user).toMatchObject({ username: 'zhangsan', displayName: '张三', kind: 'citizen', roles: [] });
    expect(r.body.user.idNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(r.cookie).toMatch(/tb_session=/);
    expect(r.cookie).toMatch(/HttpOnly/i);
    expect(r.cookie).toMatch(/SameSite=Lax/i);
    const me = await makeClient(p.baseUrl, r.body.token).get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('zhangsan');
    expect(await auditCount('auth.login.succeeded')).toBe(before + 1);
  });

  it('accepts the username in any case', async () => {
    expect((await rawLogin('ZhangSan', DEMO_PASSWORD)).status).toBe(200);
  });

  it('rejects a wrong password and an unknown user with the same error', async () => {
    const a = await rawLogin('zhangsan', 'wrong-password');
    const b = await rawLogin('nobody_here', 'wrong-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.code).toBe('auth.invalid_credentials');
    expect(b.body.error.code).toBe('auth.invalid_credentials');
    expect(a.body.error.message).toBe(b.body.error.message);
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) expect((await rawLogin('wangwu', 'bad' + i)).status).toBe(401);
    const fifth = await rawLogin('wangwu', 'bad5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('auth.locked');
    const right = await rawLogin('wangwu', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.details.lockedUntil).toBeTruthy();
    expect(await auditCount('auth.account.locked')).toBeGreaterThanOrEqual(1);
    clock.advance(16 * 60_000);
    expect((await rawLogin('wangwu', DEMO_PASSWORD)).status).toBe(200);
  });

  it('rejects a body with unknown fields or wrong types without touching the account', async () => {
    const extra = await fetch(p.baseUrl + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhangsan', password: DEMO_PASSWORD, admin: true }) });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as any).error).toMatchObject({ code: 'request.invalid' });
    const wrongType = await fetch(p.baseUrl + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhangsan', password: 12345 }) });
    const body = (await wrongType.json()) as any;
    expect(wrongType.status).toBe(400);
    expect(body.error.details).toContainEqual({ field: 'password', reason: 'must be of type string' });
  });
});

describe('sessions', () => {
  it('cookie sessions need the CSRF token for unsafe methods; bearer tokens do not', async () => {
    const r = await rawLogin('zhangsan', DEMO_PASSWORD);
    const cookie = r.cookie!.split(';')[0];
    const meByCookie = await fetch(p.baseUrl + '/api/v1/auth/me', { headers: { cookie } });
    expect(meByCookie.status).toBe(200);
    const csrf = ((await meByCookie.json()) as any).csrfToken;
    const noCsrf = await fetch(p.baseUrl + '/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as any).error.code).toBe('auth.csrf_failed');
    const wrongCsrf = await fetch(p.baseUrl + '/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': 'forged', 'content-type': 'application/json' }, body: '{}' });
    expect(wrongCsrf.status).toBe(403);
    const ok = await fetch(p.baseUrl + '/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{}' });
    expect(ok.status).toBe(200);
    const after = await fetch(p.baseUrl + '/api/v1/auth/me', { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as any).error.code).toBe('auth.session_expired');
  });

  it('logout ends a bearer token', async () => {
    const c = await p.login('lisi');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    const r = await c.get('/api/v1/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('auth.session_expired');
  });

  it('expires a session after the idle timeout and after its absolute lifetime', async () => {
    const idle = await p.login('zhangsan');
    clock.advance((p.config.sessionIdleMinutes + 1) * 60_000);
    expect((await idle.get('/api/v1/auth/me')).status).toBe(401);

    const busy = await p.login('zhangsan');
    const steps = Math.ceil((p.config.sessionAbsoluteHours * 60) / (p.config.sessionIdleMinutes - 5));
    for (let i = 0; i < steps - 1; i++) {
      clock.advance((p.config.sessionIdleMinutes - 5) * 60_000);
      expect((await busy.get('/api/v1/auth/me')).status).toBe(200);
    }
    clock.advance((p.config.sessionIdleMinutes - 5) * 60_000);
    expect((await busy.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a session ended by another process stops working here within the cache lifetime', async () => {
    const c = await p.login('lisi');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await p.deps.db.updateTable('sessions').set({ revoked_at: clock.nowIso() }).where('revoked_at', 'is', null).execute();
    clock.advance(p.config.sessionCacheMs + 1);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects garbage tokens', async () => {
    const r = await makeClient(p.baseUrl, 'x'.repeat(43)).get('/api/v1/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('auth.session_expired');
    expect((await p.anonymous().get('/api/v1/auth/me')).body.error.code).toBe('auth.required');
  });
});

describe('password change', () => {
  it('checks the current password and the strength of the new one, then ends the other sessions', async () => {
    const a = await p.login('zhaoliu');
    const b = await p.login('zhaoliu');
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'An0ther-Strong-Pass' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('auth.wrong_current_password');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('auth.weak_password');
    expect(weak.body.error.details[0].field).toBe('newPassword');
    const ok = await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'An0ther-Strong-Pass' });
    expect(ok.status).toBe(200);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await rawLogin('zhaoliu', DEMO_PASSWORD)).status).toBe(401);
    expect((await rawLogin('zhaoliu', 'An0ther-Strong-Pass')).status).toBe(200);
  });
});

describe('citizen registration', () => {
  it('rejects an ID number with a wrong check digit, and a name that does not match the registry', async () => {
    const person = await p.deps.db.selectFrom('population_registry').select(['id_number', 'name']).where('id_number', 'not in', (await p.deps.db.selectFrom('users').select('id_number').where('id_number', 'is not', null).execute()).map((u) => u.id_number!)).limit(1).executeTakeFirstOrThrow();
    const flipped = person.id_number.slice(0, 17) + (person.id_number[17] === '0' ? '1' : '0');
    const bad = await p.anonymous().post('/api/v1/auth/register', { username: 'newcomer', password: 'Str0ng-Passw0rd', idNumber: flipped, name: person.name, phone: '13900001111' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('identity.invalid_id_number');
    const mismatch = await p.anonymous().post('/api/v1/auth/register', { username: 'newcomer', password: 'Str0ng-Passw0rd', idNumber: person.id_number, name: '不是本人', phone: '13900001111' });
    expect(mismatch.body.error.code).toBe('identity.person_not_matched');
    expect(await p.deps.db.selectFrom('users').select('id').where('username', '=', 'newcomer').executeTakeFirst()).toBeUndefined();
    const ok = await p.anonymous().post('/api/v1/auth/register', { username: 'newcomer', password: 'Str0ng-Passw0rd', idNumber: person.id_number, name: person.name, phone: '13900001111' });
    expect(ok.status).toBe(201);
    expect((await rawLogin('newcomer', 'Str0ng-Passw0rd')).status).toBe(200);
    const again = await p.anonymous().post('/api/v1/auth/register', { username: 'newcomer2', password: 'Str0ng-Passw0rd', idNumber: person.id_number, name: person.name, phone: '13900001111' });
    expect(again.body.error.code).toBe('identity.already_registered');
  });
});

describe('login rate limit per client', () => {
  it('answers 429 with the error shape once the per-minute budget is spent', async () => {
    const q = await startTestPlatform({ config: { loginRateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last: any;
      for (let i = 0; i < 5; i++) {
        const res = await fetch(q.baseUrl + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x' + i, password: 'y' }) });
        statuses.push(res.status);
        last = await res.json();
        if (res.status === 429) expect(res.headers.get('retry-after')).toBeTruthy();
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(last.error.code).toBe('request.rate_limited');
    } finally {
      await q.close();
    }
  });
});
