/**
 * Duty lists (权责清单): what each department is responsible for, in which regions, in words askers use. Routing
 * (routing.ts) matches questions against them. Edited by the department's admins or a platform admin; every change
 * bumps the duty's version and is audited; retiring keeps the row.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, isUniqueViolation, type DbOrTx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { canManageDepartmentContent, canReadDepartmentContent } from '../consultation.policy.js';
import type { DutyEntriesTable } from '../consultation.tables.js';
import type { Duty, DutyCreateBody, DutyUpdateBody } from '../consultation.schemas.js';
import { loadReferences, regionProblems, type ContentProblem, type References } from './knowledge.js';
import { engineOf } from './retrieval.js';

export interface DutyContent {
  departmentId: string;
  matter: string;
  description: string;
  keywords: string[];
  regionCodes: string[];
  basis: string | null;
  contact: string | null;
}

const clean = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

export function checkDutyContent(input: Omit<DutyUpdateBody, 'expectedVersion'>, department: { id: string; region_code: string }, refs: References): { content: DutyContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const matter = input.matter.trim();
  const description = input.description.trim();
  const keywords = clean(input.keywords);
  if (matter.length < 2) problems.push({ field: 'matter', code: 'consultation.blank_text', reason: 'the matter is empty' });
  if (!description) problems.push({ field: 'description', code: 'consultation.blank_text', reason: 'the description is empty' });
  if (keywords.length === 0) problems.push({ field: 'keywords', code: 'consultation.blank_text', reason: 'at least one keyword' });
  const regionCodes = clean(input.regionCodes);
  problems.push(...regionProblems(regionCodes, department.region_code, refs));
  return {
    content: { departmentId: department.id, matter, description, keywords, regionCodes, basis: input.basis?.trim() || null, contact: input.contact?.trim() || null },
    problems,
  };
}

export function dutyRowValues(c: DutyContent) {
  return { department_id: c.departmentId, matter: c.matter, description: c.description, keywords: JSON.stringify(c.keywords), region_codes: JSON.stringify(c.regionCodes), basis: c.basis, contact: c.contact };
}

export function dutyContentOf(r: DutyEntriesTable): DutyContent {
  return { departmentId: r.department_id, matter: r.matter, description: r.description, keywords: JSON.parse(r.keywords), regionCodes: JSON.parse(r.region_codes), basis: r.basis, contact: r.contact };
}

function toDuty(r: DutyEntriesTable, departmentName: string): Duty {
  const c = dutyContentOf(r);
  return {
    id: r.id, code: r.code, departmentId: r.department_id, departmentName, matter: c.matter, description: c.description, keywords: c.keywords, regionCodes: c.regionCodes,
    basis: c.basis, contact: c.contact, status: r.status, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by,
  };
}

function throwProblems(problems: ContentProblem[]): void {
  if (problems.length) throw invalid(problems[0].code, `${problems[0].field}: ${problems[0].reason}`, problems.map(({ field, reason }) => ({ field, reason })));
}

async function departmentFor(db: DbOrTx, id: string | null | undefined) {
  if (!id) throw invalid('consultation.department_required', 'Name the department the duty belongs to (departmentId).');
  const d = await db.selectFrom('departments').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
  if (!d) throw invalid('consultation.unknown_department', `No department with id "${id}".`);
  return d;
}

async function findRow(db: DbOrTx, code: string): Promise<DutyEntriesTable> {
  const r = await db.selectFrom('duty_entries').selectAll().where('code', '=', code).executeTakeFirst();
  if (!r) throw notFound('consultation.duty_not_found', `No duty ${code}.`);
  return r;
}

const forbiddenDept = () => forbidden('consultation.not_your_department', 'Department admins edit their own department’s duty list.');

export async function createDuty(deps: Deps, actor: Actor, body: DutyCreateBody): Promise<Duty> {
  const dept = await departmentFor(deps.db, body.departmentId ?? actor.departmentId);
  if (!canManageDepartmentContent(actor, dept.id)) throw forbiddenDept();
  const { content, problems } = checkDutyContent(body, dept, await loadReferences(deps.db, []));
  throwProblems(problems);
  if (await deps.db.selectFrom('duty_entries').select('id').where('code', '=', body.code).executeTakeFirst()) throw conflict('consultation.duty_exists', `A duty with code ${body.code} exists already.`);
  const now = deps.clock.nowIso();
  const row: DutyEntriesTable = { id: newId(), code: body.code, ...dutyRowValues(content), status: 'active', version: 1, created_at: now, created_by: actor.username, updated_at: now, updated_by: actor.username };
  try {
    await withTx(deps.db, async (tx) => {
      await tx.insertInto('duty_entries').values(row).execute();
      await recordChange(tx, deps, actor, {
        audit: { action: 'consultation.duty.created', targetType: 'duty', targetId: row.id, departmentId: dept.id, details: { code: row.code } },
        event: { aggregateType: 'duty', aggregateId: row.id, payload: { code: row.code, departmentId: dept.id, version: 1 } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('consultation.duty_exists', `A duty with code ${body.code} exists already.`);
    throw err;
  }
  (await engineOf(deps)).applyDutyRows([row]);
  return toDuty(row, dept.name);
}

export async function updateDuty(deps: Deps, actor: Actor, code: string, body: DutyUpdateBody): Promise<Duty> {
  const current = await findRow(deps.db, code);
  if (!canManageDepartmentContent(actor, current.department_id)) throw forbiddenDept();
  if (current.status !== 'active') throw invalid('consultation.duty_retired', `Duty ${code} is retired; it cannot be edited.`);
  if (body.expectedVersion !== undefined && body.expectedVersion !== current.version) {
    throw conflict('consultation.version_conflict', `Duty ${code} is at version ${current.version}, not ${body.expectedVersion}.`, { version: current.version });
  }
  const dept = await departmentFor(deps.db, current.department_id);
  const { content, problems } = checkDutyContent(body, dept, await loadReferences(deps.db, []));
  throwProblems(problems);
  const before = dutyContentOf(current);
  const changed = (Object.keys(content) as (keyof DutyContent)[]).filter((k) => JSON.stringify(content[k]) !== JSON.stringify(before[k]));
  if (changed.length === 0) return toDuty(current, dept.name);
  const now = deps.clock.nowIso();
  const row: DutyEntriesTable = { ...current, ...dutyRowValues(content), version: current.version + 1, updated_at: now, updated_by: actor.username };
  await withTx(deps.db, async (tx) => {
    const res = await tx.updateTable('duty_entries').set({ ...dutyRowValues(content), version: row.version, updated_at: now, updated_by: actor.username })
      .where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('consultation.version_conflict', `Duty ${code} was changed meanwhile.`);
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.duty.updated', targetType: 'duty', targetId: current.id, departmentId: current.department_id, details: { code, version: row.version, changed } },
      event: { aggregateType: 'duty', aggregateId: current.id, payload: { code, version: row.version, changed } },
    });
  });
  (await engineOf(deps)).applyDutyRows([row]);
  return toDuty(row, dept.name);
}

export async function retireDuty(deps: Deps, actor: Actor, code: string): Promise<Duty> {
  const current = await findRow(deps.db, code);
  if (!canManageDepartmentContent(actor, current.department_id)) throw forbiddenDept();
  if (current.status !== 'active') throw invalid('consultation.duty_retired', `Duty ${code} is retired already.`);
  const dept = await departmentFor(deps.db, current.department_id);
  const now = deps.clock.nowIso();
  const row: DutyEntriesTable = { ...current, status: 'retired', version: current.version + 1, updated_at: now, updated_by: actor.username };
  await withTx(deps.db, async (tx) => {
    await tx.updateTable('duty_entries').set({ status: 'retired', version: row.version, updated_at: now, updated_by: actor.username }).where('id', '=', current.id).execute();
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.duty.retired', targetType: 'duty', targetId: current.id, departmentId: current.department_id, details: { code } },
      event: { aggregateType: 'duty', aggregateId: current.id, payload: { code, version: row.version } },
    });
  });
  (await engineOf(deps)).applyDutyRows([row]);
  return toDuty(row, dept.name);
}

/** Duty lists are public (who is responsible for what is public information); retired duties only for the department's staff. */
export async function getDuty(deps: Deps, actor: Actor, code: string): Promise<Duty> {
  const r = await findRow(deps.db, code);
  if (r.status !== 'active' && !canReadDepartmentContent(actor, r.department_id)) throw notFound('consultation.duty_not_found', `No duty ${code}.`);
  const d = await deps.db.selectFrom('departments').select('name').where('id', '=', r.department_id).executeTakeFirst();
  return toDuty(r, d?.name ?? '');
}

export async function listDuties(deps: Deps, actor: Actor, query: { departmentId?: string; status?: 'active' | 'retired'; limit?: number; cursor?: string }): Promise<PageResult<Duty>> {
  const status = query.status ?? 'active';
  if (status === 'retired' && !(query.departmentId && canReadDepartmentContent(actor, query.departmentId)) && !actor.roles.includes('platform_admin')) {
    throw forbidden('consultation.not_your_department', 'Retired duties are visible to the department’s staff.');
  }
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 1) as [string] | null;
  let q = deps.db.selectFrom('duty_entries as t').innerJoin('departments as d', 'd.id', 't.department_id').selectAll('t').select('d.name as department_name')
    .where('t.status', '=', status).orderBy('t.code').limit(limit + 1);
  if (query.departmentId) q = q.where('t.department_id', '=', query.departmentId);
  if (after) q = q.where('t.code', '>', after[0]);
  const page = pageOf(await q.execute(), limit, (r) => [r.code]);
  return { nextCursor: page.nextCursor, items: page.items.map(({ department_name, ...r }) => toDuty(r, department_name)) };
}
