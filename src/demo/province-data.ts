/**
 * The demo province 云澜省 (Yunlan Province) as plain typed data: regions, departments, staff, the
 * population and enterprise registries, and enterprise agent grants. No database code: the seeder
 * (`npx tongban seed-demo`, or the first start of an empty database) turns this into rows.
 *
 * Everything is fictional. The province uses GB/T 2260 prefix 39, which is unassigned (see
 * DEMO_PROVINCE_PREFIX), so no demo region code, citizen ID or credit code can belong to a real place,
 * person or organisation. Codes are real-format and pass their check digits.
 *
 * Everything is deterministic: values that look random (ID sequence numbers, phones, house numbers,
 * organisation code bodies, staff names) come from a small PRNG seeded by a hash of a stable key (a
 * person's name and birth date, a department key, an enterprise name), so editing one entry does not
 * change the others, and every import yields the same data.
 */
import {
  DEMO_PROVINCE_PREFIX,
  USCC_ALPHABET,
  generateCitizenId,
  generateUscc,
} from '../platform/codes.js';
import { hash32, mulberry32 } from '../platform/prng.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type DemoRegionLevel = 'province' | 'city' | 'district';

export interface DemoRegion {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  level: DemoRegionLevel;
}

export interface DemoDepartment {
  /** Stable ascii key, `<region prefix>_<department>`, e.g. `lz_scjg` (澜州市市场监督管理局). */
  key: string;
  name: string;
  nameEn: string;
  shortName: string;
  uscc: string;
  regionCode: string;
  level: DemoRegionLevel;
  /** One of DEMO_DEPARTMENT_KINDS. */
  kind: string;
  phone: string;
  address: string;
}

export type DemoStaffRole = 'window_officer' | 'reviewer' | 'department_admin' | 'platform_admin' | 'auditor';

export interface DemoStaff {
  username: string;
  name: string;
  departmentKey: string;
  roles: Array<DemoStaffRole>;
  /** The staff member is also in demoPeople under this ID number. */
  idNumber: string;
}

export interface DemoPerson {
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  ethnicity: string;
  hukouAddress: string;
  residenceAddress: string;
  /** 11-digit mobile number; children carry a guardian's number. */
  phone: string;
  maritalStatus: string;
  /** Hukou district (GB/T 2260). */
  regionCode: string;
  /** The public security department (公安) of regionCode, the registry's source of truth. */
  sourceDepartmentKey: string;
  /** UTC ISO-8601. */
  updatedAt: string;
  /** Set only for the named citizen demo logins (zhangsan, lisi, wangwu, zhaoliu); staff logins are in demoStaff. */
  username?: string;
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  /** 有限责任公司（自然人投资或控股）, 个体工商户, 农民专业合作社, … */
  type: string;
  legalRepIdNumber: string;
  registeredAddress: string;
  /** e.g. '500万元人民币' (for 个体工商户 the 资金数额, for 合作社 the members' total contribution). */
  registeredCapital: string;
  /** YYYY-MM-DD */
  establishedOn: string;
  businessScope: string;
  /** Region of the registering market-regulation department. */
  regionCode: string;
  status: '存续' | '注销' | '吊销';
  /** The 市场监督管理局 of regionCode. */
  sourceDepartmentKey: string;
  /** UTC ISO-8601. */
  updatedAt: string;
}

export interface DemoAgentGrant {
  enterpriseUscc: string;
  agentIdNumber: string;
  scopes: string[];
  /** UTC ISO-8601; the end of the named day in Beijing time. */
  expiresAt: string;
}

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const DEMO_PASSWORD = 'Tongban@2026';

/** The data describes the province as of this day (YYYY-MM-DD, Beijing): no birth or founding is later. */
export const DEMO_REFERENCE_DATE = '2026-11-20';

export const DEMO_DEPARTMENT_KINDS = [
  'government_services_data',
  'market_regulation',
  'public_security',
  'hrss',
  'medical_insurance',
  'health',
  'tax',
  'housing_fund',
  'civil_affairs',
  'housing_construction',
  'fire_rescue',
  'natural_resources',
  'transport',
  'education',
  'ecology_environment',
] as const;

/** Scopes an enterprise can grant its agents (经办人) in the demo. */
export const DEMO_AGENT_SCOPES = ['profile.read', 'applications.read', 'applications.submit', 'licenses.use'] as const;

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-randomness
// ---------------------------------------------------------------------------------------------

/** A PRNG seeded from a stable key. */
const rngFor = (key: string): (() => number) => mulberry32(hash32(key));

