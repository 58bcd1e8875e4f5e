// The consultation centre (在线问政) in the browser: a visitor asks from a service guide; zhangsan asks a colloquial
// question with a typo and gets the housing-fund centre's answer with its policy basis; he asks something that needs a
// person and sees the exact unit, its phone and the duty that made it responsible; that unit signs for the work order
// and transfers it, with the reason, to the tax bureau; the tax bureau replies and concludes; zhangsan reads the reply
// and rates it. Around it: the dispatcher's ruling page, a department admin's knowledge-base edit that contradicts
// another unit (shown side by side), the back office, and one page in English.
import { hasText, loginViaUi, pickSelect, until, visible } from '../lib.mjs';

export const title = 'zhangsan asks (typo → instant answer with basis; a question for a person → unit, phone, reason); the unit signs and transfers; the next unit replies and concludes; he rates';

const MINGHU = '390102';
const TYPO_QUESTION = '公基金怎么取出来租房用';
// Questions about the social-insurance contribution base: the duty lists give them to the district's human-resources
// and social-security bureau, though since 2019 the tax bureau collects the contributions — a natural transfer. The
// first one the engine places with a unit is used (one without an instant answer if it can).
const PERSON_QUESTIONS = ['社保缴费基数核定有问题找谁', '公司给我交的社保基数比实际工资低很多，该找谁反映？', '单位少报了我的社保缴费基数，找哪个部门核定？'];
const TAX_BUREAU = '国家税务总局澜州市明湖区税务局';
const TRANSFER_REASON = '社会保险费自2019年起由税务部门统一征收，缴费基数的申报和核定由税务部门负责，转国家税务总局澜州市明湖区税务局办理。';
// The reply keeps its angle brackets: text with markup must show as text.
const REPLY = '您好！社会保险费由税务部门征收，单位应按职工<上年度月平均工资>申报缴费基数。\n您可携带劳动合同、工资流水到明湖区办税服务厅反映，我局将核查单位申报情况并督促补缴。';

async function logout(page, context, baseUrl) {
  await context.clearCookies();
  await page.goto(baseUrl + '/login');
  await visible(page.getByTestId('login-username'), 'login form after logging out');
}

const statusOf = (page) => page.getByTestId('order-status').first().getAttribute('data-status');

async function waitStatus(page, status, what) {
  await until(async () => (await statusOf(page)) === status, `${what}: the order becomes ${status}`);
}

