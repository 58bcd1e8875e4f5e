/** The platform's notion of now. Tests pass a fixed or steerable clock; production uses the system clock. */
export interface Clock {
  now(): Date;
  /** Milliseconds since the epoch (no Date allocated; for hot paths). */
  nowMs(): number;
  /** ISO-8601 UTC timestamp of now. */
  nowIso(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
  nowIso: () => new Date().toISOString(),
};

/** A clock tests can move forward. */
export function manualClock(start: Date = new Date()): Clock & { advance(ms: number): void; set(d: Date): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    nowMs: () => t,
    nowIso: () => new Date(t).toISOString(),
    advance(ms: number) {
      t += ms;
    },
    set(d: Date) {
      t = d.getTime();
    },
  };
}
