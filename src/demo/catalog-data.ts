/**
 * The demo province's service catalogue (基本目录 + 实施清单 with complete 办事指南), as a `tongban.catalog/1` file.
 *
 * Everything is fictional like the rest of 云澜省: departments are the demo departments (named by USCC), local
 * amounts, thresholds, window numbers and provincial rules named 《云澜省…》 are made up. National laws and
 * regulations are real and quoted as closely as we know them; check the current text before relying on a clause.
 *
 * Basic codes (inferred, see DOMAIN.md): 6-digit competent-department code + 3-digit main item + 3-digit sub-item; a
 * handling item (业务办理项) appends 2 digits. The competent-department codes used here:
 *
 *   000109 公安   000110 民政   000114 自然资源   000115 人力资源社会保障   000121 卫生健康   000123 住房城乡建设（含住房公积金）
 *   000124 交通运输   000125 消防救援   000131 市场监管（含药品监管）   000133 税务   000162 医疗保障
 *
 * Only 000131 and 000125 come from real published examples; the others are plausible inventions. The demo province
 * has no provincial natural-resources or transport department, so 住建厅 stands in as the competent department of the
 * 000114 and 000124 items (their implementing departments are still the cities' 自然资源和规划局 and 交通运输局).
 *
 * Licence type codes (`licenseTypeCode`, MaterialSubstitute codes) follow the GB/T 36903 shape (issuer code + 3-digit
 * serial); apart from 居民身份证 (a real published example) they are made up. Shared-data codes (`population.hukou`, …)
 * name the data resources the platform's data catalogue is expected to offer.
 *
 * Deterministic: no clock, no randomness; the same call returns the same file.
 */
import { CATALOG_FORMAT, type CatalogFile, type FileBasicItem, type FileItem, type Guide, type Material, type TimeLimit } from '../modules/catalog/catalog.schemas.js';
import type { ItemTypeCode } from '../modules/catalog/catalog.vocab.js';
import { demoDepartments, demoRegions, type DemoDepartment } from './province-data.js';
import { DEMO_APPLICATION_FORMS } from './application-forms.js';

type Place = Guide['places'][number];
type Contact = Guide['consultation'];
type Faq = Guide['faq'][number];
type Substitute = Material['substitutes'][number];
type LegalBasis = Guide['legalBasis'][number];

// ---------------------------------------------------------------------------------------------
// Departments, places and contacts
// ---------------------------------------------------------------------------------------------

const deptByKey = new Map(demoDepartments.map((d) => [d.key, d]));

/** A demo department by key (`mh_scjg`); throws on an unknown key so a typo cannot slip into the file. */
export function dept(key: string): DemoDepartment {
  const d = deptByKey.get(key);
  if (!d) throw new Error(`catalog demo data: no department ${key}`);
  return d;
}

const regionByCode = new Map(demoRegions.map((r) => [r.code, r]));

/** 澜州市明湖区 / 澜州市 / 云澜省 */
function regionLabel(d: DemoDepartment): string {
  const r = regionByCode.get(d.regionCode);
  if (!r) throw new Error(`catalog demo data: no region ${d.regionCode}`);
  if (r.level !== 'district') return r.name;
  return `${regionByCode.get(r.parentCode ?? '')?.name ?? ''}${r.name}`;
}

/** The government service centre (政务服务中心) of a department's region, where most windows are. */
function serviceHall(d: DemoDepartment): { name: string; address: string } {
  const prefix = d.key.split('_')[0];
  if (d.level === 'district') {
    const c = dept(`${prefix}_zwfw`);
    return { name: c.name, address: c.address };
  }
  const c = dept(`${prefix}_zwsj`);
  return { name: c.name.replace('政务服务和数据管理局', '政务服务中心'), address: c.address };
}

const HOURS = '周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）';
const HOURS_SAT = '周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00 延时服务（法定节假日除外）';

/** A window in the region's government service centre, staffed by the department. */
function hallPlace(key: string, window: string, hours = HOURS): Place {
  const d = dept(key);
  const hall = serviceHall(d);
  return { name: `${hall.name}${window}`, address: hall.address, hours, phone: d.phone };
}

/** The department's own office. */
function officePlace(key: string, window: string, hours = HOURS): Place {
  const d = dept(key);
  return { name: `${d.name}${window}`, address: d.address, hours, phone: d.phone };
}

const consultation = (key: string): Contact => ({ phone: dept(key).phone, address: dept(key).address });

/** 12345 hotline; written complaints go to the service centre's supervision office. */
const complaint = (key: string): Contact => ({ phone: '12345', address: `${serviceHall(dept(key)).address}（${serviceHall(dept(key)).name}效能监督室）` });

/** Common FAQ entries with the local ones appended, at most 5: local entries push out the last common ones. */
const withLocal = (common: Faq[], local: Faq[] = []): Faq[] => [...common.slice(0, Math.max(0, 5 - local.length)), ...local];

const wd = (value: number): TimeLimit => ({ value, unit: 'working_day' });
const nd = (value: number): TimeLimit => ({ value, unit: 'natural_day' });

const FREE: Guide['fees'] = { charged: false, items: [] };

// ---------------------------------------------------------------------------------------------
// Licences and shared data that stand in for materials (免提交)
// ---------------------------------------------------------------------------------------------

const lic = (code: string, name: string): Substitute => ({ kind: 'license', code, name });
const data = (code: string, name: string): Substitute => ({ kind: 'shared_data', code, name });

export const DEMO_LICENCE_TYPES = {
  idCard: lic('11100000000013338W001', '居民身份证'),
  hukouBook: lic('11100000000013338W002', '居民户口簿'),
  residencePermit: lic('11100000000013338W018', '居住证'),
  vehicleLicence: lic('11100000000013338W007', '机动车行驶证'),
  businessLicence: lic('11100000000019427K001', '营业执照'),
  foodBusinessLicence: lic('11100000000019427K014', '食品经营许可证'),
  drugBusinessLicence: lic('11100000000019427K021', '药品经营许可证'),
  pharmacistRegistration: lic('11100000000019427K035', '执业药师注册证'),
  birthCertificate: lic('11100000000021224Y001', '出生医学证明'),
  marriageCertificate: lic('11100000000014316P003', '结婚证'),
  disabilityCertificate: lic('51100000500015243M001', '中华人民共和国残疾人证'),
  socialSecurityCard: lic('11100000000017325L002', '社会保障卡'),
  employmentCertificate: lic('11100000000017325L011', '就业创业证'),
  skillCertificate: lic('11100000000017325L021', '职业技能等级证书'),
  realEstateCertificate: lic('11100000000018276T001', '不动产权证书'),
  presaleLicence: lic('11100000000018276T015', '商品房预售许可证'),
  fireInspectionCertificate: lic('11100000000016842F003', '公众聚集场所投入使用、营业前消防安全检查合格证'),
  roadTransportLicence: lic('11100000000019143B005', '道路运输经营许可证'),
  driverQualification: lic('11100000000019143B011', '道路运输从业人员从业资格证'),
} as const;
const L = DEMO_LICENCE_TYPES;

const D = {
  hukou: data('population.hukou', '户籍信息'),
  marriage: data('population.marriage', '婚姻登记信息'),
  birth: data('population.birth', '出生医学证明信息'),
  death: data('population.death', '死亡信息'),
  enterprise: data('enterprise.registration', '市场主体登记信息'),
  socialInsurance: data('social_insurance.record', '社会保险参保缴费信息'),
  retirement: data('social_insurance.retirement', '退休审批信息'),
  employment: data('hrss.employment_registration', '就业失业登记信息'),
  assistance: data('civil_affairs.assistance', '低保、特困人员认定信息'),
  realEstate: data('realty.ownership', '不动产登记信息'),
  contractFiling: data('housing.contract_filing', '商品房网签备案信息'),
  deedTax: data('tax.deed_tax', '契税完税信息'),
  taxClearance: data('tax.clearance', '清税信息'),
  degree: data('education.degree', '学历学位信息'),
  medicalInsurance: data('medical_insurance.record', '医疗保险参保信息'),
} as const;

// ---------------------------------------------------------------------------------------------
// Materials used by many guides
// ---------------------------------------------------------------------------------------------

type MaterialInput = Pick<Material, 'key' | 'name' | 'acceptanceStandard'> & Partial<Material>;

/** A material with the usual defaults: required, original, one copy, supplied by the applicant. */
const mat = (m: MaterialInput): Material => ({
  key: m.key,
  name: m.name,
  necessity: m.necessity ?? 'required',
  ...(m.condition ? { condition: m.condition } : {}),
  form: m.form ?? 'original',
  copies: m.copies ?? 1,
  sourceChannel: m.sourceChannel ?? 'applicant',
  ...(m.issuedBy ? { issuedBy: m.issuedBy } : {}),
  substitutes: m.substitutes ?? [],
  acceptanceStandard: m.acceptanceStandard,
  ...(m.basis ? { basis: m.basis } : {}),
  ...(m.notes ? { notes: m.notes } : {}),
});

/** Someone's 居民身份证: shown, not kept; replaced by the e-ID once the applicant has authorised it. */
const idCard = (key: string, who: string, extra: Partial<Material> = {}): Material =>
  mat({
    key,
    name: `${who}居民身份证`,
    form: 'original_or_electronic',
    sourceChannel: 'government',
    issuedBy: '公安机关',
    substitutes: [L.idCard],
    acceptanceStandard: `${who}本人有效期内的居民身份证原件，信息清晰完整；已授权调用电子身份证的免于提交。`,
    ...extra,
  });

const hukouBook = (key: string, who: string, extra: Partial<Material> = {}): Material =>
  mat({
    key,
    name: `${who}居民户口簿`,
    form: 'original_or_electronic',
    sourceChannel: 'government',
    issuedBy: '公安机关户籍管理部门',
    substitutes: [D.hukou, L.hukouBook],
    acceptanceStandard: '户口簿首页和本人页齐全，记载信息与身份证一致；系统可核验户籍信息的免于提交。',
    ...extra,
  });

const businessLicence = (key = 'business_licence', extra: Partial<Material> = {}): Material =>
  mat({
    key,
    name: '营业执照',
    form: 'original_or_electronic',
    sourceChannel: 'government',
    issuedBy: '市场监督管理部门',
    substitutes: [L.businessLicence, D.enterprise],
    acceptanceStandard: '营业执照在有效期内，登记状态为存续；可通过电子营业执照或登记信息共享核验的免于提交。',
    ...extra,
  });

const agentAuthorisation = (key = 'agent_authorisation', who = '申请人'): Material =>
  mat({
    key,
    name: '授权委托书及受托人居民身份证',
    necessity: 'conditional',
    condition: `委托他人代为办理的`,
    sourceChannel: 'applicant',
    substitutes: [L.idCard],
    acceptanceStandard: `委托书由${who}签名（单位加盖公章），写明委托事项、权限和期限；受托人身份证在有效期内。`,
  });

const socialSecurityCardAccount = (key = 'bank_account'): Material =>
  mat({
    key,
    name: '本人社会保障卡（金融账户已激活）或本人银行结算账户',
    form: 'original_or_electronic',
    sourceChannel: 'applicant',
    substitutes: [L.socialSecurityCard],
    acceptanceStandard: '账户户名须为申请人本人，状态正常；已激活金融功能的社会保障卡可直接作为发放账户。',
  });

// ---------------------------------------------------------------------------------------------
// Basic catalogue
// ---------------------------------------------------------------------------------------------

/** Competent-department code → province-level competent department. */
const COMPETENT: Record<string, string> = {
  '000109': 'yl_ga',
  '000110': 'yl_mz',
  '000114': 'yl_zj', // stand-in: no provincial natural-resources department in the demo
  '000115': 'yl_rs',
  '000121': 'yl_wj',
  '000123': 'yl_zj',
  '000124': 'yl_zj', // stand-in: no provincial transport department in the demo
  '000125': 'yl_xf',
  '000131': 'yl_scjg',
  '000133': 'yl_sw',
  '000162': 'yl_yb',
};

function basic(code: string, name: string, nameEn: string, itemType: ItemTypeCode, parentCode?: string): FileBasicItem {
  const key = COMPETENT[code.slice(0, 6)];
  if (!key) throw new Error(`catalog demo data: no competent department for ${code}`);
  return {
    code,
    ...(parentCode ? { parentCode } : {}),
    name,
    nameEn,
    itemType,
    competentDepartment: dept(key).uscc,
  };
}

/** Basic codes by a short handle, so items below name what they implement. */
export const B = {
  marketEntity: '000131127000',
  enterprise: '000131127004',
  enterpriseSetup: '00013112700401',
  enterpriseChange: '00013112700402',
  enterpriseDeregistration: '00013112700403',
  individual: '000131127005',
  individualSetup: '00013112700501',
  food: '000131024000',
  foodLicence: '000131024001',
  foodNew: '00013102400101',
  foodChange: '00013102400102',
  foodRenewal: '00013102400103',
  foodCancel: '00013102400104',
  drug: '000131032000',
  drugRetail: '000131032002',
  hukou: '000109001000',
  birthRegistration: '000109001001',
  hukouTransfer: '000109001002',
  deathDeregistration: '000109001003',
  idCard: '000109002000',
  idCardFirst: '000109002001',
  idCardRenewal: '000109002002',
  residencePermit: '000109003000',
  seal: '000109004000',
  rental: '000109005000',
  birthCertificate: '000121011000',
  birthCertificateFirst: '000121011001',
  deathCertificate: '000121012000',
  residentMedical: '000162001000',
  medicalTransfer: '000162003000',
  remoteMedical: '000162004000',
  maternity: '000162006000',
  maternityAllowance: '000162006001',
  ssCard: '000115101000',
  ssCardApply: '000115101001',
  ssCardReplace: '000115101002',
  unemployment: '000115102000',
  unemploymentBenefit: '000115102001',
  insuranceRegistration: '000115103000',
  employeeInsurance: '000115103001',
  flexibleInsurance: '000115103002',
  pension: '000115104000',
  retirement: '000115104001',
  employmentCert: '000115105000',
  skillCert: '000115106000',
  fundWithdrawal: '000123020000',
  fundPurchase: '000123020001',
  fundRent: '000123020002',
  fundRetire: '000123020003',
  fundDeposit: '000123021000',
  presale: '000123030000',
  fireAcceptance: '000123031000',
  publicRental: '000123032000',
  fireInspection: '000125049000',
  oldAge: '000110011000',
  lowIncome: '000110012000',
  lowIncomeConfirm: '000110012001',
  marriage: '000110013000',
  marriageRegistration: '000110013001',
  disability: '000110014000',
  taxRegistration: '000133001000',
  invoice: '000133002000',
  taxPackage: '000133003000',
  realEstate: '000114051000',
  realEstateTransfer: '000114051001',
  roadTransport: '000124010000',
  roadFreight: '000124010001',
} as const;

function basicItems(): FileBasicItem[] {
  return [
    // 市场监管
    basic(B.marketEntity, '市场主体登记', 'Registration of market entities', '01'),
    basic(B.enterprise, '企业登记', 'Enterprise registration', '01', B.marketEntity),
    basic(B.enterpriseSetup, '企业设立登记', 'Registration of a new enterprise (business licence)', '01', B.enterprise),
    basic(B.enterpriseChange, '企业变更登记', 'Registration of changes to an enterprise', '01', B.enterprise),
    basic(B.enterpriseDeregistration, '企业注销登记', 'Deregistration of an enterprise', '01', B.enterprise),
    basic(B.individual, '个体工商户登记', 'Registration of individual businesses', '01', B.marketEntity),
    basic(B.individualSetup, '个体工商户设立登记', 'Registration of a new individual business', '01', B.individual),
    basic(B.food, '食品经营许可', 'Food business licence', '01'),
    basic(B.foodLicence, '食品经营许可证核发', 'Issue of food business licences (food sales, catering, canteens)', '01', B.food),
    basic(B.foodNew, '食品经营许可（新办）', 'Food business licence: new', '01', B.foodLicence),
    basic(B.foodChange, '食品经营许可（变更）', 'Food business licence: change', '01', B.foodLicence),
    basic(B.foodRenewal, '食品经营许可（延续）', 'Food business licence: renewal', '01', B.foodLicence),
    basic(B.foodCancel, '食品经营许可（注销）', 'Food business licence: cancellation', '01', B.foodLicence),
    basic(B.drug, '药品经营许可', 'Drug trading licence', '01'),
    basic(B.drugRetail, '药品零售经营许可', 'Drug retail licence (pharmacies)', '01', B.drug),
    // 公安
    basic(B.hukou, '户口登记', 'Household registration', '07'),
    basic(B.birthRegistration, '出生登记', 'Registration of a birth in the household register', '07', B.hukou),
    basic(B.hukouTransfer, '户口迁移', 'Transfer of household registration', '07', B.hukou),
    basic(B.deathDeregistration, '死亡注销户口', 'Removal of a deceased person from the household register', '07', B.hukou),
    basic(B.idCard, '居民身份证办理', 'Resident identity cards', '07'),
    basic(B.idCardFirst, '居民身份证首次申领', 'First application for a resident identity card', '07', B.idCard),
    basic(B.idCardRenewal, '居民身份证换领、补领', 'Renewal or replacement of a resident identity card', '07', B.idCard),
    basic(B.residencePermit, '居住证办理', 'Residence permit', '07'),
    basic(B.seal, '公章刻制备案', 'Filing of official seal engraving', '10'),
    basic(B.rental, '出租房屋登记备案', 'Registration of rented-out housing', '10'),
    // 卫生健康
    basic(B.birthCertificate, '出生医学证明办理', 'Medical birth certificates', '20'),
    basic(B.birthCertificateFirst, '出生医学证明首次签发', 'First issue of a medical birth certificate', '20', B.birthCertificate),
    basic(B.deathCertificate, '居民死亡医学证明（推断）书签发', 'Medical certificate of death', '20'),
    // 医疗保障
    basic(B.residentMedical, '城乡居民基本医疗保险参保登记', 'Enrolment in basic medical insurance for urban and rural residents', '20'),
    basic(B.medicalTransfer, '基本医疗保险关系转移接续', 'Transfer of basic medical insurance between regions', '20'),
    basic(B.remoteMedical, '异地就医备案', 'Registration for medical treatment in another region', '20'),
    basic(B.maternity, '生育保险待遇', 'Maternity insurance benefits', '20'),
    basic(B.maternityAllowance, '生育津贴支付', 'Payment of maternity allowance', '20', B.maternity),
    // 人力资源社会保障
    basic(B.ssCard, '社会保障卡服务', 'Social security card services', '20'),
    basic(B.ssCardApply, '社会保障卡申领', 'Application for a social security card', '20', B.ssCard),
    basic(B.ssCardReplace, '社会保障卡挂失与补领', 'Reporting a lost social security card and replacing it', '20', B.ssCard),
    basic(B.unemployment, '失业保险待遇', 'Unemployment insurance benefits', '20'),
    basic(B.unemploymentBenefit, '失业保险金申领', 'Claiming unemployment insurance benefit', '20', B.unemployment),
    basic(B.insuranceRegistration, '社会保险参保登记', 'Social insurance enrolment', '20'),
    basic(B.employeeInsurance, '单位职工参保登记', 'Enrolment of employees in social insurance', '20', B.insuranceRegistration),
    basic(B.flexibleInsurance, '灵活就业人员参保登记', 'Social insurance enrolment of flexibly employed people', '20', B.insuranceRegistration),
    basic(B.pension, '养老保险待遇核定与支付', 'Old-age insurance benefits', '20'),
    basic(B.retirement, '职工基本养老保险退休待遇申领', 'Claiming the basic pension on retirement', '20', B.pension),
    basic(B.employmentCert, '就业创业证申领', 'Employment and entrepreneurship certificate', '20'),
    basic(B.skillCert, '职业技能等级认定', 'Vocational skill level certification', '20'),
    // 住房城乡建设、住房公积金
    basic(B.fundWithdrawal, '住房公积金提取', 'Housing provident fund withdrawal', '20'),
    basic(B.fundPurchase, '购房提取住房公积金', 'Housing fund withdrawal for buying a home', '20', B.fundWithdrawal),
    basic(B.fundRent, '租房提取住房公积金', 'Housing fund withdrawal for paying rent', '20', B.fundWithdrawal),
    basic(B.fundRetire, '退休提取住房公积金', 'Housing fund withdrawal on retirement', '20', B.fundWithdrawal),
    basic(B.fundDeposit, '住房公积金单位缴存登记', 'Employer registration for housing fund contributions', '20'),
    basic(B.presale, '商品房预售许可', 'Pre-sale permit for commercial housing', '01'),
    basic(B.fireAcceptance, '建设工程消防验收', 'Fire-safety acceptance of construction projects', '01'),
    basic(B.publicRental, '公共租赁住房申请', 'Application for public rental housing', '05'),
    // 消防救援
    basic(B.fireInspection, '公众聚集场所投入使用、营业前消防安全检查', 'Fire-safety inspection of public assembly venues before opening', '01'),
    // 民政
    basic(B.oldAge, '高龄津贴申领', 'Old-age allowance for people aged 70 and over', '05'),
    basic(B.lowIncome, '最低生活保障', 'Minimum living allowance (dibao)', '05'),
    basic(B.lowIncomeConfirm, '最低生活保障审核确认', 'Review and confirmation of minimum living allowance', '05', B.lowIncome),
    basic(B.marriage, '婚姻登记', 'Marriage registration', '07'),
    basic(B.marriageRegistration, '内地居民结婚登记', 'Registration of a marriage between mainland residents', '07', B.marriage),
    basic(B.disability, '残疾人两项补贴申领', 'Living and nursing allowances for people with disabilities', '05'),
    // 税务
    basic(B.taxRegistration, '税务登记信息确认', 'Confirmation of tax registration information', '07'),
    basic(B.invoice, '发票领用', 'Obtaining invoices', '10'),
    basic(B.taxPackage, '新办纳税人套餐式服务', 'Package of tax services for new taxpayers', '20'),
    // 自然资源
    basic(B.realEstate, '不动产登记', 'Real estate registration', '07'),
    basic(B.realEstateTransfer, '国有建设用地使用权及房屋所有权转移登记', 'Transfer registration of land use rights and building ownership', '07', B.realEstate),
    // 交通运输
    basic(B.roadTransport, '道路运输经营许可', 'Road transport business licence', '01'),
    basic(B.roadFreight, '道路货物运输经营许可', 'Road freight transport business licence', '01', B.roadTransport),
  ];
}

// ---------------------------------------------------------------------------------------------
// Items: one builder per service, called once per implementing department with its local differences
// ---------------------------------------------------------------------------------------------

interface ItemOptions {
  status?: 'draft';
  changeNote?: string;
}

function item(basicCode: string, key: string, guide: Guide, opts: ItemOptions = {}): FileItem {
  return {
    basicCode,
    department: dept(key).uscc,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.changeNote ? { changeNote: opts.changeNote } : {}),
    guide,
  };
}

/** The parts every guide has in the same shape: contacts from the department, the 12345 complaint line. */
function contacts(key: string): Pick<Guide, 'consultation' | 'complaint'> {
  return { consultation: consultation(key), complaint: complaint(key) };
}

const law = (title: string, clause?: string): LegalBasis => (clause ? { title, clause } : { title });

const LICENSING_LAW_42 = law(
  '《中华人民共和国行政许可法》第四十二条',
  '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。但是，法律、法规另有规定的，依照其规定。',
);

// ---------------------------------------------------------------------------------------------
// 市场监管: 企业登记、个体工商户、食品经营许可、药品零售
// ---------------------------------------------------------------------------------------------

const MARKET_ENTITY_REGULATION = '《中华人民共和国市场主体登记管理条例》';

interface DistrictWindow {
  /** Implementing department key. */
  at: string;
  /** Window inside the region's service centre. */
  window: string;
  /** Promised limit in working days; 0 with `instant` for on-the-spot items. */
  promised: number;
  instant?: boolean;
  hours?: string;
  /** A further place, e.g. a township service point that accepts applications. */
  extraPlace?: Place;
  /** Local rules or practice worth a sentence in the conditions. */
  localNote?: string;
  /** Local FAQ entries added after the common ones. */
  localFaq?: Faq[];
}

