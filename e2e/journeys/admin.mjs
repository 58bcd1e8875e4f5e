// The platform admin adds a department in 部门管理, is stopped by a wrong USCC first, finds the new department in the
// table and through the API, then sees the change in 审计日志 (the audit trail).
import { breakUscc, hasText, loginViaUi, pickSelect, randomUscc, until, visible } from '../lib.mjs';

export const title = 'admin creates a department (invalid USCC refused first), finds it in the table, the API and the audit log';

const REGION = '390102';

export default async function admin({ page, baseUrl, api, step }) {
  const uscc = randomUscc(REGION);
  const name = `端到端测试局${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const { token } = await api.login('admin');
  const findByName = async () => {
    const r = await api.get(`/api/v1/org/departments?q=${encodeURIComponent(name)}&limit=20`, { token });
    if (r.status !== 200) throw new Error(`GET /api/v1/org/departments?q=…: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.items.filter((d) => d.name === name);
  };

  await step('log in as admin', async () => {
    await loginViaUi(page, baseUrl, 'admin');
    await page.waitForURL(/\/admin/);
    await visible(page.getByTestId('admin-title'), 'admin title');
  });

  await step('open 部门管理', async () => {
    await page.locator('.ant-menu-item', { hasText: '部门管理' }).first().click();
    await page.waitForURL(/\/admin\/departments/);
    await visible(page.getByTestId('dept-table'), 'department table');
  });

  const fillForm = async (code) => {
    await (await visible(page.getByTestId('dept-form-uscc'), 'USCC field')).fill(code);
    await page.getByTestId('dept-form-name').first().fill(name);
    await pickSelect(page, page.getByTestId('dept-form-kind'), '市场监督管理');
    await pickSelect(page, page.getByTestId('dept-form-region'), /明湖/, { type: '明湖' });
    await page.getByTestId('dept-form-phone').first().fill('0590-88610000');
    await page.getByTestId('dept-form-address').first().fill('澜州市明湖区政务服务中心 3 楼');
  };

  await step('an invalid USCC is refused and nothing is created', async () => {
    await page.getByTestId('dept-create-button').first().click();
    await fillForm(breakUscc(uscc));
    await page.getByTestId('dept-form-submit').first().click();
    // The form (or the server, through the form) says what is wrong with the code, and the dialog stays open.
    await visible(page.locator('.ant-form-item-explain-error, .ant-alert-error, .ant-message-error').filter({ hasText: /信用代码|校验/ }), 'an error about the USCC');
    await visible(page.getByTestId('dept-form-uscc'), 'the department form, still open');
    if ((await findByName()).length !== 0) throw new Error('a department was created from an invalid USCC');
    // The server refuses it too, whatever the browser checks.
    const direct = await api.post('/api/v1/org/departments', { uscc: breakUscc(uscc), name, kind: 'market_regulation', regionCode: REGION, phone: '0590-88610000', address: '澜州市明湖区政务服务中心' }, { token });
    if (direct.status !== 400 || direct.body?.error?.code !== 'org.invalid_uscc') {
      throw new Error(`POST /api/v1/org/departments with an invalid USCC: expected 400 org.invalid_uscc, got ${direct.status} ${JSON.stringify(direct.body)}`);
    }
    if ((await findByName()).length !== 0) throw new Error('a department was created from an invalid USCC (API)');
  });

  await step('the corrected USCC creates the department', async () => {
    await page.getByTestId('dept-form-uscc').first().fill(uscc);
    await page.getByTestId('dept-form-submit').first().click();
    await hasText(page.getByTestId('dept-table'), name, 'department table with the new department');
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' }).catch(() => {});
  });

  await step('the API returns the new department', async () => {
    const found = await until(async () => (await findByName())[0], `GET /api/v1/org/departments?q=${name} finds the department`);
    if (found.uscc !== uscc || found.regionCode !== REGION) throw new Error(`API returned ${JSON.stringify(found)}; expected uscc ${uscc} in region ${REGION}`);
  });

  await step('open 审计日志 and find org.department.created', async () => {
    await page.locator('.ant-menu-item', { hasText: '审计日志' }).first().click();
    await page.waitForURL(/\/admin\/audit/);
    const table = await visible(page.getByTestId('audit-table'), 'audit table');
    await hasText(table, 'org.department.created', 'audit table');
  });

  await step('check the audit chain (完整性校验)', async () => {
    await page.getByTestId('audit-verify').first().click();
    const result = await visible(page.getByTestId('audit-verify-result'), 'the audit chain check result');
    if (!(await result.evaluate((el) => el.classList.contains('ant-alert-success')))) {
      throw new Error(`the audit chain check did not succeed: ${(await result.innerText()).replace(/\s+/g, ' ')}`);
    }
  });
}
