import { Menu } from 'antd';
import { ApartmentOutlined, ApiOutlined, AuditOutlined, ClusterOutlined, DashboardOutlined, FileSearchOutlined, GlobalOutlined, ProfileOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { BarChartOutlined, IdcardOutlined, LinkOutlined } from '@ant-design/icons';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { StaffRole } from '../../api';
import { hasRole, useMe } from '../../auth';
import { PageHead } from '../../components/PageHead';

interface Entry {
  key: string;
  icon: React.ReactNode;
  roles: StaffRole[];
}

const ENTRIES: Entry[] = [
  { key: '/admin', icon: <DashboardOutlined />, roles: ['platform_admin', 'department_admin', 'auditor'] },
  { key: '/admin/regions', icon: <GlobalOutlined />, roles: ['platform_admin'] },
  { key: '/admin/departments', icon: <ApartmentOutlined />, roles: ['platform_admin', 'department_admin'] },
  { key: '/admin/staff', icon: <TeamOutlined />, roles: ['platform_admin', 'department_admin', 'auditor'] },
  { key: '/admin/catalog', icon: <ProfileOutlined />, roles: ['platform_admin', 'department_admin'] },
  { key: '/admin/catalog/review', icon: <FileSearchOutlined />, roles: ['platform_admin'] },
  { key: '/admin/catalog/basic', icon: <ClusterOutlined />, roles: ['platform_admin'] },
  { key: '/admin/catalog/import', icon: <SwapOutlined />, roles: ['platform_admin', 'department_admin'] },
  { key: '/admin/consultation', icon: <CustomerServiceOutlined />, roles: ['platform_admin', 'department_admin'] },
  { key: '/admin/licences/types', icon: <IdcardOutlined />, roles: ['platform_admin', 'department_admin', 'auditor'] },
  { key: '/admin/licences/catalogue', icon: <BarChartOutlined />, roles: ['platform_admin', 'department_admin', 'auditor'] },
  { key: '/admin/licences/trust', icon: <LinkOutlined />, roles: ['platform_admin'] },
  { key: '/admin/audit', icon: <AuditOutlined />, roles: ['platform_admin', 'department_admin', 'auditor'] },
  { key: '/admin/webhooks', icon: <ApiOutlined />, roles: ['platform_admin', 'department_admin'] },
];

const LABEL_KEY = {
  '/admin': 'admin.menu.dashboard',
  '/admin/regions': 'admin.menu.regions',
  '/admin/departments': 'admin.menu.departments',
  '/admin/staff': 'admin.menu.staff',
  '/admin/audit': 'admin.menu.audit',
  '/admin/webhooks': 'admin.menu.webhooks',
  '/admin/catalog': 'catalogAdmin.menu.manage',
  '/admin/catalog/review': 'catalogAdmin.menu.review',
  '/admin/catalog/basic': 'catalogAdmin.menu.basic',
  '/admin/catalog/import': 'catalogAdmin.menu.import',
  '/admin/consultation': 'consult.nav.admin',
  '/admin/licences/types': 'licences.nav.types',
  '/admin/licences/catalogue': 'licences.nav.catalogue',
  '/admin/licences/trust': 'licences.nav.trust',
} as const;

/** 管理后台: a side menu with what the user's roles allow, the page beside it. */
export default function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = ENTRIES.filter((e) => hasRole(me, ...e.roles));
  // the most specific entry only (/admin/catalog/review is not also 事项管理)
  const selected = entries
    .filter((e) => pathname === e.key || (e.key !== '/admin' && pathname.startsWith(`${e.key}/`)))
    .map((e) => e.key)
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <>
      <PageHead title={t('admin.title')} testId="admin-title" documentTitle={pathname === '/admin'} />
      <div className="tb-admin">
        <aside className="tb-admin-side">
          <div className="tb-admin-side-title">{t('admin.menuTitle')}</div>
          <Menu
            mode="inline"
            selectedKeys={selected}
            onClick={({ key }) => navigate(key)}
            items={entries.map((e) => ({ key: e.key, icon: e.icon, label: t(LABEL_KEY[e.key as keyof typeof LABEL_KEY]), 'data-testid': `admin-menu-${e.key.split('/').slice(2).join('-') || 'dashboard'}` }))}
          />
        </aside>
        <section className="tb-admin-body">
          <Outlet />
        </section>
      </div>
    </>
  );
}
