import { describe, it, expect, vi } from 'vitest';
import {
  explainCitizenId,
  explainUscc,
  isValidCitizenId,
  isValidRegionCode,
  isValidUscc,
  parentRegionCode,
  regionLevel,
} from '../platform/codes.js';
import {
  DEMO_AGENT_SCOPES,
  DEMO_DEPARTMENT_KINDS,
  DEMO_PASSWORD,
  DEMO_REFERENCE_DATE,
  demoAgentGrants,
  demoDepartments,
  demoEnterprises,
  demoPeople,
  demoRegions,
  demoStaff,
  type DemoDepartment,
  type DemoPerson,
} from './province-data.js';

const regionByCode = new Map(demoRegions.map((r) => [r.code, r]));
const deptByKey = new Map(demoDepartments.map((d) => [d.key, d]));
const personById = new Map(demoPeople.map((p) => [p.idNumber, p]));
const staffIds = new Set(demoStaff.map((s) => s.idNumber));
const citizens = demoPeople.filter((p) => !staffIds.has(p.idNumber));
const enterpriseByUscc = new Map(demoEnterprises.map((e) => [e.uscc, e]));

function byUsername(username: string): DemoPerson {
  const p = demoPeople.find((x) => x.username === username);
  if (!p) throw new Error(`no person with username ${username}`);
  return p;
}

