import { Type, type Static, type TSchema } from 'typebox';

/**
 * `T | null` for response schemas without `anyOf`: fast-json-stringify serialises an `anyOf` by validating each
 * branch at run time, which made a small reply noticeably slower. Scalars get a type list (`["string","null"]`),
 * objects and arrays OpenAPI's `nullable: true`; both are understood by the serialiser and by OpenAPI 3.0 readers.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const s = schema as unknown as { type?: string | string[] };
  const scalar = typeof s.type === 'string' && !['object', 'array'].includes(s.type);
  const out = scalar ? { ...schema, type: [s.type as string, 'null'] } : { ...schema, nullable: true };
  return Type.Unsafe<Static<T> | null>(out);
}

/** One of a few strings, as a plain `enum` (TypeBox's union of literals becomes an `anyOf`, slow to serialise). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
