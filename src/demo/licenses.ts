/**
 * Demo electronic licences: the licence type catalogue (licenses-data.ts), then the licences the demo citizens and
 * enterprises hold, loaded the way a department loads its existing licences (one `tongban.licences/1` import per
 * issuing department), one licence issued from a demo case's approval, one revocation and one suspension.
 *
 * - 张三 (zhangsan): 居民身份证, 居民户口簿, 结婚证, 社会保障卡 (issued under 国密: 澜州市人社局 signs with SM2-SM3),
 *   机动车行驶证 ×2 (the old one revoked when the car was sold), 不动产权证书.
 * - 李四 (lisi): 居民身份证; acting for 鲜味餐饮: 营业执照, 食品经营许可证; for 李记商贸: 营业执照, 食品经营许可证 (suspended).
 * - 王五 (wangwu): 居住证, 道路运输从业人员从业资格证; 赵六 (zhaoliu): 就业创业证; 刘梅: 结婚证.
 * - Enterprises whose agents hold `licenses.use`: 澜州智云 (宋佳琪), 澜江物流 (姚振宇, also 道路运输经营许可证);
 *   others: 惠民大药房 (药品经营许可证), 马记牛肉面馆, 渔港海鲜酒楼 (with 消防安全检查合格证), 卢氏五金经营部 (吊销).
 * - From a case: the 营业执照 of 澜州市明湖区小满文化创意有限公司 (zhangsan's company registration, delivered).
 *
 * Dates of time-limited licences are counted back from the day of seeding, so a fresh demo never holds licences
 * that have run out. docs/licences.md lists them.
 */
import type { Deps } from '../platform/deps.js';
import { systemActor } from '../platform/actor.js';
import { generateUscc } from '../platform/codes.js';
import { changeLicenceStatus, createType, importLicences, issueLicenceForCase, LICENCES_FORMAT } from '../modules/licenses/index.js';
import { DEMO_LICENCE_TYPES as L } from './catalog-data.js';
import { DEMO_LICENCE_TYPE_DEFS } from './licenses-data.js';
import { demoDepartments, demoEnterprises, demoPeople, type DemoEnterprise, type DemoPerson } from './province-data.js';

const person = (name: string): DemoPerson => {
  const p = demoPeople.find((x) => x.name === name);
  if (!p) throw new Error(`demo licences: no person ${name}`);
  return p;
};
const enterprise = (name: string): DemoEnterprise => {
  const e = demoEnterprises.find((x) => x.name === name);
  if (!e) throw new Error(`demo licences: no enterprise ${name}`);
  return e;
};
const deptByKey = (key: string) => {
  const d = demoDepartments.find((x) => x.key === key);
  if (!d) throw new Error(`demo licences: no department ${key}`);
  return d;
};

/** The department that issues SM2-SM3 (国密) credentials in the demo. */
export const DEMO_SM2_DEPARTMENT = 'lz_rs';
/** The enterprise whose 营业执照 is revoked, and the one whose 食品经营许可证 is suspended. */
export const DEMO_REVOKED = { enterprise: '青川市江口区卢氏五金经营部', type: L.businessLicence.code };
export const DEMO_SUSPENDED = { enterprise: '澜州市云台区李记商贸有限公司', type: L.foodBusinessLicence.code };

