import { useEffect, useId, useRef, useState } from 'react';
import { AutoComplete, Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { searchCatalog } from '../api';
import type { SearchHit } from '../types';
import { Highlight } from './Highlight';
import { searchRegion } from './region';

/**
 * The one big search box: type a name, a colloquial name or pinyin initials; suggestions open the guide directly,
 * Enter (or the button) searches.
 */
export function SearchBox({ initial = '', region, onSearch, autoFocus, testId = 'catalog-search-input' }: { initial?: string; region: string; onSearch: (q: string) => void; autoFocus?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ctl = useRef<AbortController | null>(null);
  /** Set when a suggestion was picked: the Enter that picked it must not also search. */
  const picked = useRef(false);

  useEffect(() => {
    setValue(initial);
  }, [initial]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      ctl.current?.abort();
    },
    [],
  );

  function suggest(text: string) {
    if (timer.current) clearTimeout(timer.current);
    ctl.current?.abort();
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    timer.current = setTimeout(() => {
      const c = new AbortController();
      ctl.current = c;
      searchCatalog({ q, region: searchRegion(region), limit: 6 }, { signal: c.signal })
        .then((r) => !c.signal.aborted && setHits(r.hits))
        .catch(() => undefined);
    }, 220);
  }

  function submit(text: string) {
    setOpen(false);
    if (timer.current) clearTimeout(timer.current);
    ctl.current?.abort();
    onSearch(text.trim());
  }

  return (
    <div className="cat-searchbox">
      <label htmlFor={id} className="cat-sr-only">
        {t('catalogHall.searchLabel')}
      </label>
      <Space.Compact className="cat-searchbox-row" block>
        <AutoComplete
          value={value}
          open={open && hits.length > 0 && value.trim().length > 0}
          onOpenChange={setOpen}
          defaultActiveFirstOption={false}
          onChange={(v: string) => {
            if (hits.some((h) => h.item.id === v)) return; // a picked suggestion: onSelect opens its guide
            setValue(v);
            setOpen(true);
            suggest(v);
          }}
          onSelect={(itemId: string) => {
            picked.current = true;
            setOpen(false);
            navigate(`/services/items/${encodeURIComponent(itemId)}`);
          }}
          options={hits.map((h) => ({
            value: h.item.id,
            label: (
              <div className="cat-suggest" data-testid="catalog-suggestion">
                <span className="cat-suggest-name">
                  <Highlight text={h.item.name} terms={h.matched} />
                </span>
                <span className="cat-suggest-dept">{h.item.department.name}</span>
              </div>
            ),
          }))}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Input
            id={id}
            size="large"
            allowClear
            autoFocus={autoFocus}
            prefix={<SearchOutlined aria-hidden className="cat-search-icon" />}
            placeholder={t('catalogHall.searchPlaceholder')}
            maxLength={100}
            enterKeyHint="search"
            data-testid={testId}
            onPressEnter={(e) => {
              const text = (e.target as HTMLInputElement).value;
              setTimeout(() => {
                if (picked.current) picked.current = false;
                else submit(text);
              }, 0);
            }}
          />
        </AutoComplete>
        <Button type="primary" size="large" className="cat-search-button" onClick={() => submit(value)} data-testid={`${testId}-button`}>
          {t('catalogHall.searchButton')}
        </Button>
      </Space.Compact>
    </div>
  );
}
