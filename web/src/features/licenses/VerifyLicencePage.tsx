import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Collapse, Descriptions, Form, Input, Result, Row, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  MinusCircleOutlined,
  ReloadOutlined,
  SafetyCertificateFilled,
  SafetyCertificateOutlined,
  SearchOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { PageHead } from '../../components/PageHead';
import { fmtDate, fmtDateTimeSeconds } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { licencesApi, presentationIdOf, verifyPagePath, type CheckResult, type LicenceField, type LicenceType, type PublicPresentation, type VerifyResult } from './api';
import { fieldLabel, LicenceErrorAlert, msgs, typeName, validityText, valueText } from './ui';
import './licences.css';
import { localName } from '../../i18n';

type CheckTexts = { name: string; pass: string; fail: string; failRevoked?: string; failSuspended?: string; external?: string };

const checkTexts = (check: string): CheckTexts | undefined => (msgs().checks as unknown as Record<string, CheckTexts>)[check];

/** One plain sentence for a check's outcome. */
function checkSentence(c: CheckResult, r: VerifyResult): string {
  const m = checkTexts(c.check);
  if (!m) return c.message;
  if (c.ok === true) return m.pass;
  if (c.ok === null) return c.check === 'presentation' && m.external ? m.external : msgs().checks.skipped;
  if (c.check === 'status') {
    if (r.licence?.status === 'revoked' && m.failRevoked) return m.failRevoked;
    if (r.licence?.status === 'suspended' && m.failSuspended) return m.failSuspended;
  }
  return m.fail;
}

function Verdict({ r }: { r: VerifyResult }) {
  const { t } = useTranslation();
  const firstFailed = r.checks.find((c) => c.ok === false);
  return (
    <div className={`lic-verdict ${r.valid ? 'ok' : 'bad'}`} data-testid="verify-verdict" data-valid={String(r.valid)} role="status">
      <div className="lic-verdict-icon" aria-hidden>
        {r.valid ? <SafetyCertificateFilled /> : <CloseCircleFilled />}
      </div>
      <div>
        <div className="lic-verdict-title">{r.valid ? t('licences.verify.passed') : t('licences.verify.failed')}</div>
        <div className="lic-verdict-text" data-testid="verify-verdict-text">
          {r.valid
            ? r.issuer?.name
              ? t('licences.verify.passedSentence', { issuer: r.issuer.name })
              : t('licences.verify.passedSentenceNoIssuer')
            : firstFailed
              ? checkSentence(firstFailed, r)
              : t('licences.verify.failed')}
        </div>
        <div className="lic-verdict-meta">
          {t('licences.verify.verifiedAt', { time: fmtDateTimeSeconds(r.verifiedAt) })}
        </div>
      </div>
    </div>
  );
}

