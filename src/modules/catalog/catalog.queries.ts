import type { DbOrTx } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';

/** Kysely only, the catalogue's tables (departments and regions joined read-only for names). */

// Read on every filing (is the item still published, and is the cached detail current?): SQL built once.
const publishedState = prepared((db, id: string) => db.selectFrom('catalog_items').select(['published_version', 'retired_at', 'updated_at']).where('id', '=', id));
export const findPublishedState = async (db: DbOrTx, id: string) => (await publishedState.execute(db, id))[0];

export const findBasicItem = (db: DbOrTx, code: string) =>
  db.selectFrom('catalog_basic_items').selectAll().where('code', '=', code).executeTakeFirst();

export const findBasicItems = (db: DbOrTx, codes: string[]) =>
  codes.length ? db.selectFrom('catalog_basic_items').selectAll().where('code', 'in', codes).execute() : Promise.resolve([]);

export const findBasicItemWithDepartment = (db: DbOrTx, code: string) =>
  db.selectFrom('catalog_basic_items as b').innerJoin('departments as d', 'd.id', 'b.competent_department_id').selectAll('b').select('d.name as department_name').where('b.code', '=', code).executeTakeFirst();

export function listBasicItems(db: DbOrTx, f: { parentCode?: string; level?: string; q?: string; after?: string | null; limit: number }) {
  let q = db
    .selectFrom('catalog_basic_items as b')
    .innerJoin('departments as d', 'd.id', 'b.competent_department_id')
    .selectAll('b')
    .select('d.name as department_name')
    .orderBy('b.code')
    .limit(f.limit + 1);
  if (f.parentCode) q = q.where('b.parent_code', '=', f.parentCode);
  if (f.level) q = q.where('b.level', '=', f.level as 'main');
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('b.name', 'like', like), eb('b.code', 'like', `${f.q}%`)]));
  }
  if (f.after) q = q.where('b.code', '>', f.after);
  return q.execute();
}

/** An item with everything its summary shows. */
export function itemsWithNames(db: DbOrTx) {
  return db
    .selectFrom('catalog_items as i')
    .innerJoin('catalog_basic_items as b', 'b.code', 'i.basic_code')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .selectAll('i')
    .select(['b.name as basic_name', 'b.name_en as basic_name_en', 'b.item_type', 'd.name as department_name', 'd.short_name as department_short_name', 'd.phone as department_phone', 'd.address as department_address', 'r.name as region_name']);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemsWithNames>['executeTakeFirstOrThrow']>>;

export const findItem = (db: DbOrTx, id: string) => itemsWithNames(db).where('i.id', '=', id).executeTakeFirst();

export const findItemsByIds = (db: DbOrTx, ids: string[]) => (ids.length ? itemsWithNames(db).where('i.id', 'in', ids).execute() : Promise.resolve([]));

export const findVersion = (db: DbOrTx, itemId: string, version: number) =>
  db.selectFrom('catalog_item_versions').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();

export const findVersions = (db: DbOrTx, itemId: string) =>
  db.selectFrom('catalog_item_versions').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').execute();

export const findOpenVersion = (db: DbOrTx, itemId: string) =>
  db.selectFrom('catalog_item_versions').selectAll().where('item_id', '=', itemId).where('status', 'in', ['draft', 'submitted']).executeTakeFirst();

export function findOtherImplementations(db: DbOrTx, basicCode: string, exceptId: string) {
  return db
    .selectFrom('catalog_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .select(['i.id', 'i.region_code', 'r.name as region_name', 'd.name as department_name'])
    .where('i.basic_code', '=', basicCode)
    .where('i.id', '!=', exceptId)
    .where('i.published_version', 'is not', null)
    .where('i.retired_at', 'is', null)
    .orderBy('i.region_code')
    .execute();
}

export function listManagedItems(db: DbOrTx, f: { departmentId?: string; status?: string; q?: string; after?: [string, string] | null; limit: number }) {
  let q = itemsWithNames(db).orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc').limit(f.limit + 1);
  if (f.departmentId) q = q.where('i.department_id', '=', f.departmentId);
  if (f.status === 'retired') q = q.where('i.retired_at', 'is not', null);
  else if (f.status === 'published') q = q.where('i.published_version', 'is not', null).where('i.retired_at', 'is', null);
  else if (f.status) q = q.where('i.latest_status', '=', f.status as 'draft');
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('b.name', 'like', like), eb('i.implementation_code', 'like', `${f.q}%`), eb('i.basic_code', 'like', `${f.q}%`)]));
  }
  if (f.after) {
    const [at, id] = f.after;
    q = q.where((eb) => eb.or([eb('i.updated_at', '<', at), eb.and([eb('i.updated_at', '=', at), eb('i.id', '<', id)])]));
  }
  return q.execute();
}

export function findSubmittedVersions(db: DbOrTx) {
  return db.selectFrom('catalog_item_versions').selectAll().where('status', '=', 'submitted').orderBy('submitted_at').limit(500).execute();
}

/** Published, live items changed after a point (the search index catches up with these). */
export function findItemsChangedSince(db: DbOrTx, since: string | null) {
  let q = itemsWithNames(db)
    .leftJoin('catalog_item_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['v.guide as published_guide'])
    .orderBy('i.updated_at');
  if (since) q = q.where('i.updated_at', '>', since);
  return q.execute();
}

export const catalogRevision = (db: DbOrTx) =>
  db.selectFrom('catalog_items').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')]).executeTakeFirstOrThrow();
