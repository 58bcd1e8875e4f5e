import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, mapPage, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { findDepartmentById } from '../../org/index.js';
import * as q from '../catalog.queries.js';
import type { ItemRow } from '../catalog.queries.js';
import type { CatalogItemVersionsTable } from '../catalog.tables.js';
import { canManageItem, canReview } from '../catalog.policy.js';
import { implementationCode } from '../catalog.codes.js';
import { diffGuides } from '../catalog.diff.js';
import { guideProblems } from '../catalog.guide.js';
import type { CreateItemBody, Guide, ItemDetail, ItemSummary, ManageListQuery, SaveDraftBody, VersionDiff, VersionInfo } from '../catalog.schemas.js';
import { markSearchStale } from './search.js';

/** The published guide's fields that lists and search hits show, kept on the item row (catalog_items.summary). */
export interface ItemListFields {
  serviceObjects: string[];
  themes: string[];
  lifeEvents: string[];
  promisedTimeLimit: Guide['promisedTimeLimit'];
  caseKind: Guide['caseKind'];
  onlineDepth: number;
  visits: number;
}

export const listFieldsOf = (g: Guide): ItemListFields => ({
  serviceObjects: g.serviceObjects, themes: g.themes, lifeEvents: g.lifeEvents, promisedTimeLimit: g.promisedTimeLimit,
  caseKind: g.caseKind, onlineDepth: g.onlineDepth, visits: g.visits,
});

type VersionRow = CatalogItemVersionsTable;

export function toSummary(r: ItemRow): ItemSummary {
  const s = r.summary ? (JSON.parse(r.summary) as ItemListFields) : null;
  return {
    id: r.id,
    implementationCode: r.implementation_code,
    basicCode: r.basic_code,
    name: r.basic_name,
    nameEn: r.basic_name_en,
    itemType: r.item_type,
    department: { id: r.department_id, name: r.department_name, phone: r.department_phone, address: r.department_address },
    regionCode: r.region_code,
    regionName: r.region_name,
    serviceObjects: s?.serviceObjects ?? [],
    themes: s?.themes ?? [],
    lifeEvents: s?.lifeEvents ?? [],
    promisedTimeLimit: s?.promisedTimeLimit ?? null,
    caseKind: s?.caseKind ?? null,
    onlineDepth: s?.onlineDepth ?? null,
    visits: s?.visits ?? null,
    publishedVersion: r.retired_at ? null : r.published_version,
    latestVersion: r.latest_version,
    latestStatus: r.latest_status,
    retired: r.retired_at !== null,
    updatedAt: r.updated_at,
  };
}

export function toVersionInfo(v: VersionRow): VersionInfo {
  return {
    id: v.id, itemId: v.item_id, version: v.version, status: v.status, createdAt: v.created_at, createdBy: v.created_by,
    updatedAt: v.updated_at, submittedAt: v.submitted_at, submittedBy: v.submitted_by, reviewedAt: v.reviewed_at,
    reviewedBy: v.reviewed_by, reviewComment: v.review_comment, publishedAt: v.published_at, retiredAt: v.retired_at,
    changeNote: v.change_note,
  };
}

export function checkGuide(guide: Guide, prefix = 'guide'): void {
  const problems = guideProblems(guide, prefix);
  if (problems.length) throw invalid('catalog.invalid_guide', `The guide has ${problems.length} problem(s): ${problems[0].field} ${problems[0].reason}.`, problems);
}

async function getItemRow(db: DbOrTx, id: string): Promise<ItemRow> {
  const row = await q.findItem(db, id);
  if (!row) throw notFound('catalog.item_not_found', 'No such service item.');
  return row;
}

function assertManage(actor: Actor, item: { department_id: string }): void {
  if (!canManageItem(actor, item)) throw forbidden('catalog.not_your_department', 'Only the implementing department’s admin or a platform admin manages this item.');
}

async function detail(db: DbOrTx, item: ItemRow, v: VersionRow): Promise<ItemDetail> {
  // Every ancestor shares the first 9 digits (main item …000, sub-item 12 digits, handling item 14): one read.
  const c = item.basic_code;
  const basics = await q.findBasicItems(db, [...new Set([`${c.slice(0, 9)}000`, c.slice(0, 12), c])]);
  const byCode = new Map(basics.map((b) => [b.code, b]));
  const path: { code: string; name: string; level: string }[] = [];
  for (let b = byCode.get(c); b; b = b.parent_code ? byCode.get(b.parent_code) : undefined) path.unshift({ code: b.code, name: b.name, level: b.level });
  const basic = byCode.get(item.basic_code)!;
  const competent = await findDepartmentById(db, basic.competent_department_id);
  const others = await q.findOtherImplementations(db, item.basic_code, item.id);
  return {
    item: toSummary(item),
    basic: { code: basic.code, name: basic.name, nameEn: basic.name_en, level: basic.level, itemType: basic.item_type, competentDepartmentId: basic.competent_department_id, competentDepartmentName: competent?.name ?? '', path },
    version: toVersionInfo(v),
    guide: JSON.parse(v.guide) as Guide,
    otherImplementations: others.map((o) => ({ id: o.id, regionCode: o.region_code, regionName: o.region_name, departmentName: o.department_name })),
  };
}

