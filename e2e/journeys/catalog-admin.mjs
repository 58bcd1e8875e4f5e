// A department admin (scjg_admin, 澜州市市场监督管理局) opens a published service item in 事项管理, creates a new draft,
// shortens the promised time limit and renames a material, saves and submits it; the platform admin finds it in the
// 审核队列, looks at the diff and approves it; the public guide page then shows the new version.
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'department admin edits a guide (new draft, time limit, material) and submits; platform admin reviews the diff and approves; the public page shows it';

/** A small but complete guide for the fallback item (when the demo catalogue has none for the department). */
function fallbackGuide() {
  return {
    aliases: ['端到端'],
    serviceObjects: ['enterprise'],
    themes: ['permits'],
    lifeEvents: [],
    conditions: '具有与经营项目相适应的经营场所。',
    legalBasis: [{ title: '《中华人民共和国行政许可法》' }],
    legalTimeLimit: { value: 20, unit: 'working_day' },
    promisedTimeLimit: { value: 10, unit: 'working_day' },
    caseKind: 'promised',
    process: [{ name: '受理', description: '窗口审查材料。' }, { name: '决定', description: '作出许可决定。' }],
    places: [{ name: '市政务服务中心', address: '澜州市明湖区政务路 1 号', hours: '工作日 9:00–17:00' }],
    consultation: { phone: '0590-88612345' },
    complaint: { phone: '12345' },
    fees: { charged: false, items: [] },
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: false,
    jointUnits: [],
    result: { name: '批准文书', type: 'approval_document' },
    faq: [],
    materials: [
      { key: 'application_form', name: '申请书', necessity: 'required', form: 'original', copies: 1, sourceChannel: 'applicant', substitutes: [], acceptanceStandard: '填写完整并签字。' },
    ],
  };
}

/** A published item of the user's department with no open draft (made through the API when there is none). */
async function pickItem(api, scjg, admin) {
  const r = await api.get('/api/v1/catalog/manage/items?status=published&limit=50', { token: scjg.token });
  if (r.status !== 200) throw new Error(`GET /api/v1/catalog/manage/items: ${r.status} ${JSON.stringify(r.body)}`);
  const ready = r.body.items.filter((i) => !i.retired && i.latestStatus === 'published');
  if (ready.length) return ready[0];
  // none: a basic item and an item of our own, published through the API
  const code = `000131${String(900 + Math.floor(Math.random() * 99)).padStart(3, '0')}000`;
  const b = await api.post('/api/v1/catalog/basic-items', { code, name: `端到端测试事项${code.slice(6, 9)}`, itemType: '01', competentDepartmentId: scjg.user.department.id }, { token: admin.token });
  if (b.status !== 201) throw new Error(`POST /api/v1/catalog/basic-items: ${b.status} ${JSON.stringify(b.body)}`);
  const c = await api.post('/api/v1/catalog/items', { basicCode: code, departmentId: scjg.user.department.id, guide: fallbackGuide() }, { token: scjg.token });
  if (c.status !== 201) throw new Error(`POST /api/v1/catalog/items: ${c.status} ${JSON.stringify(c.body)}`);
  const id = c.body.item.id;
  for (const [url, token] of [[`/api/v1/catalog/items/${id}/versions/1/submit`, scjg.token], [`/api/v1/catalog/items/${id}/versions/1/approve`, admin.token]]) {
    const x = await api.post(url, {}, { token });
    if (x.status !== 200) throw new Error(`POST ${url}: ${x.status} ${JSON.stringify(x.body)}`);
  }
  return (await api.get(`/api/v1/catalog/items/${id}`)).body.item;
}

