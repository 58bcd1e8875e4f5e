import { Button, Card, Empty, Skeleton, Space } from 'antd';
import { FileSearchOutlined, FormOutlined, RightOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../../auth';
import { fmtDate } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { applicationsApi } from './api';
import { AppErrorAlert, CardTitle, DeadlineCell, StatusTag } from './ui';
import './applications-hall.css';
import { localItemName } from '../names';

const RECENT = 4;

/** 我的办件 on the hall: the latest cases with their status and deadline, and the way to all cases and drafts. */
export function HallApplicationsCard() {
  const { t } = useTranslation();
  const me = useMe();
  const who = me.actingFor?.uscc ?? '';
  const cases = useAsync((signal) => applicationsApi.mine({ limit: RECENT }, { signal }), [who]);
  const drafts = useAsync((signal) => applicationsApi.drafts({ signal }), [who]);
  const draftCount = drafts.data?.items.length ?? 0;

  return (
    <Card
      className="app-hall-card"
      style={{ marginBottom: 16 }}
      data-testid="hall-my-cases"
      title={<CardTitle icon={<SolutionOutlined />}>{t('applicationsHall.hallCard.title')}</CardTitle>}
      extra={
        <Space size={4}>
          <Link to="/hall/cases?tab=drafts" data-testid="hall-drafts-link">
            <Button size="small" icon={<FormOutlined />}>
              {draftCount ? t('applicationsHall.hallCard.drafts', { count: draftCount }) : t('applicationsHall.hallCard.draftsNone')}
            </Button>
          </Link>
          <Link to="/hall/cases" data-testid="hall-cases-link">
            <Button size="small" type="primary" ghost icon={<FileSearchOutlined />}>
              {t('applicationsHall.hallCard.all')}
            </Button>
          </Link>
        </Space>
      }
    >
      {cases.error ? (
        <AppErrorAlert error={cases.error} title={t('applicationsHall.hallCard.loadFailed')} onRetry={cases.reload} />
      ) : cases.loading && !cases.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : !cases.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationsHall.hallCard.empty')} />
      ) : (
        <ul className="app-hall-cases">
          {cases.data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/hall/cases/${encodeURIComponent(c.id)}${c.status === 'correction' ? '#correction' : ''}`} className="app-hall-case" data-testid="hall-case">
                <span className="app-hall-case-main">
                  <span className="app-hall-case-name">{localItemName(c)}</span>
                  <span className="tb-mono tb-muted">
                    {c.caseNumber} · {fmtDate(c.submittedAt)}
                  </span>
                </span>
                <span className="app-hall-case-side">
                  <StatusTag status={c.status} decision={c.decision} />
                  {c.dueAt && !['concluded', 'delivered', 'not_accepted'].includes(c.status) && <DeadlineCell c={c} />}
                  <RightOutlined className="tb-muted" aria-hidden />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
