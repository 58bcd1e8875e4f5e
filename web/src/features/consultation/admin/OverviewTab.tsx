import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { ClusterOutlined, FieldTimeOutlined, LikeOutlined, QuestionCircleOutlined, SmileOutlined, ThunderboltOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../auth';
import { localDeptName } from '../../../lib/departments';
import { useAsync } from '../../../lib/useAsync';
import { currentLang, localName } from '../../../i18n';
import { consultApi, DISPATCHER_QUEUES, type ConsultStats } from '../api';
import { ConsultErrorAlert, keyText, msgs } from '../ui';
import { echarts } from './echarts';
import type consultationZh from '../../../locales/consultation.zh-CN';

type OvKey = keyof typeof consultationZh.consult.admin.overview;

const BLUE = '#0b4aa2';
const RED = '#c8161d';
const GREEN = '#389e0d';
const ORANGE = '#d46b08';
const PURPLE = '#722ed1';
/** Axis labels: Chinese names cut at 12 characters, English ones at 26 (they are longer for the same unit). */
const short = (s: string) => {
  const max = currentLang() === 'en' ? 26 : 12;
  return s.length > max ? `${s.slice(0, max)}…` : s;
};
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

type Named = { departmentName: string; departmentNameEn: string | null };
const deptLabel = (d: Named) => localDeptName({ name: d.departmentName, nameEn: d.departmentNameEn });
const regionLabel = (r: { regionName: string; regionNameEn: string | null }) => localName(r.regionName, r.regionNameEn);

function barOption(names: string[], values: number[], series: string, color = BLUE, horizontal = false) {
  const cat = { type: 'category' as const, data: names, axisLabel: { interval: 0, formatter: short } };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    color: [color],
    animationDuration: 300,
    grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? val : { ...cat, axisLabel: { ...cat.axisLabel, rotate: names.length > 5 ? 30 : 0, width: names.length > 5 ? undefined : 72, overflow: 'break' } },
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ name: series, type: 'bar', data: values, barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

function pieOption(rows: Array<{ name: string; value: number }>, colors: string[]) {
  return {
    color: colors,
    animationDuration: 300,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '66%'], center: ['50%', '44%'], label: { formatter: '{b}\n{c}' }, data: rows.filter((r) => r.value > 0) }],
  };
}

function Chart({ option, height = 280, empty, testId }: { option: object | null; height?: number; empty?: string; testId?: string }) {
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
    </div>
  );
}

function Stat({ title, value, suffix, icon, color, testId, loading }: { title: string; value: number | string | null | undefined; suffix?: string; icon: React.ReactNode; color: string; testId: string; loading: boolean }) {
  return (
    <Card className="tb-stat-card" style={{ marginBottom: 16 }} data-testid={testId}>
      <Statistic title={title} value={value ?? '—'} suffix={value === null || value === undefined ? undefined : suffix} loading={loading} prefix={icon} styles={{ content: { color } }} />
    </Card>
  );
}

/**
 * 概览 (决策支持): what people ask and where service is slow — questions and orders of the window by channel, unit,
 * region and topic; the backlog now (open, overdue, due soon); answer and routing quality; ratings; a daily trend.
 * A department admin sees their own department (the server scopes the figures).
 */
