/**
 * The rules of a form that the server and the browser must apply identically: how submitted values are normalised
 * (strings trimmed, empty values dropped), which fields are visible (`visibleIf`), which widget a field gets, and a
 * plain-TypeScript check of a whole form (`checkForm`) that gives the same errors as the server's Ajv validation
 * (validate.ts; a test holds the two together). Pure: imports only model.ts, messages.ts, formats.ts.
 */
import { capitalise, formError, formMessage, quoteLabel, titleOf, type FormErrorCode, type FormFieldError } from './messages.js';
import { UPPERCASE_FORMATS, formatProblem } from './formats.js';
import {
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_LENGTH,
  FORMAT_WIDGETS,
  type ColumnSchema,
  type FieldSchema,
  type FormData,
  type FormDefinition,
  type Lang,
  type LocalText,
  type PrefillValue,
  type Scalar,
  type VisibleIf,
  type Widget,
} from './model.js';

export const hasOwn = (o: object | undefined | null, k: string): boolean => !!o && Object.prototype.hasOwnProperty.call(o, k);
/** o[k] only when k is o's own key (names come from outside: `constructor` must not find Object's). */
export const own = <T>(o: Record<string, T> | undefined | null, k: string): T | undefined => (o && hasOwn(o, k) ? o[k] : undefined);
export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ----------------------------------------------------------------------------------------------------------------
// Looking things up in a definition

/** The schema of a top-level field, or of a table column named `table.column`. */
export function schemaAt(def: FormDefinition, key: string): FieldSchema | ColumnSchema | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return own(def.schema.properties, key);
  const table = own(def.schema.properties, key.slice(0, dot));
  return own(table?.items?.properties, key.slice(dot + 1));
}

/** Top-level field names in display order (sections in order, fields in section order). */
export function fieldOrder(def: FormDefinition): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of def.layout.sections) {
    for (const f of s.fields) {
      if (!seen.has(f) && hasOwn(def.schema.properties, f)) {
        seen.add(f);
        out.push(f);
      }
    }
  }
  for (const f of Object.keys(def.schema.properties)) if (!seen.has(f)) out.push(f);
  return out;
}

/** Column names of a table in display order. */
export function columnOrder(field: FieldSchema | undefined): string[] {
  return Object.keys(field?.items?.properties ?? {});
}

/** The widget of a field or `table.column`: the layout's hint, else chosen from type, format and enum. */
export function widgetOf(def: FormDefinition, key: string): Widget {
  const hinted = own(def.layout.widgets, key);
  if (hinted) return hinted;
  const f = schemaAt(def, key);
  return f ? defaultWidget(f) : 'input';
}

export function defaultWidget(f: FieldSchema | ColumnSchema): Widget {
  switch (f.type) {
    case 'array':
      return 'table';
    case 'boolean':
      return 'checkbox';
    case 'number':
    case 'integer':
      return f.enum ? 'select' : 'number';
    default: {
      const byFormat = f.format ? FORMAT_WIDGETS[f.format] : undefined;
      if (byFormat) return byFormat;
      if (f.enum) return f.enum.length <= 4 ? 'radio' : 'select';
      return (f.maxLength ?? 0) > 200 ? 'textarea' : 'input';
    }
  }
}

export function helpOf(def: FormDefinition, key: string, lang: Lang): string | undefined {
  const h = own(def.layout.help, key);
  return h ? localText(h, lang) : undefined;
}

export function localText(t: LocalText, lang: Lang): string {
  return lang === 'en' ? t.en || t.zh : t.zh;
}

/** The choices of an enum with their display names in the language. */
export function enumOptions(f: FieldSchema | ColumnSchema, lang: Lang): Array<{ value: Scalar; label: string }> {
  return (f.enum ?? []).map((value, i) => {
    const t = f['x-enum-titles']?.[i];
    return { value, label: t ? localText(t, lang) : String(value) };
  });
}

export const effectiveMaxLength = (f: FieldSchema | ColumnSchema): number => f.maxLength ?? DEFAULT_MAX_LENGTH;
export const effectiveMaxItems = (f: FieldSchema): number => f.maxItems ?? DEFAULT_MAX_ITEMS;

/** Is this boolean a "tick to confirm" box (`enum: [true]`)? */
export const mustBeTicked = (f: FieldSchema | ColumnSchema): boolean => f.type === 'boolean' && f.enum?.length === 1 && f.enum[0] === true;

/** The code of a missing required value: 请填写 for what is typed, 请选择 for what is chosen, 请勾选 for a confirmation. */
export function requiredCode(def: FormDefinition, key: string): FormErrorCode {
  const f = schemaAt(def, key);
  if (f && mustBeTicked(f)) return 'form.must_accept';
  if (f?.type === 'boolean') return 'form.required_choice';
  const w = widgetOf(def, key);
  return w === 'select' || w === 'radio' || w === 'date' || w === 'region' || w === 'checkbox' ? 'form.required_choice' : 'form.required';
}

