// Helpers shared by the browser journeys (e2e/journeys/*.mjs). playwright-core has no `expect`, so the
// checks here poll the page until they hold or time out, with messages that say what was looked for.

export const DEMO_PASSWORD = 'Tongban@2026';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`not a USCC character: ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A valid, random USCC: registration authority 1 (organ), type 1, the given region, a random 9-character body. */
export function randomUscc(regionCode = '390102') {
  let body = '';
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = '11' + regionCode + body;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character. */
export function breakUscc(uscc) {
  const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(uscc[17]) + 1) % USCC_ALPHABET.length];
  return uscc.slice(0, 17) + wrong;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws `message` (and the last error) after `timeout` ms. */
export async function until(fn, message, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`${message} (waited ${timeout / 1000} s)${last ? `: ${last.message.split('\n')[0]}` : ''}`);
    await sleep(150);
  }
}

/** Waits until the locator's first match is visible. */
export async function visible(locator, what, timeout = 15_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    throw new Error(`${what} did not become visible within ${timeout / 1000} s`);
  }
  return locator.first();
}

/** Waits until the locator's text contains `text` (a string or RegExp). */
export async function hasText(locator, text, what, timeout = 15_000) {
  let seen = '';
  await until(
    async () => {
      seen = (await locator.first().innerText({ timeout: 1000 })) ?? '';
      return typeof text === 'string' ? seen.includes(text) : text.test(seen);
    },
    `${what}: expected text ${text} — saw "${seen.replace(/\s+/g, ' ').slice(0, 300)}"`,
    timeout,
  );
}

/** JSON over HTTP against the server under test. */
export function api(baseUrl) {
  const call = async (method, url, { token, body } = {}) => {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
  return {
    get: (url, opts) => call('GET', url, opts),
    post: (url, body, opts = {}) => call('POST', url, { ...opts, body }),
    async login(username, password = DEMO_PASSWORD) {
      const r = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (r.status !== 200 || !r.body?.token) throw new Error(`API login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

/** Logs in through the login page. */
export async function loginViaUi(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(baseUrl + '/login');
  await (await visible(page.getByTestId('login-username'), 'login username field')).fill(username);
  await page.getByTestId('login-password').first().fill(password);
  await page.getByTestId('login-submit').first().click();
}

/**
 * Picks an option of an Ant Design Select or TreeSelect: opens it (`trigger` is the Select or anything inside it),
 * optionally types to filter (both support search here), and clicks the option whose text matches `optionText`.
 */
export async function pickSelect(page, trigger, optionText, { type } = {}) {
  // Dropdowns animate open and closed; a click can land while the previous one is still closing. Pick, then check
  // (for up to a second) that the Select shows the choice, and try again (at most three times) when it does not.
  // The Select's root shows the chosen option; the test id may sit on the root or on its inner input.
  const root = trigger.first().locator("xpath=ancestor-or-self::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  for (let attempt = 1; ; attempt++) {
    await trigger.first().click();
    if (type) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(type);
    }
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await visible(dropdown, 'the open select dropdown', 5000);
    const option = dropdown.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: optionText }).first();
    await visible(option, `select option "${optionText}"`, 5000);
    await option.click();
    await dropdown.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    for (let i = 0; i < 10; i++) {
      if (await root.filter({ hasText: optionText }).count()) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select did not take the option "${optionText}"`);
  }
}