type Rng = () => number;
const randInt = (rnd: Rng, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const choose = <T>(rnd: Rng, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const digits = (rnd: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randInt(rnd, 0, 9));
  return s;
};
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A UTC ISO-8601 timestamp during Beijing office hours on a day between `from` and `to` (YYYY-MM-DD). */
function officeTimestamp(rnd: Rng, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const day = Math.floor(rnd() * (Math.floor((end - start) / 86_400_000) + 1));
  // 09:00–17:59 Beijing = 01:00–09:59 UTC
  const t = start + day * 86_400_000 + randInt(rnd, 1, 9) * 3_600_000 + randInt(rnd, 0, 59) * 60_000 + randInt(rnd, 0, 59) * 1000;
  return new Date(t).toISOString();
}

/** End of a Beijing calendar day (23:59:59 +08:00) as a UTC ISO-8601 timestamp. */
function endOfBeijingDay(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59+08:00`)).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------------------------

const PROVINCE_NAME = '云澜省';
const PROVINCE_CODE = `${DEMO_PROVINCE_PREFIX}0000`;

type CityPrefix = 'lz' | 'qc';
type DistrictPrefix = 'mh' | 'yt' | 'jk' | 'sq';

interface CityInfo {
  prefix: CityPrefix;
  code: string;
  name: string;
  nameEn: string;
  /** English stem used in department names, e.g. 'Lanzhou'. */
  en: string;
  /** Made-up telephone area code. */
  areaCode: string;
  /** Where the city government's departments sit: [district prefix, street]. */
  civicCentre: [DistrictPrefix, string];
  districts: DistrictPrefix[];
}

interface DistrictInfo {
  prefix: DistrictPrefix;
  code: string;
  name: string;
  nameEn: string;
  en: string;
  city: CityPrefix;
  streets: string[];
  compounds: string[];
  /** Where the district government's departments sit. */
  civicStreet: string;
  /** Townships and villages, for rural addresses (only some districts have them). */
  villages: Array<[string, string]>;
}

const CITIES: Record<CityPrefix, CityInfo> = {
  lz: {
    prefix: 'lz',
    code: `${DEMO_PROVINCE_PREFIX}0100`,
    name: '澜州市',
    nameEn: 'Lanzhou City',
    en: 'Lanzhou',
    areaCode: '0590',
    civicCentre: ['yt', '市民中心路'],
    districts: ['mh', 'yt'],
  },
  qc: {
    prefix: 'qc',
    code: `${DEMO_PROVINCE_PREFIX}0200`,
    name: '青川市',
    nameEn: 'Qingchuan City',
    en: 'Qingchuan',
    areaCode: '0591',
    civicCentre: ['jk', '政通路'],
    districts: ['jk', 'sq'],
  },
};

const DISTRICTS: Record<DistrictPrefix, DistrictInfo> = {
  mh: {
    prefix: 'mh',
    code: `${DEMO_PROVINCE_PREFIX}0102`,
    name: '明湖区',
    nameEn: 'Minghu District',
    en: 'Minghu',
    city: 'lz',
    streets: ['湖滨路', '明湖大道', '柳岸街', '荷花巷', '学府路', '南屏路', '北山路'],
    compounds: ['翠湖苑', '明湖花园', '柳岸新村', '学府名邸', '南屏小区', '湖光里'],
    civicStreet: '明湖大道',
    villages: [],
  },
  yt: {
    prefix: 'yt',
    code: `${DEMO_PROVINCE_PREFIX}0105`,
    name: '云台区',
    nameEn: 'Yuntai District',
    en: 'Yuntai',
    city: 'lz',
    streets: ['云台大道', '望江路', '青石街', '凤鸣路', '工业园路', '松林巷', '市民中心路'],
    compounds: ['望江府', '凤鸣苑', '松林小区', '云台雅居', '青石公寓', '工业园职工宿舍'],
    civicStreet: '云台大道',
    villages: [],
  },
  jk: {
    prefix: 'jk',
    code: `${DEMO_PROVINCE_PREFIX}0202`,
    name: '江口区',
    nameEn: 'Jiangkou District',
    en: 'Jiangkou',
    city: 'qc',
    streets: ['江滨大道', '码头路', '渔港街', '新华路', '沿江北路', '政通路', '青川大道'],
    compounds: ['江景湾', '渔港新村', '新华小区', '沿江明珠', '港务局宿舍', '青川公馆'],
    civicStreet: '江滨大道',
    villages: [],
  },
  sq: {
    prefix: 'sq',
    code: `${DEMO_PROVINCE_PREFIX}0203`,
    name: '石桥区',
    nameEn: 'Shiqiao District',
    en: 'Shiqiao',
    city: 'qc',
    streets: ['石桥路', '古镇街', '桥东路', '建设路', '农科路', '花溪巷'],
    compounds: ['古镇人家', '桥东花园', '建设新村', '农科所宿舍', '花溪苑'],
    civicStreet: '石桥路',
    villages: [
      ['花溪镇', '汪家山村'],
      ['花溪镇', '柳树湾村'],
      ['古桥镇', '石门村'],
      ['古桥镇', '青龙村'],
    ],
  },
};

const DISTRICT_LIST: DistrictInfo[] = [DISTRICTS.mh, DISTRICTS.yt, DISTRICTS.jk, DISTRICTS.sq];

function districtByCode(code: string): DistrictInfo {
  const d = DISTRICT_LIST.find((x) => x.code === code);
  if (!d) throw new Error(`demo data: ${code} is not a demo district`);
  return d;
}

function districtPrefix(d: DistrictInfo): string {
  return `${PROVINCE_NAME}${CITIES[d.city].name}${d.name}`;
}

/** An urban flat: 云澜省澜州市明湖区湖滨路128号翠湖苑3栋2单元501室. */
function urbanAddress(rnd: Rng, d: DistrictInfo): string {
  const street = choose(rnd, d.streets);
  const no = randInt(rnd, 1, 399);
  const compound = choose(rnd, d.compounds);
  const building = randInt(rnd, 1, 18);
  const unit = randInt(rnd, 1, 4);
  const floor = randInt(rnd, 1, 28);
  const room = randInt(rnd, 1, 4);
  return `${districtPrefix(d)}${street}${no}号${compound}${building}栋${unit}单元${floor}${pad2(room)}室`;
}

/** A rural address: 云澜省青川市石桥区花溪镇汪家山村3组27号. */
function ruralAddress(rnd: Rng, d: DistrictInfo, village?: string): string {
  const pool = village ? d.villages.filter(([, v]) => v === village) : d.villages;
  if (pool.length === 0) throw new Error(`demo data: no village ${village ?? ''} in ${d.name}`);
  const [town, v] = choose(rnd, pool);
  return `${districtPrefix(d)}${town}${v}${randInt(rnd, 1, 9)}组${randInt(rnd, 1, 60)}号`;
}

/** A street-front business address: 云澜省澜州市明湖区柳岸街56号1层. */
function shopAddress(rnd: Rng, d: DistrictInfo): string {
  const street = choose(rnd, d.streets);
  const no = randInt(rnd, 1, 399);
  const tail = choose(rnd, ['1层', '1层101室', '2幢1层', '', '3幢201室', 'B座1208室']);
  return `${districtPrefix(d)}${street}${no}号${tail}`;
}

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

export const demoRegions: readonly DemoRegion[] = [
  { code: PROVINCE_CODE, name: PROVINCE_NAME, nameEn: 'Yunlan Province', parentCode: null, level: 'province' },
  { code: CITIES.lz.code, name: CITIES.lz.name, nameEn: CITIES.lz.nameEn, parentCode: PROVINCE_CODE, level: 'city' },
  { code: DISTRICTS.mh.code, name: DISTRICTS.mh.name, nameEn: DISTRICTS.mh.nameEn, parentCode: CITIES.lz.code, level: 'district' },
  { code: DISTRICTS.yt.code, name: DISTRICTS.yt.name, nameEn: DISTRICTS.yt.nameEn, parentCode: CITIES.lz.code, level: 'district' },
  { code: CITIES.qc.code, name: CITIES.qc.name, nameEn: CITIES.qc.nameEn, parentCode: PROVINCE_CODE, level: 'city' },
  { code: DISTRICTS.jk.code, name: DISTRICTS.jk.name, nameEn: DISTRICTS.jk.nameEn, parentCode: CITIES.qc.code, level: 'district' },
  { code: DISTRICTS.sq.code, name: DISTRICTS.sq.name, nameEn: DISTRICTS.sq.nameEn, parentCode: CITIES.qc.code, level: 'district' },
];

// ---------------------------------------------------------------------------------------------
// Departments
// ---------------------------------------------------------------------------------------------

interface DeptTemplate {
  suffix: string;
  kind: (typeof DEMO_DEPARTMENT_KINDS)[number];
  name: string;
  shortName: string;
  nameEn: string;
}

const PROVINCE_DEPTS: DeptTemplate[] = [
  { suffix: 'zwsj', kind: 'government_services_data', name: '云澜省政务服务和数据管理局', shortName: '省数据局', nameEn: 'Yunlan Provincial Government Services and Data Administration' },
  { suffix: 'scjg', kind: 'market_regulation', name: '云澜省市场监督管理局', shortName: '省市场监管局', nameEn: 'Yunlan Provincial Administration for Market Regulation' },
  { suffix: 'ga', kind: 'public_security', name: '云澜省公安厅', shortName: '省公安厅', nameEn: 'Yunlan Provincial Department of Public Security' },
  { suffix: 'rs', kind: 'hrss', name: '云澜省人力资源和社会保障厅', shortName: '省人社厅', nameEn: 'Yunlan Provincial Department of Human Resources and Social Security' },
  { suffix: 'yb', kind: 'medical_insurance', name: '云澜省医疗保障局', shortName: '省医保局', nameEn: 'Yunlan Provincial Healthcare Security Administration' },
  { suffix: 'wj', kind: 'health', name: '云澜省卫生健康委员会', shortName: '省卫健委', nameEn: 'Yunlan Provincial Health Commission' },
  { suffix: 'sw', kind: 'tax', name: '国家税务总局云澜省税务局', shortName: '省税务局', nameEn: 'Yunlan Provincial Tax Service, State Taxation Administration' },
  { suffix: 'mz', kind: 'civil_affairs', name: '云澜省民政厅', shortName: '省民政厅', nameEn: 'Yunlan Provincial Department of Civil Affairs' },
  { suffix: 'zj', kind: 'housing_construction', name: '云澜省住房和城乡建设厅', shortName: '省住建厅', nameEn: 'Yunlan Provincial Department of Housing and Urban-Rural Development' },
  { suffix: 'xf', kind: 'fire_rescue', name: '云澜省消防救援总队', shortName: '省消防救援总队', nameEn: 'Yunlan Provincial Fire and Rescue Corps' },
];

function cityDepts(c: CityInfo): DeptTemplate[] {
  const n = c.name; // 澜州市
  const s = n.slice(0, -1); // 澜州
  const en = c.en;
  return [
    { suffix: 'scjg', kind: 'market_regulation', name: `${n}市场监督管理局`, shortName: `${n}市场监管局`, nameEn: `${en} Municipal Administration for Market Regulation` },
    { suffix: 'ga', kind: 'public_security', name: `${n}公安局`, shortName: `${n}公安局`, nameEn: `${en} Municipal Public Security Bureau` },
    { suffix: 'rs', kind: 'hrss', name: `${n}人力资源和社会保障局`, shortName: `${n}人社局`, nameEn: `${en} Municipal Human Resources and Social Security Bureau` },
    { suffix: 'yb', kind: 'medical_insurance', name: `${n}医疗保障局`, shortName: `${n}医保局`, nameEn: `${en} Municipal Healthcare Security Administration` },
    { suffix: 'wj', kind: 'health', name: `${n}卫生健康委员会`, shortName: `${n}卫健委`, nameEn: `${en} Municipal Health Commission` },
    { suffix: 'sw', kind: 'tax', name: `国家税务总局${n}税务局`, shortName: `${n}税务局`, nameEn: `${en} Municipal Tax Service, State Taxation Administration` },
    { suffix: 'gjj', kind: 'housing_fund', name: `${n}住房公积金管理中心`, shortName: `${s}公积金中心`, nameEn: `${en} Housing Provident Fund Management Centre` },
    { suffix: 'mz', kind: 'civil_affairs', name: `${n}民政局`, shortName: `${n}民政局`, nameEn: `${en} Municipal Civil Affairs Bureau` },
    { suffix: 'zj', kind: 'housing_construction', name: `${n}住房和城乡建设局`, shortName: `${n}住建局`, nameEn: `${en} Municipal Housing and Urban-Rural Development Bureau` },
    { suffix: 'xf', kind: 'fire_rescue', name: `${n}消防救援支队`, shortName: `${s}消防支队`, nameEn: `${en} Fire and Rescue Detachment` },
    { suffix: 'zwsj', kind: 'government_services_data', name: `${n}政务服务和数据管理局`, shortName: `${n}数据局`, nameEn: `${en} Municipal Government Services and Data Administration` },
    { suffix: 'zrzy', kind: 'natural_resources', name: `${n}自然资源和规划局`, shortName: `${n}资规局`, nameEn: `${en} Municipal Natural Resources and Planning Bureau` },
    { suffix: 'jt', kind: 'transport', name: `${n}交通运输局`, shortName: `${n}交通局`, nameEn: `${en} Municipal Transport Bureau` },
  ];
}

function districtDepts(d: DistrictInfo): DeptTemplate[] {
  const c = CITIES[d.city];
  const full = `${c.name}${d.name}`; // 澜州市明湖区
  const dn = d.name; // 明湖区
  const ds = dn.slice(0, -1); // 明湖
  const en = `${c.en} ${d.en} District`;
  return [
    { suffix: 'scjg', kind: 'market_regulation', name: `${full}市场监督管理局`, shortName: `${dn}市场监管局`, nameEn: `${en} Administration for Market Regulation` },
    { suffix: 'ga', kind: 'public_security', name: `${c.name}公安局${ds}分局`, shortName: `${ds}公安分局`, nameEn: `${d.en} Branch, ${c.en} Municipal Public Security Bureau` },
    { suffix: 'rs', kind: 'hrss', name: `${full}人力资源和社会保障局`, shortName: `${dn}人社局`, nameEn: `${en} Human Resources and Social Security Bureau` },
    { suffix: 'yb', kind: 'medical_insurance', name: `${full}医疗保障局`, shortName: `${dn}医保局`, nameEn: `${en} Healthcare Security Administration` },
    { suffix: 'wj', kind: 'health', name: `${full}卫生健康局`, shortName: `${dn}卫健局`, nameEn: `${en} Health Bureau` },
    { suffix: 'sw', kind: 'tax', name: `国家税务总局${full}税务局`, shortName: `${dn}税务局`, nameEn: `${en} Tax Service, State Taxation Administration` },
    { suffix: 'mz', kind: 'civil_affairs', name: `${full}民政局`, shortName: `${dn}民政局`, nameEn: `${en} Civil Affairs Bureau` },
    { suffix: 'zwfw', kind: 'government_services_data', name: `${full}政务服务中心`, shortName: `${dn}政务服务中心`, nameEn: `${en} Government Services Centre` },
  ];
}

const usedUsccs = new Set<string>();

/** A USCC for a state organ (机关): authority 1, type 1, the department's region, a numeric org body. */
function organUscc(key: string, regionCode: string): string {
  const rnd = rngFor(`uscc:${key}`);
  for (;;) {
    // organ codes in circulation are mostly numeric, often starting with 0
    const body = `${choose(rnd, ['0', '0', '0', '1'])}${digits(rnd, 7)}`;
    const uscc = generateUscc('1', '1', regionCode, body);
    if (!usedUsccs.has(uscc)) {
      usedUsccs.add(uscc);
      return uscc;
    }
  }
}

function makeDepartment(
  t: DeptTemplate,
  regionPrefix: string,
  regionCode: string,
  level: DemoRegionLevel,
  areaCode: string,
  firstDigit: string,
  addressOf: (rnd: Rng) => string,
): DemoDepartment {
  const key = `${regionPrefix}_${t.suffix}`;
  const rnd = rngFor(`dept:${key}`);
  return {
    key,
    name: t.name,
    nameEn: t.nameEn,
    shortName: t.shortName,
    uscc: organUscc(key, regionCode),
    regionCode,
    level,
    kind: t.kind,
    phone: `${areaCode}-${firstDigit}${digits(rnd, 7)}`,
    address: addressOf(rnd),
  };
}

function buildDepartments(): DemoDepartment[] {
  const out: DemoDepartment[] = [];
  // Province departments sit in the capital's 明湖区 around 省府路.
  const capitalDistrict = DISTRICTS.mh;
  for (const t of PROVINCE_DEPTS) {
    out.push(
      makeDepartment(t, 'yl', PROVINCE_CODE, 'province', CITIES.lz.areaCode, '8', (rnd) =>
        `${districtPrefix(capitalDistrict)}省府路${randInt(rnd, 1, 120)}号`,
      ),
    );
  }
  for (const c of [CITIES.lz, CITIES.qc]) {
    const [dp, street] = c.civicCentre;
    for (const t of cityDepts(c)) {
      out.push(
        makeDepartment(t, c.prefix, c.code, 'city', c.areaCode, '6', (rnd) =>
          `${districtPrefix(DISTRICTS[dp])}${street}${randInt(rnd, 1, 300)}号`,
        ),
      );
    }
    for (const dpx of c.districts) {
      const d = DISTRICTS[dpx];
      for (const t of districtDepts(d)) {
        out.push(
          makeDepartment(t, d.prefix, d.code, 'district', c.areaCode, '5', (rnd) =>
            `${districtPrefix(d)}${d.civicStreet}${randInt(rnd, 1, 300)}号`,
          ),
        );
      }
    }
  }
  return out;
}

export const demoDepartments: readonly DemoDepartment[] = buildDepartments();

function department(key: string): DemoDepartment {
  const d = demoDepartments.find((x) => x.key === key);
  if (!d) throw new Error(`demo data: no department ${key}`);
  return d;
}

function departmentOf(regionCode: string, kind: string): DemoDepartment {
  const d = demoDepartments.find((x) => x.regionCode === regionCode && x.kind === kind);
  if (!d) throw new Error(`demo data: no ${kind} department in ${regionCode}`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159',
  '166', '173', '177', '180', '181', '182', '186', '187', '188', '189', '191', '199',
];

const usedIdNumbers = new Set<string>();

/** A unique citizen ID; the sequence number comes from the person's key, bumped on a collision. */
function allocateIdNumber(key: string, regionCode: string, birthDate: string, sex: 'M' | 'F'): string {
  const rnd = rngFor(`id:${key}`);
  let seq = randInt(rnd, 0, 999);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = generateCitizenId(regionCode, birthDate, seq, sex, { today: DEMO_REFERENCE_DATE });
    if (!usedIdNumbers.has(id)) {
      usedIdNumbers.add(id);
      return id;
    }
    seq = (seq + 2) % 1000;
  }
  throw new Error(`demo data: no free ID sequence for ${key}`);
}

function mobile(key: string): string {
  const rnd = rngFor(`phone:${key}`);
  return `${choose(rnd, MOBILE_PREFIXES)}${digits(rnd, 8)}`;
}

type Marital = '未婚' | '已婚' | '离婚' | '丧偶';

interface CitizenOptions {
  /** Ethnicity, default 汉族. */
  eth?: string;
  /** Members of a household share one address. */
  household?: string;
  /** Minors carry this person's phone number. */
  guardian?: string;
  username?: string;
  /** Lives in another district than the hukou one. */
  livesIn?: DistrictPrefix;
  /** Rural hukou address in this village of the district. */
  village?: string;
}

type CitizenRow = [name: string, sex: 'M' | 'F', birthDate: string, district: DistrictPrefix, marital: Marital, options?: CitizenOptions];

/**
 * The citizens. Families share a household; minors carry a guardian's phone. Ages run from newborns
 * (出生一件事) to 95, with several people over 70, 80 and 90 (高龄津贴 bands).
 */
const CITIZENS: CitizenRow[] = [
  // 澜州市明湖区
  ['张三', 'M', '1988-03-15', 'mh', '已婚', { household: 'zhang', username: 'zhangsan' }],
  ['刘梅', 'F', '1991-07-22', 'mh', '已婚', { household: 'zhang' }],
  ['张小满', 'F', '2026-10-08', 'mh', '未婚', { household: 'zhang', guardian: '张三' }],
  ['李四', 'M', '1979-11-02', 'mh', '已婚', { household: 'li', username: 'lisi' }],
  ['钱慧芳', 'F', '1981-04-19', 'mh', '已婚', { household: 'li' }],
  ['李梓涵', 'F', '2010-08-27', 'mh', '未婚', { household: 'li', guardian: '李四' }],
  ['陈秀英', 'F', '1936-02-14', 'mh', '丧偶'],
  ['周建国', 'M', '1944-10-01', 'mh', '已婚', { household: 'zhou' }],
  ['吴桂兰', 'F', '1946-04-06', 'mh', '已婚', { household: 'zhou' }],
  ['马德明', 'M', '1966-08-08', 'mh', '已婚', { eth: '回族', household: 'ma' }],
  ['马晓燕', 'F', '1995-03-03', 'mh', '未婚', { eth: '回族', household: 'ma' }],
  ['黄志强', 'M', '1982-01-25', 'mh', '已婚'],
  ['郭淑珍', 'F', '1931-05-20', 'mh', '丧偶'],
  ['宋佳琪', 'F', '2004-12-01', 'mh', '未婚'],
  ['韦丽萍', 'F', '1987-06-14', 'mh', '离婚', { eth: '壮族', household: 'wei' }],
  ['唐明轩', 'M', '2019-03-08', 'mh', '未婚', { household: 'wei', guardian: '韦丽萍' }],
  ['冯振华', 'M', '1958-07-07', 'mh', '已婚'],
  ['宁建平', 'M', '1972-05-30', 'mh', '已婚', { livesIn: 'yt' }],
  // 澜州市云台区
  ['赵六', 'M', '1985-09-30', 'yt', '已婚', { household: 'zhao', username: 'zhaoliu' }],
  ['孙丽娟', 'F', '1986-12-12', 'yt', '已婚', { household: 'zhao' }],
  ['赵一诺', 'M', '2015-02-11', 'yt', '未婚', { household: 'zhao', guardian: '赵六' }],
  ['何俊', 'M', '1994-04-04', 'yt', '已婚', { household: 'he' }],
  ['谢雨桐', 'F', '1996-10-10', 'yt', '已婚', { household: 'he' }],
  ['何宇航', 'M', '2026-11-05', 'yt', '未婚', { household: 'he', guardian: '谢雨桐' }],
  ['罗桂香', 'F', '1940-01-23', 'yt', '丧偶'],
  ['高国庆', 'M', '1959-10-01', 'yt', '已婚'],
  ['朱婷婷', 'F', '1990-05-26', 'yt', '已婚'],
  ['徐磊', 'M', '1977-03-30', 'yt', '离婚'],
  ['杨建军', 'M', '1951-08-01', 'yt', '已婚', { household: 'yang' }],
  ['杨秀兰', 'F', '1953-11-11', 'yt', '已婚', { household: 'yang' }],
  ['龙春梅', 'F', '1984-02-02', 'yt', '已婚', { eth: '苗族' }],
  ['蒋文博', 'M', '2001-07-15', 'yt', '未婚'],
  ['关玉凤', 'F', '1962-09-18', 'yt', '已婚', { eth: '满族' }],
  ['林婉清', 'F', '1998-09-09', 'yt', '未婚', { livesIn: 'mh' }],
  // 青川市江口区
  ['郑伟', 'M', '1980-05-05', 'jk', '已婚', { household: 'zheng' }],
  ['曹丽华', 'F', '1982-03-17', 'jk', '已婚', { household: 'zheng' }],
  ['郑浩然', 'M', '2012-06-30', 'jk', '未婚', { household: 'zheng', guardian: '郑伟' }],
  ['邓志明', 'M', '1972-12-20', 'jk', '已婚'],
  ['潘雪梅', 'F', '1975-01-09', 'jk', '已婚'],
  ['许建华', 'M', '1963-06-18', 'jk', '已婚'],
  ['彭永福', 'M', '1938-04-12', 'jk', '丧偶'],
  ['田茂林', 'M', '1970-10-16', 'jk', '已婚', { eth: '土家族' }],
  ['袁芳', 'F', '1992-08-08', 'jk', '已婚', { household: 'yuan' }],
  ['袁梓轩', 'M', '2026-09-16', 'jk', '未婚', { household: 'yuan', guardian: '袁芳' }],
  ['卢海涛', 'M', '1968-02-29', 'jk', '已婚'],
  ['蒙秀珍', 'F', '1979-07-04', 'jk', '已婚', { eth: '壮族' }],
  ['董晨', 'M', '2008-03-21', 'jk', '未婚'],
  ['沈佳怡', 'F', '2000-01-01', 'jk', '未婚'],
  ['余金花', 'F', '1933-12-25', 'jk', '丧偶'],
  ['蔡小琴', 'F', '1999-11-28', 'jk', '未婚'],
  // 青川市石桥区
  ['王五', 'M', '1993-05-18', 'sq', '未婚', { username: 'wangwu', livesIn: 'mh' }],
  ['汪大山', 'M', '1963-03-03', 'sq', '已婚', { household: 'wangjs', village: '汪家山村' }],
  ['汪永红', 'F', '1965-05-01', 'sq', '已婚', { household: 'wangjs', village: '汪家山村' }],
  ['贾春生', 'M', '1956-02-04', 'sq', '已婚', { village: '柳树湾村' }],
  ['吉克阿依', 'F', '1997-06-06', 'sq', '未婚', { eth: '彝族' }],
  ['金成浩', 'M', '1974-09-09', 'sq', '已婚', { eth: '朝鲜族' }],
  ['夏荷', 'F', '1989-07-07', 'sq', '已婚', { household: 'xia' }],
  ['程子墨', 'M', '2017-09-01', 'sq', '未婚', { household: 'xia', guardian: '夏荷' }],
  ['石磊', 'M', '1986-11-30', 'sq', '已婚'],
  ['熊桂英', 'F', '1943-08-15', 'sq', '丧偶', { village: '石门村' }],
  ['姚振宇', 'M', '1991-12-31', 'sq', '未婚'],
  ['谭晓红', 'F', '1983-04-26', 'sq', '离婚'],
  ['廖春华', 'M', '1947-03-12', 'sq', '已婚'],
  ['白雪', 'F', '2003-02-14', 'sq', '未婚', { eth: '蒙古族' }],
  ['方志远', 'M', '1978-10-24', 'sq', '已婚'],
  ['范丽', 'F', '1992-03-08', 'sq', '已婚'],
  ['胡建新', 'M', '1960-12-26', 'sq', '已婚'],
];

const PEOPLE_UPDATED_FROM = '2024-03-01';

function buildCitizens(): DemoPerson[] {
  const householdAddress = new Map<string, string>();
  const addressFor = (key: string, d: DistrictInfo, village?: string): string => {
    const existing = householdAddress.get(key);
    if (existing !== undefined) return existing;
    const rnd = rngFor(`addr:${key}`);
    const a = village ? ruralAddress(rnd, d, village) : urbanAddress(rnd, d);
    householdAddress.set(key, a);
    return a;
  };
  const people = CITIZENS.map(([name, sex, birthDate, dp, marital, o = {}]): DemoPerson => {
    const d = DISTRICTS[dp];
    const key = `${name}:${birthDate}`;
    const hukouAddress = addressFor(o.household ?? key, d, o.village);
    const residenceAddress = o.livesIn ? addressFor(`${key}#residence`, DISTRICTS[o.livesIn]) : hukouAddress;
    const person: DemoPerson = {
      idNumber: allocateIdNumber(key, d.code, birthDate, sex),
      name,
      sex,
      birthDate,
      ethnicity: o.eth ?? '汉族',
      hukouAddress,
      residenceAddress,
      phone: mobile(key),
      maritalStatus: marital,
      regionCode: d.code,
      sourceDepartmentKey: departmentOf(d.code, 'public_security').key,
      updatedAt: officeTimestamp(rngFor(`updated:${key}`), birthDate > PEOPLE_UPDATED_FROM ? birthDate : PEOPLE_UPDATED_FROM, DEMO_REFERENCE_DATE),
    };
    if (o.username) person.username = o.username;
    return person;
  });
  // minors carry their guardian's phone
  CITIZENS.forEach(([name, , , , , o], i) => {
    if (!o?.guardian) return;
    const g = people.find((p) => p.name === o.guardian);
    if (!g) throw new Error(`demo data: guardian ${o.guardian} of ${name} is missing`);
    people[i].phone = g.phone;
  });
  return people;
}