// ----------------------------------------------------------------------------------------------------------------
// Normalisation: strings trimmed (ID numbers and USCCs upper-cased), null and '' dropped. Unknown keys are kept as
// they are, so that they are reported.

function normalizeScalar(f: ColumnSchema | FieldSchema | undefined, v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v !== 'string') return v;
  let s = v.trim();
  if (f?.format && UPPERCASE_FORMATS.includes(f.format)) s = s.toUpperCase();
  return s === '' ? undefined : s;
}

function normalizeRow(columns: Record<string, ColumnSchema>, row: unknown): unknown {
  if (!isPlainObject(row)) return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const col = own(columns, k);
    const nv = col ? normalizeScalar(col, v) : v;
    if (nv !== undefined) out[k] = nv;
  }
  return out;
}

/** The submitted value as the rules see it. Anything but an object is returned unchanged (and is an error). */
export function normalizeFormData(def: FormDefinition, data: unknown): unknown {
  if (!isPlainObject(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const f = own(def.schema.properties, k);
    let nv: unknown;
    if (!f) nv = v;
    else if (f.type === 'array') nv = v === null ? undefined : Array.isArray(v) ? v.map((r) => normalizeRow(f.items?.properties ?? {}, r)) : v;
    else nv = normalizeScalar(f, v);
    if (nv !== undefined) out[k] = nv;
  }
  return out;
}

/** A prefilled or locked value compared with what was submitted, normalised the same way. */
export function normalizeValue(f: FieldSchema | ColumnSchema | undefined, v: unknown): unknown {
  return normalizeScalar(f, v);
}

// ----------------------------------------------------------------------------------------------------------------
// Visibility

/** Does a (normalised) value pass a visibleIf test? An absent value passes none, except nothing. */
export function testCondition(cond: VisibleIf, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (cond.notEmpty) return !(Array.isArray(value) && value.length === 0);
  if (cond.in) return cond.in.some((x) => x === value);
  return value === cond.equals;
}

/** Is a top-level field shown for these (normalised) data? A field is hidden when the field it depends on is. */
export function isFieldVisible(def: FormDefinition, field: string, data: FormData, depth = 0): boolean {
  const cond = own(def.layout.visibleIf, field);
  if (!cond) return true;
  if (depth > 40) return false;
  return isFieldVisible(def, cond.field, data, depth + 1) && testCondition(cond, own(data, cond.field));
}

/** Is a column shown in this (normalised) row? */
export function isColumnVisible(def: FormDefinition, table: string, column: string, row: Record<string, unknown>, depth = 0): boolean {
  const cond = own(def.layout.visibleIf, `${table}.${column}`);
  if (!cond) return true;
  if (depth > 40) return false;
  return isColumnVisible(def, table, cond.field, row, depth + 1) && testCondition(cond, own(row, cond.field));
}

/** The (normalised) data without the values of hidden fields and hidden columns. */
export function stripHidden(def: FormDefinition, data: FormData): FormData {
  const out: FormData = {};
  for (const [k, v] of Object.entries(data)) {
    const f = own(def.schema.properties, k);
    if (!f) {
      out[k] = v;
      continue;
    }
    if (!isFieldVisible(def, k, data)) continue;
    if (f.type === 'array' && Array.isArray(v)) {
      out[k] = v.map((row) => {
        if (!isPlainObject(row)) return row;
        const r: Record<string, unknown> = {};
        for (const [c, cv] of Object.entries(row)) if (!own(f.items?.properties, c) || isColumnVisible(def, k, c, row)) r[c] = cv;
        return r;
      });
    } else out[k] = v;
  }
  return out;
}

// ----------------------------------------------------------------------------------------------------------------
// Errors: one per path, the most telling one, in the order of the form

export interface Problem {
  field: string;
  code: FormErrorCode;
  limit?: number;
}

/** When a path has several problems, the first of this list is reported (the browser check stops at it). */
const PRIORITY: FormErrorCode[] = [
  'form.locked_field_changed',
  'form.not_object',
  'form.unknown_field',
  'form.required',
  'form.required_choice',
  'form.type_string',
  'form.type_number',
  'form.type_integer',
  'form.type_boolean',
  'form.type_array',
  'form.type_object',
  'form.must_accept',
  'form.enum',
  'form.date',
  'form.email',
  'form.phone',
  'form.region_code',
  'form.id_number_length',
  'form.id_number_format',
  'form.id_number_region',
  'form.id_number_birth_date',
  'form.id_number_check_digit',
  'form.uscc_length',
  'form.uscc_charset',
  'form.uscc_check_digit',
  'form.min_length',
  'form.max_length',
  'form.pattern',
  'form.minimum',
  'form.maximum',
  'form.min_items',
  'form.max_items',
];
const rank = (c: FormErrorCode) => {
  const i = PRIORITY.indexOf(c);
  return i < 0 ? PRIORITY.length : i;
};

/** Orders paths as the form shows them: sections and fields in layout order, then rows, then columns; unknown last. */
export function comparePaths(def: FormDefinition): (a: string, b: string) => number {
  const order = fieldOrder(def);
  const key = (path: string): number[] => {
    if (!path) return [-1];
    const [name, row, col] = path.split('.');
    const top = order.indexOf(name);
    const cols = columnOrder(own(def.schema.properties, name));
    const c = col === undefined ? -1 : cols.indexOf(col);
    return [top < 0 ? order.length : top, row === undefined ? -1 : Number(row), col === undefined ? -1 : c < 0 ? cols.length : c];
  };
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? -1) - (kb[i] ?? -1);
      if (d) return d;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** Keep the most telling problem of each path, put them in the order of the form and word them. */
export function finishErrors(def: FormDefinition, problems: Problem[], lang: Lang): FormFieldError[] {
  const best = new Map<string, Problem>();
  for (const p of problems) {
    const cur = best.get(p.field);
    if (!cur || rank(p.code) < rank(cur.code)) best.set(p.field, p);
  }
  const compare = comparePaths(def);
  const sorted = [...best.values()].sort((a, b) => compare(a.field, b.field));
  return sorted.map((p) => formError(def, p.field, p.code, lang, p.limit));
}

/** The limit a message of `code` mentions, read from the definition (for messages re-worded from a code alone). */
function limitFor(def: FormDefinition, key: string, code: FormErrorCode): number | undefined {
  const f = schemaAt(def, key);
  if (!f) return undefined;
  if (code === 'form.min_length') return f.minLength;
  if (code === 'form.max_length') return effectiveMaxLength(f);
  if (code === 'form.minimum') return f.minimum;
  if (code === 'form.maximum') return f.maximum;
  if (code === 'form.min_items' && f.type === 'array') return f.minItems;
  if (code === 'form.max_items' && f.type === 'array') return effectiveMaxItems(f);
  return undefined;
}

const keyOfPath = (path: string) =>
  path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .join('.');

/**
 * The message of an error code at a path, worded again in `lang` (an error from the server re-worded when the
 * language changes). `short` names only the last part of the path (请填写「股东名称」 instead of
 * 请填写「股东」第 1 行「股东名称」), for a table cell that shows its own error.
 */
export function messageFor(def: FormDefinition, path: string, code: FormErrorCode, lang: Lang, short = false): string {
  const limit = limitFor(def, keyOfPath(path), code);
  if (!short) return formError(def, path, code, lang, limit).message;
  const f = schemaAt(def, keyOfPath(path));
  const label = quoteLabel(f ? titleOf(f, lang) : (path.split('.').at(-1) ?? ''), lang);
  return capitalise(formMessage(code, lang, { field: label, limit }), lang);
}

// ----------------------------------------------------------------------------------------------------------------
// The check of one value and of a whole form, in plain TypeScript (the browser's; the server uses Ajv)

const patterns = new Map<string, RegExp>();
function patternOf(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) {
    re = new RegExp(p, 'u');
    if (patterns.size > 500) patterns.clear();
    patterns.set(p, re);
  }
  return re;
}

