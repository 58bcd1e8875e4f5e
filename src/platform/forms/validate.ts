/**
 * Server-side validation of submitted forms with Ajv 8 (allErrors, no coercion, unknown fields rejected) and the
 * definition check the catalogue editor uses. Messages come from messages.ts, in Chinese and English.
 *
 * A submission goes: normalise (trim strings, upper-case ID numbers and USCCs, drop null and '') → drop the values
 * of fields hidden by `visibleIf` → Ajv against the compiled JSON Schema (where a conditionally shown required field
 * is required through `if`/`then`) → locked prefill fields compared with the registry's values.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { AppError } from '../errors.js';
import { FormDefinition as FormDefinitionSchema } from './form-definition.js';
import { formatProblem } from './formats.js';
import { FORMAT_WIDGETS, PREFILL_ATTRIBUTES, STRING_FORMATS, type ColumnSchema, type FieldSchema, type FormDefinition, type Lang, type RowSchema, type VisibleIf } from './model.js';
import {
  effectiveMaxItems,
  effectiveMaxLength,
  finishErrors,
  hasOwn,
  isPlainObject,
  lockedProblems,
  mustBeTicked,
  normalizeFormData,
  own,
  requiredCode,
  schemaAt,
  stripHidden,
  type FormCheckResult,
  type Problem,
} from './rules.js';
import type { FormErrorCode } from './messages.js';

export type FormValidationResult = FormCheckResult;

export interface ValidateOptions {
  lang: Lang;
  /** Values of the locked prefill fields as the registry gives them; a submitted value that differs is rejected. */
  locked?: Record<string, unknown>;
}

export interface CompiledForm {
  readonly definition: FormDefinition;
  /** sha256 of the definition's canonical JSON: the cache key, and a stable id of the form's version. */
  readonly hash: string;
  /** The JSON Schema the submissions are validated against (after normalisation and hiding). */
  readonly jsonSchema: object;
  validate(data: unknown, opts: ValidateOptions): FormValidationResult;
}

/** `{ field, reason }` like every other field problem of the API; `field` is a dotted path in the definition. */
export interface DefinitionProblem {
  field: string;
  reason: string;
}

// ----------------------------------------------------------------------------------------------------------------
// Ajv instances

// strictRequired is off because an `if`/`then` requires a property that the parent schema defines.
const formAjv = new Ajv({ allErrors: true, strict: true, strictRequired: false, coerceTypes: false, useDefaults: false, removeAdditional: false, unicodeRegExp: true, messages: false });
for (const format of STRING_FORMATS) formAjv.addFormat(format, { type: 'string', validate: (s: string) => formatProblem(format, s) === null });

const definitionAjv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, verbose: true });
const checkDefinitionShape = definitionAjv.compile(FormDefinitionSchema as object);

// ----------------------------------------------------------------------------------------------------------------
// Definition → JSON Schema

function scalarJson(f: ColumnSchema | FieldSchema): Record<string, unknown> {
  const out: Record<string, unknown> = { type: f.type, title: f.title };
  if (f.enum) out.enum = f.enum;
  if (f.type === 'string') {
    if (f.format) out.format = f.format;
    if (f.minLength !== undefined) out.minLength = f.minLength;
    out.maxLength = effectiveMaxLength(f);
    if (f.pattern !== undefined) out.pattern = f.pattern;
  }
  if (f.type === 'number' || f.type === 'integer') {
    if (f.minimum !== undefined) out.minimum = f.minimum;
    if (f.maximum !== undefined) out.maximum = f.maximum;
  }
  return out;
}

function conditionJson(cond: VisibleIf): Record<string, unknown> {
  const test = cond.notEmpty ? {} : cond.in ? { enum: cond.in } : { const: cond.equals };
  return { type: 'object', required: [cond.field], properties: { [cond.field]: test } };
}

/** Required names split into the always-required and, per conditional field, an if/then. */
function requiredJson(names: string[] | undefined, condOf: (name: string) => VisibleIf | undefined): { required: string[]; allOf: object[] } {
  const required: string[] = [];
  const allOf: object[] = [];
  for (const n of names ?? []) {
    const cond = condOf(n);
    if (cond) allOf.push({ if: conditionJson(cond), then: { type: 'object', required: [n] } });
    else required.push(n);
  }
  return { required, allOf };
}

function rowJson(def: FormDefinition, table: string, row: RowSchema): Record<string, unknown> {
  const properties = Object.fromEntries(Object.entries(row.properties).map(([k, c]) => [k, scalarJson(c)]));
  const { required, allOf } = requiredJson(row.required, (c) => own(def.layout.visibleIf, `${table}.${c}`));
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}), ...(allOf.length ? { allOf } : {}) };
}

