import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { seedDemo, demoLogins } from './seed.js';
import { demoDepartments, demoEnterprises, demoPeople, demoRegions, demoStaff } from './province-data.js';
import { verifyAuditChain } from '../platform/audit.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
});
afterAll(async () => p?.close());

const count = async (table: 'regions' | 'departments' | 'population_registry' | 'enterprise_registry' | 'users') =>
  (await p.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('demo province', () => {
  it('loads everything once, and never into a database that already holds data', async () => {
    expect(Number(await count('regions'))).toBe(demoRegions.length);
    expect(Number(await count('departments'))).toBe(demoDepartments.length);
    expect(Number(await count('population_registry'))).toBe(demoPeople.length);
    expect(Number(await count('enterprise_registry'))).toBe(demoEnterprises.length);
    expect(Number(await count('users'))).toBe(demoStaff.length + demoPeople.filter((x) => x.username).length);
    expect(await seedDemo(p.deps)).toBe(false);
    expect(Number(await count('regions'))).toBe(demoRegions.length);
    expect(await verifyAuditChain(p.deps.db, p.deps.auditKey)).toMatchObject({ ok: true });
  });

  it('every login printed at start works and lands on the right kind of account', async () => {
    for (const l of demoLogins.accounts) {
      const c = await p.login(l.username, demoLogins.password);
      const me = await c.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
    }
    const officer = await (await p.login('scjg_officer')).get('/api/v1/auth/me');
    expect(officer.body.department.name).toBe('澜州市市场监督管理局');
    const lisi = await (await p.login('lisi')).get('/api/v1/auth/me');
    expect(lisi.body.enterprises.some((e: any) => e.relation === 'legal_rep')).toBe(true);
    const wangwu = await (await p.login('wangwu')).get('/api/v1/auth/me');
    expect(wangwu.body.enterprises.some((e: any) => e.relation === 'agent')).toBe(true);
  });

  it('records the source department of every registry attribute', async () => {
    const missing = await p.deps.db
      .selectFrom('population_registry as p')
      .leftJoin('registry_attribute_sources as s', (j) => j.onRef('s.subject_key', '=', 'p.id_number').on('s.attribute', '=', 'hukou_address'))
      .select('p.id_number')
      .where('s.source_department_id', 'is', null)
      .execute();
    expect(missing).toEqual([]);
  });
});
