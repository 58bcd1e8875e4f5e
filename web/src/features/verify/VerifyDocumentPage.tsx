import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, DownloadOutlined, FileSearchOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { documentsApi, rootCertificateUrl, sha256Hex, type DocumentVerification } from '../applications/documents/api';
import './verify.css';

/** Compares a PDF file in hand with the recorded SHA-256, on this device (the file is never uploaded). */
function CompareFile({ expected }: { expected: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ name: string; hash: string | null } | null>(null);
  const available = !!globalThis.crypto?.subtle;
  async function onFile(file: File | undefined) {
    if (!file) return;
    setResult({ name: file.name, hash: await sha256Hex(file) });
  }
  return (
    <Card size="small" className="tb-verify-compare" title={<span className="tb-card-title"><FileSearchOutlined /> {t('verifyDocument.compareTitle')}</span>}>
      <Typography.Paragraph className="tb-muted">{t('verifyDocument.compareHint')}</Typography.Paragraph>
      {available ? (
        <>
          <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="verify-compare-input" onChange={(e) => void onFile(e.target.files?.[0])} />
          <Button icon={<FileSearchOutlined />} onClick={() => input.current?.click()}>
            {t('verifyDocument.compareButton')}
          </Button>
          {result?.hash && (
            <Alert
              style={{ marginTop: 12 }}
              showIcon
              type={result.hash === expected ? 'success' : 'error'}
              data-testid="verify-compare-result"
              title={result.hash === expected ? t('verifyDocument.match') : t('verifyDocument.mismatch')}
              description={<span className="tb-mono tb-verify-hash">{result.name} · {result.hash}</span>}
            />
          )}
        </>
      ) : (
        <Alert type="info" showIcon title={t('verifyDocument.compareUnavailable')} />
      )}
    </Card>
  );
}

function Details({ v }: { v: DocumentVerification }) {
  const { t } = useTranslation();
  const issued = v.status === 'issued';
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="verify-details"
      items={[
        { key: 'title', label: t('verifyDocument.fields.title'), children: <strong>{v.title}</strong> },
        { key: 'number', label: t('verifyDocument.fields.number'), children: <span className="tb-mono" data-testid="verify-number">{v.number}</span> },
        { key: 'department', label: t('verifyDocument.fields.department'), children: v.department.name },
        { key: 'issuedOn', label: t('verifyDocument.fields.issuedOn'), children: v.issuedOn },
        { key: 'addressee', label: t('verifyDocument.fields.addressee'), children: v.addressee },
        { key: 'caseNumber', label: t('verifyDocument.fields.caseNumber'), children: <span className="tb-mono">{v.caseNumber}</span> },
        {
          key: 'status',
          label: t('verifyDocument.fields.status'),
          children: issued ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="verify-status" data-status={v.status}>
              {t('verifyDocument.status.issued')}
            </Tag>
          ) : (
            <Tag color="processing" icon={<ClockCircleOutlined />} data-testid="verify-status" data-status={v.status}>
              {t('verifyDocument.status.pending')}
            </Tag>
          ),
        },
        ...(v.sealedAt ? [{ key: 'sealedAt', label: t('verifyDocument.fields.sealedAt'), children: fmtDateTime(v.sealedAt) }] : []),
        ...(v.sha256 ? [{ key: 'sha256', label: t('verifyDocument.fields.sha256'), children: <Typography.Text className="tb-mono tb-verify-hash" copyable data-testid="verify-sha256">{v.sha256}</Typography.Text> }] : []),
        ...(v.size ? [{ key: 'size', label: t('verifyDocument.fields.size'), children: t('verifyDocument.sizeBytes', { size: v.size.toLocaleString() }) }] : []),
      ]}
    />
  );
}

/** 电子文书核验 (public, no login): the page a sealed document's QR code leads to. */
export default function VerifyDocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const v = useAsync((signal) => documentsApi.verification(id, signal), [id]);
  useEffect(() => {
    document.title = `${t('verifyDocument.title')} · ${t('app.portal')}`;
  }, [t]);
  const notFound = v.error instanceof ApiError && v.error.status === 404;

  return (
    <div className="tb-verify" data-testid="verify-document-page">
      <PageHead title={t('verifyDocument.title')} intro={t('verifyDocument.intro')} documentTitle={false} />
      {notFound ? (
        <Result status="warning" title={t('verifyDocument.notFound')} subTitle={t('verifyDocument.notFoundHint')} data-testid="verify-not-found" />
      ) : v.error ? (
        <ErrorAlert error={v.error} title={t('verifyDocument.loadFailed')} onRetry={v.reload} />
      ) : !v.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {v.data.status === 'issued' ? (
            <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('verifyDocument.issued')} description={t('verifyDocument.issuedHint')} data-testid="verify-verdict" />
          ) : (
            <Alert
              type="info"
              showIcon
              title={t('verifyDocument.pending')}
              data-testid="verify-verdict"
              action={
                <Button size="small" icon={<ReloadOutlined />} onClick={v.reload}>
                  {t('verifyDocument.refresh')}
                </Button>
              }
            />
          )}
          <Card>
            <Details v={v.data} />
            <Typography.Paragraph className="tb-muted tb-verify-note">{t('verifyDocument.privacy')}</Typography.Paragraph>
          </Card>
          {v.data.sha256 && <CompareFile expected={v.data.sha256} />}
          <Card size="small">
            <Space orientation="vertical" size={4}>
              <a href={rootCertificateUrl} download="tongban-seal-root-ca.crt">
                <DownloadOutlined aria-hidden /> {t('verifyDocument.rootCert')}
              </a>
              <Typography.Text type="secondary">{t('verifyDocument.rootCertHint')}</Typography.Text>
            </Space>
          </Card>
        </Space>
      )}
    </div>
  );
}
