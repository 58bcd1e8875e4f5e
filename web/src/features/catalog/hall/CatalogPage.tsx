import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Pagination, Skeleton, Spin, Tabs, Tag, Typography } from 'antd';
import { CloseOutlined, FileTextOutlined, FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Department, Region } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLang } from '../../../i18n';
import { useAsync } from '../../../lib/useAsync';
import { regionName, regionPath, useRegions } from '../../../lib/regions';
import { searchCatalog } from '../api';
import { ENTERPRISE_THEMES, LIFE_EVENT_CODES, PERSON_THEMES, SEARCH_MAX_OFFSET, type SearchFacets, type SearchHit, type SearchQuery, type ServiceObject } from '../types';
import { departmentsFor } from './departments';
import { caseKindText, serviceObjectText, timeLimitText, visitsText } from './format';
import { Highlight, occursIn } from './Highlight';
import { lifeEventIcon, themeIcon } from './icons';
import { DEFAULT_REGION, searchRegion, useCatalogRegion } from './region';
import { RegionPicker } from './RegionPicker';
import { SearchBox } from './SearchBox';
import { useVocab } from './useVocab';
import './catalog-hall.css';

const PAGE_SIZE = 10;
const MAX_PAGE = Math.floor(SEARCH_MAX_OFFSET / PAGE_SIZE) + 1;
type Browse = 'theme' | 'department' | 'lifeEvent';
type Vocab = ReturnType<typeof useVocab>;

/** The common searches offered under the box and when nothing matched. */
export function useHotTerms(): string[] {
  const { t } = useTranslation();
  return t('catalogHall.hotTerms').split('|').filter(Boolean);
}

