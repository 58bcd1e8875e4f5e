import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type Client } from '../../testing/harness.js';
import { manualClock } from '../../platform/clock.js';
import { AGENT_SCOPES } from './identity.policy.js';
import { demoAgentGrants, demoEnterprises, demoPeople } from '../../demo/province-data.js';
import { queryPlan } from '../../testing/query-plan.js';
import { dataAccessPage } from './use-cases/registry.js';

const clock = manualClock(new Date('2026-11-27T02:00:00Z'));
let p: TestPlatform;
const XIANWEI = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司')!.uscc;
const LIJI = demoEnterprises.find((e) => e.name.includes('李记商贸'))!.uscc;
const zhangsan = demoPeople.find((x) => x.username === 'zhangsan')!;
const contact = { contactName: '李四', contactPhone: '13912345678', contactEmail: 'li@example.cn' };

beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
});
afterAll(async () => p?.close());

async function actFor(c: Client, uscc: string | null) {
  return c.post('/api/v1/auth/acting-for', { uscc });
}

describe('enterprise agents', () => {
  it('demo grants only use known scopes', () => {
    for (const g of demoAgentGrants) for (const s of g.scopes) expect(Object.keys(AGENT_SCOPES)).toContain(s);
  });

  it('the legal representative acts with every scope, and audit entries record on whose behalf', async () => {
    const lisi = await p.login('lisi');
    const me = await actFor(lisi, XIANWEI);
    expect(me.status).toBe(200);
    expect(me.body.actingFor).toMatchObject({ uscc: XIANWEI, relation: 'legal_rep', scopes: '*' });
    const put = await lisi.put(`/api/v1/identity/enterprises/${XIANWEI}/contact`, contact);
    expect(put.status).toBe(200);
    const entry = await p.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.enterprise_contact.updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.on_behalf_of).toBe(`enterprise:${XIANWEI}`);
    expect(entry.actor_name).toBe('lisi');
  });

  it('an agent acts only within its scopes', async () => {
    const wangwu = await p.login('wangwu');
    const me = await actFor(wangwu, XIANWEI);
    expect(me.body.actingFor).toMatchObject({ relation: 'agent', scopes: ['profile.read', 'applications.submit'] });
    expect((await wangwu.get(`/api/v1/identity/enterprises/${XIANWEI}/contact`)).status).toBe(200);
    const denied = await wangwu.put(`/api/v1/identity/enterprises/${XIANWEI}/contact`, contact);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('identity.agent_scope_missing');
    const ent = await wangwu.get(`/api/v1/identity/enterprises/${XIANWEI}`);
    expect(ent.body.legalRepName).toBe('李四');
    expect(ent.body.legalRepIdNumber).toBeNull(); // minimum necessity: an agent does not need the representative's number
    const asRep = await (await p.login('lisi')).get(`/api/v1/identity/enterprises/${XIANWEI}`);
    expect(asRep.body.legalRepIdNumber).toBe(demoPeople.find((x) => x.username === 'lisi')!.idNumber);
    const other = await wangwu.get(`/api/v1/identity/enterprises/${LIJI}/contact`);
    expect(other.body.error.code).toBe('identity.not_acting_for_enterprise');
    const grant = await wangwu.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { agentIdNumber: zhangsan.idNumber, agentName: '张三', scopes: ['profile.update'], expiresAt: '2027-06-01T00:00:00Z' });
    expect(grant.body.error.code).toBe('identity.not_legal_rep');
  });

  it('an expired grant gives no access', async () => {
    const zhaoliu = await p.login('zhaoliu');
    const r = await actFor(zhaoliu, LIJI);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('identity.not_authorised_for_enterprise');
    expect((await zhaoliu.get('/api/v1/auth/me')).body.enterprises.map((e: any) => e.uscc)).not.toContain(LIJI);
  });

  it('a grant that expires mid-session ends acting-for at once; nothing is done in either name', async () => {
    const lisi = await p.login('lisi');
    const expiresAt = new Date(clock.now().getTime() + 20 * 60_000).toISOString();
    const g = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { agentIdNumber: zhangsan.idNumber, agentName: '张三', scopes: ['profile.read', 'profile.update'], expiresAt });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ status: 'active', agentName: '张三' });
    expect(g.body.agentIdNumberMasked).not.toContain(zhangsan.idNumber.slice(6, 14));

    const zs = await p.login('zhangsan');
    expect((await actFor(zs, XIANWEI)).status).toBe(200);
    expect((await zs.put(`/api/v1/identity/enterprises/${XIANWEI}/contact`, contact)).status).toBe(200);
    clock.advance(25 * 60_000); // past the grant's expiry, within the session's idle limit
    const afterExpiry = await zs.put(`/api/v1/identity/enterprises/${XIANWEI}/contact`, contact);
    expect(afterExpiry.status).toBe(403);
    expect(afterExpiry.body.error.code).toBe('identity.acting_for_ended');
    const me = await zs.get('/api/v1/auth/me');
    expect(me.body.actingFor).toBeNull();
    const asSelf = await zs.put(`/api/v1/identity/enterprises/${XIANWEI}/contact`, contact);
    expect(asSelf.body.error.code).toBe('identity.not_acting_for_enterprise');
  });

  it('revocation takes effect on the next request', async () => {
    const lisi = await p.login('lisi');
    const g = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { agentIdNumber: zhangsan.idNumber, agentName: '张三', scopes: ['profile.read'], expiresAt: new Date(clock.now().getTime() + 30 * 86400_000).toISOString() });
    expect(g.status).toBe(201);
    const zs = await p.login('zhangsan');
    expect((await actFor(zs, XIANWEI)).status).toBe(200);
    expect((await zs.get(`/api/v1/identity/enterprises/${XIANWEI}/contact`)).status).toBe(200);
    const rv = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents/${g.body.id}/revoke`, { reason: '人员离职' });
    expect(rv.status).toBe(200);
    expect((await zs.get(`/api/v1/identity/enterprises/${XIANWEI}/contact`)).body.error.code).toBe('identity.acting_for_ended');
    const list = await lisi.get(`/api/v1/identity/enterprises/${XIANWEI}/agents`);
    expect(list.body.items.find((x: any) => x.id === g.body.id)).toMatchObject({ status: 'revoked', revokeReason: '人员离职' });
    expect((await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents/${g.body.id}/revoke`, { reason: 'again' })).body.error.code).toBe('identity.grant_already_revoked');
  });

  it('rejects bad grants with field errors and writes nothing', async () => {
    const lisi = await p.login('lisi');
    const count = async () => (await p.deps.db.selectFrom('enterprise_agents').select('id').execute()).length;
    const before = await count();
    const base = { agentIdNumber: zhangsan.idNumber, agentName: '张三', scopes: ['profile.read'], expiresAt: '2027-01-01T00:00:00Z' };
    const badId = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { ...base, agentIdNumber: zhangsan.idNumber.slice(0, 17) + (zhangsan.idNumber[17] === '1' ? '2' : '1') });
    expect(badId.body.error).toMatchObject({ code: 'identity.invalid_id_number', details: [{ field: 'agentIdNumber' }] });
    const badScope = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { ...base, scopes: ['everything'] });
    expect(badScope.status).toBe(400);
    expect(badScope.body.error.code).toBe('request.invalid');
    const past = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { ...base, expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.body.error.code).toBe('identity.expiry_in_past');
    const name = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { ...base, agentName: '王小二' });
    expect(name.body.error.code).toBe('identity.person_not_matched');
    expect(await count()).toBe(before);
  });
});

