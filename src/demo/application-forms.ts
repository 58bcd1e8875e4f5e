/**
 * Online application forms (表单定义, docs/formats/forms.md) and review workflows (并联审批) of the demo items people
 * use most. `buildDemoCatalog()` attaches them to every implementation of the basic item named by the key (the short
 * handles of `B` in catalog-data.ts), so that 高龄津贴 has the same form in all four districts.
 *
 * Each form asks what the real 申请表 of the service asks, no more: the applicant's identity comes from the population
 * registry and is locked (姓名, 公民身份号码, 户籍地址 …, verified by public security), an enterprise's registration
 * facts from the enterprise registry while acting for it (名称, 统一社会信用代码, 法定代表人); contact details are
 * prefilled but may be changed. Everything is fictional like the rest of 云澜省.
 *
 * Workflows: review branches run in parallel (并联审批). A branch names the handling department (`self`) or a kind of
 * department at a level at or above the item's region; only kinds that exist in the demo province are used
 * (fire_rescue and natural_resources at city level). `when` limits a branch to applications whose form meets it.
 */
import type { B } from './catalog-data.js';
import type { WorkflowDefinition } from '../modules/catalog/catalog.schemas.js';
import type { ColumnSchema, FieldSchema, FormDefinition, FormLayout, LocalText, PrefillRule, RowSchema } from '../platform/forms/index.js';

export interface DemoApplication {
  form: FormDefinition;
  workflow?: WorkflowDefinition;
}

/** Short handles of the basic items (keys of `B` in catalog-data.ts). */
export type BasicHandle = keyof typeof B;

// ---------------------------------------------------------------------------------------------
// Field helpers: every field has its Chinese title and English x-title-en
// ---------------------------------------------------------------------------------------------

type Option = readonly [value: string, zh: string, en: string];

const text = (zh: string, en: string, maxLength = 50, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, maxLength, ...extra });
const name = (zh: string, en: string): ColumnSchema => text(zh, en, 30, { minLength: 2 });
const address = (zh: string, en: string): ColumnSchema => text(zh, en, 100, { minLength: 5 });
const longText = (zh: string, en: string, maxLength: number, minLength = 4): ColumnSchema => text(zh, en, maxLength, { minLength });
const choice = (zh: string, en: string, options: readonly Option[]): ColumnSchema => ({
  type: 'string', title: zh, 'x-title-en': en, enum: options.map((o) => o[0]), 'x-enum-titles': options.map(([, z, e]) => ({ zh: z, en: e })),
});
const date = (zh: string, en: string): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, format: 'date' });
const idNumber = (zh: string, en: string): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, format: 'tongban-id-number' });
const uscc = (zh: string, en: string): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, format: 'tongban-uscc' });
const phone = (zh: string, en: string): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, format: 'tongban-phone' });
const region = (zh: string, en: string): ColumnSchema => ({ type: 'string', title: zh, 'x-title-en': en, format: 'tongban-region-code' });
const num = (zh: string, en: string, minimum: number, maximum?: number): ColumnSchema => ({ type: 'number', title: zh, 'x-title-en': en, minimum, ...(maximum !== undefined ? { maximum } : {}) });
const int = (zh: string, en: string, minimum: number, maximum?: number): ColumnSchema => ({ type: 'integer', title: zh, 'x-title-en': en, minimum, ...(maximum !== undefined ? { maximum } : {}) });
/** A box the applicant may tick (同时申请 …). */
const flag = (zh: string, en: string): ColumnSchema => ({ type: 'boolean', title: zh, 'x-title-en': en });
/** A box the applicant must tick (承诺, 授权). */
const mustTick = (zh: string, en: string): ColumnSchema => ({ type: 'boolean', title: zh, 'x-title-en': en, enum: [true] });
const table = (zh: string, en: string, columns: Record<string, ColumnSchema>, required: string[], minItems: number, maxItems: number): FieldSchema => {
  const items: RowSchema = { type: 'object', properties: columns, required };
  return { type: 'array', title: zh, 'x-title-en': en, items, minItems, maxItems };
};

const bankAccountPattern = '^[0-9]{12,19}$';
const bankAccount = (zh = '银行账号', en = 'Bank account number'): ColumnSchema => text(zh, en, 19, { pattern: bankAccountPattern });

const SEX: readonly Option[] = [['M', '男', 'Male'], ['F', '女', 'Female']];
const MARITAL: readonly Option[] = [['未婚', '未婚', 'Single'], ['已婚', '已婚', 'Married'], ['离婚', '离婚', 'Divorced'], ['丧偶', '丧偶', 'Widowed']];

const person = (attribute: string, lock: boolean): PrefillRule => ({ source: 'person', attribute, lock });
const enterprise = (attribute: string, lock: boolean): PrefillRule => ({ source: 'enterprise', attribute, lock });

const t = (zh: string, en: string): LocalText => ({ zh, en });

interface SectionSpec {
  key: string;
  title: LocalText;
  description?: LocalText;
  fields: Record<string, FieldSchema>;
}

/**
 * A form from its sections: the fields are declared where they are shown, every field is required unless listed in
 * `optional` (a conditional field is required only while it is shown).
 */
function form(spec: { sections: SectionSpec[]; optional?: string[]; widgets?: FormLayout['widgets']; visibleIf?: FormLayout['visibleIf']; help?: FormLayout['help']; prefill?: Record<string, PrefillRule> }): FormDefinition {
  const properties: Record<string, FieldSchema> = {};
  for (const s of spec.sections) Object.assign(properties, s.fields);
  const optional = new Set(spec.optional ?? []);
  return {
    schema: { type: 'object', properties, required: Object.keys(properties).filter((f) => !optional.has(f)) },
    layout: {
      sections: spec.sections.map((s) => ({ key: s.key, title: s.title, ...(s.description ? { description: s.description } : {}), fields: Object.keys(s.fields) })),
      ...(spec.widgets ? { widgets: spec.widgets } : {}),
      ...(spec.visibleIf ? { visibleIf: spec.visibleIf } : {}),
      ...(spec.help ? { help: spec.help } : {}),
    },
    ...(spec.prefill ? { prefill: spec.prefill } : {}),
  };
}

const PLEDGE = mustTick('本人承诺所填信息和提交的材料真实、有效，如有虚假愿承担相应法律责任', 'I confirm that the information and materials given are true; I am liable for anything false');

/** The logged-in person as the one who fills in the form for an enterprise (经办人). */
const handlerSection = (): SectionSpec => ({
  key: 'handler',
  title: t('经办人', 'Person handling the application'),
  fields: { handlerName: name('经办人姓名', 'Name'), handlerPhone: phone('经办人联系电话', 'Phone'), pledge: PLEDGE },
});
const handlerPrefill = { handlerName: person('name', true), handlerPhone: person('phone', false) };

/** The enterprise applying, from the enterprise registry (locked while acting for it). */
const enterpriseFields = (nameTitle = '单位名称') => ({
  unitName: text(nameTitle, 'Name of the enterprise', 60, { minLength: 4 }),
  uscc: uscc('统一社会信用代码', 'Unified social credit code'),
  legalRepName: name('法定代表人（负责人）', 'Legal representative'),
});
const enterprisePrefill = { unitName: enterprise('name', true), uscc: enterprise('uscc', true), legalRepName: enterprise('legalRepName', true) };

const PAY_TO: readonly Option[] = [['ss_card', '本人社会保障卡金融账户', 'Financial account of my social security card'], ['bank', '本人其他银行账户', 'Another bank account in my name']];

