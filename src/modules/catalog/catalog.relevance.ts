/**
 * The catalogue search relevance test set, run over the demo catalogue (src/demo/catalog-data.ts) by
 * catalog.relevance.test.ts, which reports the hit rate.
 *
 * Queries are written the way citizens and enterprise staff type them into a portal search box — exact names, bits of
 * names, everyday phrasings, synonyms, pinyin, typos — not tuned to the engine. A case passes when any of `expect`
 * (a basic item's name or code; a name also matches as a part of a longer name) is among the top `top` results (default
 * 3), and, when `expectDepartment` is given, that result is implemented by the named department: region-scoped cases
 * check that the citizen's own district or city is offered, not a neighbour's.
 */

export interface RelevanceCase {
  query: string;
  /** The citizen's region (GB/T 2260): items implemented there or above it. */
  region?: string;
  object?: 'person' | 'enterprise';
  /** Basic-item names (or codes) any of which must appear in the top results. */
  expect: string[];
  /** The implementing department's name the matching result must have (region-scoped cases). */
  expectDepartment?: string;
  /** How many top results count (default 3). */
  top?: number;
  note?: string;
}

// Names of the demo catalogue's basic items the cases refer to.
const ENTERPRISE_SETUP = '企业设立登记';
const INDIVIDUAL_SETUP = '个体工商户设立登记';
const FOOD_NEW = '食品经营许可（新办）';
const FOOD = '食品经营许可';
const FIRE_INSPECTION = '公众聚集场所投入使用、营业前消防安全检查';
const BIRTH_CERT = '出生医学证明首次签发';
const BIRTH_REG = '出生登记';
const RESIDENT_MEDICAL = '城乡居民基本医疗保险参保登记';
const MATERNITY = '生育津贴支付';
const SS_CARD_APPLY = '社会保障卡申领';
const SS_CARD_REPLACE = '社会保障卡挂失与补领';
const FUND_PURCHASE = '购房提取住房公积金';
const FUND_RENT = '租房提取住房公积金';
const FUND_ANY = '提取住房公积金';
const FUND_DEPOSIT = '住房公积金单位缴存登记';
const OLD_AGE = '高龄津贴申领';
const REMOTE_MEDICAL = '异地就医备案';
const UNEMPLOYMENT = '失业保险金申领';
const HUKOU_TRANSFER = '户口迁移';
const RETIREMENT = '职工基本养老保险退休待遇申领';
const REAL_ESTATE_TRANSFER = '国有建设用地使用权及房屋所有权转移登记';
const LOW_INCOME = '最低生活保障审核确认';
const MARRIAGE = '内地居民结婚登记';

