/**
 * The string formats of forms, shared by the server (registered as Ajv formats) and the browser. Each check answers
 * with the error code that says what is wrong, or null. Pure: codes.ts is dependency-free.
 */
import { explainCitizenId, explainUscc, isValidRegionCode } from '../codes.js';
import type { FormErrorCode } from './messages.js';
import type { StringFormat } from './model.js';

/** Mobile number, or landline with area code (the identity registry's rule). */
export const PHONE_RE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
/** The "fast" email rule of ajv-formats. */
export const EMAIL_RE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}

/** What is wrong with a string in a format, or null when it is fine. */
export function formatProblem(format: StringFormat, value: string): FormErrorCode | null {
  switch (format) {
    case 'date':
      return isCalendarDate(value) ? null : 'form.date';
    case 'email':
      return EMAIL_RE.test(value) ? null : 'form.email';
    case 'tongban-phone':
      return PHONE_RE.test(value) ? null : 'form.phone';
    case 'tongban-region-code':
      return isValidRegionCode(value) ? null : 'form.region_code';
    case 'tongban-id-number': {
      const r = explainCitizenId(value);
      return r.ok ? null : (`form.id_number_${r.reason}` as FormErrorCode);
    }
    case 'tongban-uscc': {
      const r = explainUscc(value);
      return r.ok ? null : (`form.uscc_${r.reason}` as FormErrorCode);
    }
    default:
      return null;
  }
}

/** Formats whose values are upper-cased before they are checked (a lowercase x in an ID number is a typing slip). */
export const UPPERCASE_FORMATS: readonly StringFormat[] = ['tongban-id-number', 'tongban-uscc'];