/** Opens an order from the unit's queue by its number. */
async function openFromQueue(page, baseUrl, queue, orderNumber) {
  await page.goto(`${baseUrl}/workbench/orders?queue=${queue}`);
  const row = await visible(page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`), `order ${orderNumber} in the ${queue} queue`);
  await row.click();
  await page.waitForURL(/\/workbench\/orders\/[^/?]+$/);
  await hasText(page.getByTestId('order-number'), orderNumber, 'the order number on the order page');
}

/** Opens an action's dialog, fills it, submits, and waits for the order's new status. */
async function act(page, button, fill, status) {
  await (await visible(page.getByTestId(button), `the ${button} button`)).click();
  await visible(page.locator('.ant-modal').filter({ has: page.getByTestId('action-submit') }), `the dialog of ${button}`);
  await fill();
  await page.getByTestId('action-submit').first().click();
  await waitStatus(page, status, button);
}

export default async function consultation({ page, context, baseUrl, api, step, log }) {
  // What the engine says about the questions (anonymous asks: nothing of zhangsan's), to check the pages against.
  const typo = (await api.post('/api/v1/consultation/questions', { text: TYPO_QUESTION, regionCode: MINGHU, channel: 'web' })).body;
  const fund = typo.answers[0];
  if (!fund || !fund.departmentName.includes('住房公积金管理中心')) throw new Error(`the typo question is not answered by the housing-fund centre: ${JSON.stringify(typo.answers.map((a) => a.departmentName))}`);
  const asked = [];
  for (const text of PERSON_QUESTIONS) asked.push((await api.post('/api/v1/consultation/questions', { text, regionCode: MINGHU, channel: 'web' })).body);
  const placed = asked.filter((q) => !q.routing.toDispatcher && q.routing.duty && !q.routing.departmentName.includes('税务'));
  const person = placed.find((q) => q.answers.length === 0) ?? placed[0];
  if (!person) throw new Error(`no question about the contribution base is placed with a unit: ${JSON.stringify(asked.map((q) => [q.text, q.routing.departmentName, q.routing.confidence]))}`);
  const PERSON_QUESTION = person.text;
  const unit = person.routing;
  log(`routing: ${PERSON_QUESTION} → ${unit.departmentName} (${unit.duty.matter}, ${unit.confidence}; ${person.answers.length} instant answer(s))`);
  // who works the orders there and at the tax bureau (the platform admin lists staff)
  const { token } = await api.login('admin');
  const officerOf = async (departmentId) => {
    const staff = (await api.get(`/api/v1/identity/staff?departmentId=${departmentId}&limit=100`, { token })).body.items;
    const officer = staff.find((m) => m.active && m.roles.includes('window_officer'));
    if (!officer) throw new Error(`no window officer in department ${departmentId}`);
    return officer.username;
  };
  const taxBureau = (await api.get(`/api/v1/org/departments?q=${encodeURIComponent('明湖区税务局')}`)).body.items.find((d) => d.name === TAX_BUREAU);
  const unitOfficer = await officerOf(unit.departmentId);
  const taxOfficer = await officerOf(taxBureau.id);
  const rentItem = (await api.get(`/api/v1/catalog/search?q=${encodeURIComponent('租房提取住房公积金')}&region=${MINGHU}`)).body.hits[0].item;
  let orderNumber = '';
  let orderUrl = '';

  await step('a visitor opens the rent-withdrawal guide and asks from its 我要咨询 drawer', async () => {
    await page.goto(`${baseUrl}/services/items/${rentItem.id}`);
    await (await visible(page.getByTestId('guide-consult'), 'the 我要咨询 button of the guide')).click();
    const drawer = await visible(page.getByTestId('ask-drawer'), 'the ask drawer');
    await visible(drawer.getByTestId('ask-item'), 'the item the question is about');
    await drawer.getByTestId('ask-input').fill('租房了能每个月取公积金吗');
    await drawer.getByTestId('ask-submit').click();
    await hasText(drawer.getByTestId('answer-department').first(), fund.departmentName, 'the answering department in the drawer');
    await visible(drawer.getByTestId('escalate-login'), 'the invitation to log in before asking a person');
  });

  await step('zhangsan asks with a typo (公基金) and sees the housing-fund centre’s answer with its policy basis', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(`${baseUrl}/ask`);
    // his registered region (明湖区) is preselected
    await hasText(page.getByTestId('region-picker'), '明湖区', 'the preselected region');
    await page.getByTestId('ask-input').first().fill(TYPO_QUESTION);
    await page.getByTestId('ask-submit').first().click();
    const first = page.getByTestId('answer').first();
    await hasText(first.getByTestId('answer-department'), fund.departmentName, 'the department of the first answer');
    await hasText(first.getByTestId('answer-basis'), fund.basis[0].document, 'the policy basis of the first answer');
    await hasText(first.getByTestId('answer-text'), fund.answer.slice(0, 20), 'the answer text');
    await first.getByTestId('answer-helpful').click();
    await visible(first.getByTestId('answer-voted'), 'the thanks for the vote');
  });

  await step('he asks something that needs a person, escalates, and sees the exact unit, its phone and the reason', async () => {
    await page.getByTestId('ask-input').first().fill(PERSON_QUESTION);
    await page.getByTestId('ask-submit').first().click();
    await until(async () => (await page.getByTestId('ask-result').first().getAttribute('data-outcome')) === person.outcome, `the question's outcome is ${person.outcome}`);
    if (person.answers.length === 0) await visible(page.getByTestId('no-answer'), 'the note that no answer was found');
    // the unit shown before asking a person is the one the order goes to
    await hasText(page.getByTestId('escalate-target').first(), unit.departmentName, 'the unit the question will go to');
    await page.getByTestId('escalate').first().click();
    const card = await visible(page.getByTestId('escalated'), 'the escalation result');
    await hasText(card.getByTestId('escalated-unit-name'), unit.departmentName, 'the unit’s exact name');
    await hasText(card.getByTestId('escalated-unit-phone'), unit.contact.phone, 'the unit’s phone');
    await hasText(card.getByTestId('escalated-unit-address'), unit.contact.address, 'the unit’s address');
    await hasText(card.getByTestId('escalated-reason'), unit.duty.matter, 'the matched duty as the reason');
    orderNumber = (await card.getByTestId('escalated-number').first().innerText()).trim();
    if (!/^GD\d+/.test(orderNumber)) throw new Error(`no order number shown: "${orderNumber}"`);
  });

  await step('his order waits to be signed for, with its timeline', async () => {
    await page.getByTestId('escalated-open').first().click();
    await page.waitForURL(/\/hall\/questions\/[^/]+$/);
    orderUrl = page.url();
    await waitStatus(page, 'to_sign', 'his new order');
    await hasText(page.getByTestId('order-unit-name'), unit.departmentName, 'the unit on his order page');
    await visible(page.locator('[data-testid="timeline-item"][data-action="dispatched"]'), 'the dispatch in his timeline');
  });

  await step(`it waits in the to-sign queue of ${unit.departmentName}, with its signing countdown`, async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, unitOfficer);
    await page.waitForURL(/\/workbench/);
    await page.goto(`${baseUrl}/workbench/orders?queue=to_sign`);
    const row = await visible(page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`), `order ${orderNumber} in the to_sign queue`);
    await visible(row.getByTestId('order-sign-countdown'), 'the signing countdown');
  });

  await step(`the officer of ${unit.departmentName} signs for it`, async () => {
    await openFromQueue(page, baseUrl, 'to_sign', orderNumber);
    await hasText(page.getByTestId('order-routing-reason'), unit.duty.matter, 'the routing reason with the matched duty');
    await page.getByTestId('action-sign').first().click();
    await waitStatus(page, 'in_progress', 'signing');
  });

  await step('he transfers it to the tax bureau with the reason; the chain shows both units', async () => {
    await act(
      page,
      'action-transfer',
      async () => {
        await pickSelect(page, page.getByTestId('target-unit'), TAX_BUREAU, { type: '明湖区税务局' });
        await page.getByTestId('transfer-reason').first().fill(TRANSFER_REASON);
      },
      'to_sign',
    );
    const chain = page.getByTestId('order-chain').first();
    await until(async () => (await chain.getByTestId('chain-hop').count()) === 2, 'two hops in the chain');
    await hasText(chain.getByTestId('chain-unit').last(), TAX_BUREAU, 'the tax bureau at the end of the chain');
    await hasText(chain.getByTestId('chain-reason').last(), '税务部门统一征收', 'the transfer reason on the chain');
  });

  await step('the tax bureau signs, replies and concludes', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, taxOfficer);
    await page.waitForURL(/\/workbench/);
    await openFromQueue(page, baseUrl, 'to_sign', orderNumber);
    await page.getByTestId('action-sign').first().click();
    await waitStatus(page, 'in_progress', 'signing at the tax bureau');
    await act(page, 'action-reply', () => page.getByTestId('reply-input').first().fill(REPLY), 'replied');
    await act(page, 'action-conclude', () => page.getByTestId('conclusion-input').first().fill('已答复缴费基数申报规则，并告知反映渠道。'), 'concluded');
    await hasText(page.getByTestId('order-reply'), '<上年度月平均工资>', 'the reply, angle brackets as text');
  });

  await step('zhangsan finds the reply in 我的咨询, with the whole route, and rates it', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(`${baseUrl}/hall/questions`);
    await (await visible(page.locator(`[data-testid="my-order-row"][data-order-number="${orderNumber}"]`), 'his order in 我的咨询')).click();
    await page.waitForURL(orderUrl);
    await waitStatus(page, 'concluded', 'his order');
    await hasText(page.getByTestId('order-reply'), '<上年度月平均工资>', 'the reply shown as text');
    await hasText(page.getByTestId('order-unit-name'), TAX_BUREAU, 'the unit that answered');
    const card = await visible(page.getByTestId('order-rating-card'), 'the rating card');
    await card.getByTestId('rating-satisfied').click();
    await card.getByTestId('rating-comment').fill('转办很快，答复清楚。');
    await page.getByTestId('rating-submit').first().click();
    await waitStatus(page, 'rated', 'after rating');
    await hasText(page.getByTestId('order-rating-card'), '转办很快', 'his rating on the order');
  });

  await step('the same page in English', async () => {
    await page.getByTestId('lang-switch').first().click();
    await hasText(page.getByTestId('order-reply-card'), 'Reply', 'the reply card in English');
    await hasText(page.getByTestId('order-status'), 'Rated', 'the status in English');
    await hasText(page.getByTestId('order-steps'), 'Signed for', 'the steps in English');
    if (taxBureau.nameEn) await hasText(page.getByTestId('order-unit-name'), taxBureau.nameEn, 'the unit’s English name');
  });

  await step('the 12345 dispatcher sees the queue of low-confidence orders with the engine’s alternatives', async () => {
    await page.getByTestId('lang-switch').first().click();
    await hasText(page.getByTestId('order-status'), '已评价', 'the status back in Chinese');
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'lz_zwsj_ck1');
    await page.waitForURL(/\/workbench/);
    await page.goto(`${baseUrl}/workbench/dispatch?queue=all_dispatching`);
    const row = await visible(page.getByTestId('order-row'), 'an order waiting for dispatch');
    await row.click();
    const panel = await visible(page.getByTestId('ruling-panel'), 'the ruling panel');
    await visible(panel.getByTestId('ruling-submit'), 'the dispatch (ruling) button');
    await visible(panel.locator('[data-testid="route-suggestions"], .ant-typography-secondary').first(), 'the engine’s alternatives');
  });

  await step('the order page shows the dispatcher the routing reason and the runner-up units, one click from dispatching', async () => {
    const { token: dispatcherToken } = await api.login('lz_zwsj_ck1');
    const waiting = (await api.get('/api/v1/consultation/orders/dispatcher?queue=all_dispatching&limit=100', { token: dispatcherToken })).body.items;
    let target = null;
    for (const o of waiting) {
      const d = (await api.get(`/api/v1/consultation/orders/${o.id}`, { token: dispatcherToken })).body;
      if (d.routing && d.routing.alternatives.length > 0) {
        target = d;
        break;
      }
    }
    if (!target) throw new Error('no waiting order with runner-up units to show');
    await page.goto(`${baseUrl}/workbench/orders/${target.order.id}`);
    const card = await visible(page.getByTestId('order-routing'), 'the routing card');
    await hasText(card.getByTestId('order-routing-reason'), target.routing.reason.slice(0, 10), 'the routing reason');
    const alt = target.routing.alternatives[0];
    const row = await visible(card.locator(`[data-testid="routing-alternative"][data-dept="${alt.departmentName}"]`), 'the first runner-up unit');
    await row.getByTestId('routing-alternative-pick').click();
    const dialog = await visible(page.locator('.ant-modal').filter({ has: page.getByTestId('action-submit') }), 'the dispatch dialog');
    await hasText(dialog.getByTestId('target-unit'), alt.departmentName, 'the runner-up filled in as the target');
    await page.keyboard.press('Escape');
  });

  await step('a department admin edits the knowledge base and sees the contradiction with the housing-fund centre side by side', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'lz_zj_gly');
    await page.waitForURL(/\/workbench|\/admin/);
    await page.goto(`${baseUrl}/workbench/knowledge`);
    await visible(page.getByTestId('kb-row'), 'the department’s entries');
    await page.getByTestId('kb-new').first().click();
    const editor = await visible(page.getByTestId('kb-editor'), 'the entry editor');
    await editor.getByTestId('kb-code').fill('KB-lz_zj-9001');
    await editor.getByTestId('kb-topic').fill('gjj.withdrawal.rent');
    await editor.getByTestId('kb-question').fill('租房提取住房公积金每月最多能提多少？');
    await editor.getByTestId('kb-answer').fill('租房自住的缴存职工可按月提取住房公积金，每人每月最高1200元。');
    await editor.getByTestId('kb-basis-document-0').fill('《住房公积金管理条例》');
    await editor.getByTestId('kb-basis-clause-0').fill('第二十四条');
    await editor.getByTestId('kb-limit').fill('每人每月最高1200元');
    await page.getByTestId('kb-save').first().click();
    const warning = await visible(page.getByTestId('kb-warning'), 'the contradiction warning');
    await hasText(warning, '1500', 'the other unit’s limit beside ours');
    await hasText(warning, '1200', 'our limit');
  });

  await step('the platform admin settles contradictions with both answers side by side', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'admin');
    await page.waitForURL(/\/admin/);
    await page.goto(`${baseUrl}/admin/consultation?tab=conflicts`);
    const conflict = await visible(page.locator('[data-testid="kb-conflict"]', { hasText: 'KB-lz_zj-9001' }), 'the contradiction just recorded');
    await hasText(conflict, '1500', 'the housing-fund centre’s limit');
  });

  await step('an import with bad rows fails as a whole and lists every problem by row', async () => {
    await page.goto(`${baseUrl}/admin/consultation?tab=import`);
    const bad = { format: 'tongban.kb/1', entries: [
      { code: 'KB-lz_gjj-9901', departmentCode: 'lz_gjj', question: '测试导入的问题', answer: '答案', basis: [], regionCodes: ['390100'] },
      { code: 'KB-lz_gjj-9902', departmentCode: 'no_such_department', question: '另一个问题', answer: '答案', basis: [{ document: '《住房公积金管理条例》' }], regionCodes: ['390100'] },
    ] };
    await page.getByTestId('import-tab').locator('input[type=file]').setInputFiles({ name: 'kb-bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await (await visible(page.getByTestId('import-start'), 'the start button')).click();
    const errors = await visible(page.getByTestId('import-errors'), 'the per-row problems');
    await until(async () => (await errors.locator('.ant-table-row').count()) >= 2, 'a problem for each bad row');
  });

  await step('the duty lists of the departments', async () => {
    await page.goto(`${baseUrl}/admin/consultation?tab=duties`);
    await visible(page.getByTestId('duties-table').locator('.ant-table-row').first(), 'duty list rows');
  });

  await step('the overview', async () => {
    await page.goto(`${baseUrl}/admin/consultation`);
    await visible(page.getByTestId('consult-overview'), 'the overview');
    const { token: adminToken } = await api.login('admin');
    const stats = (await api.get('/api/v1/consultation/stats?days=30', { token: adminToken })).body;
    await until(async () => (await page.getByTestId('stat-questions').innerText()).includes(String(stats.questions.total)), `the question count ${stats.questions.total}`);
    await visible(page.getByTestId('chart-trend').locator('canvas'), 'the daily trend chart');
    await visible(page.getByTestId('chart-questions-by-dept').locator('canvas'), 'questions by unit');
    if (stats.questions.topTopics.length) await hasText(page.getByTestId('top-topics'), stats.questions.topTopics[0].matter, 'the most asked matter');
    await page.waitForTimeout(800); // the charts draw
  });
}
