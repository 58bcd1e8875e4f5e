import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined, PrinterOutlined, ReloadOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { hasRole, useMe } from '../../auth';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/cursor';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { Pager } from '../../components/Pager';
import { DepartmentSelect } from '../admin/pickers';
import { issuedPrintoutUrl, licencesApi, type LicenceStatus, type LicenceSummary, type StatusAction } from './api';
import { ImportPanel } from './ImportPanel';
import { StatusActionModal } from './StatusActionModal';
import { LicenceErrorAlert, msgs, StatusTag, typeName, useTypeNames, validityText } from './ui';
import './licences.css';

const PAGE_SIZE = 20;
const STATUSES: LicenceStatus[] = ['valid', 'suspended', 'revoked'];

interface Filters {
  typeCode?: string;
  status?: LicenceStatus;
  q?: string;
}

/** The actions an officer of the issuing department may take on a licence in its state. */
function actionsFor(l: LicenceSummary): StatusAction[] {
  if (l.status === 'valid') return ['suspend', 'revoke'];
  if (l.status === 'suspended') return ['reinstate', 'revoke'];
  return [];
}

const ACTION_ICONS: Record<StatusAction, React.ReactNode> = { suspend: <PauseCircleOutlined />, revoke: <StopOutlined />, reinstate: <PlayCircleOutlined /> };

