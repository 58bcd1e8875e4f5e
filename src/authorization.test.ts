import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type Client } from './testing/harness.js';
import { demoEnterprises, demoPeople } from './demo/province-data.js';
import type { Access } from './platform/http/access.js';

/**
 * Deny by default, proven over every API route × every kind of caller: the access declared on a route is what the
 * server enforces. Then the finer rules a role alone cannot express: own data, own department, own region, agent scope.
 */
let p: TestPlatform;
const XIANWEI = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司')!.uscc;
const zhangsan = demoPeople.find((x) => x.username === 'zhangsan')!;
const lisi = demoPeople.find((x) => x.username === 'lisi')!;

type Caller = { name: string; kind: 'anonymous' | 'citizen' | 'staff'; roles: string[]; client: Client };
let callers: Caller[] = [];

async function makeCallers(): Promise<Caller[]> {
  const wangwu = await p.login('wangwu');
  await wangwu.post('/api/v1/auth/acting-for', { uscc: XIANWEI });
  return [
    { name: 'anonymous', kind: 'anonymous', roles: [], client: p.anonymous() },
    { name: 'citizen', kind: 'citizen', roles: [], client: await p.login('zhangsan') },
    { name: 'agent acting for an enterprise', kind: 'citizen', roles: [], client: wangwu },
    { name: 'window officer', kind: 'staff', roles: ['window_officer'], client: await p.login('lz_scjg_ck1') },
    { name: 'reviewer', kind: 'staff', roles: ['reviewer'], client: await p.login('lz_scjg_sp1') },
    { name: 'department admin', kind: 'staff', roles: ['department_admin'], client: await p.login('scjg_admin') },
    { name: 'platform admin', kind: 'staff', roles: ['platform_admin'], client: await p.login('admin') },
    { name: 'auditor', kind: 'staff', roles: ['auditor'], client: await p.login('auditor') },
  ];
}

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
});
beforeEach(async () => {
  callers = await makeCallers();
});
afterAll(async () => p?.close());

function allowed(access: Access, c: Caller): boolean {
  if (access === 'public') return true;
  if (c.kind === 'anonymous') return false;
  if (access === 'authenticated') return true;
  return access.some((w) => (w === 'citizen' && c.kind === 'citizen') || (w === 'staff' && c.kind === 'staff') || c.roles.includes(w));
}

const fill = (url: string) =>
  url.replace(':id', '01900000-0000-7000-8000-000000000000').replace(':grantId', '01900000-0000-7000-8000-000000000001').replace(':code', '390102').replace(':uscc', XIANWEI).replace(':idNumber', zhangsan.idNumber);

