// Electronic licences in the browser: zhangsan opens his wallet, shows two fields of his 居民身份证 as a QR code and
// link; an anonymous verifier opens the link and sees 验证通过 with only those fields; an officer of the issuing
// department (澜州市公安局明湖分局) revokes the licence; the same link now shows 验证未通过 with the status check failed.
// Last, the verification page in English.
import jsQR from 'jsqr';
import { hasText, loginViaUi, until, visible } from '../lib.mjs';

export const title = 'zhangsan shows two fields of his ID card by QR code; a verifier sees 验证通过; the police bureau revokes it; the link shows 验证未通过';

const ID_CARD = '居民身份证';
const OFFICER = 'mh_ga_ck1';
const CHOSEN = ['holder_name', 'birthDate'];

async function logout(page, context, baseUrl) {
  await context.clearCookies();
  await page.goto(baseUrl + '/login');
  await visible(page.getByTestId('login-username'), 'login form after logging out');
}

/** The text a QR code image on the page encodes (drawn to a canvas in the page, decoded here with jsQR). */
async function readQr(page, selector) {
  const img = await page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    await el.decode?.().catch(() => {});
    const size = 480;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(el, 0, 0, size, size);
    return { width: size, height: size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  }, selector);
  if (!img) throw new Error(`no QR code image at ${selector}`);
  const code = jsQR(Uint8ClampedArray.from(img.data), img.width, img.height);
  if (!code) throw new Error('the QR code could not be decoded');
  return code.data;
}

/** Keys of the disclosed fields shown on the verification page. */
const disclosedKeys = async (page) => (await page.getByTestId('disclosed-field').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).sort();

