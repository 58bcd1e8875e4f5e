import { useMemo } from 'react';
import { Cascader } from 'antd';
import type { Region } from '../../api';
import { regionPath, useRegions } from '../../lib/regions';
import type { Lang } from './shared';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function buildTree(list: Region[], lang: Lang): Option[] {
  const name = (r: Region) => (lang === 'en' && r.nameEn) || r.name;
  const byParent = new Map<string | null, Region[]>();
  for (const r of list) byParent.set(r.parentCode ?? null, [...(byParent.get(r.parentCode ?? null) ?? []), r]);
  const build = (parent: string | null, depth: number): Option[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => {
        const children = depth < 2 ? build(r.code, depth + 1) : [];
        return { value: r.code, label: name(r), children: children.length ? children : undefined };
      });
  return build(null, 0);
}

function chain(code: string, byCode: Map<string, Region>): string[] {
  const out: string[] = [];
  let cur = byCode.get(code);
  for (let guard = 0; cur && guard < 5; guard++) {
    out.unshift(cur.code);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return out.length ? out : [code];
}

/** Province → city → district; the value is the GB/T 2260 code of the last level chosen (a leaf). */
export function RegionCascader(props: {
  id?: string;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  onBlur?: () => void;
  lang: Lang;
  placeholder: string;
  failedText: string;
  status?: 'error';
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const regions = useRegions();
  const options = useMemo(() => buildTree(regions.list, props.lang), [regions.list, props.lang]);
  const path = props.value ? (regions.byCode.size ? chain(props.value, regions.byCode) : [props.value]) : undefined;
  return (
    <Cascader<Option>
      id={props.id}
      data-testid={props.testId}
      options={options}
      value={path}
      loading={regions.loading}
      placeholder={regions.error ? props.failedText : props.placeholder}
      status={props.status ?? (regions.error ? 'error' : undefined)}
      size={props.size}
      allowClear
      displayRender={(labels) => (regions.byCode.size ? labels.join(props.lang === 'en' ? ', ' : ' / ') : props.value)}
      showSearch={{ filter: (input, opts) => opts.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
      onChange={(v) => {
        const arr = (v ?? []) as string[];
        props.onChange(arr.length ? arr[arr.length - 1] : undefined);
      }}
      onBlur={props.onBlur}
      style={{ width: '100%' }}
    />
  );
}

/** A region code as its names from the province down (read-only views). */
export function RegionText({ code, lang }: { code: string; lang: Lang }) {
  const regions = useRegions();
  return <>{regions.byCode.size ? regionPath(code, regions.byCode, lang, true) : code}</>;
}
