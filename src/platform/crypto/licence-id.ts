import { explainUscc } from '../codes.js';

/**
 * Electronic licence identifiers (电子证照标识, GB/T 36904):
 *
 *   1.2.156.3005.2.<licence type code, 21>.<issuer USCC, 18>.<serial>.<version, 3 digits>.<check character>
 *
 * The check character is ISO/IEC 7064 MOD 37,36 (the "hybrid" system with modulus 36, alphabet 0-9A-Z) computed
 * over type code + issuer code + serial + version concatenated, without the root and without the dots.
 *
 * The layout is inferred from identifiers in circulation (e.g. the one in the tests) and public implementations;
 * the standard's text was not available. Validators never throw; the builder throws a RangeError on input it
 * cannot turn into a valid identifier.
 */

export const LICENCE_ID_ROOT = '1.2.156.3005.2';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = /^[0-9A-Z]+$/;
const TYPE_CODE = /^[0-9A-Z]{21}$/;
const VERSION = /^\d{3}$/;
/** Serial length bound: long enough for every numbering scheme seen, short enough to keep identifiers printable. */
export const MAX_SERIAL_LENGTH = 64;

/** Why an identifier is not valid. Every code except `check_mismatch` means a part is malformed. */
export type LicenceIdErrorCode =
  | 'not_a_string'
  | 'root' // does not start with 1.2.156.3005.2
  | 'parts' // wrong number of dot-separated parts after the root
  | 'type_code' // not 21 characters of 0-9A-Z
  | 'issuer_code' // not 18 characters of the USCC alphabet
  | 'issuer_check' // the issuer's USCC has a wrong GB 32100 check character
  | 'serial' // empty, too long, or outside 0-9A-Z
  | 'version' // not 3 digits
  | 'check_char' // the check part is not one character of 0-9A-Z
  | 'check_mismatch'; // well-formed, but the check character is wrong

export interface LicenceIdParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: string;
}

export type LicenceIdResult =
  | ({ ok: true; id: string; check: string } & LicenceIdParts)
  | { ok: false; code: LicenceIdErrorCode; message: string; expectedCheck?: string };

export interface LicenceIdOptions {
  /** Enforce the GB 32100 check character of the issuer code (default true). */
  checkIssuerUscc?: boolean;
}

/** The ISO/IEC 7064 MOD 37,36 check character of a string over 0-9A-Z. Throws RangeError on other characters. */
export function mod3736CheckChar(input: string): string {
  if (typeof input !== 'string' || input.length === 0 || !ALNUM.test(input)) {
    throw new RangeError('mod3736CheckChar needs a non-empty string of 0-9A-Z');
  }
  let p = 36;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const v = code <= 57 ? code - 48 : code - 55;
    let s = (p + v) % 36;
    if (s === 0) s = 36;
    p = (2 * s) % 37;
  }
  return ALPHABET[(37 - p) % 36];
}

function partError(parts: LicenceIdParts, options: LicenceIdOptions): LicenceIdResult | null {
  const fail = (code: LicenceIdErrorCode, message: string): LicenceIdResult => ({ ok: false, code, message });
  if (!TYPE_CODE.test(parts.typeCode)) return fail('type_code', 'licence type code must be 21 characters of 0-9A-Z');
  const uscc = explainUscc(parts.issuerCode);
  if (!uscc.ok) {
    if (uscc.reason !== 'check_digit') return fail('issuer_code', 'issuer code must be an 18-character unified social credit code');
    if (options.checkIssuerUscc !== false) return fail('issuer_check', 'issuer code has a wrong GB 32100 check character');
  }
  if (parts.serial.length === 0 || parts.serial.length > MAX_SERIAL_LENGTH || !ALNUM.test(parts.serial)) {
    return fail('serial', `serial must be 1–${MAX_SERIAL_LENGTH} characters of 0-9A-Z`);
  }
  if (!VERSION.test(parts.version)) return fail('version', 'version must be 3 digits');
  return null;
}

/** Parse and validate an identifier: each malformed part has its own code; a wrong check character is `check_mismatch`. */
export function parseLicenceId(id: unknown, options: LicenceIdOptions = {}): LicenceIdResult {
  if (typeof id !== 'string') return { ok: false, code: 'not_a_string', message: 'licence identifier must be a string' };
  if (!id.startsWith(LICENCE_ID_ROOT + '.')) {
    return { ok: false, code: 'root', message: `licence identifier must start with ${LICENCE_ID_ROOT}.` };
  }
  const rest = id.slice(LICENCE_ID_ROOT.length + 1).split('.');
  if (rest.length !== 5) {
    return { ok: false, code: 'parts', message: 'licence identifier must have type code, issuer code, serial, version and check character after the root' };
  }
  const [typeCode, issuerCode, serial, version, check] = rest;
  const parts = { typeCode, issuerCode, serial, version };
  const bad = partError(parts, options);
  if (bad) return bad;
  if (check.length !== 1 || !ALNUM.test(check)) {
    return { ok: false, code: 'check_char', message: 'check character must be one character of 0-9A-Z' };
  }
  const expected = mod3736CheckChar(typeCode + issuerCode + serial + version);
  if (check !== expected) {
    return { ok: false, code: 'check_mismatch', message: `wrong check character ${check}`, expectedCheck: expected };
  }
  return { ok: true, id, check, ...parts };
}

export function isValidLicenceId(id: unknown, options?: LicenceIdOptions): boolean {
  return parseLicenceId(id, options).ok;
}

/** Build an identifier with its check character. Throws RangeError naming the malformed part. */
export function buildLicenceId(parts: LicenceIdParts, options: LicenceIdOptions = {}): string {
  const p = {
    typeCode: String(parts.typeCode),
    issuerCode: String(parts.issuerCode),
    serial: String(parts.serial),
    version: String(parts.version),
  };
  const bad = partError(p, options);
  if (bad && !bad.ok) throw new RangeError(`buildLicenceId: ${bad.code}: ${bad.message}`);
  const check = mod3736CheckChar(p.typeCode + p.issuerCode + p.serial + p.version);
  return `${LICENCE_ID_ROOT}.${p.typeCode}.${p.issuerCode}.${p.serial}.${p.version}.${check}`;
}