/** The published guide of an item: what citizens see. */
export async function getPublishedItem(deps: Deps, id: string): Promise<ItemDetail> {
  const item = await getItemRow(deps.db, id);
  if (item.published_version === null || item.retired_at) throw notFound('catalog.item_not_published', 'This service item is not in the public catalogue (not yet published, or retired).');
  const v = await q.findVersion(deps.db, id, item.published_version);
  return detail(deps.db, item, v!);
}

const NAMES_EN_TTL_MS = 60_000;
const namesEnCache = new WeakMap<object, Map<string, { nameEn: string | null; at: number }>>();

/**
 * English names of items by id (their basic item's), for other modules' pages in English: ids without one are left out.
 * Read at most once a minute per item and process (names change rarely; lists ask for them on every page).
 */
export async function getItemNamesEn(deps: Pick<Deps, 'db' | 'clock'>, ids: string[]): Promise<Map<string, string>> {
  let cache = namesEnCache.get(deps.db);
  if (!cache) namesEnCache.set(deps.db, (cache = new Map()));
  const now = deps.clock.nowMs();
  const stale = [...new Set(ids)].filter((id) => { const e = cache!.get(id); return !e || now - e.at >= NAMES_EN_TTL_MS; });
  if (stale.length) {
    const rows = await q.findItemsByIds(deps.db, stale);
    for (const id of stale) cache.delete(id);
    for (const r of rows) cache.set(r.id, { nameEn: r.basic_name_en, at: now });
    if (cache.size > 20_000) cache.clear(); // a bound; it fills again from the next pages
  }
  const out = new Map<string, string>();
  for (const id of ids) {
    const n = cache.get(id)?.nameEn;
    if (n) out.set(id, n);
  }
  return out;
}

/** Names of items by id (for other modules' lists); unknown ids are left out. */
export async function getItemNames(deps: Pick<Deps, 'db'>, ids: string[]): Promise<Map<string, string>> {
  const rows = await q.findItemsByIds(deps.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.basic_name]));
}

/**
 * getPublishedItem for hot paths (filing an application): one light read of the item's row decides whether the
 * detail this process loaded before still holds (same published version, item unchanged); names of related records
 * (basic item, departments) are re-read at least once a minute. Callers must not change the returned object.
 * `tx`: read inside that transaction (a filing checks the item in its own, on SQLite without a second round through
 * the connection); the cache is still the process's for `deps.db`.
 */
export async function getPublishedItemCached(deps: Deps, id: string, tx?: DbOrTx): Promise<ItemDetail> {
  const row = await q.findPublishedState(tx ?? deps.db, id);
  if (!row) throw notFound('catalog.item_not_found', 'No such service item.');
  if (row.published_version === null || row.retired_at) throw notFound('catalog.item_not_published', 'This service item is not in the public catalogue (not yet published, or retired).');
  let cache = publishedCache.get(deps.db);
  if (!cache) publishedCache.set(deps.db, (cache = new Map()));
  const key = `${row.published_version}|${row.updated_at}`;
  const hit = cache.get(id);
  if (hit && hit.key === key && Date.now() - hit.loadedAt < PUBLISHED_CACHE_MS) return hit.detail;
  const detail = await getPublishedItem(tx ? { ...deps, db: tx } : deps, id);
  if (cache.size >= 10_000) cache.clear(); // bounded; catalogues are far smaller
  cache.set(id, { key, loadedAt: Date.now(), detail });
  return detail;
}
const PUBLISHED_CACHE_MS = 60_000;
const publishedCache = new WeakMap<object, Map<string, { key: string; loadedAt: number; detail: ItemDetail }>>();