function enterpriseSetup(w: DistrictWindow): FileItem {
  const d = dept(w.at);
  return item(B.enterpriseSetup, w.at, {
    aliases: ['办营业执照', '办执照', '注册公司', '开公司', '公司注册', '成立公司', '新办企业', '工商注册', '公司设立登记', '营业执照办理', '有限公司注册'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['establishment', 'employment'],
    lifeEvents: ['enterprise_opening', 'restaurant_opening'],
    summary: `在${regionLabel(d)}设立有限责任公司、股份有限公司、个人独资企业、合伙企业等企业的，申请设立登记，领取营业执照（同步发放电子营业执照）。`,
    conditions: [
      '1. 申请人为拟设立企业的全体股东（出资人）或其委托的代理人；拟用企业名称已通过企业名称自主申报系统申报，且在保留期内。',
      '2. 有符合规定的住所（经营场所）。住所应为依法可用于经营的房屋；将住宅改变为经营性用房的，应当遵守法律、法规和管理规约，并经有利害关系的业主同意。',
      '3. 股东人数、出资方式和出资期限符合《中华人民共和国公司法》规定；有限责任公司全体股东认缴的出资额应当自公司成立之日起五年内缴足。',
      '4. 有符合公司法规定的公司章程，依法确定董事、监事、高级管理人员和法定代表人。',
      '5. 经营范围按照《经营范围登记规范表述目录》选择规范表述；涉及登记前置许可的，应当先取得批准文件。',
      '6. 法定代表人、股东、经办人等相关人员已完成实名认证，且不存在被列入严重违法失信名单、失信被执行人名单等依法不得担任法定代表人的情形。',
      w.localNote ?? '',
    ].filter(Boolean).join(''),
    legalBasis: [
      law('《中华人民共和国公司法》第二十九条', '设立公司，应当依法向公司登记机关申请设立登记。法律、行政法规规定设立公司必须报经批准的，应当在公司登记前依法办理批准手续。'),
      law('《中华人民共和国公司法》第三十三条', '依法设立的公司，由公司登记机关发给公司营业执照。公司营业执照签发日期为公司成立日期。公司登记机关可以发给电子营业执照。电子营业执照与纸质营业执照具有同等法律效力。'),
      law(`${MARKET_ENTITY_REGULATION}第三条`, '市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。法律、行政法规规定无需办理登记的除外。'),
      law(`${MARKET_ENTITY_REGULATION}第十九条`, '登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。不能当场登记的，应当在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '名称申报', description: '登录云澜省政务服务网“企业开办一件事”专区，通过企业名称自主申报系统查询、比对并申报拟用名称。' },
      { name: '网上填报', description: '在线填写设立登记信息、上传章程等材料；法定代表人、股东等人员通过手机完成实名认证和电子签名。' },
      { name: '受理审查', description: '登记机关对申请材料进行形式审查；材料不全或不符合法定形式的，一次性告知需要补正的全部内容。', timeLimit: wd(w.promised) },
      { name: '核准发照', description: '予以登记的，核发营业执照并同步生成电子营业执照；纸质执照可窗口领取或免费邮寄。' },
      { name: '信息推送', description: '登记信息同步推送公安、税务、人力资源社会保障、医疗保障、住房公积金等部门，可在同一专区继续办理公章刻制、发票申领、员工参保和公积金缴存登记。' },
    ],
    places: [hallPlace(w.at, `企业开办专区${w.window}`, w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: ['公安机关（公章刻制备案）', '税务部门（涉税信息确认、发票领用）', '人力资源社会保障部门（员工参保登记）', '住房公积金管理中心（单位缴存登记）'],
    intermediaryServices: '无',
    result: { name: '营业执照', type: 'license', licenseTypeCode: L.businessLicence.code },
    faq: withLocal([
      { question: '注册公司时需要实际缴纳注册资本吗？要不要验资？', answer: '登记时不需要实缴，也不需要验资报告。自2024年7月1日起，有限责任公司全体股东认缴的出资额应当自公司成立之日起五年内缴足，请根据实际经营需要合理确定注册资本和出资期限，出资情况需通过国家企业信用信息公示系统如实公示。' },
      { question: '可以用自己住的房子注册公司吗？', answer: '可以，但应当遵守法律、法规和管理规约，并经有利害关系的业主同意。餐饮、娱乐等可能影响邻里的行业不得将住宅作为经营场所。' },
      { question: '电子营业执照和纸质营业执照有什么区别？', answer: '两者具有同等法律效力。电子营业执照可在手机上亮照、下载和授权使用，办理银行开户、税务、社保等业务时可代替纸质执照。' },
      { question: '拿到营业执照后还要办哪些事？', answer: '一般还需刻制公章、办理税务信息确认和发票领用、为员工办理社会保险和住房公积金登记、开立银行账户。通过“企业开办一件事”专区可一次填报、同时办理，全程不超过1个工作日。' },
      { question: '名称申报以后能保留多久？', answer: '通过自主申报的企业名称保留期为2个月，期满未办理设立登记的自动失效，需要重新申报。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '公司登记（备案）申请书', form: 'electronic', sourceChannel: 'applicant', acceptanceStandard: '按系统要求完整填写，由法定代表人签署；网上办理的以电子签名代替手写签名。' }),
      mat({ key: 'articles', name: '公司章程', form: 'original_or_electronic', acceptanceStandard: '由全体股东签署（股份有限公司由全体发起人签署），载明公司名称和住所、经营范围、注册资本、股东出资额、出资方式和出资日期、法定代表人的产生办法等法定事项。' }),
      mat({ key: 'shareholder_identity', name: '股东（出资人）主体资格证明', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关（自然人股东）、登记机关（法人股东）', substitutes: [L.idCard, L.businessLicence], acceptanceStandard: '自然人股东提供居民身份证，法人股东提供营业执照；已在系统完成实名认证或可共享核验的免于提交。' }),
      mat({ key: 'officers', name: '法定代表人、董事、监事和经理的任职文件', form: 'original_or_electronic', acceptanceStandard: '依据公司章程由股东会决议或股东决定产生，签字齐全；任职人员的身份信息已完成实名核验。' }),
      mat({ key: 'residence', name: '住所（经营场所）使用证明', necessity: 'deferrable', form: 'original_or_electronic', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '自有房产提供不动产权证书，租赁房屋提供租赁合同和出租方产权证明；已实行住所申报承诺制的，可先签署住所信息申报承诺书。', notes: '容缺：签署承诺书后可先行登记，自营业执照签发之日起30日内补交。' }),
      mat({ key: 'prior_approval', name: '登记前置审批文件', necessity: 'conditional', condition: '经营范围涉及法律、行政法规或者国务院决定规定在登记前须经批准的项目的', sourceChannel: 'government', issuedBy: '相关审批部门', acceptanceStandard: '批准文件在有效期内，批准事项与申请登记的经营范围一致。' }),
      agentAuthorisation('agent_authorisation', '全体股东'),
    ],
  });
}

function enterpriseChange(w: DistrictWindow): FileItem {
  const d = dept(w.at);
  return item(B.enterpriseChange, w.at, {
    aliases: ['公司变更', '执照变更', '营业执照变更', '变更法人', '换法人', '公司改名', '公司搬家', '变更经营范围', '股权转让登记', '增资', '减资'],
    serviceObjects: ['enterprise'],
    themes: ['establishment'],
    lifeEvents: [],
    summary: `已在${regionLabel(d)}登记的企业，名称、住所、经营范围、注册资本、法定代表人、股东等登记事项发生变化时申请变更登记。`,
    conditions: '1. 企业登记事项发生变化的，应当自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记。2. 变更事项涉及登记前置许可的，应当先取得批准文件。3. 公司减少注册资本的，应当自股东会作出减资决议之日起十日内通知债权人，并于三十日内在报纸上或者国家企业信用信息公示系统公告，公告期满后方可申请。4. 住所迁出本登记机关管辖区域的，由迁入地登记机关受理。5. 公司变更法定代表人的，变更登记申请书由变更后的法定代表人签署。',
    legalBasis: [
      law(`${MARKET_ENTITY_REGULATION}第二十四条`, '市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。市场主体变更登记事项属于依法须经批准的，申请人应当在批准文件有效期内向登记机关申请变更登记。'),
      law('《中华人民共和国公司法》第三十五条', '公司申请变更登记，应当向公司登记机关提交公司法定代表人签署的变更登记申请书、依法作出的变更决议或者决定等文件。公司变更登记事项涉及修改公司章程的，应当提交修改后的公司章程。公司变更法定代表人的，变更登记申请书由变更后的法定代表人签署。'),
      law('《中华人民共和国公司法》第二百二十四条', '公司减少注册资本，应当编制资产负债表及财产清单。公司应当自股东会作出减少注册资本决议之日起十日内通知债权人，并于三十日内在报纸上或者国家企业信用信息公示系统公告。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '网上申请', description: '通过电子营业执照登录企业登记系统，选择变更事项并填写变更后的信息，上传决议、章程修正案等材料。' },
      { name: '电子签名', description: '法定代表人（变更法定代表人的为新任法定代表人）及相关股东完成实名认证和电子签名。' },
      { name: '审查登记', description: '登记机关进行形式审查，材料齐全、符合法定形式的予以变更登记。', timeLimit: wd(w.promised) },
      { name: '换发执照', description: '涉及营业执照记载事项的，换发营业执照，电子营业执照同步更新；原纸质执照交回或作废。' },
    ],
    places: [hallPlace(w.at, '市场主体登记窗口', w.hours), officePlace(w.at, '登记注册科')],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '营业执照（变更后）', type: 'license', licenseTypeCode: L.businessLicence.code },
    faq: withLocal([
      { question: '变更后统一社会信用代码会变吗？', answer: '不会。统一社会信用代码终身不变，变更登记只更新登记事项，营业执照上的代码保持不变。' },
      { question: '原法定代表人不配合签字，能变更法定代表人吗？', answer: '可以。依照公司法，变更法定代表人的变更登记申请书由变更后的法定代表人签署，并提交依法作出的股东会决议或者股东决定。' },
      { question: '只变更经营范围需要换执照吗？', answer: '需要。经营范围是营业执照记载事项，变更后换发营业执照，电子营业执照同步更新，不收费。' },
      { question: '公司搬到其他区，去哪里办？', answer: '向迁入地登记机关申请住所变更登记，迁出地不再出具迁移档案，由系统自动迁移。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '公司登记（备案）申请书', form: 'electronic', acceptanceStandard: '勾选变更事项并填写变更前后内容，由法定代表人签署（变更法定代表人的由新任法定代表人签署）。' }),
      mat({ key: 'resolution', name: '变更决议或者决定', form: 'original_or_electronic', acceptanceStandard: '由股东会作出决议或股东作出决定，表决程序和签署符合公司章程规定。' }),
      mat({ key: 'articles_amendment', name: '修改后的公司章程或章程修正案', necessity: 'conditional', condition: '变更事项涉及修改公司章程的', form: 'original_or_electronic', acceptanceStandard: '由法定代表人签署，修改内容与变更决议一致。' }),
      businessLicence('business_licence', { acceptanceStandard: '换发营业执照时交回原纸质营业执照正、副本；使用电子营业执照办理的无需提交。' }),
      mat({ key: 'new_residence', name: '新住所（经营场所）使用证明', necessity: 'conditional', condition: '变更住所的', form: 'original_or_electronic', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '自有房产提供不动产权证书，租赁房屋提供租赁合同和出租方产权证明。' }),
      mat({ key: 'capital_reduction_notice', name: '减资公告情况说明', necessity: 'conditional', condition: '减少注册资本的', acceptanceStandard: '说明通知债权人和公告的日期、途径，公告期已满，并承诺已依法清偿债务或者提供担保。' }),
      agentAuthorisation(),
    ],
  });
}

function enterpriseDeregistration(w: DistrictWindow): FileItem {
  const d = dept(w.at);
  return item(B.enterpriseDeregistration, w.at, {
    aliases: ['公司注销', '注销营业执照', '注销公司', '关闭公司', '简易注销', '企业注销', '不开了注销执照'],
    serviceObjects: ['enterprise'],
    themes: ['closure'],
    lifeEvents: [],
    summary: `${regionLabel(d)}登记的企业因解散、被宣告破产或者其他法定事由需要终止的，申请注销登记；符合条件的可适用简易注销。`,
    conditions: '1. 一般注销：企业已依法成立清算组进行清算，清算报告已经股东会确认，债权债务已清理完毕。2. 简易注销：企业未发生债权债务或者已将债权债务清偿完结，未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款），并由全体投资人书面承诺对上述情况的真实性承担法律责任；简易注销须先在国家企业信用信息公示系统公示，公示期为20日。3. 存在股权（财产份额）被冻结、出质或者动产抵押，或者对其他企业存在投资的，应当先行处理。4. 企业领取过涉税、社保、公积金等证照的，由系统将注销信息推送相关部门同步办理。',
    legalBasis: [
      law(`${MARKET_ENTITY_REGULATION}第三十一条`, '市场主体因解散、被宣告破产或者其他法定事由需要终止的，应当依法向登记机关申请注销登记。经登记机关注销登记，市场主体终止。'),
      law(`${MARKET_ENTITY_REGULATION}第三十三条`, '市场主体未发生债权债务或者已将债权债务清偿完结，未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款），并由全体投资人书面承诺对上述情况的真实性承担法律责任的，可以按照简易程序办理注销登记。'),
      law('《中华人民共和国公司法》第二百四十条', '公司在存续期间未产生债务，或者已清偿全部债务的，经全体股东承诺，可以按照规定通过简易程序注销公司登记。通过简易程序注销公司登记，应当通过国家企业信用信息公示系统予以公告，公告期限不少于二十日。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '清算或公示', description: '一般注销的，成立清算组并通过国家企业信用信息公示系统公告；简易注销的，在公示系统进行简易注销公示，公示期20日。' },
      { name: '注销申请', description: '公示（公告）期满后，通过企业注销“一网服务”平台提交注销登记申请。' },
      { name: '审查', description: '登记机关对材料进行形式审查，并核查税务、社保等部门推送的未结事项。', timeLimit: wd(w.promised) },
      { name: '核准注销', description: '准予注销的，出具准予注销登记通知书，注销信息同步推送税务、人力资源社会保障、医疗保障、住房公积金、海关等部门。' },
    ],
    places: [hallPlace(w.at, '企业注销专窗', w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['税务部门（清税）', '人力资源社会保障部门（社保登记注销）', '住房公积金管理中心（缴存登记注销）'],
    intermediaryServices: '无',
    result: { name: '准予注销登记通知书', type: 'approval_document' },
    faq: withLocal([
      { question: '简易注销和一般注销有什么区别？', answer: '简易注销不需要成立清算组和提交清算报告，由全体投资人书面承诺后公示20日，期满无异议即可申请；一般注销需要依法清算、公告并提交清算报告。' },
      { question: '公司还有未缴清的税款，能注销吗？', answer: '不能适用简易注销。应当先结清应纳税款、滞纳金和罚款，取得清税信息后再申请注销。清税信息由税务部门共享，无需提交纸质清税证明。' },
      { question: '注销以后社保和公积金账户怎么处理？', answer: '注销信息会推送给人力资源社会保障、医疗保障和住房公积金部门，但企业应在申请前为职工办理停保、转移和公积金封存，否则相关部门会反馈未结事项。' },
      { question: '公示期间有人提出异议怎么办？', answer: '简易注销公示期内有利害关系人提出异议的，不能适用简易程序，应当按照一般注销程序清算后再申请。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '注销登记申请书', form: 'electronic', acceptanceStandard: '由法定代表人或清算组负责人签署，注销原因和方式勾选准确。' }),
      mat({ key: 'resolution', name: '依法作出解散的决议或者决定', necessity: 'conditional', condition: '因股东会决议解散申请注销的', form: 'original_or_electronic', acceptanceStandard: '由股东会决议或股东决定，表决程序符合公司章程。' }),
      mat({ key: 'liquidation_report', name: '经确认的清算报告', necessity: 'conditional', condition: '一般注销的', form: 'original_or_electronic', acceptanceStandard: '由股东会或者人民法院确认，清算组成员签字。' }),
      mat({ key: 'commitment', name: '全体投资人承诺书', necessity: 'conditional', condition: '简易注销的', form: 'original_or_electronic', acceptanceStandard: '全体投资人签署，承诺内容与公示内容一致。' }),
      mat({ key: 'tax_clearance', name: '清税证明', sourceChannel: 'government', issuedBy: '税务机关', form: 'electronic', substitutes: [D.taxClearance], acceptanceStandard: '税务机关出具的清税信息；已通过部门共享获取的无需提交。' }),
      businessLicence('business_licence', { acceptanceStandard: '交回营业执照正、副本；遗失的在公示系统发布作废声明；使用电子营业执照办理的无需提交。' }),
      agentAuthorisation(),
    ],
  });
}

function individualSetup(w: DistrictWindow): FileItem {
  const d = dept(w.at);
  return item(B.individualSetup, w.at, {
    aliases: ['个体户执照', '办个体执照', '个体营业执照', '开小店', '开个小卖部', '开小卖部', '开便利店', '夫妻店', '摆摊办执照', '开网店办执照', '个体户注册'],
    serviceObjects: ['person', 'enterprise'],
    themes: ['employment', 'establishment'],
    lifeEvents: ['restaurant_opening'],
    summary: `有经营能力的公民在${regionLabel(d)}以个人或者家庭形式从事工商业经营的，申请个体工商户设立登记，领取营业执照。`,
    conditions: [
      '1. 申请人为有经营能力的公民（含香港、澳门特别行政区永久性居民中的中国公民和台湾居民），以个人经营或者家庭经营的形式从事工商业经营。',
      '2. 经营场所为经营者依法具有使用权的场所，一个个体工商户只能登记一个经营场所；仅通过网络开展经营活动的，可以将网络经营场所登记为经营场所。',
      '3. 个体工商户可以使用名称，也可以不使用名称；使用名称的，名称应当符合名称登记管理规定。',
      '4. 经营范围涉及食品经营、药品零售等许可的，领取营业执照后应当依法办理相应许可或者备案后方可开展经营。',
      '5. 申请人不属于法律、行政法规禁止从事营利性活动的人员。',
      w.localNote ?? '',
    ].filter(Boolean).join(''),
    legalBasis: [
      law('《促进个体工商户发展条例》第二条', '有经营能力的公民在中华人民共和国境内从事工商业经营，依法登记为个体工商户的，适用本条例。'),
      law(`${MARKET_ENTITY_REGULATION}第十九条`, '登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。不能当场登记的，应当在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。'),
      law('《中华人民共和国市场主体登记管理条例实施细则》', '个体工商户的登记事项包括组成形式、经营范围、经营场所，经营者姓名、住所；个体工商户使用名称的，登记事项还应当包括名称。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '在线申请', description: '通过云澜省政务服务网或“云澜办”App选择个体工商户设立登记，填写经营者、经营场所和经营范围信息。' },
      { name: '实名签名', description: '经营者（家庭经营的为参加经营的家庭成员）完成实名认证和电子签名。' },
      { name: '审查登记', description: '登记机关进行形式审查，材料齐全、符合法定形式的当场登记。', timeLimit: wd(w.promised) },
      { name: '领取执照', description: '下载电子营业执照；需要纸质执照的可窗口领取或免费邮寄。' },
    ],
    places: [hallPlace(w.at, '个体工商户登记窗口', w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '营业执照（个体工商户）', type: 'license', licenseTypeCode: L.businessLicence.code },
    faq: withLocal([
      { question: '个体工商户和开公司有什么区别？', answer: '个体工商户由经营者个人或者家庭以其财产承担无限责任，登记简便、税收和记账要求较低，适合小本经营；公司是独立法人，股东以出资为限承担责任，适合规模较大或者需要融资的经营。' },
      { question: '开个只卖包装食品的小卖部，要办食品经营许可证吗？', answer: '仅销售预包装食品的，不需要办理食品经营许可，在取得营业执照后向所在地市场监督管理部门办理备案即可；如果销售散装熟食、现场制售食品，则需要办理食品经营许可。' },
      { question: '个体户可以不起名字吗？', answer: '可以。个体工商户可以不使用名称，营业执照上以经营者姓名登记；需要使用字号的，可以在申请时一并申报名称。' },
      { question: '以后生意做大了想转成公司，要先注销吗？', answer: '不用先注销。个体工商户可以直接申请转型为企业（“个转企”），办理相应登记，可以保留原名称中的字号和行业特点，相关许可证件可以按规定办理变更。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '个体工商户登记（备案）申请书', form: 'electronic', acceptanceStandard: '由经营者签署，经营范围按照规范表述填写。' }),
      idCard('operator_id', '经营者'),
      mat({ key: 'premises', name: '经营场所使用证明', form: 'original_or_electronic', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '自有房产提供不动产权证书，租赁提供租赁合同；网络经营的提供网络经营场所（网店）的网址和截图。' }),
      mat({ key: 'family_relation', name: '家庭成员关系证明', necessity: 'conditional', condition: '以家庭形式经营的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关户籍管理部门', substitutes: [D.hukou, D.marriage], acceptanceStandard: '户口簿、结婚证等能证明参加经营的家庭成员关系的材料；系统可核验的免于提交。' }),
      agentAuthorisation('agent_authorisation', '经营者'),
    ],
  });
}

const FOOD_SAFETY_LAW_35 = law(
  '《中华人民共和国食品安全法》第三十五条',
  '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。',
);
const FOOD_LICENSING_MEASURES = '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）';

function foodLicenceNew(w: DistrictWindow & { onlineDepth: 3 | 4 }): FileItem {
  const d = dept(w.at);
  return item(B.foodNew, w.at, {
    aliases: ['开饭店', '开餐馆', '开餐厅', '开饭馆', '开小吃店', '开奶茶店', '开面包店', '开食堂', '食品经营许可证', '餐饮许可证', '食品许可证', '办食品证', '卖熟食办证', '餐饮服务许可'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['food_drug', 'permits'],
    lifeEvents: ['restaurant_opening'],
    summary: `在${regionLabel(d)}从事食品销售（含散装食品、特殊食品销售）、餐饮服务、单位食堂的，申请核发食品经营许可证。仅销售预包装食品的办理备案，无需许可。`,
    conditions: [
      '1. 申请人已取得营业执照等合法主体资格；机关、事业单位、社会团体等开办单位食堂的，以其法人资格申请。',
      '2. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离。',
      '3. 具有与经营的食品品种、数量相适应的经营设备或者设施，有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施。',
      '4. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度。',
      '5. 具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染。',
      '6. 仅从事简单制售的小餐饮等实行告知承诺的项目，申请人书面承诺符合许可条件的，可当场作出许可决定，发证后3个月内接受现场核查。',
      w.localNote ?? '',
    ].filter(Boolean).join(''),
    legalBasis: [
      FOOD_SAFETY_LAW_35,
      law('《中华人民共和国食品安全法》第三十三条', '食品生产经营应当符合食品安全标准，并符合下列要求：具有与生产经营的食品品种、数量相适应的食品原料处理和食品加工、包装、贮存等场所……有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度……'),
      law(FOOD_LICENSING_MEASURES, '市场监督管理部门应当自受理申请之日起10个工作日内作出是否准予行政许可的决定。因特殊原因需要延长许可期限的，经市场监督管理部门负责人批准，可以延长5个工作日，并应当将延长期限的理由告知申请人。食品经营许可证有效期为5年。'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(w.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '通过云澜省政务服务网“开办餐饮店一件事”专区或窗口提交申请，选择经营主体业态和经营项目，可选择告知承诺方式。' },
      { name: '受理', description: '材料齐全、符合法定形式的予以受理；需要补正的一次性告知。', timeLimit: wd(1) },
      { name: '现场核查', description: '必要时由两名以上执法人员对经营场所、设施设备和布局流程进行现场核查，申请人应当配合。', timeLimit: wd(Math.max(1, w.promised - 1)) },
      { name: '许可决定', description: '符合条件的作出准予许可决定；不符合条件的作出不予许可决定并书面说明理由，告知申请人享有申请行政复议或者提起行政诉讼的权利。' },
      { name: '发证', description: '核发食品经营许可证（纸质证书与电子证书同步生成），可窗口领取或邮寄送达。' },
    ],
    places: [hallPlace(w.at, '食品药品许可窗口', w.hours), officePlace(w.at, '食品经营许可科'), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: {
      name: '食品经营许可证', type: 'license', licenseTypeCode: L.foodBusinessLicence.code,
      // the licence is issued with the approval, filled in from the application form
      licenseFields: {
        legalRepresentative: '{form.legalRepName}',
        premises: '{form.premisesAddress}',
        mainBusiness: '{form.businessForm|label}',
        businessItems: ['{?form.bulkFood:散装食品销售}', '{?form.specialFood:特殊食品销售}', '{?form.hotFood:热食类食品制售}', '{?form.coldFood:冷食类食品制售}', '{?form.rawFood:生食类食品制售}', '{?form.drinks:自制饮品制售}', '{?form.online:网络经营}'],
        dailySupervisor: '{department.name}',
        complaintPhone: '12315',
      },
    },
    faq: withLocal([
      { question: '只卖包装好的零食饮料（预包装食品），也要办食品经营许可证吗？', answer: '不需要。仅销售预包装食品的，在营业执照取得后向所在地市场监督管理部门备案即可，备案当场办结，不收费。' },
      { question: '食品经营许可证有效期多长？到期怎么办？', answer: '有效期为5年。需要延续的，应当在有效期届满前90个工作日至15个工作日期间提出延续申请。' },
      { question: '开了两家店，可以共用一张许可证吗？', answer: '不可以。食品经营许可实行一地一证，每个经营场所都应当单独取得食品经营许可证。' },
      { question: '只在外卖平台上卖餐，需要办证吗？', answer: '需要。入网餐饮服务提供者应当有实体经营门店并依法取得食品经营许可证，按许可的经营项目开展经营，不得超范围经营。' },
      { question: '什么是告知承诺？选了告知承诺还会来检查吗？', answer: '对简单制售的小餐饮等项目，申请人书面承诺已符合许可条件，可当场拿证。市场监管部门会在发证后3个月内进行现场核查，发现与承诺不符的，责令限期整改，逾期不改或无法整改的依法撤销许可。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '食品经营许可申请书', form: 'electronic', acceptanceStandard: '主体业态、经营项目填写准确，由法定代表人（负责人）或经营者签字。' }),
      businessLicence(),
      idCard('legal_rep_id', '法定代表人（负责人）'),
      mat({ key: 'premises_layout', name: '经营场所和设备布局、操作流程等文件', form: 'original_or_electronic', acceptanceStandard: '标明经营场所面积、功能分区、主要设备设施位置；从事餐饮服务的标明加工制作流程和专间（专区）设置。' }),
      mat({ key: 'safety_rules', name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度', form: 'original_or_electronic', acceptanceStandard: '制度齐全并结合经营实际，明确食品安全管理人员及其职责。' }),
      mat({ key: 'health_certificates', name: '从事接触直接入口食品工作的从业人员健康证明', necessity: 'deferrable', form: 'copy', sourceChannel: 'intermediary', issuedBy: '具备健康体检资质的医疗卫生机构', acceptanceStandard: '健康证明在有效期内（一年），人员与申报的从业人员一致。', notes: '容缺：可在现场核查前补交，不影响受理。' }),
      mat({ key: 'special_operations', name: '集体用餐配送或中央厨房的加工流程、设备布局和检验能力说明', necessity: 'conditional', condition: '从事集体用餐配送、中央厨房或者学校、托幼机构食堂经营的', form: 'original_or_electronic', acceptanceStandard: '说明食品检验和留样设施设备、冷链运输条件，与申报的经营项目相符。' }),
      agentAuthorisation('agent_authorisation', '法定代表人（负责人）'),
    ],
  });
}

function foodLicenceChange(w: DistrictWindow): FileItem {
  return item(B.foodChange, w.at, {
    aliases: ['食品经营许可证变更', '食品许可证变更', '餐饮许可证换法人', '食品证增加经营项目'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['food_drug', 'permits'],
    lifeEvents: [],
    summary: '食品经营许可证载明的经营者名称、法定代表人（负责人）、经营项目、主体业态等事项发生变化的，申请变更食品经营许可。',
    conditions: '1. 许可证载明的事项发生变化的，食品经营者应当在变化后10个工作日内向原发证的市场监督管理部门申请变更。2. 经营场所（地址）发生变化的，不属于变更，应当重新申请食品经营许可。3. 增加经营项目涉及设施设备、布局流程改变的，应当符合相应的许可条件，必要时进行现场核查。4. 仅因营业执照信息变更引起的名称、法定代表人等变化，可通过部门信息共享直接变更，当场办结。',
    legalBasis: [
      FOOD_SAFETY_LAW_35,
      law(FOOD_LICENSING_MEASURES, '食品经营许可证载明的事项发生变化的，食品经营者应当在变化后10个工作日内向原发证的市场监督管理部门申请变更食品经营许可。食品经营者的经营场所发生变化的，应当重新申请食品经营许可。'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '申请', description: '登录政务服务网选择变更事项，填写变更内容。' },
      { name: '审查', description: '审查变更材料；增加经营项目需要核查的，安排现场核查。', timeLimit: wd(w.promised) },
      { name: '决定', description: '准予变更的，换发食品经营许可证，原证编号和有效期不变。' },
      { name: '送达', description: '电子证书即时更新，纸质证书窗口领取或邮寄。' },
    ],
    places: [hallPlace(w.at, '食品药品许可窗口', w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '食品经营许可证（变更后）', type: 'license', licenseTypeCode: L.foodBusinessLicence.code },
    faq: withLocal([
      { question: '饭店搬到新地址，可以办变更吗？', answer: '不可以。经营场所变化的应当按新办重新申请食品经营许可，原许可证办理注销。' },
      { question: '变更后许可证有效期会重新计算吗？', answer: '不会。变更后的许可证编号和有效期与原证保持一致。' },
      { question: '换了法定代表人，需要办食品许可证变更吗？', answer: '需要，但营业执照已完成变更的，系统可自动获取变更信息，在线确认即可当场办结。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '食品经营许可变更申请书', form: 'electronic', acceptanceStandard: '填写变更事项和变更前后内容，由法定代表人（负责人）签字。' }),
      mat({ key: 'licence', name: '食品经营许可证正、副本', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '市场监督管理部门', substitutes: [L.foodBusinessLicence], acceptanceStandard: '许可证在有效期内；使用电子许可证的无需交回纸质证书。' }),
      businessLicence('business_licence', { necessity: 'conditional', condition: '因营业执照登记事项变更而申请的', acceptanceStandard: '变更后的营业执照；可通过登记信息共享核验的免于提交。' }),
      mat({ key: 'change_materials', name: '与变更事项有关的设施设备、布局流程材料', necessity: 'conditional', condition: '增加经营项目或者改变主体业态的', form: 'original_or_electronic', acceptanceStandard: '与新增经营项目相适应，标明新增设施设备的位置。' }),
      agentAuthorisation(),
    ],
  });
}

function foodLicenceRenewal(w: DistrictWindow): FileItem {
  return item(B.foodRenewal, w.at, {
    aliases: ['食品经营许可证延续', '食品许可证到期', '食品经营许可证过期', '餐饮许可证续期', '食品证换证'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['food_drug', 'permits'],
    lifeEvents: [],
    summary: '食品经营许可证有效期届满需要继续经营的，在届满前申请延续。',
    conditions: '1. 应当在食品经营许可证有效期届满前90个工作日至15个工作日期间提出延续申请。2. 许可条件未发生变化的，经营者书面声明后可当场作出延续决定；许可条件发生变化的，应当提交变化情况说明，必要时进行现场核查。3. 有效期届满未申请延续的，许可证到期自动失效，需继续经营的应当重新申请。4. 延续后的许可证有效期自原许可证有效期届满之日起重新计算，为5年。',
    legalBasis: [
      FOOD_SAFETY_LAW_35,
      law(FOOD_LICENSING_MEASURES, '食品经营者需要延续依法取得的食品经营许可有效期的，应当在该食品经营许可有效期届满前90个工作日至15个工作日期间，向原发证的市场监督管理部门提出申请。'),
      law('《中华人民共和国行政许可法》第五十条', '被许可人需要延续依法取得的行政许可的有效期的，应当在该行政许可有效期届满三十日前向作出行政许可决定的行政机关提出申请。但是，法律、法规、规章另有规定的，依照其规定。'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '申请', description: '在政务服务网提交延续申请，声明许可条件是否发生变化。' },
      { name: '审查', description: '条件未变化的当场审查；条件变化的，审查变化情况，必要时现场核查。' },
      { name: '决定', description: '准予延续的，换发有效期5年的食品经营许可证。' },
    ],
    places: [hallPlace(w.at, '食品药品许可窗口', w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '食品经营许可证（延续）', type: 'license', licenseTypeCode: L.foodBusinessLicence.code },
    faq: withLocal([
      { question: '许可证已经过期了，还能办延续吗？', answer: '不能。有效期届满未延续的，许可证失效，需要按新办重新申请，期间不得从事许可范围内的经营。' },
      { question: '延续需要现场检查吗？', answer: '许可条件未发生变化的一般不检查，书面声明后当场延续；经营条件有变化的，可能安排现场核查。' },
      { question: '什么时候可以申请延续？', answer: '有效期届满前90个工作日至15个工作日之间，系统会在到期前发送短信提醒。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '食品经营许可延续申请书', form: 'electronic', acceptanceStandard: '由法定代表人（负责人）签字，勾选许可条件是否发生变化。' }),
      mat({ key: 'licence', name: '原食品经营许可证正、副本', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '市场监督管理部门', substitutes: [L.foodBusinessLicence], acceptanceStandard: '许可证在有效期内，距届满不少于15个工作日。' }),
      mat({ key: 'change_statement', name: '许可条件变化情况说明', necessity: 'conditional', condition: '经营条件、设施设备或布局流程发生变化的', form: 'original_or_electronic', acceptanceStandard: '写明变化内容并附相应的布局流程图。' }),
      agentAuthorisation(),
    ],
  });
}

function foodLicenceCancellation(w: DistrictWindow, opts: ItemOptions): FileItem {
  return item(B.foodCancel, w.at, {
    aliases: ['食品经营许可证注销', '饭店关门注销许可证', '注销食品证'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['food_drug', 'closure'],
    lifeEvents: [],
    summary: '食品经营者终止食品经营，或者食品经营许可被撤回、撤销的，申请注销食品经营许可。',
    conditions: '1. 食品经营者终止食品经营，或者食品经营许可被撤回、撤销的，应当在30个工作日内向原发证的市场监督管理部门申请办理注销手续。2. 经营场所变化需要重新申请许可的，原许可证应当注销。3. 有效期届满未申请延续、营业执照被吊销或注销的，由市场监督管理部门依职权注销。',
    legalBasis: [
      law(FOOD_LICENSING_MEASURES, '食品经营者终止食品经营，食品经营许可被撤回、撤销，应当在30个工作日内向原发证的市场监督管理部门申请办理注销手续。'),
      law('《中华人民共和国行政许可法》第七十条', '有下列情形之一的，行政机关应当依法办理有关行政许可的注销手续：（一）行政许可有效期届满未延续的；……（四）行政许可依法被撤销、撤回，或者行政许可证件依法被吊销的；……'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申请', description: '在政务服务网提交注销申请。' },
      { name: '审核', description: '核对许可信息，当场办结。' },
      { name: '公告', description: '注销信息通过国家企业信用信息公示系统公示，电子许可证同步注销。' },
    ],
    places: [hallPlace(w.at, '食品药品许可窗口', w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '食品经营许可注销通知', type: 'other' },
    faq: [
      { question: '不注销许可证会有什么影响？', answer: '许可证仍在有效期内的，市场监管部门会继续将该场所纳入日常监督检查；停止经营后及时注销可以避免被误列为检查对象。' },
      { question: '纸质许可证找不到了，还能注销吗？', answer: '可以。在申请中说明遗失情况即可，无需登报声明。' },
      { question: '饭店转让给别人经营，许可证能一起转让吗？', answer: '不能。食品经营许可证不得转让，原经营者应当申请注销，新经营者取得营业执照后重新申请食品经营许可。' },
    ],
    materials: [
      mat({ key: 'application', name: '食品经营许可注销申请书', form: 'electronic', acceptanceStandard: '由法定代表人（负责人）签字，写明注销原因。' }),
      mat({ key: 'licence', name: '食品经营许可证正、副本', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '市场监督管理部门', substitutes: [L.foodBusinessLicence], acceptanceStandard: '交回纸质许可证；遗失的在申请书中说明。' }),
      agentAuthorisation(),
    ],
  }, opts);
}

function drugRetail(at: string, local: { promised: number; area: string; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.drugRetail, at, {
    aliases: ['开药店', '开药房', '药店许可证', '药品经营许可证', '开连锁药店', '卖药要办什么证', '药店办证', '零售药店许可'],
    serviceObjects: ['enterprise'],
    themes: ['food_drug', 'permits'],
    lifeEvents: [],
    summary: `在${regionLabel(d)}开办药品零售企业（含连锁门店）的，申请核发药品经营许可证（零售）。`,
    conditions: [
      '1. 已取得营业执照，经营范围包含药品零售。',
      '2. 经营处方药、甲类非处方药的，应当按规定配备执业药师；只经营乙类非处方药的，可以配备经设区的市级药品监督管理部门组织考核合格的药品销售业务人员。',
      `3. 有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境。${local.area}`,
      '4. 有与所经营药品相适应的质量管理机构或者人员，企业负责人、质量负责人符合规定的资质要求。',
      '5. 有保证药品质量的规章制度，建立药品追溯制度，符合药品经营质量管理规范（GSP）要求。',
    ].join(''),
    legalBasis: [
      law('《中华人民共和国药品管理法》第五十一条', '从事药品批发活动，应当经所在地省、自治区、直辖市人民政府药品监督管理部门批准，取得药品经营许可证。从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。无药品经营许可证的，不得经营药品。药品经营许可证应当标明有效期和经营范围，到期重新审查发证。'),
      law('《中华人民共和国药品管理法》第五十二条', '从事药品经营活动应当具备以下条件：（一）有依法经过资格认定的药师或者其他药学技术人员；（二）有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；（三）有与所经营药品相适应的质量管理机构或者人员；（四）有保证药品质量的规章制度，并符合国务院药品监督管理部门依据本法制定的药品经营质量管理规范要求。'),
      law('《药品经营和使用质量监督管理办法》', '药品监督管理部门应当对申请人提交的申请材料进行审查，组织开展现场检查，自受理申请之日起二十日内作出决定。药品经营许可证有效期为五年。'),
      law('《云澜省药品零售企业许可验收实施细则》', '新开办药品零售企业的营业场所、仓库面积和设施设备应当符合本细则规定的标准。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '在政务服务网提交申请材料，或到窗口提交。' },
      { name: '受理', description: '对申请材料进行形式审查，符合要求的予以受理。', timeLimit: wd(1) },
      { name: '技术审查和现场检查', description: '按照药品经营质量管理规范对营业场所、设施设备、人员和质量管理文件进行现场检查。', timeLimit: wd(Math.max(1, local.promised - 3)) },
      { name: '审批', description: '根据审查和检查结果作出准予或不予许可的决定。' },
      { name: '发证', description: '核发药品经营许可证（零售），同步生成电子证照。' },
    ],
    places: [hallPlace(at, '药品医疗器械许可窗口'), officePlace(at, '药品流通监管科')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '药品经营许可证（零售）', type: 'license', licenseTypeCode: L.drugBusinessLicence.code },
    faq: withLocal([
      { question: '开一家药店需要几个执业药师？', answer: '经营处方药、甲类非处方药的，营业时间内至少有一名执业药师在岗；执业药师不在岗时，应当挂牌告知，并停止销售处方药和甲类非处方药。' },
      { question: '药品经营许可证有效期多长？', answer: '有效期为5年。有效期届满需要继续经营的，应当在届满前6个月至2个月期间申请重新审查发证。' },
      { question: '可以在网上卖药吗？', answer: '取得药品经营许可证的实体药店可以依法开展药品网络销售，应当向所在地药品监督管理部门报告网络销售信息；处方药网络销售应当确保处方来源真实、可靠。' },
      { question: '连锁药店新开门店也要单独办许可证吗？', answer: '要。每个连锁门店都应当取得药品经营许可证，但可以使用连锁总部统一的质量管理体系文件，现场检查时重点检查门店的场所和人员。' },
    ], local.localFaq),
    materials: [
      mat({ key: 'application', name: '药品经营许可证申请表', form: 'electronic', acceptanceStandard: '填写完整，经营范围、经营方式与实际相符，由法定代表人签字并加盖公章。' }),
      businessLicence(),
      mat({ key: 'personnel', name: '企业负责人、质量负责人的身份证明、学历或技术职称证明', form: 'copy', acceptanceStandard: '质量负责人应当具有药学专业技术职称或执业药师资格，与申请表一致。' }),
      mat({ key: 'pharmacist', name: '执业药师注册证', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '药品监督管理部门', substitutes: [L.pharmacistRegistration], acceptanceStandard: '注册执业单位为申请企业，执业范围为药品经营（零售）。' }),
      mat({ key: 'premises', name: '营业场所、仓库平面布置图及房屋产权或使用权证明', form: 'copy', substitutes: [L.realEstateCertificate], acceptanceStandard: '标明面积、功能分区和设施设备位置，房屋用途为商业用房。' }),
      mat({ key: 'quality_system', name: '质量管理文件目录和主要设施设备目录', form: 'original_or_electronic', acceptanceStandard: '包括药品采购、验收、陈列、销售、追溯、不良反应报告等制度，设施设备与经营范围相适应。' }),
      agentAuthorisation('agent_authorisation', '法定代表人'),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 公安: 户口、身份证、居住证、公章、出租房屋
// ---------------------------------------------------------------------------------------------

const HUKOU_REGULATION = '《中华人民共和国户口登记条例》';

interface PoliceWindow {
  at: string;
  /** Window in the service centre. */
  window: string;
  /** Police station (派出所) that also accepts the application, with its street address. */
  station: { name: string; address: string };
  onlineDepth: 3 | 4;
  localNote?: string;
  localFaq?: Faq[];
}

function stationPlace(w: PoliceWindow, hours = HOURS): Place {
  return { name: `${dept(w.at).name}${w.station.name}户籍窗口`, address: w.station.address, hours, phone: dept(w.at).phone };
}

function birthRegistration(w: PoliceWindow): FileItem {
  const d = dept(w.at);
  return item(B.birthRegistration, w.at, {
    aliases: ['上户口', '报户口', '新生儿落户', '宝宝上户口', '小孩上户口', '新生儿入户', '孩子落户', '出生报户口', '新生儿户口登记', '生孩子上户口'],
    serviceObjects: ['person'],
    themes: ['birth', 'hukou'],
    lifeEvents: ['birth'],
    summary: `新生儿在${regionLabel(d)}落户的，由父母或者其他监护人申报出生登记，新生儿登记入父亲或者母亲的户口。`,
    conditions: [
      '1. 新生儿出生后一个月内，由户主、亲属、抚养人向新生儿常住地户口登记机关申报出生登记；超过一个月的仍可申报，并说明原因。',
      '2. 新生儿可以随父亲或者母亲落户，落户地址为父亲或者母亲的常住户口所在地。',
      '3. 新生儿的姓名应当使用规范汉字，不得使用或者含有外国文字、汉语拼音字母、阿拉伯数字、符号等。',
      '4. 非婚生育、政策外生育的，凭出生医学证明和父母一方的户口簿、居民身份证申报出生登记，不得设置其他前置条件。',
      '5. 在国（境）外出生、未取得外国国籍的，另需提供我国驻外使领馆出具的旅行证件或护照。',
      w.localNote ?? '',
    ].filter(Boolean).join(''),
    legalBasis: [
      law(`${HUKOU_REGULATION}第七条`, '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。弃婴，由收养人或者育婴机关向户口登记机关申报出生登记。'),
      law('《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）', '政策外生育、非婚生育的无户口人员，本人或者其监护人可以凭《出生医学证明》和父母一方的居民户口簿、结婚证或者非婚生育说明，按照随父随母落户自愿的政策，申请办理常住户口登记。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申请', description: '通过“出生一件事”专区在线申报，或到派出所、政务服务中心户籍窗口申请。' },
      { name: '核验', description: '民警核验出生医学证明、父母身份和落户地户籍信息；在线申报的通过数据共享核验。' },
      { name: '登记', description: '符合条件的当场办理出生登记，生成公民身份号码。' },
      { name: '发证', description: '打印户口簿新生儿页；在线申报的可选择邮寄户口簿或到窗口加页。' },
    ],
    places: [hallPlace(w.at, w.window, HOURS_SAT), stationPlace(w)],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'none',
    courier: true,
    jointUnits: ['卫生健康部门（出生医学证明信息核验）', '医疗保障部门（新生儿参保）', '人力资源社会保障部门（社会保障卡申领）'],
    intermediaryServices: '无',
    result: { name: '居民户口簿（新生儿户口页）', type: 'license', licenseTypeCode: L.hukouBook.code },
    faq: withLocal([
      { question: '孩子出生多久内要上户口？', answer: '应当在出生后一个月内申报出生登记。超过一个月的仍然可以办理，说明原因即可；尽早登记便于办理医保参保和社会保障卡。' },
      { question: '孩子可以随母亲落户吗？', answer: '可以。新生儿随父随母落户自愿，父母商定后在申报时选择。' },
      { question: '父母户口不在一起，在哪里上户口？', answer: '在选择随其落户的父亲或者母亲的常住户口所在地派出所或户籍窗口办理。' },
      { question: '通过“出生一件事”还能一起办哪些事？', answer: '可以一次申请出生医学证明、出生登记、城乡居民医保参保、社会保障卡申领和预防接种证，父母信息只需填写一次。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'birth_certificate', name: '出生医学证明', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '助产医疗机构', substitutes: [L.birthCertificate, D.birth], acceptanceStandard: '新生儿姓名、性别、出生日期和父母信息填写完整准确，无涂改；可核验电子出生医学证明的免于提交。' }),
      idCard('parents_id', '父母双方'),
      hukouBook('hukou_book', '落户方（父亲或母亲）'),
      mat({ key: 'marriage_certificate', name: '父母结婚证', necessity: 'conditional', condition: '父母已办理结婚登记的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '婚姻登记机关', substitutes: [L.marriageCertificate, D.marriage], acceptanceStandard: '结婚证真实有效；可通过婚姻登记信息核验的免于提交。', notes: '非婚生育的，提供非婚生育说明即可，不作为落户前置条件。' }),
      agentAuthorisation('agent_authorisation', '父亲或母亲'),
    ],
  });
}

function hukouTransfer(w: PoliceWindow & { promised: number; cityPolicy: string }): FileItem {
  const d = dept(w.at);
  return item(B.hukouTransfer, w.at, {
    aliases: ['迁户口', '户口迁入', '户口迁出', '落户', '投靠落户', '夫妻投靠', '户口跨省迁移', '买房落户', '人才落户', '户口迁到本地', '迁移户口'],
    serviceObjects: ['person'],
    themes: ['hukou'],
    lifeEvents: ['home_purchase', 'employment'],
    summary: `符合落户条件的人员将户口迁入${regionLabel(d)}，实行跨省“一站式”迁移：在迁入地申请，无需回迁出地开具迁移证。`,
    conditions: [
      `1. ${w.cityPolicy}`,
      '2. 夫妻投靠、父母投靠成年子女、未成年子女投靠父母的，投靠对象应当在本地有常住户口。',
      '3. 普通高校本科及以上学历毕业生、技术工人凭毕业证书或技能证书申请落户，可落户到单位集体户、人才集体户或者合法稳定住所。',
      '4. 不得以退出土地承包经营权、宅基地使用权、集体收益分配权作为农村人口进城落户的条件。',
      '5. 跨省迁移的，迁入地公安机关审核通过后，通过全国户籍业务平台通知迁出地注销原户口，申请人无需往返两地。',
    ].join(''),
    legalBasis: [
      law(`${HUKOU_REGULATION}第十条`, '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。'),
      law(`${HUKOU_REGULATION}第十三条`, '公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记，缴销迁移证件。'),
      law('《云澜省户籍管理规定》', '在本省城镇有合法稳定就业或者合法稳定住所（含租赁）的人员，本人及其共同居住生活的配偶、未成年子女、父母可以在当地申请登记常住户口；设区的市可以根据本地实际规定具体条件。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '在迁入地派出所、政务服务中心户籍窗口或网上提交迁入申请，选择落户类型。' },
      { name: '审核', description: '迁入地公安机关审核落户条件，必要时核实住所、就业情况。', timeLimit: wd(w.promised) },
      { name: '迁出协同', description: '跨省或跨市迁移的，系统将准迁信息推送迁出地公安机关，迁出地在线办理迁出登记。' },
      { name: '迁入登记', description: '迁入地办理户口迁入登记，签发或加页户口簿；迁入成功后短信告知申请人换领居民身份证。' },
    ],
    places: [hallPlace(w.at, w.window), stationPlace(w)],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'cross_province',
    courier: true,
    jointUnits: ['迁出地公安机关'],
    intermediaryServices: '无',
    result: { name: '居民户口簿（迁入后）', type: 'license', licenseTypeCode: L.hukouBook.code },
    faq: withLocal([
      { question: '从外省迁户口过来，还要回老家开迁移证吗？', answer: '不用。夫妻投靠、父母投靠子女、大中专院校毕业生、工作调动等跨省迁移实行“一站式”办理，在迁入地申请即可，迁出手续由两地公安机关在线协同办理。' },
      { question: '农村户口迁到城市，老家的承包地和宅基地会收回吗？', answer: '不会。国家规定不得以退出土地承包经营权、宅基地使用权、集体收益分配权作为农民进城落户的条件。' },
      { question: '户口迁过来以后身份证要换吗？', answer: '身份证号码不变。迁移后住址变化，可以凭原身份证继续使用至有效期满，也可以申请换领新地址的身份证。' },
      { question: '子女可以一起迁吗？', answer: '与申请人共同居住生活的配偶、未成年子女可以一并申请随迁。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '申请人及随迁人员'),
      hukouBook('origin_hukou', '申请人原户籍地'),
      mat({ key: 'housing_proof', name: '合法稳定住所证明', necessity: 'conditional', condition: '以购房或租赁住所申请落户的', form: 'original_or_electronic', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '自有住房提供不动产权证书或购房网签合同；租赁住房提供备案的租赁合同。' }),
      mat({ key: 'employment_proof', name: '劳动合同及社会保险缴纳证明', necessity: 'conditional', condition: '以稳定就业申请落户的', form: 'original_or_electronic', substitutes: [D.socialInsurance], acceptanceStandard: '劳动合同在履行期内；社会保险参保缴费记录可通过部门共享核验的免于提交。' }),
      mat({ key: 'marriage_certificate', name: '结婚证', necessity: 'conditional', condition: '夫妻投靠的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '婚姻登记机关', substitutes: [L.marriageCertificate, D.marriage], acceptanceStandard: '结婚证真实有效；可核验婚姻登记信息的免于提交。' }),
      mat({ key: 'degree', name: '毕业证书或职业技能等级证书', necessity: 'conditional', condition: '以学历或技能人才身份申请落户的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '高等学校、职业技能等级认定机构', substitutes: [D.degree, L.skillCertificate], acceptanceStandard: '学历可通过学信网或学历学位信息共享核验，技能证书可在全国职业技能证书查询系统查到。' }),
    ],
  });
}

function deathDeregistration(w: PoliceWindow): FileItem {
  return item(B.deathDeregistration, w.at, {
    aliases: ['销户', '注销户口', '人去世了注销户口', '死亡销户', '老人去世销户口', '死亡户口注销', '身后事'],
    serviceObjects: ['person'],
    themes: ['funeral', 'hukou'],
    lifeEvents: ['after_death'],
    summary: '公民死亡后，由户主、亲属等向户口登记机关申报死亡登记，注销户口。',
    conditions: '1. 公民死亡的，城市在火化（安葬）前、农村在一个月以内，由户主、亲属、抚养人或者邻居申报死亡登记，注销户口。2. 凭居民死亡医学证明（推断）书、公安机关出具的死亡证明或者人民法院宣告死亡的判决书办理。3. 通过“身后一件事”办理的，医疗机构签发的死亡信息经共享核验后可在线注销，无需到场。4. 户口注销后，相关信息同步推送人力资源社会保障、医疗保障、民政等部门，停发养老金、高龄津贴等待遇。',
    legalBasis: [
      law(`${HUKOU_REGULATION}第八条`, '公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。公民如果在暂住地死亡，由暂住地户口登记机关通知常住地户口登记机关注销户口。'),
      law('国家卫生计生委、公安部、民政部《关于进一步规范人口死亡医学证明和信息登记管理工作的通知》（国卫规划发〔2013〕57号）', '《居民死亡医学证明（推断）书》是公安机关办理户籍注销、殡葬管理部门办理遗体火化的依据。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申报', description: '家属通过“身后一件事”专区在线申报，或到派出所、政务服务中心户籍窗口申报。' },
      { name: '核验', description: '核验死亡医学证明信息和死者户籍信息。' },
      { name: '注销', description: '当场注销户口，出具户口注销证明；收回死者居民身份证。' },
      { name: '信息推送', description: '注销信息推送人力资源社会保障、医疗保障、民政、住房公积金等部门，联动办理待遇停发和资金结算。' },
    ],
    places: [hallPlace(w.at, w.window), stationPlace(w)],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['卫生健康部门（死亡医学证明信息）', '民政部门（殡葬信息）'],
    intermediaryServices: '无',
    result: { name: '户口注销证明', type: 'other' },
    faq: withLocal([
      { question: '去世的人的身份证要交回吗？', answer: '要。注销户口时应当交回死者的居民身份证；确实找不到的，在申报时说明情况即可。' },
      { question: '注销户口后养老金会自动停发吗？', answer: '会。户口注销信息推送到社保经办机构后停发养老金，并按规定结算丧葬补助金和抚恤金，家属可在“身后一件事”中一并申请。' },
      { question: '“身后一件事”还能办哪些事？', answer: '可以一并办理养老保险待遇停发和丧葬补助金、抚恤金申领，医保个人账户继承，住房公积金提取，殡葬补贴申领，不动产继承登记预约等。' },
      { question: '在外地去世的，在哪里注销户口？', answer: '在户籍所在地或死亡地户口登记机关均可申报，死亡地登记机关会通知户籍地注销。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'death_proof', name: '死亡证明', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '医疗卫生机构、公安机关或人民法院', substitutes: [D.death], acceptanceStandard: '居民死亡医学证明（推断）书、公安机关出具的死亡证明或者人民法院宣告死亡的判决书之一，信息与死者户籍一致。' }),
      hukouBook('deceased_hukou', '死者'),
      mat({ key: 'deceased_id', name: '死者居民身份证（交回注销）', form: 'original', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [], acceptanceStandard: '交回原件；遗失的由申报人书面说明。' }),
      idCard('declarant_id', '申报人'),
    ],
  });
}

const ID_CARD_LAW = '《中华人民共和国居民身份证法》';
const ID_CARD_FEES_BASIS = '《中华人民共和国居民身份证法》第二十条；国家发展改革委、财政部《关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）';
const ID_CARD_WAIVER = '城市中领取最低生活保障金的居民、农村中有特殊生活困难的居民，在初次申请领取和换领居民身份证时，免收工本费。';

const ID_CARD_VALIDITY = law(`${ID_CARD_LAW}第五条`, '十六周岁以上公民的居民身份证的有效期为五年、十年、二十年、长期。十六周岁至二十五周岁的，发给有效期十年的居民身份证；二十六周岁至四十五周岁的，发给有效期二十年的居民身份证；四十六周岁以上的，发给长期有效的居民身份证。未满十六周岁的公民，自愿申请领取居民身份证的，发给有效期五年的居民身份证。');
const ID_CARD_DEADLINE = law(ID_CARD_LAW, '公安机关应当自公民提交《居民身份证申领登记表》之日起六十日内发放居民身份证；交通不便的地区，办理时间可以适当延长，但延长的时间不得超过三十日。');

function idCardFirst(w: PoliceWindow & { promisedDays: number }): FileItem {
  const d = dept(w.at);
  return item(B.idCardFirst, w.at, {
    aliases: ['办身份证', '第一次办身份证', '小孩办身份证', '身份证办理', '16岁办身份证', '申领身份证', '首次办理身份证'],
    serviceObjects: ['person'],
    themes: ['documents'],
    lifeEvents: [],
    summary: `户籍在${regionLabel(d)}的公民首次申请领取居民身份证。年满十六周岁应当申领，未满十六周岁可以自愿申领。`,
    conditions: '1. 具有本辖区常住户口的中国公民。2. 年满十六周岁的公民应当申请领取居民身份证；未满十六周岁的公民可以依照规定申请领取，由监护人代为申请。3. 申请人应当本人到场采集人像和指纹信息（未满六周岁的可不采集指纹）。4. 相片由受理窗口现场免费采集，无需自带。',
    legalBasis: [
      law(`${ID_CARD_LAW}第二条`, '居住在中华人民共和国境内的年满十六周岁的中国公民，应当依照本法的规定申请领取居民身份证；未满十六周岁的中国公民，可以依照本法的规定申请领取居民身份证。'),
      ID_CARD_VALIDITY,
      law(`${ID_CARD_LAW}第八条`, '居民身份证由居民常住户口所在地的县级人民政府公安机关签发。'),
      ID_CARD_DEADLINE,
    ],
    legalTimeLimit: nd(60),
    promisedTimeLimit: nd(w.promisedDays),
    caseKind: 'promised',
    process: [
      { name: '预约', description: '可通过“云澜办”App预约办理时段，也可直接到窗口取号。' },
      { name: '受理采集', description: '核验户籍信息，现场采集人像和指纹，申请人确认《居民身份证申领登记表》。' },
      { name: '缴费', description: '缴纳证件工本费，支持移动支付。' },
      { name: '审核制证', description: '公安机关审核签发，送省级制证中心制作证件。', timeLimit: nd(w.promisedDays) },
      { name: '领证', description: '到受理窗口领取或选择邮政寄递到家（邮寄费用由申请人承担）。' },
    ],
    places: [hallPlace(w.at, w.window, HOURS_SAT), stationPlace(w)],
    ...contacts(w.at),
    fees: {
      charged: true,
      items: [{ name: '居民身份证工本费', standard: '20元/证', basis: ID_CARD_FEES_BASIS }],
      waivers: ID_CARD_WAIVER,
    },
    visits: 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '居民身份证', type: 'license', licenseTypeCode: L.idCard.code },
    faq: withLocal([
      { question: '小孩多大可以办身份证？', answer: '任何年龄都可以申请，未满十六周岁的由监护人陪同办理，证件有效期5年；年满十六周岁应当申领。' },
      { question: '要自己带照片吗？', answer: '不需要。受理窗口现场免费拍照采集，请穿着深色有领上衣，不戴帽子和饰品。' },
      { question: '多久能拿到身份证？', answer: `一般在受理后${w.promisedDays}日内制证完成，领取时会短信通知；急需使用的可以申请办理临时居民身份证（工本费10元，当场领取）。` },
      { question: '可以让别人帮忙领证吗？', answer: '可以。凭受理回执和代领人身份证代领；也可以在受理时选择邮寄到家。' },
    ], w.localFaq),
    materials: [
      hukouBook('hukou_book', '申请人'),
      idCard('guardian_id', '监护人', { necessity: 'conditional', condition: '申请人未满十六周岁的' }),
      mat({ key: 'application_form', name: '居民身份证申领登记表', form: 'original', acceptanceStandard: '由窗口根据户籍信息打印，申请人（或监护人）核对无误后签字确认。' }),
    ],
  });
}

function idCardRenewal(w: PoliceWindow & { promisedDays: number }): FileItem {
  return item(B.idCardRenewal, w.at, {
    aliases: ['身份证丢了', '身份证补办', '补办身份证', '身份证到期', '换身份证', '身份证过期', '异地办身份证', '身份证换证', '身份证坏了', '补身份证'],
    serviceObjects: ['person'],
    themes: ['documents'],
    lifeEvents: [],
    summary: '居民身份证有效期满、登记项目变更、证件严重损坏或者丢失的，申请换领、补领居民身份证，可在全国任一受理点异地办理。',
    conditions: '1. 换领：居民身份证有效期满、公民姓名等登记项目变更、证件严重损坏不能辨认的。有效期满前三个月内即可申请换领。2. 补领：居民身份证丢失的，应当申请补领；补领时原证自动作废。3. 在户籍所在地以外办理的，可在全国任一居民身份证异地受理点申请，无需居住证。4. 申请人应当本人到场采集人像和指纹。',
    legalBasis: [
      law(`${ID_CARD_LAW}第十一条`, '国家决定换发新一代居民身份证、居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，公民应当换领新证；居民身份证登记项目出现错误的，公安机关应当及时更正，换发新证；领取新证时，必须交回原证。居民身份证丢失的，应当申请补领。'),
      ID_CARD_VALIDITY,
      ID_CARD_DEADLINE,
      law(`${ID_CARD_LAW}第二十条`, '公民申请领取、换领、补领居民身份证，应当缴纳证件工本费。居民身份证工本费标准，由国务院价格主管部门会同国务院财政部门核定。对城市中领取最低生活保障金的居民、农村中有特殊生活困难的居民，在其初次申请领取和换领居民身份证时，免收工本费。'),
    ],
    legalTimeLimit: nd(60),
    promisedTimeLimit: nd(w.promisedDays),
    caseKind: 'promised',
    process: [
      { name: '预约取号', description: '通过“云澜办”App预约或现场取号，外地户籍人员选择“异地办理”。' },
      { name: '受理采集', description: '核验身份，采集人像和指纹；补领的当场将原证作废。' },
      { name: '缴费', description: '缴纳证件工本费。' },
      { name: '制证', description: '本地户籍由本地审核签发；异地办理的由户籍地公安机关在线审核签发。', timeLimit: nd(w.promisedDays) },
      { name: '领证', description: '到受理窗口领取或邮寄到家；换领的领取新证时交回原证。' },
    ],
    places: [hallPlace(w.at, w.window, HOURS_SAT), stationPlace(w)],
    ...contacts(w.at),
    fees: {
      charged: true,
      items: [
        { name: '居民身份证工本费（有效期满换领、登记项目变更换领）', standard: '20元/证', basis: ID_CARD_FEES_BASIS },
        { name: '居民身份证工本费（丢失补领、损坏换领）', standard: '40元/证', basis: ID_CARD_FEES_BASIS },
        { name: '临时居民身份证工本费', standard: '10元/证', basis: ID_CARD_FEES_BASIS },
      ],
      waivers: ID_CARD_WAIVER,
    },
    visits: 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'national',
    courier: true,
    jointUnits: ['户籍地公安机关（异地办理的审核签发）'],
    intermediaryServices: '无',
    result: { name: '居民身份证', type: 'license', licenseTypeCode: L.idCard.code },
    faq: withLocal([
      { question: '身份证丢了要先挂失吗？', answer: '申请补领时原证即被作废，无需另行挂失或登报。发现被他人冒用的，请及时向公安机关报案。' },
      { question: '外地户口可以在这里补办身份证吗？', answer: '可以。全国范围内居民身份证换领、补领均可异地办理，带上户口簿信息即可（系统核验），不需要居住证。' },
      { question: '身份证快到期了，什么时候可以换？', answer: '有效期满前三个月内即可申请换领，过期后也可以办理，过期的身份证不能正常使用，请尽早换领。' },
      { question: '急着坐飞机，新证还没做好怎么办？', answer: '可以在受理时同时申请临时居民身份证，当场领取，有效期三个月；乘坐火车也可以在车站办理临时乘车身份证明。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'old_card', name: '原居民身份证', necessity: 'conditional', condition: '有效期满换领、登记项目变更换领或损坏换领的', form: 'original', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [L.idCard], acceptanceStandard: '领取新证时交回原证。' }),
      hukouBook('hukou_book', '申请人', { necessity: 'conditional', condition: '登记项目变更换领的，以变更后的户籍信息为准', acceptanceStandard: '户籍信息已完成变更；系统可核验的免于提交。' }),
      mat({ key: 'application_form', name: '居民身份证申领登记表', form: 'original', acceptanceStandard: '由窗口打印，申请人核对签字。' }),
    ],
  });
}

function residencePermit(w: PoliceWindow & { promisedDays: number; localBenefit: string }): FileItem {
  const d = dept(w.at);
  return item(B.residencePermit, w.at, {
    aliases: ['办居住证', '外地人居住证', '暂住证', '居住证申领', '积分入学居住证', '流动人口居住证', '居住证签注', '新市民居住证'],
    serviceObjects: ['person'],
    themes: ['documents', 'hukou'],
    lifeEvents: ['employment'],
    summary: `离开常住户口所在地，在${regionLabel(d)}居住半年以上，有合法稳定就业、合法稳定住所或者连续就读的公民，申领居住证。`,
    conditions: `1. 公民离开常住户口所在地，到本市居住半年以上，已办理居住登记满半年。2. 符合有合法稳定就业、合法稳定住所、连续就读条件之一。3. 未满十六周岁的未成年人和行动不便的老年人、残疾人等，可以由其监护人、近亲属代为申领。4. 居住证每年签注一次，逾期未签注的，居住年限自重新签注之日起连续计算。5. ${w.localBenefit}`,
    legalBasis: [
      law('《居住证暂行条例》第二条', '公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。'),
      law('《居住证暂行条例》第十二条', '居住证持有人在居住地依法享受劳动就业，参加社会保险，缴存、提取和使用住房公积金的权利。县级以上人民政府及其有关部门应当为居住证持有人提供义务教育、基本公共就业服务、基本公共卫生和计划生育服务、公共文化体育服务、法律援助和其他法律服务等基本公共服务。'),
      law('《居住证暂行条例》', '公安派出所应当自受理之日起15日内制作发放居住证；在偏远地区、交通不便的地区或者因特殊情况，不能按期制作发放居住证的，设区的市级以上地方人民政府在实施办法中可以对制作发放时限作出延长规定，但延长后最长不得超过30日。'),
    ],
    legalTimeLimit: nd(15),
    promisedTimeLimit: nd(w.promisedDays),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '在“云澜办”App或居住地派出所、政务服务中心提交申领信息。' },
      { name: '核查', description: '核查居住登记时间和就业、住所、就读情况，相关信息通过数据共享核验。', timeLimit: nd(Math.max(1, w.promisedDays - 3)) },
      { name: '制证', description: '符合条件的制作居住证，同时生成电子居住证。' },
      { name: '领证', description: '到受理点领取或邮寄送达；此后每年通过App或窗口签注。' },
    ],
    places: [stationPlace(w), hallPlace(w.at, w.window)],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '居住证', type: 'license', licenseTypeCode: L.residencePermit.code },
    faq: withLocal([
      { question: '现在还有暂住证吗？', answer: '没有了。暂住证已被居住证取代，外来人员先办理居住登记，居住满半年并符合条件的可以申领居住证。' },
      { question: '居住证有什么用？', answer: '持证人可以在居住地享受义务教育、基本公共就业服务、基本公共卫生服务、公共文化体育服务和法律援助，办理出入境证件、机动车登记、驾驶证申领等可以在居住地办理，还是申请在本地落户的重要依据。' },
      { question: '居住证需要年检吗？', answer: '居住证每年签注一次，可以在“云澜办”App在线签注，也可以到派出所签注；逾期未签注的，居住年限将从重新签注之日起连续计算。' },
      { question: '首次办理居住证要交钱吗？', answer: '首次申领免费；换领、补领的按规定缴纳工本费。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'residence_proof', name: '合法稳定住所证明', form: 'original_or_electronic', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '房屋产权证明、租赁合同（已登记备案）、单位或学校宿舍证明之一，地址与居住登记一致。' }),
      mat({ key: 'employment_or_study', name: '就业或就读证明', necessity: 'conditional', condition: '以合法稳定就业或连续就读条件申领的', form: 'original_or_electronic', substitutes: [D.socialInsurance, L.businessLicence], acceptanceStandard: '劳动合同、社会保险缴纳记录、营业执照或学校出具的在读证明之一。' }),
      idCard('guardian_id', '监护人或近亲属', { necessity: 'conditional', condition: '由监护人、近亲属代为申领的' }),
    ],
  });
}

function sealFiling(w: PoliceWindow): FileItem {
  return item(B.seal, w.at, {
    aliases: ['刻章', '刻公章', '公司刻章', '印章备案', '刻财务章', '发票专用章', '刻法人章', '公章备案', '新公司刻章'],
    serviceObjects: ['enterprise'],
    themes: ['establishment'],
    lifeEvents: ['enterprise_opening'],
    summary: '企业、个体工商户等刻制公章，由选定的印章刻制企业将印章信息报公安机关备案；新开办企业首套印章免费刻制。',
    conditions: '1. 已取得营业执照或其他登记证书。2. 在全省印章治安管理信息系统中自主选择已备案的印章刻制企业。3. 首套印章（单位公章、财务专用章、发票专用章、合同专用章、法定代表人名章）由政府购买服务免费刻制，可选择寄递到家。4. 公章遗失的，应当先在国家企业信用信息公示系统发布遗失声明，再申请重新刻制。',
    legalBasis: [
      law('《云澜省印章刻制治安管理办法》', '单位刻制公章，由承接刻制业务的印章刻制企业在刻制后一日内将印章印模和单位信息报所在地县级公安机关备案；公安机关不得要求单位另行提交审批材料。'),
    ],
    legalTimeLimit: wd(1),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '选择刻章企业', description: '在“企业开办一件事”专区或印章管理系统选择刻章企业和印章种类。' },
      { name: '刻制', description: '刻章企业接单制作印章，同步生成电子印章。' },
      { name: '备案', description: '刻章企业将印模和单位信息报公安机关备案，系统即时完成。' },
      { name: '交付', description: '实物印章窗口领取或免费寄递，电子印章可在电子营业执照中使用。' },
    ],
    places: [hallPlace(w.at, '企业开办专区（公章刻制）')],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: true,
    jointUnits: ['市场监督管理部门（登记信息共享）'],
    intermediaryServices: '印章刻制由申请人自主选择的备案印章刻制企业承接，新开办企业首套印章费用由政府承担。',
    result: { name: '印章备案信息', type: 'other' },
    faq: withLocal([
      { question: '新公司刻章要钱吗？', answer: '新开办企业首套印章（公章、财务专用章、发票专用章、合同专用章、法定代表人名章）免费，由政府购买服务；补刻、增刻的由企业与刻章企业自行协商价格。' },
      { question: '可以自己找刻章店刻吗？', answer: '可以，但必须选择在公安机关备案的印章刻制企业，刻制后由该企业向公安机关备案，未备案的印章不具备效力。' },
      { question: '公章丢了怎么办？', answer: '先在国家企业信用信息公示系统发布遗失声明，再凭营业执照申请重新刻制并备案。' },
      { question: '电子印章和实物印章效力一样吗？', answer: '依法备案的电子印章与实物印章具有同等效力，可以在网上办理政务服务和签署电子合同时使用。' },
    ], w.localFaq),
    materials: [
      businessLicence(),
      idCard('legal_rep_id', '法定代表人（负责人）'),
      mat({ key: 'lost_statement', name: '印章遗失声明', necessity: 'conditional', condition: '因公章遗失申请重新刻制的', form: 'electronic', acceptanceStandard: '已在国家企业信用信息公示系统发布的遗失声明截图或链接。' }),
      agentAuthorisation('agent_authorisation', '法定代表人'),
    ],
  });
}

function rentalRegistration(w: PoliceWindow, opts: ItemOptions = {}): FileItem {
  return item(B.rental, w.at, {
    aliases: ['出租屋登记', '房东登记', '租房登记', '出租房备案', '房屋出租登记', '出租房屋治安登记', '租客登记'],
    serviceObjects: ['person'],
    themes: ['housing'],
    lifeEvents: [],
    summary: '将房屋出租用于居住的，出租人应当向房屋所在地公安派出所办理出租房屋登记，并督促承租人办理居住登记。',
    conditions: '1. 出租人应当自房屋出租之日起三日内办理出租房屋登记，出租房屋应当符合消防安全和治安管理要求。2. 出租人应当核验承租人身份，如实登记承租人信息；承租人为流动人口的，出租人应当督促其在三日内办理居住登记。3. 不得将房屋出租给无合法有效身份证件的人员。4. 租赁关系终止或承租人变化的，出租人应当在三日内申报变更。',
    legalBasis: [
      law('《租赁房屋治安管理规定》', '私有房屋出租的，出租人须持房屋所有权证或者其他合法证明、居民身份证、户口簿，向房屋所在地公安派出所申请登记；单位房屋出租的，出租人须持房屋所有权证、单位介绍信，到房屋所在地公安派出所申请登记。'),
      law('《云澜省流动人口服务管理条例》', '房屋出租人应当自出租之日起三日内将承租人信息报送房屋所在地公安派出所；承租人为流动人口的，应当督促其办理居住登记。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申报', description: '出租人通过“云澜办”App“出租房屋登记”或到社区警务室、派出所申报房屋和承租人信息。' },
      { name: '核验', description: '系统核验房屋产权和承租人身份信息。' },
      { name: '登记', description: '登记完成后生成出租房屋登记回执，承租人同步收到居住登记提醒。' },
    ],
    places: [stationPlace(w)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'none',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '出租房屋登记回执', type: 'other' },
    faq: withLocal([
      { question: '把房子租给亲戚住也要登记吗？', answer: '有租赁关系的都应当登记；无偿借给亲友居住的，居住人为流动人口的仍应办理居住登记。' },
      { question: '通过中介出租的，谁来登记？', answer: '出租人是登记义务人，可以委托房地产经纪机构代为申报，但出租人仍对信息真实性负责。' },
      { question: '不登记会怎样？', answer: '出租人未按规定登记或者不如实登记承租人信息的，公安机关可以依法责令改正并给予处罚。' },
    ], w.localFaq),
    materials: [
      idCard('landlord_id', '出租人'),
      mat({ key: 'ownership', name: '房屋所有权证明', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '不动产登记机构', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '出租人为产权人或经产权人同意转租；可核验不动产登记信息的免于提交。' }),
      mat({ key: 'lease', name: '房屋租赁合同', form: 'original_or_electronic', acceptanceStandard: '写明租赁房屋地址、租期、承租人姓名和身份证号码。' }),
      idCard('tenant_id', '承租人'),
    ],
  }, opts);
}

// ---------------------------------------------------------------------------------------------
// 卫生健康: 出生医学证明、死亡医学证明
// ---------------------------------------------------------------------------------------------

function birthCertificate(at: string, local: { hospital: Place; onlineDepth: 3 | 4; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.birthCertificateFirst, at, {
    aliases: ['出生证', '出生证明', '办出生证', '新生儿出生证', '生孩子办出生证', '宝宝出生证明', '电子出生证'],
    serviceObjects: ['person'],
    themes: ['birth', 'medical'],
    lifeEvents: ['birth'],
    summary: `在${regionLabel(d)}具有助产技术服务资质的医疗机构出生的新生儿，由助产机构首次签发《出生医学证明》（纸质证与电子证同步）。`,
    conditions: '1. 新生儿在本辖区具有助产技术服务资质的医疗机构内出生，由该机构签发；在医疗机构外出生的，由辖区县级卫生健康部门指定的机构核实后签发。2. 新生儿父母（或其他监护人）提供有效身份证件，并确定新生儿姓名。3. 在医疗机构外出生、无法提供接生记录的，需提供具有资质的机构出具的亲子鉴定证明。4. 首次签发的《出生医学证明》姓名等项目填写后原则上不予更改，请在签发前仔细核对。',
    legalBasis: [
      law('《中华人民共和国母婴保健法》第二十三条', '医疗保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明；有产妇和婴儿死亡以及新生儿出生缺陷情况的，应当向卫生行政部门报告。'),
      law('《中华人民共和国母婴保健法实施办法》', '医疗、保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '信息登记', description: '新生儿出院前，父母在助产机构或通过“出生一件事”专区填写出生医学证明首次签发登记表。' },
      { name: '核对', description: '助产机构核对分娩记录和父母身份信息，父母确认新生儿姓名。' },
      { name: '签发', description: '签发《出生医学证明》，同步生成电子出生医学证明，信息推送公安机关用于出生登记。' },
    ],
    places: [local.hospital, officePlace(at, '妇幼健康科（院外出生核实）')],
    ...contacts(at),
    fees: FREE,
    visits: local.onlineDepth === 4 ? 0 : 1,
    onlineDepth: local.onlineDepth,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['公安机关（出生登记）'],
    intermediaryServices: '院外出生的亲子鉴定由申请人自主委托具有资质的司法鉴定机构进行。',
    result: { name: '出生医学证明', type: 'license', licenseTypeCode: L.birthCertificate.code },
    faq: withLocal([
      { question: '还没想好名字，可以先办出生证吗？', answer: '出生医学证明上的新生儿姓名应当在签发前确定，一般在出院前完成。确实未取名的，可出院后一个月内持相关材料到原助产机构办理。' },
      { question: '出生证上的名字写错了怎么办？', answer: '因机构登记错误的，由原签发机构核实后换发；签发后父母要求改名的，应当先到公安机关办理户籍姓名变更，再凭户籍证明申请换发。' },
      { question: '出生医学证明丢了能补吗？', answer: '可以向原签发机构申请补发，需提供父母身份证件和新生儿户籍证明，补发证上标注“补发”字样。' },
      { question: '电子出生医学证明和纸质的一样吗？', answer: '效力相同。电子证可以在“云澜办”App查看，办理上户口、医保参保时由系统直接调用，不用再提交纸质证。' },
    ], local.localFaq),
    materials: [
      idCard('parents_id', '新生儿父母'),
      mat({ key: 'registration_form', name: '出生医学证明首次签发登记表', form: 'original_or_electronic', acceptanceStandard: '新生儿姓名、性别、出生时间和父母信息填写完整，父母签字确认。' }),
      mat({ key: 'delivery_record', name: '分娩记录或接生证明', necessity: 'conditional', condition: '在医疗机构外出生的', form: 'original', sourceChannel: 'intermediary', issuedBy: '接生人员所在机构', acceptanceStandard: '写明出生时间、地点和接生人员，接生人员签字。' }),
      mat({ key: 'paternity_test', name: '亲子鉴定证明', necessity: 'conditional', condition: '在医疗机构外出生且无法提供接生记录的', form: 'original', sourceChannel: 'intermediary', issuedBy: '具有资质的司法鉴定机构', acceptanceStandard: '鉴定意见明确支持亲子关系，鉴定机构盖章。' }),
    ],
  });
}

function deathCertificate(at: string, local: { hospital: Place }): FileItem {
  return item(B.deathCertificate, at, {
    aliases: ['死亡证明', '开死亡证明', '死亡医学证明', '家里老人去世', '在家去世开证明', '居民死亡证明'],
    serviceObjects: ['person'],
    themes: ['funeral', 'medical'],
    lifeEvents: ['after_death'],
    summary: '居民死亡后，由负责救治或正常死亡调查的医疗卫生机构签发《居民死亡医学证明（推断）书》，用于户口注销和殡葬。',
    conditions: '1. 在医疗卫生机构内死亡的，由负责救治的执业医师签发。2. 在家中、养老机构等医疗卫生机构外正常死亡的，由所在地社区卫生服务中心（乡镇卫生院）负责调查的执业（助理）医师根据死亡申报材料、调查询问结果进行推断并签发。3. 非正常死亡或者卫生机构不能确定是否属于正常死亡的，由公安机关出具死亡证明。4. 家属应当如实提供死者生前病史资料。',
    legalBasis: [
      law('国家卫生计生委、公安部、民政部《关于进一步规范人口死亡医学证明和信息登记管理工作的通知》（国卫规划发〔2013〕57号）', '在医疗卫生机构和来院途中死亡者，由负责救治的执业医师填写《居民死亡医学证明（推断）书》；在家中、养老服务机构、其他场所正常死亡者，由本辖区社区卫生服务机构或乡镇卫生院负责调查的执业（助理）医师根据死亡申报材料、调查询问结果并进行死因推断后，填写《居民死亡医学证明（推断）书》。'),
    ],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申报', description: '家属向救治医疗机构，或向辖区社区卫生服务中心（乡镇卫生院）申报死亡。' },
      { name: '调查推断', description: '医疗机构外死亡的，由医师上门或询问调查，查阅生前病历，推断死亡原因。' },
      { name: '签发', description: '签发《居民死亡医学证明（推断）书》，死亡信息同步推送公安、民政（殡葬）部门。' },
    ],
    places: [local.hospital, officePlace(at, '疾病预防控制科')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['公安机关（户口注销）', '民政部门（殡葬服务）'],
    intermediaryServices: '无',
    result: { name: '居民死亡医学证明（推断）书', type: 'other' },
    faq: [
      { question: '老人在家里去世，去哪里开死亡证明？', answer: '联系户籍或居住地的社区卫生服务中心（乡镇卫生院），由医师调查后签发；夜间可先联系殡仪馆接运，次日工作时间内办理。' },
      { question: '开死亡证明需要带什么？', answer: '死者身份证或户口簿、申报人身份证，以及死者生前的病历、诊断证明等资料。' },
      { question: '死亡证明有几联？分别做什么用？', answer: '共四联：第一联由签发机构留存，第二联交公安机关办理户口注销，第三联由家属留存，第四联交殡葬管理部门办理火化。' },
    ],
    materials: [
      mat({ key: 'deceased_identity', name: '死者居民身份证或户口簿', form: 'original', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [L.idCard, D.hukou], acceptanceStandard: '证件信息与死者一致。' }),
      idCard('declarant_id', '申报人'),
      mat({ key: 'medical_records', name: '死者生前病历、诊断证明等病史资料', necessity: 'conditional', condition: '在医疗卫生机构外死亡的', form: 'copy', acceptanceStandard: '能反映死者主要疾病和诊疗情况。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 医疗保障: 城乡居民医保、关系转移、异地就医、生育津贴
// ---------------------------------------------------------------------------------------------

const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';

function residentMedicalInsurance(w: DistrictWindow & { contribution: string }): FileItem {
  const d = dept(w.at);
  return item(B.residentMedical, w.at, {
    aliases: ['交医保', '买医保', '居民医保', '新农合', '城乡医保', '新生儿医保', '小孩医保', '医保参保', '学生医保', '医保缴费', '居民医疗保险'],
    serviceObjects: ['person'],
    themes: ['medical', 'social_security'],
    lifeEvents: ['birth'],
    summary: `未参加职工基本医疗保险的${regionLabel(d)}城乡居民（含学生、儿童、新生儿和持居住证人员）参加城乡居民基本医疗保险。`,
    conditions: [
      '1. 具有本区户籍、或持有本区居住证，且未参加职工基本医疗保险的城乡居民；在本区就读的大中专院校学生、中小学生和托幼儿童。',
      '2. 每年9月1日至12月31日为下一年度集中缴费期，次年1月1日至12月31日享受待遇；集中缴费期外参保的，自缴费之日起设置不超过3个月的待遇等待期。',
      '3. 新生儿在出生后90日内参保缴费的，自出生之日起享受待遇，不设等待期。',
      '4. 特困人员、低保对象、防止返贫监测对象等困难群众的个人缴费部分由政府按规定资助。',
      `5. ${w.contribution}`,
    ].join(''),
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第二十五条`, '国家建立和完善城镇居民基本医疗保险制度。城镇居民基本医疗保险实行个人缴费和政府补贴相结合。享受最低生活保障的人、丧失劳动能力的残疾人、低收入家庭六十周岁以上的老年人和未成年人等所需个人缴费部分，由政府给予补贴。'),
      law('《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）', '城乡居民医保制度覆盖范围包括现有城镇居民医保和新农合所有应参保（合）人员，即覆盖除职工基本医疗保险应参保人员以外的其他所有城乡居民。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '参保登记', description: '通过“云澜办”App、医保服务平台或窗口办理参保登记；新生儿可在“出生一件事”中一并办理。' },
      { name: '缴费', description: '通过税务缴费渠道（App、银行、村社区代收点）缴纳个人缴费部分。' },
      { name: '待遇享受', description: '缴费成功后按规定享受待遇，可在App查询参保状态和医保电子凭证。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['税务部门（保费征收）'],
    intermediaryServices: '无',
    result: { name: '城乡居民基本医疗保险参保登记', type: 'other' },
    faq: withLocal([
      { question: '新生儿怎么参保？', answer: '出生后90日内办理参保缴费的，自出生之日起享受待遇。办完出生登记后可以在“出生一件事”或App中直接参保，不需要出生医学证明原件。' },
      { question: '外地户口能在这里参加居民医保吗？', answer: '持有本区居住证且未参加职工医保的可以参保；在本区就读的学生也可以参保。' },
      { question: '错过了集中缴费期怎么办？', answer: '可以在集中缴费期外参保缴费，但自缴费之日起有不超过3个月的待遇等待期，等待期内发生的医疗费用不予报销。' },
      { question: '已经参加职工医保了，还能再交居民医保吗？', answer: '不能重复参保。职工医保和居民医保只能参加一种，重复缴费的可以申请退费。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '参保人', { acceptanceStandard: '参保人有效身份证件；新生儿和未办理身份证的儿童提供户口簿（已登记户籍的可共享核验）。', substitutes: [L.idCard, D.hukou] }),
      mat({ key: 'residence_permit', name: '居住证', necessity: 'conditional', condition: '非本区户籍人员参保的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [L.residencePermit], acceptanceStandard: '居住证在有效期内且已按期签注。' }),
      mat({ key: 'birth_certificate', name: '出生医学证明', necessity: 'conditional', condition: '新生儿尚未办理出生登记的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '助产医疗机构', substitutes: [L.birthCertificate, D.birth], acceptanceStandard: '可核验电子出生医学证明的免于提交。' }),
      mat({ key: 'assistance_status', name: '困难群众身份证明', necessity: 'conditional', condition: '申请政府资助参保的', form: 'electronic', sourceChannel: 'government', issuedBy: '民政部门', substitutes: [D.assistance], acceptanceStandard: '由民政部门认定并共享的低保、特困等身份信息，无需本人提交。' }),
    ],
  });
}

function medicalInsuranceTransfer(at: string): FileItem {
  return item(B.medicalTransfer, at, {
    aliases: ['医保转移', '医保转出', '医保转入', '换工作医保转移', '跨省医保转移', '医保关系转移', '医保接续', '医保迁移'],
    serviceObjects: ['person'],
    themes: ['medical', 'social_security'],
    lifeEvents: ['employment'],
    summary: '参保人跨统筹地区流动就业或居住的，申请将基本医疗保险关系转入（转出）本市，缴费年限累计计算。',
    conditions: '1. 参保人因跨统筹地区就业、户籍或居住地变动，已在转入地参加基本医疗保险，或者即将离开转出地。2. 转移接续申请一般向转入地医保经办机构提出，也可以在国家医保服务平台、“云澜办”App在线申请。3. 职工医保个人账户余额随同转移；转出地和转入地重复缴费的，由参保人选择保留一方，另一方退费。4. 转移接续期间，参保人在转出地的待遇保留至转入地参保缴费次月。',
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第三十二条`, '个人跨统筹地区就业的，其基本医疗保险关系随本人转移，缴费年限累计计算。'),
      law('《国家医疗保障局办公室 财政部办公厅关于印发〈基本医疗保险关系转移接续暂行办法〉的通知》（医保办发〔2021〕43号）', '参保人员跨统筹地区流动就业的，其基本医疗保险关系随本人转移，转出地和转入地经办机构应当在规定时限内完成转移接续手续，确保参保人待遇连续享受。'),
    ],
    legalTimeLimit: wd(15),
    promisedTimeLimit: wd(10),
    caseKind: 'promised',
    process: [
      { name: '提出申请', description: '在转入地参保后，通过国家医保服务平台、“云澜办”App或转入地窗口提交转移接续申请。' },
      { name: '转出审核', description: '转出地医保经办机构核对参保缴费信息，生成参保人员基本医疗保障参保（合）凭证，并划转个人账户余额。', timeLimit: wd(5) },
      { name: '转入确认', description: '转入地医保经办机构接收凭证和资金，累计缴费年限。', timeLimit: wd(5) },
      { name: '办结告知', description: '以短信告知办理结果，可在App查询累计缴费年限。' },
    ],
    places: [hallPlace(at, '医保经办窗口'), officePlace(at, '医疗保障事务中心')],
    ...contacts(at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'cross_province',
    courier: false,
    jointUnits: ['转出地医疗保障经办机构'],
    intermediaryServices: '无',
    result: { name: '基本医疗保险关系转移接续办结通知', type: 'other' },
    faq: [
      { question: '换了城市工作，原来的医保年限会清零吗？', answer: '不会。办理转移接续后，职工医保缴费年限累计计算，个人账户余额随同转移。' },
      { question: '转移期间生病住院能报销吗？', answer: '可以。在转入地参保缴费之前，转出地的待遇保留至转入地参保缴费的次月，住院费用按原参保地规定结算。' },
      { question: '一定要回原来的城市办吗？', answer: '不用。在转入地或网上申请即可，两地经办机构在线传递凭证，全程不用跑腿。' },
      { question: '两边都交了医保怎么办？', answer: '重复缴费期间由您选择保留一方的参保关系，另一方按规定退费。' },
    ],
    materials: [
      idCard('applicant_id', '参保人'),
      mat({ key: 'transfer_application', name: '基本医疗保险关系转移接续申请表', form: 'electronic', acceptanceStandard: '在线填写，写明转出地、转入地和险种。' }),
      mat({ key: 'insurance_certificate', name: '参保人员基本医疗保障参保（合）凭证', necessity: 'conditional', condition: '转出地未通过平台传递凭证的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '转出地医疗保障经办机构', substitutes: [D.medicalInsurance], acceptanceStandard: '凭证信息与参保人身份一致，加盖转出地经办机构业务章。' }),
    ],
  });
}

function remoteMedicalFiling(at: string, local: { penalty: string; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.remoteMedical, at, {
    aliases: ['外地看病报销', '异地看病', '跨省就医', '异地就医报销', '报销', '去外地住院', '异地安置', '医保备案', '随子女异地养老', '转诊备案', '异地就医直接结算'],
    serviceObjects: ['person'],
    themes: ['medical'],
    lifeEvents: ['retirement'],
    summary: `${regionLabel(d)}参保人员到省外或市外就医前办理备案，实现住院、门诊费用在就医地直接结算。`,
    conditions: `1. 异地长期居住人员：异地安置退休人员、异地长期居住人员、常驻异地工作人员，承诺在就医地长期居住生活或工作。2. 临时外出就医人员：异地转诊就医人员、因工作或旅游等原因异地急诊抢救人员以及其他跨省临时外出就医人员。3. 长期居住人员备案后原则上6个月内不得变更或取消；临时外出就医人员备案有效期不少于6个月，有效期内可在就医地多次就诊。4. ${local.penalty}`,
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第二十九条`, '参保人员医疗费用中应当由基本医疗保险基金支付的部分，由社会保险经办机构与医疗机构、药品经营单位直接结算。社会保险行政部门和卫生行政部门应当建立异地就医医疗费用结算制度，方便参保人员享受基本医疗保险待遇。'),
      law('《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）', '跨省异地长期居住人员可在备案的就医地和参保地双向享受待遇；跨省临时外出就医人员备案有效期内可在就医地多次就诊并享受跨省联网结算服务，备案有效期原则上不少于6个月。'),
    ],
    legalTimeLimit: wd(1),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '在线申请', description: '通过国家医保服务平台App、“云澜办”App或微信小程序选择备案类型和就医地，填写备案信息并签署承诺。' },
      { name: '即时审核', description: '系统校验参保状态，符合条件的即时备案成功。' },
      { name: '就医结算', description: '在就医地定点医药机构持医保电子凭证或社会保障卡就医，费用直接结算。' },
    ],
    places: [hallPlace(at, '医保经办窗口')],
    ...contacts(at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'national',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '异地就医备案登记', type: 'other' },
    faq: withLocal([
      { question: '在外地看病，没备案还能报销吗？', answer: `可以先在就医地看病，出院结算前补办备案即可直接结算；已经自费结算的，回参保地手工报销。${local.penalty}` },
      { question: '备案一次能用多久？', answer: '临时外出就医备案有效期为6个月，有效期内可以多次就诊；异地长期居住备案长期有效，6个月后可以变更或取消。' },
      { question: '退休后跟子女去外地住，看病怎么办？', answer: '办理“异地长期居住”备案，选择居住地为就医地。备案后在居住地和参保地都可以享受待遇。' },
      { question: '门诊也能直接结算吗？', answer: '可以。跨省门诊费用和高血压、糖尿病等门诊慢特病费用已在大部分地区开通直接结算，可在国家医保服务平台查询开通的定点医药机构。' },
    ], local.localFaq),
    materials: [
      idCard('applicant_id', '参保人', { acceptanceStandard: '参保人本人有效身份证件或医保电子凭证。', substitutes: [L.idCard, L.socialSecurityCard] }),
      mat({ key: 'filing_form', name: '跨省异地就医登记备案表', form: 'electronic', acceptanceStandard: '在线填写备案类型、就医地和联系方式。' }),
      mat({ key: 'residence_commitment', name: '异地长期居住个人承诺书', necessity: 'conditional', condition: '以异地长期居住人员身份备案的', form: 'electronic', acceptanceStandard: '在线签署，承诺在就医地长期居住。' }),
      mat({ key: 'referral', name: '转诊转院证明', necessity: 'conditional', condition: '以异地转诊人员身份备案的', form: 'original_or_electronic', sourceChannel: 'intermediary', issuedBy: '参保地具有转诊资质的定点医疗机构', acceptanceStandard: '写明转诊原因和转往的医疗机构，医疗机构盖章。' }),
    ],
  });
}

function maternityAllowance(w: DistrictWindow & { contributionMonths: number }): FileItem {
  const d = dept(w.at);
  return item(B.maternityAllowance, w.at, {
    aliases: ['生孩子报销', '生育报销', '产假工资', '生育险', '生育保险报销', '领生育津贴', '生孩子补贴', '生育金', '产假津贴'],
    serviceObjects: ['person', 'enterprise'],
    themes: ['birth', 'medical', 'human_resources'],
    lifeEvents: ['birth'],
    summary: `在${regionLabel(d)}参加职工基本医疗保险（生育保险）的职工，生育或施行计划生育手术后申领生育津贴。`,
    conditions: `1. 用人单位为职工参加了职工基本医疗保险（含生育保险）并按时足额缴费；生育时用人单位已连续缴纳生育保险费满${w.contributionMonths}个月。2. 女职工生育享受产假，或者职工施行计划生育手术享受休假。3. 产假天数按国家和本省规定计算：女职工生育享受98天产假，本省延长产假60天，难产的增加15天，生育多胞胎的每多生育1个婴儿增加15天。4. 生育津贴按照职工所在用人单位上年度职工月平均工资除以30再乘以产假天数计发；用人单位已按正常工资发放产假工资的，生育津贴拨付给用人单位。5. 应当在生育或手术之日起1年内申请。`,
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第五十六条`, '职工有下列情形之一的，可以按照国家规定享受生育津贴：（一）女职工生育享受产假；（二）享受计划生育手术休假；（三）法律、法规规定的其他情形。生育津贴按照职工所在用人单位上年度职工月平均工资计发。'),
      law('《女职工劳动保护特别规定》第七条', '女职工生育享受98天产假，其中产前可以休假15天；难产的，增加产假15天；生育多胞胎的，每多生育1个婴儿，增加产假15天。女职工怀孕未满4个月流产的，享受15天产假；怀孕满4个月流产的，享受42天产假。'),
      law('《云澜省人口与计划生育条例》', '符合法律、法规规定生育子女的夫妻，女方在享受国家规定产假的基础上，延长产假六十日，男方享受护理假十五日。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '由用人单位或职工本人通过医保服务平台、“云澜办”App或窗口申请；“出生一件事”中可一并申请。' },
      { name: '审核', description: '医保经办机构核对参保缴费、出生医学证明和产假天数。', timeLimit: wd(Math.max(1, w.promised - 2)) },
      { name: '核定', description: '按用人单位上年度职工月平均工资核定生育津贴金额。' },
      { name: '支付', description: '拨付至用人单位或职工本人社会保障卡金融账户，并短信告知。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '生育津贴支付', type: 'other' },
    faq: withLocal([
      { question: '生育津贴发给单位还是发给个人？', answer: '用人单位已按正常工资发放产假期间工资的，生育津贴拨付给单位；单位未发放或者生育津贴高于产假工资的，差额部分由单位补足给职工，或按规定直接支付给职工本人。' },
      { question: '生育津贴能拿多少？', answer: '生育津贴＝用人单位上年度职工月平均工资÷30×产假天数。例如单位月平均工资6000元、顺产产假158天，生育津贴为6000÷30×158＝31600元。' },
      { question: '灵活就业人员能领生育津贴吗？', answer: '以灵活就业人员身份参加职工医保的，按本省规定可以享受生育医疗费用待遇；生育津贴是否发放以参保地政策为准，可电话咨询经办机构。' },
      { question: '男方能领吗？', answer: '男职工本人不享受产假生育津贴；其配偶未就业的，可以按规定享受生育医疗费用待遇。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '职工本人'),
      mat({ key: 'birth_certificate', name: '出生医学证明', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '助产医疗机构', substitutes: [L.birthCertificate, D.birth], acceptanceStandard: '新生儿母亲信息与申请人一致；可核验电子证照的免于提交。' }),
      mat({ key: 'medical_proof', name: '出院小结或诊断证明', necessity: 'conditional', condition: '难产、多胞胎生育、流产或施行计划生育手术的', form: 'copy', sourceChannel: 'intermediary', issuedBy: '定点医疗机构', acceptanceStandard: '能证明分娩方式、胎数或手术类型，医疗机构盖章。' }),
      socialSecurityCardAccount('payment_account'),
      mat({ key: 'employer_application', name: '生育津贴申领表（单位申报）', necessity: 'conditional', condition: '由用人单位代为申报的', form: 'electronic', acceptanceStandard: '单位盖章（电子签章），写明产假起止日期。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 人力资源社会保障: 社保卡、失业保险金、参保登记、退休、就业创业证、技能等级认定
// ---------------------------------------------------------------------------------------------

const SS_CARD_RULES = law('《云澜省社会保障卡管理办法》', '社会保障卡是持卡人享受社会保障和公共服务的电子凭证，具有身份凭证、信息记录、自助查询、就医结算、缴费和待遇领取、金融支付等功能。社会保障卡实行实名制，一人一卡。首次申领社会保障卡不收取任何费用。');

function ssCardApply(w: DistrictWindow & { onsite: boolean }): FileItem {
  const d = dept(w.at);
  return item(B.ssCardApply, w.at, {
    aliases: ['办社保卡', '社保卡办理', '申请社保卡', '新生儿社保卡', '第三代社保卡', '领社保卡', '电子社保卡', '社保卡申请', '医保卡办理'],
    serviceObjects: ['person'],
    themes: ['social_security'],
    lifeEvents: ['birth', 'employment'],
    summary: `参加社会保险或需要享受人社公共服务的人员在${regionLabel(d)}申领社会保障卡（第三代社会保障卡，同步签发电子社保卡）。`,
    conditions: `1. 已参加社会保险或在本地享受人力资源社会保障公共服务的人员，含新生儿、学生和持居住证的外来人员。2. 一人一卡，已持有有效社会保障卡的无需重复申领。3. 申领时同步开通银行金融账户，须选择一家合作银行。4. 未满十六周岁的由监护人代为申领。5. ${w.onsite ? '在本区政务服务中心和合作银行“即时制卡”网点办理的，可当场领卡。' : '本区采取集中制卡、邮寄送达方式，申领后由合作银行制卡并邮寄到家。'}`,
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第五十八条`, '用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。……国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。'),
      SS_CARD_RULES,
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '申请', description: '通过“云澜办”App、电子社保卡或窗口、合作银行网点提交申请，选择合作银行。' },
      { name: '信息核验', description: '核验身份、参保信息和相片（可使用公安证件照或现场拍照）。' },
      { name: '制卡', description: w.onsite ? '即时制卡网点当场制卡。' : '合作银行集中制卡。', timeLimit: wd(w.promised) },
      { name: '领卡启用', description: w.onsite ? '当场领卡，设置密码并激活金融账户。' : '邮寄到家，收到后在App或银行网点激活。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onsite ? 1 : 0,
    onlineDepth: w.onsite ? 3 : 4,
    tongbanScope: 'province',
    courier: !w.onsite,
    jointUnits: ['合作商业银行'],
    intermediaryServices: '无',
    result: { name: '社会保障卡', type: 'license', licenseTypeCode: L.socialSecurityCard.code },
    faq: withLocal([
      { question: '社保卡和医保卡是一张卡吗？', answer: '是。社会保障卡可以直接用于医保结算，本地不再单独发放医保卡；也可以使用医保电子凭证就医。' },
      { question: '第三代社保卡有什么新功能？', answer: '除就医结算、待遇领取、缴费外，还支持乘坐公交地铁、进入图书馆博物馆、景区入园等“一卡通”服务，并具备非接触式金融支付功能。' },
      { question: '新生儿可以办社保卡吗？', answer: '可以。办理出生登记和医保参保后即可申领，可在“出生一件事”中一并办理，相片可以不采集。' },
      { question: '办社保卡要钱吗？', answer: '首次申领免费。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '申请人', { acceptanceStandard: '申请人有效身份证件；新生儿提供户口簿或出生医学证明（可共享核验）。', substitutes: [L.idCard, D.hukou] }),
      mat({ key: 'photo', name: '本人近期免冠彩色证件照', necessity: 'conditional', condition: '公安证件照无法调用且不便现场拍照的', form: 'electronic', acceptanceStandard: '白色背景，358×441像素，JPG格式，不大于40KB。' }),
      idCard('guardian_id', '监护人', { necessity: 'conditional', condition: '申请人未满十六周岁的' }),
    ],
  });
}

function ssCardReplace(w: DistrictWindow & { onsite: boolean; fee?: { standard: string; basis: string } }): FileItem {
  return item(B.ssCardReplace, w.at, {
    aliases: ['社保卡丢了', '社保卡补办', '社保卡挂失', '社保卡坏了', '补社保卡', '换社保卡', '社保卡消磁', '社保卡被偷了', '社保卡换卡'],
    serviceObjects: ['person'],
    themes: ['social_security'],
    lifeEvents: [],
    summary: '社会保障卡丢失、损坏或需要换卡的，办理挂失并补领、换领新卡；医保个人账户余额和待遇发放关系自动转入新卡。',
    conditions: `1. 社会保障卡丢失或被盗的，应当立即挂失：可通过12333电话、“云澜办”App或电子社保卡办理临时挂失，临时挂失有效期为5天，期间应当办理正式挂失。2. 正式挂失后可同时申请补卡，原卡作废；社保功能和金融账户余额随卡转移。3. 卡片损坏、消磁或需要升级为第三代卡的，申请换卡并交回原卡。4. ${w.onsite ? '本区支持即时制卡，补卡可当场领取。' : '本区补卡采取集中制卡方式，制卡完成后邮寄到家。'}`,
    legalBasis: [SS_CARD_RULES, law(`${SOCIAL_INSURANCE_LAW}第五十八条`, '国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。')],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '挂失', description: '通过12333、App或窗口办理挂失，卡片社保和金融功能同时冻结。' },
      { name: '申请补卡', description: '在App或窗口申请补（换）卡，核验身份。' },
      { name: '制卡', description: w.onsite ? '即时制卡网点当场制卡。' : '合作银行集中制卡并邮寄。', timeLimit: wd(w.promised) },
      { name: '启用', description: '新卡激活后，原卡医保个人账户余额和待遇发放账户自动关联新卡。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: w.fee
      ? { charged: true, items: [{ name: '社会保障卡补换卡工本费', standard: w.fee.standard, basis: w.fee.basis }], waivers: '因卡片质量问题换卡、第三代卡升级换卡、低保对象和特困人员补换卡的，免收工本费。' }
      : FREE,
    visits: w.onsite ? 1 : 0,
    onlineDepth: w.onsite ? 3 : 4,
    tongbanScope: 'province',
    courier: !w.onsite,
    jointUnits: ['合作商业银行（金融账户挂失和补卡）'],
    intermediaryServices: '无',
    result: { name: '社会保障卡（补换）', type: 'license', licenseTypeCode: L.socialSecurityCard.code },
    faq: withLocal([
      { question: '社保卡丢了，卡里的钱会丢吗？', answer: '不会。挂失后卡片冻结，补卡后医保个人账户余额和银行账户余额都会转到新卡，社保号码不变。' },
      { question: '临时挂失和正式挂失有什么区别？', answer: '临时挂失通过电话或App即可办理，有效期5天，到期自动解挂；正式挂失需要在App或窗口核验身份后办理，办理后可以补卡。' },
      { question: '补卡期间看病怎么办？', answer: '可以使用医保电子凭证或电子社保卡就医结算，不影响待遇。' },
      { question: '补卡要交钱吗？', answer: w.fee ? `本市因个人原因补换卡收取工本费${w.fee.standard}，卡片质量问题、第三代卡升级以及低保、特困人员免收。` : '本市补换社会保障卡免收工本费。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '持卡人'),
      mat({ key: 'old_card', name: '原社会保障卡', necessity: 'conditional', condition: '卡片损坏、消磁或升级换卡的', form: 'original', sourceChannel: 'government', issuedBy: '人力资源社会保障部门', substitutes: [L.socialSecurityCard], acceptanceStandard: '交回原卡，卡面信息与申请人一致。' }),
      agentAuthorisation('agent_authorisation', '持卡人'),
    ],
  });
}

function unemploymentBenefit(at: string, local: { promised: number; amount: string; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.unemploymentBenefit, at, {
    aliases: ['失业了领钱', '失业金', '领失业金', '失业补助金', '失业保险', '被裁员', '离职领钱', '下岗', '失业保险金', '被辞退了领什么'],
    serviceObjects: ['person'],
    themes: ['employment', 'social_security'],
    lifeEvents: ['employment'],
    summary: `在${regionLabel(d)}参加失业保险、非因本人意愿中断就业的失业人员，申领失业保险金。`,
    conditions: `1. 失业前用人单位和本人已经缴纳失业保险费满一年。2. 非因本人意愿中断就业（如劳动合同期满终止、用人单位解除劳动合同、因用人单位过错本人依法解除劳动合同等）。3. 已经进行失业登记，并有求职要求（申领时系统同步办理失业登记）。4. 领取期限：累计缴费满一年不足五年的，最长十二个月；满五年不足十年的，最长十八个月；十年以上的，最长二十四个月。5. ${local.amount}`,
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第四十五条`, '失业人员符合下列条件的，从失业保险基金中领取失业保险金：（一）失业前用人单位和本人已经缴纳失业保险费满一年的；（二）非因本人意愿中断就业的；（三）已经进行失业登记，并有求职要求的。'),
      law(`${SOCIAL_INSURANCE_LAW}第四十六条`, '失业人员失业前用人单位和本人累计缴费满一年不足五年的，领取失业保险金的期限最长为十二个月；累计缴费满五年不足十年的，领取失业保险金的期限最长为十八个月；累计缴费十年以上的，领取失业保险金的期限最长为二十四个月。'),
      law(`${SOCIAL_INSURANCE_LAW}第五十条`, '失业人员应当持本单位为其出具的终止或者解除劳动关系的证明，及时到指定的公共就业服务机构办理失业登记。失业人员凭失业登记证明和个人身份证明，到社会保险经办机构办理领取失业保险金的手续。失业保险金领取期限自办理失业登记之日起计算。'),
      law('《失业保险条例》第十七条', '失业人员失业前所在单位和本人按照规定累计缴费时间满1年不足5年的，领取失业保险金的期限最长为12个月；累计缴费时间满5年不足10年的，领取失业保险金的期限最长为18个月；累计缴费时间10年以上的，领取失业保险金的期限最长为24个月。'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '在线申领', description: '通过“云澜办”App、电子社保卡或国家社会保险公共服务平台申领，同步办理失业登记。' },
      { name: '审核', description: '核验参保缴费记录和解除、终止劳动关系信息。', timeLimit: wd(local.promised) },
      { name: '核定', description: '核定领取期限和每月金额，短信告知。' },
      { name: '按月发放', description: '每月发放至本人社会保障卡金融账户，领取期间由失业保险基金代缴职工基本医疗保险费。' },
    ],
    places: [hallPlace(at, '就业和失业保险窗口'), officePlace(at, '社会保险事业服务中心')],
    ...contacts(at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'national',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '失业保险金核定及按月发放', type: 'other' },
    faq: withLocal([
      { question: '自己辞职的能领失业金吗？', answer: '主动辞职一般属于本人意愿中断就业，不能领取失业保险金；但因用人单位未足额支付劳动报酬、未依法缴纳社会保险费等原因依法解除劳动合同的，可以领取。' },
      { question: '领失业金期间医保怎么办？', answer: '领取失业保险金期间，由失业保险基金代缴职工基本医疗保险费，个人不用缴费，可以正常看病报销。' },
      { question: '找到新工作后还能继续领吗？', answer: '重新就业的应当停止领取，未领完的期限可以保留，再次失业时与新的缴费时间合并计算，最长不超过24个月。' },
      { question: '在外地失业了，能在这里领吗？', answer: '失业保险金在参保地申领，可以通过国家社会保险公共服务平台或App异地在线申请，不用回参保地。' },
    ], local.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'termination_proof', name: '终止或者解除劳动合同的证明', form: 'original_or_electronic', substitutes: [D.employment], acceptanceStandard: '用人单位出具，写明解除或终止原因和日期；用人单位已在系统中办理停保减员的，可共享核验免于提交。' }),
      socialSecurityCardAccount('payment_account'),
    ],
  });
}

function employeeInsurance(w: DistrictWindow): FileItem {
  return item(B.employeeInsurance, w.at, {
    aliases: ['员工参保登记', '给员工交社保', '新员工入职社保', '社保增员', '单位参保', '公司交社保', '企业社保开户', '员工社保登记'],
    serviceObjects: ['enterprise'],
    themes: ['human_resources'],
    lifeEvents: ['enterprise_opening', 'employment'],
    summary: '用人单位为新招用的职工办理养老、工伤、失业保险参保登记（增员），新开办企业同步完成单位社会保险登记。',
    conditions: '1. 用人单位应当自用工之日起三十日内为职工申请办理社会保险登记。2. 新开办企业的单位社会保险登记在企业设立登记时由市场监管部门推送信息自动完成，无需另行办理。3. 职工医疗保险参保登记在医保部门同步办理，通过“企业开办一件事”或单位网厅可一次提交。4. 职工已在其他单位参保未停保的，应当先由原单位办理减员。',
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第五十八条`, '用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。未办理社会保险登记的，由社会保险经办机构核定其应当缴纳的社会保险费。'),
      law(`${SOCIAL_INSURANCE_LAW}第五十七条`, '用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件。'),
    ],
    legalTimeLimit: wd(15),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '网上申报', description: '登录社会保险单位网上服务厅（或“企业开办一件事”专区），录入新增职工信息和缴费工资。' },
      { name: '系统校验', description: '校验职工身份和在其他单位的参保状态。' },
      { name: '登记完成', description: '即时完成参保登记，次月起按申报工资基数缴费；信息同步推送医保、税务部门。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['医疗保障部门（职工医保参保）', '税务部门（社会保险费征收）'],
    intermediaryServices: '无',
    result: { name: '职工参保登记', type: 'other' },
    faq: [
      { question: '试用期员工要交社保吗？', answer: '要。试用期包含在劳动合同期限内，用人单位应当自用工之日起三十日内为其办理参保登记。' },
      { question: '新公司第一次给员工交社保，要先去社保局开户吗？', answer: '不用。企业设立登记后单位社会保险登记由系统自动完成，直接登录单位网厅为职工办理增员即可。' },
      { question: '员工已经在老家交了城乡居民养老保险怎么办？', answer: '入职后应参加职工基本养老保险，城乡居民养老保险可以按规定转入职工养老保险，重复缴费期间的居民养老保险费可以申请退还。' },
    ],
    materials: [
      businessLicence('business_licence', { necessity: 'conditional', condition: '首次为职工参保且单位社会保险登记未自动完成的' }),
      mat({ key: 'employee_list', name: '参保职工花名册（含姓名、公民身份号码、用工日期、缴费工资）', form: 'electronic', sourceChannel: 'applicant', substitutes: [L.idCard], acceptanceStandard: '职工身份信息经公安人口库校验一致，缴费工资不低于本省缴费基数下限。' }),
      mat({ key: 'labour_contract', name: '劳动合同', necessity: 'deferrable', form: 'copy', acceptanceStandard: '用工日期与申报一致。', notes: '容缺：可先行办理增员，劳动合同在30日内上传备查。' }),
      agentAuthorisation('agent_authorisation', '用人单位'),
    ],
  });
}

function flexibleInsurance(w: DistrictWindow & { baseRange: string }): FileItem {
  return item(B.flexibleInsurance, w.at, {
    aliases: ['自己交社保', '个人交社保', '灵活就业社保', '自由职业交社保', '个体户交社保', '断缴了自己交', '个人缴纳养老保险', '灵活就业参保'],
    serviceObjects: ['person'],
    themes: ['social_security', 'employment'],
    lifeEvents: ['employment'],
    summary: '无雇工的个体工商户、未在用人单位参保的非全日制从业人员及其他灵活就业人员，以个人身份参加职工基本养老保险（可同时参加职工医保）。',
    conditions: `1. 年满十六周岁、未达到法定退休年龄，未在用人单位参加职工基本养老保险。2. 在本区从事灵活就业，不受户籍限制（外省户籍持居住证或提供就业地证明即可）。3. 缴费基数在全省全口径城镇单位就业人员平均工资的60%至300%之间自主选择，缴费比例为20%，其中8%计入个人账户。${w.baseRange}4. 可选择按月、按季或按年缴费，通过税务缴费渠道缴纳。`,
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第十条`, '职工应当参加基本养老保险，由用人单位和职工共同缴纳基本养老保险费。无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员以及其他灵活就业人员可以参加基本养老保险，由个人缴纳基本养老保险费。'),
      law(`${SOCIAL_INSURANCE_LAW}第十二条`, '无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员以及其他灵活就业人员参加基本养老保险的，应当按照国家规定缴纳基本养老保险费，分别记入基本养老保险统筹基金和个人账户。'),
    ],
    legalTimeLimit: wd(15),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '参保登记', description: '通过“云澜办”App或窗口选择灵活就业人员参保登记，确认就业形态。' },
      { name: '选择基数', description: '选择缴费档次和缴费方式。' },
      { name: '缴费', description: '通过税务App、银行或社保卡缴费，缴费成功次日可查询记录。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['税务部门（社会保险费征收）'],
    intermediaryServices: '无',
    result: { name: '灵活就业人员参保登记', type: 'other' },
    faq: [
      { question: '外地户口能在这里以灵活就业身份交社保吗？', answer: '可以。本省已放开灵活就业人员在就业地参保的户籍限制，持居住证或能证明在本地就业即可参保。' },
      { question: '以前在单位交过，中间断了几年，可以接着交吗？', answer: '可以。办理灵活就业参保后继续缴费，之前的缴费年限累计计算；在其他省份的缴费记录可以办理养老保险关系转移。' },
      { question: '灵活就业交社保能报销医疗费吗？', answer: '养老保险本身不包含医疗待遇。可以同时以灵活就业人员身份参加职工基本医疗保险，或参加城乡居民医保。' },
      { question: '选哪个缴费档次好？', answer: '缴费基数越高，退休后个人账户养老金和基础养老金越高。请结合收入情况选择，之后每年可以调整一次。' },
    ],
    materials: [
      idCard('applicant_id', '申请人'),
      businessLicence('business_licence', { necessity: 'conditional', condition: '以无雇工个体工商户身份参保的' }),
      mat({ key: 'residence_permit', name: '居住证或本地就业证明', necessity: 'conditional', condition: '非本省户籍人员参保的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [L.residencePermit], acceptanceStandard: '居住证在有效期内；无居住证的提供个人就业情况承诺。' }),
    ],
  });
}

function retirement(at: string, local: { promised: number; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.retirement, at, {
    aliases: ['办退休', '退休手续', '领养老金', '退休金', '养老金申领', '到龄退休', '退休一件事', '退休审批', '怎么领退休工资', '弹性退休'],
    serviceObjects: ['person', 'enterprise'],
    themes: ['elderly', 'social_security', 'human_resources'],
    lifeEvents: ['retirement'],
    summary: `在${regionLabel(d)}参加职工基本养老保险的人员达到法定退休年龄，申请按月领取基本养老金。`,
    conditions: '1. 达到法定退休年龄。自2025年1月1日起实施渐进式延迟法定退休年龄：男职工和原法定退休年龄为五十五周岁的女职工，每四个月延迟一个月，分别逐步延迟至六十三周岁和五十八周岁；原法定退休年龄为五十周岁的女职工，每二个月延迟一个月，逐步延迟至五十五周岁。2. 累计缴费年限达到最低缴费年限：2030年前为15年，自2030年1月1日起每年提高6个月，逐步提高至20年；达到法定退休年龄时缴费不足的，可以延长缴费或一次性补足。3. 职工可以自愿选择弹性提前退休，提前时间最长不超过三年，且退休年龄不低于原法定退休年龄；也可以与用人单位协商一致弹性延迟退休，延迟时间最长不超过三年。4. 由用人单位在职工达到退休年龄前一个月申报，灵活就业人员本人申报。',
    legalBasis: [
      law(`${SOCIAL_INSURANCE_LAW}第十六条`, '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。参加基本养老保险的个人，达到法定退休年龄时累计缴费不足十五年的，可以缴费至满十五年，按月领取基本养老金；也可以转入新型农村社会养老保险或者城镇居民社会养老保险，按照国务院规定享受相应的养老保险待遇。'),
      law('《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》', '从2025年1月1日起，男职工和原法定退休年龄为五十五周岁的女职工，法定退休年龄每四个月延迟一个月，分别逐步延迟至六十三周岁和五十八周岁；原法定退休年龄为五十周岁的女职工，法定退休年龄每二个月延迟一个月，逐步延迟至五十五周岁。'),
      law('《国务院关于实施渐进式延迟法定退休年龄的办法》', '从2030年1月1日起，将职工按月领取基本养老金最低缴费年限由15年逐步提高至20年，每年提高6个月。职工达到法定退休年龄但不满最低缴费年限的，可以按照规定通过延长缴费或者一次性缴费的办法达到最低缴费年限，按月领取基本养老金。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '到龄提醒', description: '系统在职工达到退休年龄前3个月向单位和本人发送提醒。' },
      { name: '申报', description: '用人单位通过单位网厅，或灵活就业人员通过“云澜办”App“退休一件事”提交申请。' },
      { name: '审核', description: '审核出生日期、参保缴费和视同缴费年限，需要认定视同缴费年限的调阅人事档案。', timeLimit: wd(Math.max(1, local.promised - 2)) },
      { name: '待遇核定', description: '核定基本养老金，出具待遇核定表，本人可在App确认。' },
      { name: '发放', description: '自达到退休年龄的次月起按月发放至本人社会保障卡金融账户；医保退休状态同步变更。' },
    ],
    places: [hallPlace(at, '养老保险窗口'), officePlace(at, '社会保险事业服务中心养老待遇科')],
    ...contacts(at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['医疗保障部门（退休人员医保待遇）', '住房公积金管理中心（退休提取）'],
    intermediaryServices: '无',
    result: { name: '基本养老金待遇核定表', type: 'other' },
    faq: withLocal([
      { question: '缴费不满15年，到了退休年龄怎么办？', answer: '可以继续缴费至满最低缴费年限后按月领取养老金，也可以按规定一次性补缴；2030年起最低缴费年限逐步提高到20年，请关注本人适用的年限。' },
      { question: '养老金是怎么算的？', answer: '基本养老金由基础养老金和个人账户养老金组成（有视同缴费年限的还有过渡性养老金）。基础养老金与本人平均缴费指数和缴费年限挂钩，个人账户养老金＝个人账户储存额÷计发月数。' },
      { question: '可以提前退休吗？', answer: '可以自愿选择弹性提前退休，最长提前三年，且不得早于原法定退休年龄；从事特殊工种、完全丧失劳动能力的按国家规定办理。' },
      { question: '退休后还要交医保吗？', answer: '职工医保缴费年限达到本省规定的最低年限的，退休后不再缴费，享受退休人员医保待遇；不足的可以一次性补缴或继续缴费至规定年限。' },
    ], local.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'application', name: '职工基本养老保险待遇申领表', form: 'electronic', acceptanceStandard: '由单位或本人在线填写，选择正常退休、弹性提前退休或弹性延迟退休。' }),
      mat({ key: 'personnel_file', name: '本人人事档案', necessity: 'conditional', condition: '需要认定视同缴费年限或出生日期存在争议的', form: 'original', sourceChannel: 'government', issuedBy: '档案保管机构', acceptanceStandard: '档案由存档机构调阅，不需本人携带；出生日期以最早记载为准。' }),
      mat({ key: 'special_job_proof', name: '特殊工种或病退劳动能力鉴定材料', necessity: 'conditional', condition: '申请特殊工种提前退休或因病提前退休的', form: 'original', sourceChannel: 'government', issuedBy: '劳动能力鉴定委员会', acceptanceStandard: '特殊工种岗位经公示无异议；病退的劳动能力鉴定结论为完全丧失劳动能力。' }),
      socialSecurityCardAccount('pension_account'),
    ],
  });
}

function employmentCertificate(w: DistrictWindow): FileItem {
  return item(B.employmentCert, w.at, {
    aliases: ['就业证', '失业证', '办就业创业证', '就业失业登记证', '创业补贴要什么证', '就业登记', '失业登记', '就业创业证补办'],
    serviceObjects: ['person'],
    themes: ['employment'],
    lifeEvents: ['employment'],
    summary: '城乡劳动者办理就业登记或失业登记时申领《就业创业证》（电子证），作为享受就业创业扶持政策的凭证。',
    conditions: '1. 法定劳动年龄内、有劳动能力的城乡劳动者。2. 可以在常住地（户籍地或居住地）公共就业服务机构申领，外来务工人员持居住证申领。3. 已就业的办理就业登记，失业的办理失业登记并有求职要求。4. 毕业年度内高校毕业生可凭毕业证书申领，用于享受创业担保贷款、一次性创业补贴等政策。',
    legalBasis: [
      law('《就业服务与就业管理规定》', '国家实行劳动者就业登记制度和失业登记制度。劳动者就业登记和失业登记由公共就业服务机构办理。'),
      law('《人力资源社会保障部关于进一步完善就业失业登记管理办法的通知》（人社部发〔2014〕97号）', '将《就业失业登记证》更名为《就业创业证》，已发放的《就业失业登记证》继续有效，不再统一更换。劳动者可在常住地公共就业服务机构申领《就业创业证》。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '在线申请', description: '通过“云澜办”App或窗口申请，选择就业登记或失业登记。' },
      { name: '信息核验', description: '核验身份、就业参保和学历信息。' },
      { name: '发证', description: '即时生成电子《就业创业证》，需要纸质证的可窗口打印。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '就业创业证', type: 'license', licenseTypeCode: L.employmentCertificate.code },
    faq: withLocal([
      { question: '就业创业证有什么用？', answer: '用于记录就业、失业状况和享受就业扶持政策情况，申请创业担保贷款、一次性创业补贴、灵活就业社保补贴等政策时作为凭证。' },
      { question: '以前的《就业失业登记证》还能用吗？', answer: '继续有效，不用更换。' },
      { question: '外地户口可以办吗？', answer: '可以在常住地申领，持居住证或本地就业证明即可。' },
    ], w.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'graduation_certificate', name: '毕业证书', necessity: 'conditional', condition: '以高校毕业生身份申领的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '高等学校', substitutes: [D.degree], acceptanceStandard: '可通过学历学位信息核验的免于提交。' }),
      mat({ key: 'residence_permit', name: '居住证', necessity: 'conditional', condition: '非本地户籍人员申领的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关', substitutes: [L.residencePermit], acceptanceStandard: '居住证在有效期内。' }),
    ],
  });
}

function skillCertification(at: string): FileItem {
  return item(B.skillCert, at, {
    aliases: ['技能证书', '考证', '职业资格证书', '职业技能证书', '技能等级证书', '考技能证', '育婴员证', '中式烹调师证', '职业技能鉴定'],
    serviceObjects: ['person'],
    themes: ['employment', 'education'],
    lifeEvents: ['employment'],
    summary: '劳动者参加经人力资源社会保障部门备案的职业技能等级认定机构组织的认定，考核合格后取得职业技能等级证书（电子证书）。',
    conditions: '1. 符合国家职业技能标准规定的申报条件（从事本职业或相关职业工作年限、已取得的低一级证书或相应学历等）。2. 选择已在人力资源社会保障部门备案并向社会公布的评价机构报名。3. 理论知识考试和操作技能考核均合格（60分及以上）；技师、高级技师还需通过综合评审。4. 认定结果经评价机构公示5个工作日无异议后核发证书，证书信息纳入人才评价证书全国联网查询系统。',
    legalBasis: [
      law('《中华人民共和国劳动法》第六十九条', '国家确定职业分类，对规定的职业制定职业技能标准，实行职业资格证书制度，由经备案的考核鉴定机构负责对劳动者实施职业技能考核鉴定。'),
      law('《中华人民共和国职业教育法》', '国家实行劳动者在就业前或者上岗前接受必要的职业教育的制度，推进职业教育国家学分银行建设，促进职业教育与普通教育的学习成果融通、互认。'),
      law('《云澜省职业技能等级认定管理办法》', '职业技能等级认定由经备案的用人单位和社会培训评价组织实施，认定结果经公示无异议的，由评价机构颁发职业技能等级证书并报人力资源社会保障部门备案。'),
    ],
    legalTimeLimit: wd(30),
    promisedTimeLimit: wd(20),
    caseKind: 'promised',
    process: [
      { name: '报名', description: '在云澜省职业技能等级认定平台选择职业（工种）、等级和评价机构，在线报名并上传证明材料。' },
      { name: '资格审核', description: '评价机构审核申报条件，审核通过后缴费并打印准考证。', timeLimit: wd(5) },
      { name: '考核', description: '参加理论知识考试和操作技能考核，技师及以上参加综合评审。' },
      { name: '公示', description: '成绩合格人员名单公示5个工作日。', timeLimit: wd(5) },
      { name: '发证', description: '公示无异议的核发电子职业技能等级证书，可在全国联网系统查询。' },
    ],
    places: [officePlace(at, '职业技能鉴定指导中心')],
    ...contacts(at),
    fees: {
      charged: true,
      items: [{ name: '职业技能等级认定评价费', standard: '五级（初级工）120元/人，四级（中级工）150元/人，三级（高级工）200元/人；理论和实操单科补考按50%收取', basis: '《云澜省发展和改革委员会 云澜省财政厅关于职业技能等级认定收费标准的通知》' }],
      waivers: '参加政府补贴性职业技能培训后取得证书的，可按规定申领职业技能提升补贴；脱贫劳动力、失业人员参加认定的评价费由就业补助资金支付。',
    },
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['备案的职业技能等级认定评价机构'],
    intermediaryServices: '考核由经备案的用人单位或社会培训评价组织实施。',
    result: { name: '职业技能等级证书', type: 'license', licenseTypeCode: L.skillCertificate.code },
    faq: [
      { question: '职业资格证书和职业技能等级证书有什么区别？', answer: '准入类职业资格（如教师、医师、电工作业等）由法律法规设定，未取得不能上岗；大部分技能人员职业资格已退出国家目录，改为职业技能等级认定，由备案的评价机构颁发职业技能等级证书。' },
      { question: '证书怎么查真假？', answer: '通过人力资源社会保障部“技能人才评价证书全国联网查询”系统，输入证书编号和姓名即可查询。' },
      { question: '考过了能拿补贴吗？', answer: '参加政府补贴性培训并取得证书的，可以按规定申请职业技能提升补贴，一般每人每年最多享受三次，同一职业同一等级不重复享受。' },
    ],
    materials: [
      idCard('applicant_id', '报名人'),
      mat({ key: 'work_experience', name: '从事本职业（工种）工作年限证明', necessity: 'conditional', condition: '申报条件要求工作年限的', form: 'original_or_electronic', substitutes: [D.socialInsurance], acceptanceStandard: '用人单位出具的工作年限证明或社会保险缴费记录，年限符合国家职业技能标准。' }),
      mat({ key: 'prior_certificate', name: '已取得的低一级职业技能等级证书或相关学历证书', necessity: 'conditional', condition: '申报三级及以上等级的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '评价机构或高等学校', substitutes: [L.skillCertificate, D.degree], acceptanceStandard: '证书可在全国联网系统或学历信息系统查询。' }),
      mat({ key: 'photo', name: '近期免冠证件照', form: 'electronic', acceptanceStandard: '白底彩色，JPG格式。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 住房公积金
// ---------------------------------------------------------------------------------------------

const FUND_REGULATION = '《住房公积金管理条例》';
const FUND_24 = law(`${FUND_REGULATION}第二十四条`, '职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：（一）购买、建造、翻建、大修自住住房的；（二）离休、退休的；（三）完全丧失劳动能力，并与单位终止劳动关系的；（四）出境定居的；（五）偿还购房贷款本息的；（六）房租超出家庭工资收入的规定比例的。依照前款第（二）、（三）、（四）项规定，提取职工住房公积金的，应当同时注销职工住房公积金账户。');
const FUND_25 = law(`${FUND_REGULATION}第二十五条`, '职工提取住房公积金账户内的存储余额的，所在单位应当予以核实，并出具提取证明。职工应当持提取证明向住房公积金管理中心申请提取住房公积金。住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定，并通知申请人；准予提取的，由受委托银行办理支付手续。');

interface FundCentre {
  at: string;
  /** Service hall of the fund centre (the city's service centre window). */
  window: string;
  localFaq?: Faq[];
}

const fundAccountMaterial = (): Material =>
  mat({ key: 'bank_card', name: '本人名下银行借记卡', form: 'original_or_electronic', acceptanceStandard: '户名为申请人本人，为住房公积金受托银行或已开通代付的银行账户；已签约的可直接选择。' });

function fundPurchase(c: FundCentre & { instant: boolean; window1: string; limit: string }): FileItem {
  const d = dept(c.at);
  return item(B.fundPurchase, c.at, {
    aliases: ['提取公积金买房', '买房提公积金', '购房提取', '公积金买房', '首付提公积金', '提公积金', '取公积金', '公积金提取', '买房取公积金', '二手房提公积金'],
    serviceObjects: ['person'],
    themes: ['housing'],
    lifeEvents: ['home_purchase'],
    summary: `在${d.name}缴存住房公积金的职工购买、建造、翻建、大修自住住房，申请提取本人及配偶住房公积金。`,
    conditions: `1. 职工本人或配偶在本市或户籍所在地购买自住住房（新建商品房、二手房、保障性住房）或建造、翻建、大修自住住房。2. ${c.window1} 3. 提取总额不超过购房款总额（扣除已使用的公积金贷款部分）。4. ${c.limit} 5. 同一套住房只能提取一次，配偶可以同时申请提取。`,
    legalBasis: [FUND_24, FUND_25, law(`《${regionLabel(d)}住房公积金提取管理办法》`, '职工购买自住住房的，可以凭购房合同、不动产权证书或购房发票等材料，申请提取本人及配偶的住房公积金账户余额，提取额不超过实际购房支出。')],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(c.instant ? 0 : 1),
    caseKind: c.instant ? 'instant' : 'promised',
    process: [
      { name: '在线申请', description: '通过“云澜办”App、公积金中心网厅或微信公众号选择“购房提取”，填写购房信息。' },
      { name: '数据核验', description: '系统核验网签备案、不动产登记、契税缴纳和婚姻信息，无需上传相应材料。' },
      { name: '审批', description: c.instant ? '核验通过的即时审批（秒批），不通过的转人工审核并告知原因。' : '经办人员审核，1个工作日内作出决定。' },
      { name: '到账', description: '提取款项转入本人银行卡，一般在审批后1个工作日内到账。' },
    ],
    places: [hallPlace(c.at, c.window), officePlace(c.at, '服务大厅')],
    ...contacts(c.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '住房公积金提取（转入本人银行账户）', type: 'other' },
    faq: withLocal([
      { question: '买房后多久内可以提取公积金？', answer: c.window1 },
      { question: '可以提取配偶的公积金吗？', answer: '可以。配偶可以同时申请提取，婚姻信息由系统核验，一般无需提交结婚证。' },
      { question: '用了公积金提取，还能申请公积金贷款吗？', answer: '可以，但提取后账户余额减少会影响可贷额度；如计划申请公积金贷款，建议先贷款再提取用于偿还贷款本息。' },
      { question: '在外地买房可以提取吗？', answer: '在本人或配偶户籍所在地购房的可以提取；在其他城市购房的，需提供在当地工作或缴纳社保的证明。' },
    ], c.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'purchase_contract', name: '购房合同', form: 'original_or_electronic', substitutes: [D.contractFiling], acceptanceStandard: '已网签备案的商品房买卖合同或存量房买卖合同；本市网签备案合同可共享核验的免于提交。' }),
      mat({ key: 'ownership', name: '不动产权证书', necessity: 'conditional', condition: '购买二手房或已办理不动产登记的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '不动产登记机构', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '权利人为申请人或其配偶。' }),
      mat({ key: 'payment_proof', name: '购房发票或契税完税凭证', necessity: 'conditional', condition: '网签备案信息无法核验付款情况的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '税务机关', substitutes: [D.deedTax], acceptanceStandard: '金额与购房合同一致，纳税人为申请人或其配偶。' }),
      mat({ key: 'marriage_certificate', name: '结婚证', necessity: 'conditional', condition: '配偶申请提取且婚姻信息无法共享核验的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '婚姻登记机关', substitutes: [L.marriageCertificate, D.marriage], acceptanceStandard: '结婚证真实有效。' }),
      fundAccountMaterial(),
    ],
  });
}

function fundRent(c: FundCentre & { limit: string }): FileItem {
  const d = dept(c.at);
  return item(B.fundRent, c.at, {
    aliases: ['租房提取公积金', '租房提公积金', '公积金付房租', '提公积金交房租', '无房提取', '租房取公积金', '公积金租房提取'],
    serviceObjects: ['person'],
    themes: ['housing'],
    lifeEvents: ['employment'],
    summary: `在${d.name}缴存住房公积金、本人及配偶在本市无自有住房且租房居住的职工，申请按月或按年提取住房公积金支付房租。`,
    conditions: `1. 职工本人及配偶在本市无自有住房，且租房居住。2. 住房公积金账户处于正常缴存状态。3. ${c.limit} 4. 提取后账户余额可以为零；同一时期只能选择一种提取方式。5. 租住公共租赁住房的，可按实际租金提取。`,
    legalBasis: [FUND_24, FUND_25, law(`《${regionLabel(d)}住房公积金提取管理办法》`, '职工及配偶在本市无自有住房且租赁住房的，可以提取住房公积金支付房租，提取额度由住房公积金管理委员会根据本市租金水平确定并公布。')],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '在线申请', description: '通过“云澜办”App或公积金中心网厅选择“租房提取”，选择提取周期。' },
      { name: '无房核验', description: '系统核验本人及配偶在本市的不动产登记信息。' },
      { name: '秒批到账', description: '核验通过的即时审批，款项转入本人银行卡；按月提取的每月自动划转。' },
    ],
    places: [hallPlace(c.at, c.window)],
    ...contacts(c.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '住房公积金提取（转入本人银行账户）', type: 'other' },
    faq: withLocal([
      { question: '租房提取需要提供租房合同吗？', answer: '按本市基础额度提取的不需要；按实际租金提取（如公共租赁住房）的需要提供已登记备案的租赁合同。' },
      { question: '租房提取多久可以提一次？', answer: '可以选择按月自动提取，也可以每满12个月提取一次。' },
      { question: '我在老家有房，在本市租房，能提取吗？', answer: '可以。无房认定以本人及配偶在本市范围内的不动产登记信息为准。' },
    ], c.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'no_property', name: '本人及配偶在本市无自有住房的证明', form: 'electronic', sourceChannel: 'government', issuedBy: '不动产登记机构', substitutes: [D.realEstate], acceptanceStandard: '由系统查询不动产登记信息，无需本人开具。' }),
      mat({ key: 'lease', name: '已登记备案的房屋租赁合同', necessity: 'conditional', condition: '按实际租金提取的', form: 'original_or_electronic', acceptanceStandard: '租赁期限内，承租人为申请人或其配偶，已办理租赁登记备案。' }),
      fundAccountMaterial(),
    ],
  });
}

function fundRetire(c: FundCentre): FileItem {
  return item(B.fundRetire, c.at, {
    aliases: ['退休提取公积金', '退休取公积金', '公积金销户', '退休公积金怎么取', '退休后公积金', '退休提公积金'],
    serviceObjects: ['person'],
    themes: ['housing', 'elderly'],
    lifeEvents: ['retirement'],
    summary: '职工离休、退休的，申请一次性提取住房公积金账户全部余额并注销账户。',
    conditions: '1. 职工已办理离休、退休手续，或者达到法定退休年龄。2. 提取全部余额（含当年结息）后注销住房公积金账户。3. 有未结清的住房公积金贷款的，应当先用账户余额偿还贷款或结清贷款。4. 退休信息由人力资源社会保障部门共享，无需提交退休证。',
    legalBasis: [FUND_24, FUND_25],
    legalTimeLimit: wd(3),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '申请', description: '通过“云澜办”App“退休一件事”或公积金中心网厅申请；也可以由原单位代为申请。' },
      { name: '核验', description: '核验退休信息和贷款情况。' },
      { name: '销户到账', description: '即时审批，账户余额和利息转入本人银行卡，账户注销。' },
    ],
    places: [hallPlace(c.at, c.window)],
    ...contacts(c.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['人力资源社会保障部门（退休信息）'],
    intermediaryServices: '无',
    result: { name: '住房公积金销户提取', type: 'other' },
    faq: withLocal([
      { question: '退休后公积金可以一次取完吗？', answer: '可以。退休提取为销户提取，一次性提取账户全部余额和利息。' },
      { question: '还有公积金贷款没还完，能退休提取吗？', answer: '需要先结清贷款，或用账户余额冲还贷款后再提取剩余部分。' },
      { question: '退休后单位还在给我交公积金怎么办？', answer: '退休后不再缴存住房公积金，请单位办理封存；退休后多缴的部分在销户时一并提取。' },
    ], c.localFaq),
    materials: [
      idCard('applicant_id', '申请人'),
      mat({ key: 'retirement_proof', name: '退休证明', form: 'electronic', sourceChannel: 'government', issuedBy: '人力资源社会保障部门', substitutes: [D.retirement], acceptanceStandard: '退休审批信息由系统共享核验，无需提交纸质退休证。' }),
      fundAccountMaterial(),
    ],
  });
}

function fundDeposit(c: FundCentre & { ratio: string }): FileItem {
  return item(B.fundDeposit, c.at, {
    aliases: ['单位开公积金户', '公积金开户', '给员工交公积金', '公积金缴存登记', '企业公积金开户', '单位公积金登记', '公积金单位开户'],
    serviceObjects: ['enterprise'],
    themes: ['housing_fund', 'human_resources'],
    lifeEvents: ['enterprise_opening'],
    summary: '新设立的单位办理住房公积金缴存登记，并为本单位职工设立住房公积金账户。',
    conditions: `1. 新设立的单位应当自设立之日起30日内办理住房公积金缴存登记，并自登记之日起20日内为本单位职工办理住房公积金账户设立手续。2. ${c.ratio} 3. 通过“企业开办一件事”设立的企业，可在设立登记时一并勾选公积金缴存登记。4. 单位合并、分立、撤销、解散或者破产的，应当办理变更或注销登记。`,
    legalBasis: [
      law(`${FUND_REGULATION}第十四条`, '新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记，并自登记之日起20日内，为本单位职工办理住房公积金账户设立手续。'),
      law(`${FUND_REGULATION}第十八条`, '职工和单位住房公积金的缴存比例均不得低于职工上一年度月平均工资的5%；有条件的城市，可以适当提高缴存比例。具体缴存比例由住房公积金管理委员会拟订，经本级人民政府审核后，报省、自治区、直辖市人民政府批准。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '在线登记', description: '通过电子营业执照登录公积金中心单位网厅，或在“企业开办一件事”中勾选，填写单位信息和缴存比例。' },
      { name: '审核', description: '核验单位登记信息，即时办结，生成单位公积金账号。' },
      { name: '职工开户', description: '单位在网厅为职工批量开户，签订委托扣款协议后按月汇缴。' },
    ],
    places: [hallPlace(c.at, c.window)],
    ...contacts(c.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['受委托银行'],
    intermediaryServices: '无',
    result: { name: '住房公积金单位缴存登记', type: 'other' },
    faq: withLocal([
      { question: '公司规模很小，必须给员工交公积金吗？', answer: '依照《住房公积金管理条例》，单位应当为职工缴存住房公积金；个体工商户和灵活就业人员可以按本市规定自愿缴存。' },
      { question: '缴存比例可以选多少？', answer: c.ratio },
      { question: '办理登记后多久要给职工开户？', answer: '自登记之日起20日内为本单位职工办理账户设立手续，次月起按月汇缴。' },
    ], c.localFaq),
    materials: [
      businessLicence(),
      mat({ key: 'registration_form', name: '住房公积金单位缴存登记表', form: 'electronic', acceptanceStandard: '在线填写，写明缴存比例、经办人和联系方式，加盖电子印章。' }),
      idCard('handler_id', '经办人'),
      mat({ key: 'employee_list', name: '职工名册及缴存基数', necessity: 'deferrable', form: 'electronic', acceptanceStandard: '包括职工姓名、公民身份号码和上一年度月平均工资（新入职按首月工资）。', notes: '容缺：可先行登记，自登记之日起20日内在网厅补报。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 住房城乡建设: 商品房预售、消防验收、公租房
// ---------------------------------------------------------------------------------------------

function presaleLicence(at: string, local: { promised: number; progress: string }): FileItem {
  const d = dept(at);
  return item(B.presale, at, {
    aliases: ['预售证', '楼盘预售证', '卖期房', '商品房预售证', '预售许可证', '房地产预售', '期房销售许可'],
    serviceObjects: ['enterprise'],
    themes: ['construction', 'permits'],
    lifeEvents: [],
    summary: `房地产开发企业在${regionLabel(d)}预售商品房（期房），申请核发商品房预售许可证。`,
    conditions: `1. 已交付全部土地使用权出让金，取得土地使用权证书（不动产权证书）。2. 持有建设工程规划许可证和施工许可证。3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定施工进度和竣工交付日期。4. ${local.progress} 5. 已与监管银行签订商品房预售资金监管协议，开设预售资金监管账户。`,
    legalBasis: [
      law('《中华人民共和国城市房地产管理法》第四十五条', '商品房预售，应当符合下列条件：（一）已交付全部土地使用权出让金，取得土地使用权证书；（二）持有建设工程规划许可证；（三）按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定施工进度和竣工交付日期；（四）向县级以上人民政府房产管理部门办理预售登记，取得商品房预售许可证明。'),
      law('《城市商品房预售管理办法》', '开发企业进行商品房预售，应当向城市、县人民政府房地产管理部门办理预售登记，取得《商品房预售许可证》。房地产管理部门应当自受理之日起10日内，依法作出准予预售的行政许可书面决定。'),
      LICENSING_LAW_42,
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '开发企业通过工程建设项目审批管理系统提交预售许可申请和材料。' },
      { name: '受理', description: '材料齐全、符合法定形式的予以受理。', timeLimit: wd(1) },
      { name: '现场查勘', description: '核查工程形象进度和预售资金监管账户。', timeLimit: wd(Math.max(1, local.promised - 2)) },
      { name: '审批', description: '作出准予或不予预售许可的决定，核准预售范围和预售价格备案。' },
      { name: '发证公示', description: '核发商品房预售许可证，在政府网站公示预售项目信息。' },
    ],
    places: [hallPlace(at, '工程建设项目审批专区'), officePlace(at, '房地产市场监管科')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['监管银行（预售资金监管）'],
    intermediaryServices: '工程形象进度由监理单位出具证明。',
    result: { name: '商品房预售许可证', type: 'license', licenseTypeCode: L.presaleLicence.code },
    faq: [
      { question: '购房者怎么查楼盘有没有预售证？', answer: '可以在住房和城乡建设局网站“商品房预售许可公示”栏目或“云澜办”App查询，售楼处也应当公示预售许可证原件。' },
      { question: '一个楼盘可以分批申请预售吗？', answer: '可以按栋分期申请，每期预售许可的最低规模不小于栋，不得分层、分单元办理。' },
      { question: '预售款交给谁？', answer: '购房人的定金、首付款和按揭款都应当直接存入预售资金监管账户，不得交给开发企业的其他账户。' },
    ],
    materials: [
      mat({ key: 'application', name: '商品房预售许可申请表', form: 'electronic', acceptanceStandard: '填写预售项目名称、栋号、面积和套数，加盖企业公章。' }),
      businessLicence(),
      mat({ key: 'land_certificate', name: '不动产权证书（国有建设用地使用权）', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '不动产登记机构', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '权利人为申请企业，土地出让金已全部缴清。' }),
      mat({ key: 'planning_permit', name: '建设工程规划许可证', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '自然资源和规划部门', acceptanceStandard: '许可范围包含申请预售的楼栋。' }),
      mat({ key: 'construction_permit', name: '建筑工程施工许可证', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '住房和城乡建设部门', acceptanceStandard: '许可范围包含申请预售的楼栋。' }),
      mat({ key: 'investment_proof', name: '工程形象进度证明及投资额达到25%以上的证明', form: 'original', sourceChannel: 'intermediary', issuedBy: '监理单位', acceptanceStandard: '监理单位盖章，形象进度符合本市预售标准。' }),
      mat({ key: 'presale_plan', name: '商品房预售方案', form: 'original_or_electronic', acceptanceStandard: '包括房屋平面图、预售套数和面积、竣工交付日期、公共配套设施等。' }),
      mat({ key: 'escrow_agreement', name: '商品房预售资金监管协议', form: 'original', acceptanceStandard: '与监管银行、住建部门签订的三方协议，监管账户已开立。' }),
    ],
  });
}

function fireAcceptance(at: string, local: { promised: number; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.fireAcceptance, at, {
    aliases: ['消防验收', '工程消防验收', '特殊建设工程消防验收', '消防竣工验收', '建筑消防验收', '装修消防验收'],
    serviceObjects: ['enterprise'],
    themes: ['fire_safety', 'construction'],
    lifeEvents: [],
    summary: `${regionLabel(d)}行政区域内的特殊建设工程（大型人员密集场所、高层建筑等）竣工后，建设单位申请消防验收。其他建设工程实行竣工验收消防备案。`,
    conditions: '1. 属于《建设工程消防设计审查验收管理暂行规定》规定的特殊建设工程，且已取得特殊建设工程消防设计审查合格意见。2. 建设单位已组织设计、施工、工程监理和技术服务机构进行竣工验收消防查验，查验合格。3. 完成工程竣工图纸，消防设施经检测（如委托技术服务机构）符合要求。4. 消防验收现场评定合格的，出具消防验收合格意见；依法应当进行消防验收的建设工程，未经消防验收或者消防验收不合格的，禁止投入使用。',
    legalBasis: [
      law('《中华人民共和国消防法》第十三条', '国务院住房和城乡建设主管部门规定应当申请消防验收的建设工程竣工，建设单位应当向住房和城乡建设主管部门申请消防验收。前款规定以外的其他建设工程，建设单位在验收后应当报住房和城乡建设主管部门备案，住房和城乡建设主管部门应当进行抽查。依法应当进行消防验收的建设工程，未经消防验收或者消防验收不合格的，禁止投入使用；其他建设工程经依法抽查不合格的，应当停止使用。'),
      law('《建设工程消防设计审查验收管理暂行规定》', '消防设计审查验收主管部门应当自受理消防验收申请之日起十五日内出具消防验收意见。对符合下列条件的，应当出具消防验收合格意见：（一）申请材料齐全、符合法定形式；（二）工程竣工验收报告内容完备；（三）涉及消防的建设工程竣工图纸与经审查合格的消防设计文件相符；（四）现场评定结论合格。'),
    ],
    legalTimeLimit: wd(15),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '建设单位通过工程建设项目审批管理系统提交消防验收申请。' },
      { name: '受理', description: '材料齐全、符合法定形式的予以受理，不齐全的一次性告知。', timeLimit: wd(1) },
      { name: '现场评定', description: '组织现场评定，对建筑类别、平面布局、消防设施等进行抽样检查和功能测试。', timeLimit: wd(Math.max(1, local.promised - 3)) },
      { name: '出具意见', description: '出具特殊建设工程消防验收意见书（合格或不合格及原因）。' },
    ],
    places: [hallPlace(at, '工程建设项目审批专区'), officePlace(at, '建设工程消防设计审查验收科')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '消防设施检测由建设单位自主委托具备相应从业条件的消防技术服务机构（非必需）。',
    result: { name: '特殊建设工程消防验收意见书', type: 'approval_document' },
    faq: withLocal([
      { question: '消防验收现在归哪个部门管？', answer: '2019年起建设工程消防设计审查验收职责由消防救援机构移交住房和城乡建设主管部门，向住房和城乡建设局申请。开业前的公众聚集场所消防安全检查仍由消防救援机构负责。' },
      { question: '哪些工程需要消防验收，哪些只要备案？', answer: '总建筑面积大于一万平方米的体育场馆、会堂，大于两万平方米的宾馆、饭店、商场，以及高层公共建筑等特殊建设工程需要消防验收；其他建设工程竣工验收后报消防验收备案，住建部门进行抽查。' },
      { question: '验收不合格怎么办？', answer: '按意见书载明的问题整改后重新申请消防验收。' },
    ], local.localFaq),
    materials: [
      mat({ key: 'application', name: '消防验收申请表', form: 'electronic', acceptanceStandard: '填写完整，建设单位盖章。' }),
      mat({ key: 'completion_report', name: '工程竣工验收报告', form: 'original_or_electronic', acceptanceStandard: '包括竣工验收消防查验内容，建设、设计、施工、监理单位签章。' }),
      mat({ key: 'as_built_drawings', name: '涉及消防的建设工程竣工图纸', form: 'electronic', acceptanceStandard: '与经审查合格的消防设计文件相符，有变更的附变更说明。' }),
      mat({ key: 'design_review', name: '特殊建设工程消防设计审查意见书', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '消防设计审查验收主管部门', acceptanceStandard: '审查结论为合格，与申请验收的工程一致；本系统内审查的可直接调用。' }),
      mat({ key: 'inspection_report', name: '消防设施检测报告', necessity: 'conditional', condition: '建设单位委托消防技术服务机构进行检测的', form: 'original', sourceChannel: 'intermediary', issuedBy: '消防技术服务机构', acceptanceStandard: '检测结论为合格，报告加盖机构印章。' }),
    ],
  });
}

function publicRental(at: string, local: { promised: number; thresholds: string; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.publicRental, at, {
    aliases: ['公租房', '申请公租房', '廉租房', '保障房', '公共租赁住房', '住房困难申请', '租不起房', '保障性住房申请', '新市民公租房'],
    serviceObjects: ['person'],
    themes: ['housing', 'social_assistance'],
    lifeEvents: [],
    summary: `在${regionLabel(d)}住房困难的城镇中等偏下收入家庭、新就业无房职工和外来务工人员申请公共租赁住房保障。`,
    conditions: `1. 申请人在本市无住房或者住房面积低于规定标准。2. 家庭收入、财产低于规定标准。3. 申请人为外来务工人员的，在本市稳定就业达到规定年限。4. ${local.thresholds} 5. 以家庭为单位申请，每个家庭只能申请一套；单身人士年满十八周岁可以独立申请。`,
    legalBasis: [
      law('《公共租赁住房管理办法》第七条', '申请公共租赁住房，应当符合以下条件：（一）在本地无住房或者住房面积低于规定标准；（二）收入、财产低于规定标准；（三）申请人为外来务工人员的，在本地稳定就业达到规定年限。具体条件由直辖市和市、县级人民政府住房保障主管部门根据本地区实际情况确定，报本级人民政府批准后实施并向社会公布。'),
      law('《公共租赁住房管理办法》', '市、县级人民政府住房保障主管部门应当会同有关部门，对申请人提交的申请材料进行审核。经审核，对符合申请条件的申请人，应当予以公示，经公示无异议或者异议不成立的，登记为公共租赁住房轮候对象，并向社会公开；对不符合申请条件的申请人，应当书面通知并说明理由。'),
    ],
    legalTimeLimit: wd(30),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '通过“云澜办”App或街道（乡镇）便民服务中心提交申请。' },
      { name: '初审', description: '街道（乡镇）核查户籍、住房和家庭情况。', timeLimit: wd(5) },
      { name: '联合核查', description: '住房保障部门会同民政、人社、不动产登记、公积金等部门核对收入、财产和住房信息。', timeLimit: wd(Math.max(1, local.promised - 12)) },
      { name: '公示', description: '审核结果在申请人所在社区和政府网站公示7日。', timeLimit: wd(5) },
      { name: '轮候配租', description: '公示无异议的登记为轮候对象，按轮候顺序摇号选房、签订租赁合同。' },
    ],
    places: [officePlace(at, '住房保障服务窗口'), hallPlace(at, '住房保障综合窗口')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['民政部门（家庭经济状况核对）', '不动产登记机构（住房核查）', '街道办事处（乡镇人民政府）'],
    intermediaryServices: '无',
    result: { name: '公共租赁住房保障资格确认通知', type: 'other' },
    faq: withLocal([
      { question: '公租房的租金是多少？', answer: '公租房租金一般按同地段市场租金的70%左右确定，低保家庭、特困人员可以减免租金。' },
      { question: '外地户口能申请公租房吗？', answer: '可以。外来务工人员在本市稳定就业、连续缴纳社会保险达到规定年限的，可以申请。' },
      { question: '住了公租房以后收入提高了怎么办？', answer: '每年复核一次，收入、住房超过标准的应当在规定期限内退出，或按市场租金续租。' },
    ], local.localFaq),
    materials: [
      mat({ key: 'application', name: '公共租赁住房申请表', form: 'electronic', acceptanceStandard: '家庭成员信息完整，全体成年家庭成员签字确认。' }),
      idCard('family_ids', '家庭成员'),
      hukouBook('hukou_book', '家庭成员'),
      mat({ key: 'marital_status', name: '婚姻状况证明', form: 'electronic', sourceChannel: 'government', issuedBy: '婚姻登记机关', substitutes: [D.marriage], acceptanceStandard: '系统核验婚姻登记信息；离异的核验离婚登记或判决信息。' }),
      mat({ key: 'income_authorisation', name: '家庭经济状况核对授权书', form: 'original_or_electronic', acceptanceStandard: '全体成年家庭成员签署，授权核对收入、存款、车辆、住房等信息。' }),
      mat({ key: 'employment_proof', name: '劳动合同和社会保险缴纳记录', necessity: 'conditional', condition: '外来务工人员申请的', form: 'original_or_electronic', substitutes: [D.socialInsurance], acceptanceStandard: '连续缴纳年限达到本市规定；社保记录可共享核验的免于提交。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 消防救援: 公众聚集场所投入使用、营业前消防安全检查
// ---------------------------------------------------------------------------------------------

function fireInspection(at: string, local: { promised: number; localFaq?: Faq[] }): FileItem {
  const d = dept(at);
  return item(B.fireInspection, at, {
    aliases: ['消防检查', '开业消防检查', '消防安全检查', '消防许可', '饭店消防', '开店消防', 'KTV消防', '营业前消防检查', '消防证', '消防告知承诺', '商场开业消防'],
    serviceObjects: ['enterprise'],
    themes: ['fire_safety', 'permits'],
    lifeEvents: ['restaurant_opening'],
    summary: `${regionLabel(d)}行政区域内的宾馆、饭店、商场、集贸市场、体育场馆、公共娱乐场所等公众聚集场所，在投入使用、营业前申请消防安全检查；实行告知承诺管理。`,
    conditions: '1. 场所属于公众聚集场所：宾馆、饭店、商场、集贸市场、客运车站候车室、客运码头候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等。2. 场所所在建筑已依法通过消防验收或者完成消防验收备案。3. 场所符合消防技术标准和管理规定，已建立消防安全制度，制定灭火和应急疏散预案，员工经过消防安全培训。4. 选择告知承诺方式的，申请人作出场所符合消防技术标准和管理规定的承诺并提交规定材料，材料齐全、符合法定形式的当场许可，消防救援机构随后进行核查；选择不采用告知承诺方式的，消防救援机构自受理之日起十个工作日内进行检查。',
    legalBasis: [
      law('《中华人民共和国消防法》第十五条', '公众聚集场所投入使用、营业前消防安全检查实行告知承诺管理。公众聚集场所在投入使用、营业前，建设单位或者使用单位应当向场所所在地的县级以上地方人民政府消防救援机构申请消防安全检查，作出场所符合消防技术标准和管理规定的承诺，提交规定的材料，并对其承诺和材料的真实性负责。消防救援机构对申请人提交的材料进行审查；申请材料齐全、符合法定形式的，应当予以许可。消防救援机构应当根据消防技术标准和管理规定，及时对作出承诺的公众聚集场所进行核查。申请人选择不采用告知承诺方式办理的，消防救援机构应当自受理申请之日起十个工作日内，根据消防技术标准和管理规定，对该场所进行检查。经检查符合消防安全要求的，应当予以许可。公众聚集场所未经消防救援机构许可的，不得投入使用、营业。'),
      law('《中华人民共和国消防法》第七十三条', '公众聚集场所，是指宾馆、饭店、商场、集贸市场、客运车站候车室、客运码头候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等。'),
    ],
    legalTimeLimit: wd(10),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '通过消防救援机构网上服务平台或政务服务中心窗口申请，选择告知承诺或一般程序。' },
      { name: '审查', description: '告知承诺方式：材料齐全、符合法定形式的当场作出许可决定；一般程序：受理后安排检查。', timeLimit: wd(1) },
      { name: '现场检查', description: '一般程序的，对场所进行现场检查；告知承诺方式的，许可后进行核查。', timeLimit: wd(Math.max(1, local.promised - 2)) },
      { name: '许可决定', description: '经检查符合消防安全要求的，作出准予许可决定并核发合格证；不符合的书面说明理由。' },
    ],
    places: [hallPlace(at, '消防救援服务窗口'), officePlace(at, '防火监督科')],
    ...contacts(at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [],
    intermediaryServices: '消防设施检测、电气防火检测可由申请人自主委托消防技术服务机构（非必需）。',
    result: { name: '公众聚集场所投入使用、营业前消防安全检查合格证', type: 'license', licenseTypeCode: L.fireInspectionCertificate.code },
    faq: withLocal([
      { question: '开饭店需要办消防安全检查吗？', answer: '饭店属于公众聚集场所，投入营业前应当申请消防安全检查，取得许可后才能营业。' },
      { question: '什么是告知承诺？选了以后还会来检查吗？', answer: '申请人承诺场所符合消防技术标准和管理规定，提交材料后当场拿到许可；消防救援机构会在许可后对场所进行核查，发现承诺不实的依法撤销许可并处罚。' },
      { question: '场所装修完还没通过消防验收，可以先申请吗？', answer: '不可以。场所所在建筑和室内装修依法需要消防验收或备案的，应当先通过住房和城乡建设部门的消防验收或完成备案。' },
    ], local.localFaq),
    materials: [
      mat({ key: 'application', name: '公众聚集场所投入使用、营业消防安全检查申报表', form: 'electronic', acceptanceStandard: '场所名称、地址、面积、使用性质填写准确，申请人签章。' }),
      businessLicence(),
      mat({ key: 'commitment', name: '公众聚集场所投入使用、营业消防安全告知承诺书', necessity: 'conditional', condition: '选择告知承诺方式办理的', form: 'original_or_electronic', acceptanceStandard: '法定代表人或主要负责人签字，单位盖章。' }),
      mat({ key: 'safety_rules', name: '消防安全制度、灭火和应急疏散预案、场所平面布置图', form: 'original_or_electronic', acceptanceStandard: '平面图标明疏散通道、安全出口和消防设施位置；预案明确组织分工和疏散路线。' }),
      mat({ key: 'acceptance_record', name: '消防验收合格意见或消防验收备案凭证', necessity: 'conditional', condition: '场所所在建筑或室内装修依法需要消防验收或备案的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '住房和城乡建设主管部门', acceptanceStandard: '验收或备案范围包含本场所。' }),
      mat({ key: 'inspection_report', name: '消防设施检测报告', necessity: 'conditional', condition: '委托消防技术服务机构检测的', form: 'original', sourceChannel: 'intermediary', issuedBy: '消防技术服务机构', acceptanceStandard: '检测结论为合格，报告在有效期内。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 民政: 高龄津贴、低保、结婚登记、残疾人两项补贴
// ---------------------------------------------------------------------------------------------

function oldAgeAllowance(w: DistrictWindow & { amounts: string; instantApproval: boolean; onlineDepth: 3 | 4 }): FileItem {
  const d = dept(w.at);
  return item(B.oldAge, w.at, {
    aliases: ['老人补贴', '老年人补贴', '高龄补贴', '老人每月补贴', '80岁补贴', '百岁老人补贴', '长寿补贴', '老年津贴', '高龄老人津贴', '70岁以上补贴'],
    serviceObjects: ['person'],
    themes: ['elderly', 'social_assistance'],
    lifeEvents: [],
    summary: `具有${regionLabel(d)}户籍、年满七十周岁的老年人按月领取高龄津贴。`,
    conditions: [
      '1. 具有本区常住户籍，年满七十周岁（以居民身份证登记的出生日期为准）。',
      `2. 发放标准：${w.amounts}`,
      '3. 自年满七十周岁的当月起计发；申请晚于当月的，可补发自符合条件之月起不超过12个月的津贴。',
      '4. 老年人每年完成一次生存认证（系统数据比对无感认证，比对不上的通过App人脸识别或社区上门认证）；户籍迁出本区或死亡的，自次月起停发。',
      w.instantApproval
        ? '5. 本区实行“秒批”：系统自动比对户籍、年龄和生存信息，符合条件的即时办结；对自动审批结果有异议的，可以申请人工复核。'
        : '5. 由社区（村）初核、街道（乡镇）审核后报区民政局审定。',
      w.localNote ?? '',
    ].filter(Boolean).join(''),
    legalBasis: [
      law('《中华人民共和国老年人权益保障法》第三十三条', '国家建立和完善老年人福利制度，根据经济社会发展水平和老年人的实际需要，增加老年人的社会福利。国家鼓励地方建立八十周岁以上低收入老年人高龄津贴制度。'),
      law('《云澜省高龄津贴发放管理办法》', '对具有本省户籍、年满七十周岁的老年人按月发放高龄津贴。省定基础标准为：七十至七十九周岁每人每月200元，八十至八十九周岁每人每月300元，九十至九十九周岁每人每月500元，一百周岁及以上每人每月1000元。设区的市、县（区）可以在省定标准基础上提高标准。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: w.instantApproval
      ? [
          { name: '申请', description: '老年人或其子女通过“云澜办”App“老年人津贴”或社区代办员申请。' },
          { name: '秒批', description: '系统比对户籍、出生日期和生存信息，符合条件的即时审批通过，并说明依据。' },
          { name: '人工复核', description: '对自动审批结果有异议或比对不通过的，转区民政局人工审核，3个工作日内答复。' },
          { name: '按月发放', description: '次月起每月10日前发放至老年人本人社会保障卡金融账户。' },
        ]
      : [
          { name: '申请', description: '老年人或其子女通过“云澜办”App申请，或到社区（村）便民服务站申请。' },
          { name: '初核', description: '社区（村）核对户籍和生存情况。', timeLimit: wd(2) },
          { name: '审核审定', description: '街道（乡镇）审核后报区民政局审定。', timeLimit: wd(Math.max(1, w.promised - 2)) },
          { name: '按月发放', description: '审定次月起每月发放至老年人本人社会保障卡金融账户。' },
        ],
    places: [hallPlace(w.at, w.window, w.hours), officePlace(w.at, '养老服务科'), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'none',
    courier: false,
    jointUnits: ['公安机关（户籍和死亡信息）', '街道办事处（乡镇人民政府）'],
    intermediaryServices: '无',
    result: { name: '高龄津贴按月发放', type: 'other' },
    faq: withLocal([
      { question: '我家老人每个月能领多少高龄津贴？', answer: `本区标准：${w.amounts}` },
      { question: '满70岁后多久要申请？晚申请会少领吗？', answer: '建议满70周岁当月申请。晚于当月申请的，可以补发自符合条件之月起不超过12个月的津贴。' },
      { question: '老人不会用手机，怎么办？', answer: '可以由子女在App上代为申请，也可以到社区（村）便民服务站由代办员帮办；生存认证可以预约社区工作人员上门。' },
      { question: '户口在本区，但跟子女住在外地，还能领吗？', answer: '可以。按户籍地发放，每年完成一次生存认证即可，外地居住的可通过App人脸识别认证。' },
    ], w.localFaq),
    materials: [
      idCard('elder_id', '老年人'),
      hukouBook('hukou_book', '老年人'),
      socialSecurityCardAccount('payment_account'),
      agentAuthorisation('agent_authorisation', '老年人'),
    ],
  });
}

function lowIncomeAssistance(w: DistrictWindow & { standard: string }): FileItem {
  const d = dept(w.at);
  return item(B.lowIncomeConfirm, w.at, {
    aliases: ['低保', '申请低保', '吃低保', '困难补助', '生活困难救助', '低保户', '最低生活保障金', '城乡低保', '家里困难申请补助'],
    serviceObjects: ['person'],
    themes: ['social_assistance'],
    lifeEvents: [],
    summary: `共同生活的家庭成员人均收入低于${regionLabel(d)}最低生活保障标准、且家庭财产符合规定的家庭，申请最低生活保障。`,
    conditions: `1. 申请人具有本区户籍，以家庭为单位申请；共同生活的家庭成员包括配偶、未成年子女、已成年但不能独立生活的子女、其他具有法定赡养扶养抚养义务关系并长期共同居住的人员。2. 家庭成员人均月收入低于当地最低生活保障标准。3. 家庭财产状况符合规定：无机动车辆（残疾人功能性补偿代步机动车辆除外）、人均存款等金融资产不超过当地年低保标准的24倍、不拥有两套及以上住房等。4. ${w.standard} 5. 对重病、重残人员，可以按照单人户纳入低保。`,
    legalBasis: [
      law('《社会救助暂行办法》第九条', '国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定的家庭，给予最低生活保障。'),
      law('《社会救助暂行办法》第十一条', '申请最低生活保障，按照下列程序办理：（一）由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请；家庭成员申请有困难的，可以委托村民委员会、居民委员会代为提出申请。（二）乡镇人民政府、街道办事处应当通过入户调查、邻里访问、信函索证、群众评议、信息查询等方式，对申请人的家庭收入状况、财产状况进行调查核实，提出初审意见，在申请人所在村、社区公示后报县级人民政府民政部门审批。（三）县级人民政府民政部门经审查，对符合条件的申请予以批准，并在申请人所在村、社区公布；对不符合条件的申请不予批准，并书面向申请人说明理由。'),
      law('《最低生活保障审核确认办法》（民发〔2021〕57号）', '乡镇人民政府（街道办事处）应当自受理最低生活保障申请之日起30个工作日之内完成审核确认工作；特殊情况下，可以延长至45个工作日。'),
    ],
    legalTimeLimit: wd(30),
    promisedTimeLimit: wd(w.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '通过“云澜办”App或到户籍所在地街道（乡镇）便民服务中心提出申请，可委托村（居）委员会代为申请。' },
      { name: '受理', description: '材料齐全的当场受理，不齐全的一次性告知。', timeLimit: wd(1) },
      { name: '调查核对', description: '入户调查，并通过居民家庭经济状况核对系统核对收入、存款、车辆、住房、工商登记等信息。', timeLimit: wd(Math.max(1, w.promised - 9)) },
      { name: '公示', description: '审核意见在申请人所在村、社区公示7天。', timeLimit: wd(5) },
      { name: '确认发放', description: '审核确认后，自批准次月起按月发放低保金，并同步认定医疗、教育、住房等专项救助资格。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), officePlace(w.at, '社会救助科'), ...(w.extraPlace ? [w.extraPlace] : [])],
    ...contacts(w.at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'province',
    courier: false,
    jointUnits: ['街道办事处（乡镇人民政府）', '居民家庭经济状况核对中心'],
    intermediaryServices: '无',
    result: { name: '最低生活保障审核确认决定', type: 'other' },
    faq: withLocal([
      { question: '低保每个月能领多少钱？', answer: `低保金按家庭人均收入与低保标准的差额计发。${w.standard}` },
      { question: '家里有人上班还能申请低保吗？', answer: '可以。是否符合条件看家庭人均收入和财产，就业收入会扣除必要的就业成本后计算；新就业的低保家庭可以享受6个月左右的渐退期。' },
      { question: '户口不在这里，在居住地能申请吗？', answer: '本省已开展低保经常居住地申请试点，持居住证的可以在经常居住地申请，具体以街道答复为准。' },
      { question: '纳入低保后还能享受哪些救助？', answer: '可以享受医疗救助、城乡居民医保参保资助、教育资助、住房救助、临时救助和水电气费用减免等。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'application', name: '最低生活保障申请书', form: 'original_or_electronic', acceptanceStandard: '写明申请原因和家庭情况，申请人签字。' }),
      idCard('family_ids', '共同生活家庭成员'),
      hukouBook('hukou_book', '共同生活家庭成员'),
      mat({ key: 'verification_authorisation', name: '家庭经济状况核对授权书', form: 'original', acceptanceStandard: '全体成年家庭成员签字授权，未成年人由监护人签字。' }),
      mat({ key: 'income_declaration', name: '家庭收入和财产状况申报表', form: 'original_or_electronic', acceptanceStandard: '如实申报工资性收入、经营性收入、财产性收入和转移性收入，以及存款、车辆、住房。' }),
      mat({ key: 'disability_certificate', name: '残疾人证', necessity: 'conditional', condition: '家庭成员中有残疾人的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '残疾人联合会', substitutes: [L.disabilityCertificate], acceptanceStandard: '第二代残疾人证，在有效期内。' }),
      mat({ key: 'medical_records', name: '重大疾病诊断证明或病历', necessity: 'conditional', condition: '家庭成员患重大疾病的', form: 'copy', sourceChannel: 'intermediary', issuedBy: '二级及以上医疗机构', acceptanceStandard: '诊断明确，医疗机构盖章。' }),
    ],
  });
}

function marriageRegistration(w: DistrictWindow & { hallName: string; localFaqText: string }): FileItem {
  const d = dept(w.at);
  return item(B.marriageRegistration, w.at, {
    aliases: ['领结婚证', '结婚', '办结婚证', '登记结婚', '扯证', '领证', '结婚登记预约', '结婚要带什么'],
    serviceObjects: ['person'],
    themes: ['marriage'],
    lifeEvents: [],
    summary: `内地居民男女双方自愿结婚的，共同到${d.name}婚姻登记处申请结婚登记，领取结婚证。`,
    conditions: '1. 男女双方完全自愿，男方年满二十二周岁，女方年满二十周岁。2. 双方均无配偶，且没有直系血亲和三代以内旁系血亲关系。3. 双方应当亲自到婚姻登记机关共同申请，不能委托他人代办。4. 自2025年5月10日起，内地居民结婚登记实行全国通办，可以在一方常住户口所在地或者经常居住地的婚姻登记机关办理，无需出具户口簿。',
    legalBasis: [
      law('《中华人民共和国民法典》第一千零四十七条', '结婚年龄，男不得早于二十二周岁，女不得早于二十周岁。'),
      law('《中华人民共和国民法典》第一千零四十九条', '要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的，予以登记，发给结婚证。完成结婚登记，即确立婚姻关系。未办理结婚登记的，应当补办登记。'),
      law('《婚姻登记条例》', '婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况。对当事人符合结婚条件的，应当当场予以登记，发给结婚证；对当事人不符合结婚条件不予登记的，应当向当事人说明理由。'),
    ],
    legalTimeLimit: wd(1),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '预约', description: '通过“云澜办”App预约登记日期和时段，可在线预填信息。' },
      { name: '审查', description: '双方到场，登记员核验身份证件，询问结婚意愿，双方签署《申请结婚登记声明书》。' },
      { name: '登记', description: '符合条件的当场登记，双方在结婚登记审查处理表上签名并按指纹。' },
      { name: '颁证', description: '当场发给结婚证，可选择参加颁证仪式；电子结婚证同步生成。' },
    ],
    places: [{ name: w.hallName, address: d.address, hours: w.hours ?? '周一至周五 9:00-12:00，13:30-17:00；5月20日、七夕等特殊日期照常开放（法定节假日除外）', phone: d.phone }],
    ...contacts(w.at),
    fees: FREE,
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'national',
    courier: false,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '结婚证', type: 'license', licenseTypeCode: L.marriageCertificate.code },
    faq: withLocal([
      { question: '结婚登记要带什么？', answer: '双方本人的居民身份证和三张2寸近期半身免冠双人合影照片（部分登记处提供免费拍照）。不需要户口簿。' },
      { question: '外地户口可以在这里登记结婚吗？', answer: '可以。自2025年5月10日起实行全国通办，在一方常住户口所在地或经常居住地的婚姻登记机关都可以办理。' },
      { question: '结婚登记收费吗？', answer: '不收费，结婚证免收工本费；颁证仪式也是免费的。' },
      { question: '特殊日子人多，怎么避免排队？', answer: w.localFaqText },
    ], w.localFaq),
    materials: [
      idCard('both_id', '男女双方'),
      mat({ key: 'photos', name: '双方近期半身免冠合影照片', copies: 3, form: 'original', acceptanceStandard: '2寸（35mm×49mm）红色背景双人合影，正面免冠，五官清晰。', notes: '登记处提供免费拍照服务的可现场拍摄。' }),
      mat({ key: 'declaration', name: '申请结婚登记声明书', form: 'original', acceptanceStandard: '在登记员面前由双方亲笔签署，声明本人无配偶以及与对方没有直系血亲和三代以内旁系血亲关系。' }),
      mat({ key: 'previous_marriage', name: '离婚证、离婚判决书或配偶死亡证明', necessity: 'conditional', condition: '婚姻登记信息系统显示的婚姻状况与本人声明不一致的', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '婚姻登记机关、人民法院或医疗机构', substitutes: [D.marriage, D.death], acceptanceStandard: '证明本人现为无配偶状态。' }),
    ],
  });
}

function disabilityAllowance(w: DistrictWindow & { amounts: string; onlineDepth: 3 | 4 }): FileItem {
  const d = dept(w.at);
  return item(B.disability, w.at, {
    aliases: ['残疾人补贴', '残疾人护理补贴', '残疾人生活补贴', '重度残疾补贴', '残疾补助', '残疾人两项补贴', '困难残疾人补贴'],
    serviceObjects: ['person'],
    themes: ['social_assistance'],
    lifeEvents: [],
    summary: `具有${regionLabel(d)}户籍、持有第二代残疾人证的困难残疾人和重度残疾人，申请困难残疾人生活补贴和重度残疾人护理补贴。`,
    conditions: `1. 具有本区户籍，持有第二代《中华人民共和国残疾人证》。2. 困难残疾人生活补贴：低保家庭中的残疾人，以及本区规定的低保边缘家庭中的重度残疾人。3. 重度残疾人护理补贴：残疾等级被评定为一级、二级且需要长期照护的重度残疾人，以及三级、四级智力、精神残疾人。4. 补贴标准：${w.amounts} 5. 已享受特困人员救助供养、工伤保险生活护理费或其他同类护理补贴的，不重复享受。`,
    legalBasis: [
      law('《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）', '困难残疾人生活补贴主要补助残疾人因残疾产生的额外生活支出，对象为低保家庭中的残疾人，有条件的地方可逐步扩大到低收入残疾人及其他困难残疾人。重度残疾人护理补贴主要补助残疾人因残疾产生的额外长期照护支出，对象为残疾等级被评定为一级、二级且需要长期照护的重度残疾人，有条件的地方可扩大到非重度智力、精神残疾人或其他残疾人。'),
      law('《云澜省困难残疾人生活补贴和重度残疾人护理补贴实施办法》', '残疾人两项补贴由残疾人向户籍所在地街道（乡镇）提出申请，街道（乡镇）初审后报县级残联审核、民政部门审定，审定通过的自申请次月起按月发放。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(w.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '残疾人或其监护人通过“云澜办”App“残疾人两项补贴”或街道（乡镇）便民服务中心申请。' },
      { name: '初审', description: '街道（乡镇）核对户籍、残疾人证和低保信息。', timeLimit: wd(3) },
      { name: '审核', description: '区残疾人联合会审核残疾类别和等级。', timeLimit: wd(Math.max(1, w.promised - 6)) },
      { name: '审定发放', description: '区民政局审定，自申请次月起按月发放至本人社会保障卡金融账户。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), officePlace(w.at, '社会事务科')],
    ...contacts(w.at),
    fees: FREE,
    visits: w.onlineDepth === 4 ? 0 : 1,
    onlineDepth: w.onlineDepth,
    tongbanScope: 'cross_province',
    courier: false,
    jointUnits: ['区残疾人联合会', '街道办事处（乡镇人民政府）'],
    intermediaryServices: '无',
    result: { name: '残疾人两项补贴审定及按月发放', type: 'other' },
    faq: withLocal([
      { question: '两项补贴可以同时领吗？', answer: '可以。既是低保家庭中的残疾人又是一、二级重度残疾人的，可以同时领取生活补贴和护理补贴。' },
      { question: '残疾人证过期了还能领吗？', answer: '残疾人证有效期届满的，应当及时换领；换领期间补贴暂停发放，换领后可以补发。' },
      { question: '户籍在这里，人在外省生活，可以申请吗？', answer: '可以。残疾人两项补贴已实现“跨省通办”，可以在居住地提出申请，由户籍地审核发放。' },
    ], w.localFaq),
    materials: [
      mat({ key: 'disability_certificate', name: '中华人民共和国残疾人证（第二代）', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '残疾人联合会', substitutes: [L.disabilityCertificate], acceptanceStandard: '在有效期内，残疾类别和等级清晰；可调用电子残疾人证的免于提交。' }),
      idCard('applicant_id', '残疾人本人', { substitutes: [L.idCard, D.hukou] }),
      mat({ key: 'assistance_status', name: '低保对象身份证明', necessity: 'conditional', condition: '申请困难残疾人生活补贴的', form: 'electronic', sourceChannel: 'government', issuedBy: '民政部门', substitutes: [D.assistance], acceptanceStandard: '由民政部门系统核验，无需本人提交。' }),
      socialSecurityCardAccount('payment_account'),
      agentAuthorisation('agent_authorisation', '残疾人或其监护人'),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 税务: 税务登记信息确认、发票领用、新办纳税人套餐
// ---------------------------------------------------------------------------------------------

const TAX_ADMIN_LAW_15 = law('《中华人民共和国税收征收管理法》第十五条', '企业，企业在外地设立的分支机构和从事生产、经营的场所，个体工商户和从事生产、经营的事业单位（以下统称从事生产、经营的纳税人）自领取营业执照之日起三十日内，持有关证件，向税务机关申报办理税务登记。税务机关应当于收到申报的当日办理登记并发给税务登记证件。');

function taxRegistration(w: DistrictWindow): FileItem {
  return item(B.taxRegistration, w.at, {
    aliases: ['税务登记', '税务报到', '新公司税务报到', '办税务登记', '税务登记证', '首次办税', '一照一码信息确认', '税务信息确认'],
    serviceObjects: ['enterprise'],
    themes: ['tax'],
    lifeEvents: ['enterprise_opening'],
    summary: '领取加载统一社会信用代码营业执照的纳税人，首次办理涉税事项时确认登记信息并补充采集财务负责人、办税人员、核算方式等信息。',
    conditions: '1. 已领取加载统一社会信用代码的营业执照，营业执照即为税务登记证件，无需另行办理税务登记证。2. 法定代表人（负责人）、财务负责人、办税人员已完成实名认证。3. 应当自领取营业执照之日起三十日内完成信息确认。4. 登记信息由市场监管部门共享，纳税人只需确认并补充税务机关需要的信息。',
    legalBasis: [
      TAX_ADMIN_LAW_15,
      law('《国家税务总局关于落实“三证合一”登记制度改革的通知》（税总函〔2015〕482号）', '新设立企业领取由工商行政管理部门核发加载法人和其他组织统一社会信用代码的营业执照后，无需再次进行税务登记，不再领取税务登记证。企业办理涉税事宜时，在完成补充信息采集后，凭加载统一代码的营业执照可代替税务登记证使用。'),
    ],
    legalTimeLimit: wd(1),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '登录', description: '法定代表人或办税人员通过电子税务局（个人所得税App扫码）登录。' },
      { name: '信息确认', description: '确认市场监管部门共享的登记信息，补充财务负责人、办税人员、会计核算方式和银行账户等信息。' },
      { name: '办结', description: '信息确认即时完成，系统同步推送税费种认定和发票票种核定。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), officePlace(w.at, '办税服务厅')],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'national',
    courier: false,
    jointUnits: ['市场监督管理部门（登记信息共享）'],
    intermediaryServices: '无',
    result: { name: '税务登记信息确认', type: 'other' },
    faq: withLocal([
      { question: '现在还要办税务登记证吗？', answer: '不需要。“多证合一”后营业执照就是税务登记证件，首次办税时在电子税务局确认信息即可。' },
      { question: '办税人员换人了怎么办？', answer: '由法定代表人登录电子税务局，在“办税人员权限管理”中解除原办税人员并添加新办税人员，新办税人员实名认证后即可办理。' },
      { question: '没有及时报到会有什么影响？', answer: '未完成信息确认的无法领用发票和申报纳税；逾期未申报的将产生滞纳金和罚款，影响纳税信用。' },
    ], w.localFaq),
    materials: [
      businessLicence(),
      idCard('officers_id', '法定代表人、财务负责人和办税人员'),
      mat({ key: 'bank_account', name: '银行账户信息', necessity: 'conditional', condition: '需要签订税库银三方协议的', form: 'electronic', acceptanceStandard: '开户银行、账号与企业名称一致。' }),
    ],
  });
}

const INVOICE_MEASURES = law('《中华人民共和国发票管理办法》第十五条', '需要领用发票的单位和个人，应当持设立登记证件或者税务登记证件，以及经办人身份证明，向主管税务机关办理发票领用手续。领用纸质发票的，还应当提供按照国务院税务主管部门规定式样制作的发票专用章的印模。主管税务机关根据领用单位和个人的经营范围、规模和风险等级，在5个工作日内确认领用发票的种类、数量以及领用方式。');

function invoiceIssue(w: DistrictWindow): FileItem {
  return item(B.invoice, w.at, {
    aliases: ['领发票', '申领发票', '发票申领', '开发票', '数电票', '全电发票', '发票额度', '增值税发票', '税控盘', '发票领购', '电子发票开票'],
    serviceObjects: ['enterprise'],
    themes: ['tax'],
    lifeEvents: ['enterprise_opening'],
    summary: '纳税人领用纸质发票或确定数电发票（全面数字化的电子发票）开具金额总额度。',
    conditions: '1. 已完成税务登记信息确认，办税人员已实名认证。2. 使用数电发票的，无需领用，由税务机关根据纳税人的经营范围、规模和风险等级赋予开具金额总额度，额度不足的可以申请调整。3. 领用纸质发票的，应当提供发票专用章印模。4. 新办纳税人首次领用发票的，税务机关在确认后当场办结。',
    legalBasis: [INVOICE_MEASURES, TAX_ADMIN_LAW_15],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(w.promised),
    caseKind: w.instant ? 'instant' : 'promised',
    process: [
      { name: '申请', description: '在电子税务局“发票使用”模块选择票种，数电发票确认开具额度，纸质发票申请领用数量。' },
      { name: '确认', description: '税务机关根据经营范围、规模和风险等级确认发票种类、数量或额度。', timeLimit: wd(w.promised) },
      { name: '领用', description: '数电发票在电子税务局直接开具；纸质发票可以邮寄或到办税服务厅、自助终端领取。' },
    ],
    places: [officePlace(w.at, '办税服务厅', w.hours), hallPlace(w.at, w.window)],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'national',
    courier: true,
    jointUnits: [],
    intermediaryServices: '无',
    result: { name: '发票（数电发票开具额度）', type: 'other' },
    faq: withLocal([
      { question: '数电发票还需要领吗？', answer: '不需要领用，也不需要税控设备。税务机关自动赋予开具金额总额度，登录电子税务局即可开票。' },
      { question: '开票额度不够用怎么办？', answer: '可以在电子税务局申请调整开具金额总额度，税务机关根据经营情况和风险情况确认，一般当场答复。' },
      { question: '个人可以开发票吗？', answer: '自然人可以向税务机关申请代开发票，通过电子税务局或个人所得税App在线办理。' },
    ], w.localFaq),
    materials: [
      idCard('handler_id', '经办人'),
      businessLicence('business_licence', { necessity: 'required' }),
      mat({ key: 'seal_impression', name: '发票专用章印模', necessity: 'conditional', condition: '领用纸质发票的', form: 'original_or_electronic', acceptanceStandard: '发票专用章已在公安机关备案，印模清晰。' }),
    ],
  });
}

function newTaxpayerPackage(w: DistrictWindow): FileItem {
  return item(B.taxPackage, w.at, {
    aliases: ['新办纳税人套餐', '新公司税务一次办', '新办企业涉税事项', '税务套餐', '新办企业税务', '开公司税务怎么办'],
    serviceObjects: ['enterprise'],
    themes: ['tax', 'establishment'],
    lifeEvents: ['enterprise_opening'],
    summary: '新办纳税人首次办税时，一次性办理信息确认、实名采集、税费种认定、三方协议、发票票种核定和数电发票开具额度等涉税事项。',
    conditions: '1. 领取营业执照后首次办理涉税事项的新办纳税人。2. 法定代表人、财务负责人、办税人员已完成实名认证。3. 通过“企业开办一件事”专区设立的企业，可在设立时勾选套餐，营业执照签发后自动推送。4. 套餐内各事项可按需勾选，不需要的可以不选。',
    legalBasis: [
      TAX_ADMIN_LAW_15,
      law('《全国税务机关纳税服务规范》', '对新办纳税人实行“套餐式”服务，纳税人可一次性办理登记信息确认、财务会计制度及核算软件备案、纳税人存款账户账号报告、增值税一般纳税人登记、发票票种核定、增值税专用发票最高开票限额审批等涉税事项。'),
    ],
    legalTimeLimit: wd(5),
    promisedTimeLimit: wd(0),
    caseKind: 'instant',
    process: [
      { name: '选择套餐', description: '在电子税务局或“企业开办一件事”专区选择新办纳税人套餐，勾选需要办理的事项。' },
      { name: '一表填报', description: '一张表填写所有事项信息，共享的登记信息自动带出。' },
      { name: '即时办结', description: '系统即时办结各事项，数电发票开具额度同步赋予。' },
    ],
    places: [hallPlace(w.at, w.window, w.hours), officePlace(w.at, '办税服务厅新办企业专窗')],
    ...contacts(w.at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'national',
    courier: true,
    jointUnits: ['市场监督管理部门（登记信息共享）', '商业银行（税库银三方协议）'],
    intermediaryServices: '无',
    result: { name: '新办纳税人涉税事项办结通知', type: 'other' },
    faq: withLocal([
      { question: '新办纳税人套餐包括哪些事项？', answer: '登记信息确认、财务会计制度及核算软件备案、存款账户账号报告、税费种认定、增值税一般纳税人登记（可选）、发票票种核定和数电发票开具额度、税库银三方协议签订等。' },
      { question: '小规模纳税人需要登记为一般纳税人吗？', answer: '年应税销售额超过500万元的应当登记为一般纳税人；未超过的可以自愿选择，需要开具增值税专用发票抵扣的客户较多时可以考虑登记。' },
      { question: '套餐办完后要按时申报吗？', answer: '要。即使没有收入也应当按期进行零申报，可以在电子税务局设置申报提醒。' },
    ], w.localFaq),
    materials: [
      businessLicence(),
      idCard('officers_id', '法定代表人、财务负责人和办税人员'),
      mat({ key: 'accounting_system', name: '财务会计制度或核算软件说明', necessity: 'deferrable', form: 'electronic', acceptanceStandard: '选择适用的会计制度，使用核算软件的填写软件名称和版本。', notes: '容缺：可先行办理，15日内在电子税务局补报。' }),
      mat({ key: 'bank_account', name: '银行开户信息', necessity: 'conditional', condition: '签订税库银三方协议的', form: 'electronic', acceptanceStandard: '账户名称与纳税人名称一致。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 自然资源: 不动产转移登记
// ---------------------------------------------------------------------------------------------

function realEstateTransfer(at: string, local: { promised: number; centre: string }): FileItem {
  const d = dept(at);
  const prefix = at.split('_')[0];
  return item(B.realEstateTransfer, at, {
    aliases: ['过户', '二手房过户', '房产过户', '房屋过户', '办房产证', '买二手房', '房产证过户', '不动产转移登记', '卖房过户', '房产证办理'],
    serviceObjects: ['person', 'enterprise'],
    themes: ['housing'],
    lifeEvents: ['home_purchase'],
    summary: `${regionLabel(d)}范围内国有建设用地上的房屋因买卖、互换、赠与、继承等发生转移的，申请转移登记，领取不动产权证书。`,
    conditions: '1. 房屋已办理首次登记（已有不动产权证书），权属清楚、无查封；有抵押的应当先注销抵押或经抵押权人同意。2. 因买卖、互换、赠与申请登记的，由买卖双方（当事人双方）共同申请；因继承、受遗赠取得的，可以由继承人、受遗赠人单方申请。3. 存量房买卖的，已签订网签备案的存量房买卖合同，并已缴纳契税、增值税、个人所得税等税费。4. 出卖人已婚且房屋为夫妻共同财产的，应当经配偶同意。5. 本市实行“一窗受理、并行办理”，登记、交易和税费在同一窗口一次办结。',
    legalBasis: [
      law('《中华人民共和国民法典》第二百零九条', '不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；未经登记，不发生效力，但是法律另有规定的除外。'),
      law('《不动产登记暂行条例》第十四条', '因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。'),
      law('《不动产登记暂行条例》第二十条', '不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。'),
    ],
    legalTimeLimit: wd(30),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '网签备案', description: '买卖双方签订存量房买卖合同并办理网签备案（可由房地产经纪机构代办）。' },
      { name: '一窗受理', description: '双方在不动产登记“一窗受理”窗口或通过网上“不动产登记+视频面签”提交申请，同时申报税费。', timeLimit: wd(1) },
      { name: '缴税', description: '税务部门核定税费，申请人在线缴纳契税等税费。' },
      { name: '审核登簿', description: '登记机构审核权属和材料，记载于不动产登记簿。', timeLimit: wd(Math.max(1, local.promised - 1)) },
      { name: '发证', description: '缴纳登记费后核发不动产权证书（同步生成电子证照），可邮寄送达。' },
    ],
    places: [{ name: local.centre, address: d.address, hours: HOURS_SAT, phone: d.phone }, hallPlace(at, '不动产登记综合窗口')],
    ...contacts(at),
    fees: {
      charged: true,
      items: [
        { name: '不动产登记费（住宅）', standard: '80元/件', basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' },
        { name: '不动产登记费（非住宅）', standard: '550元/件', basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' },
        { name: '不动产权证书工本费', standard: '每件核发一本证书免收；每增加一本收取10元', basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）' },
      ],
      waivers: '申请人为小微企业（含个体工商户）的免收登记费；因继承、受遗赠取得住宅的登记费按规定减免；电子证照免收工本费。',
    },
    visits: 1,
    onlineDepth: 3,
    tongbanScope: 'none',
    courier: true,
    jointUnits: [`${dept(`${prefix}_sw`).name}（契税、增值税、个人所得税征收）`, `${dept(`${prefix}_zj`).name}（存量房买卖合同网签备案）`],
    intermediaryServices: '房地产经纪服务由当事人自主选择，非必需；委托他人办理的授权委托书需经公证。',
    result: { name: '不动产权证书', type: 'license', licenseTypeCode: L.realEstateCertificate.code },
    faq: [
      { question: '二手房过户要交哪些钱？', answer: '登记费住宅80元/件，另有契税（首套144平方米及以下1%，以上1.5%；第二套144平方米及以下1%，以上2%）、增值税（满2年免征）、个人所得税（满五唯一免征）等，以税务部门核定为准。' },
      { question: '买卖双方都要到场吗？', answer: '买卖双方应当共同申请。不能到场的可以委托代理人（委托书需公证），或使用“不动产登记+视频面签”远程办理。' },
      { question: '过户后多久能拿到新证？', answer: `本市承诺${local.promised}个工作日内办结，电子证照办结即可下载，纸质证书可选择邮寄。` },
      { question: '父母去世后房子怎么过户给子女？', answer: '办理继承转移登记，提供死亡证明、亲属关系证明、继承权公证书或全体继承人到场签署的继承协议，可以单方申请。' },
    ],
    materials: [
      mat({ key: 'application', name: '不动产登记申请书', form: 'original_or_electronic', acceptanceStandard: '买卖双方签字，登记原因和不动产信息填写准确。' }),
      idCard('parties_id', '买卖双方'),
      mat({ key: 'ownership_certificate', name: '原不动产权证书', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '不动产登记机构', substitutes: [L.realEstateCertificate, D.realEstate], acceptanceStandard: '权利人为出卖人，证书信息与登记簿一致；可调用电子证照的免于提交。' }),
      mat({ key: 'sale_contract', name: '存量房买卖合同（网签备案）', form: 'original_or_electronic', substitutes: [D.contractFiling], acceptanceStandard: '已完成网签备案，合同价款与申报一致；可共享核验的免于提交。' }),
      mat({ key: 'tax_receipt', name: '契税等税费完税凭证', form: 'electronic', sourceChannel: 'government', issuedBy: '税务机关', substitutes: [D.deedTax], acceptanceStandard: '由税务部门推送完税信息，无需提交纸质凭证。' }),
      mat({ key: 'spouse_consent', name: '出卖人配偶同意出售的书面意见', necessity: 'conditional', condition: '出卖人已婚且房屋为夫妻共同财产的', form: 'original', substitutes: [D.marriage], acceptanceStandard: '配偶本人签字（或到场签署），婚姻信息经系统核验。' }),
      mat({ key: 'notarised_authorisation', name: '经公证的授权委托书', necessity: 'conditional', condition: '委托他人代为申请的', form: 'original', sourceChannel: 'intermediary', issuedBy: '公证机构', acceptanceStandard: '委托事项包含不动产买卖登记，公证书在有效期内。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// 交通运输: 道路货物运输经营许可
// ---------------------------------------------------------------------------------------------

function roadFreight(at: string, local: { promised: number }): FileItem {
  const d = dept(at);
  return item(B.roadFreight, at, {
    aliases: ['道路运输许可证', '跑运输办证', '货运资质', '物流公司许可', '营运证', '运输经营许可证', '货车营运证', '道路运输证', '货运许可证'],
    serviceObjects: ['enterprise', 'person'],
    themes: ['permits', 'qualification', 'transport'],
    lifeEvents: [],
    summary: `在${regionLabel(d)}从事道路普通货物运输经营（不含危险货物），使用总质量4.5吨以上货车的，申请道路运输经营许可证。`,
    conditions: '1. 有与其经营业务相适应并经检测合格的车辆，车辆技术性能符合国家标准。2. 有符合规定条件的驾驶人员：取得相应的机动车驾驶证，年龄不超过60周岁，3年内无重大以上交通责任事故，经考试合格取得道路运输从业人员从业资格证。3. 有健全的安全生产管理制度，包括安全生产责任制度、安全生产业务操作规程、安全生产监督检查制度、驾驶员和车辆安全生产管理制度。4. 使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可证和车辆营运证。',
    legalBasis: [
      law('《中华人民共和国道路运输条例》第二十一条', '申请从事货运经营的，应当具备下列条件：（一）有与其经营业务相适应并经检测合格的车辆；（二）有符合本条例第二十二条规定条件的驾驶人员；（三）有健全的安全生产管理制度。'),
      law('《中华人民共和国道路运输条例》第二十四条', '申请从事危险货物运输经营以外的货运经营的，向县级人民政府交通运输主管部门提出申请，并附送符合本条例第二十一条规定条件的相关材料。依照前款规定收到申请的交通运输主管部门，应当自受理申请之日起20日内审查完毕，作出许可或者不予许可的决定。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需按照本条规定申请取得道路运输经营许可证及车辆营运证。'),
      law('《道路货物运输及站场管理规定》', '道路运输管理机构对符合法定条件的道路货物运输经营申请作出准予行政许可决定的，应当出具《道路货物运输经营行政许可决定书》，并在10日内向被许可人颁发《道路运输经营许可证》。'),
    ],
    legalTimeLimit: wd(20),
    promisedTimeLimit: wd(local.promised),
    caseKind: 'promised',
    process: [
      { name: '申请', description: '通过“云澜办”App或政务服务中心交通运输窗口提交申请。' },
      { name: '受理', description: '对申请材料进行审查，符合要求的予以受理。', timeLimit: wd(1) },
      { name: '审查', description: '核查车辆检测、驾驶员从业资格和安全生产管理制度。', timeLimit: wd(Math.max(1, local.promised - 2)) },
      { name: '决定发证', description: '作出许可决定，核发道路运输经营许可证，并为车辆配发道路运输证（电子证照）。' },
    ],
    places: [hallPlace(at, '交通运输服务窗口'), officePlace(at, '道路运输管理科')],
    ...contacts(at),
    fees: FREE,
    visits: 0,
    onlineDepth: 4,
    tongbanScope: 'province',
    courier: true,
    jointUnits: [],
    intermediaryServices: '车辆综合性能检测由具备资质的机动车检验检测机构出具（车辆年审需要）。',
    result: { name: '道路运输经营许可证', type: 'license', licenseTypeCode: L.roadTransportLicence.code },
    faq: [
      { question: '开4.5吨以下的小货车跑运输需要办证吗？', answer: '使用总质量4500千克及以下普通货运车辆从事普通货运经营的，不需要办理道路运输经营许可证和车辆营运证。' },
      { question: '个人能办道路运输经营许可证吗？', answer: '可以。个体运输户先办理个体工商户营业执照，再申请许可。' },
      { question: '道路运输证每年要年审吗？', answer: '车辆按规定进行综合性能检测和年度审验，电子道路运输证通过系统自动核验，无需到窗口办理。' },
    ],
    materials: [
      mat({ key: 'application', name: '道路货物运输经营申请表', form: 'electronic', acceptanceStandard: '填写经营范围、车辆数量和类型，申请人签章。' }),
      businessLicence(),
      idCard('principal_id', '负责人'),
      mat({ key: 'vehicle_licence', name: '机动车行驶证及车辆技术等级评定结论', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关交通管理部门', substitutes: [L.vehicleLicence], acceptanceStandard: '车辆所有人为申请人，检验有效期内，技术等级符合要求。' }),
      mat({ key: 'driver_qualification', name: '驾驶人员机动车驾驶证和从业资格证', form: 'original_or_electronic', sourceChannel: 'government', issuedBy: '公安机关交通管理部门、交通运输主管部门', substitutes: [L.driverQualification], acceptanceStandard: '驾驶证准驾车型与车辆相符，从业资格证在有效期内。' }),
      mat({ key: 'safety_rules', name: '安全生产管理制度文本', form: 'original_or_electronic', acceptanceStandard: '包括安全生产责任制度、操作规程、监督检查制度、驾驶员和车辆安全管理制度。' }),
      mat({ key: 'vehicle_commitment', name: '拟投入车辆承诺书', necessity: 'conditional', condition: '申请时尚未购置车辆的', form: 'original', acceptanceStandard: '写明拟购置车辆的数量、类型和技术要求，承诺在许可后规定期限内投入运营。' }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The implementation lists (实施清单): who implements what, with local differences
// ---------------------------------------------------------------------------------------------

const station = (key: string, name: string, street: string): { name: string; address: string } => {
  const d = dept(key);
  // 派出所 sit in the district, not at the branch bureau's address: replace the street part.
  return { name, address: `${d.address.replace(/[^区]+$/, '')}${street}` };
};

const POLICE: Record<'mh' | 'yt' | 'jk' | 'sq', PoliceWindow> = {
  mh: { at: 'mh_ga', window: '公安综合窗口（C区1-6号）', station: station('mh_ga', '湖滨派出所', '湖滨路66号'), onlineDepth: 4 },
  yt: { at: 'yt_ga', window: '公安综合窗口（2楼B区）', station: station('yt_ga', '望江派出所', '望江路208号'), onlineDepth: 4 },
  jk: { at: 'jk_ga', window: '户籍出入境窗口（1楼12-16号）', station: station('jk_ga', '新华路派出所', '新华路31号'), onlineDepth: 3 },
  sq: { at: 'sq_ga', window: '公安综合窗口（1楼8-10号）', station: station('sq_ga', '花溪派出所', '花溪巷9号'), onlineDepth: 3 },
};

/** A township service point that accepts applications in 石桥区 (rural district). */
const sqTownship = (what: string): Place => ({
  name: `石桥区花溪镇便民服务中心（${what}代收代办）`,
  address: '云澜省青川市石桥区花溪镇农科路18号',
  hours: '周一至周五 8:30-12:00，14:00-17:30（法定节假日除外）',
  phone: dept('sq_zwfw').phone,
});

function items(): FileItem[] {
  const lzHospital: Place = { name: '澜州市明湖区妇幼保健院出生医学证明办理窗口', address: '云澜省澜州市明湖区湖滨路120号', hours: '周一至周日 8:00-12:00，14:00-17:30', phone: dept('mh_wj').phone };
  const jkHospital: Place = { name: '青川市第一人民医院产科出生医学证明办理处', address: '云澜省青川市江口区沿江北路56号', hours: '周一至周五 8:00-12:00，14:30-17:30；周末 9:00-11:30', phone: dept('jk_wj').phone };
  const ytCommunity: Place = { name: '云台区凤鸣社区卫生服务中心', address: '云澜省澜州市云台区凤鸣路88号', hours: '周一至周日 8:00-17:30（节假日值班）', phone: dept('yt_wj').phone };

  return [
    // ---- 企业设立登记 (4 districts) ----
    enterpriseSetup({ at: 'mh_scjg', window: '', promised: 0, instant: true, hours: HOURS_SAT, localNote: '本区对全程电子化申请实行“即报即办”，材料齐全、符合法定形式的当场登记发照。', localFaq: [{ question: '明湖区可以周六办营业执照吗？', answer: '可以。明湖区政务服务中心企业开办专区周六上午提供延时服务，网上申请全天候受理。' }] }),
    enterpriseSetup({ at: 'yt_scjg', window: '（2楼A区）', promised: 1, localFaq: [{ question: '在云台区工业园注册公司，住所怎么填？', answer: '云台区工业园实行“集群注册”，入驻园区孵化器的企业可以使用园区提供的集中办公区地址作为住所，由园区出具住所托管证明。' }] }),
    enterpriseSetup({ at: 'jk_scjg', window: '（1楼1-5号）', promised: 1 }),
    enterpriseSetup({ at: 'sq_scjg', window: '（1楼市场监管窗口）', promised: 2, extraPlace: sqTownship('企业登记'), localNote: '花溪镇、古桥镇便民服务中心可代收申请材料，由区市场监督管理局审核发照并邮寄送达。' }),
    enterpriseChange({ at: 'mh_scjg', window: '', promised: 0, instant: true }),
    enterpriseChange({ at: 'jk_scjg', window: '', promised: 1 }),
    enterpriseDeregistration({ at: 'yt_scjg', window: '', promised: 1 }),
    individualSetup({ at: 'mh_scjg', window: '', promised: 0, instant: true }),
    individualSetup({
      at: 'sq_scjg',
      window: '',
      promised: 0,
      instant: true,
      extraPlace: sqTownship('个体工商户登记'),
      localNote: '石桥区农村居民在村内从事小卖部、农家乐等经营的，可在镇便民服务中心申请，当场领取营业执照。',
      localFaq: [{ question: '在村里开个农家乐，要办什么？', answer: '先办理个体工商户设立登记（可在镇便民服务中心当场办理），提供餐饮的再申请食品经营许可；接待人数较多的还需要办理消防安全检查。' }],
    }),

    // ---- 食品经营许可 (新办 4 districts; 变更、延续、注销) ----
    foodLicenceNew({ at: 'mh_scjg', window: '', promised: 3, onlineDepth: 4, hours: HOURS_SAT }),
    foodLicenceNew({ at: 'yt_scjg', window: '', promised: 5, onlineDepth: 4 }),
    foodLicenceNew({
      at: 'jk_scjg',
      window: '',
      promised: 2,
      onlineDepth: 3,
      localNote: '江口区对渔港街、码头路美食街区的小餐饮实行“当场发证、事后核查”。',
      localFaq: [{ question: '在江口区美食街开小吃店，能当天拿证吗？', answer: '可以。渔港街、码头路美食街区的小餐饮选择告知承诺方式申请，材料齐全的当场发证，3个月内安排现场核查。' }],
    }),
    foodLicenceNew({ at: 'sq_scjg', window: '', promised: 4, onlineDepth: 3, extraPlace: sqTownship('食品经营许可') }),
    foodLicenceChange({ at: 'mh_scjg', window: '', promised: 2 }),
    foodLicenceRenewal({ at: 'jk_scjg', window: '', promised: 0, instant: true }),
    foodLicenceCancellation({ at: 'mh_scjg', window: '', promised: 0, instant: true }, { status: 'draft', changeNote: '新增注销事项，待科室负责人审核后提交' }),

    // ---- 药品零售经营许可 (2 cities) ----
    drugRetail('lz_scjg', { promised: 10, area: '澜州市城区营业场所使用面积不少于60平方米，其他区域不少于40平方米。' }),
    drugRetail('qc_scjg', { promised: 12, area: '青川市营业场所使用面积不少于50平方米，乡镇不少于30平方米。', localFaq: [{ question: '在石桥区的乡镇开药店有什么优惠？', answer: '为方便农村群众购药，青川市对乡镇药品零售企业的营业面积标准适当放宽至30平方米，并允许配备经考核合格的药品销售业务人员经营乙类非处方药。' }] }),

    // ---- 户口 (出生登记 4; 迁移 2; 死亡注销 1) ----
    birthRegistration(POLICE.mh),
    birthRegistration(POLICE.yt),
    birthRegistration({ ...POLICE.jk, localNote: '江口区在青川市第一人民医院设有“出生一件事”服务点，新生儿出院前可现场申报。' }),
    birthRegistration(POLICE.sq),
    hukouTransfer({
      ...POLICE.mh,
      promised: 5,
      cityPolicy: '澜州市实行“积分落户+稳定居住”政策：在本市有合法稳定住所（含购房）的，本人及配偶、未成年子女可以落户；租赁住房的，需持本市居住证满1年并连续缴纳社会保险满6个月。',
      localFaq: [{ question: '在澜州租房能落户吗？', answer: '可以。持本市居住证满1年、连续缴纳社会保险满6个月的，可以落户到租赁房屋所在社区的集体户。' }],
    }),
    hukouTransfer({
      ...POLICE.jk,
      promised: 3,
      cityPolicy: '青川市全面放开城镇落户限制：在城区有合法稳定住所（含租赁）或合法稳定就业的，本人及共同居住生活的配偶、子女、父母均可申请落户，不设社保年限要求。',
      localFaq: [{ question: '在青川租房能落户吗？', answer: '可以。租赁房屋已办理登记备案的，可以落户到房屋所在社区的集体户，不设居住年限和社保年限要求。' }],
    }),
    deathDeregistration(POLICE.yt),

    // ---- 居民身份证 ----
    idCardFirst({ ...POLICE.mh, onlineDepth: 3, promisedDays: 20 }),
    idCardRenewal({ ...POLICE.jk, promisedDays: 20 }),
    idCardRenewal({ ...POLICE.sq, promisedDays: 25 }),

    // ---- 居住证 (2) ----
    residencePermit({ ...POLICE.mh, promisedDays: 10, localBenefit: '澜州市居住证持有人的子女可以按积分申请在居住地接受义务教育，居住证年限是积分落户的主要依据。' }),
    residencePermit({ ...POLICE.jk, promisedDays: 7, localBenefit: '青川市居住证持有人的子女可以在居住地就近入学，居住证持有人可以申请青川市公共租赁住房。' }),

    // ---- 公章刻制备案 (2) ----
    sealFiling(POLICE.mh),
    sealFiling(POLICE.jk),

    // ---- 出租房屋登记备案 ----
    rentalRegistration(POLICE.sq),
    rentalRegistration(POLICE.yt, { status: 'draft', changeNote: '云台区试行“出租房屋登记”网上办理，指南草稿' }),

    // ---- 卫生健康 ----
    birthCertificate('mh_wj', { hospital: lzHospital, onlineDepth: 4 }),
    birthCertificate('jk_wj', { hospital: jkHospital, onlineDepth: 3, localFaq: [{ question: '在家里或者去医院路上生的孩子，怎么办出生证明？', answer: '由江口区卫生健康局指定的青川市第一人民医院核实后签发，需要提供接生证明或亲子鉴定证明，可先电话咨询区卫健局妇幼健康科。' }] }),
    deathCertificate('yt_wj', { hospital: ytCommunity }),

    // ---- 城乡居民医保参保 (4) ----
    residentMedicalInsurance({ at: 'mh_yb', window: '医保综合窗口（D区）', promised: 0, instant: true, contribution: '2026年度澜州市个人缴费标准为每人每年400元，财政补助每人每年不低于700元；明湖区对在校大学生另有区级补助。' }),
    residentMedicalInsurance({ at: 'yt_yb', window: '医保综合窗口', promised: 0, instant: true, contribution: '2026年度澜州市个人缴费标准为每人每年400元，财政补助每人每年不低于700元。' }),
    residentMedicalInsurance({ at: 'jk_yb', window: '医保窗口（1楼20-22号）', promised: 0, instant: true, contribution: '2026年度青川市个人缴费标准为每人每年380元，财政补助每人每年不低于700元。' }),
    residentMedicalInsurance({ at: 'sq_yb', window: '医保窗口', promised: 0, instant: true, contribution: '2026年度青川市个人缴费标准为每人每年380元；石桥区农村居民可在村便民服务站由代办员协助缴费。', extraPlace: sqTownship('医保参保') }),
    medicalInsuranceTransfer('lz_yb'),
    remoteMedicalFiling('lz_yb', { penalty: '澜州市参保人员跨省临时外出就医未办理备案的，直接结算时个人自付比例提高10个百分点。' }),
    remoteMedicalFiling('qc_yb', { penalty: '青川市参保人员跨省临时外出就医未办理备案的，直接结算时个人自付比例提高15个百分点。', localFaq: [{ question: '青川市医保在澜州市看病需要备案吗？', answer: '省内异地就医无需备案，持医保电子凭证或社会保障卡在全省定点医疗机构直接结算，报销比例与本市相同。' }] }),
    maternityAllowance({ at: 'mh_yb', window: '医保综合窗口（D区）', promised: 7, contributionMonths: 6 }),
    maternityAllowance({ at: 'jk_yb', window: '医保窗口（1楼20-22号）', promised: 10, contributionMonths: 9, localFaq: [{ question: '在青川市刚换工作，缴费不满9个月怎么办？', answer: '在本省内转移接续的，前后单位的连续缴费时间可以合并计算；确实不满9个月的，生育津贴由用人单位按产假前工资标准支付。' }] }),

    // ---- 社会保障卡 ----
    ssCardApply({ at: 'mh_rs', window: '社保卡即时制卡窗口（D区）', promised: 0, instant: true, onsite: true, hours: HOURS_SAT }),
    ssCardApply({ at: 'jk_rs', window: '人社综合窗口', promised: 10, onsite: false }),
    ssCardReplace({ at: 'yt_rs', window: '社保卡服务窗口', promised: 0, instant: true, onsite: true }),
    ssCardReplace({ at: 'sq_rs', window: '人社综合窗口', promised: 7, onsite: false, fee: { standard: '20元/张', basis: '《青川市发展和改革委员会关于社会保障卡补换卡工本费标准的批复》' }, extraPlace: sqTownship('社保卡补换卡') }),

    // ---- 失业保险金 (2 cities) ----
    unemploymentBenefit('lz_rs', { promised: 3, amount: '澜州市失业保险金按本市最低工资标准的90%按月发放。' }),
    unemploymentBenefit('qc_rs', { promised: 5, amount: '青川市失业保险金按本市最低工资标准的85%按月发放，累计缴费满10年以上的提高至90%。' }),

    // ---- 参保登记 ----
    employeeInsurance({ at: 'mh_rs', window: '社保综合窗口（D区）', promised: 0, instant: true }),
    employeeInsurance({ at: 'jk_rs', window: '人社综合窗口', promised: 0, instant: true }),
    flexibleInsurance({ at: 'yt_rs', window: '社保综合窗口', promised: 0, instant: true, baseRange: '2026年度本省灵活就业人员缴费基数下限为每月4620元，上限为每月23100元。' }),

    // ---- 退休 (2 cities) ----
    retirement('lz_rs', { promised: 5 }),
    retirement('qc_rs', { promised: 10, localFaq: [{ question: '在青川市办退休需要本人去窗口吗？', answer: '不需要。由单位在网上申报，本人在“云澜办”App确认待遇核定结果即可；灵活就业人员本人在App申请。' }] }),

    // ---- 就业创业证、技能认定 ----
    employmentCertificate({ at: 'mh_rs', window: '就业服务窗口（D区）', promised: 0, instant: true }),
    employmentCertificate({ at: 'sq_rs', window: '就业服务窗口', promised: 0, instant: true, extraPlace: sqTownship('就业创业证') }),
    skillCertification('lz_rs'),

    // ---- 住房公积金 (2 cities each) ----
    fundPurchase({ at: 'lz_gjj', window: '住房公积金窗口（3楼）', instant: true, window1: '购买新建商品房的，自网签备案之日起2年内申请；购买二手房的，自不动产登记之日起2年内申请。', limit: '澜州市每套住房的提取总额不超过购房总价款，且每年提取不超过1次。' }),
    fundPurchase({ at: 'qc_gjj', window: '住房公积金窗口', instant: false, window1: '购买新建商品房或二手房的，自购房合同签订之日起1年内申请。', limit: '青川市购房提取后，账户须保留不少于3个月的缴存额（正在申请公积金贷款的除外）。' }),
    fundRent({ at: 'lz_gjj', window: '住房公积金窗口（3楼）', limit: '澜州市租房提取每人每月最高1500元，夫妻双方合计每月最高3000元。' }),
    fundRent({ at: 'qc_gjj', window: '住房公积金窗口', limit: '青川市租房提取每人每月最高1000元，夫妻双方合计每月最高2000元；新就业大学生首年提高至每月1200元。' }),
    fundRetire({ at: 'lz_gjj', window: '住房公积金窗口（3楼）' }),
    fundRetire({ at: 'qc_gjj', window: '住房公积金窗口' }),
    fundDeposit({ at: 'lz_gjj', window: '住房公积金窗口（3楼）', ratio: '澜州市单位和职工缴存比例各为5%至12%，由单位在此范围内自主确定；生产经营困难的单位可申请降低比例或缓缴。' }),
    fundDeposit({ at: 'qc_gjj', window: '住房公积金窗口', ratio: '青川市单位和职工缴存比例各为5%至12%；月缴存基数不低于本市最低工资标准，不高于上年度职工月平均工资的3倍。' }),

    // ---- 住房城乡建设 (2 cities each) ----
    presaleLicence('lz_zj', { promised: 5, progress: '澜州市预售形象进度要求：多层建筑主体结构封顶，高层建筑完成主体结构的二分之一。' }),
    presaleLicence('qc_zj', { promised: 7, progress: '青川市预售形象进度要求：多层建筑主体结构完成三分之二，高层建筑完成主体结构的三分之一。' }),
    fireAcceptance('lz_zj', { promised: 8 }),
    fireAcceptance('qc_zj', { promised: 10, localFaq: [{ question: '青川市小型餐饮、商铺装修需要消防验收吗？', answer: '建筑面积较小、不属于特殊建设工程的装修工程，竣工验收后报住建局备案即可，住建局按比例随机抽查。' }] }),
    publicRental('lz_zj', { promised: 20, thresholds: '澜州市标准：家庭人均月收入低于3500元，人均住房建筑面积低于15平方米；外来务工人员连续缴纳社会保险满1年。' }),
    publicRental('qc_zj', { promised: 15, thresholds: '青川市标准：家庭人均月收入低于2800元，人均住房建筑面积低于15平方米；外来务工人员连续缴纳社会保险满6个月。' }),

    // ---- 消防安全检查 (2 cities) ----
    fireInspection('lz_xf', { promised: 5 }),
    fireInspection('qc_xf', { promised: 7 }),

    // ---- 民政 ----
    oldAgeAllowance({ at: 'mh_mz', window: '民政综合窗口（E区）', promised: 0, instant: true, instantApproval: true, onlineDepth: 4, amounts: '70至79周岁每人每月200元，80至89周岁每人每月300元，90至99周岁每人每月500元，100周岁及以上每人每月1000元（省定标准）。' }),
    oldAgeAllowance({ at: 'yt_mz', window: '民政综合窗口', promised: 0, instant: true, instantApproval: true, onlineDepth: 4, amounts: '70至79周岁每人每月200元，80至89周岁每人每月300元，90至99周岁每人每月600元，100周岁及以上每人每月1200元（90周岁以上在省定标准基础上由区财政增发）。' }),
    oldAgeAllowance({ at: 'jk_mz', window: '民政窗口（2楼）', promised: 5, instantApproval: false, onlineDepth: 3, amounts: '70至79周岁每人每月200元，80至89周岁每人每月300元，90至99周岁每人每月500元，100周岁及以上每人每月1500元（百岁老人由区财政提高标准）。' }),
    oldAgeAllowance({ at: 'sq_mz', window: '民政窗口', promised: 5, instantApproval: false, onlineDepth: 3, extraPlace: sqTownship('高龄津贴'), amounts: '70至79周岁每人每月200元，80至89周岁每人每月350元，90至99周岁每人每月500元，100周岁及以上每人每月1000元（80至89周岁由区财政增发50元）。' }),
    lowIncomeAssistance({ at: 'mh_mz', window: '社会救助窗口（E区）', promised: 20, standard: '澜州市城乡统一低保标准为每人每月960元。' }),
    lowIncomeAssistance({ at: 'sq_mz', window: '社会救助窗口', promised: 25, extraPlace: sqTownship('低保申请'), standard: '青川市城市低保标准为每人每月860元，农村低保标准为每人每月720元。' }),
    marriageRegistration({ at: 'mh_mz', window: '', promised: 0, instant: true, hallName: '明湖区婚姻登记处（明湖区民政局一楼）', localFaqText: '明湖区婚姻登记处在5月20日、七夕等日期延长办公至19:00，请提前7天在App预约；也可以选择在湖滨公园户外颁证点办理。' }),
    marriageRegistration({ at: 'jk_mz', window: '', promised: 0, instant: true, hallName: '江口区婚姻登记处（江口区民政局一楼）', hours: '周一至周六 9:00-12:00，13:30-17:00（法定节假日除外）', localFaqText: '江口区婚姻登记处周六上午正常办理结婚登记，特殊日期需提前预约，预约名额每日在App公布。' }),
    disabilityAllowance({ at: 'yt_mz', window: '民政综合窗口', promised: 10, onlineDepth: 4, amounts: '困难残疾人生活补贴每人每月100元；重度残疾人护理补贴一级每人每月120元，二级每人每月80元，三、四级智力和精神残疾人每人每月60元。' }),
    disabilityAllowance({ at: 'jk_mz', window: '民政窗口（2楼）', promised: 15, onlineDepth: 3, amounts: '困难残疾人生活补贴每人每月90元；重度残疾人护理补贴一级每人每月100元，二级每人每月80元，三、四级智力和精神残疾人每人每月50元。' }),

    // ---- 税务 ----
    taxRegistration({ at: 'mh_sw', window: '企业开办专区税务窗口', promised: 0, instant: true }),
    taxRegistration({ at: 'jk_sw', window: '税务窗口（1楼30-35号）', promised: 0, instant: true }),
    invoiceIssue({ at: 'yt_sw', window: '税务窗口', promised: 0, instant: true }),
    invoiceIssue({ at: 'sq_sw', window: '税务窗口', promised: 1 }),
    newTaxpayerPackage({ at: 'mh_sw', window: '企业开办专区税务窗口', promised: 0, instant: true }),
    newTaxpayerPackage({ at: 'jk_sw', window: '税务窗口（1楼30-35号）', promised: 0, instant: true }),

    // ---- 不动产、道路运输 (2 cities each) ----
    realEstateTransfer('lz_zrzy', { promised: 1, centre: '澜州市不动产登记中心“一窗受理”大厅' }),
    realEstateTransfer('qc_zrzy', { promised: 3, centre: '青川市不动产登记中心服务大厅' }),
    roadFreight('lz_jt', { promised: 5 }),
    roadFreight('qc_jt', { promised: 7 }),
  ];
}

/** The demo catalogue as an import file: deterministic, departments by USCC. */
export function buildDemoCatalog(): CatalogFile {
  return { format: CATALOG_FORMAT, basicItems: basicItems(), items: items().map(withApplicationForm) };
}

/** The online form and review workflow of the item's basic item, when application-forms.ts has one. */
function withApplicationForm(i: FileItem): FileItem {
  const handle = (Object.keys(DEMO_APPLICATION_FORMS) as (keyof typeof DEMO_APPLICATION_FORMS)[]).find((h) => B[h] === i.basicCode);
  if (!handle) return i;
  const a: { form: Guide['form']; workflow?: Guide['workflow'] } = DEMO_APPLICATION_FORMS[handle];
  return { ...i, guide: { ...i.guide, form: a.form, ...(a.workflow ? { workflow: a.workflow } : {}) } };
}
