// Synthetic but realistic catalogue of government services for bench/search.mjs.
//
// A catalogue of N items is the cross product of base services (department × object × action, plus 一件事
// bundles) and regions (a province, its cities and districts), like the implementation
// lists of a real province: the same service title recurs in every region that implements it, with that
// region's department. Each item has a body of a few hundred characters (conditions, materials, process, time
// limits, an FAQ) drawn from phrase pools, and facets (department, region, object, theme, lifeEvent).
// Deterministic: the same N gives the same documents.

/** mulberry32 (as src/platform/prng.ts). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const pickN = (rnd, xs, n) => {
  const out = new Set();
  while (out.size < Math.min(n, xs.length)) out.add(pick(rnd, xs));
  return [...out];
};

// Department kinds: id, name suffix, the objects they handle (with the actions that apply), themes, object type.
const DEPARTMENTS = [
  {
    id: 'scjg', name: '市场监督管理局', object: 'enterprise', themes: ['startup', 'business'],
    items: [
      ['营业执照', ['设立登记', '变更登记', '注销登记', '补领', '备案']],
      ['个体工商户营业执照', ['设立登记', '变更登记', '注销登记']],
      ['食品经营许可证', ['核发', '变更', '延续', '注销', '补办']],
      ['食品生产许可证', ['核发', '变更', '延续', '注销']],
      ['小餐饮登记证', ['核发', '变更', '延续']],
      ['药品经营许可证', ['核发', '变更', '换发']],
      ['第二类医疗器械经营备案', ['办理', '变更']],
      ['特种设备使用登记', ['办理', '变更', '注销']],
      ['工业产品生产许可证', ['核发', '延续', '变更']],
      ['企业名称', ['自主申报', '变更']],
      ['股权出质', ['设立登记', '注销登记']],
      ['企业年度报告', ['公示', '更正']],
      ['经营异常名录', ['移出', '列入异议']],
      ['农民专业合作社', ['设立登记', '变更登记', '注销登记']],
    ],
  },
  {
    id: 'ga', name: '公安局', object: 'person', themes: ['hukou', 'identity'],
    items: [
      ['居民身份证', ['申领', '换领', '补领', '临时身份证申领']],
      ['户口', ['迁入', '迁出', '出生登记', '死亡注销', '姓名变更']],
      ['户籍证明', ['开具']],
      ['居住证', ['申领', '签注', '补领']],
      ['无犯罪记录证明', ['开具']],
      ['机动车驾驶证', ['换证', '补证', '审验']],
      ['机动车', ['注册登记', '转移登记', '抵押登记', '检验合格标志核发']],
      ['普通护照', ['签发', '换发', '补发']],
      ['往来港澳通行证', ['签发', '签注']],
      ['电动自行车', ['注册登记', '转移登记']],
    ],
  },
  {
    id: 'rs', name: '人力资源和社会保障局', object: 'person', themes: ['social-insurance', 'employment'],
    items: [
      ['社会保障卡', ['申领', '补领', '换领', '挂失', '解挂']],
      ['职工参保登记', ['办理', '变更', '注销']],
      ['基本养老保险', ['关系转移接续', '待遇申领', '个人权益记录查询']],
      ['城乡居民养老保险', ['参保登记', '待遇申领', '注销登记']],
      ['失业保险金', ['申领']],
      ['就业创业证', ['申领', '补发']],
      ['灵活就业人员', ['参保登记', '就业登记']],
      ['工伤认定', ['申请']],
      ['劳动能力鉴定', ['申请']],
      ['职业技能等级证书', ['查询', '补发']],
      ['退休', ['申请', '审批']],
      ['技能提升补贴', ['申领']],
    ],
  },
  {
    id: 'yb', name: '医疗保障局', object: 'person', themes: ['medical'],
    items: [
      ['基本医疗保险参保', ['登记', '信息变更']],
      ['异地就医', ['备案', '备案取消']],
      ['医疗费用', ['手工报销', '零星报销']],
      ['门诊慢特病', ['待遇认定']],
      ['医保关系', ['转移接续']],
      ['生育津贴', ['申领']],
      ['城乡居民医疗保险', ['参保缴费', '参保登记']],
      ['定点医疗机构', ['申请', '变更']],
    ],
  },
  {
    id: 'gjj', name: '住房公积金管理中心', object: 'person', themes: ['housing'],
    items: [
      ['住房公积金', ['缴存登记', '提取', '转移接续', '贷款', '销户提取', '租房提取', '购房提取', '缴存证明开具']],
      ['住房公积金贷款', ['申请', '提前还款', '变更']],
      ['单位住房公积金', ['缴存登记', '缓缴', '基数调整']],
    ],
  },
  {
    id: 'mz', name: '民政局', object: 'person', themes: ['marriage', 'elderly', 'assistance'],
    items: [
      ['结婚登记', ['办理']],
      ['离婚登记', ['办理']],
      ['婚姻登记档案', ['查询', '补领结婚证']],
      ['高龄津贴', ['申领', '发放']],
      ['最低生活保障', ['申请', '审核确认']],
      ['特困人员救助供养', ['申请']],
      ['临时救助', ['申请']],
      ['残疾人两项补贴', ['申领']],
      ['养老机构', ['备案']],
      ['社会团体', ['成立登记', '变更登记', '注销登记']],
      ['收养登记', ['办理']],
    ],
  },
  {
    id: 'wj', name: '卫生健康委员会', object: 'person', themes: ['birth', 'health'],
    items: [
      ['出生医学证明', ['首次签发', '补发', '换发']],
      ['生育登记', ['办理']],
      ['医师执业', ['注册', '变更注册']],
      ['护士执业', ['注册', '延续注册']],
      ['医疗机构执业许可证', ['核发', '校验', '变更']],
      ['公共场所卫生许可证', ['核发', '延续', '变更']],
      ['计划生育奖励扶助', ['申请']],
      ['预防接种证', ['补办']],
    ],
  },
  {
    id: 'sw', name: '税务局', object: 'enterprise', themes: ['tax', 'business'],
    items: [
      ['发票', ['领用', '代开', '验旧']],
      ['增值税一般纳税人', ['登记']],
      ['纳税申报', ['办理', '更正']],
      ['个人所得税', ['综合所得汇算清缴', '专项附加扣除填报']],
      ['完税证明', ['开具']],
      ['清税证明', ['开具']],
      ['出口退税', ['备案', '申报']],
    ],
  },
  {
    id: 'bdc', name: '不动产登记中心', object: 'person', themes: ['housing', 'property'],
    items: [
      ['国有建设用地使用权及房屋所有权', ['首次登记', '转移登记', '变更登记', '抵押登记', '注销登记']],
      ['不动产权证书', ['补发', '换发']],
      ['不动产登记资料', ['查询']],
      ['预告登记', ['办理', '注销']],
      ['宅基地使用权及房屋所有权', ['首次登记', '转移登记']],
    ],
  },
  {
    id: 'zj', name: '住房和城乡建设局', object: 'enterprise', themes: ['construction', 'housing'],
    items: [
      ['建筑工程施工许可证', ['核发', '变更', '延期']],
      ['建筑业企业资质', ['核准', '延续', '变更']],
      ['商品房预售许可', ['核发']],
      ['房屋租赁', ['登记备案']],
      ['公共租赁住房', ['申请', '资格复核']],
      ['竣工验收', ['备案']],
      ['住宅专项维修资金', ['使用审核']],
    ],
  },
  {
    id: 'xf', name: '消防救援支队', object: 'enterprise', themes: ['fire', 'business'],
    items: [
      ['公众聚集场所投入使用、营业前消防安全检查', ['办理']],
      ['建设工程消防设计审查', ['办理']],
      ['建设工程消防验收', ['办理', '备案']],
      ['消防安全检查', ['申请']],
    ],
  },
  {
    id: 'jy', name: '教育局', object: 'person', themes: ['education'],
    items: [
      ['义务教育', ['入学登记', '转学', '借读']],
      ['教师资格', ['认定', '证书补发']],
      ['民办学校', ['设立审批', '变更', '终止']],
      ['学生资助', ['申请']],
    ],
  },
  {
    id: 'jt', name: '交通运输局', object: 'enterprise', themes: ['transport'],
    items: [
      ['道路运输经营许可证', ['核发', '变更', '注销']],
      ['道路运输证', ['配发', '换发', '注销']],
      ['网约车驾驶员证', ['核发', '换发']],
      ['从业资格证', ['核发', '诚信考核']],
    ],
  },
  {
    id: 'tyjr', name: '退役军人事务局', object: 'person', themes: ['veterans'],
    items: [
      ['退役军人优待证', ['申领']],
      ['伤残抚恤', ['评定', '关系转移']],
      ['优抚对象', ['抚恤补助', '身份认定']],
    ],
  },
  {
    id: 'cl', name: '残疾人联合会', object: 'person', themes: ['assistance'],
    items: [
      ['残疾人证', ['新办', '换领', '补办', '迁移', '注销']],
      ['残疾人就业', ['登记']],
    ],
  },
  {
    id: 'sthj', name: '生态环境局', object: 'enterprise', themes: ['environment'],
    items: [
      ['排污许可证', ['核发', '变更', '延续']],
      ['建设项目环境影响评价', ['审批', '备案']],
      ['危险废物经营许可证', ['核发']],
    ],
  },
  {
    id: 'nync', name: '农业农村局', object: 'enterprise', themes: ['agriculture'],
    items: [
      ['动物防疫条件合格证', ['核发']],
      ['兽药经营许可证', ['核发', '变更']],
      ['农药经营许可证', ['核发', '变更', '延续']],
      ['农村宅基地', ['用地审批']],
      ['渔业船舶', ['登记']],
    ],
  },
  {
    id: 'wl', name: '文化和旅游局', object: 'enterprise', themes: ['culture'],
    items: [
      ['旅行社业务经营许可证', ['核发', '变更']],
      ['网络文化经营许可证', ['核发', '变更']],
      ['娱乐场所经营许可证', ['核发', '变更', '延续']],
      ['营业性演出', ['审批']],
    ],
  },
];

// 一件事 bundles and other cross-department services.
const BUNDLES = [
  ['新生儿出生一件事', 'wj', ['birth', 'hukou'], 'birth', '出生医学证明、户口登记、医保参保、社会保障卡申领'],
  ['企业开办一件事', 'scjg', ['startup'], 'startup', '营业执照、公章刻制、发票申领、社保登记、公积金缴存登记'],
  ['开办餐饮店一件事', 'scjg', ['startup', 'food'], 'startup', '营业执照、食品经营许可证、公众聚集场所投入使用营业前消防安全检查、户外招牌设置'],
  ['退休一件事', 'rs', ['social-insurance', 'elderly'], 'retirement', '基本养老金申领、医保退休待遇、住房公积金退休提取'],
  ['身后一件事', 'mz', ['assistance'], 'death', '死亡医学证明、户口注销、丧葬补助金、遗属待遇、社保卡注销'],
  ['军人退役一件事', 'tyjr', ['veterans'], 'veteran', '退役报到、户口迁入、社保接续、优待证申领'],
  ['入学一件事', 'jy', ['education'], 'school', '义务教育入学登记、学生资助、预防接种证查验'],
  ['灵活就业一件事', 'rs', ['employment', 'social-insurance'], 'employment', '就业登记、社保参保、医保参保、公积金缴存'],
  ['二手房转移登记及水电气过户一件事', 'bdc', ['housing', 'property'], 'housing', '不动产转移登记、税费缴纳、水电气网过户'],
  ['企业注销一件事', 'scjg', ['closing'], 'closing', '清税证明、营业执照注销、社保注销、公章缴销'],
];

const CITY_CHARS = ['澜州', '青川', '明江', '云城', '石门', '安平', '丰阳', '河西', '临泽', '宁远', '兴和', '长岭', '东湖', '南屏', '北塘', '白沙'];
const DISTRICT_CHARS = ['明湖', '云台', '江口', '石桥', '新城', '老城', '高新', '开发', '西山', '东岸', '南湾', '北关', '河口', '松林'];

function regions() {
  const out = [{ code: '390000', name: '云澜省', level: 'province' }];
  CITY_CHARS.forEach((c, ci) => {
    const cityCode = `39${String(ci + 1).padStart(2, '0')}00`;
    out.push({ code: cityCode, name: `${c}市`, level: 'city', parent: '390000' });
    for (let di = 0; di < 7; di++) {
      const d = DISTRICT_CHARS[(ci * 3 + di) % DISTRICT_CHARS.length];
      out.push({ code: `39${String(ci + 1).padStart(2, '0')}${String(di + 2).padStart(2, '0')}`, name: `${d}${di % 3 === 2 ? '县' : '区'}`, level: 'district', parent: cityCode });
    }
  });
  return out;
}

export const REGIONS = regions();

const APPLICANTS = {
  person: ['本辖区户籍居民', '在本市居住的常住人口', '参保人员', '缴存职工', '年满十八周岁的公民', '老年人及其家属', '新生儿父母或监护人', '退役军人', '持有居住证的非户籍人员', '残疾人及其法定监护人'],
  enterprise: ['依法设立的企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织', '外商投资企业', '从事经营活动的市场主体', '建设单位', '小微企业'],
};
const MATERIALS = ['居民身份证原件及复印件', '居民户口簿', '营业执照副本', '法定代表人身份证明', '授权委托书及受托人身份证', '申请书（原件）', '经营场所使用证明', '房屋租赁合同', '不动产权证书', '结婚证', '出生医学证明', '劳动合同', '社会保险缴费证明', '住房公积金缴存证明', '购房合同及发票', '健康证明', '设备设施清单', '平面布局图', '近期免冠照片', '医疗费用票据', '诊断证明', '退役证件', '残疾人证', '银行账户信息', '章程', '股东会决议', '消防设计文件', '环境影响报告表', '专业技术人员资格证明', '承诺书'];
const REASONS = ['登记事项发生变化', '证件有效期届满', '证件遗失或者损毁', '首次申请', '经营范围调整', '住所迁移', '达到法定退休年龄', '家庭成员变动', '工作调动', '购买自住住房', '跨省就医'];
const FAQS = [
  '问：可以在网上办理吗？答：可以通过政务服务网或掌上办应用全程网办，也可以到政务服务中心综合窗口办理。',
  '问：办理需要本人到场吗？答：不需要，可以委托他人代办，需提交授权委托书。',
  '问：多久可以拿到结果？答：材料齐全的即办即结，需要核查的在承诺时限内办结，结果可以邮寄送达。',
  '问：外地户籍可以办理吗？答：已纳入跨省通办的事项，可以在居住地申请办理。',
  '问：材料不全怎么办？答：实行容缺受理，次要材料可以在规定期限内补齐。',
  '问：收费吗？答：本事项不收费。',
  '问：证照丢了怎么办？答：可以申请补领，电子证照与纸质证照具有同等效力。',
  '问：可以告知承诺吗？答：符合条件的实行告知承诺制，当场作出决定。',
];
/** Sub-items (办理项) once every base service exists in every region. */
const QUALIFIERS = ['个人申请', '单位申请', '网上办理', '窗口办理', '告知承诺', '跨省通办', '容缺受理', '委托代办'];
const CHANNELS = ['政务服务网', '掌上办', '综合窗口', '自助终端', '12345热线'];

