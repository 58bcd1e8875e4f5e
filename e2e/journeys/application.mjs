// The whole life of an online application in the browser: a citizen applies for 高龄津贴 with prefilled data and an
// upload, the 明湖区民政局 window asks for a correction, the citizen corrects, the window accepts, the reviewer reviews
// and approves, and the citizen rates the case (好差评).
import { createHash } from 'node:crypto';
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'zhangsan applies online with prefill and an upload; the officer asks for a correction; he corrects; the officer approves; he rates it from his list';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function logout(page, context, baseUrl) {
  await context.clearCookies();
  await page.goto(baseUrl + '/login');
  await visible(page.getByTestId('login-username'), 'login form after logging out');
}

/** Opens the case in the officer's queue and answers its detail page. */
async function openFromQueue(page, baseUrl, queue, caseNumber) {
  await page.goto(baseUrl + '/workbench/cases');
  await (await visible(page.getByTestId(`queue-tab-${queue}`), `the ${queue} queue tab`)).click();
  const row = await visible(page.locator(`[data-testid="case-row"][data-case-number="${caseNumber}"]`), `case ${caseNumber} in the ${queue} queue`);
  await row.click();
  await page.waitForURL(/\/workbench\/cases\/[^/]+$/);
  await hasText(page.getByTestId('case-number'), caseNumber, 'the case number on the case page');
}

/** Runs the action button `button`, fills the dialog with `fill`, submits it and waits for the case status. */
async function act(page, button, fill, submitTestId, status) {
  await (await visible(page.getByTestId(button), `the ${button} button`)).click();
  await fill();
  await page.getByTestId(submitTestId).first().click();
  await until(async () => (await page.getByTestId('case-status').first().getAttribute('data-status')) === status, `the case becomes ${status} after ${button}`);
}

