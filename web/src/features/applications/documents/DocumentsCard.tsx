import { useEffect, useRef } from 'react';
import { Button, Card, Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { FilePdfOutlined, LoadingOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { messages } from '../../../i18n';
import { fmtDate } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { AppErrorAlert } from '../hall/ui';
import { documentPdfUrl, documentsApi, verifyPath, type CaseDocument } from './api';
import './documents.css';

/** How often, and how many times, the card looks again while a document is still being sealed. */
const POLL_MS = 3000;
const POLL_MAX = 20;

function DocumentRow({ doc }: { doc: CaseDocument }) {
  const { t } = useTranslation();
  const kinds = messages().caseDocuments.kinds as Record<string, string>;
  const ready = doc.status === 'ready';
  return (
    <li className="tb-doc" data-testid={`case-document-${doc.kind}`} data-status={doc.status}>
      <div className="tb-doc-head">
        <FilePdfOutlined className="tb-doc-icon" aria-hidden />
        <div className="tb-doc-main">
          <div className="tb-doc-title">
            <strong>{doc.title}</strong>
            {ready ? (
              <Tag color="success" icon={<SafetyCertificateOutlined />}>
                {t('caseDocuments.status.ready')}
              </Tag>
            ) : (
              <Tag color="processing" icon={<LoadingOutlined />}>
                {t('caseDocuments.status.pending')}
              </Tag>
            )}
          </div>
          {doc.title !== kinds[doc.kind] && kinds[doc.kind] && <div className="tb-muted tb-doc-kind">{kinds[doc.kind]}</div>}
          <div className="tb-doc-meta">
            <span>
              {t('caseDocuments.number')}
              {messages().applicationsHall.punct.colon}
              <span className="tb-mono" data-testid="case-document-number">
                {doc.number}
              </span>
            </span>
            <span>
              {t('caseDocuments.issuedOn')}
              {messages().applicationsHall.punct.colon}
              {fmtDate(doc.issuedAt)}
            </span>
            <span>
              {t('caseDocuments.department')}
              {messages().applicationsHall.punct.colon}
              {doc.departmentName}
            </span>
          </div>
        </div>
      </div>
      <Space size={12} wrap className="tb-doc-actions">
        {ready ? (
          <a href={documentPdfUrl(doc.caseId, doc.id)} target="_blank" rel="noreferrer" data-testid={`case-document-link-${doc.kind}`}>
            <FilePdfOutlined aria-hidden /> {t('caseDocuments.download')}
          </a>
        ) : (
          <Typography.Text type="secondary">{t('caseDocuments.pendingHint')}</Typography.Text>
        )}
        <Link to={verifyPath(doc.id)} target="_blank" rel="noreferrer">
          <SafetyCertificateOutlined aria-hidden /> {t('caseDocuments.verify')}
        </Link>
      </Space>
    </li>
  );
}

/**
 * 文书: the case's sealed documents with their numbers, download links and verification pages, for the applicant's case
 * page and the officer's case detail. `refreshKey` (the case's row version) reloads the list after an action; while a
 * document is being sealed the card looks again every few seconds.
 */
export function DocumentsCard({ caseId, refreshKey, className, style }: { caseId: string; refreshKey: number; className?: string; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const docs = useAsync((signal) => documentsApi.list(caseId, signal), [caseId, refreshKey]);
  const items = docs.data?.items ?? [];
  const pending = items.some((d) => d.status === 'pending');
  const polls = useRef(0);
  useEffect(() => {
    polls.current = 0;
  }, [caseId, refreshKey]);
  const { loading, reload } = docs;
  useEffect(() => {
    if (!pending || loading || polls.current >= POLL_MAX) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      reload();
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, loading, reload]);

  return (
    <Card
      className={className}
      style={style}
      data-testid="case-documents"
      title={
        <span className="tb-card-title">
          <FilePdfOutlined /> {t('caseDocuments.title')}
        </span>
      }
      extra={
        <Tooltip title={t('caseDocuments.refresh')}>
          <Button size="small" type="text" icon={<ReloadOutlined />} onClick={docs.reload} loading={docs.loading && !!docs.data} aria-label={t('caseDocuments.refresh')} />
        </Tooltip>
      }
    >
      {docs.error ? (
        <AppErrorAlert error={docs.error} title={t('caseDocuments.loadFailed')} onRetry={docs.reload} />
      ) : !docs.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span className="tb-muted">{t('caseDocuments.empty')}</span>} />
      ) : (
        <>
          <Typography.Paragraph className="tb-muted tb-doc-intro">{t('caseDocuments.intro')}</Typography.Paragraph>
          <ol className="tb-docs">
            {[...items].reverse().map((d) => (
              <DocumentRow key={d.id} doc={d} />
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
