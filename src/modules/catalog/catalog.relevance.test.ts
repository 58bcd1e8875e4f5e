import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/harness.js';
import { searchCatalog } from './use-cases/search.js';
import { RELEVANCE_CASES } from './catalog.relevance.js';

/**
 * The relevance test set (catalog.relevance.ts) run through the real search over the demo catalogue. Each case passes
 * when one of its expected items (by basic-item name or code, and implementing department where given) is in the top N.
 * The hit rate is printed; the suite fails below the bar, and any single case that regresses is named.
 */
const BAR = 0.9;

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ demo: true });
});
afterAll(async () => p?.close());

describe('search relevance over the demo catalogue', () => {
  it(`finds the expected item in the top results for at least ${BAR * 100}% of ${RELEVANCE_CASES.length} queries`, async () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(50);
    const misses: string[] = [];
    let hits = 0;
    for (const c of RELEVANCE_CASES) {
      const top = c.top ?? 3;
      const r = await searchCatalog(p.deps, { q: c.query, region: c.region, object: c.object, limit: top });
      const ok = r.hits.some((h) =>
        c.expect.some((e) => h.item.name === e || h.item.basicCode === e || h.item.name.includes(e)) &&
        (!c.expectDepartment || h.item.department.name === c.expectDepartment));
      if (ok) hits++;
      else misses.push(`  ${JSON.stringify(c.query)}${c.region ? ` @${c.region}` : ''} → [${r.hits.map((h) => `${h.item.name}/${h.item.department.name}`).join(', ')}] (wanted ${c.expect.join(' | ')}${c.expectDepartment ? ` by ${c.expectDepartment}` : ''})`);
    }
    const rate = hits / RELEVANCE_CASES.length;
    console.log(`catalogue search relevance: ${hits}/${RELEVANCE_CASES.length} = ${(rate * 100).toFixed(1)}% of queries have an expected item in their top results${misses.length ? `\nmisses:\n${misses.join('\n')}` : ''}`);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(BAR);
  });
});
