/**
 * The working-day calendar (工作日历) and case deadlines (办理时限).
 *
 * Days are China days (Asia/Shanghai, UTC+8, no DST); instants stay UTC ISO-8601 strings. A day is a working day
 * when the holiday data lists it under `workdays` (调休 make-up days), not when it lists it under `holidays`, and
 * otherwise when it is Monday–Friday. Years without data fall back to Monday–Friday: `covered(year)` says so and
 * the process warns once per such year (process warning `TONGBAN_CALENDAR_UNCOVERED`).
 *
 * Counting rules (行政许可法 §§42, 45; 民法典 §§201, 203 for periods):
 * 1. The day of the start instant never counts; counting begins the next day. "n working days" ends at the end
 *    (23:59:59.999 China time) of the n-th working day after the start day — a start on a holiday or weekend
 *    therefore gives the same deadline as a start on the preceding working day.
 * 2. "n natural days" ends at the end of the day n calendar days after the start day; when that day is not a
 *    working day (a public holiday or an ordinary weekend), the end of the next working day.
 * 3. A limit of 0 (即办件) ends at the end of the start day, or of the next working day when that is not one.
 * 4. `workingDaysBetween(a, b)` counts the working days after a's day up to and including b's day — the same
 *    count as rule 1, so workingDaysBetween(s, addWorkingDays(s, n)) === n. It is negative when b is before a.
 * 5. Pauses (补正 correction, 特别程序 special procedures) stop the clock. The day a pause begins counts as used
 *    (the clock ran that day); the days after it up to and including the resume day do not (the resume day is
 *    like a new receipt: counting restarts the next day). So a pause begun and ended on the same day costs
 *    nothing, and a pause from day 3 to day 7 adds the working days 4–7 (natural days, for natural-day limits).
 *    Overlapping pauses are merged first, so no day is given back twice.
 * 6. A pause begun on or before the deadline's day moves it; one begun after the deadline moves nothing and does
 *    not clear `overdue` (the clock had run out before it stopped). If the limit runs out on the day a pause
 *    begins, the deadline becomes the end of the resume day (rule 3 applied to the resume day).
 * 7. `computeDeadline` answers as of `now`: a pause begun after `now` is ignored, one ending after `now` (or with
 *    `to: null`) is open — the clock is stopped, `paused` is true and `dueAt` is the deadline if the case resumed
 *    now (it moves forward each day the pause lasts).
 * 8. `elapsedFraction` = days used / limit, in the limit's unit: days used count like rule 4 (the day of `now`
 *    counts once begun) minus paused days. It is at most 1 until the deadline has passed and at least 1 after;
 *    for a limit of 0 it is 0 until the deadline passes, then 1. `warning` is elapsedFraction ≥ 0.8 (so it stays
 *    on once overdue); `overdue` is now > dueAt.
 */
import fs from 'node:fs';
import path from 'node:path';
import builtInData from './holidays/cn.json' with { type: 'json' };
import { invalid } from './errors.js';

/** A China calendar day, `YYYY-MM-DD`. */
export type ChinaDate = string;
/** A point in time: a Date or an ISO-8601 string with a zone (`Z` or `+08:00`). */
export type Instant = Date | string;

export type LimitUnit = 'working_day' | 'natural_day';

export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

export interface Pause {
  from: Instant;
  /** null while the pause lasts. */
  to: Instant | null;
}

export interface DeadlineInput {
  start: Instant;
  limit: TimeLimit;
  pauses?: readonly Pause[];
  /** The moment to answer for (deps.clock.now()). */
  now: Instant;
}

export interface DeadlineStatus {
  /** End of the last day of the limit, UTC ISO-8601. */
  dueAt: string;
  /** A pause is open at `now`: the clock is stopped. */
  paused: boolean;
  /** Days used / limit, paused days excluded (rule 8). */
  elapsedFraction: number;
  /** elapsedFraction ≥ 0.8 */
  warning: boolean;
  /** now > dueAt */
  overdue: boolean;
  /** Days of the limit used so far, in the limit's unit, paused days excluded. */
  usedDays: number;
  /** Days (in the limit's unit) during which the clock stood still, counting the pauses begun by the deadline. */
  pausedDays: number;
}

export interface WorkingCalendar {
  /** Whether the year has holiday data; outside it the calendar counts Monday–Friday. */
  covered(year: number): boolean;
  isWorkingDay(date: ChinaDate): boolean;
  chinaDate(instant: Instant): ChinaDate;
  addWorkingDays(start: Instant, n: number): string;
  addNaturalDays(start: Instant, n: number): string;
  workingDaysBetween(a: Instant, b: Instant): number;
  naturalDaysBetween(a: Instant, b: Instant): number;
  computeDeadline(input: DeadlineInput): DeadlineStatus;
}

