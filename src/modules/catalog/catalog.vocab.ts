/**
 * The catalogue's fixed vocabularies with their Chinese and English names. Codes are stable identifiers stored in
 * guides and used in URLs and filters; names are what people read.
 */

export const ITEM_TYPES = {
  '01': { zh: '行政许可', en: 'Administrative licensing' },
  '02': { zh: '行政处罚', en: 'Administrative penalty' },
  '03': { zh: '行政强制', en: 'Administrative enforcement' },
  '04': { zh: '行政征收', en: 'Administrative levy' },
  '05': { zh: '行政给付', en: 'Administrative benefit payment' },
  '06': { zh: '行政检查', en: 'Administrative inspection' },
  '07': { zh: '行政确认', en: 'Administrative confirmation' },
  '08': { zh: '行政奖励', en: 'Administrative award' },
  '09': { zh: '行政裁决', en: 'Administrative adjudication' },
  '10': { zh: '其他行政权力', en: 'Other administrative power' },
  '20': { zh: '公共服务', en: 'Public service' },
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;

/** 主题: how portals group items for citizens (个人) and for enterprises (法人). */
export const THEMES = {
  // 个人服务
  birth: { zh: '生育收养', en: 'Birth and adoption', object: 'person' },
  hukou: { zh: '户籍办理', en: 'Household registration', object: 'person' },
  education: { zh: '教育科研', en: 'Education', object: 'person' },
  employment: { zh: '就业创业', en: 'Employment and start-ups', object: 'person' },
  marriage: { zh: '婚姻登记', en: 'Marriage registration', object: 'person' },
  social_security: { zh: '社会保障', en: 'Social security', object: 'person' },
  medical: { zh: '医疗卫生', en: 'Health and medical insurance', object: 'person' },
  housing: { zh: '住房保障', en: 'Housing and housing fund', object: 'person' },
  transport: { zh: '交通出行', en: 'Transport', object: 'person' },
  documents: { zh: '证件办理', en: 'Identity documents', object: 'person' },
  elderly: { zh: '养老服务', en: 'Elderly care and retirement', object: 'person' },
  social_assistance: { zh: '社会救助', en: 'Social assistance', object: 'person' },
  funeral: { zh: '死亡殡葬', en: 'Death and funeral', object: 'person' },
  // 法人服务
  establishment: { zh: '设立变更', en: 'Setting up and changes', object: 'enterprise' },
  permits: { zh: '准营准办', en: 'Operating permits', object: 'enterprise' },
  qualification: { zh: '资质认证', en: 'Qualifications', object: 'enterprise' },
  tax: { zh: '税收财务', en: 'Tax and finance', object: 'enterprise' },
  human_resources: { zh: '人力资源', en: 'Staff and social insurance', object: 'enterprise' },
  housing_fund: { zh: '公积金', en: 'Housing provident fund', object: 'enterprise' },
  fire_safety: { zh: '消防安全', en: 'Fire safety', object: 'enterprise' },
  construction: { zh: '工程建设', en: 'Construction projects', object: 'enterprise' },
  food_drug: { zh: '食品药品', en: 'Food and drugs', object: 'enterprise' },
  closure: { zh: '注销退出', en: 'Closing down', object: 'enterprise' },
} as const;
export type ThemeCode = keyof typeof THEMES;

/** 一件事一次办: life events an item belongs to (the bundles module builds merged forms for them later). */
export const LIFE_EVENTS = {
  birth: { zh: '出生一件事', en: 'Having a baby' },
  enterprise_opening: { zh: '企业开办一件事', en: 'Opening a business' },
  restaurant_opening: { zh: '开办餐饮店一件事', en: 'Opening a restaurant' },
  employment: { zh: '就业一件事', en: 'Getting a job' },
  retirement: { zh: '退休一件事', en: 'Retiring' },
  home_purchase: { zh: '购房一件事', en: 'Buying a home' },
  after_death: { zh: '身后一件事', en: 'After a death' },
} as const;
export type LifeEventCode = keyof typeof LIFE_EVENTS;

export const ONLINE_DEPTHS = {
  1: { zh: '一级：网上办事指南', en: 'Level 1: guide online' },
  2: { zh: '二级：网上预审', en: 'Level 2: pre-check online' },
  3: { zh: '三级：网上受理，窗口领证', en: 'Level 3: accepted online, result at a window' },
  4: { zh: '四级：全程网办', en: 'Level 4: fully online' },
} as const;

/** 行使层级 digit in the implementation code (inferred; see docs/formats/catalog.md). */
export const LEVEL_DIGITS = { national: '1', province: '2', city: '3', district: '4', township: '5' } as const;

export const TONGBAN_SCOPES = {
  none: { zh: '不通办', en: 'Handled locally only' },
  province: { zh: '省内通办', en: 'Anywhere in the province' },
  cross_province: { zh: '跨省通办', en: 'Across provinces' },
  national: { zh: '全国通办', en: 'Nationwide' },
} as const;
