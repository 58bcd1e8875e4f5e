import { useEffect, useState } from 'react';
import { api, type Department } from '../api';
import { currentLang } from '../i18n';

const cache = new Map<string, Promise<Department>>();

export function getDepartment(id: string): Promise<Department> {
  let p = cache.get(id);
  if (!p) {
    p = api.get<Department>(`/api/v1/org/departments/${encodeURIComponent(id)}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

/** A department's name from its id (cached; the id while loading or if unknown). */
export function DepartmentName({ id, fallback }: { id: string | null | undefined; fallback?: string }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    getDepartment(id)
      .then((d) => live && setName(currentLang() === 'en' && d.nameEn ? d.nameEn : d.name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  if (!id) return <>{fallback ?? '—'}</>;
  return <>{name ?? id}</>;
}
