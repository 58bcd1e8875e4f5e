import { Alert, App, Breadcrumb, Button, Card, Empty, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, FileSearchOutlined, FormOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../auth';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { fmtDateTime } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor';
import { useAsync, type AsyncState } from '../../../lib/useAsync';
import { applicationsApi, type DraftSummary } from './api';
import type { MyCase } from '../types';
import { AppErrorAlert, appErrorText, DeadlineCell, StatusTag } from './ui';
import './applications-hall.css';
import { localItemName } from '../names';

const PAGE_SIZE = 20;

function CasesTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const pages = useCursorPages<MyCase>((cursor, signal) => applicationsApi.mine({ limit: PAGE_SIZE, cursor }, { signal }), [me.actingFor?.uscc ?? '']);
  const corrections = pages.items.filter((c) => c.status === 'correction').length;
  const toRate = pages.items.filter((c) => c.canRate).length;

  const columns: TableColumnsType<MyCase> = [
    {
      title: t('applicationsHall.cases.item'),
      key: 'item',
      render: (_v, c) => (
        <div className="app-case-cell">
          <Link to={`/hall/cases/${encodeURIComponent(c.id)}`} className="app-case-name" data-testid="case-link">
            {localItemName(c)}
          </Link>
          <div className="tb-mono tb-muted">{c.caseNumber}</div>
        </div>
      ),
    },
    { title: t('applicationsHall.cases.submittedAt'), key: 'submittedAt', width: 150, render: (_v, c) => <span className="tb-nowrap">{fmtDateTime(c.submittedAt)}</span> },
    { title: t('applicationsHall.cases.status'), key: 'status', width: 170, render: (_v, c) => <StatusTag status={c.status} decision={c.decision} testId="case-row-status" /> },
    { title: t('applicationsHall.cases.deadline'), key: 'deadline', width: 210, render: (_v, c) => <DeadlineCell c={c} /> },
    {
      title: t('applicationsHall.cases.actions'),
      key: 'actions',
      width: 130,
      render: (_v, c) => (
        <Space size={0} wrap>
          {c.status === 'correction' ? (
            <Button type="primary" size="small" icon={<EditOutlined />} onClick={() => navigate(`/hall/cases/${encodeURIComponent(c.id)}#correction`)} data-testid="case-correct">
              {t('applicationsHall.cases.correct')}
            </Button>
          ) : c.canRate ? (
            <Button size="small" icon={<StarOutlined />} onClick={() => navigate(`/hall/cases/${encodeURIComponent(c.id)}#rating`)} data-testid="case-rate">
              {t('applicationsHall.cases.rate')}
            </Button>
          ) : (
            <Button type="link" size="small" icon={<FileSearchOutlined />} onClick={() => navigate(`/hall/cases/${encodeURIComponent(c.id)}`)}>
              {t('applicationsHall.cases.view')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (pages.error) return <AppErrorAlert error={pages.error} title={t('applicationsHall.cases.loadFailed')} onRetry={pages.reload} />;
  return (
    <>
      {corrections > 0 && <Alert type="warning" showIcon className="app-block" title={t('applicationsHall.cases.correctionHint', { count: corrections })} />}
      {toRate > 0 && <Alert type="info" showIcon className="app-block" title={t('applicationsHall.cases.rateHint', { count: toRate })} data-testid="rate-hint" />}
      <Table<MyCase>
        rowKey="id"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 860 }}
        data-testid="cases-table"
        onRow={(c) => ({ 'data-testid': 'case-row', 'data-case-id': c.id, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
        rowClassName={(c) => (c.status === 'correction' ? 'app-row-attention' : c.overdue ? 'app-row-overdue' : '')}
        locale={{
          emptyText: (
            <Empty description={t('applicationsHall.cases.empty')}>
              <Link to="/services">
                <Button type="primary">{t('applicationsHall.cases.emptyAction')}</Button>
              </Link>
            </Empty>
          ),
        }}
      />
      <Pager page={pages.page} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} loading={pages.loading} />
    </>
  );
}

function DraftsTab({ drafts }: { drafts: AsyncState<{ items: DraftSummary[] }> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function remove(d: DraftSummary) {
    try {
      await applicationsApi.deleteDraft(d.itemId);
      message.success(t('applicationsHall.drafts.deleted'));
      drafts.setData({ items: (drafts.data?.items ?? []).filter((x) => x.itemId !== d.itemId) });
    } catch (e) {
      message.error(appErrorText(e));
    }
  }

  const columns: TableColumnsType<DraftSummary> = [
    {
      title: t('applicationsHall.drafts.item'),
      key: 'item',
      render: (_v, d) => (
        <Link to={`/hall/apply/${encodeURIComponent(d.itemId)}`} className="app-case-name">
          {d.itemName}
        </Link>
      ),
    },
    { title: t('applicationsHall.drafts.version'), key: 'version', width: 120, render: (_v, d) => <Tag>{t('applicationsHall.drafts.versionN', { version: d.itemVersion })}</Tag> },
    { title: t('applicationsHall.drafts.updatedAt'), key: 'updatedAt', width: 170, render: (_v, d) => <span className="tb-nowrap">{fmtDateTime(d.updatedAt)}</span> },
    {
      title: t('applicationsHall.cases.actions'),
      key: 'actions',
      width: 200,
      render: (_v, d) => (
        <Space size={4}>
          <Link to={`/hall/apply/${encodeURIComponent(d.itemId)}`}>
            <Button type="primary" size="small" icon={<FormOutlined />} data-testid="draft-resume">
              {t('applicationsHall.drafts.resume')}
            </Button>
          </Link>
          <Popconfirm title={t('applicationsHall.drafts.deleteTitle')} description={t('applicationsHall.drafts.deleteDesc')} onConfirm={() => void remove(d)} okButtonProps={{ danger: true }}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="draft-delete">
              {t('applicationsHall.drafts.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  if (drafts.error) return <AppErrorAlert error={drafts.error} title={t('applicationsHall.drafts.loadFailed')} onRetry={drafts.reload} />;
  return (
    <Table<DraftSummary>
      rowKey="itemId"
      columns={columns}
      dataSource={drafts.data?.items ?? []}
      loading={drafts.loading}
      pagination={false}
      size="middle"
      scroll={{ x: 640 }}
      data-testid="drafts-table"
      onRow={(d) => ({ 'data-testid': 'draft-row', 'data-item-id': d.itemId }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationsHall.drafts.empty')} /> }}
    />
  );
}

/** 我的办件: my cases (cursor pages) and my drafts. `?tab=drafts` opens the drafts. */
export default function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'drafts' ? 'drafts' : 'cases';
  const drafts = useAsync((signal) => applicationsApi.drafts({ signal }), [me.actingFor?.uscc ?? '']);
  const draftCount = drafts.data?.items.length ?? 0;

  const items = [
    { key: 'cases', label: <span data-testid="cases-tab-cases">{t('applicationsHall.cases.tabCases')}</span>, children: <CasesTab /> },
    {
      key: 'drafts',
      label: (
        <span data-testid="cases-tab-drafts">
          {t('applicationsHall.cases.tabDrafts')}
          {draftCount > 0 && <Tag className="app-tab-count">{draftCount}</Tag>}
        </span>
      ),
      children: <DraftsTab drafts={drafts} />,
    },
  ];

  return (
    <div className="app-page">
      <Breadcrumb className="app-breadcrumb" items={[{ title: <Link to="/hall">{t('applicationsHall.breadcrumb.hall')}</Link> }, { title: t('applicationsHall.breadcrumb.cases') }]} />
      <PageHead
        title={t('applicationsHall.cases.title')}
        testId="cases-title"
        intro={me.actingFor ? t('applicationsHall.cases.introEnterprise', { name: me.actingFor.name }) : t('applicationsHall.cases.intro')}
      />
      <Card className="app-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setParams(k === 'drafts' ? { tab: 'drafts' } : {}, { replace: true });
            if (k === 'drafts') drafts.reload();
          }}
          items={items}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
