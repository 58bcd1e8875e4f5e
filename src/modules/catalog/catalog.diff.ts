/**
 * Field-level differences between two guides, as the version history and the review queue show them. Paths use dots
 * and numeric indexes (`materials.2.name`), like validation errors. Arrays of materials are matched by their `key`,
 * so inserting a material at the top reports one added material, not every material after it as changed.
 */
export interface DiffEntry {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function diffGuides(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(before, after, '', out);
  return out;
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

function walk(a: unknown, b: unknown, path: string, out: DiffEntry[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, change: 'added', before: null, after: b });
  if (b === undefined) return void out.push({ path, change: 'removed', before: a, after: null });
  if (Array.isArray(a) && Array.isArray(b)) return walkArray(a, b, path, out);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) walk(a[k], b[k], join(path, k), out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, change: 'changed', before: a, after: b });
}

function walkArray(a: unknown[], b: unknown[], path: string, out: DiffEntry[]): void {
  const keyed = [...a, ...b].every((x) => isObject(x) && typeof x.key === 'string');
  if (keyed) {
    const byKey = (xs: unknown[]) => new Map(xs.map((x, i) => [(x as { key: string }).key, { x, i }]));
    const ma = byKey(a);
    const mb = byKey(b);
    for (const [k, { x, i }] of ma) {
      const other = mb.get(k);
      if (!other) out.push({ path: join(path, i), change: 'removed', before: x, after: null });
      else walk(x, other.x, join(path, other.i), out);
    }
    for (const [k, { x, i }] of mb) if (!ma.has(k)) out.push({ path: join(path, i), change: 'added', before: null, after: x });
    return;
  }
  // Lists of strings (aliases, themes…) are reported as one change of the whole list: easier to read than positions.
  if ([...a, ...b].every((x) => typeof x !== 'object' || x === null)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, change: 'changed', before: a, after: b });
    return;
  }
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) walk(a[i], b[i], join(path, i), out);
}