function Checks({ r }: { r: VerifyResult }) {
  const { t } = useTranslation();
  const [technical, setTechnical] = useState(false);
  return (
    <Card
      title={t('licences.verify.checksTitle')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="verify-checks"
      extra={
        <Space size={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('licences.verify.technical')}
          </Typography.Text>
          <Switch size="small" checked={technical} onChange={setTechnical} data-testid="verify-technical" />
        </Space>
      }
    >
      <ul className="lic-checks">
        {r.checks.map((c) => (
          <li key={c.check} className={`lic-check ${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'skip'}`} data-testid={`check-${c.check}`} data-ok={String(c.ok)}>
            <span className="lic-check-icon" aria-hidden>
              {c.ok === true ? <CheckCircleFilled /> : c.ok === false ? <CloseCircleFilled /> : <MinusCircleOutlined />}
            </span>
            <div className="lic-check-body">
              <div className="lic-check-head">
                <span className="lic-check-name">{checkTexts(c.check)?.name ?? c.check}</span>
                <span className="lic-check-state">{c.ok === true ? t('licences.verify.checkPassed') : c.ok === false ? t('licences.verify.checkFailed') : t('licences.verify.checkSkipped')}</span>
              </div>
              <div className="lic-check-text">{checkSentence(c, r)}</div>
              {technical && <div className="lic-check-tech tb-mono">{c.message}</div>}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function LicenceInfo({ r, presentation, type }: { r: VerifyResult; presentation?: PublicPresentation; type?: LicenceType }) {
  const { t } = useTranslation();
  const l = r.licence;
  const i = r.issuer;
  const statusKnown = l && ['valid', 'revoked', 'suspended'].includes(l.status);
  return (
    <Card title={t('licences.verify.licenceTitle')} size="small" style={{ marginBottom: 16 }} data-testid="verify-licence">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('licences.common.name'), children: <strong>{type && l?.typeCode === type.code ? typeName(type) : (l?.typeName ?? presentation?.typeName ?? '—')}</strong> },
          { key: 'number', label: t('licences.common.number'), children: <span className="tb-mono">{l?.number ?? '—'}</span> },
          { key: 'id', label: t('licences.common.licenceId'), children: <span className="tb-mono" style={{ wordBreak: 'break-all' }}>{l?.licenceId ?? '—'}</span> },
          { key: 'issuedOn', label: t('licences.common.issuedOn'), children: fmtDate(l?.issuedAt) },
          { key: 'validity', label: t('licences.common.validity'), children: l?.validFrom ? validityText(l.validFrom, l.validTo) : '—' },
          {
            key: 'status',
            label: t('licences.common.status'),
            children: statusKnown ? (
              <Tag color={l!.status === 'valid' ? 'success' : l!.status === 'suspended' ? 'warning' : 'error'} data-testid="verify-licence-status" data-status={l!.status}>
                {t(`licences.status.${l!.status as 'valid' | 'revoked' | 'suspended'}`)}
              </Tag>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <div className="lic-issuer" data-testid="verify-issuer" data-trusted={String(!!i?.trusted)}>
        <div className="lic-issuer-title">{t('licences.verify.issuerTitle')}</div>
        <Space wrap size={6}>
          <strong>{i?.name ?? presentation?.issuerName ?? '—'}</strong>
          {i &&
            (i.trusted ? (
              <Tag color="success" icon={<SafetyCertificateOutlined />}>
                {t('licences.verify.trusted')}
              </Tag>
            ) : (
              <Tag color="error" icon={<WarningFilled />}>
                {t('licences.verify.untrusted')}
              </Tag>
            ))}
        </Space>
        {i && (
          <div className="tb-muted" style={{ fontSize: 12, marginTop: 4 }}>
            {i.code && <span className="tb-mono">{i.code}</span>}
            {i.trusted && <> · {i.deployment ? t('licences.verify.trustedVia', { name: i.deployment }) : t('licences.verify.thisPlatform')}</>}
          </div>
        )}
      </div>
    </Card>
  );
}

/** Holder name and ID first, then the licence's own fields in the credential's order. */
const HOLDER_FIRST = ['holder_name', 'holder_id'];
const fieldOrder = (key: string) => (HOLDER_FIRST.includes(key) ? HOLDER_FIRST.indexOf(key) : HOLDER_FIRST.length);

function Disclosed({ r, type }: { r: VerifyResult; type?: LicenceType }) {
  const { t } = useTranslation();
  const enOf = useMemo(() => new Map((type?.fields ?? ([] as LicenceField[])).map((f) => [f.key, f.nameEn ?? null])), [type]);
  const holderKind = typeof r.disclosed.holder_kind === 'string' ? r.disclosed.holder_kind : null;
  const rows = useMemo(() => [...r.fields].sort((a, b) => fieldOrder(a.key) - fieldOrder(b.key)), [r.fields]);
  return (
    <Card title={t('licences.verify.disclosedTitle')} size="small" style={{ marginBottom: 16 }} data-testid="verify-disclosed">
      {!r.valid ? (
        <Typography.Text type="secondary">{t('licences.verify.disclosedHidden')}</Typography.Text>
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{t('licences.verify.disclosedNone')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('licences.verify.disclosedHint')}
          </Typography.Paragraph>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            showHeader={false}
            dataSource={rows}
            onRow={(f) => ({ 'data-testid': 'disclosed-field', 'data-key': f.key }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('licences.verify.field'), dataIndex: 'key', width: '38%', render: (k: string, f) => <Typography.Text strong>{fieldLabel(k, f.name, holderKind, enOf.get(k))}</Typography.Text> },
              { title: t('licences.verify.value'), dataIndex: 'value', render: (v: unknown) => <span className="lic-disclosed-value">{valueText(v)}</span> },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function ResultView({ r, presentation, onAgain, busy }: { r: VerifyResult; presentation?: PublicPresentation; onAgain: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  // the type's English names (public); the page works without them
  const typeCode = r.licence?.typeCode ?? null;
  const type = useAsync((signal) => licencesApi.type(typeCode!, signal).catch(() => undefined), [typeCode], !!typeCode);
  return (
    <div data-testid="verify-result">
      <Verdict r={r} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Disclosed r={r} type={type.data} />
          <LicenceInfo r={r} presentation={presentation} type={type.data} />
        </Col>
        <Col xs={24} lg={12}>
          <Checks r={r} />
        </Col>
      </Row>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {presentation && <>{t('licences.verify.presentationUntil', { time: fmtDateTimeSeconds(presentation.expiresAt) })} · </>}
          {t('licences.verify.verificationId', { id: r.verificationId })}
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={onAgain} loading={busy} data-testid="verify-again">
            {t('licences.verify.again')}
          </Button>
          <Link to={verifyPagePath()}>
            <Button icon={<SearchOutlined />}>{t('licences.verify.another')}</Button>
          </Link>
        </Space>
      </Space>
      <Typography.Paragraph className="tb-muted" style={{ fontSize: 12, marginTop: 12 }}>
        {t('licences.verify.privacy')}
      </Typography.Paragraph>
    </div>
  );
}

/** A presentation opened from its link or QR code: fetched, then verified at once. */
function ByLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const run = useAsync(
    async (signal) => {
      const p = await licencesApi.presentation(id, signal);
      const r = await licencesApi.verify({ presentation: p.presentation, audience: p.audience, nonce: p.nonce }, signal);
      return { p, r };
    },
    [id, tick],
  );
  const code = run.error instanceof ApiError ? run.error.code : null;
  if (code === 'licenses.presentation_expired' || code === 'licenses.presentation_not_found') {
    const expired = code === 'licenses.presentation_expired';
    return (
      <Card>
        <Result
          status="warning"
          title={expired ? t('licences.verify.expired') : t('licences.verify.notFound')}
          subTitle={expired ? t('licences.verify.expiredHint') : t('licences.verify.notFoundHint')}
          data-testid="verify-unavailable"
          data-reason={expired ? 'expired' : 'not_found'}
          extra={
            <Link to={verifyPagePath()}>
              <Button icon={<SearchOutlined />}>{t('licences.verify.another')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  if (run.error) return <LicenceErrorAlert error={run.error} title={t('licences.verify.loadFailed')} onRetry={run.reload} />;
  if (!run.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  return <ResultView r={run.data.r} presentation={run.data.p} onAgain={() => setTick((n) => n + 1)} busy={run.loading} />;
}

interface PasteValues {
  text: string;
  audience?: string;
  nonce?: string;
}

/** Paste a link (opens it) or a whole presentation (verified here, with an optional audience and nonce). */
function ByPaste() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasteValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [last, setLast] = useState<PasteValues | null>(null);

  async function verify(v: PasteValues) {
    const text = v.text.trim();
    const id = presentationIdOf(text);
    if (id) {
      navigate(verifyPagePath(id));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await licencesApi.verify({ presentation: text, audience: v.audience?.trim() || undefined, nonce: v.nonce?.trim() || undefined }));
      setLast(v);
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Card title={t('licences.verify.inputTitle')} style={{ marginBottom: 16 }} data-testid="verify-input">
        <Form<PasteValues> form={form} layout="vertical" onFinish={(v) => void verify(v)} disabled={busy}>
          <Form.Item name="text" label={t('licences.verify.inputLabel')} rules={[{ required: true, whitespace: true, message: t('licences.verify.inputRequired') }]}>
            <Input.TextArea rows={4} className="tb-mono" placeholder={t('licences.verify.inputPlaceholder')} maxLength={60_000} data-testid="verify-text" />
          </Form.Item>
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'adv',
                label: t('licences.verify.advanced'),
                children: (
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name="audience" label={t('licences.verify.audience')}>
                        <Input maxLength={200} className="tb-mono" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="nonce" label={t('licences.verify.nonce')}>
                        <Input maxLength={200} className="tb-mono" />
                      </Form.Item>
                    </Col>
                  </Row>
                ),
              },
            ]}
          />
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={busy} size="large" style={{ marginTop: 8 }} data-testid="verify-submit">
            {busy ? t('licences.verify.verifying') : t('licences.verify.submit')}
          </Button>
        </Form>
      </Card>
      <LicenceErrorAlert error={error} title={t('licences.verify.loadFailed')} />
      {result && <ResultView r={result} onAgain={() => last && void verify(last)} busy={busy} />}
    </>
  );
}

/** A printout's QR code (/verify/licences?id=<identifier>): the licence's current status and public facts. */
function ByIdentifier({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useAsync((signal) => licencesApi.check(id, signal), [id]);
  const code = run.error instanceof ApiError ? run.error.code : null;
  if (code === 'licenses.not_found' || code === 'licenses.bad_licence_id')
    return (
      <Card>
        <Result status="warning" title={t('licences.verify.byId.notFound')} subTitle={id} data-testid="verify-id-unavailable" />
      </Card>
    );
  if (run.error) return <LicenceErrorAlert error={run.error} title={t('licences.verify.loadFailed')} onRetry={run.reload} />;
  const c = run.data;
  if (!c)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  const ok = c.status === 'valid' && !c.expired;
  return (
    <Card data-testid="verify-id-result" data-status={c.status}>
      <Result
        status={ok ? 'success' : 'error'}
        icon={ok ? <SafetyCertificateFilled /> : <CloseCircleFilled />}
        title={ok ? t('licences.verify.byId.valid') : t('licences.verify.byId.notValid')}
        subTitle={t('licences.verify.byId.hint')}
      />
      <Descriptions bordered column={1} size="middle" labelStyle={{ width: 160 }}>
        <Descriptions.Item label={t('licences.verify.byId.status')}>
          <Tag color={ok ? 'green' : 'red'}>{t(`licences.status.${c.status}`)}{c.expired ? ` · ${t('licences.verify.byId.expired')}` : ''}</Tag>
          {c.statusChangedAt ? ` ${t('licences.verify.byId.changedAt')} ${fmtDate(c.statusChangedAt)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={localName(c.typeName, c.typeNameEn)}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('licences.verify.byId.identifier')}>
          <Typography.Text code>{c.licenceId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('licences.verify.byId.holder')}>{c.holderName}</Descriptions.Item>
        {c.fields.map((f) => (
          <Descriptions.Item key={f.key} label={localName(f.name, f.nameEn)}>
            {String(f.value ?? '—')}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('licences.verify.byId.issuer')}>{localName(c.issuer.name, c.issuer.nameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('licences.verify.byId.issuedOn')}>{fmtDate(c.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('licences.verify.byId.validity')}>{validityText(c.validFrom, c.validTo)}</Descriptions.Item>
        <Descriptions.Item label={t('licences.verify.byId.checkedAt')}>{fmtDateTimeSeconds(c.checkedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 电子证照核验 (public, no login): paste a presentation, open the link of a QR code, or a printout's QR (?id=). */
export default function VerifyLicencePage() {
  const { t } = useTranslation();
  const { presentationId } = useParams();
  const [search] = useSearchParams();
  const licenceId = search.get('id');
  useEffect(() => {
    document.title = `${t('licences.verify.title')} · ${t('app.portal')}`;
  }, [t]);
  return (
    <div className="lic-verify" data-testid="verify-licence-page">
      <PageHead title={t('licences.verify.title')} intro={t('licences.verify.intro')} documentTitle={false} />
      {presentationId ? <ByLink key={presentationId} id={presentationId} /> : licenceId ? <ByIdentifier key={licenceId} id={licenceId} /> : <ByPaste />}
    </div>
  );
}
