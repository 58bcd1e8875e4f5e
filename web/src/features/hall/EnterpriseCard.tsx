import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { BankOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, type ActingFor, type Enterprise, type EnterpriseContact } from '../../api';
import { currentLang, errorText } from '../../i18n';
import { fmtDate, fmtDateTime, snakeCase } from '../../lib/format';
import { applyFieldErrors, validated } from '../../lib/forms';
import { PERSON_PHONE_PATTERN } from '../../lib/codes';
import { useAsync } from '../../lib/useAsync';
import { useRegions, regionPath } from '../../lib/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SourceTag } from '../../components/SourceTag';

const FIELDS = ['uscc', 'name', 'type', 'legalRepName', 'legalRepIdNumber', 'registeredCapital', 'establishedOn', 'status', 'registeredAddress', 'businessScope'] as const;

function hasScope(acting: ActingFor, scope: string): boolean {
  return acting.scopes === '*' || acting.scopes.includes(scope);
}

/** The enterprise the citizen is acting for: its registration record (with sources) and its contact. */
export function EnterpriseCard({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const ent = useAsync((signal) => api.get<Enterprise>(`/api/v1/identity/enterprises/${acting.uscc}`, undefined, { signal }), [acting.uscc]);

  const e = ent.data;
  const value = (k: (typeof FIELDS)[number]): string => {
    if (!e) return '';
    if (k === 'establishedOn') return fmtDate(e.establishedOn);
    const v = e[k];
    return v == null || v === '' ? t('common.none') : String(v);
  };

  return (
    <Card
      title={
        <span className="tb-card-title">
          <BankOutlined /> {t('hall.enterpriseTitle')}
        </span>
      }
      extra={
        acting.relation === 'legal_rep' && (
          <Link to="/hall/agents">
            <Button icon={<TeamOutlined />}>{t('hall.manageAgents')}</Button>
          </Link>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="enterprise-card"
    >
      <ErrorAlert error={ent.error} onRetry={ent.reload} />
      {ent.loading && !e ? (
        <Skeleton active />
      ) : (
        e && (
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2 }}
            size="small"
            bordered
            items={[
              ...FIELDS.filter((k) => k !== 'legalRepIdNumber' || e.legalRepIdNumber).map((k) => ({
                key: k,
                label: t(`enterprise.${k}`),
                span: k === 'businessScope' || k === 'registeredAddress' ? ('filled' as const) : 1,
                children: (
                  <div className="tb-value-line">
                    <span className={k === 'uscc' || k === 'legalRepIdNumber' ? 'tb-mono' : undefined}>{k === 'status' ? <Tag color={e.status === '存续' ? 'green' : 'default'}>{value(k)}</Tag> : value(k)}</span>
                    <SourceTag source={e.provenance[snakeCase(k)]} />
                  </div>
                ),
              })),
              { key: 'region', label: t('enterprise.regionCode'), span: 1, children: regionPath(e.regionCode, regions.byCode, currentLang()) },
              { key: 'updatedAt', label: t('enterprise.updatedAt'), span: 1, children: fmtDateTime(e.updatedAt) },
            ]}
          />
        )
      )}
      <ContactSection acting={acting} />
    </Card>
  );
}

interface ContactValues {
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

function ContactSection({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canRead = hasScope(acting, 'profile.read');
  const canUpdate = hasScope(acting, 'profile.update');
  const contact = useAsync(
    async (signal) => {
      try {
        return await api.get<EnterpriseContact>(`/api/v1/identity/enterprises/${acting.uscc}/contact`, undefined, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'identity.contact_not_set') return null;
        throw err;
      }
    },
    [acting.uscc],
    canRead,
  );
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ContactValues>();

  function openEdit() {
    const c = contact.data;
    form.setFieldsValue({ contactName: c?.contactName ?? '', contactPhone: c?.contactPhone ?? '', contactEmail: c?.contactEmail ?? '' });
    setEditing(true);
  }

  async function save() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const saved = await api.put<EnterpriseContact>(`/api/v1/identity/enterprises/${acting.uscc}/contact`, {
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        contactEmail: v.contactEmail?.trim() ? v.contactEmail.trim() : null,
      });
      contact.setData(saved);
      setEditing(false);
      message.success(t('hall.contactSaved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, ['contactName', 'contactPhone', 'contactEmail'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ marginTop: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('hall.contactTitle')}</Typography.Text>
        {canUpdate && (
          <Button size="small" icon={<EditOutlined />} onClick={openEdit}>
            {t('hall.contactEdit')}
          </Button>
        )}
      </Space>
      {!canRead ? (
        <Typography.Text type="secondary">{t('hall.contactNoScope')}</Typography.Text>
      ) : contact.error ? (
        <ErrorAlert error={contact.error} onRetry={contact.reload} />
      ) : contact.loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : contact.data ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'n', label: t('enterprise.contactName'), children: contact.data.contactName },
            { key: 'p', label: t('enterprise.contactPhone'), children: contact.data.contactPhone },
            { key: 'e', label: t('enterprise.contactEmail'), children: contact.data.contactEmail || t('common.none') },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hall.contactEmpty')} />
      )}
      <Modal title={t('hall.contactEdit')} open={editing} onOk={() => void save()} onCancel={() => setEditing(false)} confirmLoading={busy} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form<ContactValues> form={form} layout="vertical" preserve={false}>
          <Form.Item name="contactName" label={t('enterprise.contactName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('enterprise.contactName') }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('enterprise.contactPhone')} rules={[{ required: true, message: t('validation.required', { field: t('enterprise.contactPhone') }) }, { pattern: PERSON_PHONE_PATTERN, message: t('validation.mobileOrLandline') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contactEmail" label={t('common.optionalLabel', { field: t('enterprise.contactEmail') })} rules={[{ type: 'email', message: t('validation.email') }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
