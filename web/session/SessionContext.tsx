import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isPrerendered, PrerenderContext } from '../lib/prerender';
import { api } from '../api/client';
import type { SessionUser } from '../api/types';

interface SessionState {
  /** undefined while the first session request is under way. */
  user: SessionUser | null | undefined;
  login(email: string, password: string): Promise<SessionUser | null>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  // Only visitors without a session get prerendered pages, so those start (and hydrate) logged out.
  const prerendering = useContext(PrerenderContext) !== null;
  const [user, setUser] = useState<SessionUser | null | undefined>(() => (prerendering || isPrerendered() ? null : undefined));

  const refresh = useCallback(async () => {
    try {
      setUser((await api.session()).user);
    } catch {
      // Without a session answer the app still works for the public; changes will retry.
      setUser(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (email: string, password: string) => {
    const s = await api.login(email, password);
    setUser(s.user);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    const s = await api.logout();
    setUser(s.user);
  }, []);

  const value = useMemo(() => ({ user, login, logout, refresh }), [user, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
