import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { withTx, type Tx } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../../platform/record.js';
import { compileStrict } from '../../platform/http/validation.js';
import { parseImportFile } from '../../platform/import-file.js';
import { isValidUscc } from '../../platform/codes.js';
import { canImport, canManageItem } from './catalog.policy.js';
import { basicCodeProblem, implementationCode, levelFor, type BasicLevel } from './catalog.codes.js';
import { guideProblems } from './catalog.guide.js';
import { CATALOG_FORMAT, FileBasicItem, FileItem, type CatalogFile, type Guide, type ImportJob } from './catalog.schemas.js';
import { listFieldsOf, publishInTx } from './use-cases/items.js';
import { markSearchStale } from './use-cases/search.js';

/*
 * Import and export of the catalogue (docs/formats/catalog.md). An import is all-or-nothing: every row is checked
 * first and any problem rejects the whole file, listing every problem (section, row, field, reason); then everything
 * is written in one transaction. Basic items are matched by code, items by implementation code (computed from the
 * implementing department's USCC, its level and the basic code). A guide identical to the item's newest version is
 * left alone; a different one becomes a new version, published at once unless the row says `draft`.
 */

const checkBasic = compileStrict<FileBasicItem>(FileBasicItem);
const checkItem = compileStrict<FileItem>(FileItem);
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportProblem {
  section: 'file' | 'basicItems' | 'items';
  row: number;
  field: string;
  reason: string;
}

export interface ImportResult {
  basicItems: number;
  items: number;
  versions: number;
  unchanged: number;
}

type Progress = (processed: number, total: number, phase: 'validating' | 'writing') => void | Promise<void>;

