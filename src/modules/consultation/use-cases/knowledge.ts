/**
 * The knowledge base (知识库): entries per department, edited by the department's admins (or a platform admin), every
 * edit a new version kept with its author and note, audited; retiring keeps the entry and its history. Saving an
 * entry compares it with other units' entries on the same topic (contradictions.ts) and returns warnings.
 * `searchKnowledge` is the instant-answer search other modules use.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, isUniqueViolation, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { decodeCursor, pageLimit, pageOf, type PageResult } from '../../../platform/http/pagination.js';
import { regionCovers } from '../../org/index.js';
import { canManageDepartmentContent, canReadDepartmentContent } from '../consultation.policy.js';
import type { KbEntriesTable } from '../consultation.tables.js';
import type { Basis, InstantAnswer, KbEntry, KbEntryContent, KbEntryCreateBody, KbEntryUpdateBody, KbFacts, KbListQuery, KbWarning } from '../consultation.schemas.js';
import { conflictCandidates, recordConflicts, type ConflictSubject } from './contradictions.js';
import { engineOf, isValidOn, regionChain, todayOf } from './retrieval.js';

// ---------------------------------------------------------------------------------------------------------------
// Validation shared by the API and the import

export interface ContentProblem {
  field: string;
  code: string;
  reason: string;
}

/** What validation needs from the database, read once (an import reads it once for all rows). */
export interface References {
  regions: Set<string>;
  itemCodes: Set<string>;
}

export async function loadReferences(db: DbOrTx, itemCodes: string[]): Promise<References> {
  const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const wanted = [...new Set(itemCodes)];
  const items = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    for (const r of await db.selectFrom('catalog_basic_items').select('code').where('code', 'in', part).execute()) items.add(r.code);
  }
  return { regions, itemCodes: items };
}

