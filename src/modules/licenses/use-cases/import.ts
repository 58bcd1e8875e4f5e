import { Type, type Static } from 'typebox';
import type { Actor } from '../../../platform/actor.js';
import type { Deps } from '../../../platform/deps.js';
import { withTx } from '../../../platform/db/database.js';
import { forbidden, invalid, type FieldProblem } from '../../../platform/errors.js';
import { recordChange } from '../../../platform/record.js';
import { compileStrict } from '../../../platform/http/validation.js';
import { parseImportFile } from '../../../platform/import-file.js';
import { buildLicenceId, parseLicenceId } from '../../../platform/crypto/licence-id.js';
import { findDepartmentByUscc } from '../../org/index.js';
import { canIssueFor } from '../licenses.policy.js';
import { findLicenceByNumber, findType, isTypeIssuer, type TypeRow } from '../licenses.queries.js';
import { HolderInput, TypeCode, DateString } from '../licenses.schemas.js';
import { checkDates, checkFields, checkHolder, issueCore, sameLicence, type Holder } from './issue.js';

/**
 * Bulk import of a department's existing licences (docs/formats/licences.md). All or nothing: every row is checked
 * first, and any problem rejects the file with each problem as { row, field, reason } and nothing written. A row
 * whose licence (issuer, type, number) was imported before with the same content is left alone (idempotent
 * re-import); with other content it is an error. Correct files are issued in one transaction.
 */

export const LICENCES_FORMAT = 'tongban.licences/1';
export const MAX_IMPORT_ROWS = 20_000;

const ImportRow = Type.Object({
  typeCode: TypeCode,
  number: Type.String({ minLength: 1, maxLength: 40 }),
  licenceId: Type.Optional(Type.String({ maxLength: 200 })),
  holder: HolderInput,
  issuedOn: DateString,
  validFrom: Type.Optional(DateString),
  validTo: Type.Optional(Type.Union([DateString, Type.Null()])),
  fields: Type.Record(Type.String(), Type.Unsafe<unknown>({})),
}, { additionalProperties: false });
type ImportRow = Static<typeof ImportRow>;

const checkRow = compileStrict<ImportRow>(ImportRow);

interface ReadyRow {
  row: number;
  type: TypeRow;
  holder: Holder;
  fields: Record<string, unknown>;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  number: string;
}

