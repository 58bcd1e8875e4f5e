import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setApiErrorListener, setCsrfToken, type LoginReply, type Me, type StaffRole } from './api';

interface AuthContextValue {
  me: Me | null;
  /** true until the first GET /auth/me has answered */
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<Me | null>;
  setActingFor(uscc: string | null): Promise<Me>;
  /** Replace the current user (e.g. after an API reply that returns Me). */
  update(me: Me): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const update = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const m = await api.get<Me>('/api/v1/auth/me', undefined, { noAuthRedirect: true });
      update(m);
      return m;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        update(null);
        return null;
      }
      throw err;
    }
  }, [update]);

  // When the server says the acting-for authorisation ended, or the CSRF token is stale, fetch the session again.
  useEffect(() => {
    setApiErrorListener((e) => {
      if (e.code === 'identity.acting_for_ended' || e.code === 'auth.csrf_failed') void refresh().catch(() => undefined);
    });
    return () => setApiErrorListener(null);
  }, [refresh]);

  useEffect(() => {
    refresh()
      .catch(() => update(null))
      .finally(() => setLoading(false));
  }, [refresh, update]);

  const login = useCallback(
    async (username: string, password: string) => {
      const reply = await api.post<LoginReply>('/api/v1/auth/login', { username, password }, { noAuthRedirect: true });
      update(reply.user);
      return reply.user;
    },
    [update],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout', {}, { noAuthRedirect: true });
    } finally {
      update(null);
    }
  }, [update]);

  const setActingFor = useCallback(
    async (uscc: string | null) => {
      const m = await api.post<Me>('/api/v1/auth/acting-for', { uscc });
      update(m);
      return m;
    },
    [update],
  );

  const value = useMemo<AuthContextValue>(
    () => ({ me, loading, login, logout, refresh, setActingFor, update: (m: Me) => update(m) }),
    [me, loading, login, logout, refresh, setActingFor, update],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The current user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}

export const hasRole = (me: Me | null, ...roles: StaffRole[]): boolean => !!me && me.roles.some((r) => (roles as string[]).includes(r));

export const ADMIN_ROLES: StaffRole[] = ['platform_admin', 'department_admin', 'auditor'];

/** Where "/" sends each kind of user. */
export function homePath(me: Me): string {
  if (me.kind === 'citizen') return '/hall';
  if (hasRole(me, 'platform_admin')) return '/admin';
  if (hasRole(me, 'auditor')) return '/admin/audit';
  return '/workbench';
}

/** The user's most significant role, for the header. */
export function primaryRole(me: Me): string {
  if (me.kind === 'citizen') return 'citizen';
  const order: StaffRole[] = ['platform_admin', 'auditor', 'department_admin', 'reviewer', 'window_officer'];
  return order.find((r) => me.roles.includes(r)) ?? me.roles[0] ?? 'citizen';
}
