import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { AuditOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { PageHead } from '../../../components/PageHead';
import { echarts } from '../../admin/echarts';
import { catalogAdminApi, VERSION_STATUSES, type ReviewQueueEntry } from './adminApi';
import { DiffView } from './DiffView';
import { GuideView } from './GuideView';
import { CatalogErrorAlert, catalogErrorText, DeptName, itemName, itemTypeName, RegionName, StatusTag, useVocab } from './ui';
import './catalog-admin.css';

const CHART_LIMIT = 100;
const STATUS_COLORS = { draft: '#8c96a8', submitted: '#1677ff', published: '#389e0d', retired: '#c8161d' } as const;

/** Items per status, from the manage list (one bounded page per status: "100+" when there are more). */
function StatusChart({ tick }: { tick: number }) {
  const { t } = useTranslation();
  const counts = useAsync(
    (signal) =>
      Promise.all(VERSION_STATUSES.map((s) => catalogAdminApi.manageItems({ status: s, limit: CHART_LIMIT }, signal).then((p) => ({ status: s, n: p.items.length, more: !!p.nextCursor })))),
    [tick],
  );
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 16, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: (counts.data ?? []).map((c) => t(`catalogAdmin.status.${c.status}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 46,
          data: (counts.data ?? []).map((c) => ({ value: c.n, itemStyle: { color: STATUS_COLORS[c.status], borderRadius: [3, 3, 0, 0] } })),
          label: { show: true, position: 'top', formatter: (p: { dataIndex: number; value: number }) => `${p.value}${counts.data?.[p.dataIndex]?.more ? '+' : ''}` },
        },
      ],
    }),
    [counts.data, t],
  );
  const anyMore = counts.data?.some((c) => c.more);
  return (
    <Card size="small" title={t('catalogAdmin.manage.chartTitle')} extra={anyMore ? <Typography.Text type="secondary">{t('catalogAdmin.manage.chartMore', { n: CHART_LIMIT })}</Typography.Text> : null} style={{ marginBottom: 16 }} data-testid="review-status-chart">
      {counts.loading && !counts.data ? <Skeleton active paragraph={{ rows: 3 }} /> : counts.error ? <CatalogErrorAlert error={counts.error} onRetry={counts.reload} /> : <ReactEChartsCore echarts={echarts} option={option} style={{ height: 200 }} notMerge />}
    </Card>
  );
}

/** 审核队列 (platform admin): submitted versions; review each with its diff and the whole guide, approve or reject. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vocab = useVocab();
  const [tick, setTick] = useState(0);
  const queue = useAsync((signal) => catalogAdminApi.reviewQueue(signal).then((r) => r.items), [tick]);
  const [open, setOpen] = useState<ReviewQueueEntry | null>(null);

  return (
    <>
      <PageHead title={t('catalogAdmin.review.title')} intro={t('catalogAdmin.review.intro')} testId="catalog-review-title" />
      <StatusChart tick={tick} />
      <Card>
        <CatalogErrorAlert error={queue.error} onRetry={queue.reload} />
        <Table<ReviewQueueEntry>
          data-testid="review-queue-table"
          rowKey={(e) => e.version.id}
          loading={queue.loading}
          dataSource={queue.data ?? []}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
          locale={{ emptyText: t('catalogAdmin.review.empty') }}
          onRow={(e) => ({ 'data-item-id': e.item.id, 'data-item-name': e.item.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('catalogAdmin.review.item'),
              key: 'item',
              width: 250,
              render: (_, e) => (
                <div>
                  <Typography.Link strong onClick={() => setOpen(e)}>
                    {itemName(e.item)}
                  </Typography.Link>
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {itemTypeName(vocab.data, e.item.itemType)} · <RegionName code={e.item.regionCode} fallback={e.item.regionName} />
                  </div>
                </div>
              ),
            },
            { title: t('catalogAdmin.common.department'), key: 'dept', width: 180, render: (_, e) => <DeptName dept={e.item.department} /> },
            {
              title: t('catalogAdmin.common.version'),
              key: 'v',
              width: 110,
              render: (_, e) => (
                <Space size={4}>
                  <span className="tb-mono">{t('catalogAdmin.common.vN', { n: e.version.version })}</span>
                  {e.item.publishedVersion ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>← {t('catalogAdmin.common.vN', { n: e.item.publishedVersion })}</Typography.Text> : <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('catalogAdmin.common.newItem')}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('catalogAdmin.review.submitted'),
              key: 'by',
              width: 140,
              render: (_, e) => (
                <div>
                  <div>{e.version.submittedBy ?? '—'}</div>
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {fmtDateTime(e.version.submittedAt)}
                  </div>
                </div>
              ),
            },
            { title: t('catalogAdmin.review.changeNote'), key: 'note', render: (_, e) => e.version.changeNote || <Typography.Text type="secondary">—</Typography.Text> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, e) => (
                <Button size="small" type="primary" icon={<AuditOutlined />} onClick={() => setOpen(e)} data-testid={`review-open-${e.item.id}`}>
                  {t('catalogAdmin.review.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ReviewDrawer
        entry={open}
        onClose={() => setOpen(null)}
        onDone={(kind, e) => {
          setOpen(null);
          message.success(kind === 'approved' ? t('catalogAdmin.review.approved', { n: e.version.version }) : t('catalogAdmin.review.rejected'));
          queue.setData((queue.data ?? []).filter((x) => x.version.id !== e.version.id));
          setTick((n) => n + 1);
        }}
      />
    </>
  );
}

function ReviewDrawer({ entry, onClose, onDone }: { entry: ReviewQueueEntry | null; onClose: () => void; onDone: (kind: 'approved' | 'rejected', e: ReviewQueueEntry) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vocab = useVocab();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [tab, setTab] = useState('diff');
  const id = entry?.item.id;
  const v = entry?.version.version;
  const base = entry?.item.publishedVersion ?? null;
  const diff = useAsync((signal) => catalogAdminApi.diff(id!, base!, v!, signal), [id, v, base], !!entry && !!base && base !== v);
  const detail = useAsync((signal) => catalogAdminApi.version(id!, v!, signal), [id, v], !!entry);

  async function act(kind: 'approve' | 'reject') {
    if (!entry) return;
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim() ?? '';
    if (kind === 'reject') {
      if (comment.length < 2) {
        form.setFields([{ name: 'comment', errors: [t('catalogAdmin.review.commentRequired')] }]);
        return;
      }
    }
    if (comment.length > 500) {
      form.setFields([{ name: 'comment', errors: [t('catalogAdmin.validation.maxLength', { max: 500 })] }]);
      return;
    }
    setBusy(kind);
    try {
      if (kind === 'approve') await catalogAdminApi.approve(entry.item.id, entry.version.version, comment || undefined);
      else await catalogAdminApi.reject(entry.item.id, entry.version.version, comment);
      form.resetFields();
      setTab('diff');
      onDone(kind === 'approve' ? 'approved' : 'rejected', entry);
    } catch (err) {
      message.error(catalogErrorText(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Drawer
      open={!!entry}
      onClose={() => {
        form.resetFields();
        setTab('diff');
        onClose();
      }}
      size={960}
      title={entry ? t('catalogAdmin.review.drawerTitle', { name: itemName(entry.item), n: entry.version.version }) : ''}
      destroyOnHidden
      footer={
        entry && (
          <Form form={form} layout="vertical" data-testid="review-form">
            <Form.Item name="comment" label={t('catalogAdmin.review.commentOptional')} style={{ marginBottom: 24 }}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('catalogAdmin.review.commentRequired')} data-testid="review-comment" />
            </Form.Item>
            <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
              <Button danger icon={<CloseOutlined />} loading={busy === 'reject'} disabled={!!busy && busy !== 'reject'} onClick={() => void act('reject')} data-testid="review-reject">
                {t('catalogAdmin.review.reject')}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} disabled={!!busy && busy !== 'approve'} onClick={() => void act('approve')} data-testid="review-approve">
                {t('catalogAdmin.review.approve')}
              </Button>
            </div>
          </Form>
        )
      }
    >
      {entry && (
        <div data-testid="review-drawer">
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'd', label: t('catalogAdmin.common.department'), children: <DeptName dept={entry.item.department} /> },
              { key: 'c', label: t('catalogAdmin.common.implementationCode'), children: <span className="tb-mono">{entry.item.implementationCode}</span> },
              { key: 's', label: t('catalogAdmin.review.submittedBy'), children: `${entry.version.submittedBy ?? '—'} · ${fmtDateTime(entry.version.submittedAt)}` },
              { key: 'st', label: t('catalogAdmin.manage.status'), children: <StatusTag status={entry.version.status} /> },
              { key: 'n', label: t('catalogAdmin.review.changeNote'), span: 2, children: entry.version.changeNote || '—' },
            ]}
          />
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'diff',
                label: <span data-testid="review-tab-diff">{t('catalogAdmin.review.tabDiff')}</span>,
                children: !base ? (
                  <Alert type="info" showIcon title={t('catalogAdmin.diff.newItem')} data-testid="review-new-item" />
                ) : (
                  <>
                    <Typography.Paragraph type="secondary">{t('catalogAdmin.review.diffAgainst', { n: base })}</Typography.Paragraph>
                    <CatalogErrorAlert error={diff.error} onRetry={diff.reload} />
                    {diff.loading ? <Skeleton active /> : diff.data && <DiffView changes={diff.data.changes} vocab={vocab.data} testId="review-diff" />}
                  </>
                ),
              },
              {
                key: 'guide',
                label: <span data-testid="review-tab-guide">{t('catalogAdmin.review.tabGuide')}</span>,
                children: (
                  <>
                    <CatalogErrorAlert error={detail.error} onRetry={detail.reload} />
                    {detail.loading ? <Skeleton active paragraph={{ rows: 12 }} /> : detail.data && <GuideView guide={detail.data.guide} vocab={vocab.data} />}
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
