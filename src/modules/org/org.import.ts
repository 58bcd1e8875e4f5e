import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { withTx } from '../../platform/db/database.js';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../../platform/record.js';
import { compileStrict } from '../../platform/http/validation.js';
import { parseImportFile } from '../../platform/import-file.js';
import { isValidRegionCode, isValidUscc, parentRegionCode, REGION_LEVELS, regionLevel } from '../../platform/codes.js';
import { CreateDepartmentBody, CreateRegionBody } from './org.schemas.js';
import type { CreateDepartmentBody as DeptRow, CreateRegionBody as RegionRow } from './org.schemas.js';

export const ORG_FORMAT = 'tongban.org/1';

const checkRegion = compileStrict<RegionRow>(CreateRegionBody);
const checkDept = compileStrict<DeptRow>(CreateDepartmentBody);
const MAX_ROWS = 20_000;

/**
 * Import regions and departments (docs/formats/org.md). Every row is checked first; any problem rejects the whole
 * file with every problem listed (row, field, reason) and nothing written. Existing regions (by code) and departments
 * (by USCC) are updated; new ones are added.
 */
export async function importOrg(deps: Deps, actor: Actor, text: string): Promise<{ regions: number; departments: number }> {
  const doc = parseImportFile(text, ORG_FORMAT);
  const regions = Array.isArray(doc.regions) ? doc.regions : [];
  const departments = Array.isArray(doc.departments) ? doc.departments : [];
  if (regions.length + departments.length > MAX_ROWS) throw invalid('import.too_many_rows', `At most ${MAX_ROWS} rows per file.`);
  const problems: (FieldProblem & { section: string })[] = [];
  const add = (section: string, row: number, field: string, reason: string) => problems.push({ section, row, field, reason });

  const existingRegions = new Set((await deps.db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const fileRegions = new Map<string, RegionRow>();
  regions.forEach((raw, i) => {
    const r = checkRegion(raw);
    if (!r.ok) return r.details.forEach((d) => add('regions', i + 1, d.field, d.reason));
    const v = r.value;
    if (!isValidRegionCode(v.code)) return add('regions', i + 1, 'code', 'not a GB/T 2260 region code');
    if ((v.parentCode ?? null) !== parentRegionCode(v.code)) return add('regions', i + 1, 'parentCode', `must be ${parentRegionCode(v.code) ?? 'null'}`);
    if (fileRegions.has(v.code)) return add('regions', i + 1, 'code', 'appears twice in the file');
    fileRegions.set(v.code, v);
  });
  for (const [i, v] of [...fileRegions.values()].entries()) {
    if (v.parentCode && !fileRegions.has(v.parentCode) && !existingRegions.has(v.parentCode)) add('regions', i + 1, 'parentCode', 'unknown parent region');
  }
  const known = (code: string) => fileRegions.has(code) || existingRegions.has(code);
  const usccs = new Set<string>();
  const fileDepts: DeptRow[] = [];
  departments.forEach((raw, i) => {
    const r = checkDept(raw);
    if (!r.ok) return r.details.forEach((d) => add('departments', i + 1, d.field, d.reason));
    const v = r.value;
    if (!isValidUscc(v.uscc)) return add('departments', i + 1, 'uscc', 'GB 32100 check character is wrong');
    if (!known(v.regionCode)) return add('departments', i + 1, 'regionCode', 'unknown region');
    if (usccs.has(v.uscc)) return add('departments', i + 1, 'uscc', 'appears twice in the file');
    usccs.add(v.uscc);
    fileDepts.push(v);
  });
  if (problems.length) {
    throw invalid('import.invalid_rows', `${problems.length} problem(s) in the file; nothing was imported.`, problems.slice(0, 500));
  }

  // Parents before children, whatever order the file used.
  const ordered = [...fileRegions.values()].sort((a, b) => REGION_LEVELS.indexOf(regionLevel(a.code)) - REGION_LEVELS.indexOf(regionLevel(b.code)));
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    for (const r of ordered) {
      if (existingRegions.has(r.code)) await tx.updateTable('regions').set({ name: r.name, name_en: r.nameEn ?? null, updated_at: now }).where('code', '=', r.code).execute();
      else await tx.insertInto('regions').values({ code: r.code, name: r.name, name_en: r.nameEn ?? null, parent_code: r.parentCode, level: regionLevel(r.code), created_at: now, updated_at: now }).execute();
    }
    for (const d of fileDepts) {
      const level = regionLevel(d.regionCode);
      const existing = await tx.selectFrom('departments').select('id').where('uscc', '=', d.uscc).executeTakeFirst();
      const values = { name: d.name, name_en: d.nameEn ?? null, short_name: d.shortName ?? null, kind: d.kind, region_code: d.regionCode, level, phone: d.phone, address: d.address, updated_at: now };
      if (existing) await tx.updateTable('departments').set(values).where('id', '=', existing.id).execute();
      else await tx.insertInto('departments').values({ id: newId(), uscc: d.uscc, ...values, created_at: now }).execute();
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'org.imported', targetType: 'org', targetId: null, details: { regions: ordered.length, departments: fileDepts.length } },
      event: { aggregateType: 'org', aggregateId: 'import', payload: { regions: ordered.length, departments: fileDepts.length } },
    });
  });
  return { regions: ordered.length, departments: fileDepts.length };
}

export async function exportOrg(deps: Deps) {
  const regions = await deps.db.selectFrom('regions').selectAll().orderBy('code').execute();
  const departments = await deps.db.selectFrom('departments').selectAll().orderBy('region_code').orderBy('name').execute();
  return {
    format: ORG_FORMAT,
    regions: regions.map((r) => ({ code: r.code, name: r.name, ...(r.name_en && { nameEn: r.name_en }), parentCode: r.parent_code })),
    departments: departments.map((d) => ({
      uscc: d.uscc, name: d.name, ...(d.name_en && { nameEn: d.name_en }), ...(d.short_name && { shortName: d.short_name }), kind: d.kind, regionCode: d.region_code, phone: d.phone, address: d.address,
    })),
  };
}

