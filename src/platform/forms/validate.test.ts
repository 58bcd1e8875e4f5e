import { describe, expect, it, vi } from 'vitest';
import { generateCitizenId, generateUscc } from '../codes.js';
import { AppError } from '../errors.js';
import type { FormDefinition } from './model.js';
import { checkForm } from './rules.js';
import { enterpriseRegistrationForm as form } from './testing/enterprise-registration.js';
import { compileForm, toJsonSchema, validateForm } from './validate.js';

const REP_ID = generateCitizenId('390102', '1986-04-18', 37, 'M');
const HOLDER_ID = generateCitizenId('390103', '1990-11-02', 52, 'F');
const HOLDER_USCC = generateUscc('9', '1', '390102', 'MA7K2Q3B');
/** The same ID with a wrong check character. */
const badCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

function valid(): Record<string, unknown> {
  return {
    companyName: '澜州市青禾餐饮管理有限公司',
    companyType: '有限责任公司',
    registeredCapital: 100,
    businessScope: '餐饮服务；餐饮管理；食品销售',
    regionCode: '390102',
    address: '城关区滨江路 88 号 2 层',
    legalRepName: '林晓峰',
    legalRepIdNumber: REP_ID,
    legalRepPhone: '13905710001',
    governance: 'director',
    supervisorName: '周敏',
    shareholders: [
      { kind: 'person', name: '林晓峰', idNumber: REP_ID, amount: 60, method: '货币', dueDate: '2030-12-31' },
      { kind: 'enterprise', name: '云澜青禾投资有限公司', uscc: HOLDER_USCC, amount: 40, method: '货币', dueDate: '2030-12-31' },
    ],
    contactName: '周敏',
    contactPhone: '0571-88001234',
    pledge: true,
  };
}

const locked = { legalRepName: '林晓峰', legalRepIdNumber: REP_ID };
const zh = (data: unknown, opts: { locked?: Record<string, unknown> } = {}) => validateForm(form, data, { lang: 'zh-CN', ...opts });
const en = (data: unknown, opts: { locked?: Record<string, unknown> } = {}) => validateForm(form, data, { lang: 'en', ...opts });
const byField = (r: { errors: Array<{ field: string; code: string; message: string }> }) => Object.fromEntries(r.errors.map((e) => [e.field, e]));

describe('a valid 企业设立登记 form', () => {
  it('passes in both languages, with strings trimmed and hidden fields dropped', () => {
    const data = { ...valid(), companyName: '  澜州市青禾餐饮管理有限公司 ', directorCount: 5, postalCode: '' };
    for (const r of [zh(data, { locked }), en(data, { locked })]) {
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.value.companyName).toBe('澜州市青禾餐饮管理有限公司');
      expect(r.value).not.toHaveProperty('directorCount'); // governance = director: hidden
      expect(r.value).not.toHaveProperty('postalCode'); // empty = absent
    }
  });

  it('upper-cases a lowercase x in an ID number before checking it', () => {
    let x = '';
    for (let seq = 0; !x && seq < 1000; seq++) {
      const id = generateCitizenId('390102', '1979-01-01', seq, 'F');
      if (id.endsWith('X')) x = id;
    }
    expect(x).toBeTruthy();
    const data = valid();
    (data.shareholders as Array<Record<string, unknown>>)[0].idNumber = x.toLowerCase();
    const r = zh(data);
    expect(r.errors).toEqual([]);
    expect((r.value.shareholders as Array<Record<string, unknown>>)[0].idNumber).toBe(x);
  });
});