/** Fraction of the time limit at which a case is flagged (黄灯预警). */
export const WARNING_FRACTION = 0.8;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

// ---------------------------------------------------------------------------------------------------------------
// Days as numbers (days since 1970-01-01); China time is UTC+8 all year.

function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

function dayEndIso(day: number): string {
  return new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS - 1).toISOString();
}

function dayToDate(day: number): ChinaDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The day number of a `YYYY-MM-DD` string, or null when it is not a real date. */
function parseDate(date: unknown): number | null {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
  return Number.isInteger(day) && dayToDate(day) === date ? day : null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function toMs(instant: Instant, what: string): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (!Number.isNaN(t)) return t;
  } else if (typeof instant === 'string' && ISO_INSTANT.test(instant)) {
    const t = Date.parse(instant);
    if (!Number.isNaN(t)) return t;
  }
  throw invalid(
    'calendar.invalid_instant',
    `${what} must be an ISO-8601 instant with a zone (e.g. 2025-01-27T16:30:00Z), got ${JSON.stringify(String(instant))}`,
  );
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw invalid('calendar.invalid_count', `${what} must be a non-negative integer, got ${String(n)}`);
  }
}

/** China calendar day of an instant. */
export function chinaDate(instant: Instant): ChinaDate {
  return dayToDate(chinaDay(toMs(instant, 'instant')));
}

// ---------------------------------------------------------------------------------------------------------------
// Holiday data: parsing with line numbers, validation, merging.

export interface HolidayYear {
  holidays: ChinaDate[];
  workdays: ChinaDate[];
}

export interface HolidayData {
  source?: string;
  years: Record<string, HolidayYear>;
}

/** A JSON value plus the line on which each field starts (path → 1-based line). */
interface Parsed {
  value: unknown;
  lines: Map<string, number>;
}

/** Strict JSON parser that remembers where each value starts, so that errors can name the line. */
function parseJsonWithLines(text: string, origin: string): Parsed {
  const lines = new Map<string, number>();
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) newlines.push(i);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  let pos = 0;
  const fail = (what: string, at = pos): never => {
    const line = lineAt(at);
    const column = at - (line > 1 ? newlines[line - 2] + 1 : 0) + 1;
    throw new Error(`holidays file ${origin}: invalid JSON at line ${line}, column ${column}: ${what}`);
  };
  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const str = (): string => {
    const begin = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      if (text.charCodeAt(pos) < 0x20) fail('control character in a string');
      pos += text[pos] === '\\' ? 2 : 1;
    }
    if (pos >= text.length) fail('unterminated string', begin);
    pos++;
    try {
      return JSON.parse(text.slice(begin, pos)) as string;
    } catch {
      return fail('bad escape in a string', begin);
    }
  };
  const value = (at: string): unknown => {
    ws();
    lines.set(at, lineAt(pos));
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail('expected a property name in double quotes');
        const keyAt = pos;
        const key = str();
        if (Object.hasOwn(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
        ws();
        if (text[pos] !== ':') fail("expected ':'");
        pos++;
        obj[key] = value(at === '' ? key : `${at}.${key}`);
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      ws();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${at}[${arr.length}]`));
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    const literal = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = pos;
    const m = literal.exec(text);
    if (m) {
      pos += m[0].length;
      return JSON.parse(m[0]);
    }
    return fail(pos >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`);
  };
  const result = value('');
  ws();
  if (pos < text.length) fail('unexpected text after the end of the document');
  return { value: result, lines };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the shape and every date; throws one Error naming the file, line and field of the first problem. */
function validateHolidayData(value: unknown, lines: Map<string, number>, origin: string): HolidayData {
  const fail = (field: string, problem: string): never => {
    const line = lines.get(field);
    throw new Error(`holidays file ${origin}${line ? `, line ${line}` : ''}: ${field || '(document)'}: ${problem}`);
  };
  if (!isRecord(value)) return fail('', 'must be an object { "source": "...", "years": { "YYYY": {...} } }');
  for (const key of Object.keys(value)) {
    if (key !== 'source' && key !== 'years') fail(key, 'unknown field (allowed: "source", "years")');
  }
  if (value.source !== undefined && typeof value.source !== 'string') fail('source', 'must be a string');
  if (!isRecord(value.years)) return fail('years', 'must be an object keyed by year ("2027": {...})');
  const years: Record<string, HolidayYear> = {};
  for (const [year, entry] of Object.entries(value.years)) {
    const at = `years.${year}`;
    if (!/^\d{4}$/.test(year)) fail(at, 'a year must be four digits, e.g. "2027"');
    if (!isRecord(entry)) return fail(at, 'must be an object { "holidays": [...], "workdays": [...] }');
    for (const key of Object.keys(entry)) {
      if (key !== 'holidays' && key !== 'workdays') fail(`${at}.${key}`, 'unknown field (allowed: "holidays", "workdays")');
    }
    const seen = new Map<string, string>();
    const list = (name: 'holidays' | 'workdays'): ChinaDate[] => {
      const items = entry[name];
      if (!Array.isArray(items)) return fail(`${at}.${name}`, 'must be a list of "YYYY-MM-DD" dates (may be empty)');
      return items.map((d, i) => {
        const field = `${at}.${name}[${i}]`;
        if (parseDate(d) === null) fail(field, `${JSON.stringify(d)} is not a real date in the form YYYY-MM-DD`);
        const date = d as string;
        if (date.slice(0, 4) !== year) fail(field, `${date} is not in ${year}`);
        const before = seen.get(date);
        if (before) fail(field, `${date} is already listed at ${before}`);
        seen.set(date, field);
        return date;
      });
    };
    years[year] = { holidays: list('holidays'), workdays: list('workdays') };
  }
  return { ...(value.source !== undefined ? { source: value.source as string } : {}), years };
}

/** Parses and validates holiday data in the file format; `origin` names the file in error messages. */
export function parseHolidayData(text: string, origin: string): HolidayData {
  const parsed = parseJsonWithLines(text.replace(/^\uFEFF/, ''), origin);
  return validateHolidayData(parsed.value, parsed.lines, origin);
}

function readHolidayFile(file: string): HolidayData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`holidays file ${file}: cannot be read (${(e as Error).message})`);
  }
  return parseHolidayData(text, file);
}

