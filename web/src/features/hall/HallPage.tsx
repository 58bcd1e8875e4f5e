import { App, Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { AuditOutlined, BankOutlined, EyeOutlined, IdcardOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, type EnterpriseLink, type Person } from '../../api';
import { useAuth, useMe } from '../../auth';
import { errorText, label } from '../../i18n';
import { fmtDate } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { HallCatalogPanel } from '../catalog/hall/HallCatalogPanel';
import { HallApplicationsCard } from '../applications/hall/HallApplicationsCard';
import { EnterpriseCard } from './EnterpriseCard';
import { PersonDescriptions } from './PersonDescriptions';
import { scopeLabel, useScopes } from './scopes';


function greetingKey(): 'hall.greetingMorning' | 'hall.greetingAfternoon' | 'hall.greetingEvening' {
  const h = new Date().getHours();
  if (h < 12) return 'hall.greetingMorning';
  if (h < 18) return 'hall.greetingAfternoon';
  return 'hall.greetingEvening';
}

function EnterprisesCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { setActingFor } = useAuth();
  const { message } = App.useApp();
  const scopes = useScopes();

  async function actFor(e: EnterpriseLink) {
    try {
      await setActingFor(e.uscc);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Card
      title={
        <span className="tb-card-title">
          <BankOutlined /> {t('hall.enterprisesTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="enterprises-card"
    >
      {me.enterprises.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hall.enterprisesEmpty')} />
      ) : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          {me.enterprises.map((e) => {
            const current = me.actingFor?.uscc === e.uscc;
            return (
              <div key={e.uscc} className={`tb-enterprise-item${current ? ' current' : ''}`}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{e.name}</Typography.Text>
                    <div className="tb-mono tb-muted">{e.uscc}</div>
                  </div>
                  <Tag color={e.relation === 'legal_rep' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                    {label('relation', e.relation)}
                  </Tag>
                </div>
                <div style={{ marginTop: 6 }}>
                  {e.scopes === '*' ? (
                    <Tag color="gold">{t('hall.scopesAll')}</Tag>
                  ) : (
                    e.scopes.map((s) => <Tag key={s}>{scopeLabel(scopes, s)}</Tag>)
                  )}
                </div>
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 6 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.expiresAt ? t('hall.expires', { date: fmtDate(e.expiresAt) }) : t('hall.noExpiry')}
                  </Typography.Text>
                  {current ? (
                    <Tag color="processing">{t('hall.currentIdentity')}</Tag>
                  ) : (
                    <Button size="small" type="link" onClick={() => void actFor(e)}>
                      {t('hall.actForThis')}
                    </Button>
                  )}
                </div>
              </div>
            );
          })}
        </Space>
      )}
    </Card>
  );
}

function QuickLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const isRep = me.enterprises.some((e) => e.relation === 'legal_rep');
  const links = [
    { to: '/hall/licences', icon: <IdcardOutlined />, title: t('licences.hallLink.title'), desc: t('licences.hallLink.desc'), show: true },
    { to: '/hall/data-access', icon: <EyeOutlined />, title: t('hall.dataAccessLink'), desc: t('hall.dataAccessDesc'), show: true },
    { to: '/hall/agents', icon: <TeamOutlined />, title: t('hall.agentsLink'), desc: t('hall.agentsDesc'), show: isRep },
    { to: '/account/password', icon: <KeyOutlined />, title: t('hall.passwordLink'), desc: t('hall.passwordDesc'), show: true },
  ];
  return (
    <Card title={t('hall.quickLinks')} style={{ marginBottom: 16 }}>
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <Link key={l.to} to={l.to} className="tb-link-tile">
              {l.icon}
              <div>
                <div className="tb-link-title">{l.title}</div>
                <div className="tb-link-desc">{l.desc}</div>
              </div>
            </Link>
          ))}
      </Space>
    </Card>
  );
}

export default function HallPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { setActingFor } = useAuth();
  const { message } = App.useApp();
  const person = useAsync((signal) => api.get<Person>('/api/v1/identity/people/me', undefined, { signal }), [me.id]);
  const noRecord = person.error instanceof ApiError && person.error.code === 'identity.no_registry_record';

  async function actAsSelf() {
    try {
      await setActingFor(null);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <>
      <PageHead title={t('hall.title')} testId="hall-title" />
      <div className="tb-hero">
        <div>
          <h2>{t(greetingKey(), { name: me.displayName })}</h2>
          <div className="tb-muted" style={{ maxWidth: 760 }}>
            {t('hall.intro')}
          </div>
        </div>
        <Space orientation="vertical" size={2} style={{ textAlign: 'right' }}>
          <Tag color="blue" icon={<IdcardOutlined />}>
            {label('roles', 'citizen')}
          </Tag>
          {me.idNumberMasked && <span className="tb-mono tb-muted">{me.idNumberMasked}</span>}
        </Space>
      </div>

      {me.actingFor && (
        <Alert
          data-testid="acting-banner"
          type="warning"
          showIcon
          icon={<AuditOutlined />}
          style={{ marginBottom: 16, borderColor: '#f0b37e' }}
          title={<Typography.Text strong>{t('hall.actingBanner', { name: me.actingFor.name })}</Typography.Text>}
          description={t('hall.actingBannerDesc', { relation: label('relation', me.actingFor.relation) })}
          action={<Button onClick={() => void actAsSelf()}>{t('hall.actAsSelfButton')}</Button>}
        />
      )}

      <HallCatalogPanel />

      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {me.actingFor && <EnterpriseCard key={me.actingFor.uscc} acting={me.actingFor} />}
          <HallApplicationsCard />
          <Card
            title={
              <span className="tb-card-title">
                <IdcardOutlined /> {t('hall.registryTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
            data-testid="registry-card"
          >
            <Typography.Paragraph type="secondary">{t('hall.registryDesc')}</Typography.Paragraph>
            {noRecord ? (
              <Empty description={t('hall.noRegistry')} />
            ) : person.error ? (
              <ErrorAlert error={person.error} onRetry={person.reload} />
            ) : person.loading || !person.data ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : (
              <PersonDescriptions person={person.data} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <EnterprisesCard />
          <QuickLinks />
        </Col>
      </Row>
    </>
  );
}
