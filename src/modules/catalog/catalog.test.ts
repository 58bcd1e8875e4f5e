import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { demoDepartments } from '../../demo/province-data.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { sampleGuide } from './testing/fixtures.js';

let p: TestPlatform;
let admin: Client;
let lzAdmin: Client; // 澜州市市场监督管理局 department admin
let qcAdmin: Client; // 青川市民政局 department admin (another department)
const dept = (key: string) => demoDepartments.find((d) => d.key === key)!;
const deptId = async (key: string) => (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', dept(key).uscc).executeTakeFirstOrThrow()).id;

const MAIN = '900131024000';
const SUB = '900131024001';
const HANDLING = '90013102400101';

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  [admin, lzAdmin, qcAdmin] = await Promise.all([p.login('admin'), p.login('scjg_admin'), p.login('qc_mz_gly')]);
  const competent = await deptId('yl_scjg');
  for (const b of [
    { code: MAIN, name: '测试食品经营许可', itemType: '01', competentDepartmentId: competent },
    { code: SUB, parentCode: MAIN, name: '测试食品经营许可（新办）', itemType: '01', competentDepartmentId: competent },
    { code: HANDLING, parentCode: SUB, name: '测试食品经营许可（新办·餐饮）', itemType: '01', competentDepartmentId: competent },
  ]) expect((await admin.post('/api/v1/catalog/basic-items', b)).status).toBe(201);
});
afterAll(async () => p?.close());

const counts = async () => ({
  items: (await p.deps.db.selectFrom('catalog_items').select('id').execute()).length,
  versions: (await p.deps.db.selectFrom('catalog_item_versions').select('id').execute()).length,
  basic: (await p.deps.db.selectFrom('catalog_basic_items').select('code').execute()).length,
  audit: (await p.deps.db.selectFrom('audit_log').select('seq').execute()).length,
  outbox: (await p.deps.db.selectFrom('outbox_events').select('id').execute()).length,
});

describe('basic catalogue', () => {
  it('checks codes against the hierarchy and writes nothing on a bad one', async () => {
    const competent = await deptId('yl_scjg');
    const before = await counts();
    const cases: [object, string][] = [
      [{ code: '900131025001', name: '无主项子项', itemType: '01', competentDepartmentId: competent }, 'catalog.invalid_basic_code'], // a main item must end in 000
      [{ code: '900131099001', parentCode: MAIN, name: '前缀不符', itemType: '01', competentDepartmentId: competent }, 'catalog.invalid_basic_code'],
      [{ code: '90013102400201', parentCode: SUB, name: '父级不符', itemType: '01', competentDepartmentId: competent }, 'catalog.invalid_basic_code'],
      [{ code: '9001310240010101', parentCode: HANDLING, name: '太深', itemType: '01', competentDepartmentId: competent }, 'request.invalid'],
      [{ code: '900131026000', name: '未知部门', itemType: '01', competentDepartmentId: 'nope' }, 'catalog.unknown_department'],
      [{ code: '900131027000', name: '类型错误', itemType: '11', competentDepartmentId: competent }, 'request.invalid'],
      [{ code: MAIN, name: '重复', itemType: '01', competentDepartmentId: competent }, 'catalog.basic_item_exists'],
    ];
    for (const [body, code] of cases) {
      const r = await admin.post('/api/v1/catalog/basic-items', body);
      expect(r.body.error?.code, JSON.stringify(body)).toBe(code);
    }
    expect((await lzAdmin.post('/api/v1/catalog/basic-items', { code: '900131028000', name: '部门管理员', itemType: '01', competentDepartmentId: competent })).status).toBe(403);
    expect(await counts()).toEqual(before);
    const list = await p.anonymous().get(`/api/v1/catalog/basic-items?parentCode=${MAIN}`);
    expect(list.body.items.map((b: any) => [b.code, b.level])).toEqual([[SUB, 'sub']]);
  });
});

