import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, mapPage, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { findDepartmentById } from '../../org/index.js';
import * as q from '../catalog.queries.js';
import { canManageBasicItems } from '../catalog.policy.js';
import { basicCodeProblem, levelFor } from '../catalog.codes.js';
import type { BasicItem, BasicItemListQuery, CreateBasicItemBody, UpdateBasicItemBody } from '../catalog.schemas.js';
import { markSearchStale } from './search.js';

type Row = Awaited<ReturnType<typeof q.listBasicItems>>[number];

const toBasicItem = (r: Row): BasicItem => ({
  code: r.code, parentCode: r.parent_code, level: r.level, name: r.name, nameEn: r.name_en, itemType: r.item_type,
  competentDepartmentId: r.competent_department_id, competentDepartmentName: r.department_name,
});

export async function findBasicItems(deps: Deps, query: BasicItemListQuery): Promise<PageResult<BasicItem>> {
  const limit = pageLimit({ limit: query.limit ?? 50 });
  const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
  const rows = await q.listBasicItems(deps.db, { parentCode: query.parentCode, level: query.level, q: query.q, after, limit });
  const page = pageOf(rows, limit, (r) => [r.code]);
  return mapPage(page, toBasicItem);
}

export async function getBasicItem(deps: Deps, code: string): Promise<BasicItem> {
  const row = await q.findBasicItemWithDepartment(deps.db, code);
  if (!row) throw notFound('catalog.basic_item_not_found', `No basic item ${code}.`);
  return toBasicItem(row);
}

export async function createBasicItem(deps: Deps, actor: Actor, input: CreateBasicItemBody): Promise<BasicItem> {
  if (!canManageBasicItems(actor)) throw forbidden('catalog.basic_forbidden', 'Only platform admins maintain the basic catalogue.');
  const parent = input.parentCode ? await q.findBasicItem(deps.db, input.parentCode) : null;
  if (input.parentCode && !parent) throw invalid('catalog.unknown_parent', `No basic item ${input.parentCode}.`, [{ field: 'parentCode', reason: 'unknown item' }]);
  const level = levelFor(input.code, parent ? parent.level : null);
  if (!level) throw invalid('catalog.invalid_parent', parent?.level === 'handling' ? 'Nothing goes below a handling item.' : 'Under a sub-item only handling items (14 digits) go.', [{ field: 'parentCode', reason: parent?.level === 'handling' ? 'is a handling item' : 'a sub-item takes 14-digit handling items' }]);
  const problem = basicCodeProblem(input.code, level, input.parentCode ?? null);
  if (problem) throw invalid('catalog.invalid_basic_code', `Basic code ${input.code}: ${problem}.`, [{ field: 'code', reason: problem }]);
  if (!(await findDepartmentById(deps.db, input.competentDepartmentId))) throw invalid('catalog.unknown_department', 'No such department.', [{ field: 'competentDepartmentId', reason: 'unknown department' }]);
  await withTx(deps.db, async (tx) => {
    if (await q.findBasicItem(tx, input.code)) throw conflict('catalog.basic_item_exists', `Basic item ${input.code} exists already.`);
    const now = deps.clock.nowIso();
    await tx.insertInto('catalog_basic_items').values({
      code: input.code, parent_code: input.parentCode ?? null, level, name: input.name, name_en: input.nameEn ?? null, item_type: input.itemType,
      competent_department_id: input.competentDepartmentId, created_at: now, updated_at: now,
    }).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'catalog.basic_item.created', targetType: 'catalog_basic_item', targetId: input.code, details: { name: input.name, level } },
      event: { aggregateType: 'catalog_basic_item', aggregateId: input.code, payload: { code: input.code, name: input.name, level } },
    });
  });
  return getBasicItem(deps, input.code);
}

export async function updateBasicItem(deps: Deps, actor: Actor, code: string, input: UpdateBasicItemBody): Promise<BasicItem> {
  if (!canManageBasicItems(actor)) throw forbidden('catalog.basic_forbidden', 'Only platform admins maintain the basic catalogue.');
  const before = await q.findBasicItem(deps.db, code);
  if (!before) throw notFound('catalog.basic_item_not_found', `No basic item ${code}.`);
  if (input.competentDepartmentId && !(await findDepartmentById(deps.db, input.competentDepartmentId))) {
    throw invalid('catalog.unknown_department', 'No such department.', [{ field: 'competentDepartmentId', reason: 'unknown department' }]);
  }
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    await tx.updateTable('catalog_basic_items').set({
      ...(input.name !== undefined && { name: input.name }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.itemType !== undefined && { item_type: input.itemType }), ...(input.competentDepartmentId !== undefined && { competent_department_id: input.competentDepartmentId }),
      updated_at: now,
    }).where('code', '=', code).execute();
    // The items implementing it show its name: they change (and are re-indexed) with it.
    await tx.updateTable('catalog_items').set({ updated_at: now }).where('basic_code', '=', code).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'catalog.basic_item.updated', targetType: 'catalog_basic_item', targetId: code, details: { before: { name: before.name, itemType: before.item_type }, changes: input } },
      event: { aggregateType: 'catalog_basic_item', aggregateId: code, payload: { code, ...input } },
    });
  });
  markSearchStale(deps);
  return getBasicItem(deps, code);
}
