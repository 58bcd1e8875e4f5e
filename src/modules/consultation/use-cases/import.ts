/**
 * Bulk import of knowledge-base entries (docs/formats/kb.md) and duty lists (docs/formats/duties.md), from the CLI
 * (`npx tongban import kb|duties <file>`), the admin UI (an import job polled for progress) and the demo seed.
 *
 * All-or-nothing: every row is checked first (schema, department, permission, regions, validity, items, codes
 * repeated in the file) and any problem rejects the whole file with every problem listed (row, field, reason); then
 * everything is written in one transaction. Rows are matched by code: a new code is created, a changed row becomes a
 * new version, an identical row is left alone. An import never deletes or retires anything.
 * After the write, imported entries with facts are compared with other units' entries (contradictions.ts).
 */
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { compileStrict, type FieldError } from '../../../platform/http/validation.js';
import { parseImportFile } from '../../../platform/import-file.js';
import { isValidUscc } from '../../../platform/codes.js';
import { demoDepartments } from '../../../demo/province-data.js';
import { canImport, canManageDepartmentContent } from '../consultation.policy.js';
import type { DutyEntriesTable, KbEntriesTable } from '../consultation.tables.js';
import { DUTIES_FORMAT, FileDuty, FileKbEntry, KB_FORMAT, type ImportJob, type ImportResult } from '../consultation.schemas.js';
import { changedFields, checkEntryContent, contentOf, insertVersion, loadReferences, rowValues } from './knowledge.js';
import { checkDutyContent, dutyContentOf, dutyRowValues } from './duties.js';
import { conflictCandidates, recordConflicts, type Candidate, type ConflictSubject } from './contradictions.js';
import { engineOf } from './retrieval.js';

export const MAX_IMPORT_ROWS = 20_000;

export interface ImportProblem {
  row: number;
  field: string;
  reason: string;
}

export type Progress = (processed: number, total: number, phase: 'validating' | 'writing') => void | Promise<void>;

const checkKbRow = compileStrict<FileKbEntry>(FileKbEntry);
const checkDutyRow = compileStrict<FileDuty>(FileDuty);
const breathe = () => new Promise<void>((r) => setImmediate(r));

interface Dept {
  id: string;
  uscc: string;
  name: string;
  region_code: string;
}

/**
 * Departments by USCC; a demo department key (lz_gjj) is accepted too, for files written against the demo province
 * (resolved through the demo data to its USCC, so it only finds a department that exists here).
 */
async function departmentResolver(deps: Deps): Promise<(code: string) => Dept | null | 'bad_uscc'> {
  const byUscc = new Map((await deps.db.selectFrom('departments').select(['id', 'uscc', 'name', 'region_code']).execute()).map((d) => [d.uscc, d]));
  const demoKeys = new Map(demoDepartments.map((d) => [d.key, d.uscc]));
  return (code) => {
    const d = byUscc.get(code) ?? byUscc.get(demoKeys.get(code) ?? '');
    if (d) return d;
    return code.length === 18 && !isValidUscc(code) ? 'bad_uscc' : null;
  };
}

function rowsOf(text: string, format: string, key: 'entries' | 'duties'): unknown[] {
  const doc = parseImportFile(text, format);
  if (!Array.isArray(doc[key])) throw invalid('import.wrong_format', `"${key}" must be a list.`);
  const rows = doc[key] as unknown[];
  if (rows.length === 0) throw invalid('import.empty', `The file has no ${key}.`);
  if (rows.length > MAX_IMPORT_ROWS) throw invalid('import.too_many_rows', `At most ${MAX_IMPORT_ROWS} rows per file.`);
  return rows;
}

function ticker(total: number, onProgress: Progress) {
  let processed = 0;
  return {
    set: (n: number) => {
      processed = n;
    },
    async tick(phase: 'validating' | 'writing') {
      processed++;
      if (processed % 100 === 0) {
        await onProgress(processed, total, phase);
        await breathe();
      }
    },
  };
}

function rejectIf(problems: ImportProblem[]): void {
  if (problems.length) throw invalid('import.invalid_rows', `${problems.length} problem(s) in the file; nothing was imported.`, problems.slice(0, 1000));
}

type Parsed<V> = { ok: true; value: V } | { ok: false; details: FieldError[] };

/** The stored rows of the file's codes, read 500 codes at a time. */
async function existingByCode<T extends 'kb_entries' | 'duty_entries'>(deps: Deps, table: T, parsed: Parsed<{ code: string }>[]) {
  const codes = parsed.flatMap((p) => (p.ok ? [p.value.code] : []));
  const existing = new Map<string, T extends 'kb_entries' ? KbEntriesTable : DutyEntriesTable>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await deps.db.selectFrom(table as 'kb_entries').selectAll().where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const r of rows) existing.set(r.code, r as never);
  }
  return existing;
}

/**
 * The checks every import row gets, whatever it holds: the schema, codes repeated in the file, the department (by USCC
 * or demo key), the actor's right to write for it, codes that would move between departments; then `check` for the
 * row's own content. Throws with every problem when there is one; otherwise returns the rows to write.
 */