/** One version: published and retired versions are public; drafts and submitted ones only for those who manage the item. */
export async function getItemVersion(deps: Deps, actor: Actor, id: string, version: number): Promise<ItemDetail> {
  const item = await getItemRow(deps.db, id);
  const v = await q.findVersion(deps.db, id, version);
  if (!v) throw notFound('catalog.version_not_found', `The item has no version ${version}.`);
  const isPublic = v.status === 'published' || v.status === 'retired';
  if (!isPublic && !canManageItem(actor, item)) throw notFound('catalog.version_not_found', `The item has no version ${version}.`);
  return detail(deps.db, item, v);
}

export async function listVersions(deps: Deps, actor: Actor, id: string): Promise<{ items: VersionInfo[] }> {
  const item = await getItemRow(deps.db, id);
  assertManage(actor, item);
  return { items: (await q.findVersions(deps.db, id)).map(toVersionInfo) };
}

export async function findManagedItems(deps: Deps, actor: Actor, query: ManageListQuery): Promise<PageResult<ItemSummary>> {
  let departmentId = query.departmentId;
  if (!canReview(actor)) {
    if (departmentId && departmentId !== actor.departmentId) throw forbidden('catalog.not_your_department', 'Department admins see their own department’s items.');
    departmentId = actor.departmentId ?? '__none__';
  }
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await q.listManagedItems(deps.db, { departmentId, status: query.status, q: query.q, after, limit });
  return mapPage(pageOf(rows, limit, (r) => [r.updated_at, r.id]), toSummary);
}

async function touchItem(tx: Tx, id: string, set: Record<string, unknown>, now: string): Promise<void> {
  await tx.updateTable('catalog_items').set({ ...set, updated_at: now }).where('id', '=', id).execute();
}

/** A department admin adds its department's implementation of a basic item; version 1 starts as a draft. */
export async function createItem(deps: Deps, actor: Actor, input: CreateItemBody): Promise<ItemDetail> {
  const dept = await findDepartmentById(deps.db, input.departmentId);
  if (!dept) throw invalid('catalog.unknown_department', 'No such department.', [{ field: 'departmentId', reason: 'unknown department' }]);
  assertManage(actor, { department_id: dept.id });
  const basic = await q.findBasicItem(deps.db, input.basicCode);
  if (!basic) throw invalid('catalog.unknown_basic_item', `No basic item ${input.basicCode} in the catalogue.`, [{ field: 'basicCode', reason: 'unknown basic item' }]);
  checkGuide(input.guide);
  const code = implementationCode(dept.uscc, dept.level, basic.code);
  const id = newId();
  await withTx(deps.db, async (tx) => {
    if (await tx.selectFrom('catalog_items').select('id').where('implementation_code', '=', code).executeTakeFirst()) {
      throw conflict('catalog.item_exists', `${dept.name} already implements this item (implementation code ${code}).`);
    }
    const now = deps.clock.nowIso();
    await tx.insertInto('catalog_items').values({
      id, basic_code: basic.code, implementation_code: code, department_id: dept.id, region_code: dept.region_code,
      published_version: null, summary: JSON.stringify(listFieldsOf(input.guide)), latest_version: 1, latest_status: 'draft', retired_at: null, created_at: now, updated_at: now,
    }).execute();
    await insertVersion(tx, actor, id, 1, input.guide, input.changeNote ?? null, now);
    await recordChange(tx, deps, actor, {
      audit: { action: 'catalog.item.created', targetType: 'catalog_item', targetId: id, details: { implementationCode: code, basicCode: basic.code } },
      event: { aggregateType: 'catalog_item', aggregateId: id, payload: { itemId: id, implementationCode: code, departmentId: dept.id } },
    });
  });
  return getItemVersion(deps, actor, id, 1);
}

async function insertVersion(tx: Tx, actor: Actor, itemId: string, version: number, guide: Guide, changeNote: string | null, now: string): Promise<void> {
  await tx.insertInto('catalog_item_versions').values({
    id: newId(), item_id: itemId, version, status: 'draft', guide: JSON.stringify(guide), change_note: changeNote, created_at: now, created_by: actor.username,
    updated_at: now, submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, review_comment: null, published_at: null, retired_at: null,
  }).execute();
}

