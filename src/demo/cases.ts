/**
 * Demo cases (办件) so that a first-time visitor finds a living workbench: about two dozen applications of the demo
 * citizens, in every state, most of them at 明湖区. Each is filed and worked through the applications module's own use
 * cases, with the demo citizens and officers as actors and a clock set back in time, so the timelines, deadlines,
 * audit trail, events and notifications are what the platform itself would have written.
 *
 * Times are working days before the moment of seeding (China time), so a fresh demo always shows cases due soon and
 * overdue. docs/demo.md lists the cases and which logins see them.
 */
import type { Actor, OnBehalfOf, StaffRole } from '../platform/actor.js';
import type { Deps } from '../platform/deps.js';
import { manualClock } from '../platform/clock.js';
import { generateUscc } from '../platform/codes.js';
import { getPublishedItem, type Guide, type ItemDetail } from '../modules/catalog/index.js';
import {
  acceptCase, caseClock, claimTask, completeReview, decideCase, deliverResult, followUpRectification, rateCase, receiveTransfer, refuseAcceptance,
  requestCorrection, resubmitCorrection, sendTransfer, startSpecialProcedure, submitApplication, uploadMaterial, type MaterialAnswer, type RatingBody,
} from '../modules/applications/index.js';
import { B } from './catalog-data.js';
import type { DemoFormHandle } from './application-forms.js';
import { demoDepartments, demoEnterprises, demoPeople, type DemoEnterprise, type DemoPerson } from './province-data.js';

// ---------------------------------------------------------------------------------------------
// The people and enterprises of the cases
// ---------------------------------------------------------------------------------------------

const personNamed = (name: string): DemoPerson => {
  const p = demoPeople.find((x) => x.name === name);
  if (!p) throw new Error(`demo cases: no person ${name}`);
  return p;
};
const enterpriseNamed = (name: string): DemoEnterprise => {
  const e = demoEnterprises.find((x) => x.name === name);
  if (!e) throw new Error(`demo cases: no enterprise ${name}`);
  return e;
};
const personByUsername = (username: string): DemoPerson => {
  const p = demoPeople.find((x) => x.username === username);
  if (!p) throw new Error(`demo cases: no citizen account ${username}`);
  return p;
};

const XIANWEI = '澜州市明湖区鲜味餐饮有限公司';
const LIJI = '澜州市云台区李记商贸有限公司';

/** Who fills in a form: the person logged in and, while acting for one, the enterprise. */
export interface Filer {
  person: DemoPerson;
  enterprise?: DemoEnterprise;
}

/** Members of the person's household (same hukou address), the person first. */
const household = (p: DemoPerson): DemoPerson[] => [p, ...demoPeople.filter((x) => x.hukouAddress === p.hukouAddress && x.idNumber !== p.idNumber)];
const spouseOf = (p: DemoPerson): DemoPerson | undefined =>
  p.maritalStatus === '已婚' ? household(p).find((x) => x !== p && x.sex !== p.sex && x.birthDate < '2008-01-01') : undefined;
const legalRepOf = (e: DemoEnterprise): DemoPerson => {
  const p = demoPeople.find((x) => x.idNumber === e.legalRepIdNumber);
  if (!p) throw new Error(`demo cases: no legal representative for ${e.name}`);
  return p;
};

/** Firms named in forms (designers, builders …): fictional, with valid credit codes. */
const firm = (body: string, region = '390100') => generateUscc('9', '1', region, body);

// ---------------------------------------------------------------------------------------------
// Valid form data for each demo form, from the filer's registry records (locked fields carry the registry's values)
// ---------------------------------------------------------------------------------------------

type FormData = Record<string, unknown>;

const elderFields = (elder: DemoPerson, relation: string): FormData => ({
  applyFor: 'family', elderName: elder.name, elderIdNumber: elder.idNumber, elderHukouAddress: elder.hukouAddress, relation,
  residenceAddress: elder.residenceAddress,
});

const enterpriseFacts = (e: DemoEnterprise): FormData => ({ unitName: e.name, uscc: e.uscc, legalRepName: legalRepOf(e).name });
const handler = (p: DemoPerson): FormData => ({ handlerName: p.name, handlerPhone: p.phone, pledge: true });

const need = (f: Filer): DemoEnterprise => {
  if (!f.enterprise) throw new Error('demo cases: this form is filed for an enterprise');
  return f.enterprise;
};

