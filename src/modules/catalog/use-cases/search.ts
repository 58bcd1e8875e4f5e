import type { Deps } from '../../../platform/deps.js';
import { SearchIndex } from '../../../platform/search/index.js';
import { parentRegionCode, regionLevel, REGION_LEVELS } from '../../../platform/codes.js';
import * as q from '../catalog.queries.js';
import type { ItemRow } from '../catalog.queries.js';
import type { Guide, SearchQuery, SearchResult } from '../catalog.schemas.js';
import { toSummary } from './items.js';

/**
 * The citizens' catalogue search: an in-memory index of the published, live items of this process, built on first use
 * and kept current by catching up with items changed since (catalog_items.updated_at). A change made through this
 * process marks the index stale so the next search sees it at once; a change made by another process is seen within
 * `CHECK_INTERVAL_MS`.
 */
const CHECK_INTERVAL_MS = 1000;

interface CatalogIndex {
  index: SearchIndex;
  /** Newest updated_at caught up with. */
  since: string | null;
  count: number;
  checkedAt: number;
  stale: boolean;
  loading: Promise<void> | null;
}

const indexes = new WeakMap<Deps, CatalogIndex>();

export function markSearchStale(deps: Deps): void {
  const ci = indexes.get(deps);
  if (ci) ci.stale = true;
}

function newIndex(): SearchIndex {
  return new SearchIndex({
    fields: [
      { name: 'title', weight: 6, pinyin: true },
      { name: 'aliases', weight: 4, pinyin: true },
      { name: 'department', weight: 1.2 },
      { name: 'body', weight: 1 },
    ],
  });
}

/** What one item contributes to the index. */
export function searchDocumentOf(row: ItemRow & { published_guide: string | null }) {
  const g = JSON.parse(row.published_guide!) as Guide;
  const body = [
    g.summary ?? '',
    g.conditions,
    g.result.name,
    ...g.materials.map((m) => m.name),
    ...g.faq.map((f) => f.question),
    ...g.process.map((p) => p.name),
  ].join('\n');
  return {
    id: row.id,
    fields: { title: row.basic_name, aliases: g.aliases, department: [row.department_name, row.department_short_name ?? ''].filter(Boolean), body },
    facets: {
      department: [row.department_id],
      region: [row.region_code],
      province: [row.region_code.slice(0, 2) + '0000'],
      object: g.serviceObjects,
      theme: g.themes,
      lifeEvent: g.lifeEvents,
      itemType: [row.item_type],
      basic: [row.basic_code],
    },
    sortKey: `${row.basic_code}:${row.region_code}`,
  };
}

const isLive = (r: ItemRow & { published_guide: string | null }) => r.published_version !== null && !r.retired_at && r.published_guide !== null;

async function catchUp(deps: Deps, ci: CatalogIndex, from: string | null): Promise<void> {
  const rows = await q.findItemsChangedSince(deps.db, from);
  for (const r of rows) {
    if (isLive(r)) ci.index.replace(searchDocumentOf(r));
    else ci.index.remove(r.id);
    if (!ci.since || r.updated_at > ci.since) ci.since = r.updated_at;
  }
}

async function currentIndex(deps: Deps): Promise<SearchIndex> {
  let ci = indexes.get(deps);
  if (!ci) {
    ci = { index: newIndex(), since: null, count: 0, checkedAt: 0, stale: true, loading: null };
    indexes.set(deps, ci);
  }
  const now = Date.now();
  if (!ci.stale && now - ci.checkedAt < CHECK_INTERVAL_MS) return ci.index;
  if (!ci.loading) {
    const c = ci;
    c.loading = (async () => {
      const rev = await q.catalogRevision(deps.db);
      const n = Number(rev.n);
      const latest = (rev.latest as string | null) ?? null;
      if (c.stale || n !== c.count || latest !== c.since) {
        c.stale = false;
        // Re-read the newest instant caught up with too, in case two changes shared a millisecond (replace is idempotent).
        const first = c.since === null;
        await catchUp(deps, c, c.since ? new Date(Date.parse(c.since) - 1).toISOString() : null);
        if (first) c.index.compact(); // after the bulk load: packs the posting lists (about a quarter less memory)
        if (latest && (!c.since || latest > c.since)) c.since = latest;
        c.count = n;
      }
      c.checkedAt = Date.now();
    })().finally(() => {
      c.loading = null;
    });
  }
  await ci.loading;
  return ci.index;
}

/** The citizen's region and the regions above it: items implemented in any of them serve that citizen. */
function regionChain(code: string): string[] {
  const out: string[] = [];
  for (let c: string | null = code; c; c = parentRegionCode(c)) out.push(c);
  return out;
}

export async function searchCatalog(deps: Deps, query: SearchQuery): Promise<SearchResult> {
  const index = await currentIndex(deps);
  const filter: Record<string, string[]> = {};
  // A province means "anywhere in it" (no single implementation is more local than another there).
  const byProvince = !!query.region && query.region.endsWith('0000');
  const local = query.region && !byProvince ? query.region : undefined;
  if (byProvince) filter.province = [query.region!];
  if (local) filter.region = regionChain(local);
  if (query.department) filter.department = [query.department];
  if (query.object) filter.object = [query.object];
  if (query.theme) filter.theme = [query.theme];
  if (query.lifeEvent) filter.lifeEvent = [query.lifeEvent];
  if (query.itemType) filter.itemType = [query.itemType];
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  // With a region, one basic item implemented at several levels (district and city) shows once: the most local one.
  // Over-fetch a little so that dropping those still fills the page.
  const want = local ? Math.min(offset + limit * 2 + 20, 10_000 - 1) : limit;
  const res = index.search(query.q ?? '', { filter, limit: want, offset: local ? 0 : offset, facets: query.facets ? ['department', 'theme', 'object', 'lifeEvent', 'itemType'] : undefined });
  let hits = res.hits;
  let total = res.total;
  if (local) {
    const rows = new Map((await q.findItemsByIds(deps.db, hits.map((h) => h.id))).map((r) => [r.id, r]));
    const best = new Map<string, { id: string; depth: number }>();
    for (const h of hits) {
      const r = rows.get(h.id);
      if (!r) continue;
      const depth = REGION_LEVELS.indexOf(regionLevel(r.region_code)); // deeper = more local
      const cur = best.get(r.basic_code);
      if (!cur || depth > cur.depth) best.set(r.basic_code, { id: h.id, depth });
    }
    const keep = new Set([...best.values()].map((b) => b.id));
    total -= hits.length - hits.filter((h) => keep.has(h.id) || !rows.has(h.id)).length;
    hits = hits.filter((h) => keep.has(h.id)).slice(offset, offset + limit);
    return { total, hits: hits.map((h) => ({ item: toSummary(rows.get(h.id)!), score: round(h.score), matched: h.matched })), facets: res.facets ?? null };
  }
  const rows = new Map((await q.findItemsByIds(deps.db, hits.map((h) => h.id))).map((r) => [r.id, r]));
  return {
    total,
    hits: hits.filter((h) => rows.has(h.id)).map((h) => ({ item: toSummary(rows.get(h.id)!), score: round(h.score), matched: h.matched })),
    facets: res.facets ?? null,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Builds the index now (at start-up, so the first citizen does not wait for it). */
export async function warmCatalogSearch(deps: Deps): Promise<number> {
  return (await currentIndex(deps)).size;
}
