/**
 * The demo province's licence type catalogue (电子证照目录): one type for every licence the demo service catalogue
 * names (an item's result, or a material's substitute; DEMO_LICENCE_TYPES in catalog-data.ts), with its fields and
 * their classification levels, validity rule, defining department and issuing departments.
 *
 * Departments are named by demo key; issuers are every demo department of the given kinds (at the given levels).
 * The national authority behind each type is named for display only. Field lists follow the printed licences
 * (GB/T 36903 metadata plus each licence's own items) in simplified form; levels: L1 public, L2 low, L3 sensitive
 * (the holder chooses whether to show them), L4 kept by the issuer and never put into the credential.
 *
 * Deterministic: plain data.
 */
import type { LicenceField, ValidityRule } from '../modules/licenses/licenses.schemas.js';
import { DEMO_LICENCE_TYPES as L } from './catalog-data.js';

export interface DemoLicenceType {
  code: string;
  name: string;
  nameEn: string;
  holderKind: 'person' | 'enterprise';
  definingDepartmentKey: string;
  definingAuthority: string;
  description: string;
  /** Department kinds whose departments issue the type, optionally only at some levels. */
  issuerKinds: string[];
  issuerLevels?: Array<'province' | 'city' | 'district'>;
  fields: LicenceField[];
  validity: ValidityRule;
}

/** English field names for pages in English, by field key (a type's own `en` wins). */
const FIELD_EN: Record<string, string> = {
  address: 'Address', area: 'Area (m²)', bank: 'Account bank', birthDate: 'Date of birth', birthPlace: 'Place of birth', brandModel: 'Make and model',
  buildings: 'Buildings for presale', businessItems: 'Business items', businessMode: 'Mode of business', businessScope: 'Business scope',
  businessTerm: 'Business term', cardNumber: 'Card number', certificateNumber: 'Certificate number', complaintPhone: 'Complaints hotline',
  dailySupervisor: 'Supervising authority', disabilityCategory: 'Disability category', disabilityLevel: 'Disability level',
  employmentStatus: 'Employment status', enterpriseType: 'Enterprise type', escrowAccount: 'Presale escrow account', establishedOn: 'Established on',
  ethnicity: 'Ethnicity', evaluatedBy: 'Evaluated by', fatherIdNumber: "Father's ID number", fatherName: "Father's name", fireManager: 'Fire safety officer',
  guardianName: 'Guardian', householdHead: 'Head of household', householdType: 'Household type', hukouAddress: 'Household registration address',
  institution: 'Delivering institution', issuingArea: 'Issued in', issuingCity: 'Issuing city', landUseTerm: 'Land use term',
  legalRepresentative: 'Legal representative', location: 'Location', mainBusiness: 'Main business', motherIdNumber: "Mother's ID number",
  motherName: "Mother's name", occupation: 'Occupation', ownership: 'Co-ownership', plateNumber: 'Plate number', policies: 'Policies enjoyed',
  practiceCategory: 'Practice category', practiceScope: 'Practice scope', practiceUnit: 'Practice unit', premises: 'Premises',
  presaleArea: 'Presale area (m²)', projectName: 'Project', qualificationCategory: 'Qualification category', qualityManager: 'Quality manager',
  registeredArea: 'Registered in', registeredCapital: 'Registered capital', registeredOn: 'Registered on', registrationOffice: 'Registration office',
  relation: 'Relation to head of household', residenceAddress: 'Residence address', rightType: 'Type of right', sex: 'Sex', skillLevel: 'Skill level',
  spouseIdNumber: "Spouse's ID number", spouseName: "Spouse's name", unitNumber: 'Real estate unit number', use: 'Use', vehicleType: 'Vehicle type',
  venueAddress: 'Venue address', venueArea: 'Floor area (m²)', venueName: 'Venue', venueUse: 'Use of the venue', vin: 'Vehicle identification number (VIN)',
  weightGrams: 'Birth weight (g)',
};

const f = (key: string, name: string, level: LicenceField['level'], o: Partial<Pick<LicenceField, 'type' | 'required' | 'maxLength'>> & { en?: string } = {}): LicenceField => {
  const nameEn = o.en ?? FIELD_EN[key];
  return { key, name, ...(nameEn ? { nameEn } : {}), type: o.type ?? 'string', required: o.required ?? true, level, ...(o.maxLength ? { maxLength: o.maxLength } : {}) };
};

