/**
 * Chinese identifier codes: pure validation, explanation and generation, no dependencies.
 *
 * - Citizen ID number (公民身份号码, GB 11643-1999): 6-digit region + 8-digit birth date + 3-digit
 *   sequence (odd = male) + check character (ISO 7064 MOD 11-2).
 * - Unified social credit code (统一社会信用代码, GB 32100-2015): registration authority + entity type +
 *   6-digit region + 9-character organisation code (GB 11714) + check character (MOD 31).
 * - Region code (行政区划代码, GB/T 2260): 6 digits, province xx0000, city xxyy00, district/county xxyyzz.
 *
 * Validators never throw: they return false or a reason. Generators and the region-structure helpers
 * throw a RangeError on input they cannot honour, so that bad demo or test data fails loudly.
 */

// ---------------------------------------------------------------------------------------------
// Region codes (GB/T 2260)
// ---------------------------------------------------------------------------------------------

/**
 * Two-digit GB/T 2260 prefix of Tongban's fictional demo province 云澜省 (390000).
 * 39 is unassigned in GB/T 2260; Tongban's demo province uses it so demo data can never be mistaken
 * for, or collide with, a real region.
 */
export const DEMO_PROVINCE_PREFIX = '39';

/**
 * Valid province-level prefixes (the first two digits of a region code, and so of a citizen ID).
 * 11–15 North China, 21–23 Northeast, 31–37 East, 41–46 Central-South, 50–54 Southwest, 61–65 Northwest,
 * 71 Taiwan, 81 Hong Kong, 82 Macao, 83 (Hong Kong/Macao/Taiwan residents' residence permits),
 * 91 (foreigners' permanent residence IDs), and 39, which is unassigned in GB/T 2260 and reserved by
 * Tongban for its demo province (see DEMO_PROVINCE_PREFIX).
 */
export const PROVINCE_PREFIXES: readonly string[] = Object.freeze([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  DEMO_PROVINCE_PREFIX, // project-reserved demo prefix, not a real province
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82', '83',
  '91',
]);

const PROVINCE_PREFIX_SET: ReadonlySet<string> = new Set(PROVINCE_PREFIXES);

export type RegionLevel = 'province' | 'city' | 'district';

/** The levels from the top down: a level's index is its depth. */
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'district'];

const SIX_DIGITS = /^\d{6}$/;

export function isValidProvincePrefix(prefix: string): boolean {
  return typeof prefix === 'string' && PROVINCE_PREFIX_SET.has(prefix);
}

/**
 * A GB/T 2260 region code: exactly 6 digits, a known province prefix, and a consistent structure:
 * xx0000 (province), xxyy00 (city, yy ≠ 00) or xxyyzz (district/county, yy ≠ 00, zz ≠ 00).
 * A code like xx00zz (a district with no city segment) is rejected: GB/T 2260 does not issue it
 * (province-administered counties use city segment 90, municipalities' districts use 01/02).
 */
export function isValidRegionCode(code: string): boolean {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return false;
  if (!PROVINCE_PREFIX_SET.has(code.slice(0, 2))) return false;
  const city = code.slice(2, 4);
  const district = code.slice(4, 6);
  return !(city === '00' && district !== '00');
}

function assertRegionCode(code: string): void {
  if (!isValidRegionCode(code)) throw new RangeError(`not a valid GB/T 2260 region code: ${String(code)}`);
}

/** Level of a valid region code. Throws RangeError on an invalid one. */
export function regionLevel(code: string): RegionLevel {
  assertRegionCode(code);
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/**
 * Structural parent of a valid region code: district xxyyzz → city xxyy00, city xxyy00 → province xx0000,
 * province → null. The simple rule is kept for municipality districts (110105 → 110100) and
 * province-administered county-level units (429004 → 429000), which in GB/T 2260 have no real
 * city-level entry; callers that need the real hierarchy must consult their region table.
 * Throws RangeError on an invalid code.
 */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'province') return null;
  if (level === 'city') return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MIN_BIRTH_DATE = '1900-01-01';