export function OverviewTab() {
  const { t } = useTranslation();
  const me = useMe();
  const platform = hasRole(me, 'platform_admin');
  const [days, setDays] = useState(30);
  const stats = useAsync((signal) => consultApi.stats(days, { signal }), [days]);
  const backlog = useAsync(
    (signal) => Promise.all(DISPATCHER_QUEUES.slice(0, 4).map((q) => consultApi.dispatcherQueue(q, { limit: 100 }, { signal }).then((p) => ({ q, n: p.items.length, more: !!p.nextCursor })))),
    [],
    platform,
  );
  const s: ConsultStats | undefined = stats.data;
  const o = s?.orders;
  const lang = currentLang();

  const charts = useMemo(() => {
    if (!s) return null;
    const m = msgs();
    const ov = (k: OvKey): string => t(`consult.admin.overview.${k}`);
    const trend = {
      color: [BLUE, GREEN, ORANGE, PURPLE],
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: s.trend.map((d) => d.day.slice(5)), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: ov('questions'), type: 'line', smooth: true, data: s.trend.map((d) => d.questions), areaStyle: { opacity: 0.08 } },
        { name: ov('answeredAtOnce'), type: 'line', smooth: true, data: s.trend.map((d) => d.answered) },
        { name: ov('ordersReceived'), type: 'line', smooth: true, data: s.trend.map((d) => d.orders) },
        { name: ov('ordersConcluded'), type: 'line', smooth: true, data: s.trend.map((d) => d.concluded) },
      ],
    };
    const channel = s.questions.total ? pieOption(s.questions.byChannel.map((c) => ({ name: keyText(m.channel as Record<string, string>, c.channel), value: c.count })), [BLUE, RED, '#f3c24c', GREEN]) : null;
    const outcome = s.questions.total
      ? pieOption(
          (['answered', 'routed', 'dispatcher'] as const).map((k) => ({ name: keyText(m.outcome as Record<string, string>, k), value: s.questions.byOutcome[k] })),
          [GREEN, BLUE, PURPLE],
        )
      : null;
    const qDept = s.questions.byDepartment.length ? barOption(s.questions.byDepartment.map(deptLabel), s.questions.byDepartment.map((r) => r.count), ov('questions'), BLUE, true) : null;
    const qRegion = s.questions.byRegion.length ? barOption(s.questions.byRegion.map(regionLabel), s.questions.byRegion.map((r) => r.count), ov('questions'), '#13a8a8') : null;
    const status = o!.byStatus.length ? barOption(o!.byStatus.map((r) => keyText(m.status as Record<string, string>, r.status)), o!.byStatus.map((r) => r.count), ov('orders'), BLUE) : null;
    const type = o!.received ? pieOption(o!.byType.map((r) => ({ name: keyText(m.orderType as Record<string, string>, r.type), value: r.count })), [BLUE, ORANGE, RED, GREEN]) : null;
    const overdue = o!.overdueByDepartment.length ? barOption(o!.overdueByDepartment.map(deptLabel), o!.overdueByDepartment.map((r) => r.count), ov('overdue'), RED, true) : null;
    const oDept = o!.byDepartment.length ? barOption(o!.byDepartment.map(deptLabel), o!.byDepartment.map((r) => r.count), ov('ordersReceived'), PURPLE, true) : null;
    const routing = o!.received ? pieOption([{ name: ov('routedAuto'), value: o!.routing.auto }, { name: ov('routedDispatcher'), value: o!.routing.dispatcher }], [GREEN, PURPLE]) : null;
    const hopRows = [
      [ov('transfers'), o!.hops.transfers],
      [ov('returns'), o!.hops.returns],
      [ov('rulings'), o!.hops.rulings],
      [ov('crossRegion'), o!.hops.crossRegion],
    ] as const;
    const hops = barOption(hopRows.map((h) => h[0]), hopRows.map((h) => h[1]), ov('hops'), ORANGE);
    const ratings = o!.ratings.total
      ? pieOption((['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((k) => ({ name: keyText(m.rating as Record<string, string>, k), value: o!.ratings[k] })), [GREEN, '#f3c24c', RED])
      : null;
    return { trend, channel, outcome, qDept, qRegion, status, type, overdue, oDept, routing, hops, ratings };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, t, lang]);

  const backlogOption = useMemo(() => {
    if (!backlog.data) return null;
    const table = msgs().dispatcherQueue as Record<string, string>;
    return barOption(backlog.data.map((b) => keyText(table, b.q)), backlog.data.map((b) => b.n), t('consult.admin.overview.waiting'), PURPLE);
  }, [backlog.data, t]);

  const loading = stats.loading && !s;
  const ov = (k: OvKey, v: Record<string, unknown> = {}): string => t(`consult.admin.overview.${k}`, v);
  const card = (title: string, body: React.ReactNode, testId?: string) => (
    <Card title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      {loading ? <Skeleton active /> : body}
    </Card>
  );

  return (
    <div data-testid="consult-overview">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        <Typography.Text type="secondary" data-testid="consult-stats-scope">
          {s ? (s.scope.all ? ov('scopeAll', { days: s.window.days }) : ov('scopeDept', { dept: deptLabel({ departmentName: s.scope.departmentName ?? '', departmentNameEn: s.scope.departmentNameEn }), days: s.window.days })) : ' '}
        </Typography.Text>
        <Segmented
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={[7, 30, 90].map((d) => ({ value: d, label: ov('lastDays', { days: d }) }))}
          data-testid="consult-stats-days"
        />
      </div>
      <ConsultErrorAlert error={stats.error} onRetry={stats.reload} />
      <Row gutter={16}>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={ov('questions')} value={s?.questions.total} icon={<QuestionCircleOutlined />} color={BLUE} testId="stat-questions" loading={loading} />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={ov('instantRate')} value={s ? pct(s.questions.instantAnswerRate) : undefined} suffix="%" icon={<ThunderboltOutlined />} color={GREEN} testId="stat-instant" loading={loading} />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={s ? ov('helpfulRate', { n: s.answers.votes }) : ov('helpful')} value={s ? pct(s.answers.helpfulRate) : undefined} suffix="%" icon={<LikeOutlined />} color={GREEN} testId="stat-helpful" loading={loading} />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={o ? ov('overdueOrders', { open: o.open, soon: o.dueSoon }) : ov('overdueTitle')} value={o?.overdue} icon={<FieldTimeOutlined />} color={RED} testId="stat-overdue" loading={loading} />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={o ? ov('satisfiedRate', { n: o.ratings.total }) : ov('satisfied')} value={o ? pct(o.ratings.satisfiedRate) : undefined} suffix="%" icon={<SmileOutlined />} color={GREEN} testId="stat-satisfied" loading={loading} />
        </Col>
        <Col xs={24} sm={12} xl={4}>
          <Stat title={ov('openConflicts')} value={s ? s.contradictions.kbOpen + s.contradictions.answersOpen : undefined} icon={<ClusterOutlined />} color={ORANGE} testId="stat-conflicts" loading={loading} />
        </Col>
      </Row>

      {card(ov('trend', { days: s?.window.days ?? days }), <Chart option={charts?.trend ?? null} height={300} testId="chart-trend" />, 'consult-trend')}

      <Row gutter={16}>
        <Col xs={24} xl={8}>{card(ov('byChannel'), <Chart option={charts?.channel ?? null} />)}</Col>
        <Col xs={24} xl={8}>{card(ov('byOutcome'), <Chart option={charts?.outcome ?? null} />)}</Col>
        <Col xs={24} xl={8}>{card(ov('byRegion'), <Chart option={charts?.qRegion ?? null} />)}</Col>
        <Col xs={24} xl={12}>{card(ov('byDepartment'), <Chart option={charts?.qDept ?? null} height={320} testId="chart-questions-by-dept" />)}</Col>
        <Col xs={24} xl={12}>{card(ov('overdueByDepartment'), <Chart option={charts?.overdue ?? null} height={320} empty={ov('noOverdue')} testId="chart-overdue" />)}</Col>
        <Col xs={24} xl={8}>{card(ov('byStatus'), <Chart option={charts?.status ?? null} />)}</Col>
        <Col xs={24} xl={8}>{card(ov('byType'), <Chart option={charts?.type ?? null} />)}</Col>
        <Col xs={24} xl={8}>{card(ov('ordersByDepartment'), <Chart option={charts?.oDept ?? null} />)}</Col>
        <Col xs={24} xl={8}>{card(ov('routing'), <Chart option={charts?.routing ?? null} />)}</Col>
        <Col xs={24} xl={8}>
          {card(
            ov('hops'),
            <>
              <Chart option={charts?.hops ?? null} height={240} />
              {o && (
                <Typography.Text type="secondary">
                  {ov('bounced', { n: o.bounced, final: o.finalRulings })}
                </Typography.Text>
              )}
            </>,
          )}
        </Col>
        <Col xs={24} xl={8}>{card(ov('ratings'), <Chart option={charts?.ratings ?? null} />)}</Col>
        <Col xs={24} xl={12}>
          {card(
            ov('topTopics'),
            <Table
              size="small"
              rowKey="dutyCode"
              pagination={false}
              dataSource={s?.questions.topTopics ?? []}
              data-testid="top-topics"
              columns={[
                { title: ov('matter'), dataIndex: 'matter', render: (v: string, r) => <span>{v} <span className="tb-mono tb-muted">{r.dutyCode}</span></span> },
                { title: t('consult.common.unit'), key: 'dept', width: 200, render: (_: unknown, r) => deptLabel(r) },
                { title: ov('count'), dataIndex: 'count', width: 80, align: 'right' as const },
              ]}
            />,
          )}
        </Col>
        <Col xs={24} xl={12}>
          {card(
            ov('topEntries'),
            <Table
              size="small"
              rowKey="entryCode"
              pagination={false}
              dataSource={s?.questions.topEntries ?? []}
              data-testid="top-entries"
              columns={[
                { title: ov('entry'), dataIndex: 'question', render: (v: string, r) => <span>{v} <span className="tb-mono tb-muted">{r.entryCode}</span></span> },
                { title: t('consult.common.unit'), key: 'dept', width: 200, render: (_: unknown, r) => deptLabel(r) },
                { title: ov('count'), dataIndex: 'count', width: 80, align: 'right' as const },
              ]}
            />,
          )}
        </Col>
        {platform && (
          <Col xs={24} xl={12}>
            <Card title={ov('dispatchBacklog')} style={{ marginBottom: 16 }} extra={o ? <Tag color="purple">{ov('atDispatcher', { n: o.atDispatcher })}</Tag> : null}>
              <ConsultErrorAlert error={backlog.error} />
              {backlog.loading ? <Skeleton active /> : <Chart option={backlogOption} />}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