// ---------------------------------------------------------------------------------------------
// 民政: 高龄津贴、最低生活保障
// ---------------------------------------------------------------------------------------------

const oldAge: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'applicant',
        title: t('申请人', 'Applicant'),
        fields: {
          applicantName: name('申请人姓名', 'Name'),
          applicantIdNumber: idNumber('申请人公民身份号码', 'ID number'),
          applicantPhone: phone('联系电话', 'Phone'),
          applyFor: choice('申请方式', 'Applying for', [['self', '本人申请', 'Myself'], ['family', '为家中老人代为申请', 'An elderly relative']]),
          hukouAddress: address('户籍地址', 'Registered (hukou) address'),
        },
      },
      {
        key: 'elder',
        title: t('老年人信息', 'The elderly person'),
        description: t('代为申请时填写老年人本人的信息，津贴发放给老年人本人。', 'When applying for a relative: the allowance is paid to the elderly person.'),
        fields: {
          elderName: name('老年人姓名', 'Name'),
          elderIdNumber: idNumber('老年人公民身份号码', 'ID number'),
          elderHukouAddress: address('老年人户籍地址', 'Registered (hukou) address'),
          relation: choice('申请人与老年人关系', 'Relation to the applicant', [['配偶', '配偶', 'Spouse'], ['子女', '子女', 'Child'], ['孙子女', '孙子女（外孙子女）', 'Grandchild'], ['其他亲属', '其他亲属', 'Other relative']]),
        },
      },
      {
        key: 'living',
        title: t('居住情况', 'Living situation'),
        fields: {
          residenceAddress: address('老年人现居住地址', 'Where the elderly person lives'),
          livingArrangement: choice('居住状况', 'Lives', [['alone', '独居', 'Alone'], ['spouse', '与配偶同住', 'With spouse'], ['children', '与子女同住', 'With children'], ['institution', '入住养老机构', 'In a care home']]),
          emergencyName: name('紧急联系人', 'Emergency contact'),
          emergencyPhone: phone('紧急联系人电话', 'Emergency contact’s phone'),
        },
      },
      {
        key: 'payment',
        title: t('发放账户', 'Payment'),
        description: t('津贴按月发放至老年人本人名下账户。', 'Paid monthly into an account in the elderly person’s name.'),
        fields: {
          payTo: choice('发放方式', 'Paid into', PAY_TO),
          bankName: text('开户银行', 'Bank', 50, { minLength: 4 }),
          bankAccount: bankAccount(),
          pledge: mustTick('本人承诺所填信息真实；老年人户籍迁出或去世的，将及时告知并退还多领的津贴', 'I confirm the information is true and will report a move or death and repay what was overpaid'),
        },
      },
    ],
    widgets: { applyFor: 'radio', payTo: 'radio' },
    visibleIf: {
      hukouAddress: { field: 'applyFor', equals: 'self' },
      elderName: { field: 'applyFor', equals: 'family' },
      elderIdNumber: { field: 'applyFor', equals: 'family' },
      elderHukouAddress: { field: 'applyFor', equals: 'family' },
      relation: { field: 'applyFor', equals: 'family' },
      bankName: { field: 'payTo', equals: 'bank' },
      bankAccount: { field: 'payTo', equals: 'bank' },
    },
    help: {
      applyFor: t('老人不便操作的，子女或其他亲属可以代为申请，并上传授权委托书。', 'A child or another relative may apply for an elderly person, with a signed authorisation.'),
      elderIdNumber: t('按身份证登记的出生日期计算年龄，年满七十周岁方可申领。', 'Age is counted from the date of birth on the ID card; the allowance starts at 70.'),
      bankAccount: t('12至19位数字，户名须为老年人本人。', '12 to 19 digits; the account holder must be the elderly person.'),
    },
    prefill: { applicantName: person('name', true), applicantIdNumber: person('idNumber', true), applicantPhone: person('phone', false), hukouAddress: person('hukouAddress', true) },
  }),
};

