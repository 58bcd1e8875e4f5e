import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { withTx, isUniqueViolation } from '../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../../platform/record.js';
import { decodeCursor, pageLimit, mapPage, pageOf, type PageResult } from '../../platform/http/pagination.js';
import { isValidRegionCode, isValidUscc, parentRegionCode, regionLevel } from '../../platform/codes.js';
import * as q from './org.queries.js';
import { canCreateDepartment, canEditDepartment, canManageRegions } from './org.policy.js';
import { regionPrefix } from './org.regions.js';
import type { CreateDepartmentBody, CreateRegionBody, Department, DepartmentListQuery, Region, UpdateDepartmentBody, UpdateRegionBody } from './org.schemas.js';
import type { DepartmentsTable, RegionsTable } from './org.tables.js';

type RegionRow = RegionsTable;
type DepartmentRow = Omit<DepartmentsTable, 'active'> & { active: number };

export const toRegion = (r: RegionRow): Region => ({ code: r.code, name: r.name, nameEn: r.name_en, parentCode: r.parent_code, level: r.level as Region['level'] });

export function toDepartment(d: DepartmentRow, regionName: string | null = null): Department {
  return {
    id: d.id, uscc: d.uscc, name: d.name, nameEn: d.name_en, shortName: d.short_name, kind: d.kind, regionCode: d.region_code,
    regionName, level: d.level as Department['level'], phone: d.phone, address: d.address, active: d.active === 1,
  };
}

// ---------- regions ----------

export async function findRegions(deps: Deps, query: { parentCode?: string; level?: string; limit?: number; cursor?: string }): Promise<PageResult<Region>> {
  const limit = pageLimit({ limit: query.limit ?? 100 });
  const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await q.listRegions(deps.db, { parentCode: query.parentCode, level: query.level, after, limit });
  const page = pageOf(rows, limit, (r) => [r.code]);
  return mapPage(page, toRegion);
}

export async function getRegion(deps: Deps, code: string): Promise<Region> {
  const r = await q.findRegion(deps.db, code);
  if (!r) throw notFound('org.region_not_found', `No region with code ${code}.`);
  return toRegion(r);
}

export async function createRegion(deps: Deps, actor: Actor, input: CreateRegionBody): Promise<Region> {
  if (!canManageRegions(actor)) throw forbidden('org.forbidden', 'Only a platform administrator can add regions.');
  if (!isValidRegionCode(input.code)) throw invalid('org.invalid_region_code', `${input.code} is not a valid GB/T 2260 region code.`, [{ field: 'code', reason: 'not a GB/T 2260 code' }]);
  const level = regionLevel(input.code);
  const expectedParent = parentRegionCode(input.code);
  if ((input.parentCode ?? null) !== expectedParent) {
    throw invalid('org.region_parent_mismatch', `Region ${input.code} (${level}) must have parent ${expectedParent ?? 'none'}.`, [{ field: 'parentCode', reason: `must be ${expectedParent ?? 'null'}` }]);
  }
  return withTx(deps.db, async (tx) => {
    if (expectedParent && !(await q.findRegion(tx, expectedParent))) {
      throw invalid('org.parent_region_missing', `Parent region ${expectedParent} does not exist yet; add it first.`, [{ field: 'parentCode', reason: 'unknown region' }]);
    }
    if (await q.findRegion(tx, input.code)) throw conflict('org.region_exists', `Region ${input.code} already exists.`);
    const now = deps.clock.nowIso();
    const row: RegionRow = { code: input.code, name: input.name, name_en: input.nameEn ?? null, parent_code: expectedParent, level, created_at: now, updated_at: now };
    await tx.insertInto('regions').values(row).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'org.region.created', targetType: 'region', targetId: input.code, regionCode: input.code, details: { name: input.name, level } },
      event: { aggregateType: 'region', aggregateId: input.code, payload: toRegion(row) },
    });
    return toRegion(row);
  });
}

export async function updateRegion(deps: Deps, actor: Actor, code: string, input: UpdateRegionBody): Promise<Region> {
  if (!canManageRegions(actor)) throw forbidden('org.forbidden', 'Only a platform administrator can change regions.');
  return withTx(deps.db, async (tx) => {
    const before = await q.findRegion(tx, code);
    if (!before) throw notFound('org.region_not_found', `No region with code ${code}.`);
    const patch = { ...(input.name !== undefined && { name: input.name }), ...(input.nameEn !== undefined && { name_en: input.nameEn }), updated_at: deps.clock.nowIso() };
    await tx.updateTable('regions').set(patch).where('code', '=', code).execute();
    const after = { ...before, ...patch };
    await recordChange(tx, deps, actor, {
      audit: { action: 'org.region.updated', targetType: 'region', targetId: code, regionCode: code, details: { before: toRegion(before), after: toRegion(after) } },
      event: { aggregateType: 'region', aggregateId: code, payload: toRegion(after) },
    });
    return toRegion(after);
  });
}

