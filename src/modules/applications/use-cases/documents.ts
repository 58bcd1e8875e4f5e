import path from 'node:path';
import { sql } from 'kysely';
import { systemActor, type Actor } from '../../../platform/actor.js';
import { publicUrlOf } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type Db, type Tx } from '../../../platform/db/database.js';
import { recordDataAccess } from '../../../platform/access-log.js';
import { maskName } from '../../../platform/mask.js';
import { systemClock } from '../../../platform/clock.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { readStoredFile, storeFile } from '../../../platform/files.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import {
  DEFAULT_TITLES, formatChineseDate, openSealStore, renderDocument, signPdf,
  type DocumentKind, type OfficialDocument, type SealDepartment, type SealStore, type SealStoreOptions,
} from '../../../platform/pdf/index.js';
import { getItemVersion, type ItemDetail } from '../../catalog/index.js';
import { findDepartmentById } from '../../org/index.js';
import type { CaseDocumentKind, CaseDocumentsTable, CasesTable } from '../applications.tables.js';
import type { CaseDocument, DocumentVerification } from '../applications.schemas.js';
import { canSeeCase, isApplicant } from '../applications.policy.js';
import { getCaseRow } from './case-store.js';

/*
 * Sealed documents of a case: 不予受理通知书 (refusal to accept), 补正材料通知书 (correction request, every defect as
 * a table), 准予（行政）许可决定书 (approval) and 不予（行政）许可决定书 (refusal, with its reasons), each signed (PAdES) with the seal of the department that acted, with
 * a document number (文号) per department, kind and year and a QR code to the public verification page.
 *
 * Two steps, so that rendering and signing (tens to hundreds of milliseconds, a second for the first document of a
 * process) never run inside the action's write transaction:
 *
 *   1. issueCaseDocument, inside the action's transaction: takes the next number from the department's counter,
 *      freezes what the document says (JSON) and writes the row `pending` with its audit entry and outbox event. If
 *      the action rolls back, so do the number and the row; a retried or concurrent action cannot make a second one
 *      (the action changes the case under its row version, and (case_id, case_version) is unique).
 *   2. finishDocument, after the commit: renders the frozen content, signs it, puts the PDF into the content-addressed
 *      file store and marks the row `ready` with the file's SHA-256. A lease (lease_until) keeps two processes from
 *      doing the same document at once; a failure leaves the row pending with a growing back-off.
 *
 * Who runs step 2: the HTTP route of the action, in the background right after the commit (one document at a time per
 * process); any read that meets a pending document (list, download, verification); and the sweep when the server
 * starts, for what a crashed or stopped process left. A crash between the two steps therefore loses nothing: the row,
 * its number and its content are committed, and the PDF is made later. Use cases called outside a request (the demo
 * seed) leave their documents to the first read or the next start, which keeps seeding (and every test that seeds)
 * free of a second of font loading and key generation.
 */

const KINDS: Record<CaseDocumentKind, { pdf: DocumentKind; code: string }> = {
  not_accepted_notice: { pdf: '不予受理通知书', code: '不受' },
  correction_notice: { pdf: '补正通知书', code: '补' },
  approval_decision: { pdf: '准予许可决定书', code: '许' },
  refusal_decision: { pdf: '不予许可决定书', code: '不许' },
};

/** What the row's `content` holds: the document as it will be printed (its date is the row's issued_at) and the seal. */
interface FrozenContent {
  document: Omit<OfficialDocument, 'date'>;
  seal: SealDepartment;
}

/** The lease a process takes on a pending document while it renders and signs it. */
const LEASE_MS = 60_000;
/** Back-off after a failed attempt: one lease, doubling, at most an hour. */
const MAX_BACKOFF_MS = 3_600_000;
const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** The mark Chinese typesetting uses for a character the font lacks (〓, 缺字符号). */
const MISSING_MARK = '〓';

// ---------------------------------------------------------------------------------------------------------------
// The deployment's seal store and address

/**
 * The deployment's seal store, opened on first use: the certificates' organization is the deployment's top region's
 * government (e.g. 云澜省人民政府) unless given, which a fresh database only knows after the regions are loaded.
 */
