/**
 * The messages of form validation, in Chinese and English, named after the field: 请填写「联系电话」 / Enter “Phone”.
 * One table for the server (validate.ts, Ajv errors) and the browser (web/src/components/schema-form, the same
 * checks in rules.ts), so that both say the same thing. Pure: no imports besides model.ts.
 */
import type { FieldSchema, FormDefinition, Lang } from './model.js';

export const FORM_ERROR_CODES = [
  'form.not_object',
  'form.unknown_field',
  'form.required',
  'form.required_choice',
  'form.must_accept',
  'form.type_string',
  'form.type_number',
  'form.type_integer',
  'form.type_boolean',
  'form.type_array',
  'form.type_object',
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
  'form.locked_field_changed',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/** One problem of a submitted form. `field` is a dotted path: `phone`, `shareholders.1.idNumber`; '' for the whole form. */
export interface FormFieldError {
  field: string;
  code: FormErrorCode;
  message: string;
}

/**
 * `{field}` is the quoted label (「联系电话」 / “Phone”, or with the row of a table); `{limit}` a number; `{characters}` and
 * `{rows}` the English noun in the singular or plural for the limit.
 */
const MESSAGES: Record<FormErrorCode, { zh: string; en: string }> = {
  'form.not_object': { zh: '表单内容应为一组字段', en: 'The form must be a set of fields' },
  'form.unknown_field': { zh: '表单中没有{field}这一项', en: 'The form has no field {field}' },
  'form.required': { zh: '请填写{field}', en: 'Enter {field}' },
  'form.required_choice': { zh: '请选择{field}', en: 'Choose {field}' },
  'form.must_accept': { zh: '请勾选{field}', en: 'Tick {field}' },
  'form.type_string': { zh: '{field}应填写文字', en: '{field} must be text' },
  'form.type_number': { zh: '{field}应填写数字', en: '{field} must be a number' },
  'form.type_integer': { zh: '{field}应填写整数', en: '{field} must be a whole number' },
  'form.type_boolean': { zh: '{field}应选择“是”或“否”', en: '{field} must be yes or no' },
  'form.type_array': { zh: '{field}应为表格', en: '{field} must be a table' },
  'form.type_object': { zh: '{field}应为一行表格内容', en: '{field} must be a table row' },
  'form.enum': { zh: '{field}请从给出的选项中选择', en: 'Choose {field} from the options given' },
  'form.date': { zh: '{field}不是有效日期，请按“年-月-日”填写，如 2026-01-31', en: '{field} is not a valid date: write it as YYYY-MM-DD, e.g. 2026-01-31' },
  'form.email': { zh: '{field}不是有效的电子邮箱', en: '{field} is not a valid email address' },
  'form.phone': { zh: '{field}应为手机号或带区号的固定电话', en: '{field} must be a mobile number or a landline with its area code' },
  'form.region_code': { zh: '{field}不是有效的行政区划', en: '{field} is not a valid region' },
  'form.id_number_length': { zh: '{field}应为 18 位', en: '{field} must have 18 characters' },
  'form.id_number_format': { zh: '{field}应为 17 位数字加 1 位数字或 X', en: '{field} must be 17 digits followed by a digit or X' },
  'form.id_number_region': { zh: '{field}前 6 位不是有效的地区代码', en: 'The first 6 digits of {field} are not a valid region code' },
  'form.id_number_birth_date': { zh: '{field}中的出生日期不正确', en: 'The date of birth in {field} is not valid' },
  'form.id_number_check_digit': { zh: '{field}校验位不正确，请核对', en: 'The check digit of {field} is wrong: please check the number' },
  'form.uscc_length': { zh: '{field}应为 18 位', en: '{field} must have 18 characters' },
  'form.uscc_charset': { zh: '{field}只能包含数字和大写字母（不含 I、O、Z、S、V）', en: '{field} may only contain digits and capital letters (not I, O, Z, S, V)' },
  'form.uscc_check_digit': { zh: '{field}校验位不正确，请核对', en: 'The check character of {field} is wrong: please check the code' },
  'form.min_length': { zh: '{field}至少填写 {limit} 个字', en: '{field} must be at least {limit} {characters}' },
  'form.max_length': { zh: '{field}最多填写 {limit} 个字', en: '{field} must be at most {limit} {characters}' },
  'form.pattern': { zh: '{field}格式不正确', en: '{field} is not in the expected format' },
  'form.minimum': { zh: '{field}不能小于 {limit}', en: '{field} must be {limit} or more' },
  'form.maximum': { zh: '{field}不能大于 {limit}', en: '{field} must be {limit} or less' },
  'form.min_items': { zh: '{field}至少填写 {limit} 行', en: '{field} needs at least {limit} {rows}' },
  'form.max_items': { zh: '{field}最多填写 {limit} 行', en: '{field} may have at most {limit} {rows}' },
  'form.locked_field_changed': {
    zh: '{field}由政府部门核验，不能修改',
    en: '{field} is verified by a government department and cannot be changed',
  },
};

/** The message of a code with the field's label (already quoted) and, for limits, the limit. */
export function formMessage(code: FormErrorCode, lang: Lang, vars: { field: string; limit?: number | string }): string {
  const m = MESSAGES[code];
  const text = lang === 'en' ? m.en : m.zh;
  const one = vars.limit === 1 || vars.limit === '1';
  return text
    .replace('{field}', vars.field)
    .replace('{limit}', vars.limit === undefined ? '' : String(vars.limit))
    .replace('{characters}', one ? 'character' : 'characters')
    .replace('{rows}', one ? 'row' : 'rows');
}

/** 「联系电话」 / “Phone”. */
export function quoteLabel(label: string, lang: Lang): string {
  return lang === 'en' ? `“${label}”` : `「${label}」`;
}

/** A field's (or column's) label in the language; the Chinese title when there is no English one. */
export function titleOf(field: Pick<FieldSchema, 'title' | 'x-title-en'>, lang: Lang): string {
  return lang === 'en' ? field['x-title-en'] || field.title : field.title;
}

/**
 * The quoted label of a path: `phone` → 「联系电话」; `shareholders.1.idNumber` → 「股东」第 2 行「身份证号」 /
 * “ID number” in row 2 of “Shareholders”. Unknown names are quoted as they are.
 */
export function pathLabel(def: FormDefinition, path: string, lang: Lang): string {
  if (!path) return lang === 'en' ? 'the form' : '表单';
  const [name, row, column] = path.split('.');
  const field = Object.prototype.hasOwnProperty.call(def.schema.properties, name) ? def.schema.properties[name] : undefined;
  const table = quoteLabel(field ? titleOf(field, lang) : name, lang);
  if (row === undefined) return table;
  const n = Number(row) + 1;
  if (column === undefined) return lang === 'en' ? `row ${n} of ${table}` : `${table}第 ${n} 行`;
  const columns = field?.items?.properties ?? {};
  const col = Object.prototype.hasOwnProperty.call(columns, column) ? columns[column] : undefined;
  const cell = quoteLabel(col ? titleOf(col, lang) : column, lang);
  return lang === 'en' ? `${cell} in row ${n} of ${table}` : `${table}第 ${n} 行${cell}`;
}

/** A complete error for a path. */
export function formError(def: FormDefinition, field: string, code: FormErrorCode, lang: Lang, limit?: number): FormFieldError {
  return { field, code, message: capitalise(formMessage(code, lang, { field: pathLabel(def, field, lang), limit }), lang) };
}

export function capitalise(s: string, lang: Lang): string {
  return lang === 'en' && /^[a-z]/.test(s) ? s[0].toUpperCase() + s.slice(1) : s;
}
