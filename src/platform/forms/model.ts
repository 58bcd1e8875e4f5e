/**
 * The online-application form as data: a JSON Schema subset (what is asked and what is valid) plus layout hints
 * (sections, order, widgets, conditional fields, help) and prefill rules (免填报: which registry attribute fills a
 * field, and whether the applicant may change it). docs/formats/forms.md describes the format with an example.
 *
 * This file, `messages.ts`, `formats.ts` and `rules.ts` are pure TypeScript with no dependencies besides
 * `../codes.ts`: the web app imports them by relative path so that the browser checks a form with the same rules
 * and the same messages as the server. The TypeBox schema of the same shape is in `form-definition.ts` (server only).
 */

export type Lang = 'zh-CN' | 'en';

/** A text in both UI languages: Chinese first, English second. */
export interface LocalText {
  zh: string;
  en: string;
}

/** Field, column and section names: a letter, then letters, digits or `_` (no dots: dots separate paths). */
export const FIELD_NAME_PATTERN = '^[a-zA-Z][a-zA-Z0-9_]{0,39}$';
export const FIELD_NAME_RE = new RegExp(FIELD_NAME_PATTERN);

export const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];
export const FIELD_TYPES = [...SCALAR_TYPES, 'array'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * `format` values a string field may carry. `date` is a real calendar date written YYYY-MM-DD; the `tongban-*`
 * formats use the checks of src/platform/codes.ts (GB 11643 ID number, GB 32100 USCC, GB/T 2260 region code) and the
 * phone rule of the identity registry (mobile, or landline with area code).
 */
export const STRING_FORMATS = ['date', 'email', 'tongban-id-number', 'tongban-uscc', 'tongban-phone', 'tongban-region-code'] as const;
export type StringFormat = (typeof STRING_FORMATS)[number];

export const WIDGETS = ['input', 'textarea', 'select', 'radio', 'checkbox', 'date', 'number', 'idNumber', 'uscc', 'phone', 'region', 'table'] as const;
export type Widget = (typeof WIDGETS)[number];

/** Widgets that stand for one format: the widget and the format always go together (the definition check enforces it). */
export const FORMAT_WIDGETS: Partial<Record<StringFormat, Widget>> = {
  date: 'date',
  'tongban-id-number': 'idNumber',
  'tongban-uscc': 'uscc',
  'tongban-phone': 'phone',
  'tongban-region-code': 'region',
};

/**
 * Registry attributes a field may be prefilled from (the names of the identity module's `Person` and `Enterprise`
 * resources). Their provenance (source department, last update) is shown next to the prefilled value.
 */
export const PREFILL_ATTRIBUTES = {
  person: ['name', 'idNumber', 'sex', 'birthDate', 'ethnicity', 'hukouAddress', 'residenceAddress', 'phone', 'maritalStatus', 'regionCode'],
  enterprise: [
    'uscc', 'name', 'type', 'legalRepName', 'legalRepIdNumber', 'registeredAddress', 'registeredCapital', 'establishedOn',
    'businessScope', 'regionCode', 'status',
  ],
} as const;
export type PrefillSource = keyof typeof PREFILL_ATTRIBUTES;

/** Limits applied when a field does not set its own, so that every value is bounded. */
export const DEFAULT_MAX_LENGTH = 2000;
export const DEFAULT_MAX_ITEMS = 200;

export type Scalar = string | number | boolean;

/**
 * One column of a table, or (with `type: 'array'`) one field of the form. Keywords are flat: which ones a type may
 * use is checked by `definitionProblems` (string: minLength, maxLength, pattern, format, enum; number/integer:
 * minimum, maximum, enum; boolean: `enum: [true]` for "must be ticked"; array: items, minItems, maxItems).
 */
export interface ColumnSchema {
  type: ScalarType;
  /** The label in Chinese. */
  title: string;
  /** The label in English (the Chinese one is shown when it is missing). */
  'x-title-en'?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: StringFormat;
  enum?: Scalar[];
  /** Display names of the `enum` values, in the same order (the value itself is shown when missing). */
  'x-enum-titles'?: LocalText[];
  minimum?: number;
  maximum?: number;
}

/** A table's row: an object of scalar columns (no nested tables). */
export interface RowSchema {
  type: 'object';
  properties: Record<string, ColumnSchema>;
  required?: string[];
  additionalProperties?: false;
}

export interface FieldSchema extends Omit<ColumnSchema, 'type'> {
  type: FieldType;
  /** For `type: 'array'` (tables: 股东, 家庭成员 …). */
  items?: RowSchema;
  minItems?: number;
  maxItems?: number;
}

export interface FormSchema {
  type: 'object';
  properties: Record<string, FieldSchema>;
  required?: string[];
  /** Always false in effect: unknown fields are rejected whether or not the definition says so. */
  additionalProperties?: false;
}

export interface FormSection {
  key: string;
  title: LocalText;
  description?: LocalText;
  /** Names of top-level properties, in display order. Every property is in exactly one section. */
  fields: string[];
}

/**
 * A field is shown only when another field's value passes the test. Exactly one of `equals`, `in`, `notEmpty`.
 * For a top-level field `field` names a top-level field; for a table column (key `table.column`) it names another
 * column of the same row.
 */
export interface VisibleIf {
  field: string;
  equals?: Scalar;
  in?: Scalar[];
  notEmpty?: true;
}

export interface FormLayout {
  sections: FormSection[];
  /** Keys: a field name, or `table.column` for a table column. Unset: chosen from the type, format and enum. */
  widgets?: Record<string, Widget>;
  /** Keys as in `widgets`. */
  visibleIf?: Record<string, VisibleIf>;
  /** Help text under a field; keys as in `widgets`. */
  help?: Record<string, LocalText>;
}

export interface PrefillRule {
  source: PrefillSource;
  /** One of PREFILL_ATTRIBUTES[source]. */
  attribute: string;
  /** A government-verified value the applicant may not change: shown read-only; a changed value is rejected. */
  lock: boolean;
}

export interface FormDefinition {
  schema: FormSchema;
  layout: FormLayout;
  /** Keys: top-level scalar fields. */
  prefill?: Record<string, PrefillRule>;
}

/** What the portal knows about one prefilled field (from the registry, with its provenance). */
export interface PrefillValue {
  value: Scalar;
  sourceDepartment: string;
  /** ISO-8601 */
  updatedAt: string;
  locked: boolean;
}

export type FormData = Record<string, unknown>;