/** Lets the event loop serve other requests (progress polls) during a long import. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

export async function importCatalog(deps: Deps, actor: Actor, text: string, onProgress: Progress = () => {}): Promise<ImportResult> {
  if (!canImport(actor)) throw forbidden('catalog.import_forbidden', 'Only platform admins import the catalogue.');
  const doc = parseImportFile(text, CATALOG_FORMAT);
  if (doc.basicItems !== undefined && !Array.isArray(doc.basicItems)) throw invalid('import.wrong_format', '"basicItems" must be a list.');
  if (doc.items !== undefined && !Array.isArray(doc.items)) throw invalid('import.wrong_format', '"items" must be a list.');
  const basicRows = (doc.basicItems ?? []) as unknown[];
  const itemRows = (doc.items ?? []) as unknown[];
  const total = (basicRows.length + itemRows.length) * 2;
  if (total / 2 > MAX_IMPORT_ROWS) throw invalid('import.too_many_rows', `At most ${MAX_IMPORT_ROWS} rows per file.`);
  if (total === 0) throw invalid('import.empty', 'The file has no basic items and no items.');
  await onProgress(0, total, 'validating');

  const problems: ImportProblem[] = [];
  const add = (section: ImportProblem['section'], row: number, field: string, reason: string) => problems.push({ section, row, field, reason });
  let processed = 0;
  const tick = async () => {
    processed++;
    if (processed % 50 === 0) {
      await onProgress(processed, total, processed <= total / 2 ? 'validating' : 'writing');
      await breathe();
    }
  };

  // --- departments and existing basic items, read once
  const depts = new Map((await deps.db.selectFrom('departments').select(['id', 'uscc', 'level', 'region_code', 'name']).execute()).map((d) => [d.uscc, d]));
  const existingBasic = new Map((await deps.db.selectFrom('catalog_basic_items').select(['code', 'level', 'parent_code']).execute()).map((b) => [b.code, b]));

  // --- basic items: schema, then structure against the file and the database
  const fileBasic = new Map<string, { row: number; v: FileBasicItem }>();
  for (const [i, raw] of basicRows.entries()) {
    await tick();
    const r = checkBasic(raw);
    if (!r.ok) {
      r.details.forEach((d) => add('basicItems', i + 1, d.field, d.reason));
      continue;
    }
    const v = r.value;
    if (fileBasic.has(v.code)) add('basicItems', i + 1, 'code', `appears twice in the file (first in row ${fileBasic.get(v.code)!.row})`);
    else fileBasic.set(v.code, { row: i + 1, v });
    if (!isValidUscc(v.competentDepartment)) add('basicItems', i + 1, 'competentDepartment', 'not a valid USCC (GB 32100 check character)');
    else if (!depts.has(v.competentDepartment)) add('basicItems', i + 1, 'competentDepartment', 'no department with this USCC');
  }
  const levelOf = (code: string, seen = new Set<string>()): BasicLevel | null => {
    if (seen.has(code)) return null;
    seen.add(code);
    const f = fileBasic.get(code)?.v;
    if (f) {
      if (!f.parentCode) return 'main';
      const pl = levelOf(f.parentCode, seen);
      return pl ? levelFor(code, pl) : null;
    }
    return (existingBasic.get(code)?.level as BasicLevel | undefined) ?? null;
  };
  for (const { row, v } of fileBasic.values()) {
    const existing = existingBasic.get(v.code);
    if (existing && (existing.parent_code ?? undefined) !== v.parentCode) {
      add('basicItems', row, 'parentCode', `basic item ${v.code} already exists under ${existing.parent_code ?? 'no parent'}; its place in the hierarchy cannot change`);
      continue;
    }
    if (v.parentCode && !fileBasic.has(v.parentCode) && !existingBasic.has(v.parentCode)) {
      add('basicItems', row, 'parentCode', 'unknown parent item (neither in the file nor in the catalogue)');
      continue;
    }
    const parentLevel = v.parentCode ? levelOf(v.parentCode) : null;
    const level = v.parentCode ? (parentLevel ? levelFor(v.code, parentLevel) : null) : 'main';
    if (!level) {
      add('basicItems', row, 'parentCode', parentLevel === 'handling' ? 'nothing goes below a handling item' : parentLevel === 'sub' ? 'under a sub-item only 14-digit handling items go' : 'the parent is part of a cycle');
      continue;
    }
    const problem = basicCodeProblem(v.code, level, v.parentCode ?? null);
    if (problem) add('basicItems', row, 'code', problem);
  }
  const basicKnown = (code: string) => fileBasic.has(code) || existingBasic.has(code);

  // --- items
  const existingItems = new Map((await deps.db.selectFrom('catalog_items').select(['id', 'implementation_code', 'department_id', 'latest_version', 'published_version']).execute()).map((r) => [r.implementation_code, r]));
  const openVersions = new Set((await deps.db.selectFrom('catalog_item_versions').select('item_id').where('status', 'in', ['draft', 'submitted']).execute()).map((r) => r.item_id));
  const fileItems: { row: number; v: FileItem; code: string; dept: { id: string; level: string; region_code: string } }[] = [];
  const seenCodes = new Map<string, number>();
  for (const [i, raw] of itemRows.entries()) {
    await tick();
    const row = i + 1;
    const r = checkItem(raw);
    if (!r.ok) {
      r.details.forEach((d) => add('items', row, d.field, d.reason));
      continue;
    }
    const v = r.value;
    let bad = false;
    for (const p of guideProblems(v.guide, 'guide')) {
      add('items', row, p.field, p.reason);
      bad = true;
    }
    if (!basicKnown(v.basicCode)) {
      add('items', row, 'basicCode', 'unknown basic item (neither in the file nor in the catalogue)');
      bad = true;
    }
    const dept = depts.get(v.department);
    if (!dept) {
      add('items', row, 'department', isValidUscc(v.department) ? 'no department with this USCC' : 'not a valid USCC (GB 32100 check character)');
      bad = true;
    }
    if (bad || !dept) continue;
    if (!canManageItem(actor, { department_id: dept.id }) && actor.kind !== 'system') {
      add('items', row, 'department', 'you may not import items of this department');
      continue;
    }
    const code = implementationCode(v.department, dept.level, v.basicCode);
    if (v.implementationCode && v.implementationCode !== code) {
      add('items', row, 'implementationCode', `does not match the department and basic code (expected ${code})`);
      continue;
    }
    if (seenCodes.has(code)) {
      add('items', row, 'basicCode', `the same department implements the same item in row ${seenCodes.get(code)} already`);
      continue;
    }
    seenCodes.set(code, row);
    const existing = existingItems.get(code);
    if (existing && openVersions.has(existing.id) && (v.status ?? 'published') === 'published') {
      add('items', row, 'status', 'the item has a draft or a version under review; finish or withdraw it before importing over it');
      continue;
    }
    fileItems.push({ row, v, code, dept });
  }
  if (problems.length) {
    throw invalid('import.invalid_rows', `${problems.length} problem(s) in the file; nothing was imported.`, problems.slice(0, 1000));
  }

  // --- write everything in one transaction
  const result: ImportResult = { basicItems: 0, items: 0, versions: 0, unchanged: 0 };
  const depth = (code: string): number => {
    const p = fileBasic.get(code)?.v.parentCode ?? existingBasic.get(code)?.parent_code;
    return p ? 1 + depth(p) : 0;
  };
  const orderedBasic = [...fileBasic.values()].map((x) => x.v).sort((a, b) => depth(a.code) - depth(b.code) || a.code.localeCompare(b.code));
  processed = total / 2;
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    for (const b of orderedBasic) {
      await tick();
      const level = levelOf(b.code)!;
      const values = { name: b.name, name_en: b.nameEn ?? null, item_type: b.itemType, competent_department_id: depts.get(b.competentDepartment)!.id, updated_at: now };
      if (existingBasic.has(b.code)) {
        await tx.updateTable('catalog_basic_items').set(values).where('code', '=', b.code).execute();
        await tx.updateTable('catalog_items').set({ updated_at: now }).where('basic_code', '=', b.code).execute();
      } else {
        await tx.insertInto('catalog_basic_items').values({ code: b.code, parent_code: b.parentCode ?? null, level, ...values, created_at: now }).execute();
      }
      result.basicItems++;
    }
    for (const it of fileItems) {
      await tick();
      await writeItem(tx, actor, it, existingItems.get(it.code), now, result);
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'catalog.imported', targetType: 'catalog', targetId: null, details: { ...result } },
      event: { aggregateType: 'catalog', aggregateId: 'import', payload: { ...result } },
    });
  });
  await onProgress(total, total, 'writing');
  markSearchStale(deps);
  return result;
}

async function writeItem(
  tx: Tx, actor: Actor,
  it: { v: FileItem; code: string; dept: { id: string; region_code: string } },
  existing: { id: string; latest_version: number; published_version: number | null } | undefined,
  now: string, result: ImportResult,
): Promise<void> {
  const publish = (it.v.status ?? 'published') === 'published';
  const guideText = JSON.stringify(it.v.guide);
  let itemId: string;
  let version: number;
  if (!existing) {
    itemId = newId();
    version = 1;
    await tx.insertInto('catalog_items').values({
      id: itemId, basic_code: it.v.basicCode, implementation_code: it.code, department_id: it.dept.id, region_code: it.dept.region_code,
      published_version: null, summary: JSON.stringify(listFieldsOf(it.v.guide)), latest_version: 1, latest_status: publish ? 'published' : 'draft', retired_at: null, created_at: now, updated_at: now,
    }).execute();
    result.items++;
  } else {
    const latest = await tx.selectFrom('catalog_item_versions').select('guide').where('item_id', '=', existing.id).where('version', '=', existing.latest_version).executeTakeFirst();
    if (latest?.guide === guideText) { // stored as written: an exported guide re-imports unchanged
      result.unchanged++;
      return;
    }
    itemId = existing.id;
    version = existing.latest_version + 1;
    await tx.updateTable('catalog_items').set({ latest_version: version, latest_status: publish ? 'published' : 'draft', updated_at: now }).where('id', '=', itemId).execute();
  }
  await tx.insertInto('catalog_item_versions').values({
    id: newId(), item_id: itemId, version, status: publish ? 'published' : 'draft', guide: guideText, change_note: it.v.changeNote ?? 'imported',
    created_at: now, created_by: actor.username, updated_at: now, submitted_at: publish ? now : null, submitted_by: publish ? actor.username : null,
    reviewed_at: publish ? now : null, reviewed_by: publish ? actor.username : null, review_comment: publish ? 'published by import' : null, published_at: publish ? now : null, retired_at: null,
  }).execute();
  if (publish) await publishInTx(tx, itemId, existing?.published_version ?? null, { version, guide: guideText }, now);
  result.versions++;
}

/** The published catalogue (or one department's part of it) as an import file: exporting and importing it changes nothing. */
export async function exportCatalog(deps: Deps, opts: { departmentId?: string } = {}): Promise<CatalogFile> {
  let items = deps.db
    .selectFrom('catalog_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('catalog_item_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.basic_code', 'i.implementation_code', 'd.uscc', 'v.guide', 'v.change_note'])
    .where('i.retired_at', 'is', null)
    .orderBy('i.basic_code')
    .orderBy('i.implementation_code');
  if (opts.departmentId) items = items.where('i.department_id', '=', opts.departmentId);
  const rows = await items.execute();
  const basic = await deps.db
    .selectFrom('catalog_basic_items as b')
    .innerJoin('departments as d', 'd.id', 'b.competent_department_id')
    .select(['b.code', 'b.parent_code', 'b.name', 'b.name_en', 'b.item_type', 'd.uscc'])
    .orderBy('b.code')
    .execute();
  // Basic items: all of them for a whole export; for one department, those its items use and their parents.
  let wanted = basic;
  if (opts.departmentId) {
    const byCode = new Map(basic.map((b) => [b.code, b]));
    const need = new Set<string>();
    for (const r of rows) for (let c: string | null | undefined = r.basic_code; c && !need.has(c); c = byCode.get(c)?.parent_code) need.add(c);
    wanted = basic.filter((b) => need.has(b.code));
  }
  const depth = (b: { parent_code: string | null }, byCode: Map<string, { parent_code: string | null }>): number => (b.parent_code ? 1 + depth(byCode.get(b.parent_code)!, byCode) : 0);
  const byCode = new Map(basic.map((b) => [b.code, b]));
  wanted = [...wanted].sort((a, b) => depth(a, byCode) - depth(b, byCode) || a.code.localeCompare(b.code));
  return {
    format: CATALOG_FORMAT,
    basicItems: wanted.map((b) => ({
      code: b.code, ...(b.parent_code && { parentCode: b.parent_code }), name: b.name, ...(b.name_en && { nameEn: b.name_en }), itemType: b.item_type as FileBasicItem['itemType'], competentDepartment: b.uscc,
    })),
    items: rows.map((r) => ({ basicCode: r.basic_code, department: r.uscc, implementationCode: r.implementation_code, guide: JSON.parse(r.guide) as Guide })),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Import jobs for the admin UI: the upload returns at once, the page polls the job for its progress bar.
// Jobs live in the process that runs them (an hour after they finish); a poll reaching another process gets 404.

interface JobRecord extends ImportJob {
  owner: string;
  expires: number;
}
const jobsByDeps = new WeakMap<Deps, Map<string, JobRecord>>();
const JOB_TTL_MS = 3_600_000;

function jobs(deps: Deps): Map<string, JobRecord> {
  let m = jobsByDeps.get(deps);
  if (!m) jobsByDeps.set(deps, (m = new Map()));
  const now = Date.now();
  for (const [id, j] of m) if (j.expires < now) m.delete(id);
  return m;
}

const publicJob = ({ owner: _o, expires: _e, ...job }: JobRecord): ImportJob => job;

export function startImportJob(deps: Deps, actor: Actor, text: string): ImportJob {
  if (!canImport(actor)) throw forbidden('catalog.import_forbidden', 'Only platform admins import the catalogue.');
  const job: JobRecord = {
    id: newId(), status: 'validating', total: 0, processed: 0, result: null, error: null, startedAt: deps.clock.nowIso(), finishedAt: null,
    owner: actor.userId ?? actor.username, expires: Number.MAX_SAFE_INTEGER,
  };
  jobs(deps).set(job.id, job);
  void importCatalog(deps, actor, text, (processed, total, phase) => {
    job.processed = processed;
    job.total = total;
    job.status = phase;
  }).then(
    (result) => {
      Object.assign(job, { status: 'done', result, processed: job.total, finishedAt: deps.clock.nowIso(), expires: Date.now() + JOB_TTL_MS });
    },
    (err: { code?: string; message?: string; details?: unknown }) => {
      Object.assign(job, {
        status: 'failed', finishedAt: deps.clock.nowIso(), expires: Date.now() + JOB_TTL_MS,
        error: { code: err.code ?? 'internal', message: err.code ? err.message ?? '' : 'The import failed on our side; nothing was imported.', details: err.code ? err.details ?? null : null },
      });
    },
  );
  return publicJob(job);
}

export function getImportJob(deps: Deps, actor: Actor, id: string): ImportJob {
  const job = jobs(deps).get(id);
  if (!job || job.owner !== (actor.userId ?? actor.username)) throw notFound('catalog.import_not_found', 'No such import (imports are kept for an hour after they finish).');
  return publicJob(job);
}
