import { useCallback, useEffect, useState } from 'react';
import { api, type Person } from '../../../api';
import { useAuth } from '../../../auth';
import { REGION_CODE_PATTERN } from '../../../lib/codes';

const KEY = 'tongban.catalog.region';
/** 云澜省: the demo province, the default when nothing better is known. */
export const DEFAULT_REGION = '390000';

function stored(): string | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v && REGION_CODE_PATTERN.test(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * The region the visitor looks for services in: their own choice (remembered in localStorage), else the logged-in
 * citizen's registered region, else the province.
 */
export function useCatalogRegion(): { region: string; setRegion: (code: string) => void; chosen: boolean } {
  const { me } = useAuth();
  const [choice, setChoice] = useState<string | null>(stored);
  const [personal, setPersonal] = useState<string | null>(null);

  useEffect(() => {
    if (choice || me?.kind !== 'citizen') return;
    const ctl = new AbortController();
    api
      .get<Person>('/api/v1/identity/people/me', undefined, { signal: ctl.signal, noAuthRedirect: true })
      .then((p) => REGION_CODE_PATTERN.test(p.regionCode) && setPersonal(p.regionCode))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [choice, me?.kind, me?.id]);

  const setRegion = useCallback((code: string) => {
    try {
      window.localStorage.setItem(KEY, code);
    } catch {
      /* storage may be blocked: the choice lasts for this page */
    }
    setChoice(code);
  }, []);

  return { region: choice ?? personal ?? DEFAULT_REGION, setRegion, chosen: !!choice };
}

/**
 * The `region` to send to search: a province means "the whole province" (every region's items), which the API
 * expresses as no region at all; a city or district means "what is implemented there or above".
 */
export function searchRegion(region: string): string | undefined {
  return region.endsWith('0000') ? undefined : region;
}