interface Row {
  dept: string;
  typeCode: string;
  number: string;
  holder: { kind: 'person'; idNumber: string; name: string } | { kind: 'enterprise'; uscc: string; name: string };
  issuedOn: string;
  validFrom?: string;
  validTo?: string;
  fields: Record<string, unknown>;
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
function addYearsMinusDay(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

const sexOf = (p: DemoPerson) => (p.sex === 'M' ? '男' : '女');
const ethnicityOf = (p: DemoPerson) => p.ethnicity.replace(/族$/, '');
const personHolder = (p: DemoPerson) => ({ kind: 'person' as const, idNumber: p.idNumber, name: p.name });
const entHolder = (e: DemoEnterprise) => ({ kind: 'enterprise' as const, uscc: e.uscc, name: e.name });
const legalRep = (e: DemoEnterprise) => demoPeople.find((p) => p.idNumber === e.legalRepIdNumber)!.name;

function businessLicence(e: DemoEnterprise): Row {
  return {
    dept: e.sourceDepartmentKey, typeCode: L.businessLicence.code, number: e.uscc, holder: entHolder(e), issuedOn: e.establishedOn,
    fields: {
      enterpriseType: e.type, legalRepresentative: legalRep(e), registeredCapital: e.registeredCapital, establishedOn: e.establishedOn,
      businessTerm: `${e.establishedOn}至长期`, address: e.registeredAddress, businessScope: e.businessScope,
    },
  };
}

function foodLicence(e: DemoEnterprise, number: string, issuedOn: string, o: { premises: string; mainBusiness: string; items: string }): Row {
  const d = deptByKey(e.sourceDepartmentKey);
  return {
    dept: e.sourceDepartmentKey, typeCode: L.foodBusinessLicence.code, number, holder: entHolder(e), issuedOn,
    fields: { legalRepresentative: legalRep(e), premises: o.premises, mainBusiness: o.mainBusiness, businessItems: o.items, dailySupervisor: d.name, complaintPhone: '12315' },
  };
}

/** Every demo licence, as import rows, relative to `today` (YYYY-MM-DD, China). */
export function demoLicenceRows(today: string): Row[] {
  const zs = person('张三');
  const lm = person('刘梅');
  const ls = person('李四');
  const ww = person('王五');
  const zl = person('赵六');
  const xianwei = enterprise('澜州市明湖区鲜味餐饮有限公司');
  const liji = enterprise('澜州市云台区李记商贸有限公司');
  const zhiyun = enterprise('澜州智云信息技术有限公司');
  const lanjiang = enterprise('云澜省澜江物流股份有限公司');
  const huimin = enterprise('澜州市明湖区惠民大药房有限公司');
  const maji = enterprise('澜州市明湖区马记牛肉面馆');
  const yugang = enterprise('青川市江口区渔港海鲜酒楼有限公司');
  const lushi = enterprise(DEMO_REVOKED.enterprise);
  const idCardIssued = addDays(today, -1210);
  const marriedOn = '2015-10-08';
  return [
    // ---- people ----
    { dept: 'mh_ga', typeCode: L.idCard.code, number: 'SF3901022023000217', holder: personHolder(zs), issuedOn: idCardIssued, validTo: addYearsMinusDay(idCardIssued, 20),
      fields: { sex: sexOf(zs), ethnicity: ethnicityOf(zs), birthDate: zs.birthDate, address: zs.hukouAddress } },
    { dept: 'mh_ga', typeCode: L.idCard.code, number: 'SF3901022020004406', holder: personHolder(ls), issuedOn: addDays(today, -2400), validTo: addYearsMinusDay(addDays(today, -2400), 20),
      fields: { sex: sexOf(ls), ethnicity: ethnicityOf(ls), birthDate: ls.birthDate, address: ls.hukouAddress } },
    { dept: 'mh_ga', typeCode: L.hukouBook.code, number: 'HK39010200318', holder: personHolder(zs), issuedOn: '2016-03-21',
      fields: { householdHead: zs.name, relation: '户主', householdType: '家庭户', address: zs.hukouAddress } },
    { dept: 'mh_mz', typeCode: L.marriageCertificate.code, number: 'J390102201500318', holder: personHolder(zs), issuedOn: marriedOn,
      fields: { spouseName: lm.name, spouseIdNumber: lm.idNumber, registeredOn: marriedOn, registrationOffice: '澜州市明湖区民政局婚姻登记处' } },
    { dept: 'mh_mz', typeCode: L.marriageCertificate.code, number: 'J390102201500319', holder: personHolder(lm), issuedOn: marriedOn,
      fields: { spouseName: zs.name, spouseIdNumber: zs.idNumber, registeredOn: marriedOn, registrationOffice: '澜州市明湖区民政局婚姻登记处' } },
    { dept: 'lz_rs', typeCode: L.socialSecurityCard.code, number: 'SB3901000471205', holder: personHolder(zs), issuedOn: addDays(today, -820),
      fields: { cardNumber: 'L39010247A', bank: '中国建设银行澜州分行', issuingCity: '澜州市' } },
    { dept: 'lz_rs', typeCode: L.employmentCertificate.code, number: 'JY3901002026000217', holder: personHolder(zl), issuedOn: addDays(today, -40),
      fields: { employmentStatus: '失业', registeredArea: '澜州市云台区', policies: '失业保险金申领' } },
    { dept: 'lz_ga', typeCode: L.vehicleLicence.code, number: 'XS3901002019004417', holder: personHolder(zs), issuedOn: '2019-06-12',
      fields: { plateNumber: '云A·3H72K', vehicleType: '小型普通客车', brandModel: '长安牌SC7164', vin: 'LS5A3ABE9KA004417', registeredOn: '2019-06-12' } },
    { dept: 'lz_ga', typeCode: L.vehicleLicence.code, number: 'XS3901002025011862', holder: personHolder(zs), issuedOn: addDays(today, -300),
      fields: { plateNumber: '云A·D5Q18', vehicleType: '小型普通客车', brandModel: '比亚迪牌BYD7005BEV', vin: 'LGXCE4CB8S0011862', registeredOn: addDays(today, -300) } },
    { dept: 'lz_zrzy', typeCode: L.realEstateCertificate.code, number: 'YL2021LZ0012877', holder: personHolder(zs), issuedOn: '2021-09-15',
      fields: {
        location: '云澜省澜州市明湖区湖滨路128号翠湖苑3栋2单元501室', unitNumber: '390102001003GB00021F00030012', rightType: '国有建设用地使用权/房屋所有权', use: '城镇住宅用地/住宅',
        area: 89.36, ownership: '共同共有', landUseTerm: '2012-05-01起2082-04-30止',
      } },
    { dept: 'mh_ga', typeCode: L.residencePermit.code, number: 'JZ3901022026001408', holder: personHolder(ww), issuedOn: addDays(today, -95),
      fields: { residenceAddress: ww.residenceAddress, hukouAddress: ww.hukouAddress, issuingArea: '澜州市明湖区' } },
    { dept: 'qc_jt', typeCode: L.driverQualification.code, number: 'CY390200202300311', holder: personHolder(ww), issuedOn: addDays(today, -700),
      fields: { qualificationCategory: '道路旅客运输驾驶员', address: ww.hukouAddress } },
    // ---- enterprises ----
    businessLicence(xianwei),
    foodLicence(xianwei, 'JY33901020036512', addDays(today, -500), { premises: '云澜省澜州市明湖区湖滨路118号1至2层', mainBusiness: '餐饮服务经营者（大型餐馆）', items: '热食类食品制售；冷食类食品制售；自制饮品制售' }),
    businessLicence(liji),
    foodLicence(liji, 'JY13901050021877', addDays(today, -640), { premises: '云澜省澜州市云台区望江路188号', mainBusiness: '食品销售经营者（超市）', items: '预包装食品销售（含冷藏冷冻食品）；散装食品销售（不含冷藏冷冻食品）' }),
    businessLicence(zhiyun),
    businessLicence(lanjiang),
    { dept: 'lz_jt', typeCode: L.roadTransportLicence.code, number: '390100300215', holder: entHolder(lanjiang), issuedOn: addDays(today, -380),
      fields: { legalRepresentative: legalRep(lanjiang), address: lanjiang.registeredAddress, businessScope: '道路普通货物运输；货物专用运输（集装箱）' } },
    businessLicence(huimin),
    { dept: 'lz_scjg', typeCode: L.drugBusinessLicence.code, number: 'YL39010A0217', holder: entHolder(huimin), issuedOn: addDays(today, -900),
      fields: { legalRepresentative: legalRep(huimin), qualityManager: '钱慧芳', premises: huimin.registeredAddress, businessMode: '药品零售', businessScope: '处方药、甲类非处方药、乙类非处方药：中药饮片、中成药、化学药、生物制品' } },
    businessLicence(maji),
    foodLicence(maji, 'JY23901020009143', addDays(today, -1100), { premises: maji.registeredAddress, mainBusiness: '餐饮服务经营者（小型餐馆）', items: '热食类食品制售（清真）' }),
    businessLicence(yugang),
    foodLicence(yugang, 'JY33902020005520', addDays(today, -210), { premises: yugang.registeredAddress, mainBusiness: '餐饮服务经营者（大型餐馆）', items: '热食类食品制售；冷食类食品制售；生食类食品制售' }),
    { dept: 'qc_xf', typeCode: L.fireInspectionCertificate.code, number: 'QCXFJ2024008811', holder: entHolder(yugang), issuedOn: '2024-03-18',
      fields: { venueName: '渔港海鲜酒楼', venueAddress: yugang.registeredAddress, venueArea: 1260, venueUse: '餐饮场所', fireManager: legalRep(yugang) } },
    businessLicence(lushi),
  ];
}

/** Load the demo licence types and licences (called by seedDemo, after the cases). */
export async function seedDemoLicences(deps: Deps): Promise<void> {
  const actor = systemActor('seed-demo');
  const depts = await deps.db.selectFrom('departments').select(['id', 'uscc', 'kind', 'level']).execute();
  const idOf = (key: string) => {
    const uscc = deptByKey(key).uscc;
    const d = depts.find((x) => x.uscc === uscc);
    if (!d) throw new Error(`demo licences: department ${key} is not in the database`);
    return d.id;
  };
  for (const t of DEMO_LICENCE_TYPE_DEFS) {
    const issuers = depts.filter((d) => t.issuerKinds.includes(d.kind) && (!t.issuerLevels || t.issuerLevels.includes(d.level as 'city'))).map((d) => d.id);
    await createType(deps, actor, {
      code: t.code, name: t.name, nameEn: t.nameEn, holderKind: t.holderKind, definingDepartmentId: idOf(t.definingDepartmentKey), definingAuthority: t.definingAuthority,
      description: t.description, issuerDepartmentIds: issuers, fields: t.fields, validity: t.validity,
    });
  }
  // 国密: the city HRSS bureau signs with SM2-SM3 (a key made now; a data dir that already holds its key keeps it)
  const keys = deps.licenceKeys;
  if (keys) {
    try {
      await keys.generate(deptByKey(DEMO_SM2_DEPARTMENT).uscc, 'SM2-SM3');
    } catch {
      /* the department has a key already */
    }
  }
  const today = deps.calendar.chinaDate(deps.clock.now());
  const byDept = new Map<string, Row[]>();
  for (const r of demoLicenceRows(today)) byDept.set(r.dept, [...(byDept.get(r.dept) ?? []), r]);
  for (const [key, rows] of byDept) {
    const doc = { format: LICENCES_FORMAT, issuer: deptByKey(key).uscc, licences: rows.map(({ dept: _d, ...row }) => row) };
    await importLicences(deps, actor, JSON.stringify(doc));
  }

  // the 营业执照 of the company registered in the delivered demo case, issued from the case's approval
  const c = await deps.db.selectFrom('cases').select(['id', 'case_number', 'form_data', 'department_id', 'concluded_at', 'updated_at', 'applicant_user_id'])
    .where('idempotency_key', '=', 'demo-case-mh-company-delivered').executeTakeFirst();
  if (c) {
    const form = JSON.parse(c.form_data) as Record<string, unknown>;
    const issuedAt = c.concluded_at ?? c.updated_at;
    await deps.db.transaction().execute((tx) => issueLicenceForCase(tx, deps, actor, {
      caseId: c.id, caseNumber: c.case_number, licenseTypeCode: L.businessLicence.code, issuerDepartmentId: c.department_id,
      holder: { kind: 'enterprise', uscc: generateUscc('9', '1', '390102', 'MA7XM3C1'), name: String(form.companyName), userId: c.applicant_user_id },
      issuedAt,
      fields: {
        enterpriseType: '有限责任公司（自然人独资）', legalRepresentative: String(form.legalRepName), registeredCapital: `${String(form.registeredCapital)}万元人民币`,
        establishedOn: deps.calendar.chinaDate(issuedAt), businessTerm: `${deps.calendar.chinaDate(issuedAt)}至长期`, address: String(form.address), businessScope: String(form.businessScope),
      },
    }));
  }

  // 吊销: the hardware shop's business licence; 暂停: 李记's food business licence after an inspection
  const find = async (holderName: string, typeCode: string) =>
    (await deps.db.selectFrom('licenses').select('licence_id').where('holder_name', '=', holderName).where('type_code', '=', typeCode).executeTakeFirstOrThrow()).licence_id;
  await changeLicenceStatus(deps, actor, await find(DEMO_REVOKED.enterprise, DEMO_REVOKED.type), 'revoke', '因未按规定接受年度报告公示检查且拒不改正，依法吊销营业执照（青江市监处罚〔2026〕第0117号）');
  await changeLicenceStatus(deps, actor, await find(DEMO_SUSPENDED.enterprise, DEMO_SUSPENDED.type), 'suspend', '监督检查发现散装食品储存不符合要求，责令停业整改期间暂停使用');
  const oldCar = (await deps.db.selectFrom('licenses').select('licence_id').where('number', '=', 'XS3901002019004417').executeTakeFirstOrThrow()).licence_id;
  await changeLicenceStatus(deps, actor, oldCar, 'revoke', '车辆已办理转移登记，原行驶证作废');
}