/** The first problem of a present (normalised) scalar value, or null. Same order as PRIORITY. */
export function scalarProblem(f: ColumnSchema | FieldSchema, v: unknown): { code: FormErrorCode; limit?: number } | null {
  switch (f.type) {
    case 'string':
      if (typeof v !== 'string') return { code: 'form.type_string' };
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'form.type_number' };
      break;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) return { code: 'form.type_integer' };
      break;
    case 'boolean':
      if (typeof v !== 'boolean') return { code: 'form.type_boolean' };
      break;
    default:
      return null;
  }
  if (f.enum && !f.enum.some((x) => x === v)) return { code: mustBeTicked(f) ? 'form.must_accept' : 'form.enum' };
  if (typeof v === 'string') {
    if (f.format) {
      const c = formatProblem(f.format, v);
      if (c) return { code: c };
    }
    const len = [...v].length;
    if (f.minLength !== undefined && len < f.minLength) return { code: 'form.min_length', limit: f.minLength };
    const max = effectiveMaxLength(f);
    if (len > max) return { code: 'form.max_length', limit: max };
    if (f.pattern !== undefined && !patternOf(f.pattern).test(v)) return { code: 'form.pattern' };
  }
  if (typeof v === 'number') {
    if (f.minimum !== undefined && v < f.minimum) return { code: 'form.minimum', limit: f.minimum };
    if (f.maximum !== undefined && v > f.maximum) return { code: 'form.maximum', limit: f.maximum };
  }
  return null;
}