export async function importLicences(deps: Deps, actor: Actor, text: string): Promise<{ issued: number; unchanged: number; licenceIds: string[] }> {
  const doc = parseImportFile(text, LICENCES_FORMAT);
  const rows = Array.isArray(doc.licences) ? doc.licences : null;
  if (!rows) throw invalid('import.invalid_rows', 'The file needs a "licences" array.', [{ row: 0, field: 'licences', reason: 'is required (an array)' }]);
  if (rows.length === 0) throw invalid('import.invalid_rows', 'The file has no licences.', [{ row: 0, field: 'licences', reason: 'is empty' }]);
  if (rows.length > MAX_IMPORT_ROWS) throw invalid('import.too_many_rows', `At most ${MAX_IMPORT_ROWS} licences per file.`);
  if (typeof doc.issuer !== 'string') throw invalid('import.invalid_rows', 'The file must name its issuing department ("issuer": its USCC).', [{ row: 0, field: 'issuer', reason: 'is required' }]);
  const dept = await findDepartmentByUscc(deps.db, doc.issuer);
  if (!dept) throw invalid('import.invalid_rows', `No department with USCC ${doc.issuer}.`, [{ row: 0, field: 'issuer', reason: 'no such department' }]);
  if (!canIssueFor(actor, dept.id)) throw forbidden('licenses.not_issuer_staff', `Only officers of ${dept.name} may import its licences.`);

  return withTx(deps.db, async (tx) => {
    const problems: FieldProblem[] = [];
    const add = (row: number, field: string, reason: string) => problems.push({ row, field, reason });
    const today = deps.calendar.chinaDate(deps.clock.now());
    const types = new Map<string, TypeRow | null>();
    const typeOf = async (code: string, row: number): Promise<TypeRow | null> => {
      if (!types.has(code)) {
        const t = await findType(tx, code);
        types.set(code, t && t.status === 'active' && (await isTypeIssuer(tx, code, dept.id)) ? t : null);
        if (!t) add(row, 'typeCode', 'no such licence type');
        else if (t.status !== 'active') add(row, 'typeCode', `${t.name} is retired`);
        else if (!types.get(code)) add(row, 'typeCode', `${dept.name} does not issue ${t.name}`);
        return types.get(code)!;
      }
      const t = types.get(code)!;
      if (!t) add(row, 'typeCode', 'cannot be imported (see its first row)');
      return t;
    };
    const seen = new Map<string, number>();
    const ready: ReadyRow[] = [];
    let unchanged = 0;
    for (let i = 0; i < rows.length; i++) {
      const n = i + 1;
      const c = checkRow(rows[i]);
      if (!c.ok) {
        for (const d of c.details) add(n, d.field === 'row' ? '' : d.field, d.reason);
        continue;
      }
      const r = c.value;
      const type = await typeOf(r.typeCode, n);
      if (!type) continue;
      const before = problems.length;
      if (!/^[0-9A-Z]{1,40}$/.test(r.number)) add(n, 'number', 'must be 1–40 characters of 0-9A-Z (it is the serial of the licence identifier)');
      const dupKey = `${r.typeCode}|${r.number}`;
      if (seen.has(dupKey)) add(n, 'number', `repeats row ${seen.get(dupKey)}`);
      seen.set(dupKey, n);
      const h = checkHolder(type, r.holder, today);
      const f = checkFields(type, r.fields);
      const d = checkDates(type, { issuedOn: r.issuedOn, validFrom: r.validFrom, validTo: r.validTo }, today);
      for (const p of [...h.problems, ...f.problems, ...d.problems]) add(n, p.field, p.reason);
      if (r.licenceId !== undefined && problems.length === before) {
        const parsed = parseLicenceId(r.licenceId);
        const expected = buildLicenceId({ typeCode: type.code, issuerCode: dept.uscc, serial: r.number, version: '001' });
        if (!parsed.ok) add(n, 'licenceId', parsed.code === 'check_mismatch' ? `has a wrong check character (expected ${parsed.expectedCheck})` : parsed.message);
        else if (r.licenceId !== expected) add(n, 'licenceId', `does not match this issuer, type and number (expected ${expected})`);
      }
      if (problems.length > before) continue;
      const existing = await findLicenceByNumber(tx, dept.id, type.code, r.number);
      if (existing) {
        if (sameLicence(existing, h.holder!, f.values, d.validFrom, d.validTo)) unchanged++;
        else add(n, 'number', `${type.name} number ${r.number} was already issued with other content (${existing.licence_id})`);
        continue;
      }
      ready.push({ row: n, type, holder: h.holder!, fields: f.values, issuedOn: r.issuedOn, validFrom: d.validFrom, validTo: d.validTo, number: r.number });
    }
    if (problems.length) {
      throw invalid('import.invalid_rows', `${problems.length} problem(s) in the file; nothing was imported.`, problems.slice(0, 1000));
    }
    const ids: string[] = [];
    for (const r of ready) {
      const row = await issueCore(tx, deps, actor, { type: r.type, dept, holder: r.holder, fields: r.fields, issuedOn: r.issuedOn, validFrom: r.validFrom, validTo: r.validTo, number: r.number, source: 'import', quiet: true });
      if (ids.length < 1000) ids.push(row.licence_id);
    }
    await recordChange(tx, deps, actor, {
      audit: { action: 'license.imported', targetType: 'department', targetId: dept.id, departmentId: dept.id, regionCode: dept.region_code, details: { issued: ready.length, unchanged, rows: rows.length } },
      event: { aggregateType: 'department', aggregateId: dept.id, departmentId: dept.id, payload: { issued: ready.length, unchanged } },
    });
    return { issued: ready.length, unchanged, licenceIds: ids };
  });
}