export default async function catalogAdmin({ page, baseUrl, api, step }) {
  const scjg = await api.login('scjg_admin');
  const admin = await api.login('admin');
  const item = await pickItem(api, scjg, admin);
  const before = (await api.get(`/api/v1/catalog/items/${item.id}`)).body;
  const g = before.guide;
  // a promised limit that differs from today's and stays within the rules (≤ legal limit, ≤ 1 for 即办件)
  const cap = g.caseKind === 'instant' ? 1 : g.legalTimeLimit.unit === g.promisedTimeLimit.unit ? g.legalTimeLimit.value : 3650;
  const newPromised = [g.promisedTimeLimit.value - 1, g.promisedTimeLimit.value + 1].find((v) => v >= 0 && v <= cap);
  if (newPromised === undefined) throw new Error(`no other promised limit fits item ${item.id}: ${JSON.stringify(g.promisedTimeLimit)}`);
  if (!g.materials.length) throw new Error(`item ${item.id} has no materials to rename`);
  const newMaterialName = `${g.materials[0].name.slice(0, 100)}（端到端修订）`;
  let newVersion = 0;

  await step('scjg_admin opens 事项管理', async () => {
    await loginViaUi(page, baseUrl, 'scjg_admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(baseUrl + '/admin');
    await (await visible(page.getByTestId('admin-menu-catalog'), 'the 事项管理 menu entry')).click();
    await page.waitForURL(/\/admin\/catalog$/);
    await visible(page.getByTestId('catalog-manage-table'), 'the managed items table');
  });

  await step('find the item and open a new draft', async () => {
    await page.getByTestId('catalog-filter-q').first().fill(item.name);
    await page.getByTestId('catalog-filter-submit').first().click();
    await hasText(page.getByTestId('catalog-manage-table'), item.name, 'the managed items table');
    await (await visible(page.getByTestId(`catalog-edit-${item.id}`), `the 编辑 button of ${item.name}`)).click();
    await page.waitForURL(/\/versions\/\d+\/edit$/);
    newVersion = Number(/\/versions\/(\d+)\/edit$/.exec(page.url())[1]);
    if (newVersion <= item.latestVersion) throw new Error(`expected a new version after ${item.latestVersion}, the editor opened ${newVersion}`);
    const editor = await visible(page.getByTestId('item-editor'), 'the item editor');
    await until(async () => (await editor.getAttribute('data-status')) === 'draft' && (await editor.getAttribute('data-mode')) === 'edit', 'the editor on an editable draft');
  });

  await step('change the promised time limit', async () => {
    await page.getByTestId('editor-tab-timing').click();
    const input = await visible(page.getByTestId('editor-promised-limit-value'), 'the promised time limit');
    await input.fill(String(newPromised));
    await until(async () => (await page.getByTestId('editor-dirty').getAttribute('data-dirty')) === '1', 'the editor to notice the change');
  });

  await step('rename the first material in its drawer', async () => {
    await page.getByTestId('editor-tab-materials').click();
    await (await visible(page.getByTestId('material-edit-0'), 'the edit button of material 1')).click();
    const name = await visible(page.getByTestId('material-name'), 'the material name field in the drawer');
    await name.fill(newMaterialName);
    await page.getByTestId('material-apply').click();
    await hasText(page.getByTestId('material-table'), newMaterialName, 'the materials table');
  });

  await step('save the draft', async () => {
    await page.getByTestId('editor-change-note').fill('端到端：缩短承诺时限，修改材料名称');
    await page.getByTestId('editor-save').click();
    await until(async () => (await page.getByTestId('editor-dirty').getAttribute('data-dirty')) === '0', 'the draft to be saved (no unsaved changes)');
    const saved = await api.get(`/api/v1/catalog/items/${item.id}/versions/${newVersion}`, { token: scjg.token });
    if (saved.body?.guide?.promisedTimeLimit?.value !== newPromised || saved.body?.guide?.materials?.[0]?.name !== newMaterialName) {
      throw new Error(`the saved draft does not have the changes: ${JSON.stringify({ promised: saved.body?.guide?.promisedTimeLimit, material: saved.body?.guide?.materials?.[0]?.name })}`);
    }
  });

  await step('submit it for review', async () => {
    await page.getByTestId('editor-submit').click();
    await (await visible(page.getByTestId('editor-submit-confirm'), 'the submit confirmation')).click();
    await until(async () => (await page.getByTestId('item-editor').getAttribute('data-status')) === 'submitted', 'the version to be submitted');
    await visible(page.getByTestId('editor-readonly-banner'), 'the in-review banner');
  });

  await step('admin sees it in the review queue', async () => {
    await page.getByTestId('logout').first().click();
    await page.waitForURL(/\/login/);
    await loginViaUi(page, baseUrl, 'admin');
    await page.waitForURL(/\/admin/);
    await (await visible(page.getByTestId('admin-menu-catalog-review'), 'the 审核队列 menu entry')).click();
    await page.waitForURL(/\/admin\/catalog\/review/);
    await hasText(page.getByTestId('review-queue-table'), item.name, 'the review queue');
  });

  await step('the review drawer shows the diff against the published version', async () => {
    await (await visible(page.getByTestId(`review-open-${item.id}`), 'the 审核 button of the item')).click();
    const diff = await visible(page.getByTestId('review-diff'), 'the diff in the review drawer');
    await hasText(diff, newMaterialName, 'the diff');
    await hasText(diff, '承诺办结时限', 'the diff (promised time limit row)');
    await hasText(diff, '材料 1', 'the diff (material 1 row)');
  });

  await step('approve and publish', async () => {
    await page.getByTestId('review-comment').fill('同意发布（端到端）');
    await page.getByTestId('review-approve').click();
    await until(async () => !(await page.getByTestId(`review-open-${item.id}`).count()), 'the item to leave the review queue');
    const pub = await until(async () => {
      const r = await api.get(`/api/v1/catalog/items/${item.id}`);
      return r.status === 200 && r.body.version.version === newVersion ? r.body : null;
    }, `GET /api/v1/catalog/items/${item.id} returns version ${newVersion}`);
    if (pub.guide.promisedTimeLimit.value !== newPromised) throw new Error(`published promised limit is ${JSON.stringify(pub.guide.promisedTimeLimit)}, expected ${newPromised}`);
  });

  await step('the public guide page shows the new version', async () => {
    await page.goto(`${baseUrl}/services/items/${item.id}`);
    await hasText(await visible(page.getByTestId('guide-version'), 'the guide page version line'), `第 ${newVersion} 版`, 'the guide page version line');
    await hasText(page.getByTestId('guide-promised'), String(newPromised), 'the promised time limit on the guide page');
    await hasText(page.locator('body'), newMaterialName, 'the guide page (materials)');
  });
}