const citizens: DemoPerson[] = buildCitizens();

// ---------------------------------------------------------------------------------------------
// Staff (each staff member is also a person in the population registry)
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石',
  '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙', '史', '陶',
  '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '覃', '武', '戴', '莫', '孔', '向', '汤', '欧阳', '司马',
];
const GIVEN_M = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宁', '浩',
  '建华', '志刚', '海波', '国平', '子豪', '浩宇', '晓东', '振宇', '家乐', '俊杰', '一鸣', '思远', '立新', '永刚', '天佑',
  '文斌', '宏伟', '志远', '明哲', '云飞', '建峰', '学军', '德胜', '少华', '卫东',
];
const GIVEN_F = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '颖', '琳', '洁', '倩', '萍', '红', '梅',
  '晓燕', '丽娟', '秀梅', '雅琴', '思雨', '欣怡', '梦洁', '佳琪', '雨萱', '婉婷', '诗涵', '静怡', '海燕', '春燕', '文静',
  '晓雯', '丽华', '玉兰', '美玲', '雪莹', '晓丽', '亚楠', '秋菊', '凤英', '嘉欣',
];
const MINORITY_ETHNICITIES = ['回族', '壮族', '苗族', '土家族', '彝族', '满族', '侗族', '瑶族', '白族', '布依族'];