function bodyText(rnd, base, regionName, deptName) {
  const who = pick(rnd, APPLICANTS[base.object]);
  const mats = pickN(rnd, MATERIALS, 3 + Math.floor(rnd() * 3));
  const promise = 1 + Math.floor(rnd() * 15);
  return [
    `受理条件：${who}因${pick(rnd, REASONS)}需要${base.title}的，可以向${regionName}${deptName}提出申请。`,
    `申请材料：${mats.map((m, i) => `${i + 1}. ${m}`).join('；')}。`,
    `办理流程：申请、受理、审查、决定、送达；可以通过${pickN(rnd, CHANNELS, 2).join('或')}办理。`,
    `承诺时限${promise}个工作日，法定时限${promise + 5 + Math.floor(rnd() * 15)}个工作日。`,
    `收费标准：${rnd() < 0.8 ? '不收费' : '按规定标准收取工本费'}。`,
    ...pickN(rnd, FAQS, 2),
  ].join('');
}

/** The base services (without region), deterministic. */
export function baseServices() {
  const out = [];
  for (const d of DEPARTMENTS) {
    for (const [object, actions] of d.items) {
      for (const action of actions) {
        const title = object.endsWith(action) ? object : `${object}${action}`;
        out.push({ key: `${d.id}:${title}`, title, dept: d, object: d.object, themes: d.themes, aliases: [] });
      }
    }
  }
  for (const [title, deptId, themes, lifeEvent, parts] of BUNDLES) {
    const dept = DEPARTMENTS.find((d) => d.id === deptId);
    out.push({ key: `bundle:${title}`, title, dept, object: dept.object, themes, lifeEvent, aliases: [title.replace('一件事', '')], extra: `本事项整合${parts}等事项，一次申请，一次办结。` });
  }
  // Common aliases citizens use.
  const alias = { 住房公积金提取: ['公积金取钱'], 社会保障卡申领: ['社保卡办理'], 高龄津贴申领: ['老人补贴'], 营业执照设立登记: ['开公司', '注册公司'] };
  for (const s of out) if (alias[s.title]) s.aliases.push(...alias[s.title]);
  return out;
}

