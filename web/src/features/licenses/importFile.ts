/**
 * The bulk import file, in the browser: a `tongban.licences/1` JSON document goes to the server as it is; a CSV file
 * (one licence a row, the columns below) is turned into that JSON document first, with the department's USCC as the
 * issuer and each `field.<key>` cell typed by the licence type's field definition. Templates for both.
 *
 * CSV columns: typeCode, number, licenceId (optional), holderKind (person | enterprise), holderIdNumber,
 * holderUscc, holderName, issuedOn, validFrom, validTo (YYYY-MM-DD; empty: from the type's rule / 长期), and one
 * `field.<key>` column per licence field. Row n of the CSV (under the header) is licence n of the JSON document, so
 * the server's per-row errors point at the same rows.
 */
import { USCC_ALPHABET } from '../../lib/codes';
import { LICENCES_FORMAT, type LicenceField, type LicenceType } from './api';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A USCC with its GB 32100 check character (for the template's example holder). */
function withUsccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** RFC 4180 CSV: quoted cells with "" escapes and line breaks, CRLF or LF, a UTF-8 BOM ignored. Returns rows with their line numbers. */
export function parseCsv(text: string, quoteProblem: string): Array<{ line: number; cells: string[] }> {
  const s = text.replace(/^\uFEFF/, '');
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      i += 1;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      i += 1;
      continue;
    }
    if (c === '\r' && s[i + 1] === '\n') i += 1;
    if (c === '\n' || c === '\r') {
      endRow();
      line += 1;
      rowLine = line;
      i += 1;
      continue;
    }
    cell += c;
    i += 1;
  }
  if (quoted) throw new CsvError(rowLine, quoteProblem);
  if (cell !== '' || cells.length) endRow();
  return rows;
}

export const CSV_BASE_COLUMNS = ['typeCode', 'number', 'licenceId', 'holderKind', 'holderIdNumber', 'holderUscc', 'holderName', 'issuedOn', 'validFrom', 'validTo'] as const;
const REQUIRED_COLUMNS = ['typeCode', 'number', 'holderName', 'issuedOn'];

function typed(field: LicenceField | undefined, raw: string): unknown {
  const v = raw.trim();
  if (!field) return v;
  if (field.type === 'number') {
    const n = Number(v);
    return v !== '' && Number.isFinite(n) ? n : v;
  }
  if (field.type === 'boolean') {
    if (/^(true|是|1|y|yes)$/i.test(v)) return true;
    if (/^(false|否|0|n|no)$/i.test(v)) return false;
    return v;
  }
  return v;
}

export interface CsvMessages {
  quote: string;
  columns: string;
  noRows: string;
  badHeader: (columns: string) => string;
}

/** The type codes a CSV names (to fetch their field definitions before converting). */
export function csvTypeCodes(rows: Array<{ cells: string[] }>): string[] {
  if (rows.length < 2) return [];
  const i = rows[0].cells.map((h) => h.trim()).indexOf('typeCode');
  if (i < 0) return [];
  return [...new Set(rows.slice(1).map((r) => (r.cells[i] ?? '').trim()).filter((c) => /^[0-9A-Z]{21}$/.test(c)))];
}

/** CSV rows → the `tongban.licences/1` document. */
export function csvToDocument(rows: Array<{ line: number; cells: string[] }>, issuer: string, types: Map<string, LicenceType>, m: CsvMessages): { format: string; issuer: string; licences: unknown[] } {
  if (rows.length < 2) throw new CsvError(1, m.noRows);
  const header = rows[0].cells.map((h) => h.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new CsvError(rows[0].line, m.badHeader(missing.join(', ')));
  const licences = rows.slice(1).map((r) => {
    if (r.cells.length !== header.length) throw new CsvError(r.line, m.columns);
    const cell = (name: string) => {
      const i = header.indexOf(name);
      return i < 0 ? '' : r.cells[i].trim();
    };
    const typeCode = cell('typeCode');
    const type = types.get(typeCode);
    const kind = cell('holderKind') || type?.holderKind || (cell('holderUscc') ? 'enterprise' : 'person');
    const holder: Record<string, string> = { kind, name: cell('holderName') };
    if (cell('holderIdNumber')) holder.idNumber = cell('holderIdNumber');
    if (cell('holderUscc')) holder.uscc = cell('holderUscc');
    const fields: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (!h.startsWith('field.') && !h.startsWith('fields.')) return;
      const key = h.slice(h.indexOf('.') + 1);
      if (r.cells[i].trim() === '') return;
      fields[key] = typed(type?.fields.find((f) => f.key === key), r.cells[i]);
    });
    const row: Record<string, unknown> = { typeCode, number: cell('number'), holder, issuedOn: cell('issuedOn'), fields };
    if (cell('licenceId')) row.licenceId = cell('licenceId');
    if (cell('validFrom')) row.validFrom = cell('validFrom');
    if (cell('validTo')) row.validTo = cell('validTo');
    return row;
  });
  return { format: LICENCES_FORMAT, issuer, licences };
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function sampleValue(f: LicenceField): string {
  if (f.type === 'date') return '2024-01-15';
  if (f.type === 'number') return '100';
  if (f.type === 'boolean') return 'true';
  return f.name;
}

/** A one-row example of a type: the JSON document and the CSV with the same content. */
export function templates(type: LicenceType, issuer: string): { json: string; csv: string } {
  const person = type.holderKind === 'person';
  const holder = person ? { kind: 'person', idNumber: '390102198803152430', name: '张三' } : { kind: 'enterprise', uscc: withUsccCheck('91390102MA7XM3C1X'), name: '澜州市明湖区示例有限公司' };
  const fields = Object.fromEntries(type.fields.map((f) => [f.key, f.type === 'number' ? 100 : f.type === 'boolean' ? true : sampleValue(f)]));
  const validTo = type.validity.mode === 'specified' ? '2034-01-14' : undefined;
  const row = { typeCode: type.code, number: 'DEMO2024000001', holder, issuedOn: '2024-01-15', ...(validTo ? { validTo } : {}), fields };
  const json = JSON.stringify({ format: LICENCES_FORMAT, issuer, licences: [row] }, null, 2);
  const header = [...CSV_BASE_COLUMNS, ...Object.keys(fields).map((k) => `field.${k}`)];
  const values: Record<string, string> = {
    typeCode: type.code,
    number: row.number,
    licenceId: '',
    holderKind: holder.kind,
    holderIdNumber: person ? (holder as { idNumber: string }).idNumber : '',
    holderUscc: person ? '' : (holder as { uscc: string }).uscc,
    holderName: holder.name,
    issuedOn: row.issuedOn,
    validFrom: '',
    validTo: validTo ?? '',
  };
  for (const [k, v] of Object.entries(fields)) values[`field.${k}`] = String(v);
  const csv = `\uFEFF${header.join(',')}\r\n${header.map((h) => csvCell(values[h] ?? '')).join(',')}\r\n`;
  return { json, csv };
}

/** Saves text as a file. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
