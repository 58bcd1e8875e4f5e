/**
 * Online-application forms: the definition format (JSON Schema subset + layout + prefill), its check, and the
 * validation of submissions in Chinese and English. docs/formats/forms.md describes the format.
 */
export * from './model.js';
export { FormDefinition, VisibleIf } from './form-definition.js';
export { FORM_ERROR_CODES, formMessage, pathLabel, quoteLabel, titleOf, type FormErrorCode, type FormFieldError } from './messages.js';
export { formatProblem, isCalendarDate } from './formats.js';
export {
  applyPrefill,
  checkForm,
  comparePaths,
  enumOptions,
  fieldOrder,
  isColumnVisible,
  isFieldVisible,
  lockedFields,
  messageFor,
  normalizeFormData,
  schemaAt,
  stripHidden,
  testCondition,
  widgetOf,
  type CheckOptions,
  type FormCheckResult,
} from './rules.js';
export {
  compileForm,
  definitionHash,
  definitionProblems,
  toJsonSchema,
  validateForm,
  type CompiledForm,
  type DefinitionProblem,
  type FormValidationResult,
  type ValidateOptions,
} from './validate.js';
