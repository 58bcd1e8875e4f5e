import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, inSavepoint, isUniqueViolation, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import { insertRow, prepared } from '../../../platform/db/prepared.js';
import { AppError, conflict, forbidden, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordAudit } from '../../../platform/audit.js';
import { publishEvent } from '../../../platform/events.js';
import { parentRegionCode, regionLevel, REGION_LEVELS, type RegionLevel } from '../../../platform/codes.js';
import { getPublishedItemCached, type Guide, type ItemDetail, type WorkflowDefinition } from '../../catalog/index.js';
import { findDepartmentOfKind, findDepartmentById } from '../../org/index.js';
import { requireEnterpriseScope } from '../../identity/index.js';
import type { MaterialAnswer, SubmitBody } from '../applications.schemas.js';
import type { CaseEventsTable, CasesTable, CaseTasksTable } from '../applications.tables.js';
import { ROLE_FOR_STEP } from '../applications.policy.js';
import { testCondition, type Lang } from '../../../platform/forms/index.js';
import { validateApplicationForm } from './prefill.js';
import { addEvent, getCaseRow, notifyApplicant, openTask } from './case-store.js';
import { draftOwner } from './drafts.js';
import { verifyLicenceAnswers } from './licences.js';

/** A review branch with its department resolved for this case: frozen with the case, so later catalogue edits do not move it. */
export interface ResolvedBranch {
  key: string;
  name: string;
  departmentId: string;
  when?: WorkflowDefinition['review'][number]['when'];
}

const DEFAULT_WORKFLOW: WorkflowDefinition = { review: [{ key: 'review', name: '审查', department: 'self' }] };

/** Checks every material answer against the guide; returns the frozen list or throws listing every problem. */
export async function checkMaterials(deps: Deps, actor: Actor, guide: Guide, answers: MaterialAnswer[]): Promise<MaterialAnswer[]> {
  const problems: { field: string; reason: string }[] = [];
  const byKey = new Map(answers.map((a, i) => [a.key, { a, i }]));
  const wanted = [...new Set(answers.flatMap((a) => (a.by === 'upload' && a.file ? [a.file.sha256] : [])))];
  const uploaded = new Set<string>();
  for (const sha256 of wanted) if ((await upload.execute(deps.db, actor.userId ?? '', sha256)).length) uploaded.add(sha256);
  answers.forEach((a, i) => {
    if (!guide.materials.some((m) => m.key === a.key)) problems.push({ field: `materials.${i}.key`, reason: 'the item asks for no such material' });
    if (answers.findIndex((x) => x.key === a.key) !== i) problems.push({ field: `materials.${i}.key`, reason: 'answered twice' });
  });
  for (const m of guide.materials) {
    const hit = byKey.get(m.key);
    const field = hit ? `materials.${hit.i}` : `materials`;
    if (!hit) {
      if (m.necessity === 'required') problems.push({ field, reason: `「${m.name}」 is required` });
      continue;
    }
    const a = hit.a;
    if (a.by === 'upload') {
      if (!a.file) problems.push({ field: `${field}.file`, reason: `upload 「${m.name}」 first and give its file` });
      else if (!uploaded.has(a.file.sha256)) {
        problems.push({ field: `${field}.file`, reason: 'no such file among your uploads' });
      }
    } else if (a.by === 'shared_data') {
      if (!m.substitutes.some((s) => s.kind === 'shared_data')) problems.push({ field: `${field}.by`, reason: `「${m.name}」 cannot be replaced by shared data` });
    } else if (a.by === 'license') {
      // the licence itself is checked in the filing's transaction (verifyLicenceAnswers), with the use recorded
      if (!m.substitutes.some((s) => s.kind === 'license')) problems.push({ field: `${field}.by`, reason: `「${m.name}」 cannot be replaced by an electronic licence` });
      else if (!a.licenceId) problems.push({ field: `${field}.licenceId`, reason: `choose the licence that stands in for 「${m.name}」` });
    } else if (a.by === 'deferred') {
      if (m.necessity !== 'deferrable') problems.push({ field: `${field}.by`, reason: `「${m.name}」 cannot be supplied later (not 容缺)` });
    } else if (a.by === 'not_applicable') {
      if (m.necessity !== 'conditional') problems.push({ field: `${field}.by`, reason: `「${m.name}」 is always needed` });
    }
  }
  if (problems.length) throw invalid('applications.materials_incomplete', `${problems.length} problem(s) with the materials: ${problems[0].reason}.`, problems);
  return answers;
}


