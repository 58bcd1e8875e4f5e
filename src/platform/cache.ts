import type { Clock } from './clock.js';

/**
 * A small in-process cache with a time-to-live and a size bound (oldest entries go first). Time comes from the
 * platform clock, so tests that move the clock move the cache too. Each process has its own: anything cached may be
 * up to `ttlMs` stale with respect to changes made by another process.
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.clock.nowMs()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, until: this.clock.nowMs() + this.ttlMs });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
