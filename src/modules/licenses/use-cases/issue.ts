import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import { AppError, conflict, forbidden, invalid, type FieldProblem } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { recordChange } from '../../../platform/record.js';
import { notify } from '../../../platform/notifications.js';
import { explainCitizenId, explainUscc } from '../../../platform/codes.js';
import { buildLicenceId } from '../../../platform/crypto/licence-id.js';
import { generateSigningJwk, jwkThumbprint, toPublicJwk, type EcPrivateJwk, type EcPublicJwk } from '../../../platform/crypto/jws.js';
import { issueSdJwtVc } from '../../../platform/crypto/sd-jwt.js';
import { DEFAULT_STATUS_LIST_SIZE } from '../../../platform/crypto/status-list.js';
import { findDepartmentById } from '../../org/index.js';
import { canIssueFor } from '../licenses.policy.js';
import { findLicenceByNumber, findLicenceForCase, findType, isTypeIssuer, type TypeRow } from '../licenses.queries.js';
import type { LicensesTable } from '../licenses.tables.js';
import type { IssueBody } from '../licenses.schemas.js';
import { findLocalIssuer, issuerUrl, rememberLocalIssuer, signerFor } from './runtime.js';
import { raiseTypeCounts } from './type-counts.js';

/*
 * Issuance: the one path every licence takes (from a case's approval, an officer's form, a bulk import, the demo).
 * Each licence gets its GB/T 36904 identifier, an entry in its issuer's status list, and its SD-JWT VC signed with the
 * issuing department's key and bound to the holder's key; the row, the audit entry and the `license.issued` event
 * are written in the caller's transaction.
 */

export interface HolderRef {
  kind: 'person' | 'enterprise';
  idNumber?: string;
  uscc?: string;
  name: string;
  userId?: string;
}

export interface Holder {
  kind: 'person' | 'enterprise';
  /** ID number or USCC. */
  key: string;
  name: string;
  userId: string | null;
}

/** person:<ID number> | enterprise:<USCC>: the holder-key and presentation owner. */
export const holderLabel = (h: { kind: string; key: string }): string => `${h.kind}:${h.key}`;

export type Department = NonNullable<Awaited<ReturnType<typeof findDepartmentById>>>;

// ---------------------------------------------------------------------------------------------
// Input checks (shared by every path; bulk import collects them per row)
// ---------------------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1900;
}