/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Today's calendar date in China (UTC+8) as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Is yyyyMMdd a real Gregorian calendar date? Returns it as YYYY-MM-DD, or null. */
function parseCompactDate(s: string): string | null {
  if (!/^\d{8}$/.test(s)) return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Options for date-dependent checks; tests pass a fixed `today`. */
export interface CitizenIdOptions {
  /** The latest acceptable birth date, YYYY-MM-DD or a Date (read in China time). Defaults to today in China. */
  today?: string | Date;
}

function resolveToday(options?: CitizenIdOptions): string {
  const t = options?.today;
  if (t === undefined) return todayInChina();
  if (t instanceof Date) return todayInChina(t);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Citizen ID number (GB 11643, ISO 7064 MOD 11-2)
// ---------------------------------------------------------------------------------------------

const CITIZEN_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CITIZEN_ID_CHECK_CHARS = '10X98765432';

export type CitizenIdFailure = 'length' | 'format' | 'region' | 'birth_date' | 'check_digit';

export type CitizenIdExplanation =
  | { ok: true; regionCode: string; birthDate: string; sex: 'M' | 'F' }
  | { ok: false; reason: CitizenIdFailure };

/** The check character (0–9 or uppercase X) for the first 17 digits of a citizen ID. Throws RangeError otherwise. */
export function citizenIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) {
    throw new RangeError('citizenIdCheckChar needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * CITIZEN_ID_WEIGHTS[i];
  return CITIZEN_ID_CHECK_CHARS[sum % 11];
}

/**
 * Explain a citizen ID number. Checks, in this order: length (18), format (17 digits then a digit or
 * uppercase X — a lowercase x is a format error; normalise input before calling), region (the first 6
 * digits carry a known province prefix), birth date (a real date from 1900-01-01 to today in China),
 * check digit.
 */
export function explainCitizenId(id: string, options?: CitizenIdOptions): CitizenIdExplanation {
  if (typeof id !== 'string' || id.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  const regionCode = id.slice(0, 6);
  if (!PROVINCE_PREFIX_SET.has(regionCode.slice(0, 2))) return { ok: false, reason: 'region' };
  const birthDate = parseCompactDate(id.slice(6, 14));
  if (birthDate === null || birthDate < MIN_BIRTH_DATE || birthDate > resolveToday(options)) {
    return { ok: false, reason: 'birth_date' };
  }
  if (citizenIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'check_digit' };
  const sex = (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, regionCode, birthDate, sex };
}

export function isValidCitizenId(id: string, options?: CitizenIdOptions): boolean {
  return explainCitizenId(id, options).ok;
}

/**
 * Build a valid citizen ID. `seq3` (0–999) is the 3-digit sequence (顺序码); its last digit is the sex
 * digit, so when its parity does not match `sex` it is moved to its pair (0↔1, 2↔3, … 8↔9): for a
 * given sex, seq3 values 2k and 2k+1 give the same ID. Throws RangeError on an impossible input
 * (bad region, a birth date that is not a real date between 1900-01-01 and today, seq3 out of range).
 */
export function generateCitizenId(
  regionCode6: string,
  birthDate: string,
  seq3: number,
  sex: 'M' | 'F',
  options?: CitizenIdOptions,
): string {
  if (typeof regionCode6 !== 'string' || !SIX_DIGITS.test(regionCode6) || !PROVINCE_PREFIX_SET.has(regionCode6.slice(0, 2))) {
    throw new RangeError(`generateCitizenId: bad region code ${String(regionCode6)}`);
  }
  const dateMatch = typeof birthDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  const compact = dateMatch ? `${dateMatch[1]}${dateMatch[2]}${dateMatch[3]}` : '';
  const parsed = dateMatch ? parseCompactDate(compact) : null;
  if (parsed === null || parsed < MIN_BIRTH_DATE || parsed > resolveToday(options)) {
    throw new RangeError(`generateCitizenId: bad birth date ${String(birthDate)}`);
  }
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) {
    throw new RangeError(`generateCitizenId: seq3 must be an integer 0–999, got ${String(seq3)}`);
  }
  if (sex !== 'M' && sex !== 'F') throw new RangeError(`generateCitizenId: bad sex ${String(sex)}`);
  const wantOdd = sex === 'M';
  const isOdd = seq3 % 2 === 1;
  const seq = isOdd === wantOdd ? seq3 : seq3 ^ 1;
  const first17 = `${regionCode6}${compact}${pad(seq, 3)}`;
  return first17 + citizenIdCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code (GB 32100) and organisation code (GB 11714)
// ---------------------------------------------------------------------------------------------

/** The 31 characters a USCC may use: digits and uppercase letters without I, O, Z, S, V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_CHARSET = /^[0-9A-HJ-NPQRTUWXY]+$/;

const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccFailure = 'length' | 'charset' | 'check_digit';

export type UsccExplanation =
  | { ok: true; registrationAuthority: string; entityType: string; regionCode: string; orgCode: string }
  | { ok: false; reason: UsccFailure };

/** The GB 32100 check character for the first 17 characters of a USCC. Throws RangeError otherwise. */
export function usccCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17 || !USCC_CHARSET.test(first17)) {
    throw new RangeError('usccCheckChar needs exactly 17 characters from the USCC alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Explain a USCC. Checks length (18), charset (USCC alphabet, uppercase only), then the GB 32100 check
 * character. The organisation code's own GB 11714 check character (position 17) is not enforced:
 * older codes in circulation do not always satisfy it.
 */
export function explainUscc(code: string): UsccExplanation {
  if (typeof code !== 'string' || code.length !== 18) return { ok: false, reason: 'length' };
  if (!USCC_CHARSET.test(code)) return { ok: false, reason: 'charset' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'check_digit' };
  return {
    ok: true,
    registrationAuthority: code[0],
    entityType: code[1],
    regionCode: code.slice(2, 8),
    orgCode: code.slice(8, 17),
  };
}

export function isValidUscc(code: string): boolean {
  return explainUscc(code).ok;
}

/** GB 11714 character value: digits 0–9, letters A=10 … Z=35. */
function orgCodeCharValue(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/**
 * The GB 11714 check character for an 8-character organisation code body (MOD 11, weights
 * 3 7 9 10 5 8 4 2; 10 → 'X', 11 → '0'). The body must use the USCC alphabet.
 */
export function orgCodeCheckChar(body8: string): string {
  if (typeof body8 !== 'string' || body8.length !== 8 || !USCC_CHARSET.test(body8)) {
    throw new RangeError('orgCodeCheckChar needs exactly 8 characters from the USCC alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(body8[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/**
 * Build a valid USCC: authority (1 char) + entity type (1 char) + region code (6 digits; not checked
 * against GB/T 2260 because national bodies use 100000) + org body (8 chars) + its GB 11714 check
 * character + the GB 32100 check character. Throws RangeError on characters outside the USCC alphabet.
 */
export function generateUscc(authority: string, entityType: string, regionCode6: string, orgBody8: string): string {
  if (typeof authority !== 'string' || authority.length !== 1 || !USCC_CHARSET.test(authority)) {
    throw new RangeError(`generateUscc: bad registration authority code ${String(authority)}`);
  }
  if (typeof entityType !== 'string' || entityType.length !== 1 || !USCC_CHARSET.test(entityType)) {
    throw new RangeError(`generateUscc: bad entity type code ${String(entityType)}`);
  }
  if (typeof regionCode6 !== 'string' || !SIX_DIGITS.test(regionCode6)) {
    throw new RangeError(`generateUscc: bad region code ${String(regionCode6)}`);
  }
  const first17 = `${authority}${entityType}${regionCode6}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + usccCheckChar(first17);
}