const lowIncomeConfirm: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'applicant',
        title: t('申请人（户主）', 'Applicant (head of household)'),
        fields: {
          applicantName: name('姓名', 'Name'),
          applicantIdNumber: idNumber('公民身份号码', 'ID number'),
          sex: choice('性别', 'Sex', SEX),
          maritalStatus: choice('婚姻状况', 'Marital status', MARITAL),
          hukouAddress: address('户籍地址', 'Registered (hukou) address'),
          residenceAddress: address('现居住地址', 'Where you live'),
          phone: phone('联系电话', 'Phone'),
        },
      },
      {
        key: 'application',
        title: t('申请情况', 'Application'),
        fields: {
          category: choice('申请类别', 'Kind', [['urban', '城市最低生活保障', 'Urban minimum living allowance'], ['rural', '农村最低生活保障', 'Rural minimum living allowance']]),
          hardship: choice('主要致困原因', 'Main cause of hardship', [
            ['illness', '家庭成员患重大疾病', 'Serious illness in the family'], ['disability', '家庭成员残疾', 'Disability in the family'],
            ['unemployment', '失业或无稳定收入', 'Unemployment or no steady income'], ['old_age', '年老无劳动能力', 'Old age, unable to work'], ['other', '其他', 'Other'],
          ]),
          reason: longText('申请理由', 'Reasons', 500, 10),
        },
      },
      {
        key: 'members',
        title: t('共同生活的家庭成员', 'Household members'),
        description: t('包括申请人本人、配偶、未成年子女及其他共同生活的家庭成员。', 'Include yourself, your spouse, minor children and everyone else living in the household.'),
        fields: {
          members: table('家庭成员', 'Members', {
            name: name('姓名', 'Name'),
            idNumber: idNumber('公民身份号码', 'ID number'),
            relation: choice('与申请人关系', 'Relation', [['本人', '本人', 'Self'], ['配偶', '配偶', 'Spouse'], ['子女', '子女', 'Child'], ['父母', '父母', 'Parent'], ['其他', '其他', 'Other']]),
            employment: choice('就业状况', 'Employment', [
              ['employed', '在业', 'Employed'], ['flexible', '灵活就业', 'Flexibly employed'], ['unemployed', '失业', 'Unemployed'], ['student', '在校学生', 'Student'],
              ['preschool', '学龄前儿童', 'Pre-school child'], ['retired', '退休', 'Retired'], ['unable', '丧失劳动能力', 'Unable to work'],
            ]),
            health: choice('健康状况', 'Health', [['healthy', '健康', 'Healthy'], ['chronic', '慢性病', 'Chronic illness'], ['serious', '重大疾病', 'Serious illness'], ['disabled', '残疾', 'Disabled']]),
            monthlyIncome: num('月收入（元）', 'Monthly income (CNY)', 0, 1000000),
          }, ['name', 'idNumber', 'relation', 'employment', 'health', 'monthlyIncome'], 1, 20),
        },
      },
      {
        key: 'property',
        title: t('家庭收入和财产', 'Household income and property'),
        fields: {
          householdIncome: num('家庭月总收入（元）', 'Household income per month (CNY)', 0, 10000000),
          savings: num('存款及有价证券合计（元）', 'Savings and securities (CNY)', 0, 100000000),
          housing: choice('住房情况', 'Housing', [['own_one', '自有住房一套', 'Own one home'], ['own_more', '自有住房两套及以上', 'Own two or more homes'], ['rent', '租住', 'Renting'], ['borrowed', '借住', 'Living with others'], ['none', '无固定住所', 'No fixed home']]),
          vehicles: int('机动车辆（辆）', 'Motor vehicles', 0, 20),
        },
      },
      {
        key: 'payment',
        title: t('发放账户及承诺', 'Payment and declarations'),
        fields: {
          bankName: text('开户银行', 'Bank', 50, { minLength: 4 }),
          bankAccount: bankAccount('银行账号（户主本人）', 'Bank account (in the applicant’s name)'),
          authorise: mustTick('全体家庭成员同意授权民政部门核对家庭收入、存款、车辆、住房等经济状况', 'All household members authorise the civil affairs department to check their income, savings, vehicles and housing'),
          pledge: PLEDGE,
        },
      },
    ],
    widgets: { sex: 'radio', maritalStatus: 'radio', category: 'radio', reason: 'textarea' },
    help: {
      reason: t('写明家庭主要困难和收入来源，10至500字。', 'Describe the household’s main difficulties and income, 10 to 500 characters.'),
      'members.monthlyIncome': t('工资、经营、财产和转移性收入之和；无收入填0。', 'Wages, business, property and transfer income; 0 if none.'),
    },
    prefill: {
      applicantName: person('name', true), applicantIdNumber: person('idNumber', true), sex: person('sex', true), maritalStatus: person('maritalStatus', true),
      hukouAddress: person('hukouAddress', true), residenceAddress: person('residenceAddress', false), phone: person('phone', false),
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// 公安: 出生登记、居住证
// ---------------------------------------------------------------------------------------------

const COLLECT: readonly Option[] = [['window', '到受理窗口领取', 'Collect at the window'], ['mail', '邮寄送达', 'By post']];

const birthRegistration: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'baby',
        title: t('新生儿信息', 'The baby'),
        fields: {
          babyName: text('新生儿姓名', 'Name', 15, { minLength: 2, pattern: '^[\\p{Script=Han}·]{2,15}$' }),
          babySex: choice('性别', 'Sex', SEX),
          babyBirthDate: date('出生日期', 'Date of birth'),
          babyEthnicity: text('民族', 'Ethnic group', 10, { minLength: 2 }),
          birthRegion: region('出生地', 'Place of birth'),
          birthHospital: text('出生地点（助产机构）', 'Where born (hospital)', 60, { minLength: 4 }),
          birthCertificateNo: text('出生医学证明编号', 'Medical birth certificate number', 10, { pattern: '^[A-Z][0-9]{9}$' }),
        },
      },
      {
        key: 'parents',
        title: t('父母信息', 'Parents'),
        fields: {
          fatherName: name('父亲姓名', 'Father’s name'),
          fatherIdNumber: idNumber('父亲公民身份号码', 'Father’s ID number'),
          motherName: name('母亲姓名', 'Mother’s name'),
          motherIdNumber: idNumber('母亲公民身份号码', 'Mother’s ID number'),
          parentsMarried: choice('父母婚姻登记情况', 'Parents’ marriage', [['married', '已办理结婚登记', 'Married'], ['unmarried', '非婚生育', 'Not married']]),
        },
      },
      {
        key: 'settle',
        title: t('落户信息', 'Where the baby is registered'),
        fields: {
          settleWith: choice('落户方式', 'Registered with', [['father', '随父落户', 'The father'], ['mother', '随母落户', 'The mother']]),
          hukouAddress: address('落户地址（落户方户籍地址）', 'Address (that parent’s hukou address)'),
          householderName: name('户主姓名', 'Head of household'),
          relationToHouseholder: choice('与户主关系', 'Relation to the head of household', [
            ['子', '子', 'Son'], ['女', '女', 'Daughter'], ['孙子', '孙子', 'Grandson'], ['孙女', '孙女', 'Granddaughter'],
            ['外孙子', '外孙子', 'Grandson (daughter’s son)'], ['外孙女', '外孙女', 'Granddaughter (daughter’s daughter)'], ['其他', '其他', 'Other'],
          ]),
        },
      },
      {
        key: 'declarant',
        title: t('申报人', 'Person declaring the birth'),
        fields: {
          declarantName: name('申报人姓名', 'Name'),
          declarantIdNumber: idNumber('申报人公民身份号码', 'ID number'),
          declarantRelation: choice('申报人与新生儿关系', 'Relation to the baby', [['父亲', '父亲', 'Father'], ['母亲', '母亲', 'Mother'], ['祖父母', '祖父母、外祖父母', 'Grandparent'], ['其他监护人', '其他监护人', 'Other guardian']]),
          declarantPhone: phone('联系电话', 'Phone'),
        },
      },
      {
        key: 'delivery',
        title: t('户口簿加页', 'Household register page'),
        fields: { collect: choice('领取方式', 'Delivery', COLLECT), mailingAddress: address('邮寄地址', 'Postal address'), pledge: PLEDGE },
      },
    ],
    widgets: { babySex: 'radio', parentsMarried: 'radio', settleWith: 'radio', collect: 'radio' },
    visibleIf: { mailingAddress: { field: 'collect', equals: 'mail' } },
    help: {
      babyName: t('使用规范汉字，不得含有外国文字、拼音字母、数字或符号（少数民族姓名可用“·”）。', 'Standard Chinese characters only: no foreign letters, pinyin, digits or symbols (“·” for some minority names).'),
      birthCertificateNo: t('出生医学证明右上角的编号：1位大写字母加9位数字，如 Q390123456。', 'Top right of the medical birth certificate: a capital letter and 9 digits, e.g. Q390123456.'),
      hukouAddress: t('新生儿随其落户的父亲或母亲的常住户口地址。', 'The hukou address of the parent the baby is registered with.'),
    },
    prefill: { declarantName: person('name', true), declarantIdNumber: person('idNumber', true), declarantPhone: person('phone', false), hukouAddress: person('hukouAddress', false) },
  }),
};

