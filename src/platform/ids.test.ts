import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('makes UUIDv7s that sort in the order they were made, each different, with the time in front', () => {
    const before = Date.now();
    const made = Array.from({ length: 5000 }, () => newId());
    const after = Date.now();
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    const ms = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms(made[0])).toBeGreaterThanOrEqual(before);
    expect(ms(made[made.length - 1])).toBeLessThanOrEqual(after);
    // the random part changes across the pool's refills (1,024 words: a few hundred ids each)
    const tails = new Set(made.map((id) => id.slice(-12)));
    expect(tails.size).toBe(made.length);
  });
});
