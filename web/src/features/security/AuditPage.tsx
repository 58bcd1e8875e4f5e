import { useState } from 'react';
import { FilterButtons } from '../../components/FilterButtons';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type AuditEntry, type AuditVerify, type Page } from '../../api';
import { hasRole, useMe } from '../../auth';
import { errorText, label, lookup, messages } from '../../i18n';
import { fmtDateTimeSeconds, parseOnBehalfOf } from '../../lib/format';
import { useCursorPages } from '../../lib/cursor';
import { DepartmentName } from '../../lib/departments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { Pager } from '../../components/Pager';

interface SearchValues {
  action?: string;
  actor?: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Query {
  action?: string;
  actor?: string;
  outcome?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const OUTCOME_COLOR: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

function toQuery(v: SearchValues): Query {
  const s = (x?: string) => (x && x.trim() ? x.trim() : undefined);
  return {
    action: s(v.action),
    actor: s(v.actor),
    outcome: v.outcome,
    targetType: s(v.targetType),
    targetId: s(v.targetId),
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
  };
}

/** 审计日志: search the hash-chained audit trail and verify the chain. */
export default function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<SearchValues>();
  const [query, setQuery] = useState<Query>({});
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const canVerify = hasRole(me, 'platform_admin', 'auditor');
  const ownDepartmentOnly = !canVerify;

  const list = useCursorPages<AuditEntry>(
    (cursor, signal) => api.get<Page<AuditEntry>>('/api/v1/security/audit', { ...query, limit: 20, cursor: cursor ?? undefined }, { signal }),
    [query],
  );

  async function runVerify() {
    setVerifying(true);
    setVerify(null);
    try {
      setVerify(await api.get<AuditVerify>('/api/v1/security/audit/verify'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setVerifying(false);
    }
  }

  const actionOptions = Object.keys(messages().actions)
    .concat(['auth.*', 'identity.*', 'org.*', 'integration.*'])
    .sort()
    .map((a) => ({ value: a, label: a.endsWith('*') ? a : `${a}  ${label('actions', a)}` }));
  const targetTypeOptions = Object.keys(messages().targetTypes).map((k) => ({ value: k, label: `${k}  ${label('targetTypes', k)}` }));

  return (
    <>
      <PageHead
        title={t('audit.title')}
        intro={t('audit.intro')}
        testId="audit-title"
        extra={
          canVerify && (
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} loading={verifying} data-testid="audit-verify">
              {verifying ? t('audit.verifying') : t('audit.verify')}
            </Button>
          )
        }
      />
      {verify && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? t('audit.verifyOk', { entries: verify.entries, lastSeq: verify.lastSeq ?? verify.entries }) : t('audit.verifyBroken', { badSeq: verify.badSeq ?? '?' })}
          description={!verify.ok && verify.problem ? t('audit.verifyProblem', { problem: verify.problem }) : undefined}
        />
      )}
      <Card>
        {ownDepartmentOnly && <Typography.Paragraph type="secondary">{t('audit.ownDepartmentHint')}</Typography.Paragraph>}
        <Form<SearchValues> form={form} layout="vertical" className="tb-filter-bar" onFinish={(v) => setQuery(toQuery(v))}>
          <Row gutter={12}>
            <Col xs={24} md={8} xl={6}>
              <Form.Item name="action" label={t('audit.action')}>
                <AutoComplete options={actionOptions} placeholder={t('audit.actionPlaceholder')} allowClear showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) || String(o?.label ?? '').includes(input) }} data-testid="audit-filter-action" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear placeholder={t('audit.actorPlaceholder')} maxLength={64} data-testid="audit-filter-actor" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="outcome" label={t('audit.outcome')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  options={(['success', 'failure', 'denied'] as const).map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
                  data-testid="audit-filter-outcome"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="targetType" label={t('audit.targetType')}>
                <AutoComplete options={targetTypeOptions} allowClear maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Form.Item name="targetId" label={t('audit.targetId')}>
                <Input allowClear maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16} xl={10}>
              <Form.Item name="range" label={t('audit.range')}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={6}>
              <Form.Item label=" " colon={false}>
                <FilterButtons submitTestId="audit-search" onReset={() => { form.resetFields(); setQuery({}); }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          size="small"
          scroll={{ x: 1080 }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'details', label: t('audit.details'), children: <pre className="tb-pre">{JSON.stringify(e.details ?? null, null, 2)}</pre> },
                  { key: 'hash', label: t('audit.hash'), children: <Typography.Text className="tb-mono" copyable>{e.hash}</Typography.Text> },
                  { key: 'id', label: 'ID', children: <span className="tb-mono">{e.id}</span> },
                  { key: 'dept', label: t('staff.department'), children: <DepartmentName id={e.departmentId} fallback={t('common.none')} /> },
                  { key: 'region', label: t('audit.region'), children: <span className="tb-mono">{e.regionCode ?? t('common.none')}</span> },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 60, render: (v: number) => <span className="tb-mono">{v}</span> },
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => <span className="tb-nowrap">{fmtDateTimeSeconds(v)}</span> },
            {
              title: t('audit.actor'),
              dataIndex: 'actor',
              width: 120,
              render: (v: string, e) => (
                <div>
                  <div className="tb-mono">{v}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`audit.actorKinds.${(['citizen', 'staff', 'system', 'anonymous'].includes(e.actorKind) ? e.actorKind : 'system') as 'citizen' | 'staff' | 'system' | 'anonymous'}`)}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('audit.onBehalfOf'),
              dataIndex: 'onBehalfOf',
              width: 150,
              render: (v: string | null) => {
                const o = parseOnBehalfOf(v);
                if (!o) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
                return (
                  <div>
                    <Tag color="orange">{o.type === 'enterprise' ? t('targetTypes.enterprise') : o.type}</Tag>
                    <div className="tb-mono">{o.key}</div>
                  </div>
                );
              },
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 200,
              render: (v: string) => (
                <div>
                  <div>{lookup('actions', v) ?? v}</div>
                  {lookup('actions', v) && (
                    <Typography.Text type="secondary" className="tb-mono tb-nowrap">
                      {v}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 150,
              render: (_, e) => (
                <div>
                  <div>{label('targetTypes', e.targetType)}</div>
                  {e.targetId && (
                    <Tooltip title={e.targetId}>
                      <Typography.Text type="secondary" className="tb-mono" ellipsis style={{ maxWidth: 130 }}>
                        {e.targetId}
                      </Typography.Text>
                    </Tooltip>
                  )}
                </div>
              ),
            },
            {
              title: t('audit.outcome'),
              dataIndex: 'outcome',
              width: 70,
              render: (v: string) => <Tag color={OUTCOME_COLOR[v] ?? 'default'}>{v === 'success' || v === 'failure' || v === 'denied' ? t(`audit.outcomes.${v}`) : v}</Tag>,
            },
            {
              title: t('audit.requestId'),
              dataIndex: 'requestId',
              width: 110,
              render: (v: string | null) =>
                v ? (
                  <Typography.Text className="tb-mono" copyable={{ text: v }} ellipsis style={{ maxWidth: 90 }}>
                    {v}
                  </Typography.Text>
                ) : (
                  t('common.none')
                ),
            },
          ]}
        />
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      </Card>
    </>
  );
}