/** `date` plus `years`, minus one day (a licence valid for 5 years from 2026-03-01 ends on 2031-02-28). */
export function addYearsMinusDay(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** Seconds at the start of a China calendar day, and at its end. */
export const dayStartSec = (date: string): number => Date.parse(`${date}T00:00:00+08:00`) / 1000;
export const dayEndSec = (date: string): number => dayStartSec(date) + 86_400;

const ID_REASONS: Record<string, string> = {
  length: 'must be 18 characters',
  format: 'must be 17 digits and a digit or X',
  region: 'does not start with a known region code',
  birth_date: 'does not carry a real birth date',
  check_digit: 'has a wrong check character (GB 11643)',
  charset: 'has characters outside the GB 32100 alphabet',
};

export function checkHolder(type: TypeRow, h: HolderRef, today: string, prefix = 'holder'): { holder?: Holder; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (h.kind !== type.holder_kind) problems.push({ field: `${prefix}.kind`, reason: `licences of type ${type.name} are held by a${type.holder_kind === 'person' ? ' person' : 'n enterprise'}` });
  const name = typeof h.name === 'string' ? h.name.trim() : '';
  if (!name || name.length > 100) problems.push({ field: `${prefix}.name`, reason: 'is required (at most 100 characters)' });
  let key = '';
  if (h.kind === 'person') {
    key = String(h.idNumber ?? '').toUpperCase();
    const e = explainCitizenId(key, { today });
    if (!h.idNumber) problems.push({ field: `${prefix}.idNumber`, reason: 'is required for a person' });
    else if (!e.ok) problems.push({ field: `${prefix}.idNumber`, reason: ID_REASONS[e.reason] ?? 'is not a valid ID number' });
  } else {
    key = String(h.uscc ?? '').toUpperCase();
    const e = explainUscc(key);
    if (!h.uscc) problems.push({ field: `${prefix}.uscc`, reason: 'is required for an enterprise' });
    else if (!e.ok) problems.push({ field: `${prefix}.uscc`, reason: e.reason === 'check_digit' ? 'has a wrong check character (GB 32100)' : ID_REASONS[e.reason] ?? 'is not a valid unified social credit code' });
  }
  if (problems.length) return { problems };
  return { holder: { kind: h.kind, key, name, userId: h.userId ?? null }, problems };
}

/** The type's fields: required ones present, each of its type, nothing unknown. Returns the normalised values. */
export function checkFields(type: TypeRow, fields: unknown, prefix = 'fields'): { values: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return { values, problems: [{ field: prefix, reason: 'must be an object' }] };
  const given = fields as Record<string, unknown>;
  const known = new Set(type.fields.map((f) => f.key));
  for (const k of Object.keys(given)) if (!known.has(k)) problems.push({ field: `${prefix}.${k}`, reason: `is not a field of ${type.name}` });
  for (const f of type.fields) {
    const v = given[f.key];
    const at = `${prefix}.${f.key}`;
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push({ field: at, reason: `is required (${f.name})` });
      continue;
    }
    if (f.type === 'string') {
      if (typeof v !== 'string') problems.push({ field: at, reason: 'must be text' });
      else if (v.trim().length > (f.maxLength ?? 500)) problems.push({ field: at, reason: `must be at most ${f.maxLength ?? 500} characters` });
      else values[f.key] = v.trim();
    } else if (f.type === 'date') {
      if (!isRealDate(v)) problems.push({ field: at, reason: 'must be a date YYYY-MM-DD' });
      else values[f.key] = v;
    } else if (f.type === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ field: at, reason: 'must be a number' });
      else values[f.key] = v;
    } else if (typeof v !== 'boolean') problems.push({ field: at, reason: 'must be true or false' });
    else values[f.key] = v;
  }
  return { values, problems };
}

/** Validity from the type's rule: valid from the issue date (unless given); the end follows the rule or is given. */
export function checkDates(type: TypeRow, d: { issuedOn: string; validFrom?: string | null; validTo?: string | null }, today: string): { validFrom: string; validTo: string | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const validFrom = d.validFrom ?? d.issuedOn;
  if (!isRealDate(d.issuedOn)) problems.push({ field: 'issuedOn', reason: 'must be a date YYYY-MM-DD' });
  else if (d.issuedOn > today) problems.push({ field: 'issuedOn', reason: 'is in the future' });
  if (!isRealDate(validFrom)) problems.push({ field: 'validFrom', reason: 'must be a date YYYY-MM-DD' });
  if (d.validTo != null && !isRealDate(d.validTo)) problems.push({ field: 'validTo', reason: 'must be a date YYYY-MM-DD' });
  if (problems.length) return { validFrom, validTo: null, problems };
  const rule = type.validity;
  let validTo: string | null = d.validTo ?? null;
  if (rule.mode === 'permanent') {
    if (validTo) problems.push({ field: 'validTo', reason: `${type.name} is valid without limit (长期): leave validTo out` });
    validTo = null;
  } else if (rule.mode === 'years') {
    const end = addYearsMinusDay(validFrom, rule.years ?? 1);
    if (validTo && validTo > end) problems.push({ field: 'validTo', reason: `is later than the ${rule.years}-year validity allows (${end})` });
    validTo = validTo ?? end;
  } else {
    if (!validTo) problems.push({ field: 'validTo', reason: `is required: ${type.name} is valid until a date set at issuance` });
    else if (rule.maxYears && validTo > addYearsMinusDay(validFrom, rule.maxYears)) problems.push({ field: 'validTo', reason: `is later than the ${rule.maxYears} years allowed` });
  }
  if (validTo && validTo < validFrom) problems.push({ field: 'validTo', reason: 'is before validFrom' });
  else if (validTo && validTo < today) problems.push({ field: 'validTo', reason: 'has passed: the licence would be expired' });
  return { validFrom, validTo, problems };
}