/**
 * The JSON Schema of a form's submissions: what the server validates after normalising the data and dropping hidden
 * fields. A conditionally shown field that is required is required only when its condition holds (`if`/`then`);
 * the `x-` keywords (English titles, enum titles) are left out.
 */
export function toJsonSchema(def: FormDefinition): object {
  const properties: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(def.schema.properties)) {
    properties[k] =
      f.type === 'array'
        ? { type: 'array', title: f.title, items: rowJson(def, k, f.items ?? { type: 'object', properties: {} }), ...(f.minItems !== undefined ? { minItems: f.minItems } : {}), maxItems: effectiveMaxItems(f) }
        : scalarJson(f);
  }
  const { required, allOf } = requiredJson(def.schema.required, (n) => own(def.layout.visibleIf, n));
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}), ...(allOf.length ? { allOf } : {}) };
}

// ----------------------------------------------------------------------------------------------------------------
// Ajv errors → problems

const TYPE_CODES: Record<string, FormErrorCode> = {
  string: 'form.type_string',
  number: 'form.type_number',
  integer: 'form.type_integer',
  boolean: 'form.type_boolean',
  array: 'form.type_array',
  object: 'form.type_object',
};

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);
const dotted = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
/** `shareholders.0.idNumber` → `shareholders.idNumber` (the key of widgets, help, visibleIf). */
const keyOf = (path: string) => path.split('.').filter((s) => !/^\d+$/.test(s)).join('.');

function valueAt(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const s of path ? path.split('.') : []) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isPlainObject(cur)) cur = own(cur, s);
    else return undefined;
  }
  return cur;
}