describe('messages name the field, in Chinese and in English', () => {
  it('missing required fields', () => {
    const data = valid();
    delete data.companyName;
    delete data.companyType;
    data.contactPhone = '   ';
    delete data.pledge;
    const z = byField(zh(data));
    expect(z.companyName).toMatchObject({ code: 'form.required', message: '请填写「企业名称」' });
    expect(z.companyType).toMatchObject({ code: 'form.required_choice', message: '请选择「企业类型」' });
    expect(z.contactPhone).toMatchObject({ code: 'form.required', message: '请填写「联络员电话」' });
    expect(z.pledge).toMatchObject({ code: 'form.must_accept', message: '请勾选「本人承诺所填信息真实、有效」' });
    const e = byField(en(data));
    expect(e.companyName.message).toBe('Enter “Company name”');
    expect(e.companyType.message).toBe('Choose “Type of company”');
    expect(e.pledge.message).toBe('Tick “I confirm that the information given is true and complete”');
  });

  it('errors come in the order of the form', () => {
    const r = zh({ pledge: false });
    const fields = r.errors.map((e) => e.field);
    expect(fields.indexOf('companyName')).toBeLessThan(fields.indexOf('regionCode'));
    expect(fields.indexOf('regionCode')).toBeLessThan(fields.indexOf('shareholders'));
    expect(fields.at(-1)).toBe('pledge');
    // A company type is missing, so the fields shown only for a limited liability company are not asked for.
    expect(fields).not.toContain('supervisorName');
    expect(fields).not.toContain('governance');
  });

  it('wrong types', () => {
    const data = { ...valid(), registeredCapital: '100', companyName: 42, pledge: 'yes', governance: 'board', directorCount: 3.5 };
    const z = byField(zh(data));
    expect(z.registeredCapital).toMatchObject({ code: 'form.type_number', message: '「注册资本（万元）」应填写数字' });
    expect(z.companyName).toMatchObject({ code: 'form.type_string', message: '「企业名称」应填写文字' });
    expect(z.pledge).toMatchObject({ code: 'form.type_boolean' });
    expect(z.directorCount).toMatchObject({ code: 'form.type_integer', message: '「董事人数」应填写整数' });
    const e = byField(en(data));
    expect(e.registeredCapital.message).toBe('“Registered capital (10,000 CNY)” must be a number');
    expect(e.directorCount.message).toBe('“Number of directors” must be a whole number');
    const notAnObject = zh([1, 2]);
    expect(notAnObject.errors).toEqual([{ field: '', code: 'form.not_object', message: '表单内容应为一组字段' }]);
  });

  it('limits, patterns, enums and formats', () => {
    const data = {
      ...valid(),
      companyName: '青禾',
      registeredCapital: -1,
      postalCode: '31000',
      companyType: '有限公司',
      regionCode: '390002',
      contactEmail: 'not-an-email',
      legalRepPhone: '12345',
    };
    const z = byField(zh(data));
    expect(z.companyName.message).toBe('「企业名称」至少填写 4 个字');
    expect(z.registeredCapital.message).toBe('「注册资本（万元）」不能小于 0');
    expect(z.postalCode.message).toBe('「邮政编码」格式不正确');
    expect(z.companyType.message).toBe('「企业类型」请从给出的选项中选择');
    expect(z.regionCode.message).toBe('「住所所在地区」不是有效的行政区划');
    expect(z.contactEmail.message).toBe('「电子邮箱」不是有效的电子邮箱');
    expect(z.legalRepPhone.message).toBe('「法定代表人联系电话」应为手机号或带区号的固定电话');
    const e = byField(en(data));
    expect(e.companyName.message).toBe('“Company name” must be at least 4 characters');
    expect(e.registeredCapital.message).toBe('“Registered capital (10,000 CNY)” must be 0 or more');
    expect(e.companyType.message).toBe('Choose “Type of company” from the options given');
  });

  it('a wrong check digit in a table row names the row and the column', () => {
    const data = valid();
    const rows = data.shareholders as Array<Record<string, unknown>>;
    rows.push({ kind: 'person', name: '陈雨', idNumber: badCheck(HOLDER_ID), amount: 10, method: '货币', dueDate: '2030-02-30' });
    rows[1].uscc = badCheck(HOLDER_USCC);
    const z = byField(zh(data));
    expect(z['shareholders.2.idNumber']).toMatchObject({ code: 'form.id_number_check_digit', message: '「股东（出资人）」第 3 行「身份证号」校验位不正确，请核对' });
    expect(z['shareholders.2.dueDate']).toMatchObject({ code: 'form.date' });
    expect(z['shareholders.1.uscc']).toMatchObject({ code: 'form.uscc_check_digit', message: '「股东（出资人）」第 2 行「统一社会信用代码」校验位不正确，请核对' });
    const e = byField(en(data));
    expect(e['shareholders.2.idNumber'].message).toBe('The check digit of “ID number” in row 3 of “Shareholders” is wrong: please check the number');
    expect(e['shareholders.2.dueDate'].message).toBe('“Due by” in row 3 of “Shareholders” is not a valid date: write it as YYYY-MM-DD, e.g. 2026-01-31');
  });

  it('other ID-number problems say what is wrong', () => {
    const data = valid();
    const rows = data.shareholders as Array<Record<string, unknown>>;
    rows[0].idNumber = '39010219861';
    rows.push({ kind: 'person', name: '甲', idNumber: '390102' + '21000101' + '0012', amount: 1, method: '货币', dueDate: '2030-01-01' });
    const z = byField(zh(data));
    expect(z['shareholders.0.idNumber'].code).toBe('form.id_number_length');
    expect(z['shareholders.2.idNumber'].code).toBe('form.id_number_birth_date');
  });
});