const residencePermit: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'applicant',
        title: t('申请人', 'Applicant'),
        fields: {
          applicantName: name('姓名', 'Name'),
          applicantIdNumber: idNumber('公民身份号码', 'ID number'),
          sex: choice('性别', 'Sex', SEX),
          ethnicity: text('民族', 'Ethnic group', 10, { minLength: 2 }),
          hukouAddress: address('户籍地址', 'Registered (hukou) address'),
          phone: phone('联系电话', 'Phone'),
        },
      },
      {
        key: 'residence',
        title: t('居住信息', 'Residence'),
        fields: {
          residenceRegion: region('居住地', 'Where you live'),
          residenceAddress: address('居住地址', 'Address'),
          registeredSince: date('居住登记日期', 'Residence registered on'),
          housing: choice('住所类型', 'Housing', [['own', '自有住房', 'Own home'], ['rent', '租赁住房', 'Rented'], ['dormitory', '单位或学校宿舍', 'Employer or school dormitory'], ['relatives', '借住亲友住房', 'With friends or relatives']]),
        },
      },
      {
        key: 'basis',
        title: t('申领条件', 'Grounds'),
        fields: {
          basis: choice('申领条件', 'Grounds', [['employment', '合法稳定就业', 'Stable employment'], ['residence', '合法稳定住所', 'Stable residence'], ['study', '连续就读', 'Full-time study']]),
          employerName: text('工作单位', 'Employer', 60, { minLength: 4 }),
          employerUscc: uscc('工作单位统一社会信用代码', 'Employer’s unified social credit code'),
          schoolName: text('就读学校', 'School', 60, { minLength: 4 }),
        },
      },
      { key: 'collect', title: t('领取方式', 'Delivery'), fields: { collect: choice('领取方式', 'Delivery', COLLECT), mailingAddress: address('邮寄地址', 'Postal address'), pledge: PLEDGE } },
    ],
    optional: ['employerUscc'],
    widgets: { sex: 'radio', basis: 'radio', collect: 'radio' },
    visibleIf: {
      employerName: { field: 'basis', equals: 'employment' },
      employerUscc: { field: 'basis', equals: 'employment' },
      schoolName: { field: 'basis', equals: 'study' },
      mailingAddress: { field: 'collect', equals: 'mail' },
    },
    help: { registeredSince: t('办理居住登记满半年方可申领居住证。', 'You may apply six months after registering your residence.') },
    prefill: {
      applicantName: person('name', true), applicantIdNumber: person('idNumber', true), sex: person('sex', true), ethnicity: person('ethnicity', true),
      hukouAddress: person('hukouAddress', true), phone: person('phone', false), residenceAddress: person('residenceAddress', false),
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// 医疗保障、人力资源社会保障: 城乡居民医保参保、失业保险金
// ---------------------------------------------------------------------------------------------

const residentMedical: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'applicant',
        title: t('申请人', 'Applicant'),
        fields: {
          applicantName: name('申请人姓名', 'Name'),
          applicantIdNumber: idNumber('申请人公民身份号码', 'ID number'),
          applicantPhone: phone('联系电话', 'Phone'),
          enrolFor: choice('为谁参保', 'Enrolling', [['self', '本人参保', 'Myself'], ['family', '为家庭成员参保（新生儿、未成年子女等）', 'A family member (newborn, child …)']]),
        },
      },
      {
        key: 'insured',
        title: t('参保人信息', 'The insured person'),
        fields: {
          insuredName: name('参保人姓名', 'Name'),
          insuredIdNumber: idNumber('参保人公民身份号码', 'ID number'),
          insuredRelation: choice('与申请人关系', 'Relation to the applicant', [['子女', '子女', 'Child'], ['配偶', '配偶', 'Spouse'], ['父母', '父母', 'Parent'], ['其他', '其他', 'Other']]),
        },
      },
      {
        key: 'enrolment',
        title: t('参保信息', 'Enrolment'),
        fields: {
          category: choice('参保人员类别', 'Category', [
            ['adult', '成年居民', 'Adult resident'], ['minor', '未成年人', 'Minor'], ['newborn', '新生儿（出生90日内）', 'Newborn (within 90 days of birth)'],
            ['student', '在校大学生', 'University student'], ['elderly', '60周岁以上老年居民', 'Resident aged 60 or over'],
          ]),
          residenceStatus: choice('户籍或居住情况', 'Residence', [['hukou', '本区户籍', 'Hukou in this district'], ['permit', '持本区居住证', 'Residence permit of this district']]),
          assistance: choice('政府资助参保身份', 'Subsidised as', [
            ['none', '无', 'None'], ['dibao', '低保对象', 'Minimum living allowance recipient'], ['tekun', '特困人员', 'Person in extreme poverty'],
            ['monitored', '防止返贫监测对象', 'Monitored household'], ['disabled', '重度残疾人', 'Person with a severe disability'],
          ]),
          pledge: mustTick('本人承诺参保人未参加职工基本医疗保险，所填信息真实', 'I confirm the insured person has no employee medical insurance and the information is true'),
        },
      },
    ],
    widgets: { enrolFor: 'radio', residenceStatus: 'radio' },
    visibleIf: {
      insuredName: { field: 'enrolFor', equals: 'family' },
      insuredIdNumber: { field: 'enrolFor', equals: 'family' },
      insuredRelation: { field: 'enrolFor', equals: 'family' },
    },
    help: { category: t('新生儿在出生后90日内参保缴费的，自出生之日起享受待遇。', 'A newborn enrolled within 90 days of birth is covered from birth.') },
    prefill: { applicantName: person('name', true), applicantIdNumber: person('idNumber', true), applicantPhone: person('phone', false) },
  }),
};

const unemploymentBenefit: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'applicant',
        title: t('申请人', 'Applicant'),
        fields: {
          applicantName: name('姓名', 'Name'),
          applicantIdNumber: idNumber('公民身份号码', 'ID number'),
          phone: phone('联系电话', 'Phone'),
          residenceAddress: address('现居住地址', 'Where you live'),
        },
      },
      {
        key: 'employment',
        title: t('原就业情况', 'Last employment'),
        fields: {
          employerName: text('原工作单位', 'Last employer', 60, { minLength: 4 }),
          employerUscc: uscc('原工作单位统一社会信用代码', 'Employer’s unified social credit code'),
          separationDate: date('劳动关系终止或解除日期', 'Employment ended on'),
          separationReason: choice('终止或解除原因', 'Why it ended', [
            ['contract_end', '劳动合同期满终止', 'The contract ran out'], ['dismissal', '用人单位解除劳动合同', 'The employer ended the contract'],
            ['closure', '用人单位破产、撤销或解散', 'The employer closed down'], ['employer_fault', '因用人单位过错本人依法解除劳动合同', 'I ended it because of the employer’s fault'],
            ['other', '其他非本人意愿中断就业', 'Other, not of my own will'],
          ]),
        },
      },
      {
        key: 'jobSeeking',
        title: t('求职意向', 'Job seeking'),
        fields: {
          desiredJob: text('求职意向（岗位）', 'Work you are looking for', 50, { minLength: 2 }),
          desiredRegion: region('求职地区', 'Where'),
          register: mustTick('同时办理失业登记，本人有求职要求并接受公共就业服务', 'Register me as unemployed: I am looking for work and accept public employment services'),
        },
      },
      {
        key: 'payment',
        title: t('发放账户', 'Payment'),
        fields: {
          payTo: choice('发放方式', 'Paid into', PAY_TO),
          bankName: text('开户银行', 'Bank', 50, { minLength: 4 }),
          bankAccount: bankAccount(),
          pledge: mustTick('本人承诺所填信息真实；领取期间重新就业或应征服兵役、移居境外、享受基本养老保险待遇的，及时告知停发', 'I confirm the information is true and will report new work, military service, emigration or a pension at once'),
        },
      },
    ],
    widgets: { payTo: 'radio' },
    visibleIf: { bankName: { field: 'payTo', equals: 'bank' }, bankAccount: { field: 'payTo', equals: 'bank' } },
    help: { separationReason: t('本人主动辞职的一般不能领取失业保险金。', 'Benefit is generally not paid after leaving a job of your own will.') },
    prefill: { applicantName: person('name', true), applicantIdNumber: person('idNumber', true), phone: person('phone', false), residenceAddress: person('residenceAddress', false) },
  }),
};

// ---------------------------------------------------------------------------------------------
// 住房公积金: 租房提取、购房提取、单位缴存登记
// ---------------------------------------------------------------------------------------------

