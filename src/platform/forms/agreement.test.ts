import { describe, expect, it } from 'vitest';
import { generateCitizenId, generateUscc } from '../codes.js';
import { mulberry32 } from '../prng.js';
import { applyPrefill, checkForm, messageFor } from './rules.js';
import { enterpriseRegistrationForm as form } from './testing/enterprise-registration.js';
import { validateForm } from './validate.js';

/*
 * The browser checks forms with rules.checkForm (plain TypeScript); the server with Ajv (validate.ts). They must give
 * the same errors, word for word, or the applicant sees one thing in the browser and another after submitting.
 * Thousands of randomly damaged submissions of the example form are checked both ways.
 */

const ID = generateCitizenId('390102', '1986-04-18', 37, 'M');
const USCC = generateUscc('9', '1', '390102', 'MA7K2Q3B');

function base(): Record<string, unknown> {
  return {
    companyName: '澜州市青禾餐饮管理有限公司',
    companyType: '有限责任公司',
    registeredCapital: 100,
    businessScope: '餐饮服务；餐饮管理',
    regionCode: '390102',
    address: '城关区滨江路 88 号',
    postalCode: '390100',
    legalRepName: '林晓峰',
    legalRepIdNumber: ID,
    legalRepPhone: '13905710001',
    governance: 'board',
    directorCount: 5,
    supervisorName: '周敏',
    shareholders: [
      { kind: 'person', name: '林晓峰', idNumber: ID, amount: 60, method: '货币', dueDate: '2030-12-31' },
      { kind: 'enterprise', name: '云澜青禾投资有限公司', uscc: USCC, amount: 40, method: '实物', dueDate: '2031-06-30' },
    ],
    contactName: '周敏',
    contactPhone: '0571-88001234',
    contactEmail: 'zhou@example.cn',
    pledge: true,
  };
}

/** Values that break something: wrong types, empties, bad codes, limits, unknown things. */
const BAD_VALUES: unknown[] = [
  undefined, null, '', '   ', 0, -1, 0.5, 3.5, 14, 1e9, true, false, [], [{}], {}, 'x', 'ab', '有限公司', 'board', 'director',
  'person', 'enterprise', '390002', '000000', '2030-02-30', '2030-1-1', 'a@b', 'x'.repeat(2001), '青'.repeat(61), '😀😀😀',
  ' 13905710001 ', '12345', ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'), ID.toLowerCase(), USCC.slice(0, 17) + 'I', USCC,
  ID, '390100', 'zhou@example.cn', '有限责任公司', '个人独资企业',
];
const FIELDS = Object.keys(form.schema.properties);
const COLUMNS = Object.keys(form.schema.properties.shareholders.items?.properties ?? {});

function damage(rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const data = base();
  const rows = data.shareholders as Array<Record<string, unknown>>;
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const v = pick(BAD_VALUES);
    if (r < 0.45) {
      const f = pick(FIELDS);
      if (v === undefined) delete data[f];
      else data[f] = v;
    } else if (r < 0.85 && rows.length) {
      const row = rows[Math.floor(rnd() * rows.length)];
      if (typeof row !== 'object' || row === null) continue;
      const c = pick(COLUMNS);
      if (v === undefined) delete row[c];
      else row[c] = v;
    } else if (r < 0.9) {
      rows.push(pick([null, 'row', {}, { kind: 'person' }, { kind: 'enterprise', uscc: USCC }]) as Record<string, unknown>);
    } else if (r < 0.95) {
      data[pick(['extra', 'constructor', 'toString', 'isAdmin'])] = v ?? 1;
    } else {
      const row = rows[0];
      if (typeof row === 'object' && row !== null) row[pick(['share', 'note'])] = v ?? 1;
    }
  }
  return data;
}

describe('rules.checkForm and the Ajv validator agree', () => {
  it('on 4000 damaged submissions, in both languages, with and without locked values', () => {
    const rnd = mulberry32(20261001);
    let failing = 0;
    for (let i = 0; i < 4000; i++) {
      const data = damage(rnd);
      const lang = i % 2 ? 'en' : 'zh-CN';
      const locked = i % 3 ? { legalRepName: '林晓峰', legalRepIdNumber: ID } : undefined;
      const server = validateForm(form, data, { lang, locked });
      const browser = checkForm(form, data, { lang, locked });
      expect(browser, JSON.stringify(data)).toEqual(server);
      // The browser re-words a server error from its code alone (when the language changes): the same text.
      for (const e of server.errors) expect(messageFor(form, e.field, e.code, lang)).toBe(e.message);
      if (!server.ok) failing++;
    }
    // The damage is real: most submissions fail, a few survive (a hidden field damaged, a value that happens to fit).
    expect(failing).toBeGreaterThan(3000);
  });
});

describe('helpers the browser uses', () => {
  it('messageFor(short) names only the cell', () => {
    expect(messageFor(form, 'shareholders.2.idNumber', 'form.id_number_check_digit', 'zh-CN', true)).toBe('「身份证号」校验位不正确，请核对');
    expect(messageFor(form, 'shareholders.0.amount', 'form.minimum', 'en', true)).toBe('“Subscribed (10,000 CNY)” must be 0.01 or more');
    expect(messageFor(form, 'companyName', 'form.max_length', 'zh-CN', true)).toBe('「企业名称」最多填写 60 个字');
  });

  it('applyPrefill: locked values always, the others only into empty fields', () => {
    const prefill = {
      legalRepName: { value: '林晓峰', sourceDepartment: '澜州市公安局', updatedAt: '2026-10-01T00:00:00Z', locked: true },
      legalRepPhone: { value: '13905710001', sourceDepartment: '澜州市公安局', updatedAt: '2026-10-01T00:00:00Z', locked: false },
      notAField: { value: 'x', sourceDepartment: '—', updatedAt: '2026-10-01T00:00:00Z', locked: true },
    };
    expect(applyPrefill(form, { legalRepName: '别人', legalRepPhone: '13800000000' }, prefill)).toEqual({ legalRepName: '林晓峰', legalRepPhone: '13800000000' });
    expect(applyPrefill(form, { legalRepPhone: '' }, prefill)).toEqual({ legalRepName: '林晓峰', legalRepPhone: '13905710001' });
  });
});