/** The review branches that apply to this application, with their departments resolved from the item's region. */
export async function resolveBranches(deps: Deps, item: ItemDetail['item'], workflow: WorkflowDefinition, form: Record<string, unknown>): Promise<ResolvedBranch[]> {
  const out: ResolvedBranch[] = [];
  for (const b of workflow.review) {
    if (b.when && !testCondition(b.when, form[b.when.field])) continue; // the same condition rule as the form's visibleIf
    let departmentId = item.department.id;
    if (b.department !== 'self') {
      const want = b.department;
      const depth = (level: RegionLevel) => REGION_LEVELS.indexOf(level);
      let region: string | null = item.regionCode;
      // walk up from the item's region to the wanted level
      while (region && depth(regionLevel(region)) > depth(want.level)) region = parentRegionCode(region);
      const dept = region ? await findDepartmentOfKind(deps.db, region, want.kind) : undefined;
      if (!dept) throw new AppError('conflict', 'applications.workflow_unresolvable', `No ${want.kind} department at ${want.level} level for this item's region; the item's workflow needs fixing.`, { branch: b.key });
      departmentId = dept.id;
    }
    out.push({ key: b.key, name: b.name, departmentId, when: b.when });
  }
  if (out.length === 0) out.push({ key: 'review', name: '审查', departmentId: item.department.id });
  return out;
}

/**
 * The application as JSON with every object's keys sorted by UTF-16 code units (the key order of RFC 8785, JSON
 * canonicalization): the same content gives the same text whatever order a client put the keys in.
 */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (v[i] === undefined ? 'null' : canonical(v[i]));
    return out + ']';
  }
  let out = '{';
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonical(x);
  }
  return out + '}';
}
export const payloadHashOf = (input: unknown): string => createHash('sha256').update(canonical(input)).digest('hex');

/**
 * Whether a retry carries the application a case was filed with. Cases filed before 2026-11-29 (this change) carry a hash of the
 * keys in locale order (~4× slower to compute); it differs from today's only where two keys differ first in case or
 * punctuation ("a" and "B"), and is checked only when today's does not match.
 */