const SAMPLES: Record<DemoFormHandle, (f: Filer) => FormData> = {
  oldAge: ({ person: p }) => ({
    applicantName: p.name, applicantIdNumber: p.idNumber, applicantPhone: p.phone,
    ...elderFields(personNamed('陈秀英'), '孙子女'),
    livingArrangement: 'alone', emergencyName: p.name, emergencyPhone: p.phone, payTo: 'ss_card', pledge: true,
  }),
  lowIncomeConfirm: ({ person: p }) => ({
    applicantName: p.name, applicantIdNumber: p.idNumber, sex: p.sex, maritalStatus: p.maritalStatus, hukouAddress: p.hukouAddress,
    residenceAddress: p.residenceAddress, phone: p.phone, category: 'urban', hardship: 'unemployment',
    reason: '本人今年被原单位解除劳动合同，至今未找到工作，配偶收入微薄，孩子尚在上学，家庭生活困难，特申请最低生活保障。',
    members: household(p).map((m, i) => ({
      name: m.name, idNumber: m.idNumber, relation: i === 0 ? '本人' : m.birthDate > '2008-01-01' ? '子女' : '配偶',
      employment: i === 0 ? 'unemployed' : m.birthDate > '2008-01-01' ? 'student' : 'flexible', health: 'healthy', monthlyIncome: i === 0 ? 0 : m.birthDate > '2008-01-01' ? 0 : 1800,
    })),
    householdIncome: 1800, savings: 12000, housing: 'own_one', vehicles: 0, bankName: '中国工商银行澜州云台支行', bankAccount: '6222023902001234567', authorise: true, pledge: true,
  }),
  birthRegistration: ({ person: p }) => {
    const baby = household(p).filter((x) => x !== p).sort((a, b) => b.birthDate.localeCompare(a.birthDate))[0];
    const spouse = spouseOf(p);
    const father = p.sex === 'M' ? p : spouse;
    const mother = p.sex === 'F' ? p : spouse;
    if (!baby || !father || !mother) throw new Error(`demo cases: ${p.name} has no newborn and spouse in the registry`);
    return {
      babyName: baby.name, babySex: baby.sex, babyBirthDate: baby.birthDate, babyEthnicity: baby.ethnicity, birthRegion: baby.regionCode,
      birthHospital: '澜州市明湖区妇幼保健院', birthCertificateNo: 'Q390126173', fatherName: father.name, fatherIdNumber: father.idNumber,
      motherName: mother.name, motherIdNumber: mother.idNumber, parentsMarried: 'married', settleWith: p.sex === 'M' ? 'father' : 'mother',
      hukouAddress: p.hukouAddress, householderName: p.name, relationToHouseholder: baby.sex === 'M' ? '子' : '女', declarantName: p.name,
      declarantIdNumber: p.idNumber, declarantRelation: p.sex === 'M' ? '父亲' : '母亲', declarantPhone: p.phone, collect: 'mail', mailingAddress: p.residenceAddress, pledge: true,
    };
  },
  residencePermit: ({ person: p }) => ({
    applicantName: p.name, applicantIdNumber: p.idNumber, sex: p.sex, ethnicity: p.ethnicity, hukouAddress: p.hukouAddress, phone: p.phone,
    residenceRegion: '390102', residenceAddress: p.residenceAddress, registeredSince: '2025-09-01', housing: 'rent', basis: 'employment',
    employerName: XIANWEI, employerUscc: enterpriseNamed(XIANWEI).uscc, collect: 'window', pledge: true,
  }),
  residentMedical: ({ person: p }) => {
    const child = household(p).filter((x) => x !== p).sort((a, b) => b.birthDate.localeCompare(a.birthDate))[0];
    if (!child) throw new Error(`demo cases: ${p.name} has no child in the registry`);
    return {
      applicantName: p.name, applicantIdNumber: p.idNumber, applicantPhone: p.phone, enrolFor: 'family', insuredName: child.name,
      insuredIdNumber: child.idNumber, insuredRelation: '子女', category: child.birthDate >= '2026-01-01' ? 'newborn' : 'minor',
      residenceStatus: 'hukou', assistance: 'none', pledge: true,
    };
  },
  unemploymentBenefit: ({ person: p }) => ({
    applicantName: p.name, applicantIdNumber: p.idNumber, phone: p.phone, residenceAddress: p.residenceAddress,
    employerName: '澜州云台精密机械制造有限公司', employerUscc: enterpriseNamed('澜州云台精密机械制造有限公司').uscc, separationDate: '2026-10-31',
    separationReason: 'contract_end', desiredJob: '机械设备维修、数控操作', desiredRegion: '390100', register: true, payTo: 'ss_card', pledge: true,
  }),
  fundRent: ({ person: p }) => ({
    applicantName: p.name, applicantIdNumber: p.idNumber, phone: p.phone, maritalStatus: p.maritalStatus, fundAccount: '201907300125',
    employerName: XIANWEI, basis: 'standard', frequency: 'monthly', bankName: '中国建设银行澜州明湖支行', bankAccount: '6217003900012345678', pledge: true,
  }),
  fundPurchase: ({ person: p }) => {
    const spouse = spouseOf(p);
    return {
      applicantName: p.name, applicantIdNumber: p.idNumber, phone: p.phone, maritalStatus: p.maritalStatus, fundAccount: '201203150088',
      employerName: '澜州明湖湾文化传媒有限公司', houseType: 'new', houseRegion: '390102', houseAddress: '云澜省澜州市明湖区滨湖大道166号湖畔云庭3栋2单元1802室',
      contractNo: 'LZWQ2026091203', purchaseDate: '2026-09-20', area: 128.6, totalPrice: 2315000, loanAmount: 1200000, amount: 186000,
      ...(spouse ? { spouseAlso: true, spouseName: spouse.name, spouseIdNumber: spouse.idNumber } : {}),
      bankName: '中国工商银行澜州湖滨支行', bankAccount: '6222023902005678123', pledge: true,
    };
  },
  fundDeposit: (f) => {
    const e = need(f);
    return {
      ...enterpriseFacts(e), unitType: e.type, unitAddress: e.registeredAddress, unitRatio: 8, employeeRatio: 8, firstMonth: '2026-12',
      employeeCount: 12, bankName: '中国建设银行澜州明湖支行', ...handler(f.person),
    };
  },
  enterpriseSetup: ({ person: p }) => ({
    companyName: '澜州市明湖区小满文化创意有限公司', companyType: 'llc_sole', registeredCapital: 50,
    businessScope: '一般项目：组织文化艺术交流活动；文艺创作；平面设计；会议及展览服务；工艺美术品及礼仪用品销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    regionCode: '390102', address: '云澜省澜州市明湖区湖滨路88号创意园B座305室', residenceProof: 'proof', legalRepName: p.name, legalRepIdNumber: p.idNumber,
    legalRepPhone: p.phone, governance: 'director', supervisorName: spouseOf(p)?.name ?? '黄志强',
    shareholders: [{ kind: 'person', name: p.name, idNumber: p.idNumber, amount: 50, method: '货币', dueDate: '2031-06-30' }],
    contactName: p.name, contactPhone: p.phone, sealEngraving: true, taxInvoice: true, pledge: true,
  }),
  individualSetup: ({ person: p }) => ({
    operatorName: p.name, operatorIdNumber: p.idNumber, operatorPhone: p.phone, operatorAddress: p.hukouAddress, organisation: 'personal',
    useName: 'yes', businessName: '澜州市明湖区五哥山茶网店', premisesType: 'online', platformName: '云澜优选', shopUrl: 'https://shop.yunlanyouxuan.example/wuge-tea',
    businessScope: '一般项目：互联网销售（除销售需要许可的商品）；农副产品销售；食用农产品零售。', capital: 2, employees: 1, pledge: true,
  }),
  foodNew: (f) => {
    const e = need(f);
    return {
      ...enterpriseFacts(e), registeredAddress: e.registeredAddress, storeName: '鲜味餐饮湖滨路店', premisesRegion: '390102',
      premisesAddress: '云澜省澜州市明湖区湖滨路118号1至2层', premisesArea: 620, venueScale: 'large', seats: 260, businessForm: 'catering',
      hotFood: true, coldFood: true, drinks: true, online: true, safetyManager: '马晓燕', safetyManagerPhone: '13907716358', staffCount: 28,
      approach: 'standard', ...handler(f.person),
    };
  },
  drugRetail: (f) => {
    const e = need(f);
    return {
      ...enterpriseFacts(e), storeName: '李记大药房凤鸣路店', storeRegion: '390105', storeAddress: '云澜省澜州市云台区凤鸣路126号', businessArea: 86,
      storageArea: 20, chain: 'single', prescription: true, otcA: true, otcB: true, manager: legalRepOf(e).name, qualityManager: '钱慧芳',
      pharmacist: '周晓雯', pharmacistRegNo: '390120260001236', ...handler(f.person),
    };
  },
  fireInspection: (f) => {
    const e = need(f);
    return {
      ...enterpriseFacts(e), fireManager: legalRepOf(e).name, fireManagerPhone: legalRepOf(e).phone, venueName: '鲜味餐饮湖滨路店', venueRegion: '390102',
      venueAddress: '云澜省澜州市明湖区湖滨路118号1至2层', venueType: 'restaurant', floors: '1至2层', venueArea: 620, capacity: 300,
      buildingAcceptance: 'filed', acceptanceDocNo: '澜住建消备字〔2026〕第0318号', approach: 'standard', plannedOpening: '2027-01-18', ...handler(f.person),
    };
  },
  fireAcceptance: (f) => {
    const e = need(f);
    return {
      ...enterpriseFacts(e), projectManager: '韩立新', projectManagerPhone: '13807712046', projectName: '李记商贸城（一期）',
      projectCode: '2025-390105-51-01-000318', permitNo: '390105202505120101', projectRegion: '390105', projectAddress: '云澜省澜州市云台区望江路366号',
      category: 'crowd', useType: '商场', buildingArea: 23600, buildingHeight: 23.7, floorsAbove: 5, floorsBelow: 1, designReviewNo: '澜住建消审字〔2025〕第0127号',
      participants: [
        { role: 'design', name: '云澜省建筑设计研究院有限公司', uscc: firm('MA2DQ7K1', '390000') },
        { role: 'construction', name: '澜州建工集团有限公司', uscc: firm('MA3CR8L2') },
        { role: 'supervision', name: '澜州正衡工程监理有限公司', uscc: firm('MA5BT9M3') },
      ],
      jointPlanning: true, ...handler(f.person),
    };
  },
};

