import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../testing/harness.js';
import { verifyAuditChain } from '../platform/audit.js';
import { applyPrefill, definitionProblems, PREFILL_ATTRIBUTES, type FormDefinition } from '../platform/forms/index.js';
import { getPublishedItem, type Guide } from '../modules/catalog/index.js';
import { resolveBranches } from '../modules/applications/use-cases/submit.js';
import { seedDemo } from './seed.js';
import { B } from './catalog-data.js';
import { DEMO_APPLICATION_FORMS, type DemoFormHandle } from './application-forms.js';
import { DEMO_FORM_FILERS, demoFiler, demoFormData, demoMaterialPdf } from './cases.js';
import { demoDepartments, demoEnterprises } from './province-data.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
});
afterAll(async () => p?.close());

const HANDLES = Object.keys(DEMO_APPLICATION_FORMS) as DemoFormHandle[];
const deptId = async (key: string) => {
  const uscc = demoDepartments.find((d) => d.key === key)!.uscc;
  return (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', uscc).executeTakeFirstOrThrow()).id;
};
const itemAt = async (key: string, handle: DemoFormHandle) =>
  (await p.deps.db.selectFrom('catalog_items').select('id').where('basic_code', '=', B[handle]).where('department_id', '=', await deptId(key)).executeTakeFirstOrThrow()).id;

/** A demo login, acting for the enterprise when one is named. */
async function loginAs(username: string, enterprise?: string): Promise<Client> {
  const c = await p.login(username);
  if (enterprise) {
    const r = await c.post('/api/v1/auth/acting-for', { uscc: demoEnterprises.find((e) => e.name === enterprise)!.uscc });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  return c;
}

const queue = async (username: string, q: string) => (await (await p.login(username)).get(`/api/v1/applications/workbench?queue=${q}&limit=100`)).body.items as any[];

describe('demo cases', () => {
  it('shows every status, both decisions, a stopped clock, a half-done parallel review and enterprise applicants, mostly at 明湖区', async () => {
    const cases = await p.deps.db.selectFrom('cases').selectAll().execute();
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of ['submitted', 'correction', 'not_accepted', 'reviewing', 'deciding', 'concluded', 'delivered']) expect(statuses, s).toContain(s);
    expect(cases.filter((c) => c.status === 'concluded').map((c) => c.decision).sort()).toEqual(expect.arrayContaining(['approved', 'refused']));
    expect(cases.some((c) => c.status === 'reviewing' && c.paused === 1)).toBe(true);
    expect(cases.some((c) => c.applicant_kind === 'enterprise')).toBe(true);
    expect(cases.filter((c) => c.region_code === '390102').length * 2).toBeGreaterThan(cases.length);

    const reviews = await p.deps.db.selectFrom('case_tasks').select(['case_id', 'status', 'department_id']).where('step', '=', 'review').execute();
    const parallel = cases.filter((c) => {
      const mine = reviews.filter((r) => r.case_id === c.id);
      return c.status === 'reviewing' && mine.some((r) => r.status === 'done') && mine.some((r) => r.status === 'open') && new Set(mine.map((r) => r.department_id)).size > 1;
    });
    expect(parallel.length).toBeGreaterThanOrEqual(2);
  });

  it('fills the workbenches: 明湖区 civil affairs and market regulation queues, due soon and overdue', async () => {
    expect((await queue('mh_mz_ck1', 'to_accept')).length).toBeGreaterThan(0);
    expect((await queue('mh_mz_ck1', 'to_deliver')).length).toBeGreaterThan(0);
    expect((await queue('mh_mz_sp1', 'to_review')).length).toBeGreaterThan(0);
    expect((await queue('mh_mz_sp1', 'overdue')).length).toBeGreaterThan(0);
    expect((await queue('mh_scjg_ck1', 'to_accept')).length).toBeGreaterThan(0);
    expect((await queue('mh_scjg_sp1', 'to_review')).length).toBeGreaterThanOrEqual(2);
    expect((await queue('mh_scjg_sp1', 'to_decide')).length).toBeGreaterThan(0);
    expect((await queue('mh_ga_sp1', 'due_soon')).length).toBeGreaterThan(0);
    expect((await queue('scjg_officer', 'to_review')).length).toBeGreaterThan(0);
    // the city fire detachment works its branch of two other departments' cases
    expect((await queue('lz_xf_sp1', 'to_review')).length).toBeGreaterThanOrEqual(3);
    const claimed = (await queue('mh_scjg_sp1', 'to_review')).filter((c) => c.claimedBy);
    expect(claimed.length).toBeGreaterThan(0);
    const mine = (await (await p.login('zhangsan')).get('/api/v1/applications/mine')).body.items as any[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
  });

  it('has ratings with a rectification, and cross-region cases both windows see with their transfers', async () => {
    const ratings = await p.deps.db.selectFrom('case_ratings').select(['overall']).execute();
    expect(ratings.length).toBeGreaterThanOrEqual(4);
    expect(ratings.some((r) => r.overall <= 2)).toBe(true);
    const rects = (await (await p.login('lz_gjj_sp1')).get('/api/v1/applications/rectifications')).body.items;
    expect(rects).toHaveLength(1);
    expect(rects[0].records.length).toBeGreaterThan(0);
    const remote = await queue('qc_mz_ck1', 'cross_region');
    const home = await queue('mh_mz_ck1', 'cross_region');
    expect(remote.length).toBeGreaterThanOrEqual(2);
    expect(home.map((c) => c.id).sort()).toEqual(remote.map((c) => c.id).sort());
    const transfers = await p.deps.db.selectFrom('case_transfers').select(['kind', 'status']).execute();
    expect(transfers).toEqual(expect.arrayContaining([{ kind: 'materials', status: 'received' }, { kind: 'result', status: 'in_transit' }]));
  });

  it('stores the material a real PDF, keeps the audit chain whole and never seeds twice', async () => {
    const pdf = demoMaterialPdf();
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const xref = Number(/startxref\n(\d+)/.exec(pdf.toString('latin1'))![1]);
    expect(pdf.subarray(xref, xref + 4).toString('latin1')).toBe('xref');
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(await p.deps.db.selectFrom('stored_files').select('sha256').where('sha256', '=', sha).executeTakeFirst()).toBeDefined();
    const before = (await p.deps.db.selectFrom('cases').select('id').execute()).length;
    expect(await seedDemo(p.deps)).toBe(false);
    expect((await p.deps.db.selectFrom('cases').select('id').execute()).length).toBe(before);
    expect(await verifyAuditChain(p.deps.db, p.deps.auditKey)).toMatchObject({ ok: true });
  });
});

describe('demo forms and workflows', () => {
  it('every demo form is a valid definition whose prefill rules name registry attributes', () => {
    for (const h of HANDLES) {
      const form = DEMO_APPLICATION_FORMS[h].form;
      expect(definitionProblems(form), h).toEqual([]);
      for (const [field, rule] of Object.entries(form.prefill ?? {})) {
        expect(PREFILL_ATTRIBUTES[rule.source] as readonly string[], `${h}.${field}`).toContain(rule.attribute);
      }
      for (const [field, title] of Object.entries(form.schema.properties).map(([f, s]) => [f, s['x-title-en']] as const)) expect(title, `${h}.${field}`).toBeTruthy();
    }
  });

  it('is attached to published items, whose workflows resolve to departments of the kind asked for, every branch taken', async () => {
    const kindOf = new Map((await p.deps.db.selectFrom('departments').select(['id', 'kind']).execute()).map((d) => [d.id, d.kind]));
    for (const h of HANDLES) {
      const rows = await p.deps.db.selectFrom('catalog_items').select('id').where('basic_code', '=', B[h]).where('published_version', 'is not', null).execute();
      expect(rows.length, h).toBeGreaterThan(0);
      for (const r of rows) {
        const detail = await getPublishedItem(p.deps, r.id);
        expect(detail.guide.form, h).toEqual(DEMO_APPLICATION_FORMS[h].form);
        const workflow = detail.guide.workflow;
        if (!workflow) continue;
        const form = detail.guide.form as FormDefinition;
        const data: Record<string, unknown> = {};
        for (const b of workflow.review) {
          if (!b.when) continue;
          const f = form.schema.properties[b.when.field];
          expect(f, `${h}: ${b.key} tests a field of the form`).toBeDefined();
          const v = b.when.equals ?? b.when.in?.[0] ?? (f.type === 'boolean' ? true : 'x');
          if (f.enum) expect(f.enum, `${h}: ${b.key}`).toContain(v);
          data[b.when.field] = v;
        }
        const branches = await resolveBranches(p.deps, detail.item, workflow, data);
        expect(branches.map((b) => b.key), `${h} at ${detail.item.department.name}`).toEqual(workflow.review.map((b) => b.key));
        workflow.review.forEach((b, i) => {
          expect(kindOf.get(branches[i].departmentId), `${h}: ${b.key}`).toBe(b.department === 'self' ? kindOf.get(detail.item.department.id) : b.department.kind);
        });
        const kinds = new Set(branches.map((b) => kindOf.get(b.departmentId)));
        expect(kinds.size, `${h} is reviewed jointly by several kinds of department`).toBeGreaterThan(1);
      }
    }
  });

  it('accepts a fresh application against each demo form, filled from the registry’s prefill like the portal does', async () => {
    const pdf = { sha256: createHash('sha256').update(demoMaterialPdf()).digest('hex'), name: '申请材料.pdf' };
    for (const h of HANDLES) {
      const who = DEMO_FORM_FILERS[h];
      const c = await loginAs(who.username, who.enterprise);
      const itemId = await itemAt(who.department, h);
      const pre = await c.get(`/api/v1/applications/prefill?itemId=${itemId}`);
      expect(pre.status, `${h}: ${JSON.stringify(pre.body)}`).toBe(200);
      const form = pre.body.form as FormDefinition;
      for (const [field, entry] of Object.entries(pre.body.prefill as Record<string, { value: unknown }>)) expect(entry.value, `${h}: prefill of ${field}`).not.toBeNull();
      const draft = demoFormData(h, demoFiler(h));
      const data = applyPrefill(form, draft, pre.body.prefill);
      // the sample already carries the registry's values (a hidden locked field may come in besides: the server drops it)
      for (const [k, v] of Object.entries(draft)) expect(data[k], `${h}.${k}`).toEqual(v);
      const guide = (await c.get(`/api/v1/catalog/items/${itemId}`)).body.guide as Guide;
      const materials = guide.materials.map((m) =>
        m.necessity === 'conditional' ? { key: m.key, by: 'not_applicable' } : m.necessity === 'deferrable' ? { key: m.key, by: 'deferred' } : { key: m.key, by: 'upload', file: pdf });
      const r = await c.raw('/api/v1/applications', {
        method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'idempotency-key': `demo-form-test-${h}` },
        body: JSON.stringify({ itemId, form: data, materials }),
      });
      const body = (await r.json()) as any;
      expect(r.status, `${h}: ${JSON.stringify(body.error ?? body)}`).toBe(201);
      expect(body.case.status).toBe('submitted');
    }
  });
});