/** Whole years between a YYYY-MM-DD birth date and another date. */
function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const isIsoUtc = (s: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(s) && !Number.isNaN(Date.parse(s));

describe('demo regions', () => {
  it('has one province, two cities and four districts under prefix 39', () => {
    expect(demoRegions.filter((r) => r.level === 'province')).toHaveLength(1);
    expect(demoRegions.filter((r) => r.level === 'city')).toHaveLength(2);
    expect(demoRegions.filter((r) => r.level === 'district')).toHaveLength(4);
    expect(demoRegions.map((r) => `${r.code} ${r.name}`).sort()).toEqual([
      '390000 云澜省',
      '390100 澜州市',
      '390102 明湖区',
      '390105 云台区',
      '390200 青川市',
      '390202 江口区',
      '390203 石桥区',
    ]);
  });

  it('has valid, structurally consistent codes whose parents exist', () => {
    expect(new Set(demoRegions.map((r) => r.code)).size).toBe(demoRegions.length);
    for (const r of demoRegions) {
      expect(isValidRegionCode(r.code), r.code).toBe(true);
      expect(r.code.startsWith('39')).toBe(true);
      expect(regionLevel(r.code)).toBe(r.level);
      expect(r.parentCode).toBe(parentRegionCode(r.code));
      if (r.parentCode !== null) expect(regionByCode.has(r.parentCode), r.code).toBe(true);
      expect(r.nameEn).toMatch(/^[A-Z][A-Za-z ]+$/);
    }
  });
});

describe('demo departments', () => {
  it('has unique keys, names per region and USCCs', () => {
    expect(new Set(demoDepartments.map((d) => d.key)).size).toBe(demoDepartments.length);
    expect(new Set(demoDepartments.map((d) => d.uscc)).size).toBe(demoDepartments.length);
    expect(new Set(demoDepartments.map((d) => `${d.regionCode}/${d.name}`)).size).toBe(demoDepartments.length);
    expect(new Set(demoDepartments.map((d) => d.name)).size).toBe(demoDepartments.length);
  });

  it('gives every department a valid organ USCC of its own region', () => {
    for (const d of demoDepartments) {
      expect(isValidUscc(d.uscc), d.key).toBe(true);
      expect(explainUscc(d.uscc)).toMatchObject({ ok: true, registrationAuthority: '1', entityType: '1', regionCode: d.regionCode });
    }
  });

  it('places every department in an existing region of its level', () => {
    for (const d of demoDepartments) {
      const r = regionByCode.get(d.regionCode);
      expect(r, d.key).toBeDefined();
      expect(r?.level).toBe(d.level);
      expect((DEMO_DEPARTMENT_KINDS as readonly string[]).includes(d.kind), d.kind).toBe(true);
      expect(d.key).toMatch(/^[a-z]+_[a-z]+$/);
      expect(d.phone).toMatch(/^0\d{3}-\d{8}$/);
      expect(d.address.startsWith('云澜省')).toBe(true);
      expect(d.address).toMatch(/\d+号$/);
      expect(d.nameEn).toMatch(/^[A-Z][A-Za-z ,-]+$/);
      expect(d.shortName.length).toBeGreaterThan(0);
      expect(d.shortName.length).toBeLessThanOrEqual(d.name.length);
    }
  });

  const names = (regionCode: string): string[] => demoDepartments.filter((d) => d.regionCode === regionCode).map((d) => d.name).sort();

  it('has the province departments', () => {
    expect(names('390000')).toEqual(
      [
        '云澜省政务服务和数据管理局',
        '云澜省市场监督管理局',
        '云澜省公安厅',
        '云澜省人力资源和社会保障厅',
        '云澜省医疗保障局',
        '云澜省卫生健康委员会',
        '国家税务总局云澜省税务局',
        '云澜省民政厅',
        '云澜省住房和城乡建设厅',
        '云澜省消防救援总队',
      ].sort(),
    );
  });

  it('has the city departments', () => {
    for (const [code, c] of [['390100', '澜州市'], ['390200', '青川市']] as const) {
      expect(names(code)).toEqual(
        [
          `${c}市场监督管理局`,
          `${c}公安局`,
          `${c}人力资源和社会保障局`,
          `${c}医疗保障局`,
          `${c}卫生健康委员会`,
          `国家税务总局${c}税务局`,
          `${c}住房公积金管理中心`,
          `${c}民政局`,
          `${c}住房和城乡建设局`,
          `${c}消防救援支队`,
          `${c}政务服务和数据管理局`,
          `${c}自然资源和规划局`,
          `${c}交通运输局`,
        ].sort(),
      );
    }
  });

  it('has the district departments', () => {
    const districts = [
      ['390102', '澜州市', '明湖'],
      ['390105', '澜州市', '云台'],
      ['390202', '青川市', '江口'],
      ['390203', '青川市', '石桥'],
    ] as const;
    for (const [code, c, d] of districts) {
      expect(names(code)).toEqual(
        [
          `${c}${d}区市场监督管理局`,
          `${c}公安局${d}分局`,
          `${c}${d}区人力资源和社会保障局`,
          `${c}${d}区医疗保障局`,
          `${c}${d}区卫生健康局`,
          `国家税务总局${c}${d}区税务局`,
          `${c}${d}区民政局`,
          `${c}${d}区政务服务中心`,
        ].sort(),
      );
    }
    expect(demoDepartments).toHaveLength(10 + 2 * 13 + 4 * 8);
  });

  it('has a public security and a market regulation department in every region', () => {
    for (const r of demoRegions) {
      expect(demoDepartments.filter((d) => d.regionCode === r.code && d.kind === 'public_security'), r.code).toHaveLength(1);
      expect(demoDepartments.filter((d) => d.regionCode === r.code && d.kind === 'market_regulation'), r.code).toHaveLength(1);
    }
  });
});

describe('demo staff', () => {
  it('has unique lowercase ascii usernames, also unique against citizen logins', () => {
    const all = [...demoStaff.map((s) => s.username), ...demoPeople.flatMap((p) => (p.username ? [p.username] : []))];
    expect(new Set(all).size).toBe(all.length);
    for (const u of all) expect(u).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('resolves departments and persons', () => {
    for (const s of demoStaff) {
      expect(deptByKey.has(s.departmentKey), s.username).toBe(true);
      expect(isValidCitizenId(s.idNumber), s.username).toBe(true);
      const p = personById.get(s.idNumber);
      expect(p, s.username).toBeDefined();
      expect(p?.name).toBe(s.name);
      expect(p?.username).toBeUndefined();
      expect(s.roles.length).toBeGreaterThan(0);
      expect(new Set(s.roles).size).toBe(s.roles.length);
      expect(ageOn(p!.birthDate, DEMO_REFERENCE_DATE), s.username).toBeGreaterThanOrEqual(18);
      expect(ageOn(p!.birthDate, DEMO_REFERENCE_DATE), s.username).toBeLessThan(65);
    }
    expect(new Set(demoStaff.map((s) => s.idNumber)).size).toBe(demoStaff.length);
  });

  it('gives every department a window officer and a reviewer', () => {
    for (const d of demoDepartments) {
      const members = demoStaff.filter((s) => s.departmentKey === d.key);
      expect(members.some((s) => s.roles.includes('window_officer')), d.key).toBe(true);
      expect(members.some((s) => s.roles.includes('reviewer')), d.key).toBe(true);
    }
  });

  it('gives every city-level department a department admin', () => {
    for (const d of demoDepartments.filter((x: DemoDepartment) => x.level === 'city')) {
      expect(demoStaff.some((s) => s.departmentKey === d.key && s.roles.includes('department_admin')), d.key).toBe(true);
    }
  });

  it('has the named demo accounts', () => {
    const find = (u: string) => demoStaff.find((s) => s.username === u);
    expect(find('admin')).toMatchObject({ departmentKey: 'yl_zwsj', roles: ['platform_admin'] });
    expect(deptByKey.get('yl_zwsj')?.name).toBe('云澜省政务服务和数据管理局');
    expect(find('auditor')).toMatchObject({ departmentKey: 'yl_zwsj', roles: ['auditor'] });
    expect(find('scjg_officer')).toMatchObject({ departmentKey: 'lz_scjg' });
    expect([...(find('scjg_officer')?.roles ?? [])].sort()).toEqual(['reviewer', 'window_officer']);
    expect(find('scjg_admin')).toMatchObject({ departmentKey: 'lz_scjg', roles: ['department_admin'] });
    expect(deptByKey.get('lz_scjg')?.name).toBe('澜州市市场监督管理局');
    expect(demoStaff.filter((s) => s.roles.includes('platform_admin')).map((s) => s.username)).toEqual(['admin']);
    expect(demoStaff.filter((s) => s.roles.includes('auditor')).map((s) => s.username)).toEqual(['auditor']);
  });

  it('exports the demo password', () => {
    expect(DEMO_PASSWORD).toBe('Tongban@2026');
  });
});

describe('demo people', () => {
  it('has unique, valid citizen IDs that match birth date, sex and region', () => {
    expect(personById.size).toBe(demoPeople.length);
    for (const p of demoPeople) {
      expect(isValidCitizenId(p.idNumber), p.name).toBe(true);
      expect(explainCitizenId(p.idNumber)).toEqual({ ok: true, regionCode: p.regionCode, birthDate: p.birthDate, sex: p.sex });
    }
  });

  it('registers everyone in a demo district, sourced from that district’s public security bureau', () => {
    for (const p of demoPeople) {
      expect(regionByCode.get(p.regionCode)?.level, p.name).toBe('district');
      const src = deptByKey.get(p.sourceDepartmentKey);
      expect(src?.kind, p.name).toBe('public_security');
      expect(src?.regionCode).toBe(p.regionCode);
      const district = regionByCode.get(p.regionCode)!;
      expect(p.hukouAddress.includes(district.name), `${p.name} ${p.hukouAddress}`).toBe(true);
    }
  });

  it('has plausible fields', () => {
    const maritalStatuses = new Set(['未婚', '已婚', '离婚', '丧偶']);
    for (const p of demoPeople) {
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.hukouAddress.startsWith('云澜省')).toBe(true);
      expect(p.residenceAddress.startsWith('云澜省')).toBe(true);
      expect(p.hukouAddress).toMatch(/号/);
      expect(p.ethnicity).toMatch(/族$/);
      expect(maritalStatuses.has(p.maritalStatus), p.maritalStatus).toBe(true);
      expect(isIsoUtc(p.updatedAt), p.updatedAt).toBe(true);
      expect(p.updatedAt.slice(0, 10) >= p.birthDate).toBe(true);
      expect(p.updatedAt.slice(0, 10) <= DEMO_REFERENCE_DATE).toBe(true);
      expect(p.birthDate <= DEMO_REFERENCE_DATE).toBe(true);
      if (ageOn(p.birthDate, DEMO_REFERENCE_DATE) < 18) expect(p.maritalStatus).toBe('未婚');
    }
  });

  it('has at least 50 citizens besides the staff, of all ages, both sexes and several ethnicities', () => {
    expect(citizens.length).toBeGreaterThanOrEqual(50);
    const ages = citizens.map((p) => ageOn(p.birthDate, DEMO_REFERENCE_DATE));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(95);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(90);
    expect(ages.filter((a) => a === 0).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((a) => a >= 80).length).toBeGreaterThanOrEqual(4);
    expect(ages.filter((a) => a >= 70 && a < 80).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((a) => a > 0 && a < 18).length).toBeGreaterThanOrEqual(3);
    expect(citizens.filter((p) => p.sex === 'M').length).toBeGreaterThanOrEqual(20);
    expect(citizens.filter((p) => p.sex === 'F').length).toBeGreaterThanOrEqual(20);
    const ethnicities = new Set(citizens.map((p) => p.ethnicity));
    expect(ethnicities.size).toBeGreaterThanOrEqual(5);
    expect(citizens.filter((p) => p.ethnicity === '汉族').length).toBeGreaterThan(citizens.length / 2);
    const surnames = new Set(citizens.map((p) => p.name[0]));
    expect(surnames.size).toBeGreaterThanOrEqual(40);
    for (const r of demoRegions.filter((x) => x.level === 'district')) {
      expect(citizens.filter((p) => p.regionCode === r.code).length, r.name).toBeGreaterThanOrEqual(10);
    }
    // some people live outside their hukou district
    expect(citizens.some((p) => p.residenceAddress !== p.hukouAddress)).toBe(true);
  });

  it('has the named citizen logins', () => {
    expect(byUsername('zhangsan')).toMatchObject({ name: '张三' });
    expect(byUsername('lisi')).toMatchObject({ name: '李四' });
    expect(byUsername('wangwu')).toMatchObject({ name: '王五' });
    expect(byUsername('zhaoliu')).toMatchObject({ name: '赵六' });
    expect(demoPeople.filter((p) => p.username !== undefined).map((p) => p.username).sort()).toEqual(['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);
    for (const u of ['zhangsan', 'lisi', 'wangwu', 'zhaoliu']) {
      expect(ageOn(byUsername(u).birthDate, DEMO_REFERENCE_DATE)).toBeGreaterThanOrEqual(18);
    }
  });

  it('has a newborn in 张三’s household for 出生一件事', () => {
    const zhang = byUsername('zhangsan');
    const baby = citizens.find((p) => p.hukouAddress === zhang.hukouAddress && ageOn(p.birthDate, DEMO_REFERENCE_DATE) === 0);
    expect(baby).toBeDefined();
    expect(baby?.phone).toBe(zhang.phone);
  });
});

describe('demo enterprises', () => {
  it('has at least 30 enterprises with unique names and valid USCCs', () => {
    expect(demoEnterprises.length).toBeGreaterThanOrEqual(30);
    expect(enterpriseByUscc.size).toBe(demoEnterprises.length);
    expect(new Set(demoEnterprises.map((e) => e.name)).size).toBe(demoEnterprises.length);
    const deptUsccs = new Set(demoDepartments.map((d) => d.uscc));
    for (const e of demoEnterprises) {
      expect(isValidUscc(e.uscc), e.name).toBe(true);
      expect(deptUsccs.has(e.uscc)).toBe(false);
      const expectedType = e.type === '个体工商户' ? '2' : e.type === '农民专业合作社' ? '3' : '1';
      expect(explainUscc(e.uscc), e.name).toMatchObject({ ok: true, registrationAuthority: '9', entityType: expectedType, regionCode: e.regionCode });
    }
  });

  it('covers companies, individual businesses and cooperatives', () => {
    expect(demoEnterprises.filter((e) => e.type === '个体工商户').length).toBeGreaterThanOrEqual(5);
    expect(demoEnterprises.filter((e) => e.type === '农民专业合作社').length).toBeGreaterThanOrEqual(1);
    expect(demoEnterprises.filter((e) => e.type.includes('有限')).length).toBeGreaterThanOrEqual(10);
  });

  it('resolves legal representatives, who were adults when the enterprise was founded', () => {
    for (const e of demoEnterprises) {
      const rep = personById.get(e.legalRepIdNumber);
      expect(rep, e.name).toBeDefined();
      expect(staffIds.has(e.legalRepIdNumber), `${e.name}: civil servants do not run businesses`).toBe(false);
      expect(ageOn(rep!.birthDate, e.establishedOn), e.name).toBeGreaterThanOrEqual(18);
    }
  });

  it('is registered by the market regulation department of its region', () => {
    for (const e of demoEnterprises) {
      expect(regionByCode.has(e.regionCode), e.name).toBe(true);
      const src = deptByKey.get(e.sourceDepartmentKey);
      expect(src?.kind, e.name).toBe('market_regulation');
      expect(src?.regionCode, e.name).toBe(e.regionCode);
    }
  });

  it('has plausible fields', () => {
    for (const e of demoEnterprises) {
      expect(e.registeredAddress.startsWith('云澜省'), e.name).toBe(true);
      expect(e.registeredCapital).toMatch(/^\d+万元人民币$/);
      expect(e.establishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.establishedOn <= DEMO_REFERENCE_DATE).toBe(true);
      expect(e.businessScope.length).toBeGreaterThan(5);
      expect(['存续', '注销', '吊销']).toContain(e.status);
      expect(isIsoUtc(e.updatedAt), e.updatedAt).toBe(true);
      expect(e.updatedAt.slice(0, 10) >= e.establishedOn).toBe(true);
      // the name carries the registering region's name (or its province's)
      const region = regionByCode.get(e.regionCode)!;
      const cityName = region.level === 'district' ? regionByCode.get(region.parentCode!)!.name : region.name;
      expect(e.name.startsWith(cityName.slice(0, 2)) || e.name.startsWith('云澜省'), e.name).toBe(true);
    }
    expect(demoEnterprises.some((e) => e.status === '注销')).toBe(true);
    expect(demoEnterprises.some((e) => e.status === '吊销')).toBe(true);
    expect(demoEnterprises.filter((e) => e.status === '存续').length).toBeGreaterThan(demoEnterprises.length * 0.8);
  });

  it('makes 李四 the legal representative of 鲜味餐饮 and one more enterprise', () => {
    const lisi = byUsername('lisi');
    const his = demoEnterprises.filter((e) => e.legalRepIdNumber === lisi.idNumber).map((e) => e.name);
    expect(his).toContain('澜州市明湖区鲜味餐饮有限公司');
    expect(his.length).toBeGreaterThanOrEqual(2);
    expect(demoEnterprises.filter((e) => e.legalRepIdNumber === lisi.idNumber).every((e) => e.status === '存续')).toBe(true);
  });
});

describe('demo agent grants', () => {
  it('resolves enterprises and agents, who are not the legal representative', () => {
    for (const g of demoAgentGrants) {
      const e = enterpriseByUscc.get(g.enterpriseUscc);
      expect(e).toBeDefined();
      expect(personById.has(g.agentIdNumber)).toBe(true);
      expect(g.agentIdNumber).not.toBe(e?.legalRepIdNumber);
      expect(ageOn(personById.get(g.agentIdNumber)!.birthDate, DEMO_REFERENCE_DATE)).toBeGreaterThanOrEqual(18);
      expect(g.scopes.length).toBeGreaterThan(0);
      for (const s of g.scopes) expect((DEMO_AGENT_SCOPES as readonly string[]).includes(s), s).toBe(true);
      expect(isIsoUtc(g.expiresAt), g.expiresAt).toBe(true);
    }
    const pairs = demoAgentGrants.map((g) => `${g.enterpriseUscc}/${g.agentIdNumber}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('lets wangwu act for 李四’s restaurant until the end of 2027-12-31', () => {
    const xianwei = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司')!;
    const g = demoAgentGrants.find((x) => x.agentIdNumber === byUsername('wangwu').idNumber);
    expect(g).toMatchObject({ enterpriseUscc: xianwei.uscc, scopes: ['profile.read', 'applications.submit'] });
    expect(xianwei.legalRepIdNumber).toBe(byUsername('lisi').idNumber);
    // 2027-12-31 23:59:59 in Beijing
    expect(g?.expiresAt).toBe('2027-12-31T15:59:59.000Z');
  });

  it('has zhaoliu’s grant expired on 2026-01-31', () => {
    const g = demoAgentGrants.filter((x) => x.agentIdNumber === byUsername('zhaoliu').idNumber);
    expect(g).toHaveLength(1);
    expect(g[0].expiresAt).toBe('2026-01-31T15:59:59.000Z');
    expect(Date.parse(g[0].expiresAt)).toBeLessThan(Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00+08:00`));
    expect(enterpriseByUscc.get(g[0].enterpriseUscc)?.legalRepIdNumber).toBe(byUsername('lisi').idNumber);
  });

  it('has a few more grants, some still valid', () => {
    expect(demoAgentGrants.length).toBeGreaterThanOrEqual(4);
    expect(demoAgentGrants.filter((g) => g.expiresAt > '2026-11-20').length).toBeGreaterThanOrEqual(3);
  });
});

describe('determinism', () => {
  it('yields identical data on a fresh import', async () => {
    vi.resetModules();
    const again = await import('./province-data.js');
    expect(again.demoRegions).toEqual(demoRegions);
    expect(again.demoDepartments).toEqual(demoDepartments);
    expect(again.demoStaff).toEqual(demoStaff);
    expect(again.demoPeople).toEqual(demoPeople);
    expect(again.demoEnterprises).toEqual(demoEnterprises);
    expect(again.demoAgentGrants).toEqual(demoAgentGrants);
  });
});
