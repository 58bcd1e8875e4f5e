import { useEffect, useState } from 'react';
import { fetchAll, type Region } from '../api';

/** All regions, fetched once per page load (the list is public, small and bounded) and shared by every page. */
let cache: Promise<Region[]> | null = null;

export function loadRegions(force = false): Promise<Region[]> {
  if (!cache || force) {
    cache = fetchAll<Region>('/api/v1/org/regions');
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export interface RegionIndex {
  list: Region[];
  byCode: Map<string, Region>;
  loading: boolean;
  error: unknown;
  refresh: () => void;
}

export function useRegions(): RegionIndex {
  const [list, setList] = useState<Region[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRegions(tick > 0)
      .then((r) => live && (setList(r), setError(null)))
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tick]);
  return { list, byCode: new Map(list.map((r) => [r.code, r])), loading, error, refresh: () => setTick((n) => n + 1) };
}

/** "澜州市 · 城关区" style full name of a region, from the province down, in the UI language. */
export function regionPath(code: string | null | undefined, byCode: Map<string, Region>, lang: 'zh-CN' | 'en', includeProvince = false): string {
  if (!code) return '—';
  const parts: string[] = [];
  let cur = byCode.get(code);
  let guard = 0;
  while (cur && guard++ < 5) {
    if (includeProvince || cur.level !== 'province') parts.unshift(lang === 'en' ? cur.nameEn || cur.name : cur.name);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  if (!parts.length) {
    const r = byCode.get(code);
    return r ? (lang === 'en' ? r.nameEn || r.name : r.name) : code;
  }
  return lang === 'en' ? parts.reverse().join(', ') : parts.join(' · ');
}

export function regionName(code: string | null | undefined, byCode: Map<string, Region>, lang: 'zh-CN' | 'en'): string {
  if (!code) return '—';
  const r = byCode.get(code);
  if (!r) return code;
  return lang === 'en' ? r.nameEn || r.name : r.name;
}
