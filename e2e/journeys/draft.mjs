// A draft survives logging out: zhangsan starts 户口迁移 (a 跨省通办 item), chooses a receiving window in another city
// (异地代收), the draft saves itself; he logs out and in again and finds the application where he left it, the window
// included.
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'zhangsan starts an application, picks a receiving window in 青川市, logs out and in, and finds his draft with the window';

export default async function draft({ page, context, baseUrl, api, step }) {
  const { hits } = (await api.get('/api/v1/catalog/search?q=' + encodeURIComponent('户口迁移') + '&region=390102')).body;
  const itemId = hits[0].item.id;
  let windowName = '';

  await step('zhangsan opens the application and its receiving-window section', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(`${baseUrl}/hall/apply/${itemId}`);
    await (await visible(page.getByTestId('receiving-collapse').locator('.ant-collapse-header'), 'the receiving-window section')).click();
  });

  await step('he picks the 政务服务 window of 青川市 and the draft saves itself', async () => {
    await page.getByTestId('receiving-region').first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '云澜省' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '青川市' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('receiving-department').first().click();
    const option = await visible(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first(), 'a window of 青川市');
    windowName = (await option.innerText()).trim();
    await option.click();
    await hasText(page.getByTestId('receiving-chosen'), windowName, 'the chosen window with its address');
    await until(async () => (await page.getByTestId('draft-status').first().getAttribute('data-state')) === 'saved', 'the draft status becomes saved', 15_000);
  });

  await step('he logs out and in again: the draft comes back with the window he chose', async () => {
    await context.clearCookies();
    await page.goto(baseUrl + '/login');
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(`${baseUrl}/hall/apply/${itemId}`);
    await visible(page.getByTestId('draft-restored'), 'the note that his draft was restored');
    await hasText(page.getByTestId('receiving-collapse'), windowName, 'the receiving window named in the section title');
  });
}