/** Valid data for a demo form filed by `filer`; `over` replaces fields (undefined removes one). */
export function demoFormData(handle: DemoFormHandle, filer: Filer, over: FormData = {}): FormData {
  const out: FormData = { ...SAMPLES[handle](filer), ...over };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}

/** Who files each demo form in the tests and in the cases below (username, and the enterprise when acting for one). */
export const DEMO_FORM_FILERS: Record<DemoFormHandle, { username: string; enterprise?: string; department: string }> = {
  oldAge: { username: 'zhangsan', department: 'mh_mz' },
  lowIncomeConfirm: { username: 'zhaoliu', department: 'mh_mz' },
  birthRegistration: { username: 'zhangsan', department: 'mh_ga' },
  residencePermit: { username: 'wangwu', department: 'mh_ga' },
  residentMedical: { username: 'zhangsan', department: 'mh_yb' },
  unemploymentBenefit: { username: 'zhaoliu', department: 'lz_rs' },
  fundRent: { username: 'wangwu', department: 'lz_gjj' },
  fundPurchase: { username: 'zhangsan', department: 'lz_gjj' },
  fundDeposit: { username: 'lisi', enterprise: XIANWEI, department: 'lz_gjj' },
  enterpriseSetup: { username: 'zhangsan', department: 'mh_scjg' },
  individualSetup: { username: 'wangwu', department: 'mh_scjg' },
  foodNew: { username: 'wangwu', enterprise: XIANWEI, department: 'mh_scjg' },
  drugRetail: { username: 'lisi', enterprise: LIJI, department: 'lz_scjg' },
  fireInspection: { username: 'lisi', enterprise: XIANWEI, department: 'lz_xf' },
  fireAcceptance: { username: 'lisi', enterprise: LIJI, department: 'lz_zj' },
};

export function demoFiler(handle: DemoFormHandle): Filer {
  const f = DEMO_FORM_FILERS[handle];
  return { person: personByUsername(f.username), ...(f.enterprise ? { enterprise: enterpriseNamed(f.enterprise) } : {}) };
}

// ---------------------------------------------------------------------------------------------
// A small real PDF (one page, "sample material"), uploaded by each demo citizen as their material
// ---------------------------------------------------------------------------------------------

/** A valid one-page PDF 1.4 with a correct cross-reference table. */
export function demoMaterialPdf(): Buffer {
  const text = 'BT /F1 20 Tf 72 760 Td (Yunlan demo province) Tj 0 -30 Td /F1 12 Tf (Sample application material - fictional, for demonstration only.) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Title (Demo material) /Producer (Tongban demo seed) >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Actors: the demo accounts as the auth hook would build them
// ---------------------------------------------------------------------------------------------

async function loadActors(deps: Deps, usernames: string[]): Promise<Map<string, Actor>> {
  const users = await deps.db.selectFrom('users').select(['id', 'username', 'kind', 'display_name', 'id_number', 'department_id']).where('username', 'in', usernames).execute();
  const roles = await deps.db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', users.map((u) => u.id)).execute();
  const depts = await deps.db.selectFrom('departments').select(['id', 'region_code']).execute();
  const regionOf = new Map(depts.map((d) => [d.id, d.region_code]));
  const out = new Map<string, Actor>();
  for (const u of users) {
    out.set(u.username, {
      kind: u.kind === 'staff' ? 'staff' : 'citizen', userId: u.id, username: u.username, displayName: u.display_name, idNumber: u.id_number,
      roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as StaffRole), departmentId: u.department_id,
      regionCode: u.department_id ? regionOf.get(u.department_id) ?? null : null, grantedRegionCodes: [], sessionId: null, onBehalfOf: null, requestId: null,
    });
  }
  for (const n of usernames) if (!out.has(n)) throw new Error(`demo cases: no account ${n}`);
  return out;
}