async function validateRows<V extends { code: string; departmentCode: string }, C>(
  actor: Actor,
  parsed: Parsed<V>[],
  existing: Map<string, { department_id: string }>,
  resolve: (code: string) => Dept | null | 'bad_uscc',
  t: ReturnType<typeof ticker>,
  noun: { singular: string; plural: string },
  check: (v: V, dept: Dept) => { content: C; problems: { field: string; reason: string }[] },
): Promise<{ code: string; content: C }[]> {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const valid: { code: string; content: C }[] = [];
  for (const [i, p] of parsed.entries()) {
    await t.tick('validating');
    const row = i + 1;
    if (!p.ok) {
      p.details.forEach((d) => problems.push({ row, field: d.field, reason: d.reason }));
      continue;
    }
    const v = p.value;
    if (seen.has(v.code)) {
      problems.push({ row, field: 'code', reason: `appears twice in the file (first in row ${seen.get(v.code)})` });
      continue;
    }
    seen.set(v.code, row);
    const dept = resolve(v.departmentCode);
    if (dept === 'bad_uscc' || !dept) {
      problems.push({ row, field: 'departmentCode', reason: dept === 'bad_uscc' ? 'not a valid USCC (GB 32100 check character)' : 'no department with this USCC (or demo key)' });
      continue;
    }
    if (!canManageDepartmentContent(actor, dept.id)) {
      problems.push({ row, field: 'departmentCode', reason: `you may not import ${noun.plural} of this department` });
      continue;
    }
    const old = existing.get(v.code);
    if (old && old.department_id !== dept.id) {
      problems.push({ row, field: 'code', reason: `${noun.singular} ${v.code} belongs to another department; codes never move between departments` });
      continue;
    }
    const { content, problems: ps } = check(v, dept);
    ps.forEach((x) => problems.push({ row, field: x.field, reason: x.reason }));
    if (ps.length === 0) valid.push({ code: v.code, content });
  }
  rejectIf(problems);
  return valid;
}

export async function importKb(deps: Deps, actor: Actor, text: string, onProgress: Progress = () => {}): Promise<ImportResult> {
  if (!canImport(actor)) throw forbidden('consultation.import_forbidden', 'Department admins and platform admins import knowledge-base entries.');
  const rows = rowsOf(text, KB_FORMAT, 'entries');
  const total = rows.length * 2;
  const t = ticker(total, onProgress);
  await onProgress(0, total, 'validating');
  const resolve = await departmentResolver(deps);
  const parsed = rows.map((raw) => checkKbRow(raw));
  const refs = await loadReferences(deps.db, parsed.flatMap((p) => (p.ok ? p.value.itemCodes ?? [] : [])));
  const existing = await existingByCode(deps, 'kb_entries', parsed);
  const valid = await validateRows(actor, parsed, existing, resolve, t, { singular: 'entry', plural: 'entries' }, (v, dept) => checkEntryContent(v, dept, refs));

  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const written: KbEntriesTable[] = [];
  t.set(total / 2);
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    for (const { code, content } of valid) {
      await t.tick('writing');
      const old = existing.get(code);
      if (!old) {
        const r: KbEntriesTable = { id: newId(), code, ...rowValues(content), status: 'active', version: 1, created_at: now, created_by: actor.username, updated_at: now, updated_by: actor.username };
        await tx.insertInto('kb_entries').values(r).execute();
        await insertVersion(tx, r, content, 'imported', actor, now);
        written.push(r);
        result.created++;
        continue;
      }
      if (old.status === 'active' && changedFields(contentOf(old), content).length === 0) {
        result.unchanged++;
        continue;
      }
      const r: KbEntriesTable = { ...old, ...rowValues(content), status: 'active', version: old.version + 1, updated_at: now, updated_by: actor.username };
      await tx.updateTable('kb_entries').set({ ...rowValues(content), status: 'active', version: r.version, updated_at: now, updated_by: actor.username }).where('id', '=', old.id).execute();
      await insertVersion(tx, r, content, 'imported', actor, now);
      written.push(r);
      result.updated++;
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.kb.imported', targetType: 'knowledge_base', targetId: null, details: { created: result.created, updated: result.updated, unchanged: result.unchanged } },
      event: { aggregateType: 'knowledge_base', aggregateId: 'import', payload: { created: result.created, updated: result.updated, unchanged: result.unchanged } },
    });
  });
  const engine = await engineOf(deps);
  engine.applyKbRows(written);
  // Contradictions with other units' entries (and between the file's own entries of different units).
  const withFacts = written.filter((r) => r.facts !== null);
  if (withFacts.length) {
    const pairs = new Set<string>();
    // Candidates are read before the transaction (SQLite has one connection: no reads beside an open transaction).
    const subjects: { subject: ConflictSubject; candidates: Candidate[] }[] = [];
    for (const r of withFacts) {
      const c = contentOf(r);
      const subject = { id: r.id, code: r.code, departmentId: r.department_id, question: c.question, topic: c.topic, regionCodes: c.regionCodes, validFrom: c.validFrom, validTo: c.validTo, facts: c.facts, status: 'active' as const };
      subjects.push({ subject, candidates: await conflictCandidates(deps, engine, subject) });
    }
    await withTx(deps.db, async (tx) => {
      for (const { subject, candidates } of subjects) {
        const warnings = await recordConflicts(tx, deps, actor, subject, candidates);
        for (const w of warnings) pairs.add(w.conflictId);
      }
    });
    result.conflicts = pairs.size;
  }
  await onProgress(total, total, 'writing');
  return result;
}

