import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

// Bodies are validated strictly: a wrong type is an error, never silently converted; unknown fields are rejected
// because every body schema says additionalProperties: false. Query strings and path params arrive as text and are coerced.
const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as any;
};

export interface FieldError {
  field: string;
  reason: string;
}

function reasonOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}"`;
    case 'type':
      return `must be of type ${String(p.type)}`;
    case 'minLength':
      return `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'pattern':
      return 'has the wrong format';
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'minimum':
    case 'maximum':
      return `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}`;
    case 'minItems':
    case 'maxItems':
      return `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} items`;
    default:
      return e.message ?? 'is invalid';
  }
}

export function describeValidation(errors: ErrorObject[], part: string): { message: string; details: FieldError[] } {
  const details: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, String((e.params as { missingProperty: string }).missingProperty)].filter(Boolean).join('.');
    const d = { field: field || part, reason: reasonOf(e) };
    const k = d.field + '|' + d.reason;
    if (!seen.has(k)) {
      seen.add(k);
      details.push(d);
    }
  }
  const first = details[0];
  const message = first ? `Invalid ${part}: ${first.field} ${first.reason}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}.` : `Invalid ${part}.`;
  return { message, details };
}

/** Validate a value against a schema with the strict body rules; for bulk imports row by row. */
export function compileStrict<T>(schema: object): (value: unknown) => { ok: true; value: T } | { ok: false; details: FieldError[] } {
  const validate = bodyAjv.compile(schema);
  return (value) => (validate(value) ? { ok: true, value: value as T } : { ok: false, details: describeValidation(validate.errors ?? [], 'row').details });
}
