import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { demoDepartments } from '../../demo/province-data.js';
import { systemActor } from '../../platform/actor.js';
import { exportCatalog, importCatalog } from './catalog.import.js';
import { sampleGuide } from './testing/fixtures.js';
import type { CatalogFile } from './catalog.schemas.js';

let p: TestPlatform;
let admin: Client;
const uscc = (key: string) => demoDepartments.find((d) => d.key === key)!.uscc;

beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
  admin = await p.login('admin');
});
afterAll(async () => p?.close());

function file(): CatalogFile {
  return {
    format: 'tongban.catalog/1',
    basicItems: [
      { code: '910131024000', name: '导入测试主项', itemType: '01', competentDepartment: uscc('yl_scjg') },
      { code: '910131024001', parentCode: '910131024000', name: '导入测试子项', itemType: '01', competentDepartment: uscc('yl_scjg') },
      { code: '91013102400101', parentCode: '910131024001', name: '导入测试办理项', itemType: '01', competentDepartment: uscc('yl_scjg') },
    ],
    items: [
      { basicCode: '910131024001', department: uscc('lz_scjg'), guide: sampleGuide({ aliases: ['导入别名甲'] }) },
      { basicCode: '910131024001', department: uscc('mh_scjg'), guide: sampleGuide({ aliases: ['导入别名乙'] }) },
      { basicCode: '91013102400101', department: uscc('qc_scjg'), status: 'draft', guide: sampleGuide() },
    ],
  };
}

const counts = async () => ({
  basic: (await p.deps.db.selectFrom('catalog_basic_items').select('code').execute()).length,
  items: (await p.deps.db.selectFrom('catalog_items').select('id').execute()).length,
  versions: (await p.deps.db.selectFrom('catalog_item_versions').select('id').execute()).length,
  audit: (await p.deps.db.selectFrom('audit_log').select('seq').execute()).length,
});