describe('who read my data', () => {
  it('pages the person’s entries and, acting for an enterprise, the enterprise’s too: newest first, each once, from the subjects’ index', async () => {
    const lisi = await p.login('lisi');
    const lisiId = demoPeople.find((x) => x.username === 'lisi')!.idNumber;
    await actFor(lisi, XIANWEI);
    for (let i = 0; i < 3; i++) expect((await lisi.get(`/api/v1/identity/enterprises/${XIANWEI}`)).status).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = (await lisi.get(`/api/v1/identity/people/me/data-access?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
      seen.push(...r.items.map((x: any) => x.id));
      cursor = r.nextCursor;
    } while (cursor);
    const rows = await p.deps.db.selectFrom('data_access_log').select(['id', 'subject_type'])
      .where((eb) => eb.or([eb.and([eb('subject_type', '=', 'person'), eb('subject_key', '=', lisiId)]), eb.and([eb('subject_type', '=', 'enterprise'), eb('subject_key', '=', XIANWEI)])]))
      .orderBy('at', 'desc').orderBy('id', 'desc').execute();
    expect(rows.filter((r) => r.subject_type === 'enterprise').length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(rows.map((r) => r.id));
    // newest first by the time shown, also where the demo's backdated entries have ids made later
    const times = (await Promise.all(seen.map((x) => p.deps.db.selectFrom('data_access_log').select('at').where('id', '=', x).executeTakeFirstOrThrow()))).map((r) => r.at);
    expect(times).toEqual([...times].sort().reverse());
    for (const after of [null, ['2026-11-27T00:00:00.000Z', 'zzzz']] as ([string, string] | null)[]) {
      const own = await queryPlan(p.deps, dataAccessPage(p.deps.db, lisiId, null, 20, after).compile());
      expect(own).toContain('data_access_subject_idx');
      expect(own).not.toMatch(/TEMP B-TREE|Sort/); // in the page's order: the history is not sorted
      const both = await queryPlan(p.deps, dataAccessPage(p.deps.db, lisiId, XIANWEI, 20, after).compile());
      expect(both.match(/data_access_subject_idx/g)?.length).toBe(2);
      expect(both).not.toMatch(/SCAN data_access_log|Seq Scan/);
    }
  });
});