/** A new draft copied from the newest version; one open (draft or submitted) version at a time. */
export async function createDraft(deps: Deps, actor: Actor, id: string, changeNote: string | undefined): Promise<ItemDetail> {
  const item = await getItemRow(deps.db, id);
  assertManage(actor, item);
  const next = await withTx(deps.db, async (tx) => {
    const open = await q.findOpenVersion(tx, id);
    if (open) throw conflict('catalog.open_draft_exists', `Version ${open.version} is still ${open.status === 'draft' ? 'a draft' : 'waiting for review'}; edit that one.`, { version: open.version });
    const latest = await q.findVersion(tx, id, item.latest_version);
    const now = deps.clock.nowIso();
    const version = item.latest_version + 1;
    await insertVersion(tx, actor, id, version, JSON.parse(latest!.guide) as Guide, changeNote ?? null, now);
    await touchItem(tx, id, { latest_version: version, latest_status: 'draft' }, now);
    await recordChange(tx, deps, actor, { audit: { action: 'catalog.version.created', targetType: 'catalog_item', targetId: id, details: { version, from: latest!.version } } });
    return version;
  });
  return getItemVersion(deps, actor, id, next);
}

/** Saves a draft. Anything but a draft is immutable; a save over a newer save by someone else is a conflict. */
export async function saveDraft(deps: Deps, actor: Actor, id: string, version: number, input: SaveDraftBody): Promise<ItemDetail> {
  const item = await getItemRow(deps.db, id);
  assertManage(actor, item);
  checkGuide(input.guide);
  await withTx(deps.db, async (tx) => {
    const v = await q.findVersion(tx, id, version);
    if (!v) throw notFound('catalog.version_not_found', `The item has no version ${version}.`);
    if (v.status !== 'draft') throw conflict('catalog.version_immutable', `Version ${version} is ${v.status}; only a draft can be changed. Create a new version instead.`, { status: v.status });
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== v.updated_at) {
      throw conflict('catalog.edit_conflict', 'Someone else saved this draft after you opened it; reload to see their changes.', { updatedAt: v.updated_at });
    }
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('catalog_item_versions')
      .set({ guide: JSON.stringify(input.guide), change_note: input.changeNote ?? v.change_note, updated_at: now })
      .where('id', '=', v.id).where('status', '=', 'draft').where('updated_at', '=', v.updated_at).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('catalog.edit_conflict', 'Someone else saved this draft at the same moment; reload to see their changes.');
    await touchItem(tx, id, {}, now);
    await recordChange(tx, deps, actor, { audit: { action: 'catalog.version.saved', targetType: 'catalog_item', targetId: id, details: { version, changes: diffGuides(JSON.parse(v.guide), input.guide).length } } });
  });
  return getItemVersion(deps, actor, id, version);
}

interface Transition {
  from: VersionRow['status'];
  to: VersionRow['status'];
  action: string;
  event?: boolean;
  /** Who may: checked on the item before anything else. */
  authorize(item: ItemRow): void;
  /** What the version must satisfy beyond its status. */
  check?(v: VersionRow): void;
}

async function transition(deps: Deps, actor: Actor, id: string, version: number, t: Transition, extra: Partial<VersionRow>, after?: (tx: Tx, item: ItemRow, v: VersionRow, now: string) => Promise<void>): Promise<VersionInfo> {
  const item = await getItemRow(deps.db, id);
  t.authorize(item);
  await withTx(deps.db, async (tx) => {
    const v = await q.findVersion(tx, id, version);
    if (!v) throw notFound('catalog.version_not_found', `The item has no version ${version}.`);
    if (v.status !== t.from) throw conflict('catalog.wrong_status', `Version ${version} is ${v.status}; this needs it to be ${t.from}.`, { status: v.status });
    t.check?.(v);
    const now = deps.clock.nowIso();
    const res = await tx.updateTable('catalog_item_versions').set({ ...extra, status: t.to, updated_at: now }).where('id', '=', v.id).where('status', '=', t.from).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('catalog.wrong_status', `Version ${version} changed meanwhile; reload.`);
    await touchItem(tx, id, item.latest_version === version ? { latest_status: t.to } : {}, now);
    if (after) await after(tx, item, v, now);
    await recordChange(tx, deps, actor, {
      audit: { action: t.action, targetType: 'catalog_item', targetId: id, details: { version, implementationCode: item.implementation_code, comment: extra.review_comment ?? undefined } },
      ...(t.event ? { event: { aggregateType: 'catalog_item', aggregateId: id, payload: { itemId: id, version, implementationCode: item.implementation_code, departmentId: item.department_id } } } : {}),
    });
  });
  return toVersionInfo((await q.findVersion(deps.db, id, version))!);
}

const manages = (actor: Actor) => (item: ItemRow) => assertManage(actor, item);
const reviews = (actor: Actor, verb: 'reviews' | 'approves') => () => {
  if (!canReview(actor)) throw forbidden('catalog.review_forbidden', `Only a platform admin ${verb} guides for publication.`);
};