export default async function licences({ page, context, baseUrl, api, step }) {
  // the ID card's licence identifier and number, from the API (as zhangsan)
  const zs = await api.login('zhangsan');
  const wallet = (await api.get('/api/v1/licenses/wallet', { token: zs.token })).body;
  const idCard = wallet.items.find((l) => l.typeName === ID_CARD && l.status === 'valid');
  if (!idCard) throw new Error(`zhangsan has no valid ${ID_CARD} in the demo data: ${JSON.stringify(wallet).slice(0, 300)}`);
  const detail = (await api.get(`/api/v1/licenses/wallet/${encodeURIComponent(idCard.licenceId)}`, { token: zs.token })).body;
  const valueOf = (key) => String(detail.fields.find((f) => f.key === key)?.value ?? '');
  const hidden = ['address', 'ethnicity'].map(valueOf).filter(Boolean);
  let link = '';

  await step('zhangsan opens 我的证照 from the hall and sees his licences as cards', async () => {
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await (await visible(page.getByRole('link', { name: /我的证照/ }), 'the 我的证照 link on the hall')).click();
    await page.waitForURL(/\/hall\/licences$/);
    await visible(page.locator(`[data-testid="wallet-card"][data-licence-id="${idCard.licenceId}"]`), `the ${ID_CARD} card`);
    await hasText(page.getByTestId('wallet-cards'), /有效[\s\S]*已撤销/, 'a valid licence and the revoked old vehicle licence');
    const revoked = await page.locator('[data-testid="wallet-card"][data-status="revoked"]').count();
    if (revoked < 1) throw new Error('the revoked 机动车行驶证 should show as 已撤销');
  });

  await step(`he opens his ${ID_CARD} and sees every field with its level`, async () => {
    await page.locator(`[data-testid="wallet-card"][data-licence-id="${idCard.licenceId}"]`).click();
    await page.waitForURL(/\/hall\/licences\/.+/);
    await hasText(page.getByTestId('licence-title'), ID_CARD, 'the licence name as the title');
    await hasText(page.getByTestId('licence-number'), idCard.number, 'the licence number');
    await hasText(page.getByTestId('licence-fields'), valueOf('address'), 'the address among the fields');
    await visible(page.getByTestId('licence-fields').getByTestId('level-L3'), 'an L3 level tag');
  });

  await step('he chooses to show his name and date of birth, for 10 minutes', async () => {
    await page.getByTestId('present-open').click();
    await visible(page.getByTestId('present-choose'), 'the choose-fields step');
    // the test id sits on the checkbox's input or on its label, depending on the antd version
    const checked = (key) => page.getByTestId(`present-field-${key}`).first().evaluate((el) => (el.matches('input') ? el : el.querySelector('input')).checked);
    if (!(await checked('holder_name'))) throw new Error('the name should be chosen by default');
    for (const key of ['holder_id', 'sex', 'ethnicity', 'birthDate', 'address']) if (await checked(key)) throw new Error(`${key} should not be chosen by default`);
    await page.getByTestId('present-field-birthDate').click();
    await page.getByTestId('present-ttl-10').click();
  });

  await step('he gets the QR code and the link, with a countdown', async () => {
    await page.getByTestId('present-create').click();
    await visible(page.getByTestId('present-ready'), 'the QR code step');
    link = await page.getByTestId('present-link').inputValue();
    if (!/\/verify\/licences\/(p\/)?[A-Za-z0-9_-]{16,}$/.test(link)) throw new Error(`unexpected link ${link}`);
    const qr = await readQr(page, '[data-testid="present-qr"]');
    if (qr !== link) throw new Error(`the QR code encodes ${qr}, not the link ${link}`);
    const seconds = Number(await page.getByTestId('present-countdown').getAttribute('data-seconds'));
    if (!(seconds > 540 && seconds <= 600)) throw new Error(`the countdown should start near 10:00, shows ${seconds} s`);
    await hasText(page.getByTestId('present-countdown'), /剩余 \d+:\d\d/, 'the countdown text');
    await hasText(page.getByTestId('present-shown'), /持证人[\s\S]*出生日期/, 'the chosen fields');
  });

  await step('an anonymous verifier opens the link and sees 验证通过 with only those two fields', async () => {
    await logout(page, context, baseUrl);
    await page.goto(link);
    await until(async () => (await page.getByTestId('verify-verdict').first().getAttribute('data-valid')) === 'true', 'the verdict is valid');
    await hasText(page.getByTestId('verify-verdict'), '验证通过', 'the big verdict');
    await visible(page.getByTestId('header-login'), 'the login button (nobody is logged in)');
    const keys = await disclosedKeys(page);
    if (keys.join(',') !== [...CHOSEN].sort().join(',')) throw new Error(`disclosed fields should be exactly ${CHOSEN}, are ${keys}`);
    await hasText(page.getByTestId('verify-disclosed'), '张三', 'the name');
    await hasText(page.getByTestId('verify-disclosed'), valueOf('birthDate'), 'the date of birth');
    const text = await page.locator('#main').innerText();
    for (const v of [...hidden, detail.holderId]) if (text.includes(v)) throw new Error(`the page shows "${v}", which was not disclosed`);
    for (const check of ['signature', 'issuer_trust', 'status', 'validity', 'holder_binding', 'nonce', 'audience', 'disclosure']) {
      const ok = await page.getByTestId(`check-${check}`).getAttribute('data-ok');
      if (ok !== 'true') throw new Error(`check ${check} should pass, is ${ok}`);
    }
    await hasText(page.getByTestId('verify-issuer'), /澜州市公安局明湖分局[\s\S]*可信发证机关/, 'the issuer, trusted');
  });

  await step('an officer of 澜州市公安局明湖分局 finds the licence and revokes it with a reason', async () => {
    await page.goto(baseUrl + '/login');
    await loginViaUi(page, baseUrl, OFFICER);
    await page.waitForURL(/\/workbench/);
    await (await visible(page.locator('.tb-nav').getByRole('link', { name: '证照管理' }), 'the 证照管理 link in the header')).click();
    await page.waitForURL(/\/workbench\/licences/);
    await page.getByTestId('issued-search').fill(idCard.number);
    await page.getByTestId('issued-search-submit').click();
    const row = page.locator(`[data-testid="issued-row"][data-number="${idCard.number}"]`);
    await visible(row, 'the licence in the issued list');
    await until(async () => (await page.getByTestId('issued-row').count()) === 1, 'the search leaves one row');
    await row.getByTestId('issued-revoke').click();
    await visible(page.getByTestId('status-action-modal'), 'the revoke dialog');
    await page.getByTestId('status-action-reason').fill('持证人身份证件信息登记错误，依法撤销该电子证照（明公撤字〔2026〕第0042号）。');
    await page.getByTestId('status-action-confirm').click();
    await until(async () => (await row.getAttribute('data-status')) === 'revoked', 'the row shows the licence revoked');
    await hasText(row, '已撤销', 'the 已撤销 status tag');
  });

  await step('the same link now shows 验证未通过, the status check failed', async () => {
    await logout(page, context, baseUrl);
    await page.goto(link);
    await until(async () => (await page.getByTestId('verify-verdict').first().getAttribute('data-valid')) === 'false', 'the verdict is not valid');
    await hasText(page.getByTestId('verify-verdict'), /验证未通过[\s\S]*撤销/, 'the verdict and its one-sentence reason');
    if ((await page.getByTestId('check-status').getAttribute('data-ok')) !== 'false') throw new Error('the status check should fail');
    await hasText(page.getByTestId('check-status'), '已撤销该证照', 'the status check explained');
    if ((await page.getByTestId('check-signature').getAttribute('data-ok')) !== 'true') throw new Error('the signature itself is still valid');
    if ((await page.getByTestId('disclosed-field').count()) !== 0) throw new Error('no field is shown for a failed verification');
  });

  await step('the verification page in English', async () => {
    await page.getByTestId('lang-switch').click();
    await hasText(page.getByTestId('verify-verdict'), 'Not verified', 'the English verdict');
    await hasText(page.getByTestId('check-status'), 'revoked', 'the English status check');
  });

  await step('zhangsan sees the licence as 已撤销 in his wallet', async () => {
    await page.getByTestId('lang-switch').click();
    await page.goto(baseUrl + '/login');
    await loginViaUi(page, baseUrl, 'zhangsan');
    await page.waitForURL(/\/hall/);
    await page.goto(baseUrl + '/hall/licences');
    const card = page.locator(`[data-testid="wallet-card"][data-licence-id="${idCard.licenceId}"]`);
    await visible(card, `the ${ID_CARD} card`);
    await until(async () => (await card.getAttribute('data-status')) === 'revoked', 'the card shows revoked');
  });
}