export const DEMO_LICENCE_TYPE_DEFS: DemoLicenceType[] = [
  {
    code: L.idCard.code, name: '居民身份证', nameEn: 'Resident identity card', holderKind: 'person', definingDepartmentKey: 'yl_ga', definingAuthority: '公安部',
    description: '电子居民身份证（证照信息），不替代实体证件的法定用途。', issuerKinds: ['public_security'], issuerLevels: ['city', 'district'],
    fields: [f('sex', '性别', 'L3'), f('ethnicity', '民族', 'L3'), f('birthDate', '出生日期', 'L3', { type: 'date' }), f('address', '住址', 'L3', { maxLength: 120 })],
    validity: { mode: 'specified', maxYears: 20 },
  },
  {
    code: L.hukouBook.code, name: '居民户口簿', nameEn: 'Household register', holderKind: 'person', definingDepartmentKey: 'yl_ga', definingAuthority: '公安部',
    description: '户主页及本人常住人口登记卡信息。', issuerKinds: ['public_security'], issuerLevels: ['city', 'district'],
    fields: [f('householdHead', '户主姓名', 'L3'), f('relation', '与户主关系', 'L3'), f('householdType', '户别', 'L2'), f('address', '住址', 'L3', { maxLength: 120 })],
    validity: { mode: 'permanent' },
  },
  {
    code: L.residencePermit.code, name: '居住证', nameEn: 'Residence permit', holderKind: 'person', definingDepartmentKey: 'yl_ga', definingAuthority: '公安部',
    description: '居住地公安机关签发，每年签注。', issuerKinds: ['public_security'], issuerLevels: ['city', 'district'],
    fields: [f('residenceAddress', '居住地址', 'L3', { maxLength: 120 }), f('hukouAddress', '户籍地址', 'L3', { maxLength: 120 }), f('issuingArea', '签发地', 'L1')],
    validity: { mode: 'years', years: 1 },
  },
  {
    code: L.vehicleLicence.code, name: '机动车行驶证', nameEn: 'Vehicle licence', holderKind: 'person', definingDepartmentKey: 'yl_ga', definingAuthority: '公安部交通管理局',
    description: '车辆登记信息；检验有效期见检验记录。', issuerKinds: ['public_security'], issuerLevels: ['city'],
    fields: [f('plateNumber', '号牌号码', 'L2'), f('vehicleType', '车辆类型', 'L1'), f('brandModel', '品牌型号', 'L1'), f('vin', '车辆识别代号', 'L3'), f('registeredOn', '注册日期', 'L2', { type: 'date' })],
    validity: { mode: 'permanent' },
  },
  {
    code: L.businessLicence.code, name: '营业执照', nameEn: 'Business licence', holderKind: 'enterprise', definingDepartmentKey: 'yl_scjg', definingAuthority: '国家市场监督管理总局',
    description: '电子营业执照，与纸质营业执照具有同等法律效力。', issuerKinds: ['market_regulation'],
    fields: [
      f('enterpriseType', '类型', 'L1'), f('legalRepresentative', '法定代表人（负责人、经营者）', 'L3'), f('registeredCapital', '注册资本', 'L2', { required: false }),
      f('establishedOn', '成立日期', 'L1', { type: 'date' }), f('businessTerm', '营业期限', 'L1'), f('address', '住所（经营场所）', 'L2', { maxLength: 120 }),
      f('businessScope', '经营范围', 'L1', { maxLength: 1000 }),
    ],
    validity: { mode: 'permanent' },
  },
  {
    code: L.foodBusinessLicence.code, name: '食品经营许可证', nameEn: 'Food business licence', holderKind: 'enterprise', definingDepartmentKey: 'yl_scjg', definingAuthority: '国家市场监督管理总局',
    description: '有效期5年；经营场所、经营项目变化须申请变更。', issuerKinds: ['market_regulation'], issuerLevels: ['district', 'city'],
    fields: [
      f('legalRepresentative', '法定代表人（负责人）', 'L3'), f('premises', '经营场所', 'L2', { maxLength: 120 }), f('mainBusiness', '主体业态', 'L1'),
      f('businessItems', '经营项目', 'L1', { maxLength: 500 }), f('dailySupervisor', '日常监督管理机构', 'L1'), f('complaintPhone', '投诉举报电话', 'L1'),
    ],
    validity: { mode: 'years', years: 5 },
  },
  {
    code: L.drugBusinessLicence.code, name: '药品经营许可证', nameEn: 'Drug business licence', holderKind: 'enterprise', definingDepartmentKey: 'yl_scjg', definingAuthority: '国家药品监督管理局',
    description: '零售企业由设区的市级药品监督管理部门核发，有效期5年。', issuerKinds: ['market_regulation'], issuerLevels: ['city'],
    fields: [
      f('legalRepresentative', '法定代表人', 'L3'), f('qualityManager', '质量负责人', 'L3'), f('premises', '注册地址', 'L2', { maxLength: 120 }),
      f('businessMode', '经营方式', 'L1'), f('businessScope', '经营范围', 'L1', { maxLength: 500 }),
    ],
    validity: { mode: 'years', years: 5 },
  },
  {
    code: L.pharmacistRegistration.code, name: '执业药师注册证', nameEn: 'Licensed pharmacist registration', holderKind: 'person', definingDepartmentKey: 'yl_scjg', definingAuthority: '国家药品监督管理局',
    description: '有效期5年。', issuerKinds: ['market_regulation'], issuerLevels: ['province'],
    fields: [f('practiceCategory', '执业类别', 'L1'), f('practiceScope', '执业范围', 'L1'), f('practiceUnit', '执业单位', 'L2', { maxLength: 100 })],
    validity: { mode: 'years', years: 5 },
  },
  {
    code: L.birthCertificate.code, name: '出生医学证明', nameEn: 'Medical certificate of birth', holderKind: 'person', definingDepartmentKey: 'yl_wj', definingAuthority: '国家卫生健康委员会',
    description: '新生儿的出生医学证明；父母的身份证件号码留存于签发机构，不写入电子证照。', issuerKinds: ['health'],
    fields: [
      f('sex', '性别', 'L3'), f('birthDate', '出生日期', 'L3', { type: 'date' }), f('birthPlace', '出生地点', 'L3'), f('weightGrams', '出生体重（克）', 'L3', { type: 'number' }),
      f('motherName', '母亲姓名', 'L3'), f('motherIdNumber', '母亲有效身份证件号码', 'L4'), f('fatherName', '父亲姓名', 'L3', { required: false }),
      f('fatherIdNumber', '父亲有效身份证件号码', 'L4', { required: false }), f('institution', '接生机构', 'L2'),
    ],
    validity: { mode: 'permanent' },
  },
  {
    code: L.marriageCertificate.code, name: '结婚证', nameEn: 'Marriage certificate', holderKind: 'person', definingDepartmentKey: 'yl_mz', definingAuthority: '民政部',
    description: '婚姻登记机关颁发，男女双方各持一本。', issuerKinds: ['civil_affairs'], issuerLevels: ['city', 'district'],
    fields: [f('spouseName', '配偶姓名', 'L3'), f('spouseIdNumber', '配偶身份证件号码', 'L4'), f('registeredOn', '登记日期', 'L2', { type: 'date' }), f('registrationOffice', '婚姻登记机关', 'L1')],
    validity: { mode: 'permanent' },
  },
  {
    code: L.disabilityCertificate.code, name: '中华人民共和国残疾人证', nameEn: 'Disability certificate', holderKind: 'person', definingDepartmentKey: 'yl_mz', definingAuthority: '中国残疾人联合会',
    description: '示范省由民政部门代为核发（示例）；残疾类别和等级由持证人决定是否出示。', issuerKinds: ['civil_affairs'], issuerLevels: ['district'],
    fields: [f('disabilityCategory', '残疾类别', 'L3'), f('disabilityLevel', '残疾等级', 'L3'), f('guardianName', '监护人', 'L3', { required: false })],
    validity: { mode: 'years', years: 10 },
  },
  {
    code: L.socialSecurityCard.code, name: '社会保障卡', nameEn: 'Social security card', holderKind: 'person', definingDepartmentKey: 'yl_rs', definingAuthority: '人力资源和社会保障部',
    description: '电子社保卡（证照信息）。', issuerKinds: ['hrss'], issuerLevels: ['city'],
    fields: [f('cardNumber', '社会保障卡卡号', 'L3'), f('bank', '金融账户开户银行', 'L2'), f('issuingCity', '发卡地', 'L1')],
    validity: { mode: 'years', years: 10 },
  },
  {
    code: L.employmentCertificate.code, name: '就业创业证', nameEn: 'Employment and entrepreneurship certificate', holderKind: 'person', definingDepartmentKey: 'yl_rs', definingAuthority: '人力资源和社会保障部',
    description: '记载就业失业登记和享受就业创业政策情况。', issuerKinds: ['hrss'],
    fields: [f('employmentStatus', '就业失业状态', 'L2'), f('registeredArea', '登记地', 'L1'), f('policies', '享受政策', 'L2', { required: false, maxLength: 300 })],
    validity: { mode: 'permanent' },
  },
  {
    code: L.skillCertificate.code, name: '职业技能等级证书', nameEn: 'Vocational skill level certificate', holderKind: 'person', definingDepartmentKey: 'yl_rs', definingAuthority: '人力资源和社会保障部',
    description: '职业技能等级认定结果。', issuerKinds: ['hrss'], issuerLevels: ['province', 'city'],
    fields: [f('occupation', '职业（工种）', 'L1'), f('skillLevel', '等级', 'L1'), f('evaluatedBy', '评价机构', 'L1'), f('certificateNumber', '证书编号', 'L2')],
    validity: { mode: 'permanent' },
  },
  {
    code: L.realEstateCertificate.code, name: '不动产权证书', nameEn: 'Real estate title certificate', holderKind: 'person', definingDepartmentKey: 'yl_zj', definingAuthority: '自然资源部',
    description: '示范省无省级自然资源部门，由住房和城乡建设厅代为定义（示例）。', issuerKinds: ['natural_resources'],
    fields: [
      f('location', '坐落', 'L3', { maxLength: 120 }), f('unitNumber', '不动产单元号', 'L3'), f('rightType', '权利类型', 'L1'), f('use', '用途', 'L1'),
      f('area', '面积（平方米）', 'L2', { type: 'number' }), f('ownership', '共有情况', 'L2'), f('landUseTerm', '使用期限', 'L1'),
    ],
    validity: { mode: 'permanent' },
  },
  {
    code: L.presaleLicence.code, name: '商品房预售许可证', nameEn: 'Commodity housing pre-sale permit', holderKind: 'enterprise', definingDepartmentKey: 'yl_zj', definingAuthority: '住房和城乡建设部',
    description: '预售项目、楼栋和面积以许可证记载为准。', issuerKinds: ['housing_construction'], issuerLevels: ['city'],
    fields: [f('projectName', '项目名称', 'L1'), f('location', '坐落', 'L1', { maxLength: 120 }), f('buildings', '预售楼栋', 'L1'), f('presaleArea', '预售面积（平方米）', 'L1', { type: 'number' }), f('escrowAccount', '预售资金监管账户', 'L2')],
    validity: { mode: 'specified', maxYears: 5 },
  },
  {
    code: L.fireInspectionCertificate.code, name: '公众聚集场所投入使用、营业前消防安全检查合格证', nameEn: 'Fire safety inspection certificate for public gathering places', holderKind: 'enterprise',
    definingDepartmentKey: 'yl_xf', definingAuthority: '应急管理部消防救援局', description: '场所名称、地址、面积和用途以检查合格证记载为准。', issuerKinds: ['fire_rescue'], issuerLevels: ['city'],
    fields: [f('venueName', '场所名称', 'L1'), f('venueAddress', '场所地址', 'L1', { maxLength: 120 }), f('venueArea', '使用面积（平方米）', 'L1', { type: 'number' }), f('venueUse', '使用性质', 'L1'), f('fireManager', '消防安全责任人', 'L3')],
    validity: { mode: 'permanent' },
  },
  {
    code: L.roadTransportLicence.code, name: '道路运输经营许可证', nameEn: 'Road transport business licence', holderKind: 'enterprise', definingDepartmentKey: 'yl_zj', definingAuthority: '交通运输部',
    description: '示范省无省级交通运输部门，由住房和城乡建设厅代为定义（示例）；有效期4年。', issuerKinds: ['transport'],
    fields: [f('legalRepresentative', '负责人', 'L3'), f('address', '地址', 'L2', { maxLength: 120 }), f('businessScope', '经营范围', 'L1', { maxLength: 300 })],
    validity: { mode: 'years', years: 4 },
  },
  {
    code: L.driverQualification.code, name: '道路运输从业人员从业资格证', nameEn: 'Road transport practitioner qualification', holderKind: 'person', definingDepartmentKey: 'yl_zj', definingAuthority: '交通运输部',
    description: '有效期6年。', issuerKinds: ['transport'],
    fields: [f('qualificationCategory', '从业资格类别', 'L1'), f('address', '住址', 'L3', { maxLength: 120 })],
    validity: { mode: 'years', years: 6 },
  },
];