// ---------------------------------------------------------------------------------------------
// Holder keys (holder binding): a P-256 key per holder, private part sealed under the deployment secret
// ---------------------------------------------------------------------------------------------

const HOLDER_KEY_FORMAT = 'tongban-holder-key/1';

function holderKeyAad(holder: string): Buffer {
  return Buffer.from(`${HOLDER_KEY_FORMAT}\n${holder}`, 'utf8');
}

function sealHolderKey(deps: Deps, holder: string, jwk: EcPrivateJwk): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deps.keys.derive('licence-holder-keys', 32), iv);
  cipher.setAAD(holderKeyAad(holder));
  const ct = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return [iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The holder's private key; throws when the sealed record was altered or sealed under another secret. */
export async function openHolderKey(deps: Deps, db: DbOrTx, holder: string): Promise<EcPrivateJwk> {
  const row = await db.selectFrom('license_holder_keys').select(['sealed', 'kid']).where('holder', '=', holder).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'licenses.no_holder_key', 'This holder has no key: the licence cannot be presented.');
  try {
    const [iv, ct, tag] = row.sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const d = createDecipheriv('aes-256-gcm', deps.keys.derive('licence-holder-keys', 32), iv);
    d.setAAD(holderKeyAad(holder));
    d.setAuthTag(tag);
    const jwk = JSON.parse(Buffer.concat([d.update(ct), d.final()]).toString('utf8')) as EcPrivateJwk;
    if (jwkThumbprint(jwk) !== row.kid) throw new Error('kid');
    return jwk;
  } catch {
    throw new Error(`holder key of ${holder} does not open (altered, or sealed under another secret)`);
  }
}

/** The holder's public key, made on first issuance to the holder. */
export async function holderPublicKey(tx: Tx, deps: Deps, holder: string): Promise<EcPublicJwk> {
  const row = await tx.selectFrom('license_holder_keys').select('public_jwk').where('holder', '=', holder).executeTakeFirst();
  if (row) return JSON.parse(row.public_jwk) as EcPublicJwk;
  const jwk = generateSigningJwk('ES256');
  const pub = toPublicJwk(jwk);
  await tx.insertInto('license_holder_keys')
    .values({ holder, kid: jwkThumbprint(pub), public_jwk: JSON.stringify(pub), sealed: sealHolderKey(deps, holder, jwk), created_at: deps.clock.nowIso() })
    .onConflict((oc) => oc.column('holder').doNothing())
    .execute();
  const again = await tx.selectFrom('license_holder_keys').select('public_jwk').where('holder', '=', holder).executeTakeFirstOrThrow();
  return JSON.parse(again.public_jwk) as EcPublicJwk;
}

// ---------------------------------------------------------------------------------------------
// Status list entries and licence numbers
// ---------------------------------------------------------------------------------------------

/** Status list size: a power of two, so that the index permutation below is a bijection. */
export const LIST_SIZE = DEFAULT_STATUS_LIST_SIZE;
if ((LIST_SIZE & (LIST_SIZE - 1)) !== 0) throw new Error('status list size must be a power of two');

/** Entry n of a list sits at a fixed pseudo-random index, so neighbouring indexes do not betray issuance order. */
export const indexOfSeq = (seq: number, size = LIST_SIZE): number => (seq * 2654435761 + 40503) % size;

/** An entry on the department's current list for `iss` (a new list when it is full, or for a new issuer URL). */
export async function allocateStatusEntry(tx: Tx, deps: Deps, dept: Department, iss: string): Promise<{ listId: string; listNo: number; idx: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const list = await tx.selectFrom('license_status_lists').select(['id', 'list_no', 'size']).where('issuer_department_id', '=', dept.id).where('iss', '=', iss).orderBy('list_no', 'desc').limit(1).executeTakeFirst();
    if (list) {
      const r = await tx.updateTable('license_status_lists').set((eb) => ({ next_seq: eb('next_seq', '+', 1) }))
        .where('id', '=', list.id).where('next_seq', '<', list.size).returning('next_seq').executeTakeFirst();
      if (r) return { listId: list.id, listNo: list.list_no, idx: indexOfSeq(Number(r.next_seq) - 1, list.size) };
    }
    const last = await tx.selectFrom('license_status_lists').select('list_no').where('issuer_department_id', '=', dept.id).orderBy('list_no', 'desc').limit(1).executeTakeFirst();
    const now = deps.clock.nowIso();
    await tx.insertInto('license_status_lists')
      .values({ id: newId(), issuer_department_id: dept.id, issuer_code: dept.uscc, iss, list_no: (last?.list_no ?? 0) + 1, size: LIST_SIZE, bits: 2, next_seq: 0, version: 1, token: null, token_version: null, token_exp: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['issuer_department_id', 'list_no']).doNothing())
      .execute();
  }
  throw new Error('could not allocate a status list entry');
}