export function openDeploymentSeals(db: Db, options: Omit<SealStoreOptions, 'organization'> & { organization?: string }): SealStore {
  let store: SealStore | null = null;
  let opening: Promise<SealStore> | null = null;
  const open = (): Promise<SealStore> =>
    (opening ??= (async () => {
      const organization = options.organization?.trim() || (await deploymentOrganization(db));
      store = openSealStore({ ...options, organization });
      return store;
    })().catch((e) => {
      opening = null;
      throw e;
    }));
  return {
    dir: path.join(options.dataDir, 'seals'),
    get organization(): string {
      if (!store) throw new Error('seals: the organization is known once the store has been used');
      return store.organization;
    },
    clock: options.clock ?? systemClock,
    rootCertificate: async () => (await open()).rootCertificate(),
    departmentCertificate: async (d) => (await open()).departmentCertificate(d),
    signingKey: async (d) => (await open()).signingKey(d),
  };
}

async function deploymentOrganization(db: Db): Promise<string> {
  const top = await db.selectFrom('regions').select('name').where('parent_code', 'is', null).orderBy('code').executeTakeFirst();
  return top ? `${top.name}人民政府` : '通办政务服务平台';
}

export const verificationPath = (documentId: string) => `/verify/documents/${encodeURIComponent(documentId)}`;

// ---------------------------------------------------------------------------------------------------------------
// What the documents say

/** What an action tells the document beyond the case itself; read before the action's transaction. */
export interface ItemFacts {
  /** 01 行政许可, 05 行政给付, … (null when the guide could not be read) */
  itemType: string | null;
  legalBasis: string | null;
  /** form field keys and material keys → their names, for the defects of a 补正通知书 */
  labels: Map<string, string>;
}

/**
 * The case's guide version as filed (immutable): its item type, its first legal basis and the names of its fields and
 * materials. Read before the action's transaction; a guide that cannot be read gives plainer wording, never a failure.
 */
export async function itemFactsOf(deps: Deps, actor: Actor, caseId: string): Promise<ItemFacts> {
  return itemFactsFrom(await caseItemVersion(deps, actor, caseId).catch(() => null));
}

/** The item version a case was filed under (immutable). */
export async function caseItemVersion(deps: Deps, actor: Actor, caseId: string): Promise<ItemDetail> {
  const c = await getCaseRow(deps.db, caseId);
  return getItemVersion(deps, actor, c.item_id, c.item_version);
}

/** The facts of an item version (null: it could not be read; the documents then do without). */
export function itemFactsFrom(detail: ItemDetail | null): ItemFacts {
  const labels = new Map<string, string>();
  if (!detail) return { itemType: null, legalBasis: null, labels };
  for (const [key, field] of Object.entries(detail.guide.form?.schema.properties ?? {})) labels.set(key, field.title);
  for (const m of detail.guide.materials) labels.set(m.key, m.name);
  return { itemType: detail.basic.itemType, legalBasis: detail.guide.legalBasis[0]?.title ?? null, labels };
}

export type DocumentFacts =
  | { kind: 'not_accepted_notice'; reason: string }
  | { kind: 'correction_notice'; defects: { target: string; reason: string }[]; item: ItemFacts }
  | { kind: 'approval_decision'; opinion: string; item: ItemFacts }
  | { kind: 'refusal_decision'; reason: string; item: ItemFacts };

const REMEDIES = (what: string) => `如不服本${what}，可以自收到本${what}之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。`;

