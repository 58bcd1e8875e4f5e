import { useMemo } from 'react';
import { Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { ApartmentOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { fetchAll, type Department, type StaffMember } from '../../api';
import { hasRole, useMe } from '../../auth';
import { currentLang, label } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { useRegions } from '../../lib/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { echarts } from './echarts';

/** The city a region belongs to (or the province itself, for province-level departments). */
function cityOf(code: string): string {
  if (code.endsWith('0000')) return code;
  return `${code.slice(0, 4)}00`;
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const regions = useRegions();
  const lang = currentLang();
  const depts = useAsync(() => fetchAll<Department>('/api/v1/org/departments'), []);
  const canSeeStaff = hasRole(me, 'platform_admin', 'department_admin', 'auditor');
  const staff = useAsync(() => fetchAll<StaffMember>('/api/v1/identity/staff', hasRole(me, 'platform_admin', 'auditor') ? {} : { departmentId: me.department?.id }), [me.id], canSeeStaff);

  const perRegion = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of depts.data ?? []) counts.set(cityOf(d.regionCode), (counts.get(cityOf(d.regionCode)) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([code, count]) => {
        const r = regions.byCode.get(code);
        const name = r ? (r.level === 'province' ? t('admin.dashboard.provinceLevel') : lang === 'en' ? r.nameEn || r.name : r.name) : code;
        return { code, name, count };
      });
  }, [depts.data, regions.byCode, lang, t]);

  const perKind = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of depts.data ?? []) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [depts.data]);

  const option = useMemo(
    () => ({
      color: ['#0b4aa2'],
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: perRegion.map((r) => r.name), axisLabel: { interval: 0, rotate: perRegion.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('admin.dashboard.chartSeries'),
          type: 'bar',
          data: perRegion.map((r) => r.count),
          barMaxWidth: 42,
          itemStyle: { borderRadius: [3, 3, 0, 0] },
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [perRegion, t],
  );

  const maxKind = perKind[0]?.[1] ?? 1;
  const staffTitle = hasRole(me, 'platform_admin', 'auditor') ? t('admin.dashboard.staff') : t('admin.dashboard.myDepartmentStaff');

  return (
    <div data-testid="admin-dashboard">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('admin.dashboard.title')}
      </Typography.Title>
      <ErrorAlert error={depts.error ?? staff.error} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={t('admin.dashboard.departments')} value={depts.data?.length ?? 0} loading={depts.loading} prefix={<ApartmentOutlined />} styles={{ content: { color: '#0b4aa2' } }} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={t('admin.dashboard.regions')} value={regions.list.length} loading={regions.loading} prefix={<GlobalOutlined />} styles={{ content: { color: '#0b4aa2' } }} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="tb-stat-card" style={{ marginBottom: 16 }}>
            <Statistic title={staffTitle} value={staff.data?.length ?? 0} loading={staff.loading} prefix={<TeamOutlined />} styles={{ content: { color: '#c8161d' } }} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('admin.dashboard.chartTitle')} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{t('admin.dashboard.note')}</Typography.Text>}>
            {depts.loading ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : perRegion.length ? (
              <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320 }} data-testid="dept-chart" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('admin.dashboard.kindChartTitle')} style={{ marginBottom: 16 }}>
            {depts.loading ? (
              <Skeleton active />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} size={6}>
                {perKind.map(([kind, count]) => (
                  <div key={kind}>
                    <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                      <span>{label('kinds', kind)}</span>
                      <span className="tb-muted">{count}</span>
                    </div>
                    <Progress percent={Math.round((count / maxKind) * 100)} showInfo={false} size="small" strokeColor="#0b4aa2" />
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
