/**
 * The form rules shared with the server: the same normalisation, visibility, checks and messages (src/platform/forms,
 * pure TypeScript with no dependencies, imported by relative path). The browser check (`checkForm`) gives the same
 * errors as the server's Ajv validation; src/platform/forms/agreement.test.ts holds the two together.
 */
export type {
  ColumnSchema,
  FieldSchema,
  FormDefinition,
  FormSection,
  Lang,
  LocalText,
  PrefillValue,
  Scalar,
  Widget,
} from '../../../../src/platform/forms/model';
export type { FormErrorCode, FormFieldError } from '../../../../src/platform/forms/messages';
export { FORM_ERROR_CODES, pathLabel, titleOf } from '../../../../src/platform/forms/messages';
export {
  applyPrefill,
  checkForm,
  columnOrder,
  comparePaths,
  effectiveMaxItems,
  effectiveMaxLength,
  enumOptions,
  fieldOrder,
  helpOf,
  isColumnVisible,
  isFieldVisible,
  isPlainObject,
  localText,
  messageFor,
  mustBeTicked,
  normalizeFormData,
  own,
  widgetOf,
} from '../../../../src/platform/forms/rules';