export async function submitVersion(deps: Deps, actor: Actor, id: string, version: number): Promise<VersionInfo> {
  return transition(deps, actor, id, version, {
    from: 'draft', to: 'submitted', action: 'catalog.version.submitted', event: true, authorize: manages(actor),
    check: (v) => checkGuide(JSON.parse(v.guide) as Guide), // a guide saved under older rules is checked again before review
  }, { submitted_at: deps.clock.nowIso(), submitted_by: actor.username });
}

export async function withdrawVersion(deps: Deps, actor: Actor, id: string, version: number): Promise<VersionInfo> {
  return transition(deps, actor, id, version, { from: 'submitted', to: 'draft', action: 'catalog.version.withdrawn', authorize: manages(actor) }, { submitted_at: null, submitted_by: null });
}

export async function rejectVersion(deps: Deps, actor: Actor, id: string, version: number, comment: string): Promise<VersionInfo> {
  return transition(deps, actor, id, version, { from: 'submitted', to: 'draft', action: 'catalog.version.rejected', event: true, authorize: reviews(actor, 'reviews') }, { reviewed_at: deps.clock.nowIso(), reviewed_by: actor.username, review_comment: comment });
}

/** Publication: the version becomes the published one, the previously published version is retired. */
export async function approveVersion(deps: Deps, actor: Actor, id: string, version: number, comment: string | undefined): Promise<VersionInfo> {
  const now = deps.clock.nowIso();
  const info = await transition(deps, actor, id, version, { from: 'submitted', to: 'published', action: 'catalog.item.published', event: true, authorize: reviews(actor, 'approves') },
    { reviewed_at: now, reviewed_by: actor.username, review_comment: comment ?? null, published_at: now },
    (tx, item, v, at) => publishInTx(tx, item.id, item.published_version, v, at));
  markSearchStale(deps);
  return info;
}

/** Shared by approval and import: make `v` the item's published version. */
export async function publishInTx(tx: Tx, itemId: string, previous: number | null, v: Pick<VersionRow, 'version' | 'guide'>, now: string): Promise<void> {
  if (previous !== null && previous !== v.version) {
    await tx.updateTable('catalog_item_versions').set({ status: 'retired', retired_at: now, updated_at: now }).where('item_id', '=', itemId).where('version', '=', previous).execute();
  }
  const guide = JSON.parse(v.guide) as Guide;
  await tx.updateTable('catalog_items').set({ published_version: v.version, summary: JSON.stringify(listFieldsOf(guide)), retired_at: null, updated_at: now }).where('id', '=', itemId).execute();
}

/** The item leaves the public catalogue; its published version is retired (cases filed under it keep it). */
export async function retireItem(deps: Deps, actor: Actor, id: string, reason: string): Promise<ItemSummary> {
  const item = await getItemRow(deps.db, id);
  assertManage(actor, item);
  if (item.retired_at) throw conflict('catalog.already_retired', 'The item is already retired.');
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    if (item.published_version !== null) {
      await tx.updateTable('catalog_item_versions').set({ status: 'retired', retired_at: now, updated_at: now }).where('item_id', '=', id).where('version', '=', item.published_version).execute();
    }
    await tx.updateTable('catalog_items').set({ retired_at: now, updated_at: now, ...(item.latest_version === item.published_version ? { latest_status: 'retired' as const } : {}) }).where('id', '=', id).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'catalog.item.retired', targetType: 'catalog_item', targetId: id, details: { reason, implementationCode: item.implementation_code } },
      event: { aggregateType: 'catalog_item', aggregateId: id, payload: { itemId: id, implementationCode: item.implementation_code, reason } },
    });
  });
  markSearchStale(deps);
  return toSummary(await getItemRow(deps.db, id));
}

export async function diffVersions(deps: Deps, actor: Actor, id: string, from: number, to: number): Promise<VersionDiff> {
  const a = await getItemVersion(deps, actor, id, from);
  const b = await getItemVersion(deps, actor, id, to);
  return { from, to, changes: diffGuides(a.guide, b.guide) };
}

export async function reviewQueue(deps: Deps, actor: Actor): Promise<{ items: { item: ItemSummary; version: VersionInfo }[] }> {
  if (!canReview(actor)) throw forbidden('catalog.review_forbidden', 'Only platform admins review guides.');
  const versions = await q.findSubmittedVersions(deps.db);
  const items = new Map((await q.findItemsByIds(deps.db, [...new Set(versions.map((v) => v.item_id))])).map((r) => [r.id, r]));
  return { items: versions.filter((v) => items.has(v.item_id)).map((v) => ({ item: toSummary(items.get(v.item_id)!), version: toVersionInfo(v) })) };
}

