import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Popconfirm, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { licencesApi, shownStatus, walletPath, walletPrintoutUrl, type FieldValue, type LicenceDetail } from './api';
import { PresentModal } from './PresentModal';
import { fieldLabel, LevelTag, LicenceErrorAlert, licenceErrorText, msgs, StatusTag, typeName, validityText, valueText } from './ui';
import './licences.css';
import { useDeptName } from '../../lib/departments';

function StatusBanner({ d }: { d: LicenceDetail }) {
  const { t } = useTranslation();
  const s = shownStatus(d.licence);
  if (s === 'valid') return null;
  const title = s === 'revoked' ? t('licences.detail.statusRevoked') : s === 'suspended' ? t('licences.detail.statusSuspended') : t('licences.detail.statusExpired');
  return (
    <Alert
      type={s === 'revoked' ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="licence-status-banner"
      title={title}
      description={
        <>
          {d.licence.statusReason && t('licences.detail.statusReasonLine', { reason: d.licence.statusReason, time: fmtDateTime(d.licence.statusChangedAt) })}
          <div>{t('licences.detail.cannotPresent')}</div>
        </>
      }
    />
  );
}

function OpenPresentations({ d, labelOf, onChanged }: { d: LicenceDetail; labelOf: (k: string) => string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  async function withdraw(id: string) {
    try {
      await licencesApi.withdraw(id);
      message.success(t('licences.detail.withdrawn'));
      onChanged();
    } catch (err) {
      message.error(licenceErrorText(err));
    }
  }
  return (
    <Card title={t('licences.detail.presentationsTitle')} size="small" style={{ marginBottom: 16 }} data-testid="open-presentations">
      {d.presentations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.detail.presentationsEmpty')} />
      ) : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          {d.presentations.map((p) => (
            <div key={p.id} className="lic-open-pres" data-testid="open-presentation">
              <div>
                {p.fields.length ? p.fields.map((k) => <Tag key={k}>{labelOf(k)}</Tag>) : <Typography.Text type="secondary">{t('licences.present.alwaysNone')}</Typography.Text>}
              </div>
              <div className="tb-muted" style={{ fontSize: 12, marginTop: 4, wordBreak: 'break-all' }}>
                {t('licences.detail.presentationExpires')} {fmtDateTime(p.expiresAt)}
                {!p.audience.includes('/api/v1/licenses/presentations/') && (
                  <>
                    {' · '}
                    {t('licences.detail.presentationAudience')} {p.audience}
                  </>
                )}
              </div>
              <Space size={8} style={{ marginTop: 6 }}>
                <Link to={`/verify/licences/p/${encodeURIComponent(p.id)}`} target="_blank">
                  {t('licences.detail.openPage')}
                </Link>
                <Popconfirm title={t('licences.detail.withdrawConfirm')} onConfirm={() => void withdraw(p.id)} okButtonProps={{ danger: true }}>
                  <Button size="small" danger type="link" icon={<StopOutlined />}>
                    {t('licences.detail.withdraw')}
                  </Button>
                </Popconfirm>
              </Space>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** One licence of the wallet: every field (with what may be shown), its status, open presentations, and 出示证照. */
export default function WalletDetailPage() {
  const { t } = useTranslation();
  const { licenceId = '' } = useParams();
  const detail = useAsync((signal) => licencesApi.walletLicence(licenceId, signal), [licenceId]);
  const typeCode = detail.data?.licence.typeCode;
  const type = useAsync((signal) => licencesApi.type(typeCode!, signal), [typeCode], !!typeCode);
  const [presenting, setPresenting] = useState(false);
  const deptName = useDeptName();
  const d = detail.data;
  const enOf = useMemo(() => new Map((type.data?.fields ?? []).map((f) => [f.key, f.nameEn ?? null])), [type.data]);
  const labelOf = (key: string) => {
    const f = d?.fields.find((x) => x.key === key);
    return fieldLabel(key, f?.name ?? key, d?.licence.holder.kind, enOf.get(key));
  };
  const notFound = detail.error instanceof ApiError && detail.error.status === 404;

  if (notFound) {
    return <Result status="404" title={msgs().errors['licenses.not_found']} extra={<Link to={walletPath()}>{t('licences.detail.back')}</Link>} />;
  }

  const l = d?.licence;
  const presentable = l ? shownStatus(l) === 'valid' : false;

  return (
    <>
      <PageHead
        title={l ? (type.data ? typeName(type.data) : l.typeName) : t('licences.detail.title')}
        intro={
          <Link to={walletPath()}>
            <ArrowLeftOutlined /> {t('licences.detail.back')}
          </Link>
        }
        testId="licence-title"
        extra={
          l && (
            <Space>
              <Button size="large" icon={<PrinterOutlined />} href={walletPrintoutUrl(l.licenceId)} target="_blank" rel="noreferrer" data-testid="licence-printout">
                {t('licences.detail.printout')}
              </Button>
              <Button type="primary" size="large" icon={<QrcodeOutlined />} disabled={!presentable} onClick={() => setPresenting(true)} data-testid="present-open">
                {t('licences.detail.present')}
              </Button>
            </Space>
          )
        }
      />
      {detail.error ? (
        <LicenceErrorAlert error={detail.error} title={t('licences.detail.loadFailed')} onRetry={detail.reload} />
      ) : !d || !l ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <StatusBanner d={d} />
          <Row gutter={16}>
            <Col xs={24} lg={15}>
              <Card
                title={t('licences.detail.fieldsTitle')}
                style={{ marginBottom: 16 }}
                extra={<StatusTag licence={l} />}
                data-testid="licence-fields"
              >
                <Table<FieldValue>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={d.fields}
                  columns={[
                    { title: t('licences.detail.fieldName'), dataIndex: 'key', width: '30%', render: (k: string) => <Typography.Text strong>{labelOf(k)}</Typography.Text> },
                    { title: t('licences.detail.fieldValue'), dataIndex: 'value', render: (v: unknown, f) => <span data-testid={`licence-field-${f.key}`}>{valueText(v)}</span> },
                    {
                      title: t('licences.detail.fieldLevel'),
                      dataIndex: 'level',
                      width: 200,
                      render: (lv: string, f) => (
                        <Space size={4} wrap>
                          <LevelTag level={lv} short />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {!f.inCredential ? t('licences.detail.neverShown') : f.disclosable ? t('licences.detail.holderChooses') : t('licences.detail.shownAlways')}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <Card title={t('licences.detail.metaTitle')} size="small" style={{ marginBottom: 16 }} data-testid="licence-meta">
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'name', label: t('licences.common.name'), children: type.data ? typeName(type.data) : l.typeName },
                    { key: 'number', label: t('licences.common.number'), children: <span className="tb-mono" data-testid="licence-number">{l.number}</span> },
                    { key: 'id', label: t('licences.common.licenceId'), children: <Typography.Text className="tb-mono" copyable style={{ wordBreak: 'break-all' }}>{l.licenceId}</Typography.Text> },
                    { key: 'issuer', label: t('licences.common.issuer'), children: deptName(l.issuer.departmentId, l.issuer.name) },
                    { key: 'issuerCode', label: t('licences.common.issuerCode'), children: <span className="tb-mono">{l.issuer.code}</span> },
                    { key: 'holder', label: t('licences.common.holder'), children: <span>{l.holder.name} · <span className="tb-mono">{l.holder.idMasked}</span></span> },
                    { key: 'issuedOn', label: t('licences.common.issuedOn'), children: fmtDate(l.issuedOn) },
                    { key: 'validity', label: t('licences.common.validity'), children: validityText(l.validFrom, l.validTo) },
                    { key: 'status', label: t('licences.common.status'), children: <StatusTag licence={l} /> },
                    ...(l.caseNumber ? [{ key: 'case', label: t('licences.common.caseNumber'), children: <span className="tb-mono">{l.caseNumber}</span> }] : []),
                    { key: 'alg', label: t('licences.common.alg'), children: <span className="tb-mono">{l.alg}</span> },
                  ]}
                />
              </Card>
              <OpenPresentations d={d} labelOf={labelOf} onChanged={detail.reload} />
            </Col>
          </Row>
          <PresentModal detail={d} typeFields={type.data?.fields ?? []} title={type.data ? typeName(type.data) : l.typeName} open={presenting} onClose={() => setPresenting(false)} onChanged={detail.reload} />
        </>
      )}
    </>
  );
}
