import { useEffect, useMemo, useState } from 'react';
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Department, type Page, type Region } from '../../api';
import { currentLang, label } from '../../i18n';
import { useRegions } from '../../lib/regions';
import { DEPARTMENT_KINDS } from './kinds';

export interface RegionTreeNode {
  value: string;
  title: string;
  key: string;
  children?: RegionTreeNode[];
  region: Region;
}

/** Regions as a tree (province → city → district), in the UI language. */
export function buildRegionTree(list: Region[], lang: 'zh-CN' | 'en'): RegionTreeNode[] {
  const nodes = new Map<string, RegionTreeNode>();
  const sorted = [...list].sort((a, b) => a.code.localeCompare(b.code));
  for (const r of sorted) nodes.set(r.code, { value: r.code, key: r.code, title: `${lang === 'en' ? r.nameEn || r.name : r.name}`, region: r });
  const roots: RegionTreeNode[] = [];
  for (const r of sorted) {
    const n = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

export function RegionTreeSelect(props: { value?: string | null; onChange?: (v: string | undefined) => void; placeholder?: string; allowClear?: boolean; testId?: string; disabled?: boolean; style?: React.CSSProperties }) {
  const regions = useRegions();
  const lang = currentLang();
  const tree = useMemo(() => buildRegionTree(regions.list, lang), [regions.list, lang]);
  return (
    <TreeSelect
      data-testid={props.testId}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      treeData={tree}
      loading={regions.loading}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      disabled={props.disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={props.style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

export function KindSelect(props: { value?: string; onChange?: (v: string | undefined) => void; placeholder?: string; allowClear?: boolean; testId?: string; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid={props.testId}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={props.style ?? { width: '100%' }}
      options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
    />
  );
}

/** Pick a department by name (server-side search, `q`). */
export function DepartmentSelect(props: { value?: string; onChange?: (v: string | undefined) => void; placeholder?: string; allowClear?: boolean; disabled?: boolean; testId?: string; style?: React.CSSProperties; initial?: Array<{ id: string; name: string }> }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>(() => (props.initial ?? []).map((d) => ({ value: d.id, label: d.name })));
  const [loading, setLoading] = useState(false);
  const lang = currentLang();

  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<Department>>('/api/v1/org/departments', { q: q.trim() || undefined, limit: 50 }, { signal: ctl.signal })
        .then((p) =>
          setOptions((old) => {
            const fresh = p.items.map((d) => ({ value: d.id, label: `${lang === 'en' && d.nameEn ? d.nameEn : d.name}` }));
            // keep the selected option visible even when it is not in this page of results
            const keep = old.filter((o) => o.value === props.value && !fresh.some((f) => f.value === o.value));
            return [...keep, ...fresh];
          }),
        )
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, lang]);

  return (
    <Select
      data-testid={props.testId}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      loading={loading}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      disabled={props.disabled}
      style={props.style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

export const kindLabel = (k: string): string => label('kinds', k);
