/**
 * Client-side mirrors of the server's identifier checks (src/platform/codes.ts), so forms can say what is wrong
 * before anything is sent. The server stays the authority.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isValidUscc(code: string): boolean {
  if (!USCC_PATTERN.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
export const ID_NUMBER_PATTERN = /^[0-9]{17}[0-9Xx]$/;

export function isValidCitizenId(raw: string): boolean {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  if (y < 1900 || date.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17];
}

export const REGION_CODE_PATTERN = /^[0-9]{6}$/;

/** Structural parent of a region code (GB/T 2260): district → city, city → province, province → null. */
export function structuralParent(code: string): string | null {
  if (!REGION_CODE_PATTERN.test(code)) return null;
  if (code.endsWith('0000')) return null;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

/** Department phone (org schema): landline with area code, mobile, or 12345. */
export const DEPARTMENT_PHONE_PATTERN = /^(0[0-9]{2,3}-?[0-9]{7,8}|1[3-9][0-9]{9}|12345)$/;
/** Staff and enterprise-contact phone (identity schema): mobile or landline with area code. */
export const PERSON_PHONE_PATTERN = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const EVENT_TYPE_PATTERN = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/;

/** The server's password policy (src/platform/crypto/passwords.ts). */
export function passwordProblems(password: string, username?: string): Array<'length' | 'classes' | 'username'> {
  const problems: Array<'length' | 'classes' | 'username'> = [];
  if (password.length < 10 || password.length > 128) problems.push('length');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('classes');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('username');
  return problems;
}
