import type { Deps } from '../platform/deps.js';
import { withTx } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { hashPassword } from '../platform/crypto/passwords.js';
import { recordChange } from '../platform/record.js';
import { systemActor } from '../platform/actor.js';
import { regionLevel } from '../platform/codes.js';
import {
  DEMO_PASSWORD, demoAgentGrants, demoDepartments, demoEnterprises, demoPeople, demoRegions, demoStaff,
} from './province-data.js';
import { buildDemoCatalog } from './catalog-data.js';
import { importCatalog } from '../modules/catalog/index.js';
import { seedDemoCases } from './cases.js';
import { demoKbEntries } from './consultation-kb-data.js';
import { demoDuties } from './consultation-duties-data.js';
import { importDuties, importKb } from '../modules/consultation/index.js';
import { CITIZENS, loadActors, seedDemoOrders } from './consultation-orders.js';
import { seedDemoQuestionHistory } from './consultation-history.js';
import { seedDemoLicences } from './licenses.js';

const PERSON_ATTRIBUTES = ['name', 'sex', 'birth_date', 'ethnicity', 'hukou_address', 'residence_address', 'phone', 'marital_status'] as const;
const ENTERPRISE_ATTRIBUTES = ['name', 'type', 'legal_rep_id_number', 'registered_address', 'registered_capital', 'established_on', 'business_scope', 'status'] as const;

/** The logins `npm start` prints; docs/demo.md lists all of them. */
export const demoLogins = {
  password: DEMO_PASSWORD,
  accounts: [
    { username: 'admin', role: '平台管理员 platform admin' },
    { username: 'auditor', role: '审计员 auditor' },
    { username: 'scjg_officer', role: '澜州市市场监督管理局 窗口/审批 market-regulation officer' },
    { username: 'scjg_admin', role: '澜州市市场监督管理局 部门管理员 department admin' },
    { username: 'zhangsan', role: '市民 张三 citizen' },
    { username: 'lisi', role: '企业法定代表人 李四 legal representative' },
    { username: 'wangwu', role: '企业经办人 王五 authorised agent' },
  ],
};

/**
 * Loads the demo province (regions, departments, staff, population and enterprise registries, citizen accounts,
 * agent grants) into an empty database, all in one transaction. Returns false and writes nothing when the database
 * already holds regions. `history`: also eight weeks of questions for the consultation dashboards
 * (consultation-history.ts) — for `npm start` and `seed-demo`; tests count their own questions.
 */