const isDay = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const clean = (xs: readonly string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

/** Regions checked against the table and the department's jurisdiction (shared with duties). */
export function regionProblems(regionCodes: string[], departmentRegion: string, refs: References): ContentProblem[] {
  const out: ContentProblem[] = [];
  regionCodes.forEach((code, i) => {
    if (!refs.regions.has(code)) out.push({ field: `regionCodes.${i}`, code: 'consultation.unknown_region', reason: `no region with code "${code}"` });
    else if (!regionCovers(departmentRegion, code)) out.push({ field: `regionCodes.${i}`, code: 'consultation.region_outside_department', reason: `region ${code} is outside the department’s region ${departmentRegion}` });
  });
  return out;
}

type ContentInput = Omit<KbEntryUpdateBody, 'expectedVersion' | 'changeNote'>;

/** The entry's content, trimmed and de-duplicated, with every problem found (empty when it may be saved). */
export function checkEntryContent(input: ContentInput, department: { id: string; region_code: string }, refs: References): { content: KbEntryContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const question = input.question.trim();
  const answer = input.answer.trim();
  if (question.length < 2) problems.push({ field: 'question', code: 'consultation.blank_text', reason: 'the question is empty' });
  if (!answer) problems.push({ field: 'answer', code: 'consultation.blank_text', reason: 'the answer is empty' });
  const basis: Basis[] = input.basis.map((b) => ({ document: b.document.trim(), ...(b.clause?.trim() ? { clause: b.clause.trim() } : {}) }));
  basis.forEach((b, i) => {
    if (!b.document) problems.push({ field: `basis.${i}.document`, code: 'consultation.basis_required', reason: 'each basis names its document' });
  });
  const regionCodes = clean(input.regionCodes);
  problems.push(...regionProblems(regionCodes, department.region_code, refs));
  const validFrom = input.validFrom ?? null;
  const validTo = input.validTo ?? null;
  if (validFrom && !isDay(validFrom)) problems.push({ field: 'validFrom', code: 'consultation.invalid_validity', reason: 'not a calendar date' });
  if (validTo && !isDay(validTo)) problems.push({ field: 'validTo', code: 'consultation.invalid_validity', reason: 'not a calendar date' });
  if (validFrom && validTo && isDay(validFrom) && isDay(validTo) && validFrom > validTo) {
    problems.push({ field: 'validTo', code: 'consultation.invalid_validity', reason: 'the entry ends before it starts (validTo < validFrom)' });
  }
  const itemCodes = clean(input.itemCodes);
  itemCodes.forEach((c, i) => {
    if (!refs.itemCodes.has(c)) problems.push({ field: `itemCodes.${i}`, code: 'consultation.unknown_item', reason: `no catalogue item with basic code "${c}"` });
  });
  let facts: KbFacts | null = null;
  if (input.facts) {
    const f: KbFacts = {};
    if (input.facts.materials) f.materials = clean(input.facts.materials);
    for (const k of ['limit', 'fee', 'eligibility', 'timeLimit'] as const) {
      const v = input.facts[k]?.trim();
      if (v) f[k] = v;
    }
    facts = Object.keys(f).length ? f : null;
  }
  const content: KbEntryContent = {
    departmentId: department.id,
    question,
    alternatives: clean(input.alternatives).filter((a) => a !== question),
    answer,
    basis,
    regionCodes,
    validFrom,
    validTo,
    tags: clean(input.tags),
    itemCodes,
    topic: input.topic ?? null,
    facts,
  };
  return { content, problems };
}

function throwProblems(problems: ContentProblem[]): void {
  if (problems.length) throw invalid(problems[0].code, `${problems[0].field}: ${problems[0].reason}`, problems.map(({ field, reason }) => ({ field, reason })));
}

// ---------------------------------------------------------------------------------------------------------------
// Rows and shapes

export function rowValues(content: KbEntryContent) {
  return {
    department_id: content.departmentId,
    question: content.question,
    alternatives: JSON.stringify(content.alternatives),
    answer: content.answer,
    basis: JSON.stringify(content.basis),
    region_codes: JSON.stringify(content.regionCodes),
    valid_from: content.validFrom,
    valid_to: content.validTo,
    tags: JSON.stringify(content.tags),
    item_codes: JSON.stringify(content.itemCodes),
    topic: content.topic,
    facts: content.facts ? JSON.stringify(content.facts) : null,
  };
}

export function contentOf(row: KbEntriesTable): KbEntryContent {
  return {
    departmentId: row.department_id,
    question: row.question,
    alternatives: JSON.parse(row.alternatives),
    answer: row.answer,
    basis: JSON.parse(row.basis),
    regionCodes: JSON.parse(row.region_codes),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    tags: JSON.parse(row.tags),
    itemCodes: JSON.parse(row.item_codes),
    topic: row.topic,
    facts: row.facts ? JSON.parse(row.facts) : null,
  };
}

/** Field names whose values differ between two contents (for the audit entry). */
export function changedFields(a: KbEntryContent, b: KbEntryContent): string[] {
  return (Object.keys(a) as (keyof KbEntryContent)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function toEntry(row: KbEntriesTable, departmentName: string, today: string): KbEntry {
  const c = contentOf(row);
  return {
    id: row.id, code: row.code, departmentId: row.department_id, departmentName, question: c.question, alternatives: c.alternatives, answer: c.answer,
    basis: c.basis, regionCodes: c.regionCodes, validFrom: c.validFrom, validTo: c.validTo, tags: c.tags, itemCodes: c.itemCodes, topic: c.topic, facts: c.facts,
    status: row.status, shown: row.status === 'active' && isValidOn(c, today), version: row.version,
    createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at, updatedBy: row.updated_by,
  };
}

async function departmentFor(db: DbOrTx, id: string | null | undefined) {
  if (!id) throw invalid('consultation.department_required', 'Name the department the entry belongs to (departmentId).');
  const d = await db.selectFrom('departments').select(['id', 'name', 'region_code', 'active']).where('id', '=', id).executeTakeFirst();
  if (!d) throw invalid('consultation.unknown_department', `No department with id "${id}".`);
  return d;
}

async function findRow(db: DbOrTx, code: string): Promise<KbEntriesTable> {
  const row = await db.selectFrom('kb_entries').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound('consultation.entry_not_found', `No knowledge-base entry ${code}.`);
  return row;
}

const subjectOf = (id: string, code: string, status: 'active' | 'retired', c: KbEntryContent): ConflictSubject => ({
  id, code, departmentId: c.departmentId, question: c.question, topic: c.topic, regionCodes: c.regionCodes, validFrom: c.validFrom, validTo: c.validTo, facts: c.facts, status,
});

// ---------------------------------------------------------------------------------------------------------------
// Use cases

export async function createKbEntry(deps: Deps, actor: Actor, body: KbEntryCreateBody): Promise<{ entry: KbEntry; warnings: KbWarning[] }> {
  const dept = await departmentFor(deps.db, body.departmentId ?? actor.departmentId);
  if (!canManageDepartmentContent(actor, dept.id)) throw forbidden('consultation.not_your_department', 'Department admins edit their own department’s knowledge base.');
  const { content, problems } = checkEntryContent(body, dept, await loadReferences(deps.db, body.itemCodes ?? []));
  throwProblems(problems);
  if (await deps.db.selectFrom('kb_entries').select('id').where('code', '=', body.code).executeTakeFirst()) {
    throw conflict('consultation.entry_exists', `An entry with code ${body.code} exists already.`);
  }
  const engine = await engineOf(deps);
  const id = newId();
  const candidates = await conflictCandidates(deps, engine, subjectOf(id, body.code, 'active', content));
  const now = deps.clock.nowIso();
  let warnings: KbWarning[] = [];
  let row: KbEntriesTable;
  try {
    row = await withTx(deps.db, async (tx) => {
      const r: KbEntriesTable = { id, code: body.code, ...rowValues(content), status: 'active', version: 1, created_at: now, created_by: actor.username, updated_at: now, updated_by: actor.username };
      await tx.insertInto('kb_entries').values(r).execute();
      await insertVersion(tx, r, content, body.changeNote ?? null, actor, now);
      await recordChange(tx, deps, actor, {
        audit: { action: 'consultation.kb_entry.created', targetType: 'kb_entry', targetId: id, departmentId: dept.id, details: { code: body.code, version: 1 } },
        event: { aggregateType: 'kb_entry', aggregateId: id, payload: { code: body.code, departmentId: dept.id, version: 1 } },
      });
      warnings = await recordConflicts(tx, deps, actor, subjectOf(id, body.code, 'active', content), candidates);
      return r;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('consultation.entry_exists', `An entry with code ${body.code} exists already.`);
    throw err;
  }
  engine.applyKbRows([row]);
  return { entry: toEntry(row, dept.name, todayOf(deps)), warnings };
}

export async function updateKbEntry(deps: Deps, actor: Actor, code: string, body: KbEntryUpdateBody): Promise<{ entry: KbEntry; warnings: KbWarning[] }> {
  const current = await findRow(deps.db, code);
  if (!canManageDepartmentContent(actor, current.department_id)) throw forbidden('consultation.not_your_department', 'Department admins edit their own department’s knowledge base.');
  if (current.status !== 'active') throw invalid('consultation.entry_retired', `Entry ${code} is retired; it cannot be edited.`);
  if (body.expectedVersion !== undefined && body.expectedVersion !== current.version) {
    throw conflict('consultation.version_conflict', `Entry ${code} is at version ${current.version}, not ${body.expectedVersion}: reload it and edit again.`, { version: current.version });
  }
  const dept = await departmentFor(deps.db, current.department_id);
  const { content, problems } = checkEntryContent(body, dept, await loadReferences(deps.db, body.itemCodes ?? []));
  throwProblems(problems);
  const changed = changedFields(contentOf(current), content);
  const engine = await engineOf(deps);
  const subject = subjectOf(current.id, code, 'active', content);
  const candidates = await conflictCandidates(deps, engine, subject);
  const now = deps.clock.nowIso();
  let warnings: KbWarning[] = [];
  const row = await withTx(deps.db, async (tx) => {
    if (changed.length === 0) {
      warnings = await recordConflicts(tx, deps, actor, subject, candidates);
      return current;
    }
    const r: KbEntriesTable = { ...current, ...rowValues(content), version: current.version + 1, updated_at: now, updated_by: actor.username };
    const res = await tx.updateTable('kb_entries').set({ ...rowValues(content), version: r.version, updated_at: now, updated_by: actor.username })
      .where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('consultation.version_conflict', `Entry ${code} was changed meanwhile: reload it and edit again.`);
    await insertVersion(tx, r, content, body.changeNote ?? null, actor, now);
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.kb_entry.updated', targetType: 'kb_entry', targetId: current.id, departmentId: current.department_id, details: { code, version: r.version, changed } },
      event: { aggregateType: 'kb_entry', aggregateId: current.id, payload: { code, departmentId: current.department_id, version: r.version, changed } },
    });
    warnings = await recordConflicts(tx, deps, actor, subject, candidates);
    return r;
  });
  engine.applyKbRows([row]);
  return { entry: toEntry(row, dept.name, todayOf(deps)), warnings };
}

export async function retireKbEntry(deps: Deps, actor: Actor, code: string, changeNote: string | null): Promise<KbEntry> {
  const current = await findRow(deps.db, code);
  if (!canManageDepartmentContent(actor, current.department_id)) throw forbidden('consultation.not_your_department', 'Department admins edit their own department’s knowledge base.');
  if (current.status === 'retired') throw invalid('consultation.entry_retired', `Entry ${code} is retired already.`);
  const dept = await departmentFor(deps.db, current.department_id);
  const engine = await engineOf(deps);
  const now = deps.clock.nowIso();
  const row = await withTx(deps.db, async (tx) => {
    const r: KbEntriesTable = { ...current, status: 'retired', version: current.version + 1, updated_at: now, updated_by: actor.username };
    const res = await tx.updateTable('kb_entries').set({ status: 'retired', version: r.version, updated_at: now, updated_by: actor.username })
      .where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('consultation.version_conflict', `Entry ${code} was changed meanwhile: reload it and try again.`);
    await insertVersion(tx, r, contentOf(current), changeNote, actor, now);
    await recordChange(tx, deps, actor, {
      audit: { action: 'consultation.kb_entry.retired', targetType: 'kb_entry', targetId: current.id, departmentId: current.department_id, details: { code, version: r.version } },
      event: { aggregateType: 'kb_entry', aggregateId: current.id, payload: { code, departmentId: current.department_id, version: r.version } },
    });
    await recordConflicts(tx, deps, actor, subjectOf(current.id, code, 'retired', contentOf(current)), []);
    return r;
  });
  engine.applyKbRows([row]);
  return toEntry(row, dept.name, todayOf(deps));
}

export async function insertVersion(tx: Tx, row: KbEntriesTable, content: KbEntryContent, note: string | null, actor: Actor, now: string): Promise<void> {
  await tx.insertInto('kb_entry_versions').values({
    id: newId(), entry_id: row.id, version: row.version, status: row.status, content: JSON.stringify(content), change_note: note, created_at: now, created_by: actor.username,
  }).execute();
}

/** One entry: anyone sees an entry that is shown today; its department's staff and platform admins see it in any state. */
export async function getKbEntry(deps: Deps, actor: Actor, code: string): Promise<KbEntry> {
  const row = await findRow(deps.db, code);
  const entry = toEntry(row, await departmentName(deps.db, row.department_id), todayOf(deps));
  if (!entry.shown && !canReadDepartmentContent(actor, row.department_id)) throw notFound('consultation.entry_not_found', `No knowledge-base entry ${code}.`);
  return entry;
}

export async function listKbVersions(deps: Deps, actor: Actor, code: string) {
  const row = await findRow(deps.db, code);
  if (!canReadDepartmentContent(actor, row.department_id)) throw forbidden('consultation.not_your_department', 'Versions are visible to the department’s staff.');
  const rows = await deps.db.selectFrom('kb_entry_versions').selectAll().where('entry_id', '=', row.id).orderBy('version', 'desc').execute();
  return { items: rows.map((v) => ({ version: v.version, status: v.status, content: JSON.parse(v.content) as KbEntryContent, changeNote: v.change_note, createdAt: v.created_at, createdBy: v.created_by })) };
}

/** Entries of a department (default the caller's; a platform admin may list any or all), by code. */
export async function listKbEntries(deps: Deps, actor: Actor, query: KbListQuery): Promise<PageResult<KbEntry>> {
  const platform = actor.roles.includes('platform_admin');
  const departmentId = query.departmentId ?? (platform ? undefined : actor.departmentId ?? undefined);
  if (!departmentId && !platform) throw forbidden('consultation.not_your_department', 'Staff list their own department’s entries.');
  if (departmentId && !canReadDepartmentContent(actor, departmentId)) throw forbidden('consultation.not_your_department', 'Staff list their own department’s entries.');
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 1) as [string] | null;
  let q = deps.db.selectFrom('kb_entries').selectAll().orderBy('code').limit(limit + 1);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.topic) q = q.where('topic', '=', query.topic);
  if (after) q = q.where('code', '>', after[0]);
  const page = pageOf(await q.execute(), limit, (r) => [r.code]);
  const names = await departmentNamesOf(deps.db, page.items.map((r) => r.department_id));
  const today = todayOf(deps);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => toEntry(r, names.get(r.department_id) ?? '', today)) };
}