describe('catalogue import', () => {
  it('rejects a file with broken rows as a whole, listing every problem by row and field', async () => {
    const before = await counts();
    const f = file() as any;
    f.basicItems.push({ code: '91013102500', name: '短码', itemType: '01', competentDepartment: uscc('yl_scjg') }); // 11 digits
    f.basicItems.push({ code: '910131026001', parentCode: '910131099000', name: '无父项', itemType: '01', competentDepartment: uscc('yl_scjg') });
    f.items.push({ basicCode: '910131024001', department: '91390100MA0000000X', guide: sampleGuide() }); // bad USCC
    f.items.push({ basicCode: '999999999000', department: uscc('jk_scjg'), guide: sampleGuide() }); // unknown basic item
    f.items.push({ basicCode: '910131024001', department: uscc('yt_scjg'), guide: { ...sampleGuide(), legalTimeLimit: { value: 20 } } }); // no unit
    f.items.push({ basicCode: '910131024001', department: uscc('lz_scjg'), guide: sampleGuide() }); // twice
    f.items.push({ basicCode: '910131024001', department: uscc('sq_scjg'), implementationCode: `${uscc('sq_scjg')}3910131024001`, guide: sampleGuide() }); // wrong level digit
    await expect(importCatalog(p.deps, systemActor('test'), JSON.stringify(f))).rejects.toMatchObject({
      code: 'import.invalid_rows',
      details: expect.arrayContaining([
        expect.objectContaining({ section: 'basicItems', row: 4, field: 'code' }),
        expect.objectContaining({ section: 'basicItems', row: 5, field: 'parentCode' }),
        expect.objectContaining({ section: 'items', row: 4, field: 'department' }),
        expect.objectContaining({ section: 'items', row: 5, field: 'basicCode' }),
        expect.objectContaining({ section: 'items', row: 6, field: 'guide.legalTimeLimit.unit' }),
        expect.objectContaining({ section: 'items', row: 7, field: 'basicCode' }),
        expect.objectContaining({ section: 'items', row: 8, field: 'implementationCode' }),
      ]),
    });
    expect(await counts()).toEqual(before);
    for (const [text, code] of [['{', 'import.malformed_json'], ['{"format":"x"}', 'import.wrong_format'], ['{"format":"tongban.catalog/1"}', 'import.empty']]) {
      await expect(importCatalog(p.deps, systemActor('test'), text)).rejects.toMatchObject({ code });
    }
  });

  it('imports, publishes, and a second import of the same file changes nothing; export round-trips', async () => {
    const r = await importCatalog(p.deps, systemActor('test'), JSON.stringify(file()));
    expect(r).toEqual({ basicItems: 3, items: 3, versions: 3, unchanged: 0 });
    const hits = (await p.anonymous().get('/api/v1/catalog/search?q=' + encodeURIComponent('导入别名甲'))).body.hits;
    expect(hits[0].item).toMatchObject({ name: '导入测试子项', publishedVersion: 1, implementationCode: `${uscc('lz_scjg')}3910131024001` });
    const again = await importCatalog(p.deps, systemActor('test'), JSON.stringify(file()));
    expect(again).toMatchObject({ items: 0, versions: 0, unchanged: 3 });

    const exported = await exportCatalog(p.deps);
    const mine = exported.items.filter((i) => i.basicCode.startsWith('91013102400'));
    expect(mine).toHaveLength(2); // the draft is not exported
    const changed = file();
    changed.items[0].guide = sampleGuide({ aliases: ['导入别名甲'], promisedTimeLimit: { value: 2, unit: 'working_day' } });
    expect(await importCatalog(p.deps, systemActor('test'), JSON.stringify(changed))).toMatchObject({ items: 0, versions: 1, unchanged: 2 });
    const detail = await p.anonymous().get(`/api/v1/catalog/items/${hits[0].item.id}`);
    expect(detail.body).toMatchObject({ version: { version: 2 }, guide: { promisedTimeLimit: { value: 2 } } });

    // exporting and importing the export changes nothing
    const full = await exportCatalog(p.deps);
    expect(await importCatalog(p.deps, systemActor('test'), JSON.stringify(full))).toMatchObject({ items: 0, versions: 0 });
    expect(await exportCatalog(p.deps)).toEqual(full);
  });

  it('runs as a job with progress through the API, for platform admins only', async () => {
    const f = file();
    f.basicItems = [{ code: '920131024000', name: '作业测试', itemType: '20', competentDepartment: uscc('yl_zwsj') }];
    f.items = Array.from({ length: 120 }, (_, i) => ({ basicCode: '920131024000', department: demoDepartments.filter((d) => d.level !== 'province')[i % 58].uscc, guide: sampleGuide({ aliases: [`作业${i}`] }) })).slice(0, 58);
    const raw = await p.anonymous().raw('/api/v1/catalog/imports', { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: JSON.stringify(f) });
    expect(raw.status).toBe(202);
    const job = await raw.json();
    let state = job;
    for (let i = 0; i < 100 && !['done', 'failed'].includes(state.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await admin.get(`/api/v1/catalog/imports/${job.id}`)).body;
    }
    expect(state).toMatchObject({ status: 'done', result: { basicItems: 1, items: 58 } });
    expect(state.processed).toBe(state.total);
    const lz = await p.login('scjg_admin');
    expect((await lz.get(`/api/v1/catalog/imports/${job.id}`)).status).toBe(403);
    const bad = await p.anonymous().raw('/api/v1/catalog/imports', { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: '{"format":"tongban.catalog/1","items":[{"basicCode":"1"}]}' });
    const badJob = await bad.json();
    for (let i = 0; i < 50; i++) {
      const s = (await admin.get(`/api/v1/catalog/imports/${badJob.id}`)).body;
      if (s.status === 'failed') {
        expect(s.error).toMatchObject({ code: 'import.invalid_rows', details: expect.arrayContaining([expect.objectContaining({ section: 'items', row: 1 })]) });
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the bad import did not fail');
  });
});