/** The name of a defect's target: a material's or a field's name (a nested path is named by its top field). */
function targetName(target: string, labels: Map<string, string>): string {
  return labels.get(target) ?? labels.get(target.split(/[.[]/)[0]) ?? target;
}

function compose(c: CasesTable, facts: DocumentFacts): Omit<OfficialDocument, 'date' | 'department' | 'number' | 'qr'> {
  const you = c.applicant_kind === 'enterprise' ? '你单位' : '你';
  const filed = `${you}于${formatChineseDate(new Date(c.submitted_at))}提交的${c.item_name}申请（申请编号：${c.case_number}）`;
  const base = { kind: KINDS[facts.kind].pdf, addressee: c.applicant_name };
  switch (facts.kind) {
    case 'not_accepted_notice':
      return {
        ...base,
        paragraphs: [`${filed}收悉。经审查，本机关决定不予受理，理由如下：`, facts.reason],
        closing: [`${you}可以按照上述理由，在符合条件后重新提出申请，或者向有权机关提出申请。`, REMEDIES('通知书')],
      };
    case 'correction_notice':
      return {
        ...base,
        paragraphs: [`${filed}，经审查，申请材料不齐全或者不符合法定形式。现一次性告知${you}需要补正的全部内容（共${facts.defects.length}项）：`],
        table: {
          caption: '需要补正的材料和内容',
          headers: ['材料或事项', '补正要求'],
          rows: facts.defects.map((d, i) => {
            const name = targetName(d.target, facts.item.labels);
            // a table label holds at most 40 characters: a longer name goes into the requirement
            return [...name].length <= 40 ? { label: name, value: d.reason } : { label: `第${i + 1}项`, value: `${name}：${d.reason}` };
          }),
        },
        closing: [
          `请${you}登录政务服务平台，在“我的办件”中按上述要求一次性提交补正材料。补正材料提交后，本机关将继续办理；补正期间不计入办理时限。`,
        ],
      };
    case 'approval_decision': {
      const licensing = facts.item.itemType === '01';
      return {
        ...base,
        title: licensing ? DEFAULT_TITLES['准予许可决定书'] : '准予办理决定书',
        paragraphs: [
          `${filed}，本机关已依法受理。经审查，申请符合法定条件、标准。`,
          licensing
            ? `根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予${you}的行政许可申请。`
            : `${facts.item.legalBasis ? `根据${facts.item.legalBasis}的规定，` : ''}本机关决定准予${you}的申请。`,
        ],
        table: {
          rows: [
            { label: '事项名称', value: c.item_name },
            { label: '申请人', value: c.applicant_name },
            { label: '申请编号', value: c.case_number },
            { label: '审查意见', value: facts.opinion },
          ],
        },
        closing: [REMEDIES('决定书')],
      };
    }
    case 'refusal_decision': {
      // 行政许可法第三十八条第二款: a refusal is written, gives its reasons and the remedies
      const licensing = facts.item.itemType === '01';
      return {
        ...base,
        title: licensing ? DEFAULT_TITLES['不予许可决定书'] : '不予办理决定书',
        paragraphs: [
          `${filed}，本机关已依法受理。经审查，申请不符合法定条件、标准。`,
          licensing
            ? `根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予${you}行政许可，理由如下：`
            : `${facts.item.legalBasis ? `根据${facts.item.legalBasis}的规定，` : ''}本机关决定不予办理${you}的申请，理由如下：`,
          facts.reason,
        ],
        table: {
          rows: [
            { label: '事项名称', value: c.item_name },
            { label: '申请人', value: c.applicant_name },
            { label: '申请编号', value: c.case_number },
          ],
        },
        closing: [REMEDIES('决定书')],
      };
    }
  }
}

/** The department's 代字 in document numbers: its short name (明湖区民政局), else its name. */
function numberPrefix(d: { name: string; short_name: string | null }): string {
  return [...(d.short_name?.trim() || d.name)].slice(0, 30).join('');
}

export function formatDocumentNumber(prefix: string, kind: CaseDocumentKind, year: number, sequence: number): string {
  return `${prefix}${KINDS[kind].code}字〔${year}〕第${String(sequence).padStart(4, '0')}号`;
}

/**
 * Inside the action's transaction: the next number of the department for this kind and year (one upsert: concurrent
 * actions queue on the counter row; a rolled-back action gives its number back), the frozen content, the pending
 * row, its audit entry and outbox event. `c` is the case as the action left it (its row version names the action).
 */
export async function issueCaseDocument(tx: Tx, deps: Deps, actor: Actor, c: CasesTable, departmentId: string, facts: DocumentFacts, now: string): Promise<{ id: string; number: string; title: string }> {
  const dept = await findDepartmentById(tx, departmentId);
  if (!dept) throw notFound('applications.department_not_found', 'The department that acted no longer exists.');
  const year = Number(deps.calendar.chinaDate(now).slice(0, 4));
  const counter = await tx.insertInto('case_document_counters').values({ department_id: dept.id, kind: facts.kind, year, last: 1 })
    .onConflict((oc) => oc.columns(['department_id', 'kind', 'year']).doUpdateSet({ last: sql<number>`case_document_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  const id = newId();
  const number = formatDocumentNumber(numberPrefix(dept), facts.kind, year, counter.last);
  const body = compose(c, facts);
  const title = body.title ?? DEFAULT_TITLES[body.kind];
  const content: FrozenContent = {
    document: {
      ...body,
      department: dept.name,
      number,
      qr: { text: `${publicUrlOf(deps)}${verificationPath(id)}`, caption: '扫码核验文书真伪' },
    },
    seal: { uscc: dept.uscc, name: dept.name },
  };
  await tx.insertInto('case_documents').values({
    id, case_id: c.id, case_version: c.row_version, kind: facts.kind, department_id: dept.id, year, sequence: counter.last, number, title,
    issued_at: now, content: JSON.stringify(content), status: 'pending', sha256: null, size: null, lease_until: null, attempts: 0, last_error: null,
    created_at: now, ready_at: null,
  }).execute();
  rendererOf(deps.db).issuedHere.add(id);
  await recordChange(tx, deps, actor, {
    audit: { action: 'case.document_issued', targetType: 'case_document', targetId: id, departmentId: dept.id, details: { caseId: c.id, caseNumber: c.case_number, kind: facts.kind, number } },
    event: {
      type: 'case_document.issued', aggregateType: 'case_document', aggregateId: id, departmentId: dept.id,
      payload: { documentId: id, caseId: c.id, caseNumber: c.case_number, kind: facts.kind, number, status: 'pending' },
    },
  });
  return { id, number, title };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and signing, after the commit

interface Renderer {
  inflight: Map<string, Promise<void>>;
  /** documents issued by this process and not yet finished: the start-up sweep leaves them to their request or a read */
  issuedHere: Set<string>;
  /** background work, one document at a time */
  queue: Promise<void>;
  stopped: boolean;
}

/** Per database handle (the demo and tests pass copies of deps with other clocks; they share the renderer). */
const renderers = new WeakMap<Db, Renderer>();

function rendererOf(db: Db): Renderer {
  let r = renderers.get(db);
  if (!r) {
    r = { inflight: new Map(), issuedHere: new Set(), queue: Promise.resolve(), stopped: false };
    renderers.set(db, r);
  }
  return r;
}

/**
 * Renders, signs and stores a pending document and marks it ready; joins the work already running in this process.
 * Resolves when done, when another process holds the document's lease, or after a failure (recorded on the row);
 * never rejects.
 */
export function finishDocument(deps: Deps, id: string): Promise<void> {
  const r = rendererOf(deps.db);
  const running = r.inflight.get(id);
  if (running) return running;
  if (r.stopped || !deps.seals) return Promise.resolve();
  const work = produce(deps, r, deps.seals, id).finally(() => r.inflight.delete(id));
  r.inflight.set(id, work);
  return work;
}

/** After the action's commit: finish the document in the background (queued: one at a time per process). */
export function finishDocumentLater(deps: Deps, id: string): void {
  const r = rendererOf(deps.db);
  r.queue = r.queue.then(() => finishDocument(deps, id));
}

/** Stops background rendering (the server is closing): what is pending stays pending, for the next start's sweep. */
export function stopDocumentRendering(deps: Pick<Deps, 'db'>): void {
  rendererOf(deps.db).stopped = true;
}

/**
 * Finishes every pending document another process left (at start: what a crash or a stop left); one at a time. A
 * document another live process holds the lease of is tried again when its lease ends.
 */
export async function sweepPendingDocuments(deps: Deps, limit = 1000): Promise<{ finished: number; pending: number }> {
  const r = rendererOf(deps.db);
  try {
    return await sweep(deps, r, limit);
  } catch (e) {
    if (r.stopped) return { finished: 0, pending: 0 }; // closing: the next start sweeps again
    throw e;
  }
}

async function sweep(deps: Deps, r: Renderer, limit: number): Promise<{ finished: number; pending: number }> {
  const rows = (await deps.db.selectFrom('case_documents').select(['id', 'lease_until']).where('status', '=', 'pending').orderBy('created_at').limit(limit).execute())
    .filter((row) => !r.issuedHere.has(row.id));
  for (const row of rows) {
    if (r.stopped) break;
    await finishDocument(deps, row.id);
  }
  const ids = rows.map((x) => x.id);
  const left = ids.length === 0 ? [] : await deps.db.selectFrom('case_documents').select(['id', 'lease_until']).where('id', 'in', ids).where('status', '=', 'pending').execute();
  for (const row of left) {
    if (r.stopped || !row.lease_until) continue;
    const wait = Math.max(0, Date.parse(row.lease_until) - Date.now()) + 1000;
    setTimeout(() => finishDocumentLater(deps, row.id), Math.min(wait, MAX_BACKOFF_MS + 1000)).unref();
  }
  return { finished: rows.length - left.length, pending: left.length };
}

async function produce(deps: Deps, r: Renderer, seals: SealStore, id: string): Promise<void> {
  // Leases are about real elapsed time (a crashed process), whatever clock the deps carry.
  const at = new Date();
  try {
    const claimed = await deps.db.updateTable('case_documents')
      .set({ lease_until: new Date(at.getTime() + LEASE_MS).toISOString(), attempts: sql<number>`attempts + 1` })
      .where('id', '=', id).where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at.toISOString())]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || r.stopped) return;
    const row = await deps.db.selectFrom('case_documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const pdf = await sealDocument(seals, row, () => r.stopped);
    if (!pdf || r.stopped) return;
    const stored = await storeFile(deps, systemActor('documents'), Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), 'application/pdf', {
      maxBytes: MAX_PDF_BYTES, allowed: ['application/pdf'], purpose: `sealed document ${row.number}`,
    });
    await withTx(deps.db, async (tx) => {
      const now = deps.clock.nowIso();
      const done = await tx.updateTable('case_documents').set({ status: 'ready', sha256: stored.sha256, size: stored.size, ready_at: now, lease_until: null, last_error: null })
        .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return;
      r.issuedHere.delete(id);
      await recordChange(tx, deps, systemActor('documents'), {
        audit: { action: 'case.document_sealed', targetType: 'case_document', targetId: id, departmentId: row.department_id, details: { caseId: row.case_id, number: row.number, sha256: stored.sha256, size: stored.size } },
        event: {
          type: 'case_document.sealed', aggregateType: 'case_document', aggregateId: id, departmentId: row.department_id,
          payload: { documentId: id, caseId: row.case_id, kind: row.kind, number: row.number, status: 'ready', sha256: stored.sha256 },
        },
      });
    });
  } catch (err) {
    if (r.stopped) return; // the database or the data folder is going away: the next start's sweep finishes it
    const message = err instanceof Error ? err.message : String(err);
    console.error(`documents: ${id} could not be sealed: ${message}`);
    await deps.db.selectFrom('case_documents').select('attempts').where('id', '=', id).executeTakeFirst()
      .then((row) => {
        const backoff = Math.min(LEASE_MS * 2 ** Math.max(0, (row?.attempts ?? 1) - 1), MAX_BACKOFF_MS);
        return deps.db.updateTable('case_documents').set({ last_error: message.slice(0, 500), lease_until: new Date(Date.now() + backoff).toISOString() })
          .where('id', '=', id).where('status', '=', 'pending').execute();
      })
      .catch(() => undefined);
  }
}

/**
 * The signed PDF of a row. A character the font cannot print (a rare name character outside the CJK block, an emoji
 * in a reason) is printed as 〓 rather than leaving the document unmade. Null when stopped midway.
 */
async function sealDocument(seals: SealStore, row: CaseDocumentsTable, stopped: () => boolean): Promise<Uint8Array | null> {
  const content = JSON.parse(row.content) as FrozenContent;
  const doc: OfficialDocument = { ...content.document, date: new Date(row.issued_at) };
  let unsigned: Uint8Array;
  try {
    unsigned = await renderDocument(doc);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'pdf.unsupported_characters')) throw e;
    const missing = new Set(((e.details as { characters?: string[] })?.characters ?? []).map((u) => String.fromCodePoint(parseInt(u.slice(2), 16))));
    unsigned = await renderDocument(replaceCharacters(doc, missing));
  }
  if (stopped()) return null;
  return signPdf(seals, unsigned, content.seal);
}

function replaceCharacters<T>(value: T, missing: Set<string>): T {
  if (typeof value === 'string') return [...value].map((ch) => (missing.has(ch) ? MISSING_MARK : ch)).join('') as T;
  if (Array.isArray(value)) return value.map((v) => replaceCharacters(v, missing)) as T;
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceCharacters(v, missing)])) as T;
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

function toCaseDocument(deps: Deps, d: CaseDocumentsTable): CaseDocument {
  const content = JSON.parse(d.content) as FrozenContent;
  return {
    id: d.id, caseId: d.case_id, kind: d.kind, title: d.title, number: d.number, departmentId: d.department_id, departmentName: content.document.department,
    issuedAt: d.issued_at, status: d.status, sha256: d.sha256, size: d.size, readyAt: d.ready_at,
    verificationUrl: content.document.qr?.text ?? `${publicUrlOf(deps)}${verificationPath(d.id)}`,
  };
}

/** The case if the actor may see it: its applicant, or staff of a department working on it (as for case files). */
async function readableCase(deps: Deps, actor: Actor, caseId: string): Promise<{ c: CasesTable; applicant: boolean }> {
  const c = await getCaseRow(deps.db, caseId);
  const applicant = isApplicant(actor, c);
  if (!applicant) {
    const depts = await deps.db.selectFrom('case_tasks').select('department_id').where('case_id', '=', c.id).execute();
    if (!canSeeCase(actor, c, depts.map((d) => d.department_id))) throw notFound('applications.case_not_found', 'No such case.');
  }
  return { c, applicant };
}

const documentsOf = (db: Db, caseId: string) => db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('issued_at').orderBy('id').execute();

/** The case's documents, oldest first; pending ones are finished first where this process can. */
export async function listCaseDocuments(deps: Deps, actor: Actor, caseId: string): Promise<{ items: CaseDocument[] }> {
  const { c } = await readableCase(deps, actor, caseId);
  let rows = await documentsOf(deps.db, c.id);
  const pending = rows.filter((d) => d.status === 'pending');
  if (pending.length > 0) {
    await Promise.all(pending.map((d) => finishDocument(deps, d.id)));
    rows = await documentsOf(deps.db, c.id);
  }
  return { items: rows.map((d) => toCaseDocument(deps, d)) };
}

async function pendingFinished(deps: Deps, row: CaseDocumentsTable): Promise<CaseDocumentsTable> {
  if (row.status === 'ready') return row;
  await finishDocument(deps, row.id);
  return (await deps.db.selectFrom('case_documents').selectAll().where('id', '=', row.id).executeTakeFirst()) ?? row;
}

/** The signed PDF of a case's document, for its applicant or the case's officers (an officer's read is logged). */
export async function readCaseDocumentPdf(deps: Deps, actor: Actor, caseId: string, documentId: string): Promise<{ contentType: string; bytes: Buffer; name: string }> {
  const { c, applicant } = await readableCase(deps, actor, caseId);
  const found = await deps.db.selectFrom('case_documents').selectAll().where('id', '=', documentId).where('case_id', '=', c.id).executeTakeFirst();
  if (!found) throw notFound('applications.document_not_found', 'The case has no such document.');
  const d = await pendingFinished(deps, found);
  if (d.status !== 'ready' || !d.sha256) throw conflict('applications.document_pending', 'The document is still being sealed; try again in a moment.', { documentId: d.id });
  if (!applicant) {
    await recordDataAccess(deps.db, deps.clock, actor, {
      subjectType: c.applicant_kind === 'enterprise' ? 'enterprise' : 'person', subjectKey: c.applicant_uscc ?? c.applicant_id_number,
      fields: [`document:${d.kind}`], purpose: `办件 ${c.case_number} (${c.item_name}) 文书 ${d.number} 查阅`,
    });
  }
  const file = await readStoredFile(deps, d.sha256);
  return { contentType: 'application/pdf', bytes: file.bytes, name: `${d.title}（${d.number}）.pdf` };
}

/** The case number with its middle hidden: enough to match a paper in hand, not to look the case up. */
export function maskCaseNumber(n: string): string {
  return n.length <= 10 ? '*'.repeat(n.length) : `${n.slice(0, 6)}${'*'.repeat(n.length - 10)}${n.slice(-4)}`;
}

/**
 * The public verification of a document (the QR code's page): what it is, who issued it when, the SHA-256 of the
 * signed PDF, and its status. Personal data only as the paper shows it, masked.
 */
export async function getDocumentVerification(deps: Deps, documentId: string): Promise<DocumentVerification> {
  const found = await deps.db.selectFrom('case_documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!found) throw notFound('applications.document_not_found', 'No document with this identifier was issued here.');
  const d = await pendingFinished(deps, found);
  const c = await deps.db.selectFrom('cases').select(['case_number', 'applicant_name', 'applicant_kind']).where('id', '=', d.case_id).executeTakeFirstOrThrow();
  const content = JSON.parse(d.content) as FrozenContent;
  return {
    id: d.id, number: d.number, kind: d.kind, title: d.title,
    department: { id: d.department_id, name: content.document.department },
    issuedOn: deps.calendar.chinaDate(d.issued_at), issuedAt: d.issued_at,
    caseNumber: maskCaseNumber(c.case_number), addressee: maskName(c.applicant_name, c.applicant_kind),
    status: d.status === 'ready' ? 'issued' : 'pending', sha256: d.sha256, size: d.size, sealedAt: d.ready_at,
  };
}

/** The deployment's root certificate (PEM): trust it once and every department's seal checks. */
export async function sealRootCertificate(deps: Deps): Promise<string> {
  if (!deps.seals) throw notFound('applications.seals_unavailable', 'This server does not seal documents.');
  return (await deps.seals.rootCertificate()).pem;
}