// ---------------------------------------------------------------------------------------------------------------
// The calendar.

const warnedYears = new Set<number>();

function warnUncovered(year: number): void {
  if (warnedYears.has(year)) return;
  warnedYears.add(year);
  process.emitWarning(
    `no holiday data for ${year}: counting Monday–Friday as working days. ` +
      'Add the year with TONGBAN_HOLIDAYS_FILE (see docs/operations.md).',
    { type: 'TongbanCalendarWarning', code: 'TONGBAN_CALENDAR_UNCOVERED' },
  );
}

interface Span {
  from: number;
  to: number;
  open: boolean;
}

class Calendar implements WorkingCalendar {
  /** day number → working (true) or not (false), for days the data names. */
  private readonly days = new Map<number, boolean>();
  private readonly years = new Set<number>();

  constructor(layers: readonly HolidayData[]) {
    for (const layer of layers) {
      for (const [year, entry] of Object.entries(layer.years)) {
        this.years.add(Number(year));
        for (const d of entry.holidays) this.days.set(parseDate(d)!, false);
        for (const d of entry.workdays) this.days.set(parseDate(d)!, true);
      }
    }
  }

  covered(year: number): boolean {
    return this.years.has(year);
  }

  private working(day: number): boolean {
    const named = this.days.get(day);
    if (named !== undefined) return named;
    const year = yearOfDay(day);
    if (!this.years.has(year)) warnUncovered(year);
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  private workingOnOrAfter(day: number): number {
    while (!this.working(day)) day++;
    return day;
  }

  /** The n-th working day after `day` (rule 1); for n = 0, `day` or the next working day (rule 3). */
  private addWorking(day: number, n: number): number {
    if (n === 0) return this.workingOnOrAfter(day);
    let count = 0;
    while (count < n) {
      day++;
      if (this.working(day)) count++;
    }
    return day;
  }

  private addNatural(day: number, n: number): number {
    return this.workingOnOrAfter(day + n);
  }

  /** Working days d with a < d ≤ b (rule 4). */
  private workingBetween(a: number, b: number): number {
    if (b < a) return -this.workingBetween(b, a);
    let count = 0;
    for (let d = a + 1; d <= b; d++) if (this.working(d)) count++;
    return count;
  }

  isWorkingDay(date: ChinaDate): boolean {
    const day = parseDate(date);
    if (day === null) throw invalid('calendar.invalid_date', `expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    return this.working(day);
  }

  chinaDate(instant: Instant): ChinaDate {
    return chinaDate(instant);
  }

  addWorkingDays(start: Instant, n: number): string {
    checkCount(n, 'working days');
    return dayEndIso(this.addWorking(chinaDay(toMs(start, 'start')), n));
  }

  addNaturalDays(start: Instant, n: number): string {
    checkCount(n, 'natural days');
    return dayEndIso(this.addNatural(chinaDay(toMs(start, 'start')), n));
  }

  workingDaysBetween(a: Instant, b: Instant): number {
    return this.workingBetween(chinaDay(toMs(a, 'a')), chinaDay(toMs(b, 'b')));
  }

  naturalDaysBetween(a: Instant, b: Instant): number {
    return chinaDay(toMs(b, 'b')) - chinaDay(toMs(a, 'a'));
  }

  computeDeadline(input: DeadlineInput): DeadlineStatus {
    const { limit } = input;
    if (!limit || (limit.unit !== 'working_day' && limit.unit !== 'natural_day')) {
      throw invalid('calendar.invalid_limit', 'limit.unit must be "working_day" or "natural_day"');
    }
    checkCount(limit.value, 'limit.value');
    const startMs = toMs(input.start, 'start');
    const nowMs = toMs(input.now, 'now');
    const byWorkingDays = limit.unit === 'working_day';
    const add = (day: number, n: number) => (byWorkingDays ? this.addWorking(day, n) : this.addNatural(day, n));
    const between = (a: number, b: number) => (byWorkingDays ? this.workingBetween(a, b) : b - a);

    // The pauses as known at `now`, merged where they overlap (rule 5, 7).
    const spans: Span[] = [];
    (input.pauses ?? []).forEach((p, i) => {
      const from = toMs(p.from, `pauses[${i}].from`);
      const to = p.to === null ? null : toMs(p.to, `pauses[${i}].to`);
      if (from < startMs) throw invalid('calendar.invalid_pause', `pauses[${i}] begins before the start`);
      if (to !== null && to < from) throw invalid('calendar.invalid_pause', `pauses[${i}] ends before it begins`);
      if (from > nowMs) return;
      const open = to === null || to > nowMs;
      spans.push({ from, to: open ? nowMs : to, open });
    });
    spans.sort((x, y) => x.from - y.from);
    const merged: Span[] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.from <= last.to) {
        if (s.to > last.to) last.to = s.to;
        last.open ||= s.open;
      } else merged.push({ ...s });
    }

    // The deadline (rules 5, 6).
    let remaining = limit.value;
    let cursor = chinaDay(startMs);
    let pausedDays = 0;
    for (const s of merged) {
      const fromDay = chinaDay(s.from);
      if (fromDay > add(cursor, remaining)) break;
      remaining -= Math.min(remaining, between(cursor, fromDay));
      const toDay = chinaDay(s.to);
      pausedDays += between(fromDay, toDay);
      cursor = toDay;
    }
    const dueDay = add(cursor, remaining);
    const dueAt = dayEndIso(dueDay);

    // Days used so far, paused days excluded (rule 8).
    let used = 0;
    let from = chinaDay(startMs);
    for (const s of merged) {
      used += between(from, chinaDay(s.from));
      from = chinaDay(s.to);
    }
    const nowDay = chinaDay(nowMs);
    if (nowDay > from) used += between(from, nowDay);

    const overdue = nowMs > Date.parse(dueAt);
    const ratio = limit.value === 0 ? (overdue ? 1 : 0) : used / limit.value;
    const elapsedFraction = overdue ? Math.max(1, ratio) : Math.min(1, ratio);
    return {
      dueAt,
      paused: merged.some((s) => s.open),
      elapsedFraction,
      warning: elapsedFraction >= WARNING_FRACTION,
      overdue,
      usedDays: used,
      pausedDays,
    };
  }
}

const cache = new Map<string, WorkingCalendar>();

/**
 * The calendar from the built-in data (src/platform/holidays/cn.json) with `extraFile` (TONGBAN_HOLIDAYS_FILE)
 * merged over it day by day. Cached per file for the life of the process; throws a message naming the file, line
 * and field when the file is malformed — call it at start-up so a bad file stops the server.
 */
export function createCalendar(options: { extraFile?: string | null } = {}): WorkingCalendar {
  const file = options.extraFile ? path.resolve(options.extraFile) : null;
  const key = file ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const layers = [validateHolidayData(builtInData as unknown, new Map(), 'src/platform/holidays/cn.json (built in)')];
  if (file) layers.push(readHolidayFile(file));
  const calendar = new Calendar(layers);
  cache.set(key, calendar);
  return calendar;
}