/** 证照编号 when none is given: the issue date and a per-department, per-type, per-day sequence (202611270001). */
async function nextNumber(tx: Tx, deptId: string, typeCode: string, day: string): Promise<string> {
  const r = await tx.insertInto('license_serial_counters')
    .values({ issuer_department_id: deptId, type_code: typeCode, day, last: 1 })
    .onConflict((oc) => oc.columns(['issuer_department_id', 'type_code', 'day']).doUpdateSet((eb) => ({ last: eb('license_serial_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${day.replace(/-/g, '')}${String(r.last).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The credential
// ---------------------------------------------------------------------------------------------

export const vctOf = (typeCode: string): string => `urn:tongban:licence-type:${typeCode}`;

/** The claims of a licence, which ones the holder may withhold, and the L4 fields kept out. */
export function credentialClaims(type: TypeRow, dept: Department, l: { licenceId: string; number: string; issuedOn: string; validFrom: string; validTo: string | null; holder: Holder; fields: Record<string, unknown> }) {
  const claims: Record<string, unknown> = {
    licence_id: l.licenceId,
    licence_type_code: type.code,
    licence_name: type.name,
    licence_number: l.number,
    issuer_name: dept.name,
    issuer_code: dept.uscc,
    region_code: dept.region_code,
    issue_date: l.issuedOn,
    valid_from: l.validFrom,
    valid_to: l.validTo,
    holder_kind: l.holder.kind,
    holder_id_type: l.holder.kind === 'person' ? '111' : '001',
    holder_name: l.holder.name,
    holder_id: l.holder.key,
  };
  const disclosable = ['holder_name', 'holder_id'];
  for (const f of type.fields) {
    if (!(f.key in l.fields) || f.level === 'L4') continue;
    claims[f.key] = l.fields[f.key];
    if (f.level !== 'L1') disclosable.push(f.key);
  }
  return { claims, disclosable };
}

export interface IssueCoreInput {
  type: TypeRow;
  dept: Department;
  holder: Holder;
  fields: Record<string, unknown>;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  number?: string;
  source: LicensesTable['source'];
  caseId?: string | null;
  caseNumber?: string | null;
  /** Write no notification (bulk import: thousands of rows). */
  quiet?: boolean;
}

/** Sign and store one licence, with its audit entry and event, in `tx`. Inputs are already checked. */
export async function issueCore(tx: Tx, deps: Deps, actor: Actor, input: IssueCoreInput): Promise<LicensesTable> {
  const { type, dept, holder } = input;
  const number = input.number ?? (await nextNumber(tx, dept.id, type.code, input.issuedOn));
  const licenceId = buildLicenceId({ typeCode: type.code, issuerCode: dept.uscc, serial: number, version: '001' });
  const iss = issuerUrl(deps, dept.uscc);
  if (!(await findLocalIssuer(deps, iss, tx))) {
    await tx.insertInto('license_issuers').values({ iss, department_id: dept.id, issuer_code: dept.uscc, created_at: deps.clock.nowIso() }).onConflict((oc) => oc.column('iss').doNothing()).execute();
    rememberLocalIssuer(deps, { iss, departmentId: dept.id, code: dept.uscc, name: dept.name, regionCode: dept.region_code });
  }
  const entry = await allocateStatusEntry(tx, deps, dept, iss);
  const holderJwk = await holderPublicKey(tx, deps, holderLabel(holder));
  const signer = await signerFor(deps, dept.uscc);
  const { claims, disclosable } = credentialClaims(type, dept, { licenceId, number, issuedOn: input.issuedOn, validFrom: input.validFrom, validTo: input.validTo, holder, fields: input.fields });
  const nowSec = Math.floor(deps.clock.nowMs() / 1000);
  const credential = await issueSdJwtVc({
    issuer: iss,
    vct: vctOf(type.code),
    claims,
    disclosable,
    signer,
    holderJwk,
    status: { idx: entry.idx, uri: `${iss}/status/${entry.listNo}` },
    iat: nowSec,
    nbf: dayStartSec(input.validFrom),
    ...(input.validTo ? { exp: dayEndSec(input.validTo) } : {}),
    decoys: 2,
  });
  const now = deps.clock.nowIso();
  const row: LicensesTable = {
    id: newId(), licence_id: licenceId, type_code: type.code, number, version: '001', issuer_department_id: dept.id, issuer_code: dept.uscc, iss,
    holder_kind: holder.kind, holder_key: holder.key, holder_name: holder.name, holder_user_id: holder.userId, fields: JSON.stringify(input.fields),
    credential, kid: signer.kid, alg: signer.alg, status: 'valid', status_reason: null, status_changed_at: null, list_id: entry.listId, status_idx: entry.idx,
    issued_on: input.issuedOn, valid_from: input.validFrom, valid_to: input.validTo, source: input.source, case_id: input.caseId ?? null,
    case_number: input.caseNumber ?? null, created_by: actor.username, created_at: now, updated_at: now,
  };
  await tx.insertInto('licenses').values(row).execute();
  await raiseTypeCounts(tx, deps.dialect, type.code, { issued: 1, valid: 1 });
  await recordChange(tx, deps, actor, {
    audit: { action: 'license.issued', targetType: 'license', targetId: licenceId, departmentId: dept.id, regionCode: dept.region_code, details: { typeCode: type.code, number, source: input.source, caseNumber: input.caseNumber ?? null } },
    event: { aggregateType: 'license', aggregateId: row.id, departmentId: dept.id, payload: { licenceId, typeCode: type.code, typeName: type.name, issuerDepartmentId: dept.id, holderKind: holder.kind, source: input.source, caseId: input.caseId ?? null } },
  });
  if (holder.userId && !input.quiet) {
    await notify(tx, deps.clock, { userId: holder.userId, kind: 'license.issued', params: { typeName: type.name, licenceId }, title: `您的${type.name}已签发，可在电子证照夹中查看和出示`, link: `/hall/licences/${encodeURIComponent(licenceId)}` });
  }
  return row;
}

/** The same person or enterprise with the same fields and dates: a repeated import row or retry, not a new licence. */
export function sameLicence(existing: LicensesTable, holder: Holder, fields: Record<string, unknown>, validFrom: string, validTo: string | null): boolean {
  return existing.holder_kind === holder.kind && existing.holder_key === holder.key && existing.holder_name === holder.name
    && existing.valid_from === validFrom && existing.valid_to === validTo && JSON.stringify(JSON.parse(existing.fields)) === JSON.stringify(fields);
}

function throwProblems(problems: FieldProblem[]): never {
  throw invalid('licenses.invalid_licence', `The licence has ${problems.length} problem(s): ${problems[0].field} ${problems[0].reason}.`, problems);
}

async function issuableType(db: DbOrTx, code: string): Promise<TypeRow> {
  const type = await findType(db, code);
  if (!type) throw invalid('licenses.unknown_type', `No licence type ${code} in the licence type catalogue.`);
  if (type.status !== 'active') throw conflict('licenses.type_retired', `Licence type ${type.name} is retired: nothing new is issued under it.`);
  return type;
}

async function issuingDepartment(db: DbOrTx, actor: Actor, departmentId: string, type: TypeRow): Promise<Department> {
  const dept = await findDepartmentById(db, departmentId);
  if (!dept) throw invalid('licenses.unknown_department', 'No such issuing department.');
  if (!canIssueFor(actor, dept.id)) throw forbidden('licenses.not_issuer_staff', 'Only officers of the issuing department may issue its licences.');
  if (!(await isTypeIssuer(db, type.code, dept.id))) throw forbidden('licenses.not_an_issuer', `${dept.name} does not issue ${type.name}.`);
  return dept;
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

export interface IssueForCaseInput {
  caseId: string;
  caseNumber: string;
  licenseTypeCode: string;
  issuerDepartmentId: string;
  holder: HolderRef;
  fields: Record<string, unknown>;
  /** ISO instant of the approval; the licence's issue date is its China calendar day. */
  issuedAt: string;
  /** For types whose validity is set at issuance ("specified"), or to start later than the issue date. */
  validFrom?: string;
  validTo?: string;
}

/**
 * Issue the licence a case's approval produces (the workflow's "issue licence" action), inside the caller's
 * transaction. Idempotent per (caseId, licenseTypeCode): a second call returns the licence issued the first time.
 */
export async function issueLicenceForCase(tx: Tx, deps: Deps, actor: Actor, input: IssueForCaseInput): Promise<{ licenceId: string; id: string }> {
  const existing = await findLicenceForCase(tx, input.caseId, input.licenseTypeCode);
  if (existing) return { licenceId: existing.licence_id, id: existing.id };
  const type = await issuableType(tx, input.licenseTypeCode);
  const dept = await issuingDepartment(tx, actor, input.issuerDepartmentId, type);
  const at = Date.parse(input.issuedAt);
  if (!Number.isFinite(at)) throw invalid('licenses.invalid_licence', 'issuedAt must be an ISO-8601 instant.', [{ field: 'issuedAt', reason: 'is not an instant' }]);
  const today = deps.calendar.chinaDate(deps.clock.now());
  const issuedOn = deps.calendar.chinaDate(new Date(Math.min(at, deps.clock.nowMs())));
  const h = checkHolder(type, input.holder, today);
  const f = checkFields(type, input.fields);
  const d = checkDates(type, { issuedOn, validFrom: input.validFrom, validTo: input.validTo }, today);
  const problems = [...h.problems, ...f.problems, ...d.problems];
  if (problems.length) throwProblems(problems);
  const row = await issueCore(tx, deps, actor, {
    type, dept, holder: h.holder!, fields: f.values, issuedOn, validFrom: d.validFrom, validTo: d.validTo, source: 'case', caseId: input.caseId, caseNumber: input.caseNumber,
  });
  return { licenceId: row.licence_id, id: row.id };
}

/** An officer of the issuing department issues a licence directly (POST /issue). A repeated number returns the first. */
export async function issueLicenceManually(deps: Deps, actor: Actor, body: IssueBody): Promise<{ row: LicensesTable; created: boolean }> {
  if (actor.kind !== 'staff' || !actor.departmentId) throw forbidden('licenses.not_issuer_staff', 'Only officers of the issuing department may issue its licences.');
  const departmentId = actor.departmentId;
  return withTx(deps.db, async (tx) => {
    const type = await issuableType(tx, body.typeCode);
    const dept = await issuingDepartment(tx, actor, departmentId, type);
    const today = deps.calendar.chinaDate(deps.clock.now());
    const h = checkHolder(type, body.holder, today);
    const f = checkFields(type, body.fields);
    const d = checkDates(type, { issuedOn: today, validFrom: body.validFrom, validTo: body.validTo }, today);
    const problems = [...h.problems, ...f.problems, ...d.problems];
    if (problems.length) throwProblems(problems);
    if (body.number) {
      const existing = await findLicenceByNumber(tx, dept.id, type.code, body.number);
      if (existing) {
        if (sameLicence(existing, h.holder!, f.values, d.validFrom, d.validTo)) return { row: existing, created: false };
        throw conflict('licenses.number_taken', `${dept.name} has already issued ${type.name} number ${body.number} with other content.`);
      }
    }
    const row = await issueCore(tx, deps, actor, { type, dept, holder: h.holder!, fields: f.values, issuedOn: today, validFrom: d.validFrom, validTo: d.validTo, number: body.number, source: 'manual' });
    return { row, created: true };
  });
}
