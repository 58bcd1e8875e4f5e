import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { manualClock } from '../../platform/clock.js';
import { demoEnterprises, demoPeople } from '../../demo/province-data.js';
import { demoFiler, demoFormData } from '../../demo/cases.js';
import type { Actor } from '../../platform/actor.js';
import { queryPlan } from '../../testing/query-plan.js';
import { myCasesPage } from './use-cases/read.js';

/** Applications filed for an enterprise: by its legal representative, or by an agent within their grant's scope and time. */

const clock = manualClock(new Date('2026-11-27T02:00:00Z'));
const XIANWEI = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司')!.uscc;
const zhangsanId = demoPeople.find((x) => x.username === 'zhangsan')!.idNumber;
let p: TestPlatform;
let defaultItem: any;

beforeAll(async () => {
  p = await startTestPlatform({ demo: true, clock });
  const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('食品经营许可') + '&region=390102')).body.hits;
  defaultItem = (await p.anonymous().get(`/api/v1/catalog/items/${hits[0].item.id}`)).body;
  expect(defaultItem.guide.serviceObjects).toContain('enterprise');
});
afterAll(async () => p?.close());

/** Files the item (by default the food licence change) for whom `c` acts for: the registry's prefill over `opts.form`, then `opts.change`. */
async function fileFor(c: Client, key: string, beforeSubmit?: () => void, opts: { item?: any; form?: Record<string, unknown>; change?: Record<string, unknown> } = {}) {
  const item = opts.item ?? defaultItem;
  const pdf = await c.raw('/api/v1/applications/files', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, body: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${key}\n%%EOF\n`)) });
  const uploaded = await pdf.json();
  if (pdf.status !== 201) return { status: pdf.status, body: uploaded }; // the upload already tells
  const file = { sha256: uploaded.sha256, name: 'a.pdf' };
  const materials = item.guide.materials.flatMap((m: any) => {
    if (m.necessity === 'deferrable') return [{ key: m.key, by: 'deferred' }];
    if (m.necessity === 'conditional') return [{ key: m.key, by: 'not_applicable' }];
    if (m.substitutes.some((s: any) => s.kind === 'shared_data')) return [{ key: m.key, by: 'shared_data' }];
    return [{ key: m.key, by: 'upload', file }];
  });
  const prefill = (await c.get(`/api/v1/applications/prefill?itemId=${item.item.id}`)).body;
  const form = { ...opts.form, ...Object.fromEntries(Object.entries(prefill.prefill ?? {}).map(([k, v]: [string, any]) => [k, v.value])), ...opts.change };
  beforeSubmit?.();
  const r = await c.raw('/api/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ itemId: item.item.id, form, materials }) });
  return { status: r.status, body: await r.json() };
}

const casesWithKey = async (key: string) => (await p.deps.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute()).length;

describe('an enterprise’s application', () => {
  it('is filed by the legal representative acting for the enterprise, and is the enterprise’s case', async () => {
    const lisi = await p.login('lisi');
    if (!defaultItem.guide.serviceObjects.includes('person')) expect((await fileFor(lisi, 'ent-as-person-1')).body.error.code).toBe('applications.wrong_applicant');
    expect((await lisi.post('/api/v1/auth/acting-for', { uscc: XIANWEI })).status).toBe(200);
    const r = await fileFor(lisi, 'ent-legal-rep-1');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.case).toMatchObject({ applicantKind: 'enterprise', applicantName: '澜州市明湖区鲜味餐饮有限公司' });
    expect((await lisi.get('/api/v1/applications/mine')).body.items.map((c: any) => c.id)).toContain(r.body.case.id);
  });

  it('refuses a form whose locked enterprise field differs from the registry, creating nothing; the check’s read is logged', async () => {
    const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('食品经营许可（新办）') + '&region=390102')).body.hits;
    const foodNew = (await p.anonymous().get(`/api/v1/catalog/items/${hits.find((h: any) => h.item.name.includes('新办')).item.id}`)).body;
    expect(Object.values(foodNew.guide.form.prefill)).toContainEqual({ source: 'enterprise', attribute: 'name', lock: true });
    const lisi = await p.login('lisi');
    expect((await lisi.post('/api/v1/auth/acting-for', { uscc: XIANWEI })).status).toBe(200);
    const checks = async () => (await p.deps.db.selectFrom('data_access_log').select('id').where('subject_type', '=', 'enterprise')
      .where('subject_key', '=', XIANWEI).where('purpose', 'like', '%提交核验%').execute()).length;
    const before = await checks();
    const form = demoFormData('foodNew', demoFiler('foodNew'));
    const field = Object.entries(foodNew.guide.form.prefill).find(([, r]: [string, any]) => r.source === 'enterprise' && r.attribute === 'name')![0];
    const forged = await fileFor(lisi, 'ent-forged-name', undefined, { item: foodNew, form, change: { [field]: '澜州市明湖区冒名餐饮有限公司' } });
    expect(forged.status, JSON.stringify(forged.body)).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'applications.form_invalid', details: [expect.objectContaining({ field: `form.${field}`, code: 'form.locked_field_changed' })] });
    expect(await casesWithKey('ent-forged-name')).toBe(0);
    expect(await checks()).toBe(before + 1);
    // the same application with the registry's name goes through
    expect((await fileFor(lisi, 'ent-true-name', undefined, { item: foodNew, form })).status).toBe(201);
  });

  it('“my cases” is read from an index in its order, for an enterprise and for a person, first page and further', async () => {
    const enterprise = { userId: 'u', onBehalfOf: { uscc: XIANWEI } } as unknown as Actor;
    const person = { userId: 'u', onBehalfOf: null } as unknown as Actor;
    for (const after of [null, ['2026-11-27T00:00:00.000Z', 'zzzz']] as [string, string][]) {
      expect(await queryPlan(p.deps, myCasesPage(p.deps, enterprise, 20, after).compile())).toContain('cases_enterprise_applicant_idx');
      expect(await queryPlan(p.deps, myCasesPage(p.deps, person, 20, after).compile())).toContain('cases_applicant_idx');
    }
  });

  it('refuses an agent without the submit scope, and an agent whose grant has expired, creating nothing', async () => {
    const lisi = await p.login('lisi');
    const expiresAt = new Date(clock.now().getTime() + 10 * 60_000).toISOString(); // ends within the session's idle time
    const readOnly = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { agentIdNumber: zhangsanId, agentName: '张三', scopes: ['profile.read'], expiresAt });
    expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(201);
    const zs = await p.login('zhangsan');
    expect((await zs.post('/api/v1/auth/acting-for', { uscc: XIANWEI })).status).toBe(200);
    expect((await fileFor(zs, 'ent-agent-noscope')).body.error.code).toBe('identity.agent_scope_missing');
    expect(await casesWithKey('ent-agent-noscope')).toBe(0);

    await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents/${readOnly.body.id}/revoke`, { reason: '改授权' });
    const g = await lisi.post(`/api/v1/identity/enterprises/${XIANWEI}/agents`, { agentIdNumber: zhangsanId, agentName: '张三', scopes: ['profile.read', 'applications.submit'], expiresAt });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const agent = await p.login('zhangsan');
    expect((await agent.post('/api/v1/auth/acting-for', { uscc: XIANWEI })).status).toBe(200);
    expect((await fileFor(agent, 'ent-agent-ok')).status).toBe(201);
    // the form is filled and the files uploaded; then the grant runs out (the session does not) before submitting
    const late = await fileFor(agent, 'ent-agent-expired', () => clock.advance(15 * 60_000));
    expect(late.body.error.code).toBe('identity.acting_for_ended');
    expect(await casesWithKey('ent-agent-expired')).toBe(0);
  });
});
