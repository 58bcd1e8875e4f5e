import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCalendar, parseHolidayData, type DeadlineInput } from './calendar.js';
import builtIn from './holidays/cn.json' with { type: 'json' };

const cal = createCalendar();

/** End of a China day as the UTC instant the calendar returns. */
const endOf = (date: string) => `${date}T15:59:59.999Z`;
/** A China wall-clock time as a UTC instant. */
const cst = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`).toISOString();

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-calendar-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let fileNo = 0;
function holidaysFile(text: string): string {
  const file = path.join(tmp, `holidays-${++fileNo}.json`);
  fs.writeFileSync(file, text);
  return file;
}

describe('holiday data', () => {
  it('Spring Festival 2025: 1/28–2/4 off, 1/26 (Sun) and 2/8 (Sat) are working days', () => {
    for (const d of range('2025-01-28', '2025-02-04')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.isWorkingDay('2025-02-05')).toBe(true);
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
    expect(cal.isWorkingDay('2025-02-09')).toBe(false);
  });

  it('Spring Festival 2026: 2/15–2/23 off (9 days), 2/14 and 2/28 (Saturdays) are working days', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('National Day + Mid-Autumn 2025 is 8 days off, with 9/28 (Sun) and 10/11 (Sat) working', () => {
    const off = range('2025-09-27', '2025-10-12').filter((d) => !cal.isWorkingDay(d));
    expect(off).toEqual([
      '2025-09-27',
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
      '2025-10-12',
    ]);
    expect(cal.workingDaysBetween(cst('2025-09-30'), cst('2025-10-09'))).toBe(1);
  });

  it('every 调休 Saturday or Sunday counts as a working day, and the built-in file lists only weekend days there', () => {
    for (const [year, entry] of Object.entries(builtIn.years)) {
      expect(entry.workdays.length, year).toBeGreaterThan(0);
      for (const d of entry.workdays) {
        expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(cal.isWorkingDay(d), d).toBe(true);
      }
    }
    // the other 2025/2026 make-up days, from the notices
    for (const d of ['2025-04-27', '2026-01-04', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.isWorkingDay(d), d).toBe(true);
    }
  });

  it('other 2025 and 2026 holidays', () => {
    const off2025 = ['2025-01-01', '2025-04-04', '2025-05-01', '2025-05-05', '2025-05-31', '2025-06-02'];
    const off2026 = ['2026-01-01', '2026-01-02', '2026-04-06', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-07'];
    for (const d of [...off2025, ...off2026]) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.covered(2025)).toBe(true);
    expect(cal.covered(2026)).toBe(true);
  });

  it('rejects dates that are not YYYY-MM-DD', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => cal.isWorkingDay('2025-2-3')).toThrow(/YYYY-MM-DD/);
  });
});

describe('China time', () => {
  it('an instant at 2025-01-27T16:30Z is already 1/28 (a holiday) in China', () => {
    expect(cal.chinaDate('2025-01-27T16:30:00Z')).toBe('2025-01-28');
    expect(cal.chinaDate('2025-01-27T15:59:59.999Z')).toBe('2025-01-27');
    expect(cal.chinaDate(new Date('2025-01-27T16:00:00Z'))).toBe('2025-01-28');
    // a same-day case (limit 0): received 23:30 China time on 1/27 is due that night; 00:30 on 1/28 waits for 2/5
    expect(cal.addWorkingDays('2025-01-27T15:30:00Z', 0)).toBe('2025-01-27T15:59:59.999Z');
    expect(cal.addWorkingDays('2025-01-27T16:30:00Z', 0)).toBe('2025-02-05T15:59:59.999Z');
  });

  it('deadlines are the end of the China day, as UTC', () => {
    // Sunday 1/26 23:00 China time (a 调休 working day): one working day later is Monday 1/27
    expect(cal.addWorkingDays('2025-01-26T15:00:00Z', 1)).toBe('2025-01-27T15:59:59.999Z');
    // the same instant written with +08:00
    expect(cal.addWorkingDays('2025-01-26T23:00:00+08:00', 1)).toBe('2025-01-27T15:59:59.999Z');
  });

  it('rejects instants without a zone', () => {
    expect(() => cal.addWorkingDays('2025-01-26T10:00:00', 1)).toThrow(/zone/);
    expect(() => cal.chinaDate('2025-01-26')).toThrow(/zone/);
    expect(() => cal.addWorkingDays(cst('2025-01-26'), -1)).toThrow(/non-negative/);
  });
});

describe('working and natural days', () => {
  it('20 working days from Friday 2025-09-26 end on Thursday 2025-10-30', () => {
    // day 1 = 9/28 (Sun, 调休), 2–3 = 9/29–9/30, 10/1–10/8 off, 4–6 = 10/9, 10/10, 10/11 (Sat, 调休),
    // 7–11 = 10/13–10/17, 12–16 = 10/20–10/24, 17–20 = 10/27–10/30
    expect(cal.addWorkingDays(cst('2025-09-26', '09:00'), 20)).toBe('2025-10-30T15:59:59.999Z');
    expect(cal.addWorkingDays(cst('2025-09-26', '09:00'), 6)).toBe(endOf('2025-10-11'));
    expect(cal.workingDaysBetween(cst('2025-09-26'), cst('2025-10-30', '16:00'))).toBe(20);
    expect(cal.workingDaysBetween(cst('2025-10-30'), cst('2025-09-26'))).toBe(-20);
  });

  it('the day of receipt does not count, and a start on a holiday counts from the next working day', () => {
    expect(cal.addWorkingDays(cst('2025-03-03', '08:00'), 1)).toBe(endOf('2025-03-04'));
    expect(cal.addWorkingDays(cst('2025-03-08'), 1)).toBe(endOf('2025-03-10')); // received Saturday
    expect(cal.addWorkingDays(cst('2025-10-03'), 1)).toBe(endOf('2025-10-09')); // received during National Day
    expect(cal.addWorkingDays(cst('2025-10-03'), 0)).toBe(endOf('2025-10-09'));
    expect(cal.addWorkingDays(cst('2025-10-11'), 0)).toBe(endOf('2025-10-11')); // a 调休 Saturday is a working day
    expect(cal.addWorkingDays(cst('2025-03-03'), 0)).toBe(endOf('2025-03-03'));
  });

  it('workingDaysBetween agrees with addWorkingDays across both years', () => {
    for (const start of ['2025-01-20', '2025-09-26', '2025-12-24', '2026-02-12', '2026-09-18']) {
      for (const n of [0, 1, 5, 20, 45]) {
        const due = cal.addWorkingDays(cst(start), n);
        expect(cal.workingDaysBetween(cst(start), due), `${start} + ${n}`).toBe(n);
      }
    }
  });

  it('a natural-day period ending on a holiday moves to the end of the next working day', () => {
    expect(cal.addNaturalDays(cst('2025-09-21'), 10)).toBe(endOf('2025-10-09')); // 10/1 → 10/9
    expect(cal.addNaturalDays(cst('2026-02-08'), 10)).toBe(endOf('2026-02-24')); // 2/18 (春节) → 2/24
    expect(cal.addNaturalDays(cst('2025-03-05'), 10)).toBe(endOf('2025-03-17')); // Saturday 3/15 → Monday
    expect(cal.addNaturalDays(cst('2025-09-27'), 14)).toBe(endOf('2025-10-11')); // 调休 Saturday stays
    expect(cal.addNaturalDays(cst('2025-01-20'), 7)).toBe(endOf('2025-01-27'));
    expect(cal.addNaturalDays(cst('2025-10-02'), 0)).toBe(endOf('2025-10-09'));
    expect(cal.naturalDaysBetween(cst('2025-09-21'), cst('2025-10-01'))).toBe(10);
  });
});

describe('deadlines with pauses', () => {
  // Received Monday 2025-03-03 10:00 China time; March 2025 has no holidays.
  // 10 working days: 3/4, 3/5, 3/6, 3/7, 3/10, 3/11, 3/12, 3/13, 3/14, 3/17.
  const start = cst('2025-03-03');
  const tenWorking = { value: 10, unit: 'working_day' } as const;
  const deadline = (over: Partial<DeadlineInput>) =>
    cal.computeDeadline({ start, limit: tenWorking, pauses: [], now: cst('2025-03-04'), ...over });

  it('without pauses', () => {
    expect(deadline({}).dueAt).toBe(endOf('2025-03-17'));
  });

  it('a closed pause from day 3 to day 7 adds days 4–7: the deadline moves by 4 working days', () => {
    const r = deadline({ pauses: [{ from: cst('2025-03-06', '15:00'), to: cst('2025-03-12', '09:00') }], now: cst('2025-03-12', '12:00') });
    expect(r.dueAt).toBe(endOf('2025-03-21'));
    expect(r.pausedDays).toBe(4);
    expect(r.paused).toBe(false);
    expect(r.usedDays).toBe(3); // 3/4, 3/5, 3/6; the resume day 3/12 does not count
  });

  it('a pause that begins and ends on the same day costs nothing', () => {
    const r = deadline({ pauses: [{ from: cst('2025-03-06', '09:00'), to: cst('2025-03-06', '17:00') }] });
    expect(r.dueAt).toBe(endOf('2025-03-17'));
    expect(r.pausedDays).toBe(0);
  });

  it('the day a pause begins is used, the resume day is given back', () => {
    // correction requested Friday 3/7, materials resubmitted online on Sunday 3/9: no working day was lost
    const weekend = deadline({ pauses: [{ from: cst('2025-03-07', '16:00'), to: cst('2025-03-09', '20:00') }], now: cst('2025-03-10') });
    expect(weekend).toMatchObject({ dueAt: endOf('2025-03-17'), pausedDays: 0, usedDays: 5 });
    // requested Friday 3/7, resubmitted Monday 3/10: Monday is given back, Friday is not
    const monday = deadline({ pauses: [{ from: cst('2025-03-07', '16:00'), to: cst('2025-03-10', '09:00') }], now: cst('2025-03-10') });
    expect(monday).toMatchObject({ dueAt: endOf('2025-03-18'), pausedDays: 1, usedDays: 4 });
  });

  it('an open pause stops the clock: dueAt is the deadline if the case resumed now, and nothing is overdue', () => {
    const pauses = [{ from: cst('2025-03-06', '15:00'), to: null }];
    const r = deadline({ pauses, now: cst('2025-03-11', '12:00') });
    expect(r).toMatchObject({ paused: true, overdue: false, warning: false, usedDays: 3, pausedDays: 3 });
    expect(r.dueAt).toBe(endOf('2025-03-20'));
    expect(r.elapsedFraction).toBeCloseTo(0.3);
    // weeks later, still paused: the deadline keeps moving
    const later = deadline({ pauses, now: cst('2025-04-30', '12:00') });
    expect(later).toMatchObject({ paused: true, overdue: false, usedDays: 3 });
    expect(Date.parse(later.dueAt)).toBeGreaterThan(Date.parse(cst('2025-04-30', '23:00')));
  });

  it('answers as of now: a pause that ends after now is open, one that begins after now is ignored', () => {
    const pauses = [{ from: cst('2025-03-06', '15:00'), to: cst('2025-03-12', '09:00') }];
    expect(deadline({ pauses, now: cst('2025-03-11') })).toMatchObject({ paused: true, dueAt: endOf('2025-03-20') });
    expect(deadline({ pauses, now: cst('2025-03-05') })).toMatchObject({ paused: false, dueAt: endOf('2025-03-17'), pausedDays: 0 });
  });

  it('several pauses add up', () => {
    const r = deadline({
      pauses: [
        { from: cst('2025-03-10', '11:00'), to: cst('2025-03-12', '16:00') }, // (3/10, 3/12]: 2
        { from: cst('2025-03-05'), to: cst('2025-03-06') }, // (3/5, 3/6]: 1
      ],
      now: cst('2025-03-13'),
    });
    expect(r.pausedDays).toBe(3);
    expect(r.dueAt).toBe(endOf('2025-03-20'));
  });

  it('overlapping pauses are merged, so no day is given back twice', () => {
    const r = deadline({
      pauses: [
        { from: cst('2025-03-05'), to: cst('2025-03-10') },
        { from: cst('2025-03-07'), to: cst('2025-03-12', '16:00') },
      ],
      now: cst('2025-03-13'),
    });
    // merged (3/5, 3/12]: 3/6, 3/7, 3/10, 3/11, 3/12 → 5 working days; summing them separately would give 6
    expect(r.pausedDays).toBe(5);
    expect(r.dueAt).toBe(endOf('2025-03-24'));
  });

  it('a pause over a holiday gives back only the working days inside it', () => {
    // 5 working days from Monday 9/22: 9/23, 9/24, 9/25, 9/26, 9/28 (Sun, 调休)
    const five = { value: 5, unit: 'working_day' } as const;
    const s = cst('2025-09-22');
    expect(cal.computeDeadline({ start: s, limit: five, now: s }).dueAt).toBe(endOf('2025-09-28'));
    // paused 9/26 → 10/10: (9/26, 10/10] holds 9/28, 9/29, 9/30, 10/9, 10/10 → 5; 4 used, the 5th is 10/11 (Sat, 调休)
    const r = cal.computeDeadline({
      start: s,
      limit: five,
      pauses: [{ from: cst('2025-09-26'), to: cst('2025-10-10') }],
      now: cst('2025-10-10', '12:00'),
    });
    expect(r.pausedDays).toBe(5);
    expect(r.dueAt).toBe(endOf('2025-10-11'));
  });

  it('natural-day limits count paused calendar days, then move off a weekend or holiday', () => {
    // 10 natural days from 3/3 → 3/13; paused 3/5 → 3/8 gives back 3 days → 3/16 (Sunday) → Monday 3/17
    const r = cal.computeDeadline({
      start,
      limit: { value: 10, unit: 'natural_day' },
      pauses: [{ from: cst('2025-03-05'), to: cst('2025-03-08') }],
      now: cst('2025-03-09'),
    });
    expect(r.pausedDays).toBe(3);
    expect(r.dueAt).toBe(endOf('2025-03-17'));
    expect(r.usedDays).toBe(3); // 3/4, 3/5, 3/9
  });

  it('a pause begun on the last day: the deadline becomes the end of the resume day', () => {
    // 5 working days from 3/3 → 3/10
    const five = { value: 5, unit: 'working_day' } as const;
    const pauses = [{ from: cst('2025-03-10', '14:00'), to: cst('2025-03-13', '09:00') }];
    const onResume = cal.computeDeadline({ start, limit: five, pauses, now: cst('2025-03-13', '12:00') });
    expect(onResume).toMatchObject({ dueAt: endOf('2025-03-13'), overdue: false, elapsedFraction: 1, warning: true });
    const dayAfter = cal.computeDeadline({ start, limit: five, pauses, now: cst('2025-03-14') });
    expect(dayAfter.overdue).toBe(true);
    expect(dayAfter.elapsedFraction).toBeCloseTo(1.2);
  });

  it('a pause begun after the deadline neither moves it nor clears overdue', () => {
    const five = { value: 5, unit: 'working_day' } as const;
    const r = cal.computeDeadline({ start, limit: five, pauses: [{ from: cst('2025-03-12'), to: null }], now: cst('2025-03-13') });
    expect(r).toMatchObject({ dueAt: endOf('2025-03-10'), paused: true, overdue: true, pausedDays: 0 });
  });

  it('warns at 80% of the limit and flags overdue after the end of the last day', () => {
    expect(deadline({ now: cst('2025-03-12') })).toMatchObject({ warning: false, overdue: false }); // day 7
    const day8 = deadline({ now: cst('2025-03-13', '08:30') });
    expect(day8).toMatchObject({ warning: true, overdue: false, usedDays: 8 });
    expect(day8.elapsedFraction).toBeCloseTo(0.8);
    expect(deadline({ now: '2025-03-17T15:59:59.999Z' })).toMatchObject({ elapsedFraction: 1, warning: true, overdue: false });
    const late = deadline({ now: '2025-03-17T16:00:00.000Z' }); // 00:00 on 3/18 China time
    expect(late).toMatchObject({ warning: true, overdue: true });
    expect(late.elapsedFraction).toBeCloseTo(1.1);
    // a weekend after the deadline still counts as overdue; the fraction never drops below 1
    expect(
      cal.computeDeadline({ start, limit: { value: 4, unit: 'working_day' }, now: cst('2025-03-08') }),
    ).toMatchObject({ dueAt: endOf('2025-03-07'), overdue: true, elapsedFraction: 1 });
    // a pause keeps the fraction down: 3 used of 10
    const paused = deadline({ pauses: [{ from: cst('2025-03-06'), to: null }], now: cst('2025-03-14') });
    expect(paused.elapsedFraction).toBeCloseTo(0.3);
  });

  it('a same-day (即办) limit is due at the end of the start day, or of the next working day', () => {
    const zero = { value: 0, unit: 'working_day' } as const;
    expect(cal.computeDeadline({ start, limit: zero, now: cst('2025-03-03', '18:00') })).toMatchObject({
      dueAt: endOf('2025-03-03'),
      overdue: false,
      elapsedFraction: 0,
    });
    expect(cal.computeDeadline({ start, limit: zero, now: cst('2025-03-04') })).toMatchObject({ overdue: true, elapsedFraction: 1 });
    const holiday = cst('2025-10-03');
    expect(cal.computeDeadline({ start: holiday, limit: zero, now: holiday }).dueAt).toBe(endOf('2025-10-09'));
    expect(cal.computeDeadline({ start: holiday, limit: { value: 0, unit: 'natural_day' }, now: holiday }).dueAt).toBe(endOf('2025-10-09'));
    // paused on the due day for a correction: due at the end of the day the materials come back
    const r = cal.computeDeadline({
      start,
      limit: zero,
      pauses: [{ from: cst('2025-03-03', '11:00'), to: cst('2025-03-05', '15:00') }],
      now: cst('2025-03-05', '16:00'),
    });
    expect(r).toMatchObject({ dueAt: endOf('2025-03-05'), overdue: false });
  });

  it('rejects impossible pauses and limits', () => {
    expect(() => deadline({ pauses: [{ from: cst('2025-03-01'), to: null }] })).toThrow(/before the start/);
    expect(() => deadline({ pauses: [{ from: cst('2025-03-06'), to: cst('2025-03-05') }] })).toThrow(/ends before it begins/);
    expect(() => deadline({ limit: { value: 1.5, unit: 'working_day' } })).toThrow(/non-negative integer/);
    expect(() => deadline({ limit: { value: 5, unit: 'hour' as 'working_day' } })).toThrow(/unit/);
  });
});

describe('years outside the data', () => {
  it('fall back to Monday–Friday, say so with covered(), and warn once per year', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      expect(cal.covered(2030)).toBe(false);
      expect(cal.covered(2024)).toBe(false);
      expect(cal.isWorkingDay('2030-01-01')).toBe(true); // a Tuesday: New Year's Day is unknown without data
      expect(cal.isWorkingDay('2030-01-05')).toBe(false); // Saturday
      expect(cal.addWorkingDays(cst('2030-01-04'), 1)).toBe(endOf('2030-01-07'));
      const calls = warn.mock.calls.filter((c) => String(c[0]).includes('2030'));
      expect(calls).toHaveLength(1);
      expect(String(calls[0][0])).toMatch(/no holiday data for 2030.*Monday–Friday/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the deployment holidays file (TONGBAN_HOLIDAYS_FILE)', () => {
  it('is merged over the built-in data day by day and cached per file', () => {
    const file = holidaysFile(
      JSON.stringify({
        source: 'test province',
        years: {
          '2025': { holidays: ['2025-03-03'], workdays: ['2025-10-08'] },
          '2027': { holidays: ['2027-01-01'], workdays: [] },
        },
      }),
    );
    const local = createCalendar({ extraFile: file });
    expect(local.isWorkingDay('2025-03-03')).toBe(false); // local holiday added
    expect(local.isWorkingDay('2025-10-08')).toBe(true); // built-in holiday overridden
    expect(local.isWorkingDay('2025-01-28')).toBe(false); // built-in data kept
    expect(local.covered(2027)).toBe(true);
    expect(local.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2025-03-03')).toBe(true); // the default calendar is untouched
    expect(createCalendar({ extraFile: file })).toBe(local);
    expect(createCalendar({ extraFile: null })).toBe(cal);
  });

  it('rejects a malformed file with the file, line and field', () => {
    const bad = (text: string) => () => createCalendar({ extraFile: holidaysFile(text) });
    const badDate = '{\n  "years": {\n    "2027": {\n      "holidays": ["2027-01-01",\n        "2027-02-30"],\n      "workdays": []\n    }\n  }\n}\n';
    expect(bad(badDate)).toThrow(/holidays-\d+\.json, line 5: years\.2027\.holidays\[1\]: "2027-02-30" is not a real date/);
    expect(bad('{\n  "years": {\n    "2027": { "holidays": [], "workdays": [],\n  }\n}')).toThrow(
      /invalid JSON at line 4, column 3: expected a property name/,
    );
    expect(bad('{ "years": { "2027": { "holidays": ["2026-12-31"], "workdays": [] } } }')).toThrow(
      /years\.2027\.holidays\[0\]: 2026-12-31 is not in 2027/,
    );
    expect(bad('{ "years": { "2027": { "holidays": ["2027-02-06"], "workdays": ["2027-02-06"] } } }')).toThrow(
      /years\.2027\.workdays\[0\]: 2027-02-06 is already listed at years\.2027\.holidays\[0\]/,
    );
    expect(bad('{ "years": { "2027": { "holiday": [], "workdays": [] } } }')).toThrow(/years\.2027\.holiday: unknown field/);
    expect(bad('{ "years": { "2027": { "workdays": [] } } }')).toThrow(/years\.2027\.holidays: must be a list/);
    expect(bad('{ "years": { "27": { "holidays": [], "workdays": [] } } }')).toThrow(/years\.27: a year must be four digits/);
    expect(bad('{ "years": { "2027": { "holidays": [], "workdays": [] }, "2027": { "holidays": [], "workdays": [] } } }')).toThrow(
      /duplicate key "2027"/,
    );
    expect(bad('[]')).toThrow(/must be an object/);
    expect(() => createCalendar({ extraFile: path.join(tmp, 'missing.json') })).toThrow(/missing\.json: cannot be read/);
  });

  it('parseHolidayData accepts the built-in file', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'holidays', 'cn.json'), 'utf8');
    const data = parseHolidayData(text, 'cn.json');
    expect(Object.keys(data.years)).toEqual(['2025', '2026']);
    expect(data.years['2025'].holidays).toHaveLength(28);
    expect(data.years['2026'].holidays).toHaveLength(33);
  });
});
