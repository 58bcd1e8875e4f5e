import type { WorkingCalendar, TimeLimit, Pause } from '../../platform/calendar.js';

/**
 * A case's clock: it starts at acceptance (受理), runs in working or natural days by the item's promised limit, and
 * stops while a correction (补正) or a special procedure is open. `warnAt` is when 80% of the promised time is used.
 */
export interface CaseClock {
  dueAt: string;
  warnAt: string;
  legalDueAt: string;
  paused: boolean;
}

export function caseClock(calendar: WorkingCalendar, start: string, promised: TimeLimit, legal: TimeLimit, pauses: Pause[], now: string): CaseClock {
  const due = calendar.computeDeadline({ start, limit: promised, pauses, now });
  // The warning starts with the day on which 80% of the limit is used (the calendar counts a day once it has begun),
  // i.e. at the end of the day before it.
  const warnLimit = { value: Math.max(0, Math.ceil(promised.value * 0.8) - 1), unit: promised.unit };
  const warn = calendar.computeDeadline({ start, limit: warnLimit, pauses, now });
  const legalDue = calendar.computeDeadline({ start, limit: legal, pauses, now });
  return { dueAt: due.dueAt, warnAt: warn.dueAt, legalDueAt: legalDue.dueAt, paused: due.paused };
}

/** Pauses that stop this clock: a correction before acceptance (受理) happened before the clock started and is not one. */
export function clockPauses(rows: { from_at: string; to_at: string | null }[], start: string): Pause[] {
  return rows.filter((p) => p.from_at >= start).map((p) => ({ from: p.from_at, to: p.to_at }));
}