export const RELEVANCE_CASES: RelevanceCase[] = [
  // ---- exact or near-exact official names
  { query: '食品经营许可', expect: [FOOD] },
  { query: '企业设立登记', expect: [ENTERPRISE_SETUP] },
  { query: '公众聚集场所投入使用、营业前消防安全检查', expect: [FIRE_INSPECTION] },
  { query: '异地就医备案', expect: [REMOTE_MEDICAL] },
  { query: '失业保险金申领', expect: [UNEMPLOYMENT] },
  { query: '出生医学证明', expect: [BIRTH_CERT] },
  { query: '住房公积金提取', expect: [FUND_ANY] },
  { query: '最低生活保障', expect: [LOW_INCOME] },
  { query: '商品房预售许可', expect: ['商品房预售许可'] },
  { query: '建设工程消防验收', expect: ['建设工程消防验收'] },
  { query: '公章刻制备案', expect: ['公章刻制备案'] },
  { query: '残疾人两项补贴', expect: ['残疾人两项补贴申领'] },

  // ---- parts of names
  { query: '营业执照', expect: [ENTERPRISE_SETUP, INDIVIDUAL_SETUP, '企业变更登记'] },
  { query: '消防验收', expect: ['建设工程消防验收'] },
  { query: '预售证', expect: ['商品房预售许可'] },
  { query: '居住证', expect: ['居住证办理'] },
  { query: '医保转移', expect: ['基本医疗保险关系转移接续'] },
  { query: '生育津贴', expect: [MATERNITY] },
  { query: '结婚登记', expect: [MARRIAGE] },
  { query: '发票', object: 'enterprise', expect: ['发票领用'] },
  { query: '药品零售', expect: ['药品零售经营许可'] },

  // ---- everyday phrasings
  { query: '我想开个饭店要办什么证', expect: [FOOD_NEW, FIRE_INSPECTION] },
  { query: '生孩子要办哪些手续', expect: [BIRTH_CERT, BIRTH_REG, RESIDENT_MEDICAL, MATERNITY, SS_CARD_APPLY], top: 5 },
  { query: '公司怎么注册', expect: [ENTERPRISE_SETUP] },
  { query: '社保卡丢了怎么办', expect: [SS_CARD_REPLACE] },
  { query: '提取公积金买房', expect: [FUND_PURCHASE] },
  { query: '老人每个月的补贴', expect: [OLD_AGE] },
  { query: '外地看病报销', expect: [REMOTE_MEDICAL] },
  { query: '失业了领钱', expect: [UNEMPLOYMENT] },
  { query: '上户口', expect: [BIRTH_REG, HUKOU_TRANSFER] },
  { query: '退休手续', expect: [RETIREMENT] },
  { query: '开个小卖部', expect: [INDIVIDUAL_SETUP] },
  { query: '身份证丢了怎么补办', expect: ['居民身份证换领、补领'] },
  { query: '二手房过户', expect: [REAL_ESTATE_TRANSFER] },
  { query: '刻公章', expect: ['公章刻制备案'] },
  { query: '给员工交社保', expect: ['单位职工参保登记'] },
  { query: '自己交社保', expect: ['灵活就业人员参保登记'] },
  { query: '租房提取公积金', expect: [FUND_RENT] },
  { query: '家里老人去世了要办什么', expect: ['死亡注销户口', '居民死亡医学证明（推断）书签发'] },
  { query: '领结婚证要带什么', expect: [MARRIAGE] },
  { query: '开药店', expect: ['药品零售经营许可'] },
  { query: '小孩第一次办身份证', expect: ['居民身份证首次申领'] },
  { query: '申请低保', expect: [LOW_INCOME] },
  { query: '跑货运要办什么证', expect: ['道路货物运输经营许可'] },
  { query: '新公司税务报到', expect: ['税务登记信息确认', '新办纳税人套餐式服务'] },
  { query: '产假工资怎么领', expect: [MATERNITY] },
  { query: '公租房怎么申请', expect: ['公共租赁住房申请'] },
  { query: '考技能证书', expect: ['职业技能等级认定'] },
  { query: '房子租出去要登记吗', expect: ['出租房屋登记备案'] },
  { query: '新生儿医保怎么办', expect: [RESIDENT_MEDICAL] },
  { query: '公司不开了怎么注销', expect: ['企业注销登记'] },
  { query: '身份证到期了换证', expect: ['居民身份证换领、补领'] },
  { query: '退休了公积金怎么取', expect: ['退休提取住房公积金'] },

  // ---- synonyms: 户口↔户籍, 执照→营业执照, 社保↔社会保险, 医保↔医疗保险 …
  { query: '户籍迁移', expect: [HUKOU_TRANSFER] },
  { query: '办执照', expect: [ENTERPRISE_SETUP, INDIVIDUAL_SETUP] },
  { query: '社会保险卡补办', expect: [SS_CARD_REPLACE] },
  { query: '医疗保险异地备案', expect: [REMOTE_MEDICAL] },
  { query: '医保参保', expect: [RESIDENT_MEDICAL] },
  { query: '个体户注册', expect: [INDIVIDUAL_SETUP] },
  { query: '高龄补贴', expect: [OLD_AGE] },
  { query: '失业金', expect: [UNEMPLOYMENT] },
  { query: '出生证', expect: [BIRTH_CERT] },

  // ---- pinyin initials and full pinyin
  { query: 'yyzz', expect: [ENTERPRISE_SETUP, INDIVIDUAL_SETUP] },
  { query: 'gjj', expect: [FUND_ANY, FUND_DEPOSIT] },
  { query: 'sbk', expect: [SS_CARD_APPLY, SS_CARD_REPLACE] },
  { query: 'spjyxk', expect: [FOOD] },
  { query: 'gongjijin', expect: [FUND_ANY, FUND_DEPOSIT] },
  { query: 'yingyezhizhao', expect: [ENTERPRISE_SETUP, INDIVIDUAL_SETUP] },
  { query: 'jzz', expect: ['居住证办理'] },
  { query: 'gongzufang', expect: ['公共租赁住房申请'] },

  // ---- typos and homophones
  { query: '营叶执照', expect: [ENTERPRISE_SETUP, INDIVIDUAL_SETUP], note: '叶 for 业' },
  { query: '公基金提取', expect: [FUND_ANY], note: '基 for 积' },
  { query: '设保卡补办', expect: [SS_CARD_REPLACE], note: '设 for 社' },
  { query: '食品经营徐可证', expect: [FOOD], note: '徐 for 许' },
  { query: '结婚登机', expect: [MARRIAGE], note: '机 for 记' },

  // ---- service object filter
  { query: '社保登记', object: 'enterprise', expect: ['单位职工参保登记'] },
  { query: '公积金', object: 'enterprise', expect: [FUND_DEPOSIT] },
  { query: '公积金', object: 'person', expect: [FUND_ANY] },

  // ---- region-scoped: the citizen's own district or city implementation
  { query: '食品经营许可', region: '390102', expect: [FOOD_NEW], expectDepartment: '澜州市明湖区市场监督管理局' },
  { query: '食品经营许可', region: '390202', expect: [FOOD_NEW], expectDepartment: '青川市江口区市场监督管理局' },
  { query: '开饭店', region: '390105', expect: [FOOD_NEW], expectDepartment: '澜州市云台区市场监督管理局' },
  { query: '开饭店', region: '390203', expect: [FOOD_NEW], expectDepartment: '青川市石桥区市场监督管理局' },
  { query: '高龄津贴', region: '390102', expect: [OLD_AGE], expectDepartment: '澜州市明湖区民政局' },
  { query: '高龄津贴', region: '390202', expect: [OLD_AGE], expectDepartment: '青川市江口区民政局' },
  { query: '老人补贴', region: '390203', expect: [OLD_AGE], expectDepartment: '青川市石桥区民政局' },
  { query: '提取公积金买房', region: '390102', expect: [FUND_PURCHASE], expectDepartment: '澜州市住房公积金管理中心' },
  { query: '提取公积金买房', region: '390202', expect: [FUND_PURCHASE], expectDepartment: '青川市住房公积金管理中心' },
  { query: '上户口', region: '390105', expect: [BIRTH_REG], expectDepartment: '澜州市公安局云台分局' },
  { query: '上户口', region: '390203', expect: [BIRTH_REG], expectDepartment: '青川市公安局石桥分局' },
  { query: '注册公司', region: '390203', expect: [ENTERPRISE_SETUP], expectDepartment: '青川市石桥区市场监督管理局' },
  { query: '城乡居民医保', region: '390105', expect: [RESIDENT_MEDICAL], expectDepartment: '澜州市云台区医疗保障局' },
  { query: '异地就医备案', region: '390202', expect: [REMOTE_MEDICAL], expectDepartment: '青川市医疗保障局' },
  { query: '二手房过户', region: '390102', expect: [REAL_ESTATE_TRANSFER], expectDepartment: '澜州市自然资源和规划局' },
  { query: '办退休', region: '390203', expect: [RETIREMENT], expectDepartment: '青川市人力资源和社会保障局' },
];