describe('an item from draft to publication', () => {
  let id: string;

  it('creates a draft with a computed implementation code; another department cannot', async () => {
    const lz = await deptId('lz_scjg');
    const r = await lzAdmin.post('/api/v1/catalog/items', { basicCode: HANDLING, departmentId: lz, guide: sampleGuide() });
    expect(r.status).toBe(201);
    id = r.body.item.id;
    expect(r.body.item.implementationCode).toBe(`${dept('lz_scjg').uscc}3${HANDLING}`);
    expect(r.body.item.implementationCode).toHaveLength(33);
    expect(r.body.version).toMatchObject({ version: 1, status: 'draft', createdBy: 'scjg_admin' });
    expect(r.body.basic.path.map((x: any) => x.level)).toEqual(['main', 'sub', 'handling']);
    expect((await qcAdmin.post('/api/v1/catalog/items', { basicCode: SUB, departmentId: lz, guide: sampleGuide() })).body.error.code).toBe('catalog.not_your_department');
    expect((await lzAdmin.post('/api/v1/catalog/items', { basicCode: HANDLING, departmentId: lz, guide: sampleGuide() })).body.error.code).toBe('catalog.item_exists');
    // not public while a draft
    expect((await p.anonymous().get(`/api/v1/catalog/items/${id}`)).body.error.code).toBe('catalog.item_not_published');
    expect((await p.anonymous().get(`/api/v1/catalog/items/${id}/versions/1`)).status).toBe(404);
  });

  it('rejects bad guides naming the field, writing nothing', async () => {
    const before = await counts();
    const put = (guide: unknown) => lzAdmin.put(`/api/v1/catalog/items/${id}/versions/1`, { guide });
    const noUnit = await put({ ...sampleGuide(), promisedTimeLimit: { value: 5 } });
    expect(noUnit.body.error).toMatchObject({ code: 'request.invalid', details: expect.arrayContaining([{ field: 'guide.promisedTimeLimit.unit', reason: 'is required' }]) });
    const tooLong = await put(sampleGuide({ promisedTimeLimit: { value: 30, unit: 'working_day' } }));
    expect(tooLong.body.error).toMatchObject({ code: 'catalog.invalid_guide', details: [{ field: 'guide.promisedTimeLimit.value' }] });
    const dupKey = sampleGuide();
    dupKey.materials[1].key = dupKey.materials[0].key;
    expect((await put(dupKey)).body.error.details).toEqual([expect.objectContaining({ field: 'guide.materials.1.key' })]);
    const badTheme = await put(sampleGuide({ themes: ['hukou'] }));
    expect(badTheme.body.error.details[0].field).toBe('guide.themes.0');
    const unknownField = await put({ ...sampleGuide(), colour: 'red' });
    expect(unknownField.body.error.code).toBe('request.invalid');
    expect(await counts()).toEqual(before);
  });

  it('saves, detects a stale save, submits, and is published by a platform admin only', async () => {
    const v1 = (await lzAdmin.get(`/api/v1/catalog/items/${id}/versions/1`)).body.version;
    const saved = await lzAdmin.put(`/api/v1/catalog/items/${id}/versions/1`, { guide: sampleGuide({ visits: 0, summary: '第一次保存' }), expectedUpdatedAt: v1.updatedAt });
    expect(saved.status).toBe(200);
    const stale = await lzAdmin.put(`/api/v1/catalog/items/${id}/versions/1`, { guide: sampleGuide(), expectedUpdatedAt: '2000-01-01T00:00:00.000Z' });
    expect(stale.body.error.code).toBe('catalog.edit_conflict');
    expect((await lzAdmin.post(`/api/v1/catalog/items/${id}/versions/1/submit`)).body.status).toBe('submitted');
    expect((await lzAdmin.put(`/api/v1/catalog/items/${id}/versions/1`, { guide: sampleGuide() })).body.error.code).toBe('catalog.version_immutable');
    expect((await lzAdmin.post(`/api/v1/catalog/items/${id}/versions/1/approve`, {})).status).toBe(403);
    const queue = await admin.get('/api/v1/catalog/review-queue');
    expect(queue.body.items.map((e: any) => e.item.id)).toContain(id);
    const approved = await admin.post(`/api/v1/catalog/items/${id}/versions/1/approve`, { comment: '同意发布' });
    expect(approved.body).toMatchObject({ status: 'published', reviewedBy: 'admin', reviewComment: '同意发布' });
    const pub = await p.anonymous().get(`/api/v1/catalog/items/${id}`);
    expect(pub.body).toMatchObject({ version: { version: 1, status: 'published' }, guide: { summary: '第一次保存' }, item: { publishedVersion: 1, regionName: '澜州市' } });
    const event = await p.deps.db.selectFrom('outbox_events').selectAll().where('type', '=', 'catalog.item.published').where('aggregate_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ version: 1 });
    expect((await verifyAuditChain(p.deps.db, p.deps.auditKey)).ok).toBe(true);
  });

  it('keeps the published version immutable; a new version publishes over it and the diff shows what changed', async () => {
    expect((await lzAdmin.put(`/api/v1/catalog/items/${id}/versions/1`, { guide: sampleGuide() })).body.error.code).toBe('catalog.version_immutable');
    const draft = await lzAdmin.post(`/api/v1/catalog/items/${id}/versions`, { changeNote: '缩短承诺时限' });
    expect(draft.body.version).toMatchObject({ version: 2, status: 'draft' });
    expect((await lzAdmin.post(`/api/v1/catalog/items/${id}/versions`, {})).body.error.code).toBe('catalog.open_draft_exists');
    const g = sampleGuide({ summary: '第一次保存', promisedTimeLimit: { value: 3, unit: 'working_day' } });
    g.materials.unshift({ key: 'floor_plan', name: '经营场所平面图', necessity: 'deferrable', form: 'copy', copies: 1, sourceChannel: 'applicant', substitutes: [], acceptanceStandard: '标明设备布局' });
    g.materials[2].name = '营业执照副本';
    expect((await lzAdmin.put(`/api/v1/catalog/items/${id}/versions/2`, { guide: g })).status).toBe(200);
    const diff = await lzAdmin.get(`/api/v1/catalog/items/${id}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual(expect.arrayContaining([
      { path: 'promisedTimeLimit.value', change: 'changed', before: 5, after: 3 },
      expect.objectContaining({ path: 'materials.0', change: 'added' }),
      { path: 'materials.2.name', change: 'changed', before: '营业执照', after: '营业执照副本' },
    ]));
    expect(diff.body.changes).toHaveLength(3);
    // drafts are not public, not even through the diff
    expect((await p.anonymous().get(`/api/v1/catalog/items/${id}/diff?from=1&to=2`)).status).toBe(404);
    await lzAdmin.post(`/api/v1/catalog/items/${id}/versions/2/submit`);
    const rejected = await admin.post(`/api/v1/catalog/items/${id}/versions/2/reject`, { comment: '请补充平面图要求' });
    expect(rejected.body).toMatchObject({ status: 'draft', reviewComment: '请补充平面图要求' });
    await lzAdmin.post(`/api/v1/catalog/items/${id}/versions/2/submit`);
    await admin.post(`/api/v1/catalog/items/${id}/versions/2/approve`, {});
    const versions = await lzAdmin.get(`/api/v1/catalog/items/${id}/versions`);
    expect(versions.body.items.map((v: any) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'retired']]);
    const pub = await p.anonymous().get(`/api/v1/catalog/items/${id}`);
    expect(pub.body.guide.promisedTimeLimit).toEqual({ value: 3, unit: 'working_day' });
    // the retired version stays readable (cases filed under it keep it)
    expect((await p.anonymous().get(`/api/v1/catalog/items/${id}/versions/1`)).body.guide.promisedTimeLimit.value).toBe(5);
  });

  it('is found by search at once, by name, alias, pinyin initials and filters; retiring removes it', async () => {
    const search = async (qs: string) => (await p.anonymous().get(`/api/v1/catalog/search?${qs}`)).body;
    const ids = (r: any) => r.hits.map((h: any) => h.item.id);
    expect(ids(await search('q=' + encodeURIComponent('测试食品经营')))).toContain(id);
    expect(ids(await search('q=' + encodeURIComponent('开饭店')))).toContain(id);
    expect(ids(await search('q=csspjyxk'))).toContain(id);
    expect(ids(await search('q=' + encodeURIComponent('测试食品经营') + '&region=390102'))).toContain(id); // a district of 澜州市
    expect(ids(await search('q=' + encodeURIComponent('测试食品经营') + '&region=390202'))).not.toContain(id); // 青川市
    expect(ids(await search('q=' + encodeURIComponent('测试食品经营') + '&object=person'))).not.toContain(id);
    const facets = await search('theme=food_drug&facets=true');
    expect(ids(facets)).toContain(id);
    expect(facets.facets.theme.food_drug).toBeGreaterThanOrEqual(1);
    expect((await qcAdmin.post(`/api/v1/catalog/items/${id}/retire`, { reason: '测试' })).status).toBe(403);
    const retired = await lzAdmin.post(`/api/v1/catalog/items/${id}/retire`, { reason: '职能调整' });
    expect(retired.body).toMatchObject({ retired: true, publishedVersion: null });
    expect(ids(await search('q=' + encodeURIComponent('测试食品经营')))).not.toContain(id);
    expect((await p.anonymous().get(`/api/v1/catalog/items/${id}`)).body.error.code).toBe('catalog.item_not_published');
  });
});

describe('implementation lists', () => {
  it('shows a citizen the most local implementation for the region they choose', async () => {
    const [lz, mh] = [await deptId('lz_scjg'), await deptId('mh_scjg')];
    const mk = async (c: Client, departmentId: string, phone: string) => {
      const r = await c.post('/api/v1/catalog/items', { basicCode: SUB, departmentId, guide: sampleGuide({ consultation: { phone } }) });
      expect(r.status).toBe(201);
      await c.post(`/api/v1/catalog/items/${r.body.item.id}/versions/1/submit`);
      await admin.post(`/api/v1/catalog/items/${r.body.item.id}/versions/1/approve`, {});
      return r.body.item.id as string;
    };
    const cityItem = await mk(lzAdmin, lz, '0590-6000001');
    const mhItem = await mk(admin, mh, '0590-5000002');
    const top = async (region: string) => (await p.anonymous().get(`/api/v1/catalog/search?q=${encodeURIComponent('测试食品经营许可（新办）')}&region=${region}`)).body.hits.map((h: any) => h.item.id);
    expect(await top('390105')).toContain(cityItem); // 云台区 has none of its own: the city's implementation serves it
    expect(await top('390105')).not.toContain(mhItem);
    expect(await top('390102')).toContain(mhItem); // 明湖区 has its own, more local than the city's
    expect(await top('390102')).not.toContain(cityItem);
    expect(await top('390000')).toEqual(expect.arrayContaining([mhItem, cityItem])); // the whole province: both
    expect(await top('390202')).not.toContain(mhItem); // 青川市 has neither
    expect(await top('390202')).not.toContain(cityItem);
    const detail = await p.anonymous().get(`/api/v1/catalog/items/${mhItem}`);
    expect(detail.body.otherImplementations.map((o: any) => o.id)).toContain(cityItem);
    expect(detail.body.guide.consultation.phone).toBe('0590-5000002');
  });
});

describe('files', () => {
  it('stores a blank form by content, refuses a disguised or oversized file', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = (body: Buffer, type: string) => p.anonymous().raw('/api/v1/catalog/files', { method: 'POST', headers: { authorization: `Bearer ${lzAdmin.token}`, 'content-type': type, 'x-file-name': encodeURIComponent('申请书.pdf') }, body: new Uint8Array(body) });
    const ok = await up(pdf, 'application/pdf');
    expect(ok.status).toBe(201);
    const ref = await ok.json();
    expect(ref).toMatchObject({ name: '申请书.pdf', contentType: 'application/pdf', size: pdf.length });
    const back = await p.anonymous().raw(`/api/v1/catalog/files/${ref.sha256}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
    const fake = await up(Buffer.from('MZ not a pdf'), 'application/pdf');
    expect((await fake.json()).error.code).toBe('files.type_not_allowed');
    const lying = await up(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'application/pdf');
    expect((await lying.json()).error.code).toBe('files.type_mismatch');
    const big = await up(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf');
    expect(big.status).toBe(413);
    expect((await p.anonymous().raw('/api/v1/catalog/files', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf) })).status).toBe(401);
  });
});
