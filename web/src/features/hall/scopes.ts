import { useEffect, useState } from 'react';
import { api, type ScopeLabels } from '../../api';
import { currentLang } from '../../i18n';

let cache: Promise<ScopeLabels> | null = null;

/** The scopes a legal representative can grant, with their zh/en labels, from the server. */
export function useScopes(): ScopeLabels {
  const [scopes, setScopes] = useState<ScopeLabels>({});
  useEffect(() => {
    cache ??= api.get<ScopeLabels>('/api/v1/identity/scopes');
    let live = true;
    cache.then((s) => live && setScopes(s)).catch(() => {
      cache = null;
    });
    return () => {
      live = false;
    };
  }, []);
  return scopes;
}

export function scopeLabel(scopes: ScopeLabels, scope: string): string {
  const s = scopes[scope];
  if (!s) return scope;
  return currentLang() === 'en' ? s.en : s.zh;
}
