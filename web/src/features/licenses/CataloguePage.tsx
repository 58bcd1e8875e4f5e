import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { RegionTreeSelect } from '../admin/pickers';
import { licencesApi, typePath, type CatalogueEntry } from './api';
import { echarts } from './echarts';
import { ItemsList, MaterialsList } from './TypeDetailPage';
import { LicenceErrorAlert } from './ui';
import './licences.css';
import { localItemName } from '../applications/names';

const INLINE = 3;

/** Up to three names inline, the rest as "+N". */
function Names({ names, testId }: { names: string[]; testId?: string }) {
  const { t } = useTranslation();
  if (!names.length) return <Typography.Text type="secondary">{t('licences.catalogue.none')}</Typography.Text>;
  const unique = [...new Set(names)];
  return (
    <div data-testid={testId}>
      {unique.slice(0, INLINE).map((n) => (
        <div key={n} style={{ lineHeight: 1.6 }}>
          {n}
        </div>
      ))}
      {unique.length > INLINE && (
        <Tooltip title={unique.slice(INLINE).join('、')}>
          <Tag style={{ marginTop: 2 }}>+{unique.length - INLINE}</Tag>
        </Tooltip>
      )}
    </div>
  );
}

/** 发证用证清单: licence types × the items that issue them × the materials they replace, with counts and a chart. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const cat = useAsync((signal) => licencesApi.catalogue({ regionCode }, signal), [regionCode]);
  const items = useMemo(() => cat.data?.items ?? [], [cat.data]);
  const totals = useMemo(
    () => items.reduce((a, e) => ({ issued: a.issued + e.counts.issued, uses: a.uses + e.counts.uses, verifications: a.verifications + e.counts.verifications }), { issued: 0, uses: 0, verifications: 0 }),
    [items],
  );

  const chartRows = useMemo(() => [...items].sort((a, b) => a.counts.issued + a.counts.uses + a.counts.verifications - (b.counts.issued + b.counts.uses + b.counts.verifications)), [items]);
  const option = useMemo(
    () => ({
      color: ['#0b4aa2', '#f3a73b', '#2e9b45'],
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: chartRows.map((e) => e.name), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [
        { name: t('licences.catalogue.seriesIssued'), type: 'bar', data: chartRows.map((e) => e.counts.issued), barMaxWidth: 12 },
        { name: t('licences.catalogue.seriesUses'), type: 'bar', data: chartRows.map((e) => e.counts.uses), barMaxWidth: 12 },
        { name: t('licences.catalogue.seriesVerifications'), type: 'bar', data: chartRows.map((e) => e.counts.verifications), barMaxWidth: 12 },
      ],
    }),
    [chartRows, t],
  );

  const num = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>;

  return (
    <>
      <PageHead title={t('licences.catalogue.title')} intro={t('licences.catalogue.intro')} testId="licence-catalogue-title" />
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Text>{t('licences.catalogue.region')}</Typography.Text>
          <RegionTreeSelect value={regionCode} onChange={setRegionCode} allowClear placeholder={t('licences.catalogue.regionAll')} style={{ width: 240 }} testId="catalogue-region" />
        </Space>
        {cat.data && (
          <Typography.Text type="secondary" data-testid="catalogue-totals">
            {t('licences.catalogue.totals', { types: items.length, ...totals })} · {t('licences.catalogue.generatedAt', { time: fmtDateTime(cat.data.generatedAt) })}
          </Typography.Text>
        )}
      </Space>
      <LicenceErrorAlert error={cat.error} title={t('licences.catalogue.loadFailed')} onRetry={cat.reload} />
      <Row gutter={16}>
        <Col xs={24}>
          <Card title={t('licences.catalogue.chartTitle')} size="small" style={{ marginBottom: 16 }}>
            {cat.loading && !cat.data ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : items.length ? (
              <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(240, 60 + chartRows.length * 30) }} data-testid="catalogue-chart" />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      <Table<CatalogueEntry>
        data-testid="catalogue-table"
        rowKey="code"
        size="small"
        loading={cat.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1080 }}
        onRow={(r) => ({ 'data-testid': 'catalogue-row', 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <Row gutter={16}>
              <Col xs={24} xl={10}>
                <Typography.Title level={5}>{t('licences.catalogue.issuedByItems')}</Typography.Title>
                <ItemsList items={r.issuedByItems} empty={t('licences.typeDetail.itemsEmpty')} />
              </Col>
              <Col xs={24} xl={14}>
                <Typography.Title level={5}>{t('licences.catalogue.acceptedFor')}</Typography.Title>
                <MaterialsList items={r.acceptedForMaterials} empty={t('licences.typeDetail.materialsEmpty')} />
              </Col>
            </Row>
          ),
        }}
        columns={[
          {
            title: t('licences.catalogue.type'),
            dataIndex: 'name',
            width: 180,
            render: (v: string, r) => (
              <div>
                {r.defined ? <Link to={typePath(r.code)}>{v}</Link> : <Typography.Text strong>{v}</Typography.Text>}
                <div className="tb-mono tb-muted">{r.code}</div>
                {!r.defined && <Tag color="warning">{t('licences.catalogue.notDefined')}</Tag>}
              </div>
            ),
          },
          { title: t('licences.catalogue.definingDepartment'), dataIndex: 'definingDepartment', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('licences.catalogue.issuedByItems'), key: 'items', width: 170, render: (_: unknown, r) => <Names names={r.issuedByItems.map((i) => localItemName(i))} /> },
          {
            title: t('licences.catalogue.acceptedFor'),
            key: 'materials',
            width: 190,
            render: (_: unknown, r) => (
              <div>
                <Names names={r.acceptedForMaterials.map((m) => m.materialName)} />
                {r.acceptedForMaterials.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('licences.catalogue.itemsN', { n: new Set(r.acceptedForMaterials.map((m) => m.itemId)).size })}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('licences.catalogue.issued'), key: 'issued', width: 60, align: 'right', sorter: (a, b) => a.counts.issued - b.counts.issued, render: (_: unknown, r) => num(r.counts.issued) },
          { title: t('licences.catalogue.valid'), key: 'valid', width: 60, align: 'right', render: (_: unknown, r) => num(r.counts.valid) },
          { title: t('licences.catalogue.suspended'), key: 'suspended', width: 60, align: 'right', render: (_: unknown, r) => num(r.counts.suspended) },
          { title: t('licences.catalogue.revoked'), key: 'revoked', width: 60, align: 'right', render: (_: unknown, r) => num(r.counts.revoked) },
          { title: t('licences.catalogue.uses'), key: 'uses', width: 60, align: 'right', sorter: (a, b) => a.counts.uses - b.counts.uses, render: (_: unknown, r) => num(r.counts.uses) },
          { title: t('licences.catalogue.verifications'), key: 'verifications', width: 60, align: 'right', sorter: (a, b) => a.counts.verifications - b.counts.verifications, render: (_: unknown, r) => num(r.counts.verifications) },
        ]}
      />
    </>
  );
}