const usedNames = new Set<string>(citizens.map((p) => p.name));

interface StaffSpec {
  username: string;
  departmentKey: string;
  roles: DemoStaffRole[];
  /** Fixed name for the named demo accounts; others get a generated one. */
  name?: string;
  sex?: 'M' | 'F';
  birthDate?: string;
}

function staffPerson(spec: StaffSpec): DemoPerson {
  const rnd = rngFor(`staff:${spec.username}`);
  const dept = department(spec.departmentKey);
  const sex = spec.sex ?? (rnd() < 0.5 ? 'M' : 'F');
  let name = spec.name;
  if (name === undefined) {
    for (;;) {
      const candidate = choose(rnd, SURNAMES) + choose(rnd, sex === 'M' ? GIVEN_M : GIVEN_F);
      if (!usedNames.has(candidate)) {
        name = candidate;
        break;
      }
    }
  }
  usedNames.add(name);
  let birthDate = spec.birthDate;
  if (birthDate === undefined) {
    const y = randInt(rnd, 1968, 2001);
    const m = randInt(rnd, 1, 12);
    const day = randInt(rnd, 1, 28);
    birthDate = `${y}-${pad2(m)}-${pad2(day)}`;
  }
  // staff live in a district of their department's area (province staff: anywhere in the province)
  let district: DistrictInfo;
  if (dept.level === 'district') district = districtByCode(dept.regionCode);
  else if (dept.level === 'city') {
    const city = dept.regionCode === CITIES.lz.code ? CITIES.lz : CITIES.qc;
    district = DISTRICTS[choose(rnd, city.districts)];
  } else district = choose(rnd, [DISTRICTS.mh, DISTRICTS.mh, DISTRICTS.yt, DISTRICTS.yt, DISTRICTS.jk, DISTRICTS.sq]);
  const key = `staff:${spec.username}`;
  const address = urbanAddress(rnd, district);
  const age = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const marital: Marital = age < 27 ? (rnd() < 0.8 ? '未婚' : '已婚') : rnd() < 0.88 ? '已婚' : rnd() < 0.6 ? '离婚' : '未婚';
  return {
    idNumber: allocateIdNumber(key, district.code, birthDate, sex),
    name,
    sex,
    birthDate,
    ethnicity: rnd() < 0.9 ? '汉族' : choose(rnd, MINORITY_ETHNICITIES),
    hukouAddress: address,
    residenceAddress: address,
    phone: mobile(key),
    maritalStatus: marital,
    regionCode: district.code,
    sourceDepartmentKey: departmentOf(district.code, 'public_security').key,
    updatedAt: officeTimestamp(rngFor(`updated:${key}`), PEOPLE_UPDATED_FROM, DEMO_REFERENCE_DATE),
  };
}