const BASES = baseServices();

/** Document number `i` of the catalogue (0-based); depends on `i` and `seed` only. */
export function catalogueDoc(i, seed = 20261128) {
  const rnd = prng(Math.imul(seed ^ i, 0x9e3779b1) ^ (i >>> 16));
  const base = BASES[i % BASES.length];
  const region = REGIONS[Math.floor(i / BASES.length) % REGIONS.length];
  const round = Math.floor(i / (BASES.length * REGIONS.length));
  return {
    id: `item-${String(i).padStart(7, '0')}`,
    fields: {
      title: round === 0 ? base.title : `${base.title}（${QUALIFIERS[(round - 1) % QUALIFIERS.length]}）`,
      aliases: base.aliases,
      department: `${region.name}${base.dept.name}`,
      body: bodyText(rnd, base, region.name, base.dept.name) + (base.extra ?? ''),
    },
    facets: {
      department: [`${region.code}-${base.dept.id}`],
      region: [region.code],
      object: [base.object],
      theme: base.themes,
      ...(base.lifeEvent ? { lifeEvent: [base.lifeEvent] } : {}),
    },
    boost: base.lifeEvent ? 1.2 : 1,
  };
}

/** The first `n` catalogue documents. */
export function generateCatalogue(n, seed = 20261128) {
  return Array.from({ length: n }, (_, i) => catalogueDoc(i, seed));
}
