/**
 * Small knowledge-base and duty-list fixtures for the consultation tests, in the import formats (docs/formats/kb.md,
 * docs/formats/duties.md), against the demo province. `isolateFixtures` retires whatever the demo seed loaded, so
 * the tests see only these.
 */
import { withTx } from '../../../platform/db/database.js';
import type { TestPlatform } from '../../../testing/harness.js';
import { engineOf } from '../use-cases/retrieval.js';

export const ID_CARD_RENEWAL = '000109002002';
export const INDIVIDUAL_SETUP = '00013112700501';

const basis = [{ document: '《住房公积金管理条例》', clause: '第二十四条' }];

export const fixtureKb = [
  {
    code: 'KB-T-gjj-rent', departmentCode: 'lz_gjj', question: '租房提取住房公积金需要什么条件和材料',
    alternatives: ['租房可以取公积金吗', '用公积金付房租怎么办理'],
    answer: '在本市无自有住房且租房自住的缴存职工，可每月提取住房公积金支付房租。\n材料：身份证、租赁合同。', basis,
    regionCodes: ['390100'], tags: ['公积金', '租房提取'], topic: 'gjj.withdrawal.rent',
    facts: { materials: ['身份证', '租赁合同'], limit: '每月最高1500元', fee: '免费' },
  },
  {
    code: 'KB-T-gjj-loan', departmentCode: 'lz_gjj', question: '住房公积金贷款最高能贷多少',
    alternatives: ['公积金贷款额度是多少'], answer: '单人缴存最高可贷60万元，双人缴存最高可贷80万元。', basis,
    regionCodes: ['390100'], tags: ['公积金贷款'], topic: 'gjj.loan.limit', facts: { limit: '单人60万元，双人80万元' },
  },
  {
    code: 'KB-T-gjj-old', departmentCode: 'lz_gjj', question: '公积金提取旧政策（已废止）怎么执行',
    answer: '旧政策已废止。', basis, regionCodes: ['390100'], validTo: '2020-12-31', tags: [],
  },
  {
    code: 'KB-T-gjj-future', departmentCode: 'lz_gjj', question: '公积金提取未来新政策什么时候执行',
    answer: '新政策尚未生效。', basis, regionCodes: ['390100'], validFrom: '2099-01-01', tags: [],
  },
  {
    code: 'KB-T-scjg-individual', departmentCode: 'lz_scjg', question: '个体工商户营业执照怎么办理',
    alternatives: ['开个小店要办什么执照'], answer: '经营者持身份证和经营场所证明到市场监管部门登记，当场领取营业执照。',
    basis: [{ document: '《促进个体工商户发展条例》' }], regionCodes: ['390100'], tags: ['个体户', '营业执照'], itemCodes: [INDIVIDUAL_SETUP],
  },
  {
    code: 'KB-T-rs-unemployment', departmentCode: 'lz_rs', question: '失业保险金怎么申领',
    alternatives: ['失业了能领失业金吗'], answer: '非因本人意愿中断就业、缴费满一年并已办理失业登记的，可申领失业保险金。',
    basis: [{ document: '《失业保险条例》', clause: '第十四条' }], regionCodes: ['390100'], tags: ['失业金'],
  },
  {
    code: 'KB-T-ga-idcard', departmentCode: 'lz_ga', question: '身份证丢了怎么补办',
    alternatives: ['居民身份证遗失如何补领'], answer: '携带户口簿到户籍所在地或居住地派出所申请补领，工本费20元。',
    basis: [{ document: '《居民身份证法》', clause: '第十一条' }], regionCodes: ['390100'], tags: ['身份证'], itemCodes: [ID_CARD_RENEWAL],
  },
  {
    code: 'KB-T-qc-yb-remote', departmentCode: 'qc_yb', question: '异地就医备案怎么办理',
    answer: '通过国家医保服务平台或到医保经办窗口办理异地就医备案。', basis: [{ document: '《基本医疗保险跨省异地就医直接结算经办规程》' }],
    regionCodes: ['390200'], tags: ['异地就医'],
  },
];

export const fixtureDuties = [
  { code: 'DUTY-T-lz_gjj-1', departmentCode: 'lz_gjj', matter: '住房公积金提取审核', description: '缴存职工购房、租房、退休等提取住房公积金的审核。', keywords: ['公积金提取', '取公积金', '租房提取', '公积金'], regionCodes: ['390100'] },
  { code: 'DUTY-T-lz_gjj-2', departmentCode: 'lz_gjj', matter: '住房公积金个人贷款', description: '住房公积金个人住房贷款的受理、审批和发放。', keywords: ['公积金贷款', '房贷', '贷款额度'], regionCodes: ['390100'], contact: '0590-12329' },
  { code: 'DUTY-T-mh_scjg-1', departmentCode: 'mh_scjg', matter: '个体工商户登记', description: '辖区个体工商户的设立、变更、注销登记。', keywords: ['个体户', '营业执照', '开店', '个体工商户'], regionCodes: ['390102'] },
  { code: 'DUTY-T-lz_scjg-1', departmentCode: 'lz_scjg', matter: '市场主体登记注册', description: '企业和个体工商户的登记注册，营业执照的核发。', keywords: ['营业执照', '开公司', '企业注册', '个体户'], regionCodes: ['390100'] },
  { code: 'DUTY-T-lz_rs-1', departmentCode: 'lz_rs', matter: '失业保险金申领', description: '失业人员失业保险金的申领与发放。', keywords: ['失业金', '失业保险', '失业'], regionCodes: ['390100'] },
  { code: 'DUTY-T-lz_ga-1', departmentCode: 'lz_ga', matter: '居民身份证办理', description: '居民身份证的首次申领、换领、补领。', keywords: ['身份证', '补办身份证', '身份证丢了'], regionCodes: ['390100'] },
  { code: 'DUTY-T-qc_yb-1', departmentCode: 'qc_yb', matter: '异地就医备案', description: '参保人员异地就医备案和直接结算。', keywords: ['异地就医', '外地看病'], regionCodes: ['390200'] },
];

export const kbFile = (entries: unknown[] = fixtureKb) => JSON.stringify({ format: 'tongban.kb/1', entries });
export const dutiesFile = (duties: unknown[] = fixtureDuties) => JSON.stringify({ format: 'tongban.duties/1', duties });

/** Retires every entry and duty the demo seed loaded (the engine catches up), so that only the fixtures count. */
export async function isolateFixtures(p: TestPlatform): Promise<void> {
  const now = new Date(Date.now() + 1).toISOString();
  await withTx(p.deps.db, async (tx) => {
    await tx.updateTable('kb_entries').set({ status: 'retired', updated_at: now }).where('code', 'not like', 'KB-T-%').execute();
    await tx.updateTable('duty_entries').set({ status: 'retired', updated_at: now }).where('code', 'not like', 'DUTY-T-%').execute();
  });
  await engineOf(p.deps, true);
}
