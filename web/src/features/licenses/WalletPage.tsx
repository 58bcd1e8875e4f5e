import { useMemo } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { BankOutlined, IdcardOutlined, RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { fmtDate } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { licencesApi, shownStatus, verifyPagePath, walletPath, type LicenceSummary, type ShownStatus } from './api';
import { LicenceErrorAlert, StatusTag, useTypeNames } from './ui';
import './licences.css';

const ORDER: Record<ShownStatus, number> = { valid: 0, suspended: 1, expired: 2, revoked: 3 };

/** One licence as a card: name, number, issuer, validity, status. */
function LicenceCard({ l, nameOf }: { l: LicenceSummary; nameOf: (code: string, fallback: string) => string }) {
  const { t } = useTranslation();
  const s = shownStatus(l);
  return (
    <Link to={walletPath(l.licenceId)} className={`lic-card lic-card-${s}`} data-testid="wallet-card" data-licence-id={l.licenceId} data-type-code={l.typeCode} data-status={s}>
      <div className="lic-card-band">
        <span className="lic-card-emblem" aria-hidden>
          {l.holder.kind === 'enterprise' ? <BankOutlined /> : <IdcardOutlined />}
        </span>
        <span className="lic-card-name">{nameOf(l.typeCode, l.typeName)}</span>
        <StatusTag licence={l} />
      </div>
      <div className="lic-card-body">
        <div className="lic-card-row">
          <span className="lic-card-label">{t('licences.common.number')}</span>
          <span className="tb-mono lic-card-number">{l.number}</span>
        </div>
        <div className="lic-card-row">
          <span className="lic-card-label">{t('licences.common.issuer')}</span>
          <span>{l.issuer.name}</span>
        </div>
        <div className="lic-card-row">
          <span className="lic-card-label">{t('licences.common.validity')}</span>
          <span>{l.validTo ? t('licences.wallet.validUntil', { date: fmtDate(l.validTo) }) : t('licences.wallet.validLongTerm')}</span>
        </div>
      </div>
      <div className="lic-card-foot">
        <span className="tb-muted">
          {t('licences.common.issuedOn')} {fmtDate(l.issuedOn)}
        </span>
        <span className="lic-card-open">
          {s === 'valid' ? t('licences.wallet.open') : t('licences.wallet.view')} <RightOutlined />
        </span>
      </div>
    </Link>
  );
}

/** 证照夹: the licences the citizen (or the enterprise they act for) holds. */
export default function WalletPage() {
  const { t } = useTranslation();
  const me = useMe();
  const who = me.actingFor?.uscc ?? '';
  const wallet = useAsync((signal) => licencesApi.wallet(signal), [who]);
  const nameOf = useTypeNames();
  const items = useMemo(() => [...(wallet.data?.items ?? [])].sort((a, b) => ORDER[shownStatus(a)] - ORDER[shownStatus(b)]), [wallet.data]);
  const noScope = wallet.error instanceof ApiError && wallet.error.code === 'identity.agent_scope_missing';

  return (
    <>
      <PageHead
        title={me.actingFor ? t('licences.wallet.titleEnterprise') : t('licences.wallet.title')}
        intro={me.actingFor ? t('licences.wallet.introEnterprise') : t('licences.wallet.intro')}
        testId="wallet-title"
        extra={
          <Link to={verifyPagePath()}>
            <Button icon={<SafetyCertificateOutlined />}>{t('licences.wallet.verifyLink')}</Button>
          </Link>
        }
      />
      {wallet.data && (
        <Typography.Paragraph className="tb-muted" data-testid="wallet-holder">
          {t('licences.wallet.holder', { name: wallet.data.holder.name })}
        </Typography.Paragraph>
      )}
      {noScope ? (
        <Alert type="warning" showIcon title={t('licences.wallet.agentNoScope')} />
      ) : wallet.error ? (
        <LicenceErrorAlert error={wallet.error} title={t('licences.wallet.loadFailed')} onRetry={wallet.reload} />
      ) : wallet.loading && !wallet.data ? (
        <Row gutter={[16, 16]}>
          {[0, 1, 2].map((i) => (
            <Col xs={24} md={12} xl={8} key={i}>
              <Card>
                <Skeleton active />
              </Card>
            </Col>
          ))}
        </Row>
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('licences.wallet.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]} data-testid="wallet-cards">
          {items.map((l) => (
            <Col xs={24} md={12} xl={8} key={l.id}>
              <LicenceCard l={l} nameOf={nameOf} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
