import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyCertificateOutlined, ShareAltOutlined, AppstoreOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { homePath, useAuth } from '../../auth';
import { errorText } from '../../i18n';
import { Emblem } from '../../components/Emblem';
import { Footer, LangSwitch } from '../../components/AppLayout';
import { FullPageSpin } from '../../components/RequireAuth';

const DEMO_PASSWORD = 'Tongban@2026';
const DEMO_ACCOUNTS = ['admin', 'auditor', 'scjg_officer', 'scjg_admin', 'zhangsan', 'lisi', 'wangwu'] as const;

interface LoginValues {
  username: string;
  password: string;
}

/** A plain sentence for a failed login: wrong password, locked (with minutes), rate limited (with seconds). */
function loginErrorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const d = (err.details ?? {}) as { retryAfterSeconds?: number; lockedUntil?: string };
    if (err.code === 'auth.locked') {
      let seconds = d.retryAfterSeconds;
      if (!seconds && d.lockedUntil) seconds = Math.max(0, (new Date(d.lockedUntil).getTime() - Date.now()) / 1000);
      if (seconds) return t('login.lockedMinutes', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    if (err.code === 'request.rate_limited' && d.retryAfterSeconds) return t('login.rateLimitedSeconds', { seconds: d.retryAfterSeconds });
  }
  return errorText(err);
}

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, loading, login } = useAuth();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.portal')}`;
  }, [t]);

  if (loading) return <FullPageSpin />;
  if (me && !submitting) return <Navigate to={next ?? homePath(me)} replace />;

  async function onFinish(values: LoginValues) {
    setSubmitting(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      navigate(next ?? homePath(user), { replace: true });
    } catch (err) {
      setError(loginErrorText(err, t));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  const notice = params.get('loggedOut') ? t('login.loggedOut') : params.get('expired') ? t('login.sessionEnded') : null;

  return (
    <div className="tb-login-page">
      <div className="tb-topbar" />
      <div className="tb-login-banner">
        <div className="tb-login-inner">
          <div className="tb-login-intro">
            <div style={{ display: 'flex', alignItems: 'center', gap: 14, marginBottom: 12 }}>
              <Emblem size={56} />
              <h1>{t('app.portal')}</h1>
            </div>
            <div className="tb-slogan">{t('app.slogan')}</div>
            <div className="tb-feature">
              <AppstoreOutlined />
              <div>
                <div className="tb-feature-title">{t('login.features.one')}</div>
                <div className="tb-feature-desc">{t('login.features.oneDesc')}</div>
              </div>
            </div>
            <div className="tb-feature">
              <ShareAltOutlined />
              <div>
                <div className="tb-feature-title">{t('login.features.data')}</div>
                <div className="tb-feature-desc">{t('login.features.dataDesc')}</div>
              </div>
            </div>
            <div className="tb-feature">
              <SafetyCertificateOutlined />
              <div>
                <div className="tb-feature-title">{t('login.features.trace')}</div>
                <div className="tb-feature-desc">{t('login.features.traceDesc')}</div>
              </div>
            </div>
          </div>

          <Card className="tb-login-card" variant="borderless">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 16 }}>
              <div>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {t('login.title')}
                </Typography.Title>
                <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
              </div>
              <LangSwitch />
            </div>
            {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
            <Form<LoginValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
              <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
                <Input data-testid="login-username" prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" size="large" autoFocus />
              </Form.Item>
              <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password data-testid="login-password" prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" size="large" />
              </Form.Item>
              <Button data-testid="login-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
                {submitting ? t('login.submitting') : t('login.submit')}
              </Button>
            </Form>
            <div className="tb-demo" data-testid="login-demo">
              <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('login.demoTitle')}</div>
              <div className="tb-muted" style={{ marginBottom: 6 }}>
                {t('login.demoHint', { password: DEMO_PASSWORD })}
              </div>
              {DEMO_ACCOUNTS.map((u) => (
                <div
                  key={u}
                  className="tb-demo-item"
                  role="button"
                  tabIndex={0}
                  onClick={() => form.setFieldsValue({ username: u, password: DEMO_PASSWORD })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') form.setFieldsValue({ username: u, password: DEMO_PASSWORD });
                  }}
                >
                  <code>{u}</code>
                  <span className="tb-muted" style={{ textAlign: 'right' }}>{t(`login.demoAccounts.${u}`)}</span>
                </div>
              ))}
            </div>
          </Card>
        </div>
      </div>
      <Footer />
    </div>
  );
}