export default async function application({ page, context, baseUrl, api, step }) {
  const { hits } = (await api.get('/api/v1/catalog/search?q=' + encodeURIComponent('高龄津贴') + '&region=390102')).body;
  const itemId = hits[0].item.id;
  const { guide } = (await api.get(`/api/v1/catalog/items/${itemId}`)).body;
  let caseNumber = '';
  let caseUrl = '';

  await step('zhangsan opens the 高龄津贴 guide and starts 在线办理', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(`${baseUrl}/services/items/${itemId}`);
    await (await visible(page.getByRole('link', { name: /在线办理/ }), 'the 在线办理 link')).click();
    await page.waitForURL(new RegExp(`/hall/apply/${itemId}`));
  });

  await step('his name and ID number come prefilled and locked, with their source department', async () => {
    await hasText(page.getByTestId('sf-applicantName'), '张三', 'the prefilled name');
    await hasText(page.getByTestId('sf-prefill-applicantName'), /公安/, 'the source of the name');
    const editable = await page.getByTestId('sf-applicantName').locator('input:not([disabled]):not([readonly])').count();
    if (editable) throw new Error('the government-verified name should be locked');
  });

  await step('he fills in the rest of the form', async () => {
    await page.getByTestId('sf-applyFor').getByText('本人申请').click();
    await page.getByTestId('sf-residenceAddress').fill('云澜省澜州市明湖区学府路363号明湖花园15栋3单元604室');
    await page.getByTestId('sf-livingArrangement').getByText('与配偶同住').click();
    await page.getByTestId('sf-emergencyName').fill('李秀兰');
    await page.getByTestId('sf-emergencyPhone').fill('13800138000');
    await page.getByTestId('sf-payTo').getByText('本人社会保障卡金融账户').click();
    await page.getByTestId('sf-pledge').click();
  });

  await step('he uploads what shared data cannot replace and sees what he need not provide', async () => {
    for (const m of guide.materials) {
      const shared = m.substitutes.some((s) => s.kind === 'shared_data');
      if (m.necessity === 'conditional') {
        await page.getByTestId(`material-by-${m.key}`).getByText(/不属于/).click();
      } else if (!shared && m.necessity !== 'deferrable') {
        // 免提交 by an electronic licence he holds (preselected): nothing to upload
        if (await page.getByTestId(`material-licence-${m.key}`).count()) {
          await hasText(page.getByTestId(`material-licence-${m.key}`), /免提交：以电子证照「.+」代替/, `the licence standing in for ${m.name}`);
          continue;
        }
        await page.getByTestId(`material-upload-${m.key}`).setInputFiles({ name: `${m.name}.pdf`, mimeType: 'application/pdf', buffer: PDF });
        await visible(page.getByTestId(`material-file-${m.key}`), `the uploaded file of ${m.name}`);
      }
    }
    await hasText(page.locator('#main'), /免提交/, 'a material marked 免提交');
  });

  await step('the draft saves itself', async () => {
    await until(async () => (await page.getByTestId('draft-status').first().getAttribute('data-state')) === 'saved', 'the draft status becomes saved', 15_000);
  });

  await step('he submits and lands on his case, waiting for acceptance', async () => {
    await page.getByTestId('apply-submit').first().click();
    await page.waitForURL(/\/hall\/cases\/[^/]+$/);
    caseUrl = page.url();
    await until(async () => (await page.getByTestId('case-status').first().getAttribute('data-status')) === 'submitted', 'the case status is submitted');
    caseNumber = (await page.getByTestId('case-number').first().innerText()).match(/[0-9A-Z]{40,}/)?.[0] ?? '';
    if (!caseNumber) throw new Error('no case number on the case page');
    // the materials his licences stood in for name each licence, checked at filing
    await hasText(page.locator('[data-testid^="case-licence-"]').first(), /提交时已核验/, 'a material answered by his licence, with the licence named');
  });

  await step('the window officer asks for a correction, listing the defect', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'mh_mz_ck1');
    await page.waitForURL(/\/workbench/);
    await openFromQueue(page, baseUrl, 'to_accept', caseNumber);
    await act(page, 'action-correction', async () => {
      await page.getByTestId('defect-target-0').first().fill('emergencyPhone');
      await page.getByTestId('defect-reason-0').first().fill('紧急联系人电话无法接通，请核实后重新填写。');
    }, 'action-correction-submit', 'correction');
  });

  await step('zhangsan sees the request and corrects the phone number', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await until(async () => Number(await page.getByTestId('notification-bell').first().getAttribute('data-count')) > 0, 'the bell shows unread notifications');
    await page.goto(caseUrl);
    await hasText(page.getByTestId('correction-card'), '紧急联系人电话无法接通', 'the defect in the correction card');
    await page.getByTestId('correction-card').getByTestId('sf-emergencyPhone').fill('13900139000');
    await page.getByTestId('correction-submit').first().click();
    await until(async () => (await page.getByTestId('case-status').first().getAttribute('data-status')) === 'submitted', 'the corrected case waits for acceptance again');
  });

  await step('his case lists the sealed 补正材料通知书, and its QR page verifies the PDF', async () => {
    await page.goto(caseUrl);
    const link = await visible(page.getByTestId('case-document-link-correction_notice'), 'the 补正材料通知书 download link');
    await hasText(page.getByTestId('case-document-correction_notice'), /补正材料通知书[\s\S]*补字〔\d{4}〕第\d{4}号/, 'the notice with its number');
    const pdf = await page.request.get(baseUrl + (await link.getAttribute('href')));
    const bytes = await pdf.body();
    if (pdf.status() !== 200 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`the notice did not download as a PDF (${pdf.status()})`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const docId = new URL(await page.getByTestId('case-document-correction_notice').locator('a[href^="/verify/documents/"]').getAttribute('href'), baseUrl).pathname.split('/').pop();
    await page.goto(`${baseUrl}/verify/documents/${docId}`);
    await until(async () => (await page.getByTestId('verify-status').first().getAttribute('data-status')) === 'issued', 'the verification page says issued');
    await hasText(page.getByTestId('verify-sha256'), sha256, 'the SHA-256 of the downloaded PDF on the verification page');
  });

  await step('the window accepts the corrected application', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'mh_mz_ck1');
    await page.waitForURL(/\/workbench/);
    await openFromQueue(page, baseUrl, 'to_accept', caseNumber);
    await (await visible(page.getByTestId('action-accept'), 'the accept button')).click();
    await until(async () => (await page.getByTestId('case-status').first().getAttribute('data-status')) === 'reviewing', 'the case is reviewing after acceptance');
  });

  await step('the reviewer agrees and approves', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'mh_mz_sp1');
    await page.waitForURL(/\/workbench/);
    await openFromQueue(page, baseUrl, 'to_review', caseNumber);
    await act(page, 'action-review', async () => {
      await page.getByTestId('review-agree').first().click();
      await page.getByTestId('opinion-input').first().fill('户籍与年龄信息核验无误，符合条件。');
    }, 'action-submit', 'deciding');
    await act(page, 'action-decide', async () => {
      await page.getByTestId('decision-approved').first().click();
      await page.getByTestId('opinion-input').first().fill('准予发放高龄津贴，自次月起按月发放。');
    }, 'action-submit', 'concluded');
    await page.getByTestId('case-tab-timeline').first().click();
    await hasText(page.getByTestId('case-timeline'), /准予发放高龄津贴/, 'the approval with its opinion in the timeline');
  });

  await step('zhangsan rates the case from 我的办件, where it waits for his rating', async () => {
    await logout(page, context, baseUrl);
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(baseUrl + '/hall/cases');
    await visible(page.getByTestId('rate-hint'), 'the note that cases wait for his rating');
    const caseId = decodeURIComponent(caseUrl.split('/').pop());
    await (await visible(page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).getByTestId('case-rate'), 'the 去评价 button on his case')).click();
    await page.waitForURL(/#rating$/);
    const card = await visible(page.getByTestId('rating-card'), 'the rating card');
    await card.getByTestId('rating-overall').locator('li').nth(4).click();
    await card.getByTestId('rating-comment').fill('全程网上办理，补正一次就通过了。');
    await page.getByTestId('rating-submit').first().click();
    await hasText(page.getByTestId('rating-card'), '全程网上办理', 'the rating shown on the case');
  });
}
