import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * The China day (YYYY-MM-DD, UTC+8, no daylight saving) of a UTC ISO-8601 timestamp column, in SQL: for per-day counts
 * that match the days officers and citizens see (src/platform/calendar.ts).
 */
export function chinaDay(dialect: Dialect, column: string): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char((${sql.ref(column)}::timestamptz at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, '+8 hours')`;
}
