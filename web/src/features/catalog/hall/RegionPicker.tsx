import { useMemo } from 'react';
import { Cascader } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api';
import { currentLang } from '../../../i18n';
import { useRegions } from '../../../lib/regions';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function buildTree(list: Region[], lang: 'zh-CN' | 'en'): Option[] {
  const name = (r: Region) => (lang === 'en' && r.nameEn) || r.name;
  const byParent = new Map<string | null, Region[]>();
  for (const r of list) {
    const k = r.parentCode ?? null;
    byParent.set(k, [...(byParent.get(k) ?? []), r]);
  }
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

/** The chain of codes from the province down to `code` (GB/T 2260 tree as the server has it). */
export function regionChain(code: string, byCode: Map<string, Region>): string[] {
  const out: string[] = [];
  let cur = byCode.get(code);
  let guard = 0;
  while (cur && guard++ < 5) {
    out.unshift(cur.code);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return out.length ? out : [code];
}

/** Province → city → district picker; any level can be chosen. */
export function RegionPicker({ value, onChange, size = 'middle', variant }: { value: string; onChange: (code: string) => void; size?: 'small' | 'middle' | 'large'; variant?: 'outlined' | 'borderless' | 'filled' }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const lang = currentLang();
  const options = useMemo(() => buildTree(regions.list, lang), [regions.list, lang]);
  const path = regions.byCode.size ? regionChain(value, regions.byCode) : [value];

  return (
    <span className="cat-region-picker" data-testid="region-picker">
      <EnvironmentOutlined aria-hidden className="cat-region-icon" />
      <Cascader<Option>
        aria-label={t('catalogHall.region.pickerLabel')}
        options={options}
        value={path}
        loading={regions.loading}
        changeOnSelect
        allowClear={false}
        size={size}
        variant={variant}
        placeholder={t('catalogHall.region.placeholder')}
        displayRender={(labels) => (regions.byCode.size ? labels.join(lang === 'en' ? ', ' : ' · ') : '…')}
        onChange={(v) => {
          const arr = (v ?? []) as string[];
          if (arr.length) onChange(arr[arr.length - 1]);
        }}
        showSearch={{ filter: (input, opts) => opts.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
        style={{ minWidth: 220 }}
        status={regions.error ? 'error' : undefined}
        title={regions.error ? t('catalogHall.region.loadFailed') : undefined}
      />
    </span>
  );
}
