// The service catalogue (办事服务) and its guides (办事指南): an anonymous visitor searches 营业执照, opens the guide,
// reads the materials, switches to another region's implementation and prints; the region choice is remembered.
// Then citizen zhangsan searches `gjj` (pinyin initials) from the hall and reaches a 住房公积金 guide.
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'anonymous visitor searches 营业执照, reads the guide, switches region, prints; zhangsan finds 住房公积金 by “gjj” from the hall';

export default async function catalog({ page, baseUrl, step }) {
  const searchFor = async (testId, text) => {
    const input = await visible(page.getByTestId(testId), `search box (${testId})`);
    await input.fill(text);
    await input.press('Enter');
  };

  await step('an anonymous visitor opens 办事服务 from the header', async () => {
    await page.goto(baseUrl + '/services');
    await hasText(page.getByTestId('catalog-title'), '办事服务', 'catalogue title');
    await hasText(page.locator('.tb-nav'), '办事服务', 'the 办事服务 nav entry (logged out)');
    await visible(page.getByTestId('header-login'), 'the 登录 button for a visitor');
    await visible(page.getByTestId('catalog-result-item'), 'the browse list of items');
    await visible(page.getByTestId('catalog-theme-establishment'), 'theme tiles');
  });

  await step('search 营业执照: results with the term highlighted', async () => {
    await searchFor('catalog-search-input', '营业执照');
    await page.waitForURL(/\/services\?q=/);
    await hasText(page.getByTestId('catalog-total'), '营业执照', 'result summary naming the query');
    await visible(page.getByTestId('catalog-result-item'), 'a result');
    await hasText(page.locator('[data-testid="catalog-result-item"] mark'), '营业执照', 'the matched term highlighted in a result');
    await hasText(page.getByTestId('catalog-result-item'), /承诺时限/, 'the promised time limit of a result');
  });

  let firstTitle = '';
  await step('open the first result: the guide with its materials table', async () => {
    const first = page.getByTestId('catalog-result-link').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/services\/items\//);
    await hasText(page.getByTestId('guide-title'), name, 'guide title = the result clicked');
    firstTitle = name;
    const materials = await visible(page.getByTestId('guide-materials'), '办理材料 section');
    await until(async () => (await materials.locator('tbody tr.ant-table-row').count()) > 0, 'rows in the materials table');
    await hasText(page.getByTestId('guide-version'), /第 \d+ 版 · 发布于 \d{4}-\d{2}-\d{2}/, 'version line');
    await visible(page.getByTestId('guide-apply'), '在线办理 button');
    await visible(page.getByTestId('guide-consult'), '我要咨询 button');
  });

  await step('switch to another region’s implementation (其他地区的实施清单)', async () => {
    const before = page.url();
    await (await visible(page.getByTestId('guide-region-switch'), 'region switch')).click();
    const option = await visible(page.getByTestId('guide-region-option'), 'another region in the list');
    const region = (await option.locator('strong').innerText()).trim();
    await option.click();
    await until(() => page.url() !== before, 'the URL changes to the other implementation');
    await hasText(page.getByTestId('guide-title'), firstTitle, 'the same service');
    await hasText(page.locator('.guide-meta'), region, `the guide of ${region}`);
  });

  await step('the print view hides navigation and buttons and keeps the content', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await until(async () => !(await page.locator('.tb-header').isVisible()), 'the header is hidden in print');
      if (await page.getByTestId('guide-print').isVisible()) throw new Error('the 打印 button shows in print');
      if (await page.getByTestId('guide-apply').isVisible()) throw new Error('the 在线办理 button shows in print');
      await visible(page.locator('.guide-print-head'), 'the print header (portal and date)');
      await visible(page.getByTestId('guide-materials'), 'the materials in print');
      await visible(page.locator('.guide-faq-print'), 'every FAQ answer, expanded, in print');
      if (process.env.E2E_HEADED !== '1') {
        const pdf = await page.pdf({ format: 'A4' });
        if (pdf.length < 10_000) throw new Error(`the printed PDF is suspiciously small (${pdf.length} bytes)`);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  await step('choose 澜州市 · 明湖区 in the region picker; the choice is remembered', async () => {
    await page.goto(baseUrl + '/services');
    await (await visible(page.getByTestId('region-picker'), 'region picker')).locator('.ant-select').first().click();
    const menu = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)').last();
    await menu.locator('.ant-cascader-menu-item', { hasText: '澜州市' }).first().click();
    await menu.locator('.ant-cascader-menu-item', { hasText: '明湖区' }).first().click();
    await hasText(page.getByTestId('region-picker'), '明湖区', 'picker shows 明湖区');
    await hasText(page.getByTestId('catalog-total'), '明湖区', 'results are for 明湖区');
    await until(async () => (await page.evaluate(() => localStorage.getItem('tongban.catalog.region'))) === '390102', 'the choice is stored');
    await page.reload();
    await hasText(page.getByTestId('region-picker'), '明湖区', 'picker still shows 明湖区 after a reload');
  });

  await step('nothing found: suggestions instead of a blank page', async () => {
    await searchFor('catalog-search-input', '火星移民');
    await visible(page.getByTestId('catalog-empty'), 'the empty state');
    await hasText(page.getByTestId('catalog-empty'), '营业执照', 'common searches offered');
  });

  await step('citizen zhangsan searches “gjj” from the hall', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await visible(page.getByTestId('hall-catalog'), 'the 办事服务 panel in the hall');
    await searchFor('hall-search-input', 'gjj');
    await page.waitForURL(/\/services\?q=gjj/);
    await hasText(page.getByTestId('catalog-results'), '住房公积金', 'a 住房公积金 item among the results');
  });

  await step('…and reaches a 住房公积金 guide', async () => {
    await page.getByTestId('catalog-result-link').filter({ hasText: '住房公积金' }).first().click();
    await page.waitForURL(/\/services\/items\//);
    await hasText(page.getByTestId('guide-title'), '住房公积金', 'a 住房公积金 guide');
    await visible(page.getByTestId('guide-materials'), 'its materials');
  });
}
