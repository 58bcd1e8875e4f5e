import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type AgentGrant, type Page } from '../../api';
import { useMe } from '../../auth';
import { errorText } from '../../i18n';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { applyFieldErrors, validated } from '../../lib/forms';
import { ID_NUMBER_PATTERN, isValidCitizenId } from '../../lib/codes';
import { useAsync } from '../../lib/useAsync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { scopeLabel, useScopes } from './scopes';

interface GrantValues {
  agentName: string;
  agentIdNumber: string;
  scopes: string[];
  expiresAt: Dayjs;
}

const STATUS_COLOR: Record<AgentGrant['status'], string> = { active: 'green', expired: 'default', revoked: 'red' };
const MAX_DAYS = 3 * 365;

/** 经办人授权: the legal representative grants and revokes agents of the enterprise. */
export default function AgentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const scopes = useScopes();
  const repOf = useMemo(() => me.enterprises.filter((e) => e.relation === 'legal_rep'), [me.enterprises]);
  const [uscc, setUscc] = useState<string | undefined>(() =>
    me.actingFor?.relation === 'legal_rep' ? me.actingFor.uscc : repOf[0]?.uscc,
  );
  const grants = useAsync(
    (signal) => api.get<Page<AgentGrant>>(`/api/v1/identity/enterprises/${uscc}/agents`, undefined, { signal }),
    [uscc],
    !!uscc,
  );
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<AgentGrant | null>(null);
  const [busy, setBusy] = useState(false);
  const [grantForm] = Form.useForm<GrantValues>();
  const [revokeForm] = Form.useForm<{ reason: string }>();

  if (!repOf.length) {
    return (
      <>
        <PageHead title={t('agents.title')} />
        <Card>
          <Result status="info" title={t('agents.notLegalRep')} />
        </Card>
      </>
    );
  }

  async function grant() {
    const v = await validated(grantForm);
    if (!v) return;
    setBusy(true);
    try {
      await api.post<AgentGrant>(`/api/v1/identity/enterprises/${uscc}/agents`, {
        agentName: v.agentName.trim(),
        agentIdNumber: v.agentIdNumber.trim().toUpperCase(),
        scopes: v.scopes,
        expiresAt: v.expiresAt.endOf('day').toISOString(),
      });
      message.success(t('agents.granted', { name: v.agentName.trim() }));
      setGranting(false);
      grants.reload();
    } catch (err) {
      if (!applyFieldErrors(grantForm, err, ['agentName', 'agentIdNumber', 'scopes', 'expiresAt'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    const v = await validated(revokeForm);
    if (!v) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/identity/enterprises/${uscc}/agents/${revoking.id}/revoke`, { reason: v.reason.trim() });
      message.success(t('agents.revoked'));
      setRevoking(null);
      grants.reload();
    } catch (err) {
      if (!applyFieldErrors(revokeForm, err, ['reason'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const scopeOptions = Object.keys(scopes).map((s) => ({ value: s, label: scopeLabel(scopes, s) }));

  return (
    <>
      <PageHead
        title={t('agents.title')}
        intro={t('agents.intro')}
        testId="agents-title"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="agent-grant-button"
            onClick={() => {
              grantForm.resetFields();
              setGranting(true);
            }}
          >
            {t('agents.grantButton')}
          </Button>
        }
      />
      <Card
        title={t('agents.listTitle')}
        extra={
          repOf.length > 1 && (
            <Space>
              <span>{t('agents.enterprise')}</span>
              <Select value={uscc} onChange={setUscc} options={repOf.map((e) => ({ value: e.uscc, label: e.name }))} style={{ minWidth: 260 }} />
            </Space>
          )
        }
      >
        {repOf.length === 1 && (
          <Typography.Paragraph>
            <Typography.Text strong>{repOf[0].name}</Typography.Text> <span className="tb-mono tb-muted">{repOf[0].uscc}</span>
          </Typography.Paragraph>
        )}
        <ErrorAlert error={grants.error} onRetry={grants.reload} />
        <Table<AgentGrant>
          data-testid="agents-table"
          rowKey="id"
          loading={grants.loading}
          dataSource={grants.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('agents.agentName'), dataIndex: 'agentName', width: 110 },
            { title: t('agents.agentIdNumber'), dataIndex: 'agentIdNumberMasked', width: 190, render: (v: string) => <span className="tb-mono">{v}</span> },
            {
              title: t('agents.scopes'),
              dataIndex: 'scopes',
              render: (v: string[]) => (
                <Space size={[4, 4]} wrap>
                  {v.map((s) => (
                    <Tag key={s} style={{ marginInlineEnd: 0 }}>
                      {scopeLabel(scopes, s)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('agents.expiresAt'), dataIndex: 'expiresAt', width: 120, render: (v: string) => fmtDate(v) },
            { title: t('agents.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
            {
              title: t('agents.status'),
              dataIndex: 'status',
              width: 160,
              render: (v: AgentGrant['status'], g) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLOR[v]}>{t(`agents.statusValues.${v}`)}</Tag>
                  {g.revokedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('agents.revokedInfo', { date: fmtDate(g.revokedAt), reason: g.revokeReason ?? '' })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, g) =>
                g.status === 'active' && (
                  <Button
                    danger
                    size="small"
                    icon={<StopOutlined />}
                    onClick={() => {
                      revokeForm.resetFields();
                      setRevoking(g);
                    }}
                  >
                    {t('agents.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>

      <Modal
        title={t('agents.grantTitle')}
        open={granting}
        onOk={() => void grant()}
        onCancel={() => setGranting(false)}
        confirmLoading={busy}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        width={560}
      >
        <Form<GrantValues> form={grantForm} layout="vertical" preserve={false} initialValues={{ scopes: ['profile.read'], expiresAt: dayjs().add(1, 'year') }}>
          <Form.Item name="agentName" label={t('agents.agentName')} extra={t('agents.nameHint')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('agents.agentName') }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
            <Input maxLength={40} data-testid="agent-form-name" />
          </Form.Item>
          <Form.Item
            name="agentIdNumber"
            label={t('agents.agentIdNumber')}
            rules={[
              { required: true, message: t('validation.required', { field: t('agents.agentIdNumber') }) },
              { pattern: ID_NUMBER_PATTERN, message: t('validation.idNumber') },
              {
                validator: async (_, v: string) => {
                  if (v && ID_NUMBER_PATTERN.test(v) && !isValidCitizenId(v)) throw new Error(t('validation.idNumberCheck'));
                },
              },
            ]}
          >
            <Input maxLength={18} className="tb-mono" data-testid="agent-form-id" />
          </Form.Item>
          <Form.Item name="scopes" label={t('agents.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.scopes') }]}>
            <Checkbox.Group options={scopeOptions} style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 6 }} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('agents.expiresAt')} extra={t('agents.expiryHint')} rules={[{ required: true, message: t('validation.select', { field: t('agents.expiresAt') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().add(1, 'day').startOf('day')) || d.isAfter(dayjs().add(MAX_DAYS, 'day'))} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={t('agents.revokeTitle')}
        open={!!revoking}
        onOk={() => void revoke()}
        onCancel={() => setRevoking(null)}
        confirmLoading={busy}
        okText={t('agents.revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('agents.revokeConfirm', { name: revoking?.agentName ?? '' })}</Typography.Paragraph>
        <Form form={revokeForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('agents.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('agents.reasonRequired') }, { max: 200, message: t('validation.maxLength', { max: 200 }) }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('agents.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