/** The citizen acting for an enterprise: as its legal representative, or under their live agent grant. */
async function actingFor(deps: Deps, actor: Actor, e: DemoEnterprise): Promise<Actor> {
  let ob: OnBehalfOf;
  if (e.legalRepIdNumber === actor.idNumber) ob = { type: 'enterprise', uscc: e.uscc, name: e.name, relation: 'legal_rep', scopes: '*', grantId: null, grantExpiresAt: null };
  else {
    const g = await deps.db.selectFrom('enterprise_agents').select(['id', 'scopes', 'expires_at']).where('enterprise_uscc', '=', e.uscc)
      .where('agent_id_number', '=', actor.idNumber ?? '').where('revoked_at', 'is', null).where('expires_at', '>', deps.clock.nowIso()).executeTakeFirst();
    if (!g) throw new Error(`demo cases: ${actor.username} may not act for ${e.name}`);
    ob = { type: 'enterprise', uscc: e.uscc, name: e.name, relation: 'agent', scopes: JSON.parse(g.scopes) as string[], grantId: g.id, grantExpiresAt: g.expires_at };
  }
  return { ...actor, onBehalfOf: ob };
}

// ---------------------------------------------------------------------------------------------
// Time: working days before the moment of seeding, China time
// ---------------------------------------------------------------------------------------------

/** `[working days ago, 'HH:MM' China time]`; 0 days is today. */
type When = readonly [number, string];

function instantOf(deps: Deps, now: Date, [daysAgo, hhmm]: When): string {
  const day = new Date(`${deps.calendar.chinaDate(now)}T12:00:00+08:00`);
  let left = daysAgo;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (deps.calendar.isWorkingDay(deps.calendar.chinaDate(day))) left--;
  }
  const t = new Date(`${deps.calendar.chinaDate(day)}T${hhmm}:00+08:00`);
  // never in the future: an event of today that would lie ahead happens a few minutes before now
  return (t.getTime() < now.getTime() - 60_000 ? t : new Date(now.getTime() - 5 * 60_000)).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Filing and working cases
// ---------------------------------------------------------------------------------------------

type Want = 'warning' | 'overdue';

class Seeder {
  private items = new Map<string, ItemDetail>();
  readonly ids = new Map<string, string>();

  constructor(private deps: Deps, private now: Date, private actors: Map<string, Actor>, private pdf: { sha256: string }) {}

  at(when: When): Deps {
    return { ...this.deps, clock: manualClock(new Date(instantOf(this.deps, this.now, when))) };
  }

  actor(username: string): Actor {
    return this.actors.get(username)!;
  }

  async item(departmentKey: string, handle: DemoFormHandle): Promise<ItemDetail> {
    const key = `${departmentKey}:${handle}`;
    const known = this.items.get(key);
    if (known) return known;
    const row = await this.deps.db.selectFrom('catalog_items as i').innerJoin('departments as d', 'd.id', 'i.department_id').select('i.id')
      .where('i.basic_code', '=', B[handle]).where('d.uscc', '=', departmentUscc(departmentKey)).executeTakeFirst();
    if (!row) throw new Error(`demo cases: no item ${handle} at ${departmentKey}`);
    const detail = await getPublishedItem(this.deps, row.id);
    this.items.set(key, detail);
    return detail;
  }

  /** How each material is supplied: shared data where the guide allows it, otherwise the uploaded PDF; conditional ones only when listed. */
  materials(guide: Guide, include: string[] = [], defer = true): MaterialAnswer[] {
    return guide.materials.flatMap((m): MaterialAnswer[] => {
      const file = { sha256: this.pdf.sha256, name: `${m.name}.pdf`.slice(-120) };
      const shared = m.substitutes.some((x) => x.kind === 'shared_data');
      if (m.necessity === 'conditional' && !include.includes(m.key)) return [{ key: m.key, by: 'not_applicable' }];
      if (m.necessity === 'deferrable' && defer && !include.includes(m.key)) return [{ key: m.key, by: 'deferred' }];
      return [shared ? { key: m.key, by: 'shared_data' } : { key: m.key, by: 'upload', file }];
    });
  }

  /** Files an application and returns the case id. */
  async file(c: { key: string; by: string; actingFor?: string; dept: string; handle: DemoFormHandle; over?: FormData; include?: string[]; defer?: boolean; when: When; receivedBy?: string }): Promise<string> {
    const detail = await this.item(c.dept, c.handle);
    const e = c.actingFor ? enterpriseNamed(c.actingFor) : undefined;
    let actor = this.actor(c.by);
    if (e) actor = await actingFor(this.deps, actor, e);
    const form = demoFormData(c.handle, { person: personByUsername(c.by), ...(e ? { enterprise: e } : {}) }, c.over);
    const receivingDepartmentId = c.receivedBy ? await this.departmentId(c.receivedBy) : undefined;
    const r = await submitApplication(this.at(c.when), actor, { itemId: detail.item.id, form, materials: this.materials(detail.guide, c.include, c.defer), ...(receivingDepartmentId ? { receivingDepartmentId } : {}) }, `demo-case-${c.key}`);
    this.ids.set(c.key, r.caseId);
    return r.caseId;
  }

  async departmentId(key: string): Promise<string> {
    return (await this.deps.db.selectFrom('departments').select('id').where('uscc', '=', departmentUscc(key)).executeTakeFirstOrThrow()).id;
  }

  /** 好差评 by the applicant; a bad one opens the department's rectification. */
  async rate(caseId: string, by: string, when: When, overall: number, comment: string, dimensions: Partial<RatingBody['dimensions']> = {}): Promise<void> {
    await rateCase(this.at(when), this.actor(by), caseId, { overall, comment, dimensions: { efficiency: overall, guideAccuracy: overall, convenience: overall, usability: overall, ...dimensions } });
  }

  async followUp(caseId: string, officer: string, when: When, note: string, close = false): Promise<void> {
    const r = await this.deps.db.selectFrom('rectifications').select(['id', 'row_version']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    await followUpRectification(this.at(when), this.actor(officer), r.id, { note, close, expectedVersion: r.row_version });
  }

  /** 跨省通办: one side sends the originals or the result; `receive` is the other side's receipt. */
  async transfer(caseId: string, officer: string, when: When, kind: 'materials' | 'result', trackingNumber: string, note?: string): Promise<string> {
    await sendTransfer(this.at(when), this.actor(officer), caseId, { kind, method: 'courier', trackingNumber, ...(note ? { note } : {}), expectedVersion: await this.version(caseId) });
    return (await this.deps.db.selectFrom('case_transfers').select('id').where('case_id', '=', caseId).where('kind', '=', kind).orderBy('sent_at', 'desc').executeTakeFirstOrThrow()).id;
  }

  async receive(caseId: string, transferId: string, officer: string, when: When): Promise<void> {
    await receiveTransfer(this.at(when), this.actor(officer), caseId, transferId, { expectedVersion: await this.version(caseId) });
  }

  private async openTask(caseId: string, step: string, branch?: string): Promise<{ taskId: string; version: number }> {
    let q = this.deps.db.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).where('step', '=', step as 'accept').where('status', '=', 'open');
    if (branch) q = q.where('branch', '=', branch);
    const task = await q.executeTakeFirst();
    if (!task) throw new Error(`demo cases: no open ${step}${branch ? `/${branch}` : ''} task on case ${caseId}`);
    return { taskId: task.id, version: await this.version(caseId) };
  }