export async function seedDemo(deps: Deps, opts: { history?: boolean } = {}): Promise<boolean> {
  const any = await deps.db.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  if (any) return false;
  const cost = deps.config.passwordHashCost;
  const staffHashes = await Promise.all(demoStaff.map(() => hashPassword(DEMO_PASSWORD, cost)));
  const citizens = demoPeople.filter((p) => p.username);
  const citizenHashes = await Promise.all(citizens.map(() => hashPassword(DEMO_PASSWORD, cost)));
  const actor = systemActor('seed-demo');
  const now = deps.clock.nowIso();

  await withTx(deps.db, async (tx) => {
    for (const r of [...demoRegions].sort((a, b) => a.code.localeCompare(b.code))) {
      await tx.insertInto('regions').values({ code: r.code, name: r.name, name_en: r.nameEn, parent_code: r.parentCode, level: regionLevel(r.code), created_at: now, updated_at: now }).execute();
    }
    const deptIds = new Map<string, string>();
    for (const d of demoDepartments) {
      const id = newId();
      deptIds.set(d.key, id);
      await tx.insertInto('departments').values({ id, uscc: d.uscc, name: d.name, name_en: d.nameEn, short_name: d.shortName, kind: d.kind, region_code: d.regionCode, level: d.level, phone: d.phone, address: d.address, created_at: now, updated_at: now }).execute();
    }
    const dept = (key: string) => {
      const id = deptIds.get(key);
      if (!id) throw new Error(`demo data: unknown department key ${key}`);
      return id;
    };
    const civilAffairsOf = (regionCode: string): string | null => {
      const city = regionCode.slice(0, 4) + '00';
      const d = demoDepartments.find((x) => x.kind === 'civil_affairs' && x.regionCode === city);
      return d ? deptIds.get(d.key)! : null;
    };
    for (const p of demoPeople) {
      await tx.insertInto('population_registry').values({
        id_number: p.idNumber, name: p.name, sex: p.sex, birth_date: p.birthDate, ethnicity: p.ethnicity, hukou_address: p.hukouAddress,
        residence_address: p.residenceAddress, phone: p.phone, marital_status: p.maritalStatus, region_code: p.regionCode, created_at: now, updated_at: p.updatedAt,
      }).execute();
      const source = dept(p.sourceDepartmentKey);
      await tx.insertInto('registry_attribute_sources').values(PERSON_ATTRIBUTES.map((attribute) => ({
        registry: 'population', subject_key: p.idNumber, attribute,
        source_department_id: attribute === 'marital_status' ? civilAffairsOf(p.regionCode) ?? source : source,
        updated_at: p.updatedAt,
      }))).execute();
    }
    for (const e of demoEnterprises) {
      await tx.insertInto('enterprise_registry').values({
        uscc: e.uscc, name: e.name, type: e.type, legal_rep_id_number: e.legalRepIdNumber, registered_address: e.registeredAddress, registered_capital: e.registeredCapital,
        established_on: e.establishedOn, business_scope: e.businessScope, region_code: e.regionCode, status: e.status, created_at: now, updated_at: e.updatedAt,
      }).execute();
      await tx.insertInto('registry_attribute_sources').values(ENTERPRISE_ATTRIBUTES.map((attribute) => ({
        registry: 'enterprise', subject_key: e.uscc, attribute, source_department_id: dept(e.sourceDepartmentKey), updated_at: e.updatedAt,
      }))).execute();
    }
    for (const [i, s] of demoStaff.entries()) {
      const id = newId();
      await tx.insertInto('users').values({ id, username: s.username, password_hash: staffHashes[i], kind: 'staff', display_name: s.name, id_number: s.idNumber, department_id: dept(s.departmentKey), phone: null, locked_until: null, password_changed_at: now, created_at: now, updated_at: now }).execute();
      await tx.insertInto('user_roles').values(s.roles.map((role) => ({ user_id: id, role }))).execute();
    }
    for (const [i, p] of citizens.entries()) {
      await tx.insertInto('users').values({ id: newId(), username: p.username!, password_hash: citizenHashes[i], kind: 'citizen', display_name: p.name, id_number: p.idNumber, department_id: null, phone: p.phone, locked_until: null, password_changed_at: now, created_at: now, updated_at: now }).execute();
    }
    for (const g of demoAgentGrants) {
      const created = new Date(Math.min(Date.parse(g.expiresAt) - 180 * 86400_000, Date.parse(now))).toISOString();
      await tx.insertInto('enterprise_agents').values({ id: newId(), enterprise_uscc: g.enterpriseUscc, agent_id_number: g.agentIdNumber, scopes: JSON.stringify(g.scopes), expires_at: g.expiresAt, granted_by: null, created_at: created, revoked_at: null, revoked_by: null, revoke_reason: null }).execute();
    }
    await recordChange(tx, deps, actor, {
      audit: {
        action: 'demo.province.seeded', targetType: 'deployment', targetId: null,
        details: { regions: demoRegions.length, departments: demoDepartments.length, staff: demoStaff.length, people: demoPeople.length, enterprises: demoEnterprises.length },
      },
      event: { aggregateType: 'deployment', aggregateId: 'demo', payload: { regions: demoRegions.length, departments: demoDepartments.length } },
    });
  });
  // The service catalogue goes in through its own import, checked like any operator's file.
  await importCatalog(deps, actor, JSON.stringify(buildDemoCatalog()));
  // Then cases in every state on the workbenches, filed and worked through the applications use cases (cases.ts).
  await seedDemoCases(deps);
  // Then the licence type catalogue and the licences the demo people and enterprises hold (licenses.ts).
  await seedDemoLicences(deps);
  // The consultation centre's duty lists and knowledge base, through their imports (departments named by demo key).
  await importDuties(deps, actor, JSON.stringify({ format: 'tongban.duties/1', duties: demoDuties.map(({ departmentKey, ...d }) => ({ ...d, departmentCode: departmentKey })) }));
  await importKb(deps, actor, JSON.stringify({ format: 'tongban.kb/1', entries: demoKbEntries.map(({ departmentKey, ...e }) => ({ ...e, departmentCode: departmentKey })) }));
  // Then work orders (12345) in every state — after the knowledge base and duty lists (consultation-orders.ts).
  await seedDemoOrders(deps);
  if (opts.history) await seedDemoQuestionHistory(deps, [...(await loadActors(deps, CITIZENS)).values()]);
  return true;
}
