import type { TestPlatform, Client } from '../../../testing/harness.js';
import { demoDepartments, demoEnterprises, demoPeople } from '../../../demo/province-data.js';
import { DEMO_LICENCE_TYPES } from '../../../demo/catalog-data.js';

/** Helpers for the licences tests (real platform, real HTTP). */

export const T = {
  business: DEMO_LICENCE_TYPES.businessLicence.code,
  food: DEMO_LICENCE_TYPES.foodBusinessLicence.code,
  idCard: DEMO_LICENCE_TYPES.idCard.code,
  marriage: DEMO_LICENCE_TYPES.marriageCertificate.code,
  vehicle: DEMO_LICENCE_TYPES.vehicleLicence.code,
  social: DEMO_LICENCE_TYPES.socialSecurityCard.code,
};

export const XIANWEI = demoEnterprises.find((e) => e.name === '澜州市明湖区鲜味餐饮有限公司')!;
export const LIJI = demoEnterprises.find((e) => e.name === '澜州市云台区李记商贸有限公司')!;
export const TEAHOUSE = demoEnterprises.find((e) => e.name === '澜州市明湖区柳岸茶舍')!;
export const zhangsan = demoPeople.find((p) => p.username === 'zhangsan')!;
export const lisi = demoPeople.find((p) => p.username === 'lisi')!;
export const wangwu = demoPeople.find((p) => p.username === 'wangwu')!;

export const dept = (key: string) => demoDepartments.find((d) => d.key === key)!;

export async function deptId(p: TestPlatform, key: string): Promise<string> {
  return (await p.deps.db.selectFrom('departments').select('id').where('uscc', '=', dept(key).uscc).executeTakeFirstOrThrow()).id;
}

/** The platform's public URL is where it really listens (credentials issued from now on carry it as their issuer). */
export function listenHere(p: TestPlatform): void {
  p.deps.publicUrl = p.baseUrl;
}

export async function actingFor(c: Client, uscc: string | null): Promise<void> {
  const r = await c.post('/api/v1/auth/acting-for', { uscc });
  if (r.status !== 200) throw new Error(`acting-for ${uscc}: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Fields of a 食品经营许可证 for the tests. */
export const foodFields = (name = '陆文静') => ({
  legalRepresentative: name, premises: '云澜省澜州市明湖区柳岸街56号1层', mainBusiness: '餐饮服务经营者（小型餐馆）', businessItems: '热食类食品制售；自制饮品制售',
  dailySupervisor: '澜州市明湖区市场监督管理局', complaintPhone: '12315',
});

/** A USCC with its last (check) character replaced by another valid one. */
export function wrongCheck(code: string): string {
  const last = code[code.length - 1];
  return code.slice(0, -1) + (last === '0' ? '1' : '0');
}

/** Present a held licence and fetch it as a verifier would. */
export async function presentAndFetch(p: TestPlatform, holder: Client, licenceId: string, fields: string[], extra: Record<string, unknown> = {}) {
  const created = await holder.post(`/api/v1/licenses/wallet/${licenceId}/presentations`, { fields, ...extra });
  if (created.status !== 201) throw new Error(`present ${licenceId}: ${created.status} ${JSON.stringify(created.body)}`);
  const pub = await p.anonymous().get(`/api/v1/licenses/presentations/${created.body.id}`);
  return { created: created.body, pub: pub.body };
}
