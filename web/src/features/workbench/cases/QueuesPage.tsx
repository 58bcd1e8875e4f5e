import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Dropdown, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, ReloadOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../auth';
import { fmtDateTime } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { casesApi } from './casesApi';
import { QUEUES, type QueueEntry, type QueueKey } from './types';
import { taskLabel, casePath, CaseErrorAlert, CaseStatusTag, countText, CrossRegionTag, DeadlineCell, PausedTag, queuesFor, useQueueCounts, type QueueCount } from './ui';
import './cases.css';
import { localItemName } from '../../applications/names';

const STEP_QUEUES: QueueKey[] = ['to_accept', 'to_review', 'to_decide', 'to_deliver'];
const PAGE_SIZE = 20;

function TabLabel({ queue, count, t }: { queue: QueueKey; count: QueueCount | undefined; t: TFunction }) {
  const text = countText(count);
  const tone = queue === 'overdue' ? 'danger' : queue === 'due_soon' ? 'warning' : 'normal';
  return (
    <Tooltip title={t(`appWorkbench.queueHint.${queue}`)} mouseEnterDelay={0.6}>
      <span data-testid={`queue-tab-${queue}`} data-count={count && !count.failed ? count.n : undefined}>
        {t(`appWorkbench.queue.${queue}`)}
        {text && queue !== 'all' && <span className={`tb-wb-count ${tone}${count && count.n === 0 ? ' zero' : ''}`}>{text}</span>}
        {text && queue === 'all' && <span className="tb-wb-count zero">{text}</span>}
      </span>
    </Tooltip>
  );
}

