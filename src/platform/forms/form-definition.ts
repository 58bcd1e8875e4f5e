import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../http/schema-types.js';
import * as m from './model.js';

/*
 * The TypeBox schema of a form definition (model.ts has the same shape as plain interfaces for code that must not
 * load TypeBox, such as the web app). It checks the *structure*: which keywords exist where, with additionalProperties
 * false everywhere, so that an unsupported keyword is reported at its path. `definitionProblems` (validate.ts) adds the
 * rules between parts (a keyword the type does not take, layout names that do not exist, cycles of visibleIf …).
 * No `anyOf` is used, so that a schema error names one path and one reason.
 */

const Name = Type.String({ pattern: m.FIELD_NAME_PATTERN });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const LocalText = Type.Object({ zh: Text(500), en: Type.String({ maxLength: 500 }) }, { additionalProperties: false });
const ScalarValue = Type.Unsafe<m.Scalar>({ type: ['string', 'number', 'boolean'] });
/** A map keyed by field names (or `table.column` where `dotted`), nothing else. */
const NameMap = <T extends TSchema>(value: T, dotted = false, maxProperties = 400) =>
  Type.Unsafe<Record<string, Static<T>>>({
    type: 'object',
    patternProperties: { [dotted ? '^[a-zA-Z][a-zA-Z0-9_]{0,39}(\\.[a-zA-Z][a-zA-Z0-9_]{0,39})?$' : m.FIELD_NAME_PATTERN]: value },
    additionalProperties: false,
    maxProperties,
  });

const scalarKeywords = {
  title: Text(200),
  'x-title-en': Type.Optional(Type.String({ maxLength: 300 })),
  minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  format: Type.Optional(StringEnum(m.STRING_FORMATS)),
  enum: Type.Optional(Type.Array(ScalarValue, { minItems: 1, maxItems: 300 })),
  'x-enum-titles': Type.Optional(Type.Array(LocalText, { minItems: 1, maxItems: 300 })),
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
};

export const ColumnSchema = Type.Object({ type: StringEnum(m.SCALAR_TYPES), ...scalarKeywords }, { additionalProperties: false });

export const RowSchema = Type.Object({
  type: Type.Literal('object'),
  properties: NameMap(ColumnSchema, false, 40),
  required: Type.Optional(Type.Array(Name, { maxItems: 40, uniqueItems: true })),
  additionalProperties: Type.Optional(Type.Literal(false)),
}, { additionalProperties: false });

export const FieldSchema = Type.Object({
  type: StringEnum(m.FIELD_TYPES),
  ...scalarKeywords,
  items: Type.Optional(RowSchema),
  minItems: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
}, { additionalProperties: false });

export const FormSchema = Type.Object({
  type: Type.Literal('object'),
  properties: NameMap(FieldSchema, false, 300),
  required: Type.Optional(Type.Array(Name, { maxItems: 300, uniqueItems: true })),
  additionalProperties: Type.Optional(Type.Literal(false)),
}, { additionalProperties: false });

export const FormSection = Type.Object({
  key: Name,
  title: LocalText,
  description: Type.Optional(LocalText),
  fields: Type.Array(Name, { minItems: 1, maxItems: 300 }),
}, { additionalProperties: false });

export const VisibleIf = Type.Object({
  field: Name,
  equals: Type.Optional(ScalarValue),
  in: Type.Optional(Type.Array(ScalarValue, { minItems: 1, maxItems: 300 })),
  notEmpty: Type.Optional(Type.Literal(true)),
}, { additionalProperties: false });

export const FormLayout = Type.Object({
  sections: Type.Array(FormSection, { minItems: 1, maxItems: 50 }),
  widgets: Type.Optional(NameMap(StringEnum(m.WIDGETS), true)),
  visibleIf: Type.Optional(NameMap(VisibleIf, true)),
  help: Type.Optional(NameMap(LocalText, true)),
}, { additionalProperties: false });

export const PrefillRule = Type.Object({
  source: StringEnum(Object.keys(m.PREFILL_ATTRIBUTES) as m.PrefillSource[]),
  attribute: Name,
  lock: Type.Boolean(),
}, { additionalProperties: false });

/** A form: JSON Schema subset + layout hints + prefill rules. See docs/formats/forms.md. */
export const FormDefinition = Type.Object({
  schema: FormSchema,
  layout: FormLayout,
  prefill: Type.Optional(NameMap(PrefillRule)),
}, { additionalProperties: false, description: 'online application form: JSON Schema subset, layout hints, prefill (docs/formats/forms.md)' });
export type FormDefinition = m.FormDefinition;

// The TypeBox schema and the plain interfaces describe the same shape (checked by the compiler).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Static<typeof FormDefinition>, m.FormDefinition> = true;
void sameShape;
