import { useEffect, useState } from 'react';
import { Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { BookOutlined, ClusterOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../auth';
import { currentLang } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor';
import { regionName, useRegions } from '../../../lib/regions';
import { useAsync } from '../../../lib/useAsync';
import { localDeptName, useDeptName } from '../../../lib/departments';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { consultApi, UNIT_QUEUES, type OrderSummary, type UnitQueue } from '../api';
import { ConsultErrorAlert, isKbEditor, OrderDeadline, OrderFlags, OrderStatusTag, orderPath, orderTypeText, useIsDispatcher } from '../ui';

const PAGE = 20;
const COUNT_LIMIT = 100;

/** Sizes of the queues (one bounded page each, "100+" beyond). */
function useCounts(tick: number) {
  return useAsync(
    (signal) =>
      Promise.all(
        UNIT_QUEUES.map((q) =>
          consultApi
            .unitQueue(q, { limit: COUNT_LIMIT }, { signal })
            .then((p) => [q, p.nextCursor ? `${p.items.length}+` : String(p.items.length), p.items.length] as const)
            .catch(() => [q, '', 0] as const),
        ),
      ).then((rows) => new Map(rows.map(([q, text, n]) => [q, { text, n }]))),
    [tick],
  );
}

/** Rows of an order list (the unit's queues, the dispatcher's): number and flags, matter, unit, status, countdown. */
export function OrderTable({ items, loading, onOpen, showUnit, compact, selected, empty, testId = 'order-table' }: { items: OrderSummary[]; loading: boolean; onOpen: (o: OrderSummary) => void; showUnit?: boolean; compact?: boolean; selected?: string | null; empty: string; testId?: string }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const regions = useRegions();
  const lang = currentLang();
  return (
    <Table<OrderSummary>
      data-testid={testId}
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      size="middle"
      scroll={{ x: compact ? 640 : 1100 }}
      rowClassName={(r) => `${r.overdue || r.signOverdue ? 'tb-cs-row overdue' : r.warning ? 'tb-cs-row warning' : 'tb-cs-row'}${r.id === selected ? ' selected' : ''}`}
      locale={{ emptyText: empty }}
      onRow={(r) =>
        ({
          'data-testid': 'order-row',
          'data-order-number': r.orderNumber,
          'data-order-id': r.id,
          onClick: (e: React.MouseEvent) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            onOpen(r);
          },
          style: { cursor: 'pointer' },
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('consult.common.orderNumber'),
          dataIndex: 'orderNumber',
          width: compact ? 210 : 250,
          render: (v: string, r) => (
            <div>
              <Typography.Text className="tb-mono tb-nowrap" strong>
                {v}
              </Typography.Text>
              <div style={{ marginTop: 2 }}>
                <OrderFlags o={r} />
              </div>
            </div>
          ),
        },
        {
          title: t('consult.common.title'),
          dataIndex: 'title',
          render: (v: string, r) => (
            <div>
              <div className="tb-cs-clip tb-cs-title">{v}</div>
              <Space size={4}>
                <Tag>{orderTypeText(r.type)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {regionName(r.regionCode, regions.byCode, lang)}
                </Typography.Text>
              </Space>
            </div>
          ),
        },
        ...(showUnit
          ? [{ title: t('consult.common.unit'), dataIndex: 'departmentName', width: 200, render: (v: string | null, r: OrderSummary) => v ? deptName(r.departmentId, v) : <Typography.Text type="secondary">{t('consult.chain.dispatcher')}</Typography.Text> }]
          : []),
        // the dispatcher's waiting queues hold only 待派单 orders: no status column there
        ...(compact ? [] : [{ title: t('consult.common.status'), dataIndex: 'status', width: 110, render: (v: string) => <OrderStatusTag status={v} /> }]),
        { title: t('consult.common.deadline'), key: 'due', width: 200, render: (_: unknown, r: OrderSummary) => <OrderDeadline o={r} /> },
        ...(compact ? [] : [{ title: t('consult.common.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> }]),
        ...(compact ? [] : [{
          title: t('common.actions'),
          key: 'open',
          width: 80,
          fixed: 'right' as const,
          render: (_: unknown, r: OrderSummary) => (
            <Button type="link" size="small" onClick={() => onOpen(r)}>
              {t('consult.common.open')} <RightOutlined />
            </Button>
          ),
        }]),
      ]}
    />
  );
}

/** `/workbench/orders`: the unit's work orders — to sign, in progress, due soon, overdue, joint (co-unit), all. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const dispatcher = useIsDispatcher(me);
  const [params, setParams] = useSearchParams();
  const asked = params.get('queue') as UnitQueue | null;
  const queue: UnitQueue = asked && (UNIT_QUEUES as readonly string[]).includes(asked) ? asked : 'to_sign';
  const [tick, setTick] = useState(0);
  const counts = useCounts(tick);
  const list = useCursorPages<OrderSummary>((cursor, signal) => consultApi.unitQueue(queue, { limit: PAGE, cursor }, { signal }), [queue, tick]);
  const [refreshedAt, setRefreshedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!list.loading) setRefreshedAt(new Date().toISOString());
  }, [list.loading]);

  return (
    <>
      <PageHead
        title={t('consult.orders.title')}
        intro={t('consult.orders.intro', { dept: me.department ? localDeptName(me.department) : '' })}
        testId="orders-title"
        extra={
          <Space wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('consult.common.refreshedAt', { time: fmtDateTime(refreshedAt).slice(11) })}
            </Typography.Text>
            {dispatcher && (
              <Link to="/workbench/dispatch">
                <Button icon={<ClusterOutlined />} data-testid="to-dispatch">
                  {t('consult.nav.dispatch')}
                </Button>
              </Link>
            )}
            {isKbEditor(me) && (
              <Link to="/workbench/knowledge">
                <Button icon={<BookOutlined />}>{t('consult.nav.knowledge')}</Button>
              </Link>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} loading={list.loading} data-testid="orders-reload">
              {t('consult.common.reload')}
            </Button>
          </Space>
        }
      />
      <Card className="tb-cs-queue-card">
        <Tabs
          activeKey={queue}
          onChange={(k) => setParams({ queue: k })}
          items={UNIT_QUEUES.map((q) => {
            const c = counts.data?.get(q);
            const tone = q === 'overdue' ? 'danger' : q === 'due_soon' ? 'warning' : 'normal';
            return {
              key: q,
              label: (
                <Tooltip title={t(`consult.queueHint.${q}`)} mouseEnterDelay={0.6}>
                  <span data-testid={`queue-tab-${q}`} data-count={c?.text}>
                    {t(`consult.queue.${q}`)}
                    {c?.text && <span className={`tb-cs-count ${tone}${c.n === 0 || q === 'all' ? ' zero' : ''}`}>{c.text}</span>}
                  </span>
                </Tooltip>
              ),
            };
          })}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 13 }}>
          {t(`consult.queueHint.${queue}`)}
        </Typography.Paragraph>
        <ConsultErrorAlert error={list.error} onRetry={list.reload} />
        <OrderTable items={list.items} loading={list.loading} empty={t('consult.orders.empty')} onOpen={(o) => navigate(orderPath(o.id), { state: { from: `/workbench/orders?queue=${queue}` } })} />
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      </Card>
    </>
  );
}