describe('route × role matrix', () => {
  it('every API route declares its access, and the server enforces exactly that', async () => {
    // logout last: it ends the caller's session
    const routes = p.app.routeCatalog.filter((r) => r.url.startsWith('/api/v1')).sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const c of callers) {
        const url = fill(route.url) + (route.url.endsWith('/people/:idNumber') ? '?purpose=authorization-matrix' : '');
        let status: number;
        let code: string | undefined;
        if (route.url.endsWith('/events/stream')) {
          const ctrl = new AbortController();
          const res = await c.client.raw(url, { headers: c.client.token ? { authorization: `Bearer ${c.client.token}` } : {}, signal: ctrl.signal });
          status = res.status;
          if (status !== 200) code = ((await res.json()) as any).error?.code;
          ctrl.abort();
        } else {
          const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
          const r = method === 'get' || method === 'delete' ? await c.client[method](url) : await c.client[method](url, {});
          status = r.status;
          code = r.body?.error?.code;
        }
        checked++;
        const ok = allowed(route.access as Access, c);
        if (ok && (code === 'auth.required' || code === 'auth.forbidden_role')) failures.push(`${route.method} ${route.url} should admit ${c.name}, got ${status} ${code}`);
        if (!ok && c.kind === 'anonymous' && !(status === 401 && code === 'auth.required')) failures.push(`${route.method} ${route.url} should ask ${c.name} to log in, got ${status} ${code}`);
        if (!ok && c.kind !== 'anonymous' && !(status === 403 && code === 'auth.forbidden_role')) failures.push(`${route.method} ${route.url} should refuse ${c.name}, got ${status} ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * callers.length);
  });

  it('a route without an access declaration stops the server from starting', async () => {
    const { createServer } = await import('./platform/http/server.js');
    const app = await createServer({ config: p.config, resolveSession: async () => null });
    expect(() => app.get('/api/v1/undeclared', async () => ({}))).toThrow(/does not declare who may call it/);
  });
});

describe('own data only', () => {
  it('a citizen cannot read another citizen’s registry record', async () => {
    const zs = callers[1].client;
    const other = await zs.get(`/api/v1/identity/people/${lisi.idNumber}?purpose=curiosity`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('identity.not_your_record');
    const mine = await zs.get('/api/v1/identity/people/me');
    expect(mine.status).toBe(200);
    expect(mine.body.idNumber).toBe(zhangsan.idNumber);
    expect(mine.body.provenance.name.sourceDepartment).toMatch(/公安/);
  });

  it('a citizen cannot manage another enterprise’s agents or see its legal representative’s ID number', async () => {
    const zs = callers[1].client;
    expect((await zs.get(`/api/v1/identity/enterprises/${XIANWEI}/agents`)).body.error.code).toBe('identity.not_legal_rep');
    const ent = await zs.get(`/api/v1/identity/enterprises/${XIANWEI}`);
    expect(ent.status).toBe(200);
    expect(ent.body.legalRepName).toBe('李四');
    expect(ent.body.legalRepIdNumber).toBeNull();
  });
});

describe('staff see their department and region only', () => {
  it('a department admin cannot change another department or its staff', async () => {
    const admin = callers[5].client;
    const other = (await p.anonymous().get('/api/v1/org/departments?q=' + encodeURIComponent('青川市市场监督管理局'))).body.items[0];
    const own = (await admin.get('/api/v1/auth/me')).body.department;
    const patchOther = await admin.patch(`/api/v1/org/departments/${other.id}`, { phone: '0591-88886666' });
    expect(patchOther.status).toBe(403);
    expect(patchOther.body.error.code).toBe('org.forbidden');
    expect((await p.anonymous().get(`/api/v1/org/departments/${other.id}`)).body.phone).toBe(other.phone);
    const patchOwn = await admin.patch(`/api/v1/org/departments/${own.id}`, { phone: '0590-88886666' });
    expect(patchOwn.status).toBe(200);
    const rename = await admin.patch(`/api/v1/org/departments/${own.id}`, { name: '改个名字' });
    expect(rename.body.error.code).toBe('org.forbidden');
    expect((await admin.get(`/api/v1/identity/staff?departmentId=${other.id}`)).body.error.code).toBe('identity.other_department');
    const ownStaff = await admin.get('/api/v1/identity/staff?limit=100');
    expect(ownStaff.body.items.length).toBeGreaterThan(0);
    expect(ownStaff.body.items.every((s: any) => s.departmentId === own.id)).toBe(true);
    const create = await admin.post('/api/v1/identity/staff', { username: 'intruder', displayName: '越权', departmentId: other.id, roles: ['reviewer'], initialPassword: 'Str0ng-Passw0rd' });
    expect(create.body.error.code).toBe('identity.other_department');
    const escalate = await admin.post('/api/v1/identity/staff', { username: 'escalated', displayName: '提权', departmentId: own.id, roles: ['platform_admin'], initialPassword: 'Str0ng-Passw0rd' });
    expect(escalate.body.error.code).toBe('identity.role_not_grantable');
    const otherStaff = (await callers[6].client.get(`/api/v1/identity/staff?departmentId=${other.id}&limit=1`)).body.items[0];
    expect((await admin.patch(`/api/v1/identity/staff/${otherStaff.id}`, { active: false })).body.error.code).toBe('identity.other_department');
  });

  it('an officer reads people of its own region only, always logged, and the person sees who read it', async () => {
    const officer = callers[3].client; // 澜州市市场监督管理局 (390100)
    const inQingchuan = demoPeople.find((x) => x.regionCode.startsWith('3902') && !x.username)!;
    const far = await officer.get(`/api/v1/identity/people/${inQingchuan.idNumber}?purpose=${encodeURIComponent('核验申请人身份')}`);
    expect(far.status).toBe(403);
    expect(far.body.error.code).toBe('identity.outside_region');
    const near = await officer.get(`/api/v1/identity/people/${zhangsan.idNumber}?purpose=${encodeURIComponent('核验申请人身份')}`);
    expect(near.status).toBe(200);
    const seen = await callers[1].client.get('/api/v1/identity/people/me/data-access');
    expect(seen.body.items[0]).toMatchObject({ accessor: 'lz_scjg_ck1', accessorDepartment: '澜州市市场监督管理局', purpose: '核验申请人身份' });
    const noPurpose = await officer.get(`/api/v1/identity/people/${zhangsan.idNumber}`);
    expect(noPurpose.status).toBe(400);

    // a platform admin can extend an officer to another region
    const me = await officer.get('/api/v1/auth/me');
    const grant = await callers[6].client.post(`/api/v1/identity/staff/${me.body.id}/region-grants`, { regionCode: '390200', reason: '跨市协同审查' });
    expect(grant.status).toBe(201);
    expect((await officer.get(`/api/v1/identity/people/${inQingchuan.idNumber}?purpose=${encodeURIComponent('跨市协同')}`)).status).toBe(200);
  });

  it('audit search is limited to the department admin’s own department', async () => {
    const admin = callers[5].client;
    const own = (await admin.get('/api/v1/auth/me')).body.department;
    const r = await admin.get('/api/v1/security/audit?limit=100');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((e: any) => e.departmentId === own.id)).toBe(true);
    const all = await callers[7].client.get('/api/v1/security/audit?limit=100');
    expect(new Set(all.body.items.map((e: any) => e.departmentId)).size).toBeGreaterThan(1);
  });
});
