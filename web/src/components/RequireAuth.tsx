import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import type { StaffRole } from '../api';
import { hasRole, useAuth } from '../auth';
import { Forbidden } from './Results';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Only for a logged-in user of the given kind and (any of the) roles; others go to /login or see 403. */
export function RequireAuth({ children, kind, roles }: { children: ReactNode; kind?: 'citizen' | 'staff'; roles?: StaffRole[] }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (kind && me.kind !== kind) return <Forbidden />;
  if (roles && !hasRole(me, ...roles)) return <Forbidden />;
  return <>{children}</>;
}