async function departmentName(db: DbOrTx, id: string): Promise<string> {
  return (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

async function departmentNamesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', unique).execute()).map((d) => [d.id, d.name]));
}

// ---------------------------------------------------------------------------------------------------------------
// Instant answers

export interface SearchKnowledgeInput {
  text: string;
  regionCode: string;
  limit?: number;
  itemCode?: string | null;
  /** Only entries at or above this confidence (default: none). */
  minScore?: number;
}

/**
 * The best entries valid today (China time, by deps.clock) that apply in the asker's region, each with its
 * department, basis and a 0..1 score. The region must exist (consultation.unknown_region otherwise).
 */
export async function searchKnowledge(deps: Deps, input: SearchKnowledgeInput): Promise<InstantAnswer[]> {
  const engine = await engineOf(deps);
  const hits = engine.kb.search(input.text, { regions: regionChain(input.regionCode), today: todayOf(deps), limit: input.limit ?? 5, itemCode: input.itemCode })
    .filter((h) => h.confidence >= (input.minScore ?? 0));
  if (hits.length === 0) return [];
  const rows = new Map((await deps.db.selectFrom('kb_entries').select(['id', 'answer', 'basis', 'status']).where('id', 'in', hits.map((h) => h.meta.id)).execute()).map((r) => [r.id, r]));
  const out: InstantAnswer[] = [];
  for (const h of hits) {
    const r = rows.get(h.meta.id);
    if (!r || r.status !== 'active') continue; // retired by another process a moment ago
    out.push({
      entryCode: h.meta.code, question: h.meta.question, answer: r.answer, departmentId: h.meta.departmentId,
      departmentName: engine.departments.get(h.meta.departmentId)?.name ?? '', basis: JSON.parse(r.basis) as Basis[], itemCodes: h.meta.itemCodes,
      validTo: h.meta.validTo, score: h.confidence,
    });
  }
  return out;
}

