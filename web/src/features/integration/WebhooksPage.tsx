import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Webhook } from '../../api';
import { hasRole, useMe } from '../../auth';
import { errorText, label, messages } from '../../i18n';
import { EVENT_TYPE_PATTERN } from '../../lib/codes';
import { fmtDateTime } from '../../lib/format';
import { applyFieldErrors, validated } from '../../lib/forms';
import { DepartmentName } from '../../lib/departments';
import { useAsync } from '../../lib/useAsync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { DepartmentSelect } from '../admin/pickers';

interface Values {
  name: string;
  url: string;
  eventTypes: string[];
  departmentId?: string;
}

/** 对外推送: webhook subscriptions; the signing secret is shown once, right after creation. */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const hooks = useAsync((signal) => api.get<Page<Webhook>>('/api/v1/integration/webhooks', undefined, { signal }), []);
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const eventOptions = ['*', 'org.*', 'identity.*', 'integration.*', ...Object.keys(messages().actions).filter((a) => !a.startsWith('auth.login') && !a.startsWith('demo.'))].map((a) => ({
    value: a,
    label: a.includes('*') ? a : `${a} · ${label('actions', a)}`,
  }));

  async function create() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const created = await api.post<Webhook & { secret: string }>('/api/v1/integration/webhooks', {
        name: v.name.trim(),
        url: v.url.trim(),
        eventTypes: v.eventTypes,
        ...(isPlatformAdmin && v.departmentId ? { departmentId: v.departmentId } : {}),
      });
      setCreating(false);
      setSecret({ name: created.name, secret: created.secret });
      hooks.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['name', 'url', 'eventTypes', 'departmentId'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function deactivate(w: Webhook) {
    try {
      await api.del(`/api/v1/integration/webhooks/${w.id}`);
      message.success(t('webhooks.deactivated'));
      hooks.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <>
      <PageHead
        title={t('webhooks.title')}
        intro={t('webhooks.intro')}
        testId="webhooks-title"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="webhook-create-button"
            onClick={() => {
              form.resetFields();
              setCreating(true);
            }}
          >
            {t('webhooks.create')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={hooks.error} onRetry={hooks.reload} />
        <Table<Webhook>
          data-testid="webhook-table"
          rowKey="id"
          loading={hooks.loading}
          dataSource={hooks.data?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          columns={[
            { title: t('webhooks.name'), dataIndex: 'name', width: 180, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('webhooks.url'), dataIndex: 'url', ellipsis: true, render: (v: string) => <span className="tb-mono">{v}</span> },
            {
              title: t('webhooks.eventTypes'),
              dataIndex: 'eventTypes',
              width: 240,
              render: (v: string[]) => (
                <Space size={[4, 4]} wrap>
                  {v.map((e) => (
                    <Tag key={e} className="tb-mono" style={{ marginInlineEnd: 0 }}>
                      {e}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('webhooks.department'), dataIndex: 'departmentId', width: 200, render: (v: string | null) => (v ? <DepartmentName id={v} /> : t('webhooks.allDepartments')) },
            { title: t('webhooks.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
            { title: t('webhooks.active'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, w) =>
                w.active && (
                  <Popconfirm title={t('webhooks.deactivateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => deactivate(w)}>
                    <Button size="small" danger icon={<StopOutlined />}>
                      {t('webhooks.deactivate')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>

      <Modal title={t('webhooks.createTitle')} open={creating} onOk={() => void create()} onCancel={() => setCreating(false)} confirmLoading={busy} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden width={620}>
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ eventTypes: ['org.*'] }}>
          <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('webhooks.name') }) }, { min: 2, message: t('validation.minLength', { min: 2 }) }, { max: 60, message: t('validation.maxLength', { max: 60 }) }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('webhooks.url')}
            rules={[
              { required: true, message: t('validation.required', { field: t('webhooks.url') }) },
              { pattern: /^https?:\/\/\S{3,}$/, message: t('validation.url') },
              { max: 500, message: t('validation.maxLength', { max: 500 }) },
            ]}
          >
            <Input maxLength={500} placeholder="https://" className="tb-mono" />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label={t('webhooks.eventTypes')}
            extra={t('webhooks.eventTypesHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('validation.select', { field: t('webhooks.eventTypes') }) },
              {
                validator: async (_, v: string[] | undefined) => {
                  if (v?.some((e) => !EVENT_TYPE_PATTERN.test(e))) throw new Error(t('validation.eventType'));
                },
              },
            ]}
          >
            <Select mode="tags" options={eventOptions} tokenSeparators={[',', ' ']} />
          </Form.Item>
          {isPlatformAdmin && (
            <Form.Item name="departmentId" label={t('common.optionalLabel', { field: t('webhooks.department') })} extra={t('webhooks.allDepartments')}>
              <DepartmentSelect allowClear />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <Modal title={t('webhooks.secretTitle')} open={!!secret} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText={t('common.close')} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
        <Alert type="warning" showIcon title={t('webhooks.secretNote')} style={{ marginBottom: 12 }} />
        {secret && (
          <>
            <Typography.Paragraph strong>{secret.name}</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: secret.secret }} className="tb-mono" style={{ background: '#f6f8fb', padding: 10, borderRadius: 4, wordBreak: 'break-all' }} data-testid="webhook-secret">
              {secret.secret}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
