import { Card, Empty, Skeleton } from 'antd';
import { FireOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth';
import { useAsync } from '../../../lib/useAsync';
import { searchCatalog } from '../api';
import { ENTERPRISE_THEMES, PERSON_THEMES, type ItemSummary } from '../types';
import { timeLimitText } from './format';
import { themeIcon } from './icons';
import { searchRegion, useCatalogRegion } from './region';
import { SearchBox } from './SearchBox';
import { useVocab } from './useVocab';
import './catalog-hall.css';

/** What people most often come for: the best match of each of these searches becomes a shortcut. */
const HOT_QUERIES = ['营业执照', '公积金提取', '社保卡', '出生', '户口迁移', '开饭店', '退休', '不动产'];

async function hotItems(region: string, signal: AbortSignal): Promise<ItemSummary[]> {
  const replies = await Promise.all(HOT_QUERIES.map((q) => searchCatalog({ q, region: searchRegion(region), limit: 1 }, { signal }).catch(() => null)));
  const seen = new Set<string>();
  const out: ItemSummary[] = [];
  for (const r of replies) {
    const it = r?.hits[0]?.item;
    if (it && !seen.has(it.id)) {
      seen.add(it.id);
      out.push(it);
    }
  }
  return out.slice(0, 6);
}

/** The hall home's entry into the service catalogue: the search box, popular services, topics. */
export function HallCatalogPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { region } = useCatalogRegion();
  const vocab = useVocab();
  const hot = useAsync((signal) => hotItems(region, signal), [region]);
  const object = me?.actingFor ? 'enterprise' : 'person';
  const themes = (object === 'enterprise' ? ENTERPRISE_THEMES : PERSON_THEMES).slice(0, 8);

  return (
    <Card
      className="cat-hall-panel"
      title={
        <h2 className="cat-card-title">
          <SearchOutlined /> {t('catalogHall.hall.title')}
        </h2>
      }
      extra={
        <Link to="/services" data-testid="hall-catalog-more">
          {t('catalogHall.hall.more')} <RightOutlined />
        </Link>
      }
      style={{ marginBottom: 16 }}
      data-testid="hall-catalog"
    >
      <p className="tb-muted" style={{ marginTop: 0 }}>
        {t('catalogHall.hall.searchIntro')}
      </p>
      <SearchBox region={region} testId="hall-search-input" onSearch={(q) => navigate(q ? `/services?q=${encodeURIComponent(q)}` : '/services')} />

      <div className="cat-hall-cols">
        <div>
          <h3 className="cat-hall-sub">
            <FireOutlined aria-hidden /> {t('catalogHall.hall.hotItems')}
          </h3>
          {hot.loading && !hot.data ? (
            <Skeleton active title={false} paragraph={{ rows: 4 }} />
          ) : !hot.data?.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogHall.hall.hotItemsEmpty')} />
          ) : (
            <ul className="cat-hall-hot">
              {hot.data.map((it) => (
                <li key={it.id}>
                  <Link to={`/services/items/${encodeURIComponent(it.id)}`} data-testid="hall-hot-item">
                    <span className="cat-hall-hot-name">{it.name}</span>
                    <span className="cat-hall-hot-meta">
                      {it.department.name}
                      {it.promisedTimeLimit && ` · ${timeLimitText(it.promisedTimeLimit)}`}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="cat-hall-sub">{t('catalogHall.hall.themes')}</h3>
          <div className="cat-tiles cat-tiles-hall">
            {themes.map((c) => (
              <Link key={c} to={`/services?object=${object}&theme=${c}`} className="cat-tile" data-testid={`hall-theme-${c}`}>
                <span className="cat-tile-icon" aria-hidden>
                  {themeIcon(c)}
                </span>
                <span className="cat-tile-name">{vocab.name('themes', c)}</span>
              </Link>
            ))}
          </div>
        </div>
      </div>
    </Card>
  );
}