function staffSpecs(): StaffSpec[] {
  const specs: StaffSpec[] = [
    { username: 'admin', departmentKey: 'yl_zwsj', roles: ['platform_admin'], name: '欧阳明远', sex: 'M', birthDate: '1978-06-12' },
    { username: 'auditor', departmentKey: 'yl_zwsj', roles: ['auditor'], name: '司马静怡', sex: 'F', birthDate: '1983-09-27' },
    { username: 'scjg_officer', departmentKey: 'lz_scjg', roles: ['window_officer', 'reviewer'], name: '陆文静', sex: 'F', birthDate: '1990-04-18' },
    { username: 'scjg_admin', departmentKey: 'lz_scjg', roles: ['department_admin'], name: '邵建峰', sex: 'M', birthDate: '1976-11-03' },
  ];
  for (const d of demoDepartments) {
    // ck = 窗口 (window), sp = 审批 (review), gly = 管理员 (department admin)
    specs.push({ username: `${d.key}_ck1`, departmentKey: d.key, roles: ['window_officer'] });
    specs.push({ username: `${d.key}_sp1`, departmentKey: d.key, roles: ['reviewer'] });
    if (d.level !== 'district') specs.push({ username: `${d.key}_gly`, departmentKey: d.key, roles: ['department_admin'] });
  }
  return specs;
}