const fundApplicant = (): SectionSpec => ({
  key: 'applicant',
  title: t('申请人', 'Applicant'),
  fields: {
    applicantName: name('姓名', 'Name'),
    applicantIdNumber: idNumber('公民身份号码', 'ID number'),
    phone: phone('联系电话', 'Phone'),
    maritalStatus: choice('婚姻状况', 'Marital status', MARITAL),
    fundAccount: text('个人住房公积金账号', 'Housing fund account number', 20, { pattern: '^[0-9]{8,20}$' }),
    employerName: text('缴存单位', 'Employer paying in', 60, { minLength: 4 }),
  },
});
const fundSpouseAndBank = (): SectionSpec => ({
  key: 'spouseBank',
  title: t('配偶提取及收款账户', 'Spouse and payment'),
  fields: {
    spouseAlso: flag('配偶同时申请提取', 'My spouse also withdraws'),
    spouseName: name('配偶姓名', 'Spouse’s name'),
    spouseIdNumber: idNumber('配偶公民身份号码', 'Spouse’s ID number'),
    bankName: text('收款银行', 'Bank', 50, { minLength: 4 }),
    bankAccount: bankAccount('收款银行卡号（本人借记卡）', 'Debit card number (in your name)'),
    pledge: PLEDGE,
  },
});
const fundPrefill = { applicantName: person('name', true), applicantIdNumber: person('idNumber', true), phone: person('phone', false), maritalStatus: person('maritalStatus', true) };
const fundVisible = {
  spouseAlso: { field: 'maritalStatus', equals: '已婚' },
  spouseName: { field: 'spouseAlso', equals: true },
  spouseIdNumber: { field: 'spouseAlso', equals: true },
};

const fundRent: DemoApplication = {
  form: form({
    sections: [
      fundApplicant(),
      {
        key: 'rent',
        title: t('租房信息', 'Renting'),
        fields: {
          basis: choice('提取标准', 'Amount', [['standard', '按本市租房提取标准', 'The city’s standard amount'], ['actual', '按实际租金（公共租赁住房）', 'Actual rent (public rental housing)']]),
          frequency: choice('提取周期', 'How often', [['monthly', '按月自动提取', 'Monthly, automatically'], ['yearly', '每满12个月提取一次', 'Once every 12 months']]),
          rentAddress: address('租住房屋地址', 'Address of the rented home'),
          monthlyRent: num('月租金（元）', 'Monthly rent (CNY)', 1, 100000),
          leaseStart: date('租赁起始日期', 'Lease from'),
          leaseEnd: date('租赁终止日期', 'Lease until'),
        },
      },
      fundSpouseAndBank(),
    ],
    optional: ['spouseAlso'],
    widgets: { maritalStatus: 'radio', basis: 'radio', frequency: 'radio' },
    visibleIf: {
      ...fundVisible,
      rentAddress: { field: 'basis', equals: 'actual' },
      monthlyRent: { field: 'basis', equals: 'actual' },
      leaseStart: { field: 'basis', equals: 'actual' },
      leaseEnd: { field: 'basis', equals: 'actual' },
    },
    help: { basis: t('本人及配偶在本市无自有住房的，按本市标准提取无需提供租房合同。', 'Without a home of your own in the city, the standard amount needs no lease.') },
    prefill: fundPrefill,
  }),
};

const HOUSE_TYPES: readonly Option[] = [
  ['new', '新建商品房', 'New commercial housing'], ['resale', '二手房', 'Second-hand home'], ['affordable', '保障性住房', 'Affordable housing'], ['self_build', '自建、翻建、大修自住住房', 'Building or renovating own home'],
];

const fundPurchase: DemoApplication = {
  form: form({
    sections: [
      fundApplicant(),
      {
        key: 'house',
        title: t('购房信息', 'The home'),
        fields: {
          houseType: choice('住房类型', 'Kind of home', HOUSE_TYPES),
          houseRegion: region('房屋所在地', 'Where'),
          houseAddress: address('房屋地址', 'Address'),
          contractNo: text('网签备案合同编号', 'Registered contract number', 40, { minLength: 6 }),
          propertyCertNo: text('不动产权证号', 'Property certificate number', 40, { minLength: 6 }),
          purchaseDate: date('购房合同签订日期', 'Contract signed on'),
          area: num('建筑面积（平方米）', 'Floor area (m²)', 1, 10000),
          totalPrice: num('房屋总价（元）', 'Total price (CNY)', 1, 1000000000),
          loanAmount: num('贷款金额（元）', 'Loan (CNY)', 0, 1000000000),
          amount: num('本次申请提取金额（元）', 'Amount to withdraw (CNY)', 1, 100000000),
        },
      },
      fundSpouseAndBank(),
    ],
    optional: ['spouseAlso', 'loanAmount'],
    widgets: { maritalStatus: 'radio' },
    visibleIf: {
      ...fundVisible,
      contractNo: { field: 'houseType', in: ['new', 'resale', 'affordable'] },
      propertyCertNo: { field: 'houseType', equals: 'resale' },
    },
    help: {
      contractNo: t('本市网签备案的合同由系统核验，无需上传合同。', 'Contracts registered in the city are checked by the system; no upload needed.'),
      amount: t('提取总额不超过购房总价扣除贷款后的部分。', 'At most the price less the loan.'),
    },
    prefill: fundPrefill,
  }),
};

const fundDeposit: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'unit',
        title: t('单位信息', 'Employer'),
        fields: {
          ...enterpriseFields(),
          unitType: text('单位类型', 'Type of entity', 40, { minLength: 2 }),
          unitAddress: address('单位地址', 'Address'),
        },
      },
      {
        key: 'deposit',
        title: t('缴存信息', 'Contributions'),
        fields: {
          unitRatio: int('单位缴存比例（%）', 'Employer’s rate (%)', 5, 12),
          employeeRatio: int('职工缴存比例（%）', 'Employees’ rate (%)', 5, 12),
          firstMonth: text('首次缴存年月', 'First month paid', 7, { pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' }),
          employeeCount: int('缴存职工人数', 'Employees paying in', 1, 100000),
          bankName: text('缴存银行', 'Bank', 50, { minLength: 4 }),
        },
      },
      {
        key: 'employees',
        title: t('职工名册', 'Employees'),
        description: t('可先行登记，自登记之日起20日内在网厅补报职工名册（容缺）。', 'May be sent within 20 days of registration.'),
        fields: {
          employees: table('职工名册', 'Employees', {
            name: name('姓名', 'Name'),
            idNumber: idNumber('公民身份号码', 'ID number'),
            baseWage: num('缴存基数（元/月）', 'Wage base (CNY/month)', 0, 1000000),
          }, ['name', 'idNumber', 'baseWage'], 0, 200),
        },
      },
      handlerSection(),
    ],
    optional: ['employees'],
    help: { firstMonth: t('按“年-月”填写，如 2026-12。', 'Year and month, e.g. 2026-12.') },
    prefill: { ...enterprisePrefill, unitType: enterprise('type', true), unitAddress: enterprise('registeredAddress', false), ...handlerPrefill },
  }),
};

// ---------------------------------------------------------------------------------------------
// 市场监管: 企业设立登记、个体工商户设立登记、食品经营许可（新办）、药品零售经营许可
// ---------------------------------------------------------------------------------------------

const COMPANY_TYPES: readonly Option[] = [
  ['llc_sole', '有限责任公司（自然人独资）', 'Limited liability company (one natural person)'],
  ['llc', '有限责任公司（自然人投资或控股）', 'Limited liability company (natural persons)'],
  ['jsc', '股份有限公司', 'Company limited by shares'],
  ['sole_prop', '个人独资企业', 'Sole proprietorship'],
  ['partnership', '合伙企业', 'Partnership'],
];