export function samePayload(storedHash: string, input: unknown, hash = payloadHashOf(input)): boolean {
  if (storedHash === hash) return true;
  const legacy = JSON.stringify(input, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
  return storedHash === createHash('sha256').update(legacy).digest('hex');
}

/** The day's next sequence number for the implementation code, atomically (one upsert; concurrent filings queue on the row). */
async function nextCaseNumber(tx: Tx, deps: Deps, implementationCode: string, now: string): Promise<string> {
  const day = deps.calendar.chinaDate(now).replace(/-/g, '');
  const [row] = await bumpCounter.execute(tx, implementationCode, day);
  if (row.last > 9999) throw conflict('applications.daily_limit', 'This item has reached 9,999 cases today.');
  return `${implementationCode}${day}${String(row.last).padStart(4, '0')}`;
}

export interface SubmitResult {
  caseId: string;
  caseNumber: string;
  replayed: boolean;
  /** What a new filing wrote (the reply shows it without reading it back); absent on a replay. */
  written?: { c: CasesTable; tasks: CaseTasksTable[]; events: CaseEventsTable[]; itemNameEn: string | null };
}

/**
 * Files an application: the item's published version, form and materials are frozen with the case; the case number
 * is implementation code + date + sequence; the same idempotency key with the same content returns the first case.
 *
 * Everything runs in one transaction (on SQLite it shares its commit with concurrent filings, see withTx): the
 * idempotency check, the item's published version, the registry read for the locked prefill fields with its access-log
 * entry, the checks, and the case with its task, timeline, notification, audit entry and outbox event. A filing refused by the
 * checks keeps only the access-log entry (the registry was read); its other writes are rolled back to a savepoint.
 */
export async function submitApplication(deps: Deps, actor: Actor, input: SubmitBody, idempotencyKey: string, lang: Lang = 'zh-CN'): Promise<SubmitResult> {
  if (actor.kind !== 'citizen' || !actor.userId || !actor.idNumber) throw forbidden('applications.citizens_only', 'Applications are filed by citizens, for themselves or for an enterprise they act for.');
  if (!/^[A-Za-z0-9._:-]{8,100}$/.test(idempotencyKey)) throw invalid('applications.bad_idempotency_key', 'Send an Idempotency-Key header of 8–100 letters, digits or ._:- (a new one per application).');
  const payloadHash = payloadHashOf(input);

  const ob = actor.onBehalfOf;
  if (ob) {
    try {
      requireEnterpriseScope(actor, ob.uscc, 'applications.submit');
    } catch (err) {
      // A retry of a filing that went through gets its case even if the agent's scope changed since.
      const existing = await findByIdempotencyKey(deps.db, actor.userId, idempotencyKey);
      if (existing) return replay(existing, payloadHash, input);
      throw err;
    }
  }
  const kind = ob ? 'enterprise' : 'person';

  type Outcome = SubmitResult | { refused: unknown } | { duplicate: unknown };
  let outcome: Outcome;
  try {
    outcome = await withTx(deps.db, async (tx): Promise<Outcome> => {
      // A retry of a filing that went through gets its case, even if the item was retired since.
      const existing = await findByIdempotencyKey(tx, actor.userId!, idempotencyKey);
      if (existing) return replay(existing, payloadHash, input);
      let detail: ItemDetail;
      try {
        detail = await getPublishedItemCached(deps, input.itemId, tx);
      } catch (err) {
        if (err instanceof AppError) return { refused: err };
        throw err;
      }
      const guide = detail.guide;
      if (!guide.serviceObjects.includes(kind)) {
        throw invalid('applications.wrong_applicant', kind === 'person' ? 'This item is for enterprises: switch to the enterprise you act for first.' : 'This item is for individuals: switch back to acting as yourself.');
      }
      // The registry reads (and their access-log entry) in this transaction.
      const txDeps: Deps = { ...deps, db: tx };
      let checked: { form: Record<string, unknown>; materials: MaterialAnswer[]; branches: ResolvedBranch[] };
      try {
        const form = await validateApplicationForm(txDeps, actor, guide, detail.item.name, input.form, lang);
        const materials = await checkMaterials(txDeps, actor, guide, input.materials);
        const branches = await resolveBranches(txDeps, detail.item, guide.workflow ?? DEFAULT_WORKFLOW, form);
        if (input.receivingDepartmentId && !(await findDepartmentById(tx, input.receivingDepartmentId))) {
          throw invalid('applications.unknown_department', 'No such receiving department.', [{ field: 'receivingDepartmentId', reason: 'unknown department' }]);
        }
        checked = { form, materials, branches };
      } catch (err) {
        // Refused: commit what the checks wrote (the access-log entry of the registry read), then throw outside.
        if (err instanceof AppError) return { refused: err };
        throw err;
      }
      try {
        return await writeCase(tx, deps, actor, { input, idempotencyKey, payloadHash, detail, guide, kind, ...checked });
      } catch (err) {
        // writeCase undid its own writes; the access-log entry stays.
        if (isUniqueViolation(err)) return { duplicate: err };
        if (err instanceof AppError) return { refused: err };
        throw err;
      }
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    outcome = { duplicate: err };
  }
  if ('refused' in outcome) throw outcome.refused;
  if ('duplicate' in outcome) {
    // Two submissions with the same key at the same moment (PostgreSQL: two transactions): the database lets one in;
    // the other replays it.
    const winner = await findByIdempotencyKey(deps.db, actor.userId, idempotencyKey);
    if (!winner) throw outcome.duplicate;
    return replay(winner, payloadHash, input);
  }
  return outcome;
}

// The statements of a filing, with their SQL built once (src/platform/db/prepared.ts).
const upload = prepared((db, userId: string, sha256: string) => db.selectFrom('application_uploads').select('sha256').where('user_id', '=', userId).where('sha256', '=', sha256));
const byIdempotencyKey = prepared((db, userId: string, key: string) =>
  db.selectFrom('cases').select(['id', 'case_number', 'payload_hash']).where('applicant_user_id', '=', userId).where('idempotency_key', '=', key));
const findByIdempotencyKey = async (db: DbOrTx, userId: string, key: string) => (await byIdempotencyKey.execute(db, userId, key))[0];
const bumpCounter = prepared((db, implementationCode: string, day: string) =>
  db.insertInto('case_number_counters').values({ implementation_code: implementationCode, day, last: 1 })
    .onConflict((oc) => oc.columns(['implementation_code', 'day']).doUpdateSet({ last: sql<number>`case_number_counters.last + 1` }))
    .returning('last'));
// the same owner rule as the drafts' own queries (draftOwner), for each kind of applicant
const deleteOwnDraft = prepared((db, itemId: string, userId: string) =>
  draftOwner(db.deleteFrom('application_drafts').where('item_id', '=', itemId), { userId, onBehalfOf: null } as Actor));
const deleteEnterpriseDraft = prepared((db, itemId: string, userId: string, uscc: string) =>
  draftOwner(db.deleteFrom('application_drafts').where('item_id', '=', itemId), { userId, onBehalfOf: { uscc } } as unknown as Actor));

/** The writes of a new case, all or nothing (a savepoint: a failure here leaves the transaction as it was before). */
async function writeCase(tx: Tx, deps: Deps, actor: Actor, f: {
  input: SubmitBody; idempotencyKey: string; payloadHash: string; detail: ItemDetail; guide: Guide; kind: 'person' | 'enterprise';
  form: Record<string, unknown>; materials: MaterialAnswer[]; branches: ResolvedBranch[];
}): Promise<SubmitResult> {
  const { detail, guide } = f;
  const ob = actor.onBehalfOf;
  return inSavepoint(tx, async () => {
    const id = newId();
    // Licences standing in for materials: checked now, each use recorded with the case (rolled back with it on failure).
    // No licence work at all when no material is answered by a licence.
    const materials = f.materials.some((m) => m.by === 'license') ? await verifyLicenceAnswers(tx, deps, actor, guide, f.materials, id) : f.materials;
    // the draft becomes a case (first: on PostgreSQL the day's counter row stays locked from nextCaseNumber to commit)
    await (ob ? deleteEnterpriseDraft.execute(tx, detail.item.id, actor.userId!, ob.uscc) : deleteOwnDraft.execute(tx, detail.item.id, actor.userId!));
    const now = deps.clock.nowIso();
    const caseNumber = await nextCaseNumber(tx, deps, detail.item.implementationCode, now);
    const row: CasesTable = {
      id, case_number: caseNumber, item_id: detail.item.id, item_version: detail.version.version, item_name: detail.item.name,
      implementation_code: detail.item.implementationCode, department_id: detail.item.department.id, region_code: detail.item.regionCode,
      receiving_department_id: f.input.receivingDepartmentId ?? null, applicant_user_id: actor.userId!, applicant_kind: f.kind,
      applicant_id_number: actor.idNumber!, applicant_uscc: ob?.uscc ?? null, applicant_name: ob ? ob.name : actor.displayName,
      status: 'submitted', decision: null, form_data: JSON.stringify(f.form), materials: JSON.stringify(materials),
      workflow: JSON.stringify({ review: f.branches }), promised_limit: JSON.stringify(guide.promisedTimeLimit), legal_limit: JSON.stringify(guide.legalTimeLimit),
      clock_started_at: null, paused: 0, due_at: null, warn_at: null, legal_due_at: null, idempotency_key: f.idempotencyKey, payload_hash: f.payloadHash,
      row_version: 1, submitted_at: now, accepted_at: null, concluded_at: null, delivered_at: null, updated_at: now,
    };
    await insertRow(tx, 'cases', row);
    const task = await openTask(tx, id, { step: 'accept', branch: 'accept', name: '受理', departmentId: detail.item.department.id, role: ROLE_FOR_STEP.accept }, now);
    const event = await addEvent(tx, { id }, actor, 'submitted', null, 'submitted', null, { itemVersion: detail.version.version, materials: materials.map((m) => ({ key: m.key, by: m.by, ...(m.licenceId && { licenceId: m.licenceId }) })) }, now);
    await notifyApplicant(tx, deps, { id, applicant_user_id: actor.userId!, case_number: caseNumber, item_name: detail.item.name }, 'submitted');
    // What recordChange writes, the outbox event first: the audit entry takes the audit chain's lock on PostgreSQL
    // (held until commit), so it comes last.
    await publishEvent(tx, deps.clock, actor, { type: 'case.submitted', aggregateType: 'case', aggregateId: id, payload: { caseId: id, caseNumber, itemId: detail.item.id, departmentId: detail.item.department.id, status: 'submitted' } });
    await recordAudit(tx, deps, actor, { action: 'case.submitted', targetType: 'case', targetId: id, details: { caseNumber, itemId: detail.item.id, itemVersion: detail.version.version } });
    return { caseId: id, caseNumber, replayed: false, written: { c: row, tasks: [task], events: [event], itemNameEn: detail.basic.nameEn } };
  });
}

function replay(existing: { id: string; case_number: string; payload_hash: string }, payloadHash: string, input: SubmitBody): SubmitResult {
  if (!samePayload(existing.payload_hash, input, payloadHash)) {
    throw conflict('applications.idempotency_key_reused', 'This Idempotency-Key was already used for a different application; use a new key for a new application.', { caseId: existing.id });
  }
  return { caseId: existing.id, caseNumber: existing.case_number, replayed: true };
}

export { getCaseRow };
