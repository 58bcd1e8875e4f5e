import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './model.js';
import { enterpriseRegistrationForm } from './testing/enterprise-registration.js';
import { definitionProblems, validateForm } from './validate.js';

type Loose = Record<string, any>;

/** A copy of the example form changed by `edit`, and its problems. */
function problemsAfter(edit: (d: Loose) => void, prefix?: string) {
  const d = structuredClone(enterpriseRegistrationForm) as unknown as Loose;
  edit(d);
  return definitionProblems(d, prefix);
}

describe('definitionProblems', () => {
  it('accepts the example form', () => {
    expect(definitionProblems(enterpriseRegistrationForm)).toEqual([]);
  });

  it('rejects keywords outside the subset at their path', () => {
    expect(problemsAfter((d) => (d.schema.properties.registeredCapital.multipleOf = 0.01))).toEqual([
      { field: 'schema.properties.registeredCapital.multipleOf', reason: 'keyword "multipleOf" is not supported in form fields (see docs/formats/forms.md)' },
    ]);
    expect(problemsAfter((d) => (d.schema.properties.shareholders.items.properties.name.$ref = '#/x'))).toEqual([
      { field: 'schema.properties.shareholders.items.properties.name.$ref', reason: 'keyword "$ref" is not supported in form fields (see docs/formats/forms.md)' },
    ]);
    expect(problemsAfter((d) => (d.schema.oneOf = [])))
      .toEqual([{ field: 'schema.oneOf', reason: 'is not part of the form definition format' }]);
  });

  it('rejects types outside the subset: nested objects, tables in tables', () => {
    const object = problemsAfter((d) => (d.schema.properties.address = { type: 'object', title: '地址', properties: {} }));
    expect(object).toHaveLength(2);
    expect(object).toContainEqual({ field: 'schema.properties.address.type', reason: 'must be one of: "string", "number", "integer", "boolean", "array"' });
    expect(object).toContainEqual({ field: 'schema.properties.address.properties', reason: 'keyword "properties" is not supported in form fields (see docs/formats/forms.md)' });
    const nested = problemsAfter((d) => (d.schema.properties.shareholders.items.properties.children = { type: 'array', title: '子表' }));
    expect(nested).toContainEqual({ field: 'schema.properties.shareholders.items.properties.children.type', reason: 'must be one of: "string", "number", "integer", "boolean"' });
    expect(problemsAfter((d) => (d.schema.properties.companyName.format = 'uri'))[0].field).toBe('schema.properties.companyName.format');
  });

  it('rejects keywords that do not apply to the type, and contradictions', () => {
    expect(problemsAfter((d) => (d.schema.properties.registeredCapital.maxLength = 10))).toEqual([
      { field: 'schema.properties.registeredCapital.maxLength', reason: 'does not apply to type number' },
    ]);
    expect(problemsAfter((d) => (d.schema.properties.companyName.minLength = 100))).toEqual([
      { field: 'schema.properties.companyName.minLength', reason: 'is greater than maxLength' },
    ]);
    expect(problemsAfter((d) => (d.schema.properties.postalCode.pattern = '([0-9]'))).toEqual([
      { field: 'schema.properties.postalCode.pattern', reason: 'is not a valid regular expression (Unicode mode)' },
    ]);
    expect(problemsAfter((d) => (d.schema.properties.registeredCapital.enum = [1, '2']))).toEqual([
      { field: 'schema.properties.registeredCapital.enum.1', reason: 'is not a value of type number' },
    ]);
    expect(problemsAfter((d) => d.schema.properties.companyType['x-enum-titles'].pop())).toEqual([
      { field: 'schema.properties.companyType.x-enum-titles', reason: 'must have one title per enum value (4)' },
    ]);
    expect(problemsAfter((d) => (d.schema.properties.pledge.enum = [false]))).toEqual([
      { field: 'schema.properties.pledge.enum', reason: 'of a boolean can only be [true] (must be ticked)' },
    ]);
    // (and the layout's `shareholders.*` keys no longer name columns)
    expect(problemsAfter((d) => delete d.schema.properties.shareholders.items)[0]).toEqual({
      field: 'schema.properties.shareholders.items',
      reason: 'a table (type array) describes its row in items',
    });
  });

  it('checks names: fields, required, reserved words', () => {
    expect(problemsAfter((d) => (d.schema.properties['company-name'] = { type: 'string', title: 'x' }))[0]).toEqual({
      field: 'schema.properties.company-name',
      reason: 'is not a valid name: a letter, then up to 39 letters, digits or _',
    });
    expect(problemsAfter((d) => d.schema.required.push('nickname'))).toEqual([{ field: 'schema.required.16', reason: '"nickname" is not a field of the form' }]);
    expect(problemsAfter((d) => d.schema.properties.shareholders.items.required.push('share'))).toEqual([
      { field: 'schema.properties.shareholders.items.required.7', reason: '"share" is not a column of this table' },
    ]);
    const reserved = problemsAfter((d) => {
      d.schema.properties.constructor = { type: 'string', title: '构造' };
      d.layout.sections[0].fields.push('constructor');
    });
    expect(reserved).toEqual([{ field: 'schema.properties.constructor', reason: '"constructor" is a reserved name' }]);
  });

  it('checks the sections: every field placed exactly once', () => {
    expect(problemsAfter((d) => d.layout.sections[1].fields.pop())).toEqual([
      { field: 'schema.properties.postalCode', reason: 'is not placed in any section (layout.sections[].fields)' },
    ]);
    expect(problemsAfter((d) => d.layout.sections[0].fields.push('address'))).toEqual([
      { field: 'layout.sections.1.fields.1', reason: '"address" is already placed at layout.sections.0.fields.4' },
    ]);
    expect(problemsAfter((d) => d.layout.sections[0].fields.push('ghost'))).toEqual([{ field: 'layout.sections.0.fields.4', reason: '"ghost" is not a field of the form' }]);
    expect(problemsAfter((d) => (d.layout.sections[1].key = 'basic'))).toEqual([{ field: 'layout.sections.1.key', reason: '"basic" is used by another section' }]);
  });

  it('checks widgets against types and formats', () => {
    expect(problemsAfter((d) => (d.layout.widgets.registeredCapital = 'textarea'))).toEqual([
      { field: 'layout.widgets.registeredCapital', reason: 'widget "textarea" cannot show a field of type number' },
    ]);
    expect(problemsAfter((d) => (d.layout.widgets.address = 'select'))).toEqual([{ field: 'layout.widgets.address', reason: 'widget "select" needs an enum of choices' }]);
    expect(problemsAfter((d) => (d.layout.widgets.contactName = 'idNumber'))).toEqual([
      { field: 'layout.widgets.contactName', reason: 'widget "idNumber" goes with format "tongban-id-number"' },
    ]);
    expect(problemsAfter((d) => (d.layout.widgets['shareholders.share'] = 'input'))).toEqual([
      { field: 'layout.widgets.shareholders.share', reason: '"shareholders.share" is not a field or table column of the form' },
    ]);
    expect(problemsAfter((d) => (d.layout.widgets.shareholders = 'select'))[0]).toEqual({ field: 'layout.widgets.shareholders', reason: 'widget "select" cannot show a field of type array' });
    expect(problemsAfter((d) => (d.layout.widgets.address = 'slider'))[0]).toMatchObject({ field: 'layout.widgets.address' });
  });

  it('checks visibleIf: targets, tests, values and cycles', () => {
    expect(problemsAfter((d) => (d.layout.visibleIf.supervisorName = { field: 'companyKind', equals: 'x' }))).toEqual([
      { field: 'layout.visibleIf.supervisorName.field', reason: '"companyKind" is not a field of the form' },
    ]);
    expect(problemsAfter((d) => (d.layout.visibleIf.supervisorName = { field: 'companyType', equals: '有限公司' }))).toEqual([
      { field: 'layout.visibleIf.supervisorName.equals', reason: '"有限公司" is not one of the choices of "companyType"' },
    ]);
    expect(problemsAfter((d) => (d.layout.visibleIf.directorCount = { field: 'governance', equals: 'board', notEmpty: true }))).toEqual([
      { field: 'layout.visibleIf.directorCount', reason: 'needs exactly one of equals, in, notEmpty' },
    ]);
    expect(problemsAfter((d) => (d.layout.visibleIf.postalCode = { field: 'registeredCapital', in: ['100'] }))).toEqual([
      { field: 'layout.visibleIf.postalCode.in', reason: '"100" is not a value of type number' },
    ]);
    expect(problemsAfter((d) => (d.layout.visibleIf['shareholders.uscc'] = { field: 'companyType', equals: '有限责任公司' }))).toEqual([
      { field: 'layout.visibleIf.shareholders.uscc.field', reason: '"companyType" is not a column of the same table' },
    ]);
    const cycle = problemsAfter((d) => (d.layout.visibleIf.companyType = { field: 'directorCount', notEmpty: true }));
    expect(cycle).toContainEqual({ field: 'layout.visibleIf.companyType', reason: 'the conditions of visibleIf form a cycle' });
    expect(problemsAfter((d) => (d.layout.visibleIf.companyName = { field: 'shareholders', notEmpty: true }))).toEqual([
      { field: 'layout.visibleIf.companyName.field', reason: 'a field cannot depend on a table' },
    ]);
  });

  it('checks help and prefill', () => {
    expect(problemsAfter((d) => (d.layout.help.ghost = { zh: '说明', en: 'Help' }))).toEqual([{ field: 'layout.help.ghost', reason: '"ghost" is not a field or table column of the form' }]);
    expect(problemsAfter((d) => (d.prefill.legalRepName.attribute = 'fullName'))).toEqual([
      {
        field: 'prefill.legalRepName.attribute',
        reason: 'the person registry has no attribute "fullName" (known: name, idNumber, sex, birthDate, ethnicity, hukouAddress, residenceAddress, phone, maritalStatus, regionCode)',
      },
    ]);
    expect(problemsAfter((d) => (d.prefill.shareholders = { source: 'enterprise', attribute: 'name', lock: false }))).toEqual([
      { field: 'prefill.shareholders', reason: 'a table cannot be prefilled' },
    ]);
    expect(problemsAfter((d) => (d.prefill.legalRepName.source = 'vehicle'))[0]).toEqual({ field: 'prefill.legalRepName.source', reason: 'must be one of: "person", "enterprise"' });
  });

  it('reports missing parts and a prefix', () => {
    expect(definitionProblems({ schema: { type: 'object', properties: {} } })).toEqual([{ field: 'layout', reason: 'is required' }]);
    expect(definitionProblems('form')).toEqual([{ field: '', reason: 'must be of type object' }]);
    expect(problemsAfter((d) => (d.schema.properties.registeredCapital.maxLength = 10), 'guide.form')).toEqual([
      { field: 'guide.form.schema.properties.registeredCapital.maxLength', reason: 'does not apply to type number' },
    ]);
  });

  it('the example form is typed as a FormDefinition', () => {
    const f: FormDefinition = enterpriseRegistrationForm;
    expect(Object.keys(f.schema.properties)).toHaveLength(18);
  });
});

describe('docs/formats/forms.md', () => {
  it('its example is a valid definition, and a realistic submission passes it', () => {
    const doc = readFileSync(new URL('../../../docs/formats/forms.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    const def = JSON.parse(json ?? 'null') as FormDefinition;
    expect(definitionProblems(def)).toEqual([]);
    const r = validateForm(def, {
      companyName: '澜州市青禾餐饮管理有限公司', companyType: '合伙企业', registeredCapital: 50, businessScope: '餐饮服务', regionCode: '390102',
      address: '明湖区柳岸街 56 号', legalRepName: '林晓峰', legalRepIdNumber: '390102198604180375', legalRepPhone: '13905710001',
      shareholders: [{ kind: 'person', name: '林晓峰', idNumber: '390102198604180375', amount: 50, dueDate: '2030-12-31' }], pledge: true,
    }, { lang: 'zh-CN' });
    expect(r.errors).toEqual([]);
  });
});
