import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, type Department, type Page } from '../../api';
import { currentLang } from '../../i18n';

type Option = { value: string; label: string };

/**
 * Pick one or several departments by name (server-side search on the exact names), optionally leaving some out
 * (the order's own unit). Known names (suggestions, the current value) can be passed so they show before searching.
 */
export function DeptPicker(props: {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  exclude?: string[];
  known?: Array<{ id: string; name: string }>;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>(() => (props.known ?? []).map((d) => ({ value: d.id, label: d.name })));
  const [loading, setLoading] = useState(false);
  const lang = currentLang();
  const exclude = new Set(props.exclude ?? []);

  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<Department>>('/api/v1/org/departments', { q: q.trim() || undefined, limit: 50 }, { signal: ctl.signal })
        .then((p) =>
          setOptions((old) => {
            const fresh = p.items.filter((d) => d.active).map((d) => ({ value: d.id, label: lang === 'en' && d.nameEn ? d.nameEn : d.name }));
            const chosen = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
            const keep = old.filter((o) => chosen.has(o.value) && !fresh.some((f) => f.value === o.value));
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
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options.filter((o) => !exclude.has(o.value))}
      loading={loading}
      placeholder={props.placeholder}
      allowClear
      disabled={props.disabled}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
