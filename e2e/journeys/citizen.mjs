// A citizen logs in and finds the service hall (办事大厅) with their own registry record, every value marked
// with the department that vouches for it (来源).
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'citizen zhangsan logs in and sees the 办事大厅 with his registry record and its 来源 tags';

export default async function citizen({ page, baseUrl, api, step }) {
  const me = await step('who zhangsan is (API)', async () => (await api.login('zhangsan')).user);

  await step('open the login page', async () => {
    await page.goto(baseUrl + '/');
    await page.waitForURL(/\/login/);
    await visible(page.getByTestId('login-username'), 'login form');
  });

  await step('log in as zhangsan', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
  });

  await step('the hall shows its title and his name', async () => {
    await hasText(page.getByTestId('hall-title'), '办事大厅', 'hall title');
    await hasText(page.locator('#main'), me.displayName, 'greeting with his name');
    await hasText(page.locator('.tb-header'), me.displayName, 'header with his name');
  });

  await step('the registry card shows his record with 来源 source tags', async () => {
    const card = await visible(page.getByTestId('registry-card'), 'registry card (我的户籍信息)');
    await visible(card.locator('.tb-source-tag'), 'a 来源 source tag inside the registry card');
    await hasText(card.locator('.tb-source-tag'), /^来源：.+/, 'source tag');
    const tags = await card.locator('.tb-source-tag').count();
    if (tags < 2) throw new Error(`expected a 来源 tag for each registry value, found ${tags}`);
  });

  await step('switch the language to English and back', async () => {
    await page.getByTestId('lang-switch').first().click();
    await hasText(page.getByTestId('hall-title'), 'Service hall', 'hall title in English');
    await until(async () => (await page.locator('html').getAttribute('lang')) === 'en', 'the page language becomes en');
    await page.getByTestId('lang-switch').first().click();
    await hasText(page.getByTestId('hall-title'), '办事大厅', 'hall title in Chinese again');
  });

  await step('log out', async () => {
    await page.getByTestId('logout').first().click();
    await page.waitForURL(/\/login/);
    await visible(page.getByTestId('login-username'), 'login form after logout');
  });
}
