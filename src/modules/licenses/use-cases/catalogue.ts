import type { Deps } from '../../../platform/deps.js';
import { regionCovers } from '../../org/index.js';
import type { Guide } from '../../catalog/index.js';
import { findTypeIssuerIds, findTypes, departmentsByIds, publishedGuides } from '../licenses.queries.js';
import { runtimeOf } from './runtime.js';
import { readTypeCounts } from './type-counts.js';

/**
 * 发证用证清单: which licence types the published service items issue (their result is the type), which materials a
 * type may replace (免提交: the material names it among its substitutes), and how often each type was issued, used
 * and verified. The links come from the published guides themselves, so the catalogue and this list cannot disagree.
 */

export interface ItemRef {
  itemId: string;
  itemName: string;
  itemNameEn: string | null;
  implementationCode: string;
  departmentName: string;
  departmentNameEn: string | null;
  regionCode: string;
}
export interface MaterialRef extends ItemRef {
  materialKey: string;
  materialName: string;
}

export interface CatalogueLinks {
  issuedBy: Map<string, ItemRef[]>;
  accepts: Map<string, MaterialRef[]>;
  /** Names the catalogue gives codes (the result's or the substitute's name), for codes without a type definition. */
  names: Map<string, string>;
}

const LINKS_TTL_MS = 60_000;

/** The links from the published guides, parsed at most once a minute per process. */
export async function catalogueLinks(deps: Deps): Promise<CatalogueLinks> {
  const rt = runtimeOf(deps);
  if (rt.catalogue && deps.clock.nowMs() - rt.catalogue.at < LINKS_TTL_MS) return rt.catalogue.value as CatalogueLinks;
  const links: CatalogueLinks = { issuedBy: new Map(), accepts: new Map(), names: new Map() };
  for (const row of await publishedGuides(deps.db)) {
    let guide: Guide;
    try {
      guide = JSON.parse(row.guide) as Guide;
    } catch {
      continue;
    }
    const item: ItemRef = {
      itemId: row.id, itemName: row.item_name, itemNameEn: row.item_name_en, implementationCode: row.implementation_code,
      departmentName: row.department_name, departmentNameEn: row.department_name_en, regionCode: row.region_code,
    };
    const code = guide.result?.type === 'license' ? guide.result.licenseTypeCode : undefined;
    if (code) {
      links.issuedBy.set(code, [...(links.issuedBy.get(code) ?? []), item]);
      if (!links.names.has(code)) links.names.set(code, guide.result.name);
    }
    for (const m of guide.materials ?? []) {
      for (const s of m.substitutes ?? []) {
        if (s.kind !== 'license') continue;
        links.accepts.set(s.code, [...(links.accepts.get(s.code) ?? []), { ...item, materialKey: m.key, materialName: m.name }]);
        if (!links.names.has(s.code)) links.names.set(s.code, s.name);
      }
    }
  }
  rt.catalogue = { at: deps.clock.nowMs(), value: links };
  return links;
}

async function countBy(deps: Deps) {
  // kept by the writes themselves (type-counts.ts), and the verifications per type and day by the log's batches
  // (migration 0016): this public list never counts the licences, their uses or the verification log
  const kept = await readTypeCounts(deps.db);
  const verifications = await deps.db
    .selectFrom('license_verification_counts')
    .select('type_code')
    .select((eb) => eb.fn.sum<number>(eb('verified', '+', eb.ref('failed'))).as('n'))
    .groupBy('type_code')
    .execute();
  const counts = new Map<string, { issued: number; valid: number; suspended: number; revoked: number; uses: number; verifications: number }>();
  const of = (code: string) => {
    let c = counts.get(code);
    if (!c) counts.set(code, (c = { issued: 0, valid: 0, suspended: 0, revoked: 0, uses: 0, verifications: 0 }));
    return c;
  };
  for (const [code, k] of kept) Object.assign(of(code), k);
  for (const r of verifications) of(r.type_code).verifications = Number(r.n);
  return counts;
}

interface CatalogueEntry {
  code: string;
  name: string;
  defined: boolean;
  holderKind: string | null;
  definingDepartment: string | null;
  issuers: string[];
  issuedByItems: ItemRef[];
  acceptedForMaterials: MaterialRef[];
  counts: { issued: number; valid: number; suspended: number; revoked: number; uses: number; verifications: number };
}

/** The 发证用证清单, optionally for one type or for the items of one region (and below). */
export async function getLicenceCatalogue(deps: Deps, query: { typeCode?: string; regionCode?: string }) {
  const links = await catalogueLinks(deps);
  const types = await findTypes(deps.db);
  const issuerIds = await findTypeIssuerIds(deps.db, types.map((t) => t.code));
  const depts = await departmentsByIds(deps.db, [...types.map((t) => t.defining_department_id), ...[...issuerIds.values()].flat()]);
  const counts = await countBy(deps);
  const inRegion = <T extends ItemRef>(xs: T[] | undefined): T[] => (xs ?? []).filter((x) => !query.regionCode || regionCovers(query.regionCode, x.regionCode));
  const zero = { issued: 0, valid: 0, suspended: 0, revoked: 0, uses: 0, verifications: 0 };
  const entries: CatalogueEntry[] = types.map((t) => ({
    code: t.code,
    name: t.name,
    defined: true,
    holderKind: t.holder_kind,
    definingDepartment: depts.get(t.defining_department_id)?.name ?? null,
    issuers: (issuerIds.get(t.code) ?? []).map((id) => depts.get(id)?.name ?? id).sort(),
    issuedByItems: inRegion(links.issuedBy.get(t.code)),
    acceptedForMaterials: inRegion(links.accepts.get(t.code)),
    counts: counts.get(t.code) ?? zero,
  }));
  const defined = new Set(types.map((t) => t.code));
  for (const code of new Set([...links.issuedBy.keys(), ...links.accepts.keys()])) {
    if (defined.has(code)) continue;
    entries.push({
      code, name: links.names.get(code) ?? code, defined: false, holderKind: null, definingDepartment: null, issuers: [],
      issuedByItems: inRegion(links.issuedBy.get(code)), acceptedForMaterials: inRegion(links.accepts.get(code)), counts: counts.get(code) ?? zero,
    });
  }
  const items = entries
    .filter((e) => !query.typeCode || e.code === query.typeCode)
    .filter((e) => !query.regionCode || e.issuedByItems.length > 0 || e.acceptedForMaterials.length > 0)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { items, generatedAt: deps.clock.nowIso() };
}