function problemOf(def: FormDefinition, e: ErrorObject, data: unknown): Problem | null {
  const path = dotted(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const limit = typeof p.limit === 'number' ? p.limit : undefined;
  switch (e.keyword) {
    case 'required': {
      const field = join(path, String(p.missingProperty));
      return { field, code: requiredCode(def, keyOf(field)) };
    }
    case 'additionalProperties':
      return { field: join(path, String(p.additionalProperty)), code: 'form.unknown_field' };
    case 'type':
      return path ? { field: path, code: TYPE_CODES[String(p.type)] ?? 'form.type_string' } : { field: '', code: 'form.not_object' };
    case 'enum': {
      const f = schemaAt(def, keyOf(path));
      return { field: path, code: f && mustBeTicked(f) ? 'form.must_accept' : 'form.enum' };
    }
    case 'format': {
      const value = valueAt(data, path);
      const code = typeof value === 'string' ? formatProblem(p.format as (typeof STRING_FORMATS)[number], value) : null;
      return { field: path, code: code ?? 'form.pattern' };
    }
    case 'minLength':
      return { field: path, code: 'form.min_length', limit };
    case 'maxLength':
      return { field: path, code: 'form.max_length', limit };
    case 'pattern':
      return { field: path, code: 'form.pattern' };
    case 'minimum':
      return { field: path, code: 'form.minimum', limit };
    case 'maximum':
      return { field: path, code: 'form.maximum', limit };
    case 'minItems':
      return { field: path, code: 'form.min_items', limit };
    case 'maxItems':
      return { field: path, code: 'form.max_items', limit };
    default:
      return null; // if / allOf: their `then` already reported what is missing
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Compiling and validating

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The hash of a definition. Key order of objects does not matter, except where it is meaning: the order of a table's
 * columns (its `items.properties`) is the display order, so it is part of the hash.
 */
export function definitionHash(def: FormDefinition): string {
  const columnOrders = Object.entries(def.schema.properties)
    .filter(([, f]) => f.items)
    .map(([k, f]) => [k, Object.keys(f.items?.properties ?? {})]);
  return createHash('sha256').update(stableJson({ def, columnOrders })).digest('hex');
}

const CACHE_MAX = 256;
const cache = new Map<string, CompiledForm>();

/**
 * Compile a definition once (cached by its hash) into a validator. Throws AppError invalid `form.definition_invalid`
 * with the problems as details when the definition is outside the supported format.
 */
export function compileForm(def: FormDefinition): CompiledForm {
  const same = byObject.get(def); // the same definition object again (a cached guide): no need to hash it
  if (same) return same;
  const compiled = compileByHash(def);
  byObject.set(def, compiled);
  return compiled;
}
const byObject = new WeakMap<FormDefinition, CompiledForm>();

function compileByHash(def: FormDefinition): CompiledForm {
  const hash = definitionHash(def);
  const hit = cache.get(hash);
  if (hit) {
    cache.delete(hash);
    cache.set(hash, hit); // most recently used last
    return hit;
  }
  const problems = definitionProblems(def);
  if (problems.length) {
    const first = problems[0];
    throw new AppError('invalid', 'form.definition_invalid', `The form definition is not valid: ${first.field} ${first.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, problems);
  }
  const definition = structuredClone(def);
  const jsonSchema = toJsonSchema(definition);
  const check: ValidateFunction = formAjv.compile(jsonSchema);
  const compiled: CompiledForm = {
    definition,
    hash,
    jsonSchema,
    validate(data, opts) {
      const normalized = normalizeFormData(definition, data);
      if (!isPlainObject(normalized)) return { ok: false, value: {}, errors: finishErrors(definition, [{ field: '', code: 'form.not_object' }], opts.lang) };
      const value = stripHidden(definition, normalized);
      const problems: Problem[] = [];
      if (!check(value)) {
        for (const e of check.errors ?? []) {
          const p = problemOf(definition, e, value);
          if (p) problems.push(p);
        }
      }
      problems.push(...lockedProblems(definition, value, opts.locked));
      const errors = finishErrors(definition, problems, opts.lang);
      return { ok: errors.length === 0, value, errors };
    },
  };
  cache.set(hash, compiled);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** Validate once (compiles, or takes the cached validator). */
export function validateForm(def: FormDefinition, data: unknown, opts: ValidateOptions): FormValidationResult {
  return compileForm(def).validate(data, opts);
}

// ----------------------------------------------------------------------------------------------------------------
// The definition check

const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const FIELD_PATH = /^\/schema\/properties\/[^/]+(\/items\/properties\/[^/]+)?$/;

function shapeProblems(errors: ErrorObject[]): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  for (const e of errors) {
    const path = dotted(e.instancePath);
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(p.additionalProperty);
        const field = join(path, name);
        const parent = e.parentSchema as { patternProperties?: object } | undefined;
        if (parent?.patternProperties) {
          out.push({ field, reason: /\./.test(name) && /widgets|visibleIf|help/.test(path) ? 'is not a field or table.column name' : 'is not a valid name: a letter, then up to 39 letters, digits or _' });
        } else if (FIELD_PATH.test(e.instancePath)) {
          out.push({ field, reason: `keyword "${name}" is not supported in form fields (see docs/formats/forms.md)` });
        } else out.push({ field, reason: 'is not part of the form definition format' });
        break;
      }
      case 'required':
        out.push({ field: join(path, String(p.missingProperty)), reason: 'is required' });
        break;
      case 'enum':
        out.push({ field: path, reason: `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` });
        break;
      case 'const':
        out.push({ field: path, reason: `must be ${JSON.stringify(p.allowedValue)}` });
        break;
      case 'type':
        out.push({ field: path, reason: `must be of type ${Array.isArray(p.type) ? p.type.join(' or ') : String(p.type)}` });
        break;
      case 'pattern':
        out.push({ field: path, reason: 'is not a valid name: a letter, then up to 39 letters, digits or _' });
        break;
      case 'minLength':
      case 'maxLength':
        out.push({ field: path, reason: `must have ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)} characters` });
        break;
      case 'minItems':
      case 'maxItems':
      case 'maxProperties':
        out.push({ field: path, reason: `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} entries` });
        break;
      case 'minimum':
      case 'maximum':
        out.push({ field: path, reason: `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}` });
        break;
      case 'uniqueItems':
        out.push({ field: path, reason: 'has the same entry twice' });
        break;
      default:
        out.push({ field: path, reason: e.message ?? 'is not valid' });
    }
  }
  const seen = new Set<string>();
  return out.filter((d) => (seen.has(d.field + d.reason) ? false : (seen.add(d.field + d.reason), true)));
}

const KEYWORDS_BY_TYPE: Record<string, string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format', 'enum', 'x-enum-titles'],
  number: ['minimum', 'maximum', 'enum', 'x-enum-titles'],
  integer: ['minimum', 'maximum', 'enum', 'x-enum-titles'],
  boolean: ['enum'],
  array: ['items', 'minItems', 'maxItems'],
};
const ALL_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'format', 'enum', 'x-enum-titles', 'minimum', 'maximum', 'items', 'minItems', 'maxItems'];

const valueFits = (type: string, v: unknown) =>
  type === 'string' ? typeof v === 'string' : type === 'integer' ? Number.isInteger(v) : type === 'number' ? typeof v === 'number' : type === 'boolean' ? typeof v === 'boolean' : false;

function fieldProblems(path: string, f: FieldSchema | ColumnSchema, at: (path: string, reason: string) => void): void {
  const allowed = KEYWORDS_BY_TYPE[f.type] ?? [];
  for (const k of ALL_KEYWORDS) {
    if ((f as unknown as Record<string, unknown>)[k] !== undefined && !allowed.includes(k)) at(`${path}.${k}`, `does not apply to type ${f.type}`);
  }
  if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) at(`${path}.minLength`, 'is greater than maxLength');
  if (f.minimum !== undefined && f.maximum !== undefined && f.minimum > f.maximum) at(`${path}.minimum`, 'is greater than maximum');
  if (f.pattern !== undefined) {
    try {
      new RegExp(f.pattern, 'u');
    } catch {
      at(`${path}.pattern`, 'is not a valid regular expression (Unicode mode)');
    }
  }
  if (f.enum) {
    f.enum.forEach((v, i) => {
      if (!valueFits(f.type, v)) at(`${path}.enum.${i}`, `is not a value of type ${f.type}`);
    });
    if (new Set(f.enum).size !== f.enum.length) at(`${path}.enum`, 'has the same value twice');
    if (f.type === 'boolean' && !(f.enum.length === 1 && f.enum[0] === true)) at(`${path}.enum`, 'of a boolean can only be [true] (must be ticked)');
    if (f['x-enum-titles'] && f['x-enum-titles'].length !== f.enum.length) at(`${path}.x-enum-titles`, `must have one title per enum value (${f.enum.length})`);
  } else if (f['x-enum-titles']) at(`${path}.x-enum-titles`, 'needs an enum');
}

const WIDGET_TYPES: Record<string, string[]> = {
  input: ['string'],
  textarea: ['string'],
  select: ['string', 'number', 'integer', 'boolean'],
  radio: ['string', 'number', 'integer', 'boolean'],
  checkbox: ['boolean'],
  number: ['number', 'integer'],
  date: ['string'],
  idNumber: ['string'],
  uscc: ['string'],
  phone: ['string'],
  region: ['string'],
  table: ['array'],
};

/**
 * What is wrong with a form definition, as `{ field, reason }` with dotted paths (`schema.properties.capital.multipleOf`).
 * Empty when the definition is fine. `prefix` is the definition's own path in a larger document (e.g. `guide.form`).
 */
export function definitionProblems(def: unknown, prefix = ''): DefinitionProblem[] {
  const withPrefix = (ps: DefinitionProblem[]) => (prefix ? ps.map((p) => ({ field: p.field ? `${prefix}.${p.field}` : prefix, reason: p.reason })) : ps);
  if (!checkDefinitionShape(def)) return withPrefix(shapeProblems(checkDefinitionShape.errors ?? []));
  const d = def as FormDefinition;
  const out: DefinitionProblem[] = [];
  const at = (field: string, reason: string) => out.push({ field, reason });
  const props = d.schema.properties;
  const names = Object.keys(props);
  if (!names.length) at('schema.properties', 'a form has at least one field');

  for (const [name, f] of Object.entries(props)) {
    const path = `schema.properties.${name}`;
    if (RESERVED_NAMES.has(name)) at(path, `"${name}" is a reserved name`);
    fieldProblems(path, f, at);
    if (f.type !== 'array') continue;
    if (!f.items) {
      at(`${path}.items`, 'a table (type array) describes its row in items');
      continue;
    }
    if (f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems) at(`${path}.minItems`, 'is greater than maxItems');
    const columns = Object.entries(f.items.properties);
    if (!columns.length) at(`${path}.items.properties`, 'a table has at least one column');
    for (const [c, col] of columns) {
      if (RESERVED_NAMES.has(c)) at(`${path}.items.properties.${c}`, `"${c}" is a reserved name`);
      fieldProblems(`${path}.items.properties.${c}`, col, at);
    }
    (f.items.required ?? []).forEach((c, i) => {
      if (!hasOwn(f.items?.properties, c)) at(`${path}.items.required.${i}`, `"${c}" is not a column of this table`);
    });
  }
  (d.schema.required ?? []).forEach((n, i) => {
    if (!hasOwn(props, n)) at(`schema.required.${i}`, `"${n}" is not a field of the form`);
  });

  // Sections: every field in exactly one place.
  const placed = new Map<string, string>();
  const sectionKeys = new Set<string>();
  d.layout.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) at(`layout.sections.${si}.key`, `"${s.key}" is used by another section`);
    sectionKeys.add(s.key);
    s.fields.forEach((n, fi) => {
      const path = `layout.sections.${si}.fields.${fi}`;
      if (!hasOwn(props, n)) at(path, `"${n}" is not a field of the form`);
      else if (placed.has(n)) at(path, `"${n}" is already placed at ${placed.get(n)}`);
      else placed.set(n, path);
    });
  });
  for (const n of names) if (!placed.has(n)) at(`schema.properties.${n}`, 'is not placed in any section (layout.sections[].fields)');

  // Widgets.
  for (const [key, w] of Object.entries(d.layout.widgets ?? {})) {
    const path = `layout.widgets.${key}`;
    const f = schemaAt(d, key);
    if (!f) {
      at(path, `"${key}" is not a field or table column of the form`);
      continue;
    }
    if (!WIDGET_TYPES[w].includes(f.type)) at(path, `widget "${w}" cannot show a field of type ${f.type}`);
    else if ((w === 'select' || w === 'radio') && f.type !== 'boolean' && !f.enum) at(path, `widget "${w}" needs an enum of choices`);
    else {
      const format = (Object.entries(FORMAT_WIDGETS) as Array<[string, string]>).find(([, widget]) => widget === w)?.[0];
      if (format && f.format !== format) at(path, `widget "${w}" goes with format "${format}"`);
    }
  }
  for (const [name, f] of Object.entries(props)) {
    const w = own(d.layout.widgets, name);
    if (f.type === 'array' && w && w !== 'table') at(`layout.widgets.${name}`, 'a table field is shown as "table"');
  }

  // visibleIf.
  const vis = d.layout.visibleIf ?? {};
  for (const [key, cond] of Object.entries(vis)) {
    const path = `layout.visibleIf.${key}`;
    const target = schemaAt(d, key);
    if (!target) {
      at(path, `"${key}" is not a field or table column of the form`);
      continue;
    }
    const dot = key.indexOf('.');
    const table = dot < 0 ? null : key.slice(0, dot);
    const self = dot < 0 ? key : key.slice(dot + 1);
    const controller = table ? own(own(props, table)?.items?.properties, cond.field) : own(props, cond.field);
    if (cond.field === self) at(`${path}.field`, 'a field cannot depend on itself');
    else if (!controller) at(`${path}.field`, table ? `"${cond.field}" is not a column of the same table` : `"${cond.field}" is not a field of the form`);
    else if (controller.type === 'array') at(`${path}.field`, 'a field cannot depend on a table');
    const tests = [cond.equals !== undefined, cond.in !== undefined, cond.notEmpty !== undefined].filter(Boolean).length;
    if (tests !== 1) at(path, 'needs exactly one of equals, in, notEmpty');
    if (controller && controller.type !== 'array') {
      const values = cond.equals !== undefined ? [cond.equals] : (cond.in ?? []);
      values.forEach((v) => {
        const where = cond.equals !== undefined ? `${path}.equals` : `${path}.in`;
        if (!valueFits(controller.type, v)) at(where, `${JSON.stringify(v)} is not a value of type ${controller.type}`);
        else if (controller.enum && !controller.enum.includes(v)) at(where, `${JSON.stringify(v)} is not one of the choices of "${cond.field}"`);
      });
    }
    // Cycles: follow the chain of conditions from this key.
    const seen = new Set<string>([key]);
    let next: string | undefined = table ? `${table}.${cond.field}` : cond.field;
    while (next && hasOwn(vis, next)) {
      if (seen.has(next)) {
        at(path, 'the conditions of visibleIf form a cycle');
        break;
      }
      seen.add(next);
      next = table ? `${table}.${vis[next].field}` : vis[next].field;
    }
  }

  // Help.
  for (const key of Object.keys(d.layout.help ?? {})) if (!schemaAt(d, key)) at(`layout.help.${key}`, `"${key}" is not a field or table column of the form`);

  // Prefill.
  for (const [field, rule] of Object.entries(d.prefill ?? {})) {
    const path = `prefill.${field}`;
    const f = own(props, field);
    if (!f) at(path, `"${field}" is not a field of the form`);
    else if (f.type === 'array') at(path, 'a table cannot be prefilled');
    const known: readonly string[] = PREFILL_ATTRIBUTES[rule.source];
    if (!known.includes(rule.attribute)) at(`${path}.attribute`, `the ${rule.source} registry has no attribute "${rule.attribute}" (known: ${known.join(', ')})`);
  }
  return withPrefix(out);
}
