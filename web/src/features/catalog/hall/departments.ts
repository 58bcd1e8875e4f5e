import { fetchAll, type Department } from '../../../api';
import { structuralParent } from '../../../lib/codes';

const cache = new Map<string, Promise<Department[]>>();

/**
 * The departments whose items a visitor in `region` sees: those of the region and below it, and those of every
 * region above it (a district resident also deals with the city's and the province's departments).
 */
export function departmentsFor(region: string): Promise<Department[]> {
  let p = cache.get(region);
  if (!p) {
    const ancestors: string[] = [];
    for (let c = structuralParent(region); c; c = structuralParent(c)) ancestors.push(c);
    p = Promise.all([
      fetchAll<Department>('/api/v1/org/departments', { within: region }),
      ...ancestors.map((code) => fetchAll<Department>('/api/v1/org/departments', { regionCode: code })),
    ]).then((lists) => {
      const seen = new Map<string, Department>();
      for (const d of lists.flat()) if (d.active !== false) seen.set(d.id, d);
      return [...seen.values()];
    });
    p.catch(() => cache.delete(region));
    cache.set(region, p);
  }
  return p;
}