// ---------- departments ----------

async function regionNameOf(deps: Deps, code: string): Promise<string | null> {
  return (await q.findRegion(deps.db, code))?.name ?? null;
}

export async function findDepartments(deps: Deps, query: DepartmentListQuery): Promise<PageResult<Department>> {
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await q.listDepartments(deps.db, {
    regionCode: query.regionCode,
    regionPrefix: query.within ? regionPrefix(query.within) : undefined,
    kind: query.kind,
    q: query.q,
    includeInactive: query.includeInactive,
    after,
    limit,
  });
  const page = pageOf(rows, limit, (r) => [r.region_code, r.id]);
  const regions = new Map<string, string | null>();
  for (const r of page.items) if (!regions.has(r.region_code)) regions.set(r.region_code, await regionNameOf(deps, r.region_code));
  return mapPage(page, (d) => toDepartment(d, regions.get(d.region_code) ?? null));
}

export async function getDepartment(deps: Deps, id: string): Promise<Department> {
  const d = await q.findDepartmentById(deps.db, id);
  if (!d) throw notFound('org.department_not_found', `No department with id ${id}.`);
  return toDepartment(d, await regionNameOf(deps, d.region_code));
}

export async function createDepartment(deps: Deps, actor: Actor, input: CreateDepartmentBody): Promise<Department> {
  if (!canCreateDepartment(actor)) throw forbidden('org.forbidden', 'Only a platform administrator can create departments.');
  if (!isValidUscc(input.uscc)) {
    throw invalid('org.invalid_uscc', `${input.uscc} is not a valid unified social credit code (GB 32100 check failed).`, [{ field: 'uscc', reason: 'GB 32100 check character is wrong' }]);
  }
  try {
    return await withTx(deps.db, async (tx) => {
      const region = await q.findRegion(tx, input.regionCode);
      if (!region) throw invalid('org.unknown_region', `Region ${input.regionCode} does not exist.`, [{ field: 'regionCode', reason: 'unknown region' }]);
      if (await q.findDepartmentByUscc(tx, input.uscc)) throw conflict('org.department_exists', `A department with USCC ${input.uscc} already exists.`, [{ field: 'uscc', reason: 'already used' }]);
      const now = deps.clock.nowIso();
      const row: DepartmentRow = {
        id: newId(), uscc: input.uscc, name: input.name.trim(), name_en: input.nameEn ?? null, short_name: input.shortName ?? null, kind: input.kind,
        region_code: input.regionCode, level: region.level, phone: input.phone, address: input.address.trim(), active: 1, created_at: now, updated_at: now,
      };
      await tx.insertInto('departments').values(row).execute();
      const dept = toDepartment(row, region.name);
      await recordChange(tx, deps, actor, {
        audit: { action: 'org.department.created', targetType: 'department', targetId: row.id, departmentId: row.id, regionCode: row.region_code, details: { name: row.name, uscc: row.uscc } },
        event: { aggregateType: 'department', aggregateId: row.id, departmentId: row.id, payload: dept },
      });
      return dept;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('org.department_exists', `A department named ${input.name} already exists in region ${input.regionCode}.`, [{ field: 'name', reason: 'already used in this region' }]);
    throw err;
  }
}

export async function updateDepartment(deps: Deps, actor: Actor, id: string, input: UpdateDepartmentBody): Promise<Department> {
  return withTx(deps.db, async (tx) => {
    const before = await q.findDepartmentById(tx, id);
    if (!before) throw notFound('org.department_not_found', `No department with id ${id}.`);
    if (!canEditDepartment(actor, before)) throw forbidden('org.forbidden', 'You can only edit your own department.');
    if ((input.name !== undefined || input.active !== undefined) && !canCreateDepartment(actor)) {
      throw forbidden('org.forbidden', 'Only a platform administrator can rename or deactivate a department.');
    }
    const patch = {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.shortName !== undefined && { short_name: input.shortName }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.address !== undefined && { address: input.address.trim() }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      updated_at: deps.clock.nowIso(),
    };
    try {
      await tx.updateTable('departments').set(patch).where('id', '=', id).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('org.department_exists', 'Another department in this region already has that name.', [{ field: 'name', reason: 'already used in this region' }]);
      throw err;
    }
    const after = { ...before, ...patch };
    const changed = Object.keys(patch).filter((k) => k !== 'updated_at');
    await recordChange(tx, deps, actor, {
      audit: { action: 'org.department.updated', targetType: 'department', targetId: id, departmentId: id, regionCode: before.region_code, details: { changed, before: pick(before, changed), after: pick(after, changed) } },
      event: { aggregateType: 'department', aggregateId: id, departmentId: id, payload: toDepartment(after) },
    });
    return toDepartment(after, (await q.findRegion(tx, after.region_code))?.name ?? null);
  });
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

