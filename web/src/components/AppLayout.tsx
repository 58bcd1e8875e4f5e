import { Button, Dropdown } from 'antd';
import { GlobalOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ADMIN_ROLES, hasRole, primaryRole, useAuth } from '../auth';
import { currentLang, label, localName, setLang } from '../i18n';
import { ActingForSelect } from './ActingForSelect';
import { Emblem } from './Emblem';
import { ErrorBoundary } from './ErrorBoundary';
import { NotificationBell } from '../features/applications/hall/NotificationBell';
import { ConsultFab } from '../features/consultation/ask/AskDrawer';

export function LangSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      data-testid="lang-switch"
      className={className}
      icon={<GlobalOutlined />}
      onClick={() => void setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}
      aria-label={t('nav.language')}
    >
      {t('nav.switchLanguage')}
    </Button>
  );
}

function Header() {
  const { t } = useTranslation();
  const { me, loading, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();

  async function doLogout() {
    await logout().catch(() => undefined);
    navigate('/login?loggedOut=1', { replace: true });
  }

  const links: Array<{ to: string; label: string }> = [];
  if (me?.kind === 'citizen') links.push({ to: '/hall', label: t('nav.hall') });
  if (me?.kind === 'citizen') links.push({ to: '/hall/questions', label: t('consult.nav.myQuestions') });
  if (me?.kind === 'staff') {
    if (!hasRole(me, 'auditor') || hasRole(me, 'window_officer', 'reviewer', 'department_admin')) links.push({ to: '/workbench', label: t('nav.workbench') });
    if (hasRole(me, 'window_officer', 'reviewer')) links.push({ to: '/workbench/cases', label: t('appWorkbench.nav.cases') });
    if (hasRole(me, 'window_officer', 'reviewer', 'department_admin', 'platform_admin')) links.push({ to: '/workbench/rectifications', label: t('appWorkbench.nav.rectifications') });
    if (hasRole(me, 'window_officer', 'reviewer', 'department_admin')) links.push({ to: '/workbench/orders', label: t('consult.nav.orders') });
    if (hasRole(me, 'window_officer', 'reviewer', 'department_admin')) links.push({ to: '/workbench/licences', label: t('licences.nav.workbench') });
    if (hasRole(me, ...ADMIN_ROLES)) links.push({ to: '/admin', label: t('nav.admin') });
  }
  links.push({ to: '/services', label: t('catalogHall.nav.services') });
  if (!me) links.push({ to: '/ask', label: t('consult.nav.ask') });

  const roleText = me ? (me.kind === 'staff' && me.department ? `${localName(me.department.name, me.department.nameEn)} · ${label('roles', primaryRole(me))}` : label('roles', primaryRole(me))) : '';

  return (
    <header className="tb-header">
      <div className="tb-header-inner">
        <Link to="/" className="tb-brand" aria-label={t('app.portal')}>
          <Emblem />
          <div>
            <div className="tb-brand-title">{t('app.portal')}</div>
            <div className="tb-brand-sub">{t('app.slogan')}</div>
          </div>
        </Link>
        <nav className="tb-nav" aria-label={t('nav.skipNav')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.to === '/workbench' || l.to === '/hall'} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="tb-header-right">
          <ActingForSelect />
          <LangSwitch className="tb-header-btn" />
          {me?.kind === 'citizen' && <NotificationBell />}
          {!me && !loading && location.pathname !== '/login' && (
            <Button data-testid="header-login" className="tb-header-btn" icon={<UserOutlined />} onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`)}>
              {t('catalogHall.nav.login')}
            </Button>
          )}
          {me && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...(me.kind === 'citizen' ? [{ key: 'licences', icon: <IdcardOutlined />, label: t('licences.nav.wallet'), onClick: () => navigate('/hall/licences') }] : []),
                  { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword'), onClick: () => navigate('/account/password') },
                ],
              }}
            >
              <button type="button" className="tb-user" style={{ background: 'none', border: 'none', color: '#fff', cursor: 'pointer', padding: 0 }} data-testid="user-menu">
                <span className="tb-user-name">
                  <UserOutlined /> {me.displayName}
                </span>
                <span className="tb-user-role" data-testid="user-role" title={roleText}>{roleText}</span>
              </button>
            </Dropdown>
          )}
          {me && (
            <Button data-testid="logout" className="tb-header-btn" icon={<LogoutOutlined />} onClick={() => void doLogout()}>
              {t('nav.logout')}
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="tb-footer">
      <div>{t('app.footer')}</div>
      <div>{t('app.footerNote')}</div>
    </footer>
  );
}

/** The portal frame around every signed-in page. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <div className="tb-topbar" />
      <Header />
      <main id="main" className="tb-main">
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <Footer />
      <ConsultFab />
    </>
  );
}