const enterpriseSetup: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'basic',
        title: t('企业基本信息', 'Company'),
        fields: {
          companyName: text('企业名称', 'Company name', 60, { minLength: 4 }),
          companyType: choice('企业类型', 'Type of company', COMPANY_TYPES),
          registeredCapital: num('注册资本（出资额，万元）', 'Registered capital (10,000 CNY)', 0.01, 10000000),
          businessScope: longText('经营范围', 'Business scope', 1000),
        },
      },
      {
        key: 'domicile',
        title: t('住所', 'Registered address'),
        description: t('住所应为登记机关辖区内依法可用于经营的场所。', 'A place within the registration authority’s area that may lawfully be used for business.'),
        fields: {
          regionCode: region('住所所在地区', 'Region'),
          address: address('住所详细地址', 'Street address'),
          postalCode: text('邮政编码', 'Postcode', 6, { pattern: '^[0-9]{6}$' }),
          residenceProof: choice('住所证明方式', 'Proof of address', [['proof', '提交住所使用证明', 'Documents of the right to use it'], ['commitment', '签署住所信息申报承诺书', 'A signed declaration of the address']]),
        },
      },
      {
        key: 'legalRep',
        title: t('法定代表人', 'Legal representative'),
        fields: { legalRepName: name('法定代表人姓名', 'Name'), legalRepIdNumber: idNumber('法定代表人公民身份号码', 'ID number'), legalRepPhone: phone('法定代表人联系电话', 'Phone') },
      },
      {
        key: 'governance',
        title: t('组织机构', 'Governance'),
        description: t('公司填写。', 'For companies.'),
        fields: {
          governance: choice('组织机构形式', 'Governance', [['board', '设董事会', 'Board of directors'], ['director', '不设董事会，设一名董事', 'A single director']]),
          directorCount: int('董事人数', 'Number of directors', 3, 13),
          supervisorName: name('监事姓名', 'Supervisor'),
        },
      },
      {
        key: 'shareholders',
        title: t('股东（出资人）及出资', 'Shareholders and capital'),
        fields: {
          shareholders: table('股东（出资人）', 'Shareholders', {
            kind: choice('股东类型', 'Kind', [['person', '自然人', 'Person'], ['enterprise', '企业法人', 'Company']]),
            name: text('股东名称', 'Name', 60, { minLength: 2 }),
            idNumber: idNumber('公民身份号码', 'ID number'),
            uscc: uscc('统一社会信用代码', 'Unified social credit code'),
            amount: num('认缴出资额（万元）', 'Subscribed (10,000 CNY)', 0.01, 10000000),
            method: choice('出资方式', 'Contribution', [['货币', '货币', 'Cash'], ['实物', '实物', 'In kind'], ['知识产权', '知识产权', 'Intellectual property'], ['土地使用权', '土地使用权', 'Land use right']]),
            dueDate: date('认缴出资期限', 'Due by'),
          }, ['kind', 'name', 'idNumber', 'uscc', 'amount', 'method', 'dueDate'], 1, 50),
        },
      },
      {
        key: 'contact',
        title: t('联络员及一件事', 'Contact and related services'),
        description: t('勾选的事项随营业执照一并办理（企业开办一件事）。', 'Ticked services are handled together with the licence (company start-up bundle).'),
        fields: {
          contactName: name('联络员姓名', 'Contact person'),
          contactPhone: phone('联络员电话', 'Contact phone'),
          contactEmail: text('电子邮箱', 'Email', 120, { format: 'email' }),
          sealEngraving: flag('同时申请公章刻制', 'Also have the company seals made'),
          taxInvoice: flag('同时办理涉税信息确认和发票申领', 'Also confirm tax registration and obtain invoices'),
          socialInsurance: flag('同时办理员工参保登记', 'Also enrol employees in social insurance'),
          housingFund: flag('同时办理住房公积金缴存登记', 'Also register for the housing fund'),
          pledge: PLEDGE,
        },
      },
    ],
    optional: ['postalCode', 'contactEmail', 'sealEngraving', 'taxInvoice', 'socialInsurance', 'housingFund'],
    widgets: { businessScope: 'textarea', residenceProof: 'radio', governance: 'radio', 'shareholders.kind': 'select', 'shareholders.method': 'select' },
    visibleIf: {
      governance: { field: 'companyType', in: ['llc_sole', 'llc', 'jsc'] },
      directorCount: { field: 'governance', equals: 'board' },
      supervisorName: { field: 'companyType', in: ['llc_sole', 'llc', 'jsc'] },
      'shareholders.idNumber': { field: 'kind', equals: 'person' },
      'shareholders.uscc': { field: 'kind', equals: 'enterprise' },
    },
    help: {
      companyName: t('行政区划 + 字号 + 行业 + 组织形式，如“澜州市青禾餐饮管理有限公司”；须先通过名称自主申报。', 'Region + trade name + trade + legal form; declare the name first.'),
      businessScope: t('参照《经营范围登记规范表述目录》选择规范表述。', 'Use the wording of the official catalogue of business-scope entries.'),
      residenceProof: t('签署承诺书的可先行登记，30日内补交住所使用证明（容缺）。', 'With a declaration you may register first and send the documents within 30 days.'),
      'shareholders.dueDate': t('有限责任公司自成立之日起不超过五年。', 'At most five years after incorporation for a limited liability company.'),
    },
    prefill: { legalRepName: person('name', true), legalRepIdNumber: person('idNumber', true), legalRepPhone: person('phone', false) },
  }),
};

const individualSetup: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'operator',
        title: t('经营者', 'Operator'),
        fields: {
          operatorName: name('经营者姓名', 'Name'),
          operatorIdNumber: idNumber('经营者公民身份号码', 'ID number'),
          operatorPhone: phone('联系电话', 'Phone'),
          operatorAddress: address('经营者住所', 'Home address'),
          organisation: choice('组成形式', 'Run by', [['personal', '个人经营', 'One person'], ['family', '家庭经营', 'A family']]),
          familyMembers: table('参加经营的家庭成员', 'Family members taking part', {
            name: name('姓名', 'Name'),
            idNumber: idNumber('公民身份号码', 'ID number'),
            relation: choice('与经营者关系', 'Relation', [['配偶', '配偶', 'Spouse'], ['子女', '子女', 'Child'], ['父母', '父母', 'Parent'], ['其他', '其他家庭成员', 'Other family member']]),
          }, ['name', 'idNumber', 'relation'], 1, 10),
        },
      },
      {
        key: 'name',
        title: t('名称', 'Business name'),
        fields: { useName: choice('是否使用名称', 'Trading name', [['yes', '使用名称', 'Use a name'], ['no', '不使用名称（以经营者姓名登记）', 'No name (registered under my own name)']]), businessName: text('个体工商户名称', 'Name', 50, { minLength: 4 }) },
      },
      {
        key: 'premises',
        title: t('经营场所', 'Premises'),
        fields: {
          premisesType: choice('经营场所类型', 'Kind of premises', [['physical', '实体经营场所', 'A shop or other premises'], ['online', '网络经营场所（仅通过网络经营）', 'Online only']]),
          premisesRegion: region('经营场所所在地区', 'Region'),
          premisesAddress: address('经营场所地址', 'Address'),
          platformName: text('网络交易平台名称', 'Online platform', 40, { minLength: 2 }),
          shopUrl: text('网店网址', 'Shop URL', 200, { pattern: '^https?://' }),
        },
      },
      {
        key: 'business',
        title: t('经营信息', 'Business'),
        fields: {
          businessScope: longText('经营范围', 'Business scope', 500),
          capital: num('资金数额（万元）', 'Capital (10,000 CNY)', 0.01, 100000),
          employees: int('从业人数', 'People working', 1, 999),
          pledge: PLEDGE,
        },
      },
    ],
    widgets: { organisation: 'radio', useName: 'radio', premisesType: 'radio', businessScope: 'textarea' },
    visibleIf: {
      familyMembers: { field: 'organisation', equals: 'family' },
      businessName: { field: 'useName', equals: 'yes' },
      premisesRegion: { field: 'premisesType', equals: 'physical' },
      premisesAddress: { field: 'premisesType', equals: 'physical' },
      platformName: { field: 'premisesType', equals: 'online' },
      shopUrl: { field: 'premisesType', equals: 'online' },
    },
    help: {
      businessName: t('行政区划 + 字号 + 行业 + 组织形式，如“澜州市明湖区青禾小吃店”。', 'Region + trade name + trade + form, e.g. “Minghu Qinghe Snack Bar”.'),
      shopUrl: t('以 http:// 或 https:// 开头。', 'Starts with http:// or https://.'),
    },
    prefill: { operatorName: person('name', true), operatorIdNumber: person('idNumber', true), operatorPhone: person('phone', false), operatorAddress: person('hukouAddress', false) },
  }),
};