function count(facets: SearchFacets | null | undefined, facet: string, key: string): number | undefined {
  if (!facets) return undefined;
  return facets[facet]?.[key] ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------

export function ResultItem({ hit, vocab, deptName, regionLabel }: { hit: SearchHit; vocab: Vocab; deptName?: string; regionLabel?: string }) {
  const { t, i18n } = useTranslation();
  const it = hit.item;
  const english = i18n.language === 'en' && !!it.nameEn;
  const aliasMatch = hit.matched.length > 0 && !occursIn(it.name, hit.matched);
  const guide = `/services/items/${encodeURIComponent(it.id)}`;
  return (
    <article className="cat-result" data-testid="catalog-result-item">
      <div className="cat-result-main">
        <h3 className="cat-result-name">
          <Link to={guide} data-testid="catalog-result-link">
            {english ? it.nameEn : <Highlight text={it.name} terms={hit.matched} />}
          </Link>
          {english && <span className="cat-result-name-zh"> {it.name}</span>}
        </h3>
        <div className="cat-result-tags">
          {it.caseKind && <Tag color={it.caseKind === 'instant' ? 'green' : 'blue'}>{caseKindText(it.caseKind)}</Tag>}
          {it.onlineDepth !== null && <Tag color={it.onlineDepth >= 4 ? 'gold' : 'default'}>{vocab.name('onlineDepths', it.onlineDepth)}</Tag>}
          {it.itemType && <Tag>{vocab.name('itemTypes', it.itemType)}</Tag>}
          {it.serviceObjects.map((o) => (
            <Tag key={o} bordered={false} color="processing">
              {serviceObjectText(o)}
            </Tag>
          ))}
        </div>
        <dl className="cat-result-meta">
          <div>
            <dt>{t('catalogHall.results.department')}</dt>
            <dd>
              {deptName ?? it.department.name}
              {(regionLabel ?? it.regionName) && <span className="tb-muted">（{regionLabel ?? it.regionName}）</span>}
            </dd>
          </div>
          <div>
            <dt>{t('catalogHall.results.promised')}</dt>
            <dd>{timeLimitText(it.promisedTimeLimit)}</dd>
          </div>
          <div>
            <dt>{t('catalogHall.results.visits')}</dt>
            <dd>{visitsText(it.visits)}</dd>
          </div>
        </dl>
        {aliasMatch && (
          <div className="cat-result-alias">
            {t('catalogHall.results.matchedAlias')}
            {hit.matched.map((m, i) => (
              <span key={m}>
                {i > 0 && '、'}
                <mark className="cat-mark">{m}</mark>
              </span>
            ))}
          </div>
        )}
      </div>
      <div className="cat-result-actions">
        <Link to={guide}>
          <Button icon={<FileTextOutlined />}>{t('catalogHall.results.viewGuide')}</Button>
        </Link>
        {(it.onlineDepth ?? 0) >= 3 && (
          <Link to={`/hall/apply/${encodeURIComponent(it.id)}`}>
            <Button type="primary">{t('catalogHall.results.applyOnline')}</Button>
          </Link>
        )}
      </div>
    </article>
  );
}

function ResultSkeleton() {
  return (
    <div aria-hidden>
      {[0, 1, 2].map((i) => (
        <div key={i} className="cat-result">
          <Skeleton active title={{ width: '45%' }} paragraph={{ rows: 2, width: ['70%', '50%'] }} />
        </div>
      ))}
    </div>
  );
}

function NoResults({ q, hasFilters, region, onTerm, onClear, onProvince }: { q: string; hasFilters: boolean; region: string; onTerm: (q: string) => void; onClear: () => void; onProvince: () => void }) {
  const { t } = useTranslation();
  const hot = useHotTerms();
  return (
    <div className="cat-empty" data-testid="catalog-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<span className="cat-empty-title">{q ? t('catalogHall.empty.titleQuery', { q }) : t('catalogHall.empty.title')}</span>}
      />
      <div className="cat-empty-body">
        <div className="cat-empty-tips">
          <strong>{t('catalogHall.empty.tips')}</strong>
          <ul>
            <li>{t('catalogHall.empty.tip1')}</li>
            <li>{t('catalogHall.empty.tip2')}</li>
            <li>{t('catalogHall.empty.tip3')}</li>
            {hasFilters && <li>{t('catalogHall.empty.tip4')}</li>}
          </ul>
        </div>
        <div className="cat-hot">
          <span className="cat-hot-label">{t('catalogHall.empty.common')}</span>
          {hot.map((h) => (
            <Button key={h} size="small" className="cat-hot-term" onClick={() => onTerm(h)}>
              {h}
            </Button>
          ))}
        </div>
        <div className="cat-empty-actions">
          {region !== DEFAULT_REGION && <Button onClick={onProvince}>{t('catalogHall.empty.toProvince')}</Button>}
          {hasFilters && <Button onClick={onClear}>{t('catalogHall.empty.clearFilters')}</Button>}
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Browse panel: themes, departments, life events, each with the number of matching items

function Tile({ icon, name, n, active, onClick, testId }: { icon: ReactNode; name: string; n: number | undefined; active: boolean; onClick: () => void; testId?: string }) {
  return (
    <button type="button" className={`cat-tile${active ? ' active' : ''}${n === 0 ? ' zero' : ''}`} onClick={onClick} aria-pressed={active} data-testid={testId}>
      <span className="cat-tile-icon" aria-hidden>
        {icon}
      </span>
      <span className="cat-tile-name">{name}</span>
      {n !== undefined && <span className="cat-tile-count">{n}</span>}
    </button>
  );
}

function ThemeGrid({ object, facets, theme, onPick, vocab }: { object: ServiceObject | null; facets: SearchFacets | null | undefined; theme: string | null; onPick: (code: string | null) => void; vocab: Vocab }) {
  const { t } = useTranslation();
  const groups: Array<{ key: ServiceObject; codes: readonly string[] }> = [];
  if (object !== 'enterprise') groups.push({ key: 'person', codes: PERSON_THEMES });
  if (object !== 'person') groups.push({ key: 'enterprise', codes: ENTERPRISE_THEMES });
  return (
    <div>
      {groups.map((g) => (
        <div key={g.key} className="cat-tile-group">
          {groups.length > 1 && <div className="cat-group-title">{t(`catalogHall.objects.${g.key}`)}</div>}
          <div className="cat-tiles">
            {g.codes.map((c) => (
              <Tile key={c} icon={themeIcon(c)} name={vocab.name('themes', c)} n={count(facets, 'theme', c)} active={theme === c} onClick={() => onPick(theme === c ? null : c)} testId={`catalog-theme-${c}`} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function LifeEventGrid({ facets, lifeEvent, onPick, vocab }: { facets: SearchFacets | null | undefined; lifeEvent: string | null; onPick: (code: string | null) => void; vocab: Vocab }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('catalogHall.browse.lifeEventsIntro')}
      </Typography.Paragraph>
      <div className="cat-tiles">
        {LIFE_EVENT_CODES.map((c) => (
          <Tile key={c} icon={lifeEventIcon(c)} name={vocab.name('lifeEvents', c)} n={count(facets, 'lifeEvent', c)} active={lifeEvent === c} onClick={() => onPick(lifeEvent === c ? null : c)} testId={`catalog-life-event-${c}`} />
        ))}
      </div>
    </div>
  );
}

function DepartmentList({ departments, facets, department, onPick }: { departments: { data?: Department[]; loading: boolean; error: unknown; reload: () => void }; facets: SearchFacets | null | undefined; department: string | null; onPick: (id: string | null) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (departments.error) return <ErrorAlert error={departments.error} onRetry={departments.reload} />;
  if (departments.loading && !departments.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const list = departments.data ?? [];
  if (!list.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogHall.browse.departmentsEmpty')} />;
  const levels: Array<Region['level']> = ['district', 'city', 'province'];
  const n = (d: Department) => count(facets, 'department', d.id);
  return (
    <div className="cat-dept-list">
      {levels.map((level) => {
        const ds = list
          .filter((d) => d.level === level)
          .sort((a, b) => (n(b) ?? 0) - (n(a) ?? 0) || a.name.localeCompare(b.name, 'zh-CN'));
        if (!ds.length) return null;
        return (
          <div key={level} className="cat-tile-group">
            <div className="cat-group-title">{t(`catalogHall.browse.levels.${level}`)}</div>
            <ul>
              {ds.map((d) => {
                const c = n(d);
                const active = department === d.id;
                return (
                  <li key={d.id}>
                    <button type="button" className={`cat-dept${active ? ' active' : ''}${c === 0 ? ' zero' : ''}`} aria-pressed={active} onClick={() => onPick(active ? null : d.id)} data-testid="catalog-department">
                      <span className="cat-dept-name">{(lang === 'en' && d.nameEn) || d.shortName || d.name}</span>
                      {c !== undefined && <span className="cat-tile-count">{c}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

export default function CatalogPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [params, setParams] = useSearchParams();
  const { region, setRegion } = useCatalogRegion();
  const regions = useRegions();
  const vocab = useVocab();
  const resultsTop = useRef<HTMLDivElement>(null);
  const hot = useHotTerms();

  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const objectParam = params.get('object');
  const object: ServiceObject | null = objectParam === 'person' || objectParam === 'enterprise' ? objectParam : null;
  const theme = params.get('theme');
  const department = params.get('department');
  const lifeEvent = params.get('lifeEvent');
  const itemType = params.get('itemType');
  const page = Math.min(MAX_PAGE, Math.max(1, Number(params.get('page')) || 1));
  const browseParam = params.get('browse');
  const [browse, setBrowse] = useState<Browse>(browseParam === 'department' || browseParam === 'lifeEvent' ? browseParam : department ? 'department' : lifeEvent ? 'lifeEvent' : 'theme');
  const hasFilters = !!(theme || department || lifeEvent || itemType);

  useEffect(() => {
    document.title = `${q ? `${q} · ` : ''}${t('catalogHall.title')} · ${t('app.portal')}`;
  }, [q, t]);

  /** Change the URL's query: `null` removes a key; every change but paging goes back to page 1. */
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  const search = (text: string) => update({ q: text || null, theme: null, department: null, lifeEvent: null, itemType: null });

  const base: SearchQuery = { q: q || undefined, region: searchRegion(region) };
  const full: SearchQuery = { ...base, object: object ?? undefined, theme: theme ?? undefined, department: department ?? undefined, lifeEvent: lifeEvent ?? undefined, itemType: itemType ?? undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, facets: true };
  const fullKey = JSON.stringify(full);
  const results = useAsync((signal) => searchCatalog(full, { signal }), [fullKey]);
  // Facet counts are "disjunctive": the object tabs count without the object filter, the browse panel without the
  // browse filter (theme, department and life event exclude each other), so picking one theme does not turn every
  // other theme into a zero.
  const needObjectCounts = !!object || hasFilters;
  const objectCounts = useAsync((signal) => searchCatalog({ ...base, limit: 1, facets: true }, { signal }), [q, region], needObjectCounts);
  const needBrowseCounts = hasFilters;
  const browseCounts = useAsync((signal) => searchCatalog({ ...base, object: object ?? undefined, limit: 1, facets: true }, { signal }), [q, region, object], needBrowseCounts);
  const objectFacets = needObjectCounts ? objectCounts.data?.facets : results.data?.facets;
  const allTotal = needObjectCounts ? objectCounts.data?.total : results.data?.total;
  const browseFacets = needBrowseCounts ? browseCounts.data?.facets : results.data?.facets;
  const departments = useAsync(() => departmentsFor(region), [region]);

  const deptName = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of departments.data ?? []) m.set(d.id, (lang === 'en' && d.nameEn) || d.name);
    for (const h of results.data?.hits ?? []) if (!m.has(h.item.department.id)) m.set(h.item.department.id, h.item.department.name);
    return m;
  }, [departments.data, results.data, lang]);

  const objectTab = (key: 'all' | ServiceObject) => {
    const n = key === 'all' ? allTotal : objectFacets ? (objectFacets.object?.[key] ?? 0) : undefined;
    return {
      key,
      label: (
        <span data-testid={`catalog-object-${key}`}>
          {t(`catalogHall.objects.${key}`)}
          {n !== undefined && <span className="cat-tab-count">{n}</span>}
        </span>
      ),
    };
  };

  const chips: Array<{ key: string; text: string }> = [];
  if (theme) chips.push({ key: 'theme', text: t('catalogHall.filters.theme', { name: vocab.name('themes', theme) }) });
  if (department) chips.push({ key: 'department', text: t('catalogHall.filters.department', { name: deptName.get(department) ?? department }) });
  if (lifeEvent) chips.push({ key: 'lifeEvent', text: t('catalogHall.filters.lifeEvent', { name: vocab.name('lifeEvents', lifeEvent) }) });
  if (itemType) chips.push({ key: 'itemType', text: t('catalogHall.filters.itemType', { name: vocab.name('itemTypes', itemType) }) });

  const data = results.data;
  const total = data?.total ?? 0;
  const regionText = regions.byCode.size ? regionPath(region, regions.byCode, lang, true) : '';

  return (
    <div className="cat-page">
      <section className="cat-hero" aria-labelledby="cat-title">
        <div className="cat-hero-top">
          <div>
            <h1 id="cat-title" className="cat-hero-title" data-testid="catalog-title">
              {t('catalogHall.title')}
            </h1>
            <p className="cat-hero-intro">{t('catalogHall.intro')}</p>
          </div>
          <div className="cat-hero-region">
            <span className="cat-region-label">{t('catalogHall.region.label')}</span>
            <RegionPicker
              value={region}
              onChange={(code) => {
                setRegion(code);
                if (department || page > 1) update({ department: null }); // another region's departments; back to page 1
              }}
            />
          </div>
        </div>
        <SearchBox initial={q} region={region} onSearch={search} />
        <div className="cat-hot">
          <span className="cat-hot-label">{t('catalogHall.hotSearches')}</span>
          {hot.map((h) => (
            <button key={h} type="button" className="cat-hot-link" onClick={() => search(h)}>
              {h}
            </button>
          ))}
        </div>
      </section>

      <Tabs
        className="cat-object-tabs"
        activeKey={object ?? 'all'}
        onChange={(k) => update({ object: k === 'all' ? null : k, theme: null })}
        items={[objectTab('all'), objectTab('person'), objectTab('enterprise')]}
        data-testid="catalog-object-tabs"
      />

      <div className={`cat-layout${q ? ' has-query' : ''}`}>
        <aside className="cat-side" aria-labelledby="cat-browse-title">
          <Card
            size="small"
            title={
              <h2 id="cat-browse-title" className="cat-card-title">
                <FilterOutlined /> {t('catalogHall.browse.title')}
              </h2>
            }
          >
            <Tabs
              size="small"
              activeKey={browse}
              onChange={(k) => setBrowse(k as Browse)}
              items={[
                { key: 'theme', label: t('catalogHall.browse.byTheme'), children: <ThemeGrid object={object} facets={browseFacets} theme={theme} onPick={(c) => update({ theme: c, department: null, lifeEvent: null })} vocab={vocab} /> },
                { key: 'department', label: t('catalogHall.browse.byDepartment'), children: <DepartmentList departments={departments} facets={browseFacets} department={department} onPick={(id) => update({ department: id, theme: null, lifeEvent: null })} /> },
                { key: 'lifeEvent', label: t('catalogHall.browse.byLifeEvent'), children: <LifeEventGrid facets={browseFacets} lifeEvent={lifeEvent} onPick={(c) => update({ lifeEvent: c, theme: null, department: null })} vocab={vocab} /> },
              ]}
            />
          </Card>
        </aside>

        <section className="cat-results" aria-labelledby="cat-results-title" ref={resultsTop}>
          <div className="cat-results-head">
            <h2 id="cat-results-title" className="cat-card-title">
              {t('catalogHall.results.title')}
            </h2>
            <span className="tb-muted" data-testid="catalog-total" aria-live="polite">
              {data ? (q ? t('catalogHall.results.summaryQuery', { q, total }) : t('catalogHall.results.summary', { total })) : results.loading ? t('catalogHall.results.loading') : ''}
              {regionText && <span className="cat-results-region"> · {regionText}</span>}
            </span>
          </div>
          {chips.length > 0 && (
            <div className="cat-chips">
              <span className="tb-muted">{t('catalogHall.filters.active')}</span>
              {chips.map((c) => (
                <Tag key={c.key} closable closeIcon={<CloseOutlined aria-label={t('common.close')} />} onClose={() => update({ [c.key]: null })} color="blue">
                  {c.text}
                </Tag>
              ))}
              <Button type="link" size="small" onClick={() => update({ theme: null, department: null, lifeEvent: null, itemType: null })}>
                {t('catalogHall.filters.clear')}
              </Button>
            </div>
          )}

          {results.error ? (
            <ErrorAlert error={results.error} onRetry={results.reload} />
          ) : !data ? (
            <ResultSkeleton />
          ) : data.hits.length === 0 ? (
            <NoResults
              q={q}
              hasFilters={hasFilters}
              region={region}
              onTerm={search}
              onClear={() => update({ theme: null, department: null, lifeEvent: null, itemType: null })}
              onProvince={() => setRegion(DEFAULT_REGION)}
            />
          ) : (
            <Spin spinning={results.loading} description={t('catalogHall.results.loading')}>
              <div className="cat-result-list" data-testid="catalog-results">
                {data.hits.map((h) => (
                  <ResultItem
                    key={h.item.id}
                    hit={h}
                    vocab={vocab}
                    deptName={deptName.get(h.item.department.id)}
                    regionLabel={regions.byCode.has(h.item.regionCode) ? regionName(h.item.regionCode, regions.byCode, lang) : undefined}
                  />
                ))}
              </div>
              {total > PAGE_SIZE && (
                <div className="cat-pager">
                  <Pagination
                    current={page}
                    pageSize={PAGE_SIZE}
                    total={Math.min(total, MAX_PAGE * PAGE_SIZE)}
                    showSizeChanger={false}
                    showLessItems
                    onChange={(p) => {
                      update({ page: p === 1 ? null : String(p) });
                      resultsTop.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                    }}
                  />
                  {total > MAX_PAGE * PAGE_SIZE && page === MAX_PAGE && <div className="tb-muted">{t('catalogHall.results.tooManyPages', { max: MAX_PAGE * PAGE_SIZE })}</div>}
                </div>
              )}
            </Spin>
          )}
        </section>
      </div>
    </div>
  );
}
