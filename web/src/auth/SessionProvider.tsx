import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { fetchSession, login as loginRequest, logout as logoutRequest } from '../api/endpoints';
import type { Session } from '../api/types';
import { hasAnyPermission, hasPermission } from './access';

export const SESSION_QUERY_KEY = ['session'] as const;

interface SessionContextValue {
  session: Session | null;
  status: 'loading' | 'error' | 'ready';
  /** Why the session could not be restored (server unreachable), when status is 'error'. */
  error: unknown;
  /** Why the user is back on the login page, when it was not their choice. */
  expired: boolean;
  retry: () => void;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  can: (permission: string) => boolean;
  canAny: (permissions: readonly string[]) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken);
  }, [session]);

  const signOutLocally = useCallback(() => {
    setCsrfToken(undefined);
    queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== SESSION_QUERY_KEY[0] });
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
  }, [queryClient]);

  // A 401 on any other call means the session ended on the server (expired, user disabled).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      signOutLocally();
    });
    return () => setUnauthorizedHandler(undefined);
  }, [signOutLocally]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await loginRequest(username, password);
      setCsrfToken(next.csrfToken);
      setExpired(false);
      queryClient.setQueryData(SESSION_QUERY_KEY, next);
      return next;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setExpired(false);
      signOutLocally();
    }
  }, [signOutLocally]);

  const value = useMemo<SessionContextValue>(() => {
    const permissions = session?.permissions ?? [];
    return {
      session,
      status: query.isPending ? 'loading' : query.isError ? 'error' : 'ready',
      error: query.error,
      expired,
      retry: () => void query.refetch(),
      login,
      logout,
      can: (permission) => hasPermission(permissions, permission),
      canAny: (required) => hasAnyPermission(permissions, required),
    };
  }, [session, query.isPending, query.isError, query.error, query.refetch, expired, login, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages under the signed-in shell, where a session is guaranteed. */
export function useSignedInSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession used outside the signed-in shell');
  return session;
}