const foodNew: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'operator',
        title: t('申请人', 'Applicant'),
        description: t('以营业执照登记的主体申请，一个经营场所一张许可证。', 'Apply as the registered business; one licence per premises.'),
        fields: { ...enterpriseFields('经营者名称（与营业执照一致）'), registeredAddress: address('住所', 'Registered address') },
      },
      {
        key: 'premises',
        title: t('经营场所', 'Premises'),
        fields: {
          storeName: text('门店名称', 'Name of the outlet', 60, { minLength: 2 }),
          premisesRegion: region('经营场所所在地区', 'Region'),
          premisesAddress: address('经营场所地址', 'Address'),
          premisesArea: num('经营场所使用面积（平方米）', 'Floor area used (m²)', 1, 100000),
          venueScale: choice('场所规模', 'Size', [['small', '150平方米以下', 'Under 150 m²'], ['medium', '150至500平方米', '150 to 500 m²'], ['large', '500平方米以上（公众聚集场所）', 'Over 500 m² (public assembly venue)']]),
          seats: int('就餐座位数', 'Seats', 0, 10000),
        },
      },
      {
        key: 'items',
        title: t('主体业态和经营项目', 'Kind of business and what you sell'),
        fields: {
          businessForm: choice('主体业态', 'Kind of business', [['sales', '食品销售经营者', 'Food retailer'], ['catering', '餐饮服务经营者', 'Catering'], ['canteen', '单位食堂', 'Canteen of an organisation']]),
          bulkFood: flag('散装食品销售（含散装熟食）', 'Sells unpackaged food (incl. cooked)'),
          specialFood: flag('特殊食品销售（保健食品、特殊医学用途配方食品、婴幼儿配方乳粉）', 'Sells special foods (health food, medical formula, infant formula)'),
          hotFood: flag('热食类食品制售', 'Prepares hot food'),
          coldFood: flag('冷食类食品制售', 'Prepares cold food'),
          rawFood: flag('生食类食品制售', 'Prepares raw food'),
          drinks: flag('自制饮品制售', 'Makes drinks'),
          online: flag('通过网络经营（外卖平台、网店）', 'Also sells online (delivery platform, web shop)'),
        },
      },
      {
        key: 'safety',
        title: t('食品安全管理', 'Food safety'),
        fields: {
          safetyManager: name('食品安全管理人员', 'Food safety manager'),
          safetyManagerPhone: phone('食品安全管理人员电话', 'Food safety manager’s phone'),
          staffCount: int('从业人员人数', 'Staff', 1, 10000),
          approach: choice('办理方式', 'Procedure', [['commitment', '告知承诺（当场发证，3个月内现场核查）', 'Declaration (licence at once, inspection within 3 months)'], ['standard', '一般程序（现场核查后发证）', 'Standard (inspection before the licence)']]),
        },
      },
      handlerSection(),
    ],
    optional: ['bulkFood', 'specialFood', 'hotFood', 'coldFood', 'rawFood', 'drinks', 'online'],
    widgets: { venueScale: 'radio', businessForm: 'radio', approach: 'radio' },
    visibleIf: {
      seats: { field: 'businessForm', in: ['catering', 'canteen'] },
      bulkFood: { field: 'businessForm', equals: 'sales' },
      specialFood: { field: 'businessForm', equals: 'sales' },
      hotFood: { field: 'businessForm', in: ['catering', 'canteen'] },
      coldFood: { field: 'businessForm', in: ['catering', 'canteen'] },
      rawFood: { field: 'businessForm', in: ['catering', 'canteen'] },
      drinks: { field: 'businessForm', in: ['catering', 'canteen'] },
    },
    help: {
      venueScale: t('500平方米以上的餐饮场所属于公众聚集场所，消防救援机构参加现场核查。', 'A catering venue over 500 m² is a public assembly venue: the fire and rescue service joins the inspection.'),
      approach: t('仅从事简单制售的小餐饮、食品销售可选择告知承诺。', 'Simple catering and food retail may choose the declaration.'),
    },
    prefill: { ...enterprisePrefill, registeredAddress: enterprise('registeredAddress', false), ...handlerPrefill },
  }),
  workflow: {
    review: [
      { key: 'documents', name: '材料审查', department: 'self' },
      { key: 'inspection', name: '现场核查', department: 'self', when: { field: 'approach', equals: 'standard' } },
      { key: 'fire_check', name: '消防安全联合核查', department: { kind: 'fire_rescue', level: 'city' }, when: { field: 'venueScale', equals: 'large' } },
    ],
  },
};

const drugRetail: DemoApplication = {
  form: form({
    sections: [
      { key: 'applicant', title: t('申请企业', 'Applicant'), fields: enterpriseFields('企业名称') },
      {
        key: 'store',
        title: t('药店信息', 'The pharmacy'),
        fields: {
          storeName: text('药店名称', 'Name of the pharmacy', 60, { minLength: 4 }),
          storeRegion: region('经营地址所在地区', 'Region'),
          storeAddress: address('经营地址', 'Address'),
          businessArea: num('营业场所使用面积（平方米）', 'Sales floor (m²)', 1, 100000),
          storageArea: num('仓库面积（平方米）', 'Storage (m²)', 0, 100000),
          chain: choice('经营方式', 'Kind', [['single', '单体药店', 'Independent pharmacy'], ['chain', '连锁门店', 'Branch of a chain']]),
          chainHeadquarters: text('所属连锁总部', 'Chain headquarters', 60, { minLength: 4 }),
        },
      },
      {
        key: 'scope',
        title: t('经营范围', 'What you sell'),
        fields: {
          prescription: flag('处方药', 'Prescription drugs'),
          otcA: flag('甲类非处方药', 'Class A OTC drugs'),
          otcB: flag('乙类非处方药', 'Class B OTC drugs'),
          tcmPieces: flag('中药饮片', 'Prepared Chinese herbal pieces'),
        },
      },
      {
        key: 'staff',
        title: t('人员', 'People'),
        fields: {
          manager: name('企业负责人', 'Manager'),
          qualityManager: name('质量负责人', 'Quality manager'),
          pharmacist: name('执业药师姓名', 'Licensed pharmacist'),
          pharmacistRegNo: text('执业药师注册证编号', 'Pharmacist’s registration number', 30, { minLength: 8 }),
        },
      },
      handlerSection(),
    ],
    optional: ['storageArea', 'prescription', 'otcA', 'otcB', 'tcmPieces'],
    widgets: { chain: 'radio' },
    visibleIf: { chainHeadquarters: { field: 'chain', equals: 'chain' } },
    help: { businessArea: t('澜州市城区不少于60平方米，青川市不少于50平方米（乡镇30平方米）。', 'At least 60 m² in Lanzhou’s urban districts, 50 m² in Qingchuan (30 m² in townships).') },
    prefill: { ...enterprisePrefill, ...handlerPrefill },
  }),
};

