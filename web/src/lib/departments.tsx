import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fetchAll, type Department } from '../api';
import { localName } from '../i18n';

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
      .then((d) => live && setName(localDeptName(d)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  if (!id) return <>{fallback ?? '—'}</>;
  return <>{name ?? id}</>;
}

// ---------------------------------------------------------------------------------------------
// Department names in the UI language (English name when English is on and one is set; the Chinese name otherwise)

let everyDepartment: Promise<Map<string, Department>> | null = null;

/** Every department by id, read once per page load (only needed for English names). */
function departmentsById(): Promise<Map<string, Department>> {
  if (!everyDepartment) {
    everyDepartment = fetchAll<Department>('/api/v1/org/departments', { includeInactive: true }).then((list) => new Map(list.map((d) => [d.id, d])));
    everyDepartment.catch(() => {
      everyDepartment = null;
    });
  }
  return everyDepartment;
}

/** A department's name as given, or its English name (`nameEn`, when set) while the UI is in English. */
export const localDeptName = (d: { name: string; nameEn?: string | null }): string => localName(d.name, d.nameEn);

/**
 * For pages that get department names (Chinese) from other resources, e.g. work orders: `(id, name) => label`, the
 * English name of the department with that id when the UI is in English (the list is read once, and only then).
 */
export function useDeptName(): (id: string | null | undefined, name: string) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [byId, setById] = useState<Map<string, Department> | null>(null);
  useEffect(() => {
    if (!en) return;
    let live = true;
    departmentsById()
      .then((m) => live && setById(m))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [en]);
  return useCallback((id: string | null | undefined, name: string) => (en && id && byId?.get(id)?.nameEn) || name, [en, byId]);
}
