/** The platform's notion of now. Tests pass a fixed or steerable clock; production uses the system clock. */
export interface Clock {
  now(): Date;
  /** Milliseconds since the epoch (no Date allocated; for hot paths). */
  nowMs(): number;
  /** ISO-8601 UTC timestamp of now. */
  nowIso(): string;
}

// A filing asks for the time as text about ten times within the same millisecond: the text is made once per millisecond.
let lastMs = -1;
let lastIso = '';

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
  nowIso: () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastIso = new Date(ms).toISOString();
      lastMs = ms;
    }
    return lastIso;
  },
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