/** 办件工作台: the department's cases by queue (待受理 … 全部), cursor-paged; a row opens the case. */
export default function QueuesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { mine, others } = useMemo(() => queuesFor(me), [me]);
  const asked = params.get('queue') as QueueKey | null;
  const queue: QueueKey = asked && (QUEUES as string[]).includes(asked) ? asked : mine[0];
  const [tick, setTick] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState(() => new Date().toISOString());
  const counts = useQueueCounts(QUEUES, tick);
  const countOf = (q: QueueKey) => counts.data?.find((c) => c.queue === q);

  const list = useCursorPages<QueueEntry>((cursor, signal) => casesApi.queue(queue, { limit: PAGE_SIZE, cursor }, signal), [queue, tick]);
  useEffect(() => {
    if (!list.loading) setRefreshedAt(new Date().toISOString());
  }, [list.loading]);

  const visible = mine.includes(queue) ? mine : [...mine, queue];
  const hidden = others.filter((q) => q !== queue);
  const stepQueue = STEP_QUEUES.includes(queue);
  const select = (q: QueueKey) => setParams({ queue: q }, { replace: false });

  return (
    <>
      <PageHead
        title={t('appWorkbench.queues.title')}
        intro={t('appWorkbench.queues.intro')}
        testId="cases-title"
        extra={
          <Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('appWorkbench.common.refreshedAt', { time: fmtDateTime(refreshedAt).slice(11) })}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} loading={list.loading} data-testid="queue-reload">
              {t('appWorkbench.common.reload')}
            </Button>
          </Space>
        }
      />
      <Card className="tb-wb-queue-card">
        <Tabs
          activeKey={queue}
          onChange={(k) => select(k as QueueKey)}
          items={visible.map((q) => ({ key: q, label: <TabLabel queue={q} count={countOf(q)} t={t} /> }))}
          tabBarExtraContent={
            hidden.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'hint', type: 'group', label: t('appWorkbench.queues.moreQueuesHint'), children: hidden.map((q) => ({ key: q, label: <span data-testid={`queue-tab-${q}`}>{t(`appWorkbench.queue.${q}`)}{countText(countOf(q)) && ` (${countText(countOf(q))})`}</span> })) },
                  ],
                  onClick: ({ key }) => select(key as QueueKey),
                }}
              >
                <Button size="small" type="text" data-testid="queue-more">
                  {t('appWorkbench.queues.moreQueues')} <DownOutlined />
                </Button>
              </Dropdown>
            )
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 13 }}>
          {t(`appWorkbench.queueHint.${queue}`)}
          {countOf(queue)?.more && <> · {t('appWorkbench.queues.countTitle', { n: countOf(queue)?.cap })}</>}
        </Typography.Paragraph>
        <CaseErrorAlert error={list.error} onRetry={list.reload} />
        <Table<QueueEntry>
          data-testid="case-table"
          rowKey={(r) => `${r.id}:${r.taskId ?? ''}`}
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          size="middle"
          scroll={{ x: stepQueue ? 1320 : 1200 }}
          rowClassName={(r) => (r.overdue ? 'tb-wb-row overdue' : r.warning ? 'tb-wb-row warning' : 'tb-wb-row')}
          locale={{ emptyText: t('appWorkbench.queues.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'case-row',
              'data-case-number': r.caseNumber,
              'data-case-id': r.id,
              onClick: (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                navigate(casePath(r.id), { state: { from: `/workbench/cases?queue=${queue}` } });
              },
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('appWorkbench.common.caseNumber'),
              dataIndex: 'caseNumber',
              width: 330,
              render: (v: string, r) => (
                <div>
                  <Typography.Text className="tb-mono tb-nowrap" strong>
                    {v}
                  </Typography.Text>
                  <div style={{ marginTop: 2 }}>
                    <Space size={4} wrap>
                      {r.receivingDepartmentId && r.receivingDepartmentId !== r.departmentId && <CrossRegionTag />}
                      {r.paused && <PausedTag />}
                    </Space>
                  </div>
                </div>
              ),
            },
            {
              title: t('appWorkbench.common.item'),
              dataIndex: 'itemName',
              width: 190,
              render: (_: string, r) => (
                <div>
                  <div className="tb-wb-item-name">{localItemName(r)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('appWorkbench.common.vN', { n: r.itemVersion })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('appWorkbench.common.applicant'),
              dataIndex: 'applicantName',
              width: 130,
              render: (v: string, r) => (
                <Space size={4}>
                  <span>{v}</span>
                  {r.applicantKind === 'enterprise' && <Tag>{t('appWorkbench.applicantKind.enterprise')}</Tag>}
                </Space>
              ),
            },
            {
              title: stepQueue ? t('appWorkbench.common.currentStep') : t('appWorkbench.common.status'),
              key: 'status',
              width: 150,
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <CaseStatusTag status={r.status} decision={r.decision} />
                  {r.taskName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {taskLabel(t, r.taskName)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('appWorkbench.common.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> },
            {
              title: t('appWorkbench.common.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, r) => <DeadlineCell dueAt={r.dueAt} warning={r.warning} overdue={r.overdue} paused={r.paused} />,
            },
            ...(stepQueue
              ? [
                  {
                    title: t('appWorkbench.common.claimedBy'),
                    key: 'claimedBy',
                    width: 120,
                    render: (_: unknown, r: QueueEntry) =>
                      r.claimedBy ? (
                        <Tag icon={<UserOutlined />} color={r.claimedBy === me.displayName ? 'blue' : 'default'} data-testid="case-claimed-by">
                          {r.claimedBy}
                        </Tag>
                      ) : (
                        <Typography.Text type="secondary">{t('appWorkbench.common.unclaimed')}</Typography.Text>
                      ),
                  },
                ]
              : []),
            {
              title: t('common.actions'),
              key: 'open',
              width: 90,
              fixed: 'right' as const,
              render: (_, r) => (
                <Button type="link" size="small" onClick={() => navigate(casePath(r.id), { state: { from: `/workbench/cases?queue=${queue}` } })}>
                  {t('appWorkbench.common.open')} <RightOutlined />
                </Button>
              ),
            },
          ]}
        />
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      </Card>
    </>
  );
}
