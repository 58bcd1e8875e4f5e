import type { FormDefinition } from '../model.js';

/**
 * 企业设立登记 (company registration): the example form of docs/formats/forms.md and of the tests. Sections, a
 * conditional chain (企业类型 → 组织机构形式 → 董事人数), a table of shareholders whose ID columns depend on the
 * shareholder's kind, prefilled locked fields (the legal representative) and a confirmation box.
 */
export const enterpriseRegistrationForm: FormDefinition = {
  schema: {
    type: 'object',
    properties: {
      companyName: { type: 'string', title: '企业名称', 'x-title-en': 'Company name', minLength: 4, maxLength: 60 },
      companyType: {
        type: 'string',
        title: '企业类型',
        'x-title-en': 'Type of company',
        enum: ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业'],
        'x-enum-titles': [
          { zh: '有限责任公司', en: 'Limited liability company' },
          { zh: '股份有限公司', en: 'Company limited by shares' },
          { zh: '个人独资企业', en: 'Sole proprietorship' },
          { zh: '合伙企业', en: 'Partnership' },
        ],
      },
      registeredCapital: { type: 'number', title: '注册资本（万元）', 'x-title-en': 'Registered capital (10,000 CNY)', minimum: 0, maximum: 10000000 },
      businessScope: { type: 'string', title: '经营范围', 'x-title-en': 'Business scope', minLength: 4, maxLength: 1000 },
      regionCode: { type: 'string', title: '住所所在地区', 'x-title-en': 'Region of the address', format: 'tongban-region-code' },
      address: { type: 'string', title: '住所详细地址', 'x-title-en': 'Street address', minLength: 5, maxLength: 100 },
      postalCode: { type: 'string', title: '邮政编码', 'x-title-en': 'Postcode', pattern: '^[0-9]{6}$' },
      legalRepName: { type: 'string', title: '法定代表人姓名', 'x-title-en': 'Legal representative', maxLength: 40 },
      legalRepIdNumber: { type: 'string', title: '法定代表人身份证号', 'x-title-en': 'ID number of the legal representative', format: 'tongban-id-number' },
      legalRepPhone: { type: 'string', title: '法定代表人联系电话', 'x-title-en': 'Phone of the legal representative', format: 'tongban-phone' },
      governance: {
        type: 'string',
        title: '组织机构形式',
        'x-title-en': 'Governance',
        enum: ['board', 'director'],
        'x-enum-titles': [
          { zh: '设董事会', en: 'Board of directors' },
          { zh: '不设董事会，设一名董事', en: 'A single director, no board' },
        ],
      },
      directorCount: { type: 'integer', title: '董事人数', 'x-title-en': 'Number of directors', minimum: 3, maximum: 13 },
      supervisorName: { type: 'string', title: '监事姓名', 'x-title-en': 'Supervisor', maxLength: 40 },
      shareholders: {
        type: 'array',
        title: '股东（出资人）',
        'x-title-en': 'Shareholders',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          properties: {
            kind: {
              type: 'string',
              title: '股东类型',
              'x-title-en': 'Kind',
              enum: ['person', 'enterprise'],
              'x-enum-titles': [
                { zh: '自然人', en: 'Person' },
                { zh: '企业法人', en: 'Company' },
              ],
            },
            name: { type: 'string', title: '股东名称', 'x-title-en': 'Name', maxLength: 60 },
            idNumber: { type: 'string', title: '身份证号', 'x-title-en': 'ID number', format: 'tongban-id-number' },
            uscc: { type: 'string', title: '统一社会信用代码', 'x-title-en': 'USCC', format: 'tongban-uscc' },
            amount: { type: 'number', title: '认缴出资额（万元）', 'x-title-en': 'Subscribed (10,000 CNY)', minimum: 0.01 },
            method: {
              type: 'string',
              title: '出资方式',
              'x-title-en': 'Contribution',
              enum: ['货币', '实物', '知识产权', '土地使用权'],
              'x-enum-titles': [
                { zh: '货币', en: 'Cash' },
                { zh: '实物', en: 'In kind' },
                { zh: '知识产权', en: 'Intellectual property' },
                { zh: '土地使用权', en: 'Land use right' },
              ],
            },
            dueDate: { type: 'string', title: '出资期限', 'x-title-en': 'Due by', format: 'date' },
          },
          required: ['kind', 'name', 'idNumber', 'uscc', 'amount', 'method', 'dueDate'],
        },
      },
      contactName: { type: 'string', title: '联络员姓名', 'x-title-en': 'Contact person', maxLength: 40 },
      contactPhone: { type: 'string', title: '联络员电话', 'x-title-en': 'Contact phone', format: 'tongban-phone' },
      contactEmail: { type: 'string', title: '电子邮箱', 'x-title-en': 'Email', format: 'email', maxLength: 120 },
      pledge: { type: 'boolean', title: '本人承诺所填信息真实、有效', 'x-title-en': 'I confirm that the information given is true and complete', enum: [true] },
    },
    required: [
      'companyName', 'companyType', 'registeredCapital', 'businessScope', 'regionCode', 'address', 'legalRepName',
      'legalRepIdNumber', 'legalRepPhone', 'governance', 'directorCount', 'supervisorName', 'shareholders', 'contactName',
      'contactPhone', 'pledge',
    ],
  },
  layout: {
    sections: [
      {
        key: 'basic',
        title: { zh: '企业基本信息', en: 'Company' },
        fields: ['companyName', 'companyType', 'registeredCapital', 'businessScope'],
      },
      {
        key: 'domicile',
        title: { zh: '住所', en: 'Registered address' },
        description: { zh: '企业住所应为登记机关辖区内的实际经营场所。', en: 'The registered address is where the company actually operates, within the registration authority’s area.' },
        fields: ['regionCode', 'address', 'postalCode'],
      },
      {
        key: 'legalRep',
        title: { zh: '法定代表人', en: 'Legal representative' },
        fields: ['legalRepName', 'legalRepIdNumber', 'legalRepPhone'],
      },
      {
        key: 'governance',
        title: { zh: '组织机构', en: 'Governance' },
        description: { zh: '有限责任公司填写。', en: 'For limited liability companies.' },
        fields: ['governance', 'directorCount', 'supervisorName'],
      },
      {
        key: 'shareholders',
        title: { zh: '股东及出资', en: 'Shareholders and capital' },
        fields: ['shareholders'],
      },
      {
        key: 'contact',
        title: { zh: '联络员', en: 'Contact person' },
        fields: ['contactName', 'contactPhone', 'contactEmail', 'pledge'],
      },
    ],
    widgets: {
      businessScope: 'textarea',
      governance: 'radio',
      'shareholders.kind': 'select',
      'shareholders.method': 'select',
    },
    visibleIf: {
      governance: { field: 'companyType', equals: '有限责任公司' },
      directorCount: { field: 'governance', equals: 'board' },
      supervisorName: { field: 'companyType', equals: '有限责任公司' },
      'shareholders.idNumber': { field: 'kind', equals: 'person' },
      'shareholders.uscc': { field: 'kind', equals: 'enterprise' },
    },
    help: {
      companyName: { zh: '字号 + 行业 + 组织形式，如“澜州市青禾餐饮管理有限公司”。', en: 'Trade name + trade + legal form, e.g. “Lanzhou Qinghe Catering Management Co., Ltd.”' },
      businessScope: { zh: '参照《经营范围登记规范表述目录》填写。', en: 'Use the wording of the official catalogue of business-scope entries.' },
      registeredCapital: { zh: '认缴制：填写全体股东认缴的出资总额。', en: 'The total capital all shareholders subscribe.' },
      'shareholders.dueDate': { zh: '自成立之日起不超过五年。', en: 'At most five years after incorporation.' },
    },
  },
  prefill: {
    legalRepName: { source: 'person', attribute: 'name', lock: true },
    legalRepIdNumber: { source: 'person', attribute: 'idNumber', lock: true },
    legalRepPhone: { source: 'person', attribute: 'phone', lock: false },
  },
};