function IssuedList({ tick, onChanged }: { tick: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const anyDepartment = hasRole(me, 'platform_admin', 'auditor');
  const [departmentId, setDepartmentId] = useState<string | undefined>(me.department?.id);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [acting, setActing] = useState<{ licence: LicenceSummary; action: StatusAction } | null>(null);
  const types = useAsync((signal) => licencesApi.types({ issuerDepartmentId: departmentId }, signal), [departmentId], !!departmentId);
  const list = useCursorPages<LicenceSummary>(
    (cursor, signal) => licencesApi.issued({ ...filters, departmentId: departmentId !== me.department?.id ? departmentId : undefined, limit: PAGE_SIZE, cursor }, signal),
    [filters, departmentId, tick],
  );
  const canAct = !!departmentId && departmentId === me.department?.id && hasRole(me, 'window_officer', 'reviewer', 'department_admin');
  const sources = msgs().sources as Record<string, string>;
  const nameOf = useTypeNames();

  return (
    <>
      <Form<Filters> form={form} layout="inline" className="tb-filter-bar" onFinish={(v) => setFilters({ ...v, q: v.q?.trim() || undefined })} style={{ rowGap: 8 }}>
        {anyDepartment && (
          <Form.Item label={t('licences.issued.department')}>
            <DepartmentSelect
              value={departmentId}
              onChange={(v) => {
                setDepartmentId(v);
                form.setFieldValue('typeCode', undefined);
                setFilters((f) => ({ ...f, typeCode: undefined }));
              }}
              placeholder={t('licences.issued.allDepartmentsHint')}
              initial={me.department ? [{ id: me.department.id, name: me.department.name }] : []}
              style={{ width: 260 }}
              testId="issued-department"
            />
          </Form.Item>
        )}
        <Form.Item name="typeCode" label={t('licences.issued.type')}>
          <Select
            allowClear
            style={{ width: 220 }}
            loading={types.loading}
            placeholder={t('common.all')}
            options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: typeName(x) }))}
            onChange={(v: string | undefined) => setFilters((f) => ({ ...f, typeCode: v }))}
            data-testid="issued-type"
          />
        </Form.Item>
        <Form.Item name="status" label={t('licences.issued.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('common.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`licences.status.${s}`) }))}
            onChange={(v: LicenceStatus | undefined) => setFilters((f) => ({ ...f, status: v }))}
            data-testid="issued-status"
          />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('licences.issued.search')} style={{ width: 300 }} maxLength={60} data-testid="issued-search" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="issued-search-submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {!canAct && departmentId && <Alert type="info" showIcon title={t('licences.issued.readOnly')} style={{ marginBottom: 12 }} />}
      <LicenceErrorAlert error={list.error} title={t('licences.issued.loadFailed')} onRetry={list.reload} />
      <Table<LicenceSummary>
        data-testid="issued-table"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="middle"
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('licences.issued.empty') }}
        onRow={(r) => ({ 'data-testid': 'issued-row', 'data-licence-id': r.licenceId, 'data-number': r.number, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'id', label: t('licences.common.licenceId'), children: <Typography.Text className="tb-mono" copyable style={{ wordBreak: 'break-all' }}>{r.licenceId}</Typography.Text> },
                { key: 'typeCode', label: t('licences.common.typeCode'), children: <span className="tb-mono">{r.typeCode}</span> },
                { key: 'reason', label: t('licences.common.statusReason'), children: r.statusReason ?? '—' },
                { key: 'changed', label: t('licences.common.statusChangedAt'), children: fmtDateTime(r.statusChangedAt) },
                { key: 'case', label: t('licences.common.caseNumber'), children: r.caseNumber ? <span className="tb-mono">{r.caseNumber}</span> : '—' },
                { key: 'alg', label: t('licences.common.alg'), children: <span className="tb-mono">{r.alg}</span> },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t('licences.common.name'),
            dataIndex: 'typeName',
            width: 260,
            render: (v: string, r) => (
              <div>
                <Typography.Text strong>{nameOf(r.typeCode, v)}</Typography.Text>
                <div className="tb-mono tb-muted">{r.number}</div>
              </div>
            ),
          },
          {
            title: t('licences.issued.holder'),
            dataIndex: ['holder', 'name'],
            width: 240,
            render: (v: string, r) => (
              <div>
                <div>{v}</div>
                <div className="tb-mono tb-muted">{r.holder.idMasked}</div>
              </div>
            ),
          },
          { title: t('licences.common.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string) => fmtDate(v) },
          { title: t('licences.common.validity'), key: 'validity', width: 200, render: (_: unknown, r) => validityText(r.validFrom, r.validTo) },
          {
            title: t('licences.common.status'),
            dataIndex: 'status',
            width: 100,
            render: (_: string, r) =>
              r.statusReason ? (
                <Tooltip title={r.statusReason}>
                  <span>
                    <StatusTag licence={r} />
                  </span>
                </Tooltip>
              ) : (
                <StatusTag licence={r} />
              ),
          },
          { title: t('licences.common.source'), dataIndex: 'source', width: 100, render: (v: string) => sources[v] ?? v },
          {
            title: t('licences.issued.actions'),
            key: 'actions',
            width: 240,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<PrinterOutlined />} href={issuedPrintoutUrl(r.licenceId)} target="_blank" rel="noreferrer" data-testid="issued-printout">
                  {t('licences.issued.printout')}
                </Button>
                {canAct &&
                  actionsFor(r).map((a) => (
                    <Button key={a} type="link" size="small" danger={a === 'revoke'} icon={ACTION_ICONS[a]} onClick={() => setActing({ licence: r, action: a })} data-testid={`issued-${a}`}>
                      {t(`licences.issued.${a}`)}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      <StatusActionModal
        licence={acting?.licence ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          onChanged();
        }}
      />
    </>
  );
}

/** 证照管理 (workbench): the department's issued licences, status changes, bulk import. */
export default function IssuedPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'import' ? 'import' : 'list';
  const [tick, setTick] = useState(0);
  const canImport = hasRole(me, 'window_officer', 'reviewer', 'department_admin') && !!me.department;

  return (
    <>
      <PageHead
        title={t('licences.issued.title')}
        intro={t('licences.issued.intro')}
        testId="issued-title"
        extra={
          tab === 'list' && (
            <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)}>
              {t('licences.common.reload')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'import' ? { tab: 'import' } : {}, { replace: true })}
          items={[
            { key: 'list', label: <span data-testid="issued-tab-list">{t('licences.issued.tabList')}</span>, children: <IssuedList tick={tick} onChanged={() => setTick((n) => n + 1)} /> },
            ...(canImport
              ? [
                  {
                    key: 'import',
                    label: <span data-testid="issued-tab-import">{t('licences.issued.tabImport')}</span>,
                    children: (
                      <Row>
                        <Col xs={24} xl={20}>
                          <ImportPanel onImported={() => setTick((n) => n + 1)} onShowList={() => setParams({}, { replace: true })} />
                        </Col>
                      </Row>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
