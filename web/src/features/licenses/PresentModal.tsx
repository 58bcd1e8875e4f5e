import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Divider, Form, Input, Modal, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, QrcodeOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fmtDateTimeSeconds } from '../../lib/format';
import { licencesApi, type FieldValue, type LicenceDetail, type LicenceField, type PresentationCreated } from './api';
import { CopyButton, fieldLabel, LevelTag, LicenceErrorAlert, licenceErrorText, mmss, useCountdown, valueText } from './ui';

const TTL_MINUTES = [5, 10, 30] as const;

/** The QR code the server drew (SVG), shown as an image: the markup is never put into the page. */
function QrImage({ svg, alt }: { svg: string; alt: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, [svg]);
  return <img src={src} alt={alt} className="lic-qr-img" data-testid="present-qr" />;
}

function Ready({ created, labelOf, onAgain, onClose, onWithdrawn }: { created: PresentationCreated; labelOf: (key: string) => string; onAgain: () => void; onClose: () => void; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const left = useCountdown(created.expiresAt);
  const [busy, setBusy] = useState(false);
  const expired = left <= 0;

  async function withdraw() {
    setBusy(true);
    try {
      await licencesApi.withdraw(created.id);
      message.success(t('licences.detail.withdrawn'));
      onWithdrawn();
    } catch (err) {
      message.error(licenceErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="present-ready" data-presentation-id={created.id}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('licences.present.readyTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('licences.present.readyHint')}</Typography.Paragraph>
      <div className="lic-qr-wrap">
        <div className={`lic-qr${expired ? ' expired' : ''}`}>
          {created.qrSvg && <QrImage svg={created.qrSvg} alt={t('licences.present.qrAlt')} />}
          {expired && (
            <div className="lic-qr-overlay" data-testid="present-expired">
              <strong>{t('licences.present.expired')}</strong>
              <span>{t('licences.present.expiredHint')}</span>
            </div>
          )}
        </div>
        <div className={`lic-countdown${left <= 60 ? ' urgent' : ''}`} data-testid="present-countdown" data-seconds={left}>
          <ClockCircleOutlined /> {expired ? t('licences.present.expired') : t('licences.present.remaining', { time: mmss(left) })}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('licences.present.expiresAt', { time: fmtDateTimeSeconds(created.expiresAt) })}
        </Typography.Text>
      </div>
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t('licences.present.link')} style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={created.url} className="tb-mono" data-testid="present-link" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={created.url} label={t('licences.present.copyLink')} testId="present-copy" />
          </Space.Compact>
        </Form.Item>
      </Form>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('licences.present.shown')}
          {t('licences.common.colon')}
        </Typography.Text>
        <span data-testid="present-shown">
          {created.fields.length === 0 ? (
            <Typography.Text type="secondary">{t('licences.present.alwaysNone')}</Typography.Text>
          ) : (
            created.fields.map((k) => (
              <Tag key={k} color="blue">
                {labelOf(k)}
              </Tag>
            ))
          )}
        </span>
      </div>
      <div className="lic-modal-foot">
        <Button icon={<UndoOutlined />} onClick={onAgain} data-testid="present-again">
          {t('licences.present.again')}
        </Button>
        <Space>
          {!expired && (
            <Popconfirm title={t('licences.detail.withdrawConfirm')} onConfirm={() => void withdraw()} okButtonProps={{ danger: true }}>
              <Button danger icon={<StopOutlined />} loading={busy} data-testid="present-withdraw">
                {t('licences.present.endNow')}
              </Button>
            </Popconfirm>
          )}
          <Button type="primary" onClick={onClose} data-testid="present-done">
            {t('licences.present.done')}
          </Button>
        </Space>
      </div>
    </div>
  );
}

/** 出示证照: choose what to show, for whom and for how long; then the QR code and link with a countdown. */
export function PresentModal({ detail, typeFields, title, open, onClose, onChanged }: { detail: LicenceDetail; typeFields: LicenceField[]; title: string; open: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const l = detail.licence;
  const enOf = useMemo(() => new Map(typeFields.map((f) => [f.key, f.nameEn ?? null])), [typeFields]);
  const labelOf = (key: string) => {
    const f = detail.fields.find((x) => x.key === key);
    return fieldLabel(key, f?.name ?? key, l.holder.kind, enOf.get(key));
  };
  const choosable = detail.fields.filter((f) => f.disclosable);
  const always = detail.fields.filter((f) => !f.disclosable && f.inCredential);
  const [chosen, setChosen] = useState<string[]>(['holder_name']);
  const [audience, setAudience] = useState('');
  const [minutes, setMinutes] = useState<number>(5);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<PresentationCreated | null>(null);

  // each opening starts again: the name only, no audience, five minutes
  useEffect(() => {
    if (!open) return;
    setChosen(choosable.some((f) => f.key === 'holder_name') ? ['holder_name'] : []);
    setAudience('');
    setMinutes(5);
    setError(null);
    setCreated(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const order = choosable.map((f) => f.key).filter((k) => chosen.includes(k));
      const p = await licencesApi.present(l.licenceId, { fields: order, audience: audience.trim() || undefined, ttlSeconds: minutes * 60, qr: 'svg' });
      setCreated(p);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldRow = (f: FieldValue) => (
    <span className="lic-choose-row">
      <span className="lic-choose-name">{labelOf(f.key)}</span>
      <span className="lic-choose-value">{valueText(f.value)}</span>
      <LevelTag level={f.level} short />
    </span>
  );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={
        <span className="tb-card-title">
          <QrcodeOutlined /> {t('licences.present.title')} · {title}
        </span>
      }
      footer={null}
      width={640}
      destroyOnHidden
    >
      {created ? (
        <Ready
          created={created}
          labelOf={labelOf}
          onAgain={() => setCreated(null)}
          onClose={onClose}
          onWithdrawn={() => {
            onChanged();
            onClose();
          }}
        />
      ) : (
        <div data-testid="present-choose">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('licences.present.chooseTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('licences.present.chooseHint')}</Typography.Paragraph>
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginBottom: 4 }}>
            <Button size="small" type="link" onClick={() => setChosen(choosable.map((f) => f.key))}>
              {t('licences.present.selectAll')}
            </Button>
            <Button size="small" type="link" onClick={() => setChosen([])}>
              {t('licences.present.selectNone')}
            </Button>
          </div>
          <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
            <div className="lic-choose-list">
              {choosable.map((f) => (
                <Checkbox key={f.key} value={f.key} data-testid={`present-field-${f.key}`} className="lic-choose-item">
                  {fieldRow(f)}
                </Checkbox>
              ))}
            </div>
          </Checkbox.Group>
          <div className="lic-always">
            <Typography.Text strong>{t('licences.present.alwaysTitle')}</Typography.Text>
            <div className="tb-muted" style={{ fontSize: 13 }}>
              {always.length ? t('licences.present.alwaysHint') : t('licences.present.alwaysNone')}
            </div>
            {always.length > 0 && (
              <div style={{ marginTop: 4 }}>
                {always.map((f) => (
                  <Tag key={f.key} style={{ marginBottom: 4 }}>
                    {labelOf(f.key)}
                    {t('licences.common.colon')}
                    {valueText(f.value)}
                  </Tag>
                ))}
              </div>
            )}
          </div>
          <Divider style={{ margin: '12px 0' }} />
          <Form layout="vertical">
            <Form.Item label={t('licences.present.audience')} extra={t('licences.present.audienceHint')}>
              <Input value={audience} onChange={(e) => setAudience(e.target.value)} maxLength={200} placeholder={t('licences.present.audiencePlaceholder')} data-testid="present-audience" />
            </Form.Item>
            <Form.Item label={t('licences.present.ttl')}>
              <Radio.Group value={minutes} onChange={(e) => setMinutes(e.target.value as number)} optionType="button" buttonStyle="solid">
                {TTL_MINUTES.map((n) => (
                  <Radio.Button key={n} value={n}>
                    <span data-testid={`present-ttl-${n}`}>{t('licences.present.ttlMinutes', { n })}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          </Form>
          {chosen.length === 0 && <Alert type="info" showIcon title={t('licences.present.noneChosen')} style={{ marginBottom: 12 }} />}
          <LicenceErrorAlert error={error} />
          <div className="lic-modal-foot">
            <span />
            <Space>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" icon={<QrcodeOutlined />} loading={busy} onClick={() => void create()} data-testid="present-create">
                {busy ? t('licences.present.creating') : t('licences.present.create')}
              </Button>
            </Space>
          </div>
        </div>
      )}
    </Modal>
  );
}
