import type { DbOrTx } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';

export const findRegion = (db: DbOrTx, code: string) => db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();

export const findDepartmentById = (db: DbOrTx, id: string) =>
  db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();

export const findDepartmentByUscc = (db: DbOrTx, uscc: string) =>
  db.selectFrom('departments').selectAll().where('uscc', '=', uscc).executeTakeFirst();

export function listRegions(db: DbOrTx, f: { parentCode?: string; level?: string; after?: string | null; limit: number }) {
  let q = db.selectFrom('regions').selectAll().orderBy('code').limit(f.limit + 1);
  if (f.parentCode) q = q.where('parent_code', '=', f.parentCode);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.after) q = q.where('code', '>', f.after);
  return q.execute();
}

export function listDepartments(db: DbOrTx, f: { regionPrefix?: string; regionCode?: string; kind?: string; q?: string; includeInactive?: boolean; after?: [string, string] | null; limit: number }) {
  let q = db.selectFrom('departments').selectAll().orderBy('region_code').orderBy('id').limit(f.limit + 1);
  if (f.regionCode) q = q.where('region_code', '=', f.regionCode);
  if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (!f.includeInactive) q = q.where('active', '=', 1);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('short_name', 'like', like), eb('uscc', '=', f.q!)]));
  }
  if (f.after) {
    const [rc, id] = f.after;
    q = q.where((eb) => eb.or([eb('region_code', '>', rc), eb.and([eb('region_code', '=', rc), eb('id', '>', id)])]));
  }
  return q.execute();
}

export async function departmentNames(db: DbOrTx, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  // One id or a few (a filing's provenance, a page's rows): a prepared read each; a page of many: one `in` query.
  if (unique.length <= 4) {
    const out = new Map<string, { name: string; phone: string }>();
    for (const id of unique) {
      const [r] = await departmentNameById.execute(db, id);
      if (r) out.set(r.id, { name: r.name, phone: r.phone });
    }
    return out;
  }
  const rows = await db.selectFrom('departments').select(['id', 'name', 'phone']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
}
const departmentNameById = prepared((db, id: string) => db.selectFrom('departments').select(['id', 'name', 'phone']).where('id', '=', id));

/** The active department of a kind seated in exactly this region (e.g. the city's fire and rescue detachment). */
export const findDepartmentOfKind = (db: DbOrTx, regionCode: string, kind: string) =>
  db.selectFrom('departments').selectAll().where('region_code', '=', regionCode).where('kind', '=', kind).where('active', '=', 1).orderBy('id').executeTakeFirst();
