import { useEffect, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../../i18n';
import { catalogAdminApi, type BasicItem } from './adminApi';

/** Pick a basic catalogue item by name or code (server-side search, debounced). */
export function BasicItemSelect({ value, onChange, testId, placeholder }: { value?: string; onChange?: (v: string | undefined, item?: BasicItem) => void; testId?: string; placeholder?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<BasicItem[]>([]);
  const [loading, setLoading] = useState(false);
  const lang = currentLang();

  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      catalogAdminApi
        .basicItems({ q: q.trim() || undefined, limit: 50 }, ctl.signal)
        .then((p) => setItems((old) => [...old.filter((o) => o.code === value && !p.items.some((n) => n.code === o.code)), ...p.items]))
        .catch(() => undefined)
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <Select
      data-testid={testId}
      value={value}
      placeholder={placeholder}
      onChange={(v) => onChange?.(v ?? undefined, items.find((i) => i.code === v))}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      allowClear
      style={{ width: '100%' }}
      optionLabelProp="title"
      options={items.map((i) => ({
        value: i.code,
        title: `${lang === 'en' && i.nameEn ? i.nameEn : i.name} (${i.code})`,
        label: (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ whiteSpace: 'normal' }}>
              <Tag style={{ marginInlineEnd: 6 }}>{t(`catalogAdmin.enums.level.${i.level}`)}</Tag>
              {lang === 'en' && i.nameEn ? i.nameEn : i.name}
              <span className="tb-muted" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {i.competentDepartmentName}
              </span>
            </span>
            <span className="tb-mono tb-muted">{i.code}</span>
          </div>
        ),
      }))}
    />
  );
}