  private async version(caseId: string): Promise<number> {
    return (await this.deps.db.selectFrom('cases').select('row_version').where('id', '=', caseId).executeTakeFirstOrThrow()).row_version;
  }

  async accept(caseId: string, officer: string, when: When, opinion = '材料齐全，符合法定形式，予以受理。'): Promise<void> {
    const t = await this.openTask(caseId, 'accept');
    await acceptCase(this.at(when), this.actor(officer), caseId, t.taskId, { opinion, expectedVersion: t.version });
  }

  async refuse(caseId: string, officer: string, when: When, reason: string): Promise<void> {
    const t = await this.openTask(caseId, 'accept');
    await refuseAcceptance(this.at(when), this.actor(officer), caseId, t.taskId, { reason, expectedVersion: t.version });
  }

  async correction(caseId: string, officer: string, when: When, defects: { target: string; reason: string }[], step: 'accept' | 'review' = 'accept'): Promise<void> {
    const t = await this.openTask(caseId, step);
    await requestCorrection(this.at(when), this.actor(officer), caseId, t.taskId, { defects, expectedVersion: t.version });
  }

  async resubmit(caseId: string, c: { by: string; handle: DemoFormHandle; dept: string; over?: FormData; include?: string[] }, when: When): Promise<void> {
    const detail = await this.item(c.dept, c.handle);
    const form = demoFormData(c.handle, { person: personByUsername(c.by) }, c.over);
    await resubmitCorrection(this.at(when), this.actor(c.by), caseId, { form, materials: this.materials(detail.guide, c.include), expectedVersion: await this.version(caseId) });
  }

  async review(caseId: string, officer: string, when: When, opinion: string, opts: { branch?: string; outcome?: 'agree' | 'disagree' } = {}): Promise<void> {
    const t = await this.openTask(caseId, 'review', opts.branch);
    await completeReview(this.at(when), this.actor(officer), caseId, t.taskId, { outcome: opts.outcome ?? 'agree', opinion, expectedVersion: t.version });
  }

  async claim(caseId: string, officer: string, when: When, step: string, branch?: string): Promise<void> {
    const t = await this.openTask(caseId, step, branch);
    await claimTask(this.at(when), this.actor(officer), caseId, t.taskId, true);
  }

  async special(caseId: string, officer: string, when: When, reason: string): Promise<void> {
    await startSpecialProcedure(this.at(when), this.actor(officer), caseId, { reason, expectedVersion: await this.version(caseId) });
  }

  async decide(caseId: string, officer: string, when: When, decision: 'approved' | 'refused', opinion: string): Promise<void> {
    const t = await this.openTask(caseId, 'decide');
    await decideCase(this.at(when), this.actor(officer), caseId, t.taskId, { decision, opinion, expectedVersion: t.version });
  }

  async deliver(caseId: string, officer: string, when: When, method: 'online' | 'courier' | 'window', trackingNumber?: string): Promise<void> {
    const t = await this.openTask(caseId, 'deliver');
    await deliverResult(this.at(when), this.actor(officer), caseId, t.taskId, { method, ...(trackingNumber ? { trackingNumber } : {}), expectedVersion: t.version });
  }

  /**
   * The fewest working days ago to accept (at 10:00) so that the item's clock is in the wanted state now: warning
   * (80 % of the promised time used, not yet due) or overdue.
   */
  async acceptedDaysAgo(departmentKey: string, handle: DemoFormHandle, want: Want): Promise<number> {
    const { guide } = await this.item(departmentKey, handle);
    const nowIso = this.now.toISOString();
    for (let k = 1; k <= 40; k++) {
      const start = instantOf(this.deps, this.now, [k, '10:00']);
      const c = caseClock(this.deps.calendar, start, guide.promisedTimeLimit, guide.legalTimeLimit, [], nowIso);
      if (want === 'overdue' ? c.dueAt < nowIso : c.warnAt < nowIso && c.dueAt > nowIso) return k;
    }
    throw new Error(`demo cases: ${handle} at ${departmentKey} cannot be made ${want}`);
  }
}

const USCC_OF_DEPARTMENT = new Map(demoDepartments.map((d) => [d.key, d.uscc]));
function departmentUscc(key: string): string {
  const u = USCC_OF_DEPARTMENT.get(key);
  if (!u) throw new Error(`demo cases: no department ${key}`);
  return u;
}

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

const CITIZENS = ['zhangsan', 'lisi', 'wangwu', 'zhaoliu'];
const OFFICERS = [
  'mh_mz_ck1', 'mh_mz_sp1', 'mh_scjg_ck1', 'mh_scjg_sp1', 'mh_ga_ck1', 'mh_ga_sp1', 'mh_yb_ck1', 'mh_yb_sp1', 'lz_gjj_ck1', 'lz_gjj_sp1',
  'lz_xf_ck1', 'lz_xf_sp1', 'lz_zj_ck1', 'lz_zj_sp1', 'lz_rs_ck1', 'lz_rs_sp1', 'scjg_officer', 'yt_mz_ck1', 'yt_mz_sp1', 'qc_mz_ck1',
];

/**
 * Files and works the demo cases. Returns the case ids by their demo key (`mh-old-age-delivered`, …). Runs once, right
 * after the catalogue import of a fresh demo database (seedDemo guards re-runs).
 */