// ---------------------------------------------------------------------------------------------
// 消防: 公众聚集场所投入使用、营业前消防安全检查；建设工程消防验收
// ---------------------------------------------------------------------------------------------

const fireInspection: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'unit',
        title: t('申请单位', 'Applicant'),
        fields: { ...enterpriseFields(), fireManager: name('消防安全管理人', 'Fire safety manager'), fireManagerPhone: phone('消防安全管理人电话', 'Fire safety manager’s phone') },
      },
      {
        key: 'venue',
        title: t('场所信息', 'The venue'),
        fields: {
          venueName: text('场所名称', 'Name of the venue', 60, { minLength: 2 }),
          venueRegion: region('场所所在地区', 'Region'),
          venueAddress: address('场所地址', 'Address'),
          venueType: choice('场所类型', 'Kind of venue', [
            ['hotel', '宾馆', 'Hotel'], ['restaurant', '饭店（餐饮场所）', 'Restaurant'], ['mall', '商场', 'Shopping centre'], ['market', '集贸市场', 'Market'],
            ['entertainment', '公共娱乐场所', 'Entertainment venue'], ['sports', '体育场馆', 'Sports venue'], ['other', '其他公众聚集场所', 'Other public assembly venue'],
          ]),
          floors: text('所在楼层', 'Floors', 20, { minLength: 1 }),
          venueArea: num('使用面积（平方米）', 'Floor area (m²)', 1, 1000000),
          capacity: int('最大容纳人数', 'Maximum occupancy', 1, 100000),
          buildingAcceptance: choice('所在建筑消防验收情况', 'Fire acceptance of the building', [['accepted', '已通过消防验收', 'Passed fire acceptance'], ['filed', '已完成竣工验收消防备案', 'Filed after completion'], ['none', '依法不需要验收或备案', 'Not required']]),
          acceptanceDocNo: text('消防验收（备案）文号', 'Acceptance (filing) reference', 40, { minLength: 4 }),
        },
      },
      {
        key: 'procedure',
        title: t('办理方式', 'Procedure'),
        fields: {
          approach: choice('办理方式', 'Procedure', [['commitment', '告知承诺（当场许可，许可后核查）', 'Declaration (permit at once, checked afterwards)'], ['standard', '不采用告知承诺（检查合格后许可）', 'Inspection before the permit']]),
          plannedOpening: date('拟投入使用、营业日期', 'Planned opening'),
        },
      },
      handlerSection(),
    ],
    widgets: { approach: 'radio' },
    visibleIf: { acceptanceDocNo: { field: 'buildingAcceptance', in: ['accepted', 'filed'] } },
    help: { floors: t('如“1至2层”“地下1层”。', 'E.g. “floors 1–2”, “basement 1”.') },
    prefill: { ...enterprisePrefill, ...handlerPrefill },
  }),
};

const fireAcceptance: DemoApplication = {
  form: form({
    sections: [
      {
        key: 'unit',
        title: t('建设单位', 'Developer'),
        fields: { ...enterpriseFields('建设单位名称'), projectManager: name('项目负责人', 'Project manager'), projectManagerPhone: phone('项目负责人电话', 'Project manager’s phone') },
      },
      {
        key: 'project',
        title: t('工程信息', 'The project'),
        fields: {
          projectName: text('工程名称', 'Project name', 80, { minLength: 4 }),
          projectCode: text('项目代码', 'Project code', 24, { pattern: '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$' }),
          permitNo: text('施工许可证编号', 'Construction permit number', 40, { minLength: 6 }),
          projectRegion: region('工程所在地区', 'Region'),
          projectAddress: address('工程地址', 'Address'),
          category: choice('特殊建设工程类别', 'Kind of special project', [
            ['crowd', '大型人员密集场所', 'Large crowded venue'], ['highrise', '高层公共建筑', 'High-rise public building'],
            ['underground', '地下或半地下公共建筑', 'Underground public building'], ['other', '其他特殊建设工程', 'Other special project'],
          ]),
          useType: text('使用性质', 'Use', 30, { minLength: 2 }),
          buildingArea: num('总建筑面积（平方米）', 'Total floor area (m²)', 1, 10000000),
          buildingHeight: num('建筑高度（米）', 'Height (m)', 0, 1000),
          floorsAbove: int('地上层数', 'Floors above ground', 1, 200),
          floorsBelow: int('地下层数', 'Floors below ground', 0, 20),
          designReviewNo: text('消防设计审查意见书文号', 'Fire design review reference', 40, { minLength: 6 }),
        },
      },
      {
        key: 'participants',
        title: t('参建单位', 'Firms involved'),
        fields: {
          participants: table('参建单位', 'Firms', {
            role: choice('单位类别', 'Role', [['design', '设计单位', 'Designer'], ['construction', '施工单位', 'Builder'], ['supervision', '监理单位', 'Supervisor'], ['fire_service', '消防技术服务机构', 'Fire technical service']]),
            name: text('单位名称', 'Name', 60, { minLength: 4 }),
            uscc: uscc('统一社会信用代码', 'Unified social credit code'),
          }, ['role', 'name', 'uscc'], 3, 20),
          jointPlanning: flag('同时申请规划条件核实（竣工联合验收）', 'Also have the planning conditions checked (joint completion acceptance)'),
        },
      },
      handlerSection(),
    ],
    optional: ['jointPlanning'],
    widgets: { 'participants.role': 'select' },
    help: {
      projectCode: t('投资项目在线审批监管平台赋予的项目代码，如 2026-390100-47-01-000123。', 'The code given by the investment project platform, e.g. 2026-390100-47-01-000123.'),
      jointPlanning: t('勾选后住建部门会同自然资源和规划部门联合验收，一次现场、一份结论。', 'The housing and planning departments then inspect together: one visit, one conclusion.'),
    },
    prefill: { ...enterprisePrefill, ...handlerPrefill },
  }),
  workflow: {
    review: [
      { key: 'acceptance', name: '消防验收现场评定', department: 'self' },
      { key: 'rescue', name: '灭火救援条件查验', department: { kind: 'fire_rescue', level: 'city' }, when: { field: 'category', in: ['crowd', 'highrise'] } },
      { key: 'planning', name: '规划条件核实', department: { kind: 'natural_resources', level: 'city' }, when: { field: 'jointPlanning', equals: true } },
    ],
  },
};

/** The demo forms (and workflows) by the basic item they belong to. */
export const DEMO_APPLICATION_FORMS = {
  oldAge,
  lowIncomeConfirm,
  birthRegistration,
  residencePermit,
  residentMedical,
  unemploymentBenefit,
  fundRent,
  fundPurchase,
  fundDeposit,
  enterpriseSetup,
  individualSetup,
  foodNew,
  drugRetail,
  fireInspection,
  fireAcceptance,
} satisfies Partial<Record<BasicHandle, DemoApplication>>;

export type DemoFormHandle = keyof typeof DEMO_APPLICATION_FORMS;
