import { useMemo, useState } from 'react';
import { Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { FileDoneOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../../auth';
import { echarts } from '../../admin/echarts';
import type { QueueKey } from './types';
import { countText, queuePath, queuesFor, useQueueCounts } from './ui';
import './cases.css';

const COLORS: Partial<Record<QueueKey, string>> = { due_soon: '#fa8c16', overdue: '#c8161d', cross_region: '#2f54eb' };

/** The workbench's 我的办件 card: the size of each queue the officer works, as tiles and a small bar chart. */
export function QueueOverview() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [tick, setTick] = useState(0);
  const queues = useMemo(() => queuesFor(me).mine.filter((q) => q !== 'all'), [me]);
  const counts = useQueueCounts(queues, tick);
  const data = (counts.data ?? []).filter((c) => !c.failed);
  const anyMore = data.some((c) => c.more);

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 22, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: data.map((c) => t(`appWorkbench.queue.${c.queue}`)), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: data.map((c) => ({ value: c.n, queue: c.queue, itemStyle: { color: COLORS[c.queue] ?? '#0b4aa2', borderRadius: [3, 3, 0, 0] } })),
          label: { show: true, position: 'top', formatter: (p: { dataIndex: number; value: number }) => `${p.value}${data[p.dataIndex]?.more ? '+' : ''}` },
        },
      ],
    }),
    [data, t],
  );

  return (
    <Card
      data-testid="queue-overview"
      style={{ marginBottom: 16 }}
      title={
        <span className="tb-card-title">
          <FileDoneOutlined /> {t('appWorkbench.overview.title')}
        </span>
      }
      extra={
        <Space>
          <Button size="small" type="text" icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} aria-label={t('appWorkbench.common.reload')} />
          <Link to="/workbench/cases" data-testid="queue-overview-open">
            {t('appWorkbench.overview.enter')} <RightOutlined />
          </Link>
        </Space>
      }
    >
      {counts.loading && !counts.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Row gutter={[10, 10]}>
            {queues.map((q) => {
              const c = counts.data?.find((x) => x.queue === q);
              const tone = q === 'overdue' && c && c.n > 0 ? ' danger' : q === 'due_soon' && c && c.n > 0 ? ' warning' : '';
              return (
                <Col key={q} xs={12} sm={8} md={6} xl={queues.length > 6 ? 6 : 8}>
                  <Link to={queuePath(q)} className={`tb-wb-stat${tone}`} data-testid={`queue-stat-${q}`}>
                    <div className="n">{countText(c) || '—'}</div>
                    <div className="l">{t(`appWorkbench.queue.${q}`)}</div>
                  </Link>
                </Col>
              );
            })}
          </Row>
          {data.length > 0 && (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '14px 0 2px' }}>
                {t('appWorkbench.overview.chartTitle')}
                {anyMore && ` · ${t('appWorkbench.overview.more', { n: data.find((c) => c.more)?.cap })}`}
              </Typography.Text>
              <ReactEChartsCore
                echarts={echarts}
                option={option}
                notMerge
                className="tb-wb-chart"
                style={{ height: 190 }}
                onEvents={{ click: (p: { data?: { queue?: QueueKey } }) => p.data?.queue && navigate(queuePath(p.data.queue)) }}
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}