export async function seedDemoCases(deps: Deps): Promise<Map<string, string>> {
  const now = deps.clock.now();
  const actors = await loadActors(deps, [...CITIZENS, ...OFFICERS]);
  // Each citizen has the sample PDF among their uploads (an upload is per person, the bytes are stored once).
  const bytes = demoMaterialPdf();
  let pdf: { sha256: string } | null = null;
  for (const u of CITIZENS) pdf = await uploadMaterial({ ...deps, clock: manualClock(new Date(instantOf(deps, now, [45, '09:00']))) }, actors.get(u)!, bytes, 'application/pdf', '申请材料.pdf');
  const s = new Seeder(deps, now, actors, pdf!);
  const elder = (name: string, relation: string) => elderFields(personNamed(name), relation);

  // ---- 明湖区民政局: 高龄津贴 in five states, one 低保 application not accepted ----
  const oldAge = { dept: 'mh_mz', handle: 'oldAge' as const };
  let id = await s.file({ key: 'mh-old-age-delivered', by: 'zhangsan', ...oldAge, over: elder('陈秀英', '孙子女'), include: ['agent_authorisation'], when: [14, '09:12'] });
  await s.accept(id, 'mh_mz_ck1', [14, '09:40']);
  await s.review(id, 'mh_mz_sp1', [14, '10:25'], '经户籍、年龄和生存信息比对，陈秀英为本区户籍、年满90周岁，符合条件。');
  await s.decide(id, 'mh_mz_sp1', [14, '11:02'], 'approved', '准予发放高龄津贴，标准每月500元，自次月起发放至本人社会保障卡。');
  await s.deliver(id, 'mh_mz_ck1', [14, '11:30'], 'online');

  id = await s.file({ key: 'mh-old-age-refused', by: 'zhangsan', ...oldAge, over: elder('冯振华', '其他亲属'), include: ['agent_authorisation'], when: [3, '15:48'] });
  await s.accept(id, 'mh_mz_ck1', [2, '09:15']);
  await s.review(id, 'mh_mz_sp1', [2, '10:05'], '经比对户籍信息，冯振华出生于1958年7月7日，现年68周岁，未满70周岁。', { outcome: 'disagree' });
  await s.decide(id, 'mh_mz_sp1', [2, '10:40'], 'refused', '不符合《云澜省高龄津贴发放管理办法》规定的年满七十周岁条件，不予发放；可于年满七十周岁当月重新申请。');

  id = await s.file({ key: 'mh-old-age-overdue', by: 'wangwu', ...oldAge, over: { ...elder('周建国', '其他亲属'), livingArrangement: 'spouse' }, include: ['agent_authorisation'], when: [2, '16:20'] });
  await s.accept(id, 'mh_mz_ck1', [1, '09:30']);

  id = await s.file({ key: 'mh-old-age-correction', by: 'wangwu', ...oldAge, over: { ...elder('吴桂兰', '其他亲属'), livingArrangement: 'spouse', payTo: 'bank', bankName: '澜州农村商业银行湖滨支行', bankAccount: '6230390100456789012' }, include: ['agent_authorisation'], when: [2, '11:05'] });
  await s.correction(id, 'mh_mz_ck1', [1, '14:10'], [
    { target: 'bankAccount', reason: '发放账户户名应为吴桂兰本人，所填账户经银行核验户名不一致，请改填老人本人账户或选择社会保障卡。' },
    { target: 'agent_authorisation', reason: '授权委托书缺少吴桂兰本人签名（或按手印），请补充后重新上传。' },
  ]);

  await s.file({ key: 'mh-old-age-submitted', by: 'zhaoliu', ...oldAge, over: { ...elder('郭淑珍', '其他亲属'), livingArrangement: 'institution' }, include: ['agent_authorisation'], when: [1, '15:36'] });

  id = await s.file({ key: 'mh-low-income-not-accepted', by: 'zhaoliu', dept: 'mh_mz', handle: 'lowIncomeConfirm', when: [4, '10:18'] });
  await s.refuse(id, 'mh_mz_ck1', [3, '09:50'], '经核查，申请人户籍在澜州市云台区，不属于本区受理范围。根据《社会救助暂行办法》第十一条，请向户籍所在地街道办事处（乡镇人民政府）或云台区民政局提出申请。');

  // ---- 明湖区市场监督管理局: company and individual business registration, food business licences ----
  id = await s.file({ key: 'mh-company-delivered', by: 'zhangsan', dept: 'mh_scjg', handle: 'enterpriseSetup', over: { residenceProof: 'commitment' }, when: [9, '14:02'] });
  await s.correction(id, 'mh_scjg_ck1', [9, '15:20'], [
    { target: 'businessScope', reason: '经营范围中“文艺创作”以外的表述请按《经营范围登记规范表述目录》选择，不得自行增加“等”字。' },
    { target: 'articles', reason: '公司章程未载明股东的出资方式和出资日期，请补充后重新上传。' },
  ]);
  await s.resubmit(id, { by: 'zhangsan', handle: 'enterpriseSetup', dept: 'mh_scjg', over: { residenceProof: 'commitment' } }, [8, '10:12']);
  await s.accept(id, 'mh_scjg_ck1', [8, '10:40']);
  await s.review(id, 'mh_scjg_sp1', [8, '11:05'], '名称已自主申报且在保留期内，章程和任职文件齐全，符合法定形式。');
  await s.decide(id, 'mh_scjg_sp1', [8, '11:20'], 'approved', '准予设立登记，核发营业执照并同步生成电子营业执照。');
  await s.deliver(id, 'mh_scjg_ck1', [8, '14:30'], 'courier', 'EMS1190882605');

  await s.file({ key: 'mh-company-submitted', by: 'zhaoliu', dept: 'mh_scjg', handle: 'enterpriseSetup', when: [1, '16:45'], over: {
    companyName: '澜州市明湖区一诺教育咨询有限公司', registeredCapital: 30,
    businessScope: '一般项目：教育咨询服务（不含涉许可审批的教育培训活动）；信息咨询服务（不含许可类信息咨询服务）；组织文化艺术交流活动。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    address: '云澜省澜州市明湖区翠湖路56号2层201室', residenceProof: 'proof', supervisorName: '孙丽娟',
    shareholders: [{ kind: 'person', name: '赵六', idNumber: personByUsername('zhaoliu').idNumber, amount: 30, method: '货币', dueDate: '2031-12-31' }],
  } });

  id = await s.file({ key: 'mh-individual-correction', by: 'wangwu', dept: 'mh_scjg', handle: 'individualSetup', when: [3, '20:10'] });
  await s.correction(id, 'mh_scjg_ck1', [2, '09:40'], [
    { target: 'businessName', reason: '名称中的“网店”不是行业表述，请改为“茶叶经营部”“农产品网店”等规范的行业和组织形式，如“澜州市明湖区五哥山茶农产品经营部”。' },
    { target: 'premises', reason: '网络经营场所请上传网店首页截图，截图中应显示店铺名称和经营者实名认证信息。' },
  ]);

  const xianwei = { by: 'lisi', actingFor: XIANWEI, dept: 'mh_scjg', handle: 'foodNew' as const };
  // 并联审批: material review done, on-site inspection claimed by the reviewer, the city fire detachment still checking
  id = await s.file({ ...xianwei, key: 'mh-food-parallel', by: 'wangwu', include: ['agent_authorisation'], when: [2, '10:30'] });
  await s.accept(id, 'mh_scjg_ck1', [2, '14:05']);
  await s.review(id, 'mh_scjg_sp1', [1, '10:20'], '材料齐全，布局流程图标明了粗加工、烹饪、备餐和餐用具清洗消毒分区，符合要求。', { branch: 'documents' });
  await s.claim(id, 'mh_scjg_sp1', [1, '10:22'], 'review', 'inspection');

  id = await s.file({ ...xianwei, key: 'mh-food-deciding', when: [3, '09:20'], over: {
    storeName: '鲜味餐饮滨江店', premisesAddress: '云澜省澜州市明湖区滨江路21号', premisesArea: 96, venueScale: 'small', seats: 32,
    coldFood: undefined, staffCount: 6, approach: 'commitment',
  } });
  await s.accept(id, 'mh_scjg_ck1', [3, '09:55']);
  await s.review(id, 'mh_scjg_sp1', [2, '15:30'], '告知承诺方式申请，材料齐全，承诺内容完整，拟当场许可，3个月内安排现场核查。', { branch: 'documents' });

  const overdue = await s.acceptedDaysAgo('mh_scjg', 'foodNew', 'overdue');
  id = await s.file({ by: 'lisi', actingFor: LIJI, dept: 'mh_scjg', handle: 'foodNew', key: 'mh-food-overdue', when: [overdue + 1, '11:40'], over: {
    storeName: '李记便利超市明湖店', premisesAddress: '云澜省澜州市明湖区翠湖路102号', premisesArea: 210, venueScale: 'medium', businessForm: 'sales',
    seats: undefined, hotFood: undefined, coldFood: undefined, drinks: undefined, bulkFood: true, online: undefined, staffCount: 8,
    safetyManager: '钱慧芳',
  } });
  await s.accept(id, 'mh_scjg_ck1', [overdue, '10:00']);
  await s.review(id, 'mh_scjg_sp1', [overdue, '15:10'], '材料齐全，散装食品销售区设置符合要求。', { branch: 'documents' });

  // ---- 澜州市公安局明湖分局: 出生登记 delivered, 居住证 due soon ----
  id = await s.file({ key: 'mh-birth-delivered', by: 'zhangsan', dept: 'mh_ga', handle: 'birthRegistration', include: ['marriage_certificate'], when: [22, '10:08'] });
  await s.accept(id, 'mh_ga_ck1', [22, '10:30']);
  await s.review(id, 'mh_ga_sp1', [22, '11:00'], '已核验电子出生医学证明和父母身份、婚姻信息，随父落户。');
  await s.decide(id, 'mh_ga_sp1', [22, '11:15'], 'approved', '准予办理出生登记，编制公民身份号码，户口簿加页邮寄送达。');
  await s.deliver(id, 'mh_ga_ck1', [22, '15:40'], 'courier', 'EMS1190863172');

  const warning = await s.acceptedDaysAgo('mh_ga', 'residencePermit', 'warning');
  id = await s.file({ key: 'mh-residence-permit-due-soon', by: 'wangwu', dept: 'mh_ga', handle: 'residencePermit', include: ['employment_or_study'], when: [warning + 1, '19:26'] });
  await s.accept(id, 'mh_ga_ck1', [warning, '10:00']);

  // ---- 明湖区医疗保障局: the newborn's medical insurance, decided, waiting for delivery ----
  id = await s.file({ key: 'mh-medical-concluded', by: 'zhangsan', dept: 'mh_yb', handle: 'residentMedical', when: [1, '09:05'] });
  await s.accept(id, 'mh_yb_ck1', [1, '09:20']);
  await s.review(id, 'mh_yb_sp1', [1, '09:50'], '新生儿出生90日内参保，户籍信息已共享核验。');
  await s.decide(id, 'mh_yb_sp1', [1, '10:05'], 'approved', '准予参保登记，自出生之日起享受城乡居民医保待遇，请于本年度内完成个人缴费。');

  // ---- 澜州市住房公积金管理中心 ----
  id = await s.file({ key: 'lz-fund-rent-delivered', by: 'wangwu', dept: 'lz_gjj', handle: 'fundRent', when: [12, '12:40'] });
  await s.accept(id, 'lz_gjj_ck1', [12, '13:35']);
  await s.review(id, 'lz_gjj_sp1', [12, '13:50'], '经查询不动产登记信息，申请人在本市无自有住房，账户正常缴存。');
  await s.decide(id, 'lz_gjj_sp1', [12, '14:00'], 'approved', '准予按月提取，每月1500元，次月起自动划转至本人银行卡。');
  await s.deliver(id, 'lz_gjj_ck1', [12, '14:05'], 'online');

  await s.file({ key: 'lz-fund-purchase-submitted', by: 'zhangsan', dept: 'lz_gjj', handle: 'fundPurchase', when: [1, '21:14'] });

  // ---- 澜州市消防救援支队、住房和城乡建设局、市场监督管理局、人力资源和社会保障局 ----
  id = await s.file({ key: 'lz-fire-inspection-reviewing', by: 'lisi', actingFor: XIANWEI, dept: 'lz_xf', handle: 'fireInspection', include: ['acceptance_record'], when: [2, '10:02'] });
  await s.accept(id, 'lz_xf_ck1', [1, '09:10'], '材料齐全，选择不采用告知承诺方式，予以受理并安排现场检查。');

  const liji = { by: 'lisi', actingFor: LIJI, dept: 'lz_zj', handle: 'fireAcceptance' as const };
  // 并联审批: 住建 on-site assessment done; 消防救援支队 and 自然资源和规划局 still working their branches
  id = await s.file({ ...liji, key: 'lz-fire-acceptance-parallel', include: ['inspection_report'], when: [4, '09:45'] });
  await s.accept(id, 'lz_zj_ck1', [4, '11:00']);
  await s.review(id, 'lz_zj_sp1', [2, '16:30'], '现场评定：安全出口、疏散通道、自动喷水灭火系统和火灾自动报警系统抽查合格。', { branch: 'acceptance' });

  id = await s.file({ ...liji, key: 'lz-fire-acceptance-special', when: [5, '14:20'], over: {
    projectName: '李记商贸物流仓储中心', projectCode: '2025-390105-59-01-000542', permitNo: '390105202507080203', projectAddress: '云澜省澜州市云台区工业园纬三路18号',
    category: 'other', useType: '丙类仓库', buildingArea: 18400, buildingHeight: 26.5, floorsAbove: 4, floorsBelow: 0, designReviewNo: '澜住建消审字〔2025〕第0209号', jointPlanning: undefined,
  } });
  await s.accept(id, 'lz_zj_ck1', [5, '15:00']);
  await s.special(id, 'lz_zj_sp1', [3, '10:30'], '高架仓库自动喷水灭火系统需委托消防技术服务机构进行功能检测，检测期间（预计10个工作日）不计入办理时限。');

  id = await s.file({ key: 'lz-drug-retail-reviewing', by: 'lisi', actingFor: LIJI, dept: 'lz_scjg', handle: 'drugRetail', when: [3, '10:50'] });
  await s.accept(id, 'scjg_officer', [2, '09:35']);

  id = await s.file({ key: 'lz-unemployment-deciding', by: 'zhaoliu', dept: 'lz_rs', handle: 'unemploymentBenefit', when: [2, '08:40'] });
  await s.accept(id, 'lz_rs_ck1', [2, '09:10']);
  await s.review(id, 'lz_rs_sp1', [1, '11:30'], '累计缴纳失业保险费11年，劳动合同期满终止，非本人意愿中断就业，已办理失业登记，符合领取条件。');

  // ---- 云台区 ----
  id = await s.file({ key: 'yt-old-age-delivered', by: 'zhaoliu', dept: 'yt_mz', handle: 'oldAge', over: { ...elder('罗桂香', '孙子女'), livingArrangement: 'children' }, include: ['agent_authorisation'], when: [18, '10:40'] });
  await s.accept(id, 'yt_mz_ck1', [18, '11:00']);
  await s.review(id, 'yt_mz_sp1', [18, '11:20'], '罗桂香为本区户籍，年满86周岁，生存认证通过。');
  await s.decide(id, 'yt_mz_sp1', [18, '11:30'], 'approved', '准予发放高龄津贴，标准每月300元。');
  await s.deliver(id, 'yt_mz_ck1', [18, '11:35'], 'online');

  await s.file({ key: 'yt-food-submitted', by: 'lisi', actingFor: LIJI, dept: 'yt_scjg', handle: 'foodNew', when: [1, '17:05'], over: {
    storeName: '李记便利超市望江店', premisesRegion: '390105', premisesAddress: '云澜省澜州市云台区望江路210号', premisesArea: 180, venueScale: 'medium', businessForm: 'sales',
    seats: undefined, hotFood: undefined, coldFood: undefined, drinks: undefined, bulkFood: true, specialFood: true, online: undefined, staffCount: 6,
    safetyManager: '钱慧芳', approach: 'commitment',
  } });

  // ---- 好差评: ratings of ended cases; a bad one has opened a rectification at the 公积金中心 ----
  await s.rate(s.ids.get('mh-old-age-delivered')!, 'zhangsan', [13, '16:20'], 5, '全程网上办理，没跑一次腿，奶奶的津贴次月就到账了。');
  await s.rate(s.ids.get('mh-company-delivered')!, 'zhangsan', [7, '09:30'], 4, '补正意见一次讲清楚了，就是章程模板不好找。', { guideAccuracy: 3 });
  await s.rate(s.ids.get('yt-old-age-delivered')!, 'zhaoliu', [17, '10:00'], 5, '窗口人员很耐心。');
  const rent = s.ids.get('lz-fund-rent-delivered')!;
  await s.rate(rent, 'wangwu', [11, '20:45'], 2, '办事指南写要租赁备案，我专门跑去备案，结果系统共享就能查，白跑一趟。', { efficiency: 4, guideAccuracy: 1 });
  await s.followUp(rent, 'lz_gjj_sp1', [10, '10:30'], '已电话联系申请人致歉，核实办事指南“租赁备案证明”未标注可通过共享数据免提交，正在修订指南。');

  // ---- 跨省通办 / 异地代收: 明湖区 高龄津贴 received by the 青川市民政局 window for applicants living there ----
  id = await s.file({ key: 'mh-old-age-cross-region-reviewing', by: 'zhangsan', ...oldAge, receivedBy: 'qc_mz', over: elder('陈秀英', '孙子女'), include: ['agent_authorisation'], when: [3, '10:15'] });
  let sent = await s.transfer(id, 'qc_mz_ck1', [3, '11:00'], 'materials', 'EMS1190905561', '授权委托书原件一份');
  await s.receive(id, sent, 'mh_mz_ck1', [2, '10:40']);
  await s.accept(id, 'mh_mz_ck1', [2, '10:50'], '异地收件材料原件已收到，齐全，予以受理。');

  id = await s.file({ key: 'mh-old-age-cross-region-result-sent', by: 'wangwu', ...oldAge, receivedBy: 'qc_mz', over: { ...elder('周建国', '其他亲属'), livingArrangement: 'spouse' }, include: ['agent_authorisation'], when: [6, '14:30'] });
  sent = await s.transfer(id, 'qc_mz_ck1', [6, '15:00'], 'materials', 'EMS1190911208');
  await s.receive(id, sent, 'mh_mz_ck1', [5, '09:40']);
  await s.accept(id, 'mh_mz_ck1', [5, '09:55']);
  await s.review(id, 'mh_mz_sp1', [4, '10:30'], '经户籍、年龄和生存信息比对，周建国为本区户籍，年满82周岁，符合条件。');
  await s.decide(id, 'mh_mz_sp1', [4, '11:00'], 'approved', '准予发放高龄津贴，标准每月300元，自次月起发放。');
  await s.transfer(id, 'mh_mz_ck1', [1, '16:00'], 'result', 'EMS1190918873', '准予给付决定书一份，请转交申请人');

  return s.ids;
}
