import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { ClusterOutlined, LikeOutlined, QuestionCircleOutlined, WarningOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { hasRole, useMe } from '../../../auth';
import { useAsync } from '../../../lib/useAsync';
import { consultApi, DISPATCHER_QUEUES, type ConsultStats } from '../api';
import { ConsultErrorAlert, keyText, msgs } from '../ui';
import { echarts } from './echarts';

const BLUE = '#0b4aa2';
const short = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);

function barOption(names: string[], values: number[], series: string, color = BLUE, horizontal = false) {
  const cat = { type: 'category' as const, data: names, axisLabel: { interval: 0, formatter: short } };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    color: [color],
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? val : { ...cat, axisLabel: { ...cat.axisLabel, rotate: names.length > 5 ? 30 : 0 } },
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ name: series, type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

/** 概览: questions by channel and by department, how often answers helped, overdue orders; and the live backlogs. */
export function OverviewTab() {
  const { t } = useTranslation();
  const me = useMe();
  const platform = hasRole(me, 'platform_admin');
  const stats = useAsync((signal) => consultApi.stats({ signal }), []);
  const backlog = useAsync(
    (signal) => Promise.all(DISPATCHER_QUEUES.slice(0, 4).map((q) => consultApi.dispatcherQueue(q, { limit: 100 }, { signal }).then((p) => ({ q, n: p.items.length, more: !!p.nextCursor })))),
    [],
    platform,
  );
  const kbOpen = useAsync((signal) => consultApi.kbConflicts({ status: 'open', limit: 100 }, { signal }), []);
  const s: ConsultStats | undefined = stats.data;
  const missing = stats.error instanceof ApiError && stats.error.status === 404;

  const channelOption = useMemo(() => {
    if (!s) return null;
    const table = msgs().channel as Record<string, string>;
    return {
      color: [BLUE, '#c8161d', '#f3c24c', '#389e0d', '#8a93a5'],
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' }, data: s.questions.byChannel.map((c) => ({ name: keyText(table, c.channel), value: c.count })) }],
    };
  }, [s]);
  const deptOption = useMemo(() => {
    if (!s) return null;
    const rows = s.questions.byDepartment.slice(0, 10);
    return barOption(rows.map((r) => r.departmentName), rows.map((r) => r.count), t('consult.admin.overview.questions'), BLUE, true);
  }, [s, t]);
  const overdueOption = useMemo(() => {
    if (!s) return null;
    const rows = s.orders.overdueByDepartment.slice(0, 10);
    return barOption(rows.map((r) => r.departmentName), rows.map((r) => r.count), t('consult.admin.overview.overdue'), '#c8161d', true);
  }, [s, t]);
  const backlogOption = useMemo(() => {
    if (!backlog.data) return null;
    const table = msgs().dispatcherQueue as Record<string, string>;
    return barOption(backlog.data.map((b) => keyText(table, b.q)), backlog.data.map((b) => b.n), t('consult.admin.overview.waiting'), '#722ed1');
  }, [backlog.data, t]);

  const rate = s && s.answers.votes > 0 ? Math.round((s.answers.helpful / s.answers.votes) * 1000) / 10 : null;

  return (
    <div data-testid="consult-overview">
      {missing ? <Alert type="info" showIcon title={t('consult.admin.overview.noStats')} description={t('consult.admin.overview.noStatsHint')} style={{ marginBottom: 16 }} /> : <ConsultErrorAlert error={stats.error} onRetry={stats.reload} />}
      <Row gutter={16}>
        <Col xs={24} sm={12} xl={6}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={t('consult.admin.overview.questions')} value={s?.questions.total ?? '—'} loading={stats.loading} prefix={<QuestionCircleOutlined />} styles={{ content: { color: BLUE } }} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={s ? t('consult.admin.overview.helpfulRate', { n: s.answers.votes }) : t('consult.admin.overview.helpful')} value={rate ?? '—'} suffix={rate !== null ? '%' : undefined} loading={stats.loading} prefix={<LikeOutlined />} styles={{ content: { color: '#389e0d' } }} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={s ? t('consult.admin.overview.overdueOrders', { open: s.orders.open }) : t('consult.admin.overview.overdueTitle')} value={s?.orders.overdue ?? '—'} loading={stats.loading} prefix={<WarningOutlined />} styles={{ content: { color: '#c8161d' } }} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic
              title={t('consult.admin.overview.openConflicts')}
              value={kbOpen.error ? '—' : kbOpen.data ? `${kbOpen.data.items.length}${kbOpen.data.nextCursor ? '+' : ''}` : 0}
              loading={kbOpen.loading}
              prefix={<ClusterOutlined />}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('consult.admin.overview.byChannel')} style={{ marginBottom: 16 }}>
            {stats.loading ? <Skeleton active /> : channelOption && s!.questions.total > 0 ? <ReactEChartsCore echarts={echarts} option={channelOption} notMerge style={{ height: 300 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('consult.admin.overview.byDepartment')} style={{ marginBottom: 16 }}>
            {stats.loading ? <Skeleton active /> : deptOption && s!.questions.byDepartment.length ? <ReactEChartsCore echarts={echarts} option={deptOption} notMerge style={{ height: 300 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('consult.admin.overview.overdueByDepartment')} style={{ marginBottom: 16 }}>
            {stats.loading ? <Skeleton active /> : overdueOption && s!.orders.overdueByDepartment.length ? <ReactEChartsCore echarts={echarts} option={overdueOption} notMerge style={{ height: 280 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.admin.overview.noOverdue')} />}
          </Card>
        </Col>
        {platform && (
          <Col xs={24} xl={10}>
            <Card title={t('consult.admin.overview.dispatchBacklog')} style={{ marginBottom: 16 }}>
              <ConsultErrorAlert error={backlog.error} />
              {backlog.loading ? <Skeleton active /> : backlogOption ? <ReactEChartsCore echarts={echarts} option={backlogOption} notMerge style={{ height: 280 }} /> : null}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
