import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Skeleton, Typography } from 'antd';
import { ApartmentOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Department, type Person } from '../../api';
import { hasRole, useMe } from '../../auth';
import { currentLang, label, localName } from '../../i18n';
import { ID_NUMBER_PATTERN, isValidCitizenId } from '../../lib/codes';
import { applyFieldErrors } from '../../lib/forms';
import { useAsync } from '../../lib/useAsync';
import { regionPath, useRegions } from '../../lib/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { RoleTags } from '../../components/RoleTags';
import { PersonDescriptions } from '../hall/PersonDescriptions';
import { LiveEvents } from './LiveEvents';
import { QueueOverview } from './cases/QueueOverview';

function DepartmentCard() {
  const { t } = useTranslation();
  const me = useMe();
  const regions = useRegions();
  const deptId = me.department?.id;
  const dept = useAsync((signal) => api.get<Department>(`/api/v1/org/departments/${deptId}`, undefined, { signal }), [deptId], !!deptId);
  const d = dept.data;
  return (
    <Card
      title={
        <span className="tb-card-title">
          <ApartmentOutlined /> {t('workbench.departmentTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="department-card"
    >
      {!deptId ? (
        <Empty description={t('workbench.noDepartment')} />
      ) : dept.error ? (
        <ErrorAlert error={dept.error} onRetry={dept.reload} />
      ) : !d ? (
        <Skeleton active />
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('workbench.departmentName'), children: <Typography.Text strong>{localName(d.name, d.nameEn)}</Typography.Text> },
            { key: 'kind', label: t('workbench.kind'), children: label('kinds', d.kind) },
            { key: 'region', label: t('workbench.region'), children: regionPath(d.regionCode, regions.byCode, currentLang(), true) },
            { key: 'phone', label: t('workbench.phone'), children: d.phone },
            { key: 'address', label: t('workbench.address'), children: d.address },
            { key: 'uscc', label: t('workbench.uscc'), children: <span className="tb-mono">{d.uscc}</span> },
            { key: 'roles', label: t('workbench.myRoles'), children: <RoleTags roles={me.roles} /> },
          ]}
        />
      )}
    </Card>
  );
}

interface LookupValues {
  idNumber: string;
  purpose: string;
}

function PersonLookup() {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<LookupValues>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ person: Person; purpose: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = hasRole(me, 'window_officer', 'reviewer', 'platform_admin');

  async function onFinish(v: LookupValues) {
    setBusy(true);
    setError(null);
    setResult(null);
    const idNumber = v.idNumber.trim().toUpperCase();
    const purpose = v.purpose.trim();
    try {
      const person = await api.get<Person>(`/api/v1/identity/people/${encodeURIComponent(idNumber)}`, { purpose });
      setResult({ person, purpose });
    } catch (err) {
      if (!applyFieldErrors(form, err, ['idNumber', 'purpose'])) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <span className="tb-card-title">
          <SearchOutlined /> {t('workbench.lookupTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="person-lookup"
    >
      <Typography.Paragraph type="secondary">{t('workbench.lookupIntro')}</Typography.Paragraph>
      {!allowed ? (
        <Alert type="info" showIcon title={t('workbench.lookupNoRole')} />
      ) : (
        <>
          <Form<LookupValues> form={form} layout="vertical" onFinish={onFinish} disabled={busy}>
            <Row gutter={12}>
              <Col xs={24} md={9}>
                <Form.Item
                  name="idNumber"
                  label={t('workbench.lookupIdNumber')}
                  rules={[
                    { required: true, message: t('validation.required', { field: t('workbench.lookupIdNumber') }) },
                    { pattern: ID_NUMBER_PATTERN, message: t('validation.idNumber') },
                    {
                      validator: async (_, v: string) => {
                        if (v && ID_NUMBER_PATTERN.test(v.trim()) && !isValidCitizenId(v.trim())) throw new Error(t('validation.idNumberCheck'));
                      },
                    },
                  ]}
                >
                  <Input maxLength={18} className="tb-mono" data-testid="lookup-id" allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} md={11}>
                <Form.Item
                  name="purpose"
                  label={t('workbench.lookupPurpose')}
                  rules={[
                    { required: true, whitespace: true, message: t('validation.required', { field: t('workbench.lookupPurpose') }) },
                    { min: 4, message: t('validation.minLength', { min: 4 }) },
                    { max: 200, message: t('validation.maxLength', { max: 200 }) },
                  ]}
                >
                  <Input maxLength={200} placeholder={t('workbench.lookupPurposePlaceholder')} data-testid="lookup-purpose" />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item label=" " colon={false}>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy} block data-testid="lookup-submit">
                    {t('workbench.lookupSubmit')}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <ErrorAlert error={error} />
          {result && (
            <>
              <Alert type="warning" showIcon icon={<SafetyCertificateOutlined />} title={t('workbench.lookupLogged', { purpose: result.purpose })} style={{ marginBottom: 12 }} data-testid="lookup-logged" />
              <PersonDescriptions person={result.person} />
            </>
          )}
        </>
      )}
    </Card>
  );
}

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHead title={t('workbench.title')} intro={t('workbench.welcome', { name: me.displayName })} testId="workbench-title" />
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <DepartmentCard />
          <LiveEvents />
        </Col>
        <Col xs={24} xl={15}>
          {hasRole(me, 'window_officer', 'reviewer') && <QueueOverview />}
          <PersonLookup />
        </Col>
      </Row>
    </>
  );
}