describe('visibleIf', () => {
  it('a hidden field is ignored, even with a wrong value', () => {
    const data = { ...valid(), companyType: '个人独资企业', supervisorName: 12345, governance: 'nonsense', directorCount: 'x' };
    const r = zh(data);
    expect(r.errors).toEqual([]);
    expect(r.value).not.toHaveProperty('supervisorName');
    expect(r.value).not.toHaveProperty('governance');
    expect(r.value).not.toHaveProperty('directorCount');
  });

  it('a shown field that is required is required', () => {
    const data = valid();
    delete data.supervisorName;
    delete data.governance;
    const z = byField(zh(data));
    expect(z.supervisorName.message).toBe('请填写「监事姓名」');
    expect(z.governance.message).toBe('请选择「组织机构形式」');
    expect(z).not.toHaveProperty('directorCount'); // hidden: its condition's field is missing
  });

  it('conditions chain: 企业类型 → 组织机构形式 → 董事人数', () => {
    const board = { ...valid(), governance: 'board' };
    expect(byField(zh(board)).directorCount.message).toBe('请填写「董事人数」');
    expect(zh({ ...board, directorCount: 5 }).ok).toBe(true);
    // With a sole proprietorship the governance is hidden, so the director count is hidden too.
    const sole = { ...board, companyType: '个人独资企业', directorCount: 99 };
    const r = zh(sole);
    expect(r.errors).toEqual([]);
    expect(r.value).not.toHaveProperty('directorCount');
  });

  it('columns depend on another column of the same row', () => {
    const data = valid();
    const rows = data.shareholders as Array<Record<string, unknown>>;
    delete rows[1].uscc;
    rows[1].idNumber = 'ignored, the shareholder is a company';
    const r = zh(data);
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([['shareholders.1.uscc', 'form.required']]);
    expect(r.errors[0].message).toBe('请填写「股东（出资人）」第 2 行「统一社会信用代码」');
    expect(en(data).errors[0].message).toBe('Enter “USCC” in row 2 of “Shareholders”');
    expect((r.value.shareholders as Array<Record<string, unknown>>)[1]).not.toHaveProperty('idNumber');
  });

  it('the compiled JSON Schema carries the conditional requirements as if/then', () => {
    const s = toJsonSchema(form) as { required: string[]; allOf: unknown[]; properties: Record<string, { items?: { allOf?: unknown[] } }> };
    expect(s.required).not.toContain('supervisorName');
    expect(s.allOf).toContainEqual({
      if: { type: 'object', required: ['companyType'], properties: { companyType: { const: '有限责任公司' } } },
      then: { type: 'object', required: ['supervisorName'] },
    });
    expect(s.properties.shareholders.items?.allOf).toHaveLength(2);
  });
});

