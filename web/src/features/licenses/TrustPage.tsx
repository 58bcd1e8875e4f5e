import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { licencesApi, type IssuerInfo, type TrustEntry } from './api';
import { CopyButton, LicenceErrorAlert, licenceErrorText } from './ui';
import './licences.css';

interface AddValues {
  name: string;
  baseUrl: string;
  regionCode: string;
}

const BASE_URL_PATTERN = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s/?#])?$/;

function AddModal({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    let v: AddValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await licencesApi.addTrust({ name: v.name.trim(), baseUrl: v.baseUrl.trim().replace(/\/+$/, ''), regionCode: v.regionCode.trim() });
      message.success(t('licences.trust.added'));
      form.resetFields();
      onAdded();
    } catch (err) {
      if (err instanceof ApiError && err.fieldProblems.length) {
        form.setFields(err.fieldProblems.map((p) => ({ name: p.field.replace(/^\//, '') as keyof AddValues, errors: [licenceErrorText(err)] })).filter((f) => ['name', 'baseUrl', 'regionCode'].includes(f.name)));
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('licences.trust.addTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('licences.trust.add')} cancelText={t('common.cancel')} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Form<AddValues> form={form} layout="vertical" disabled={busy} preserve={false}>
        <Form.Item name="name" label={t('licences.trust.name')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('licences.typeEditor.required', { field: t('licences.trust.name') }) }]}>
          <Input maxLength={60} placeholder={t('licences.trust.namePlaceholder')} data-testid="trust-name" />
        </Form.Item>
        <Form.Item
          name="baseUrl"
          label={t('licences.trust.baseUrl')}
          rules={[
            { required: true, message: t('licences.typeEditor.required', { field: t('licences.trust.baseUrl') }) },
            { validator: async (_, v: string) => { if (v && !BASE_URL_PATTERN.test(v.trim().replace(/\/+$/, ''))) throw new Error(t('licences.trust.baseUrlPattern')); } },
          ]}
        >
          <Input maxLength={200} className="tb-mono" placeholder={t('licences.trust.baseUrlPlaceholder')} data-testid="trust-url" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('licences.trust.regionCode')} extra={t('licences.trust.regionHint')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('licences.trust.regionPattern') }]}>
          <Input maxLength={6} className="tb-mono" style={{ width: 160 }} data-testid="trust-region" />
        </Form.Item>
      </Form>
      <LicenceErrorAlert error={error} />
    </Modal>
  );
}

/** 互信部署 (platform admin): the other deployments whose issuers are trusted within a region; this deployment's issuers. */
export default function TrustPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trust = useAsync((signal) => licencesApi.trust(signal), []);
  const issuers = useAsync((signal) => licencesApi.issuers(signal), []);
  const [adding, setAdding] = useState(false);
  // what other deployments read: the issuer URLs' common prefix (the public URL), else this page's origin
  const firstIss = issuers.data?.items[0]?.iss;
  const issuersUrl = firstIss ? firstIss.replace(/\/[^/]+$/, '') : `${window.location.origin}/api/v1/licenses/issuers`;

  async function remove(e: TrustEntry) {
    try {
      await licencesApi.removeTrust(e.id);
      message.success(t('licences.trust.removed'));
      trust.reload();
    } catch (err) {
      message.error(licenceErrorText(err));
    }
  }

  return (
    <>
      <PageHead
        title={t('licences.trust.title')}
        intro={t('licences.trust.intro')}
        testId="licence-trust-title"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="trust-add">
            {t('licences.trust.add')}
          </Button>
        }
      />
      <Card title={t('licences.trust.listTitle')} size="small" style={{ marginBottom: 16 }}>
        <LicenceErrorAlert error={trust.error} title={t('licences.trust.loadFailed')} onRetry={trust.reload} />
        <Table<TrustEntry>
          data-testid="trust-table"
          rowKey="id"
          size="small"
          loading={trust.loading}
          dataSource={trust.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.trust.empty')} /> }}
          columns={[
            { title: t('licences.trust.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('licences.trust.baseUrl'), dataIndex: 'baseUrl', render: (v: string) => <span className="tb-mono">{v}</span> },
            { title: t('licences.trust.regionCode'), dataIndex: 'regionCode', width: 150, render: (v: string) => <Tag>{v}</Tag> },
            { title: t('licences.trust.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => fmtDateTime(v) },
            { title: t('licences.trust.createdBy'), dataIndex: 'createdBy', width: 120 },
            {
              title: t('common.actions'),
              key: 'a',
              width: 90,
              render: (_: unknown, e) => (
                <Popconfirm title={t('licences.trust.removeConfirm')} onConfirm={() => void remove(e)} okButtonProps={{ danger: true }}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('licences.trust.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('licences.trust.ownTitle')} size="small">
        <Typography.Paragraph type="secondary">{t('licences.trust.ownIntro')}</Typography.Paragraph>
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('licences.trust.ownUrl')}</Typography.Text>
          <Typography.Text className="tb-mono" data-testid="trust-own-url">
            {issuersUrl}
          </Typography.Text>
          <CopyButton text={issuersUrl} size="small" />
        </Space>
        <LicenceErrorAlert error={issuers.error} onRetry={issuers.reload} />
        <Table<IssuerInfo>
          rowKey={(r) => r.iss}
          size="small"
          loading={issuers.loading}
          dataSource={issuers.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('licences.trust.issuer'), dataIndex: 'name', render: (v: string, r) => <div><div>{v}</div><div className="tb-mono tb-muted">{r.code}</div></div> },
            { title: t('licences.trust.iss'), dataIndex: 'iss', render: (v: string) => <span className="tb-mono" style={{ wordBreak: 'break-all' }}>{v}</span> },
            { title: t('licences.trust.alg'), dataIndex: 'alg', width: 100, render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
            { title: t('licences.trust.types'), dataIndex: 'types', width: 90, align: 'right', render: (v: string[]) => v.length },
          ]}
        />
      </Card>
      <AddModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          trust.reload();
        }}
      />
    </>
  );
}