function buildStaff(): { staff: DemoStaff[]; people: DemoPerson[] } {
  const staff: DemoStaff[] = [];
  const people: DemoPerson[] = [];
  for (const spec of staffSpecs()) {
    const p = staffPerson(spec);
    people.push(p);
    staff.push({ username: spec.username, name: p.name, departmentKey: spec.departmentKey, roles: [...spec.roles], idNumber: p.idNumber });
  }
  return { staff, people };
}

const builtStaff = buildStaff();

export const demoStaff: readonly DemoStaff[] = builtStaff.staff;

/** Citizens first (including the named demo logins), then the staff members as persons. */
export const demoPeople: readonly DemoPerson[] = [...citizens, ...builtStaff.people];

function citizen(name: string): DemoPerson {
  const p = citizens.find((x) => x.name === name);
  if (!p) throw new Error(`demo data: no citizen ${name}`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Enterprises
// ---------------------------------------------------------------------------------------------

const SCOPE = {
  catering: '许可项目：餐饮服务；食品销售。一般项目：外卖递送服务；食品销售（仅销售预包装食品）。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
  smallCatering: '许可项目：小餐饮。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  trade: '一般项目：日用百货销售；五金产品批发；电子产品销售；办公用品销售；家用电器销售；货物进出口。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
  tea: '许可项目：餐饮服务；食品销售。一般项目：茶具销售；休闲观光活动；棋牌室服务。',
  media: '一般项目：组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务；摄像及视频制作服务。许可项目：广播电视节目制作经营。',
  halalNoodles: '许可项目：餐饮服务（清真）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  software: '一般项目：软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储支持服务；人工智能应用软件开发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。',
  pharmacy: '许可项目：药品零售；第三类医疗器械经营。一般项目：第一类医疗器械销售；第二类医疗器械销售；保健食品（预包装）销售；日用品销售。',
  housekeeping: '一般项目：家政服务；养老服务；母婴生活护理（不含医疗服务）；专业保洁、清洗、消毒服务。',
  babyProducts: '一般项目：母婴用品销售；婴幼儿配方乳粉及其他婴幼儿配方食品销售；玩具销售；服装服饰零售。',
  autoRepair: '一般项目：机动车修理和维护；汽车零配件零售；洗车服务；轮胎销售。',
  machinery: '一般项目：通用设备制造（不含特种设备制造）；机械零件、零部件加工；模具制造；金属切削加工服务；货物进出口。',
  beauty: '一般项目：美容服务；美甲服务；化妆品零售。',
  crafts: '一般项目：工艺美术品及礼仪用品销售（象牙及其制品除外）；刺绣工艺品销售；服装服饰零售。',
  ecommerce: '一般项目：互联网销售（除销售需要许可的商品）；农副产品销售；食用农产品零售；供应链管理服务。',
  logistics: '许可项目：道路货物运输（不含危险货物）。一般项目：国内货物运输代理；普通货物仓储服务（不含危险化学品等需许可审批的项目）；装卸搬运；供应链管理服务。',
  dumplings: '许可项目：餐饮服务；食品小作坊经营。',
  buildingMaterials: '一般项目：建筑材料销售；建筑装饰材料销售；水泥制品销售；轻质建筑材料销售；五金产品零售。',
  port: '许可项目：港口经营；港口理货。一般项目：装卸搬运；普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内船舶代理；港口设施设备和机械租赁维修业务。',
  curedMeat: '许可项目：食品销售；食品小作坊经营。一般项目：食用农产品零售。',
  hardware: '一般项目：五金产品零售；电线、电缆经营；建筑材料销售；卫生洁具销售。',
  networkTech: '一般项目：网络技术服务；软件开发；网页设计；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。',
  bakery: '许可项目：食品生产；食品销售。一般项目：食品销售（仅销售预包装食品）。',
  aquaculture: '许可项目：水产养殖；水产苗种生产。一般项目：水产品批发；水产品零售；渔业机械销售。',
  riceNoodles: '许可项目：餐饮服务。',
  clothing: '一般项目：服装服饰零售；鞋帽零售；针纺织品销售。',
  teaCoop: '一般项目：组织收购、销售成员种植的茶叶；茶叶种植；初级农产品收购；与农业生产经营有关的技术、信息、设施建设运营等服务。',
  vegCoop: '一般项目：组织收购、销售成员种植的蔬菜、水果；蔬菜种植；水果种植；农业机械服务；农业生产资料的购买、使用。',
  homestay: '许可项目：住宿服务；餐饮服务。一般项目：休闲观光活动；会议及展览服务；旅游开发项目策划咨询。',
  labour: '许可项目：建筑劳务分包；建设工程施工。一般项目：建筑工程机械与设备租赁；土石方工程施工。',
  bbq: '许可项目：餐饮服务。一般项目：食用农产品零售。',
  electromech: '一般项目：机械电气设备销售；电气设备修理；普通机械设备安装服务；五金产品批发；电子元器件批发。',
  grainOil: '许可项目：食品销售。一般项目：食用农产品批发；粮油仓储服务。',
  agriMachinery: '一般项目：农业机械服务；农林牧副渔业专业机械的安装、维修；农业机械销售；机械零件、零部件销售。',
  flowers: '一般项目：花卉种植；鲜花零售；礼品花卉销售；园艺产品销售；婚庆礼仪服务。',
  familyFarm: '许可项目：家禽饲养；牲畜饲养。一般项目：谷物种植；蔬菜种植；水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务。',
} as const;

const T_LLC_NP = '有限责任公司（自然人投资或控股）';
const T_LLC_SOLE = '有限责任公司（自然人独资）';
const T_LLC_STATE = '有限责任公司（国有独资）';
const T_JSC = '股份有限公司（非上市、自然人投资或控股）';
const T_SOLE_PROP = '个人独资企业';
const T_INDIVIDUAL = '个体工商户';
const T_COOP = '农民专业合作社';

interface EnterpriseRow {
  name: string;
  type: string;
  legalRep: string;
  /** District of the registered address. */
  district: DistrictPrefix;
  /** Level of the registering authority: default the district. */
  registeredAt?: 'city' | 'province';
  capital: string;
  establishedOn: string;
  scope: string;
  status?: '注销' | '吊销';
  /** Rural address in this village. */
  village?: string;
}

const ENTERPRISES: EnterpriseRow[] = [
  // 澜州市明湖区
  { name: '澜州市明湖区鲜味餐饮有限公司', type: T_LLC_SOLE, legalRep: '李四', district: 'mh', capital: '100万元人民币', establishedOn: '2019-04-16', scope: SCOPE.catering },
  { name: '澜州市明湖区柳岸茶舍', type: T_INDIVIDUAL, legalRep: '林婉清', district: 'mh', capital: '5万元人民币', establishedOn: '2021-06-18', scope: SCOPE.tea },
  { name: '澜州明湖湾文化传媒有限公司', type: T_LLC_NP, legalRep: '黄志强', district: 'mh', capital: '200万元人民币', establishedOn: '2017-11-08', scope: SCOPE.media },
  { name: '澜州市明湖区马记牛肉面馆', type: T_INDIVIDUAL, legalRep: '马德明', district: 'mh', capital: '10万元人民币', establishedOn: '2009-05-20', scope: SCOPE.halalNoodles },
  { name: '澜州市明湖区惠民大药房有限公司', type: T_LLC_SOLE, legalRep: '冯振华', district: 'mh', capital: '50万元人民币', establishedOn: '2012-07-10', scope: SCOPE.pharmacy },
  { name: '澜州市明湖区韦姐家政服务部', type: T_INDIVIDUAL, legalRep: '韦丽萍', district: 'mh', capital: '3万元人民币', establishedOn: '2020-08-08', scope: SCOPE.housekeeping },
  { name: '澜州市明湖区小满母婴用品店', type: T_INDIVIDUAL, legalRep: '刘梅', district: 'mh', capital: '8万元人民币', establishedOn: '2023-02-15', scope: SCOPE.babyProducts },
  { name: '澜州智云信息技术有限公司', type: T_LLC_NP, legalRep: '方志远', district: 'mh', registeredAt: 'city', capital: '1000万元人民币', establishedOn: '2016-03-22', scope: SCOPE.software },
  // 澜州市云台区
  { name: '澜州市云台区李记商贸有限公司', type: T_LLC_NP, legalRep: '李四', district: 'yt', capital: '300万元人民币', establishedOn: '2014-09-03', scope: SCOPE.trade },
  { name: '澜州市云台区顺达汽车维修有限公司', type: T_LLC_NP, legalRep: '徐磊', district: 'yt', capital: '150万元人民币', establishedOn: '2011-03-28', scope: SCOPE.autoRepair },
  { name: '澜州云台精密机械制造有限公司', type: T_LLC_NP, legalRep: '高国庆', district: 'yt', capital: '2000万元人民币', establishedOn: '2006-10-12', scope: SCOPE.machinery },
  { name: '澜州市云台区婷美美容店', type: T_INDIVIDUAL, legalRep: '朱婷婷', district: 'yt', capital: '6万元人民币', establishedOn: '2022-05-09', scope: SCOPE.beauty },
  { name: '澜州市云台区龙氏苗绣工艺品店', type: T_INDIVIDUAL, legalRep: '龙春梅', district: 'yt', capital: '5万元人民币', establishedOn: '2018-12-03', scope: SCOPE.crafts },
  { name: '澜州市云台区文博电子商务有限公司', type: T_LLC_SOLE, legalRep: '蒋文博', district: 'yt', capital: '50万元人民币', establishedOn: '2024-03-15', scope: SCOPE.ecommerce },
  { name: '云澜省澜江物流股份有限公司', type: T_JSC, legalRep: '许建华', district: 'yt', registeredAt: 'province', capital: '5000万元人民币', establishedOn: '2008-06-26', scope: SCOPE.logistics },
  { name: '澜州市云台区何记早餐店', type: T_INDIVIDUAL, legalRep: '何俊', district: 'yt', capital: '2万元人民币', establishedOn: '2020-01-06', scope: SCOPE.smallCatering, status: '注销' },
  { name: '澜州市云台区关东风味饺子馆', type: T_INDIVIDUAL, legalRep: '关玉凤', district: 'yt', capital: '8万元人民币', establishedOn: '2016-04-01', scope: SCOPE.dumplings },
  // 青川市江口区
  { name: '青川市江口区宏达建材有限公司', type: T_LLC_NP, legalRep: '邓志明', district: 'jk', capital: '800万元人民币', establishedOn: '2010-09-15', scope: SCOPE.buildingMaterials },
  { name: '青川市江口区渔港海鲜酒楼有限公司', type: T_LLC_NP, legalRep: '潘雪梅', district: 'jk', capital: '300万元人民币', establishedOn: '2015-12-01', scope: SCOPE.catering },
  { name: '青川江口港务有限公司', type: T_LLC_STATE, legalRep: '郑伟', district: 'jk', registeredAt: 'city', capital: '10000万元人民币', establishedOn: '2003-05-18', scope: SCOPE.port },
  { name: '青川市江口区田记土家腊味店', type: T_INDIVIDUAL, legalRep: '田茂林', district: 'jk', capital: '5万元人民币', establishedOn: '2017-01-20', scope: SCOPE.curedMeat },
  { name: '青川市江口区卢氏五金经营部', type: T_INDIVIDUAL, legalRep: '卢海涛', district: 'jk', capital: '10万元人民币', establishedOn: '2005-08-30', scope: SCOPE.hardware, status: '吊销' },
  { name: '青川市江口区晨曦网络科技有限公司', type: T_LLC_SOLE, legalRep: '董晨', district: 'jk', capital: '10万元人民币', establishedOn: '2026-05-10', scope: SCOPE.networkTech },
  { name: '青川市江口区佳怡烘焙坊', type: T_INDIVIDUAL, legalRep: '沈佳怡', district: 'jk', capital: '8万元人民币', establishedOn: '2022-10-01', scope: SCOPE.bakery },
  { name: '青川市江口区许氏水产养殖有限公司', type: T_LLC_NP, legalRep: '许建华', district: 'jk', capital: '200万元人民币', establishedOn: '2013-04-08', scope: SCOPE.aquaculture },
  { name: '青川市江口区蒙姐米粉店', type: T_INDIVIDUAL, legalRep: '蒙秀珍', district: 'jk', capital: '4万元人民币', establishedOn: '2019-07-19', scope: SCOPE.riceNoodles },
  { name: '青川市江口区芳芳服装店', type: T_INDIVIDUAL, legalRep: '袁芳', district: 'jk', capital: '6万元人民币', establishedOn: '2021-03-12', scope: SCOPE.clothing, status: '注销' },
  // 青川市石桥区
  { name: '青川市石桥区汪家山茶叶种植专业合作社', type: T_COOP, legalRep: '汪大山', district: 'sq', capital: '120万元人民币', establishedOn: '2012-03-15', scope: SCOPE.teaCoop, village: '汪家山村' },
  { name: '青川市石桥区春生果蔬种植专业合作社', type: T_COOP, legalRep: '贾春生', district: 'sq', capital: '80万元人民币', establishedOn: '2016-05-26', scope: SCOPE.vegCoop, village: '柳树湾村' },
  { name: '青川市石桥区古镇民宿有限公司', type: T_LLC_NP, legalRep: '夏荷', district: 'sq', capital: '100万元人民币', establishedOn: '2018-08-18', scope: SCOPE.homestay },
  { name: '青川市石桥区磊鑫建筑劳务有限公司', type: T_LLC_SOLE, legalRep: '石磊', district: 'sq', capital: '200万元人民币', establishedOn: '2015-10-09', scope: SCOPE.labour, status: '吊销' },
  { name: '青川市石桥区吉克民族服饰店', type: T_INDIVIDUAL, legalRep: '吉克阿依', district: 'sq', capital: '5万元人民币', establishedOn: '2023-06-01', scope: SCOPE.crafts },
  { name: '青川市石桥区金氏烤肉店', type: T_INDIVIDUAL, legalRep: '金成浩', district: 'sq', capital: '10万元人民币', establishedOn: '2014-11-11', scope: SCOPE.bbq },
  { name: '青川市石桥区方圆机电设备有限公司', type: T_LLC_NP, legalRep: '方志远', district: 'sq', capital: '500万元人民币', establishedOn: '2009-02-17', scope: SCOPE.electromech },
  { name: '青川市石桥区谭记粮油批发部', type: T_INDIVIDUAL, legalRep: '谭晓红', district: 'sq', capital: '20万元人民币', establishedOn: '2010-10-10', scope: SCOPE.grainOil },
  { name: '青川市石桥区建新农机维修有限公司', type: T_LLC_SOLE, legalRep: '胡建新', district: 'sq', capital: '30万元人民币', establishedOn: '2007-06-06', scope: SCOPE.agriMachinery },
  { name: '青川市石桥区丽人花艺工作室', type: T_INDIVIDUAL, legalRep: '范丽', district: 'sq', capital: '3万元人民币', establishedOn: '2024-02-14', scope: SCOPE.flowers },
  { name: '青川市石桥区永红家庭农场', type: T_SOLE_PROP, legalRep: '汪永红', district: 'sq', capital: '50万元人民币', establishedOn: '2019-03-01', scope: SCOPE.familyFarm, village: '汪家山村' },
];

/** GB 32100 entity type under authority 9 (工商): 1 企业, 2 个体工商户, 3 农民专业合作社. */
function entityTypeCode(type: string): '1' | '2' | '3' {
  if (type === T_INDIVIDUAL) return '2';
  if (type === T_COOP) return '3';
  return '1';
}

/** Unified codes were introduced on 2015-10-01; enterprises registered earlier kept their old numeric organisation code. */
const USCC_INTRODUCED = '2015-10-01';
const BODY_ALPHABET = USCC_ALPHABET.split('');

function enterpriseUscc(row: EnterpriseRow, regionCode: string): string {
  const rnd = rngFor(`uscc:${row.name}`);
  const entityType = entityTypeCode(row.type);
  for (;;) {
    let body: string;
    if (entityType === '1' && row.establishedOn < USCC_INTRODUCED) {
      body = `${choose(rnd, ['5', '6', '7'])}${digits(rnd, 7)}`;
    } else {
      // new bodies: MA + 6 characters from the code alphabet
      body = 'MA';
      for (let i = 0; i < 6; i++) body += choose(rnd, BODY_ALPHABET);
    }
    const uscc = generateUscc('9', entityType, regionCode, body);
    if (!usedUsccs.has(uscc)) {
      usedUsccs.add(uscc);
      return uscc;
    }
  }
}

function buildEnterprises(): DemoEnterprise[] {
  return ENTERPRISES.map((row): DemoEnterprise => {
    const d = DISTRICTS[row.district];
    const regionCode = row.registeredAt === 'province' ? PROVINCE_CODE : row.registeredAt === 'city' ? CITIES[d.city].code : d.code;
    const rnd = rngFor(`ent:${row.name}`);
    const registeredAddress = row.village ? ruralAddress(rnd, d, row.village) : shopAddress(rnd, d);
    return {
      uscc: enterpriseUscc(row, regionCode),
      name: row.name,
      type: row.type,
      legalRepIdNumber: citizen(row.legalRep).idNumber,
      registeredAddress,
      registeredCapital: row.capital,
      establishedOn: row.establishedOn,
      businessScope: row.scope,
      regionCode,
      status: row.status ?? '存续',
      sourceDepartmentKey: departmentOf(regionCode, 'market_regulation').key,
      updatedAt: officeTimestamp(rngFor(`updated:${row.name}`), row.establishedOn > '2024-01-01' ? row.establishedOn : '2024-01-01', DEMO_REFERENCE_DATE),
    };
  });
}

export const demoEnterprises: readonly DemoEnterprise[] = buildEnterprises();

function enterprise(name: string): DemoEnterprise {
  const e = demoEnterprises.find((x) => x.name === name);
  if (!e) throw new Error(`demo data: no enterprise ${name}`);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Agent grants (经办人授权)
// ---------------------------------------------------------------------------------------------

function grant(enterpriseName: string, agentName: string, scopes: string[], expiresOn: string): DemoAgentGrant {
  return {
    enterpriseUscc: enterprise(enterpriseName).uscc,
    agentIdNumber: citizen(agentName).idNumber,
    scopes,
    expiresAt: endOfBeijingDay(expiresOn),
  };
}

export const demoAgentGrants: readonly DemoAgentGrant[] = [
  // wangwu acts for 李四's restaurant until the end of 2027
  grant('澜州市明湖区鲜味餐饮有限公司', '王五', ['profile.read', 'applications.submit'], '2027-12-31'),
  // zhaoliu's grant for 李四's trading company expired on 2026-01-31
  grant('澜州市云台区李记商贸有限公司', '赵六', ['profile.read', 'applications.read', 'applications.submit'], '2026-01-31'),
  grant('澜州智云信息技术有限公司', '宋佳琪', ['profile.read', 'applications.read', 'applications.submit', 'licenses.use'], '2027-06-30'),
  grant('青川市江口区宏达建材有限公司', '蔡小琴', ['applications.read', 'applications.submit'], '2027-03-31'),
  grant('云澜省澜江物流股份有限公司', '姚振宇', ['profile.read', 'licenses.use'], '2028-03-31'),
  grant('青川市石桥区汪家山茶叶种植专业合作社', '汪永红', ['profile.read', 'applications.submit'], '2027-09-30'),
  grant('澜州市明湖区鲜味餐饮有限公司', '钱慧芳', ['profile.read', 'applications.read'], '2026-12-31'),
];