describe('locked prefill fields', () => {
  it('the registry value passes; a forged one is rejected naming the field', () => {
    expect(zh(valid(), { locked }).ok).toBe(true);
    const forged = { ...valid(), legalRepIdNumber: HOLDER_ID };
    const r = zh(forged, { locked });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { field: 'legalRepIdNumber', code: 'form.locked_field_changed', message: '「法定代表人身份证号」由政府部门核验，不能修改' },
    ]);
    expect(en(forged, { locked }).errors[0].message).toBe('“ID number of the legal representative” is verified by a government department and cannot be changed');
  });

  it('a removed locked value is rejected too, and whitespace does not count as a change', () => {
    const removed = valid();
    delete removed.legalRepName;
    expect(byField(zh(removed, { locked })).legalRepName.code).toBe('form.locked_field_changed');
    expect(zh({ ...valid(), legalRepName: ' 林晓峰 ' }, { locked }).ok).toBe(true);
  });

  it('an unlocked prefilled field may be changed', () => {
    expect(zh({ ...valid(), legalRepPhone: '13800000000' }, { locked: { ...locked, legalRepPhone: '13905710001' } }).ok).toBe(true);
  });
});

describe('unknown fields', () => {
  it('are rejected at the top and in rows', () => {
    const data = valid();
    data.isAdmin = true;
    (data.shareholders as Array<Record<string, unknown>>)[0].share = '60%';
    const z = byField(zh(data));
    expect(z.isAdmin).toMatchObject({ code: 'form.unknown_field', message: '表单中没有「isAdmin」这一项' });
    expect(z['shareholders.0.share']).toMatchObject({ code: 'form.unknown_field' });
    expect(byField(en(data)).isAdmin.message).toBe('The form has no field “isAdmin”');
  });

  it('names of Object.prototype are not fields', () => {
    const r = zh(JSON.parse(`{"constructor": "x", ${JSON.stringify(valid()).slice(1)}`));
    expect(byField(r).constructor).toMatchObject({ code: 'form.unknown_field' });
  });
});

describe('tables', () => {
  it('row counts, row types and the table type', () => {
    expect(byField(zh({ ...valid(), shareholders: [] })).shareholders.message).toBe('「股东（出资人）」至少填写 1 行');
    expect(byField(en({ ...valid(), shareholders: [] })).shareholders.message).toBe('“Shareholders” needs at least 1 row');
    expect(byField(zh({ ...valid(), shareholders: 'none' })).shareholders.code).toBe('form.type_array');
    const r = byField(en({ ...valid(), shareholders: [null, 'x'] }));
    expect(r['shareholders.0'].message).toBe('Row 1 of “Shareholders” must be a table row');
    expect(r['shareholders.1'].code).toBe('form.type_object');
  });
});

describe('compileForm', () => {
  it('caches by the hash of the definition', () => {
    const a = compileForm(form);
    const b = compileForm(structuredClone(form));
    expect(b).toBe(a);
    const changed = structuredClone(form);
    changed.schema.properties.companyName.maxLength = 50;
    expect(compileForm(changed).hash).not.toBe(a.hash);
  });

  it('throws form.definition_invalid with the problems', () => {
    const bad = structuredClone(form) as unknown as { schema: { properties: Record<string, Record<string, unknown>> } };
    bad.schema.properties.registeredCapital.multipleOf = 0.01;
    try {
      compileForm(bad as unknown as FormDefinition);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('form.definition_invalid');
      expect((e as AppError).details).toEqual([{ field: 'schema.properties.registeredCapital.multipleOf', reason: 'keyword "multipleOf" is not supported in form fields (see docs/formats/forms.md)' }]);
    }
  });

  it('compiles in Ajv strict mode without warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    const changed = structuredClone(form);
    changed.schema.properties.address.maxLength = 99; // not cached yet
    compileForm(changed);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('the browser check (rules.checkForm) agrees with the server (Ajv)', () => {
  it('on the examples above', () => {
    const cases: unknown[] = [valid(), {}, { pledge: false }, [1], null, { ...valid(), registeredCapital: '1', shareholders: [null] }];
    for (const c of cases) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(checkForm(form, c, { lang, locked })).toEqual(validateForm(form, c, { lang, locked }));
      }
    }
  });
});
