/** The online application form renderer and the rules it shares with the server (src/platform/forms). */
export { SchemaForm, type SchemaFormError, type SchemaFormHandle, type SchemaFormProps } from './SchemaForm';
export { applyPrefill, checkForm, type FormDefinition, type FormFieldError, type Lang, type PrefillValue } from './shared';