export async function importDuties(deps: Deps, actor: Actor, text: string, onProgress: Progress = () => {}): Promise<ImportResult> {
  if (!canImport(actor)) throw forbidden('consultation.import_forbidden', 'Department admins and platform admins import duty lists.');
  const rows = rowsOf(text, DUTIES_FORMAT, 'duties');
  const total = rows.length * 2;
  const t = ticker(total, onProgress);
  await onProgress(0, total, 'validating');
  const resolve = await departmentResolver(deps);
  const refs = await loadReferences(deps.db, []);
  const parsed = rows.map((raw) => checkDutyRow(raw));
  const existing = await existingByCode(deps, 'duty_entries', parsed);
  const valid = await validateRows(actor, parsed, existing, resolve, t, { singular: 'duty', plural: 'duties' }, (v, dept) => checkDutyContent(v, dept, refs));

  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const written: DutyEntriesTable[] = [];
  t.set(total / 2);
  await withTx(deps.db, async (tx) => {
    const now = deps.clock.nowIso();
    for (const { code, content } of valid) {
      await t.tick('writing');
      const old = existing.get(code);
      if (!old) {
        const r: DutyEntriesTable = { id: newId(), code, ...dutyRowValues(content), status: 'active', version: 1, created_at: now, created_by: actor.username, updated_at: now, updated_by: actor.username };
        await tx.insertInto('duty_entries').values(r).execute();
        written.push(r);
        result.created++;
        continue;
      }
      if (old.status === 'active' && JSON.stringify(dutyContentOf(old)) === JSON.stringify(content)) {
        result.unchanged++;
        continue;
      }
      const r: DutyEntriesTable = { ...old, ...dutyRowValues(content), status: 'active', version: old.version + 1, updated_at: now, updated_by: actor.username };
      await tx.updateTable('duty_entries').set({ ...dutyRowValues(content), status: 'active', version: r.version, updated_at: now, updated_by: actor.username }).where('id', '=', old.id).execute();
      written.push(r);
      result.updated++;
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.duties.imported', targetType: 'duty_list', targetId: null, details: { created: result.created, updated: result.updated, unchanged: result.unchanged } },
      event: { aggregateType: 'duty_list', aggregateId: 'import', payload: { created: result.created, updated: result.updated, unchanged: result.unchanged } },
    });
  });
  (await engineOf(deps)).applyDutyRows(written);
  await onProgress(total, total, 'writing');
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Import jobs for the admin UI: the upload returns at once (202) with a job; the page polls it for progress. Jobs live
// in the process that runs them, for an hour after they finish; a poll reaching another process gets 404.

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
const ownerOf = (actor: Actor) => actor.userId ?? actor.username;

export function startImportJob(deps: Deps, actor: Actor, kind: 'kb' | 'duties', text: string): ImportJob {
  if (!canImport(actor)) throw forbidden('consultation.import_forbidden', 'Department admins and platform admins import knowledge-base entries and duty lists.');
  const job: JobRecord = {
    id: newId(), kind, status: 'validating', total: 0, processed: 0, result: null, error: null, startedAt: deps.clock.nowIso(), finishedAt: null,
    owner: ownerOf(actor), expires: Number.MAX_SAFE_INTEGER,
  };
  jobs(deps).set(job.id, job);
  const run = kind === 'kb' ? importKb : importDuties;
  void run(deps, actor, text, (processed, total, phase) => {
    job.processed = processed;
    job.total = total;
    job.status = phase;
  }).then(
    (result) => Object.assign(job, { status: 'done', result, processed: job.total, finishedAt: deps.clock.nowIso(), expires: Date.now() + JOB_TTL_MS }),
    (err: { code?: string; message?: string; details?: unknown }) => Object.assign(job, {
      status: 'failed', finishedAt: deps.clock.nowIso(), expires: Date.now() + JOB_TTL_MS,
      error: { code: err.code ?? 'internal', message: err.code ? err.message ?? '' : 'The import failed on our side; nothing was imported.', details: err.code ? err.details ?? null : null },
    }),
  );
  return publicJob(job);
}

export function getImportJob(deps: Deps, actor: Actor, id: string): ImportJob {
  const job = jobs(deps).get(id);
  if (!job || job.owner !== ownerOf(actor)) throw notFound('consultation.import_not_found', 'No such import (imports are kept for an hour after they finish).');
  return publicJob(job);
}