export interface CheckOptions {
  lang: Lang;
  /** Values of locked prefill fields as the registry gave them: a different submitted value is an error. */
  locked?: Record<string, unknown>;
}

export interface FormCheckResult {
  ok: boolean;
  /** Normalised, without hidden fields. */
  value: FormData;
  errors: FormFieldError[];
}

/** Locked prefill fields whose submitted value is not the registry's. */
export function lockedProblems(def: FormDefinition, value: FormData, locked: Record<string, unknown> | undefined): Problem[] {
  if (!locked || !def.prefill) return [];
  const out: Problem[] = [];
  for (const [field, rule] of Object.entries(def.prefill)) {
    if (!rule.lock || !hasOwn(locked, field)) continue;
    const f = own(def.schema.properties, field);
    const expected = normalizeValue(f, locked[field]);
    if (expected === undefined || !isFieldVisible(def, field, value)) continue;
    if (own(value, field) !== expected) out.push({ field, code: 'form.locked_field_changed' });
  }
  return out;
}

/**
 * Check a whole form in plain TypeScript: normalise, drop hidden fields, then the schema's rules. Gives the same
 * errors as the server's `compileForm(def).validate` (which uses Ajv): the browser's check before submitting.
 */
export function checkForm(def: FormDefinition, data: unknown, opts: CheckOptions): FormCheckResult {
  const normalized = normalizeFormData(def, data);
  if (!isPlainObject(normalized)) return { ok: false, value: {}, errors: finishErrors(def, [{ field: '', code: 'form.not_object' }], opts.lang) };
  const value = stripHidden(def, normalized);
  const problems: Problem[] = [];
  const props = def.schema.properties;
  const required = new Set(def.schema.required ?? []);
  for (const k of Object.keys(value)) if (!hasOwn(props, k)) problems.push({ field: k, code: 'form.unknown_field' });
  for (const [name, f] of Object.entries(props)) {
    if (!hasOwn(value, name)) {
      if (required.has(name) && isFieldVisible(def, name, value)) problems.push({ field: name, code: requiredCode(def, name) });
      continue;
    }
    const v = value[name];
    if (f.type !== 'array') {
      const p = scalarProblem(f, v);
      if (p) problems.push({ field: name, ...p });
      continue;
    }
    if (!Array.isArray(v)) {
      problems.push({ field: name, code: 'form.type_array' });
      continue;
    }
    if (f.minItems !== undefined && v.length < f.minItems) problems.push({ field: name, code: 'form.min_items', limit: f.minItems });
    if (v.length > effectiveMaxItems(f)) problems.push({ field: name, code: 'form.max_items', limit: effectiveMaxItems(f) });
    const columns = f.items?.properties ?? {};
    const requiredColumns = new Set(f.items?.required ?? []);
    v.forEach((row: unknown, i) => {
      const at = `${name}.${i}`;
      if (!isPlainObject(row)) {
        problems.push({ field: at, code: 'form.type_object' });
        return;
      }
      for (const c of Object.keys(row)) if (!hasOwn(columns, c)) problems.push({ field: `${at}.${c}`, code: 'form.unknown_field' });
      for (const [c, col] of Object.entries(columns)) {
        if (!hasOwn(row, c)) {
          if (requiredColumns.has(c) && isColumnVisible(def, name, c, row)) problems.push({ field: `${at}.${c}`, code: requiredCode(def, `${name}.${c}`) });
          continue;
        }
        const p = scalarProblem(col, row[c]);
        if (p) problems.push({ field: `${at}.${c}`, ...p });
      }
    });
  }
  problems.push(...lockedProblems(def, value, opts.locked));
  const errors = finishErrors(def, problems, opts.lang);
  return { ok: errors.length === 0, value, errors };
}

// ----------------------------------------------------------------------------------------------------------------
// Prefill

/** Fields whose prefilled value may not be changed. */
export function lockedFields(def: FormDefinition): string[] {
  return Object.entries(def.prefill ?? {})
    .filter(([, r]) => r.lock)
    .map(([k]) => k);
}

/**
 * The form's value with the registry's values put in: locked fields always take the registry's value, the others
 * only when empty. Fields the definition does not prefill are left alone.
 */
export function applyPrefill(def: FormDefinition, value: FormData, prefill: Record<string, PrefillValue> | undefined): FormData {
  if (!prefill) return value;
  const out: FormData = { ...value };
  for (const [field, p] of Object.entries(prefill)) {
    if (!hasOwn(def.schema.properties, field)) continue;
    const current = own(out, field);
    if (p.locked || current === undefined || current === null || current === '') out[field] = p.value;
  }
  return out;
}
