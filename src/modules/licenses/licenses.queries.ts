import type { DbOrTx } from '../../platform/db/database.js';
import type { LicenseTypesTable, LicensesTable } from './licenses.tables.js';
import type { LicenceField, ValidityRule } from './licenses.schemas.js';

/** Kysely for the licences module's tables; departments are joined read-only for names and codes. */

export interface TypeRow extends Omit<LicenseTypesTable, 'fields' | 'validity'> {
  fields: LicenceField[];
  validity: ValidityRule;
}

export const parseType = (r: LicenseTypesTable): TypeRow => ({ ...r, fields: JSON.parse(r.fields), validity: JSON.parse(r.validity) });

export async function findType(db: DbOrTx, code: string): Promise<TypeRow | undefined> {
  const r = await db.selectFrom('license_types').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? parseType(r) : undefined;
}

export async function findTypes(db: DbOrTx, f: { q?: string; holderKind?: string; issuerDepartmentId?: string } = {}): Promise<TypeRow[]> {
  let q = db.selectFrom('license_types').selectAll().orderBy('code');
  if (f.holderKind) q = q.where('holder_kind', '=', f.holderKind);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', `${f.q}%`)]));
  }
  if (f.issuerDepartmentId) {
    q = q.where('code', 'in', db.selectFrom('license_type_issuers').select('type_code').where('department_id', '=', f.issuerDepartmentId));
  }
  return (await q.limit(1000).execute()).map(parseType);
}

export async function findTypeIssuerIds(db: DbOrTx, codes: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (codes.length === 0) return out;
  const rows = await db.selectFrom('license_type_issuers').select(['type_code', 'department_id']).where('type_code', 'in', codes).execute();
  for (const r of rows) out.set(r.type_code, [...(out.get(r.type_code) ?? []), r.department_id]);
  return out;
}

export const isTypeIssuer = async (db: DbOrTx, code: string, departmentId: string): Promise<boolean> =>
  !!(await db.selectFrom('license_type_issuers').select('type_code').where('type_code', '=', code).where('department_id', '=', departmentId).executeTakeFirst());

export interface DepartmentBrief {
  id: string;
  name: string;
  name_en: string | null;
  uscc: string;
  region_code: string;
}

export async function departmentsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, DepartmentBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('departments').select(['id', 'name', 'name_en', 'uscc', 'region_code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export const findLicenceByLicenceId = (db: DbOrTx, licenceId: string) =>
  db.selectFrom('licenses').selectAll().where('licence_id', '=', licenceId).executeTakeFirst();

export const findLicenceById = (db: DbOrTx, id: string) => db.selectFrom('licenses').selectAll().where('id', '=', id).executeTakeFirst();

export const findLicenceForCase = (db: DbOrTx, caseId: string, typeCode: string) =>
  db.selectFrom('licenses').selectAll().where('case_id', '=', caseId).where('type_code', '=', typeCode).executeTakeFirst();

export const findLicenceByNumber = (db: DbOrTx, departmentId: string, typeCode: string, number: string) =>
  db.selectFrom('licenses').selectAll().where('issuer_department_id', '=', departmentId).where('type_code', '=', typeCode).where('number', '=', number).executeTakeFirst();

export function findHolderLicences(db: DbOrTx, holderKind: string, holderKey: string, typeCodes?: string[]): Promise<LicensesTable[]> {
  let q = db.selectFrom('licenses').selectAll().where('holder_kind', '=', holderKind).where('holder_key', '=', holderKey).orderBy('issued_on', 'desc').orderBy('id', 'desc');
  if (typeCodes) q = q.where('type_code', 'in', typeCodes.length ? typeCodes : ['-']);
  return q.limit(500).execute();
}

export async function typeNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('license_types').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Published catalogue items, with the guide of their published version (read-only: the 发证用证清单 is derived from guides). */
export function publishedGuides(db: DbOrTx) {
  return db
    .selectFrom('catalog_items as i')
    .innerJoin('catalog_item_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .innerJoin('catalog_basic_items as b', 'b.code', 'i.basic_code')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.id', 'i.implementation_code', 'i.region_code', 'b.name as item_name', 'b.name_en as item_name_en', 'd.name as department_name', 'd.name_en as department_name_en', 'v.guide'])
    .where('i.published_version', 'is not', null)
    .where('i.retired_at', 'is', null)
    .orderBy('i.region_code')
    .orderBy('i.implementation_code')
    .execute();
}
