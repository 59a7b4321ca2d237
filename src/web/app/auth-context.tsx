// Who is signed in: loads /auth/me once, and offers login and logout to the rest of the app.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { readStoredLanguage } from '../i18n/language';
import { currentUserSchema, type CurrentUser, type LoginRequest } from '../../shared/identity';
import { apiRequest, apiRequestNoContent, isUnauthorised } from './api-client';
import { AUTH_QUERY_KEY } from './auth-keys';

export type AuthContextValue = {
  /** null when nobody is signed in; undefined while the first /auth/me is in flight. */
  user: CurrentUser | null | undefined;
  /** Why the session could not be checked (server down, not a 401), or null. */
  loadError: Error | null;
  reload: () => void;
  login: (credentials: LoginRequest) => Promise<CurrentUser>;
  logout: () => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await apiRequest('/api/v1/auth/me', currentUserSchema);
  } catch (error) {
    if (isUnauthorised(error)) return null;
    throw error;
  }
}

function forgetEverythingButAuth(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== AUTH_QUERY_KEY[0] });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const {
    data: user,
    error,
    refetch,
  } = useQuery({
    queryKey: AUTH_QUERY_KEY,
    queryFn: fetchCurrentUser,
    staleTime: Infinity,
  });

  // A language picked on this device wins; otherwise follow the account's preference.
  const accountLanguage = user?.ui_language ?? null;
  useEffect(() => {
    if (accountLanguage && !readStoredLanguage() && i18n.language !== accountLanguage) {
      void i18n.changeLanguage(accountLanguage);
    }
  }, [accountLanguage, i18n]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      loadError: user === undefined ? error : null,
      reload: () => void refetch(),
      login: async (credentials) => {
        const signedIn = await apiRequest('/api/v1/auth/login', currentUserSchema, {
          method: 'POST',
          json: credentials,
        });
        // Another user's cached answers must never show. The auth query itself stays (only its data
        // changes): removing it would leave this provider observing a query no longer in the cache.
        forgetEverythingButAuth(queryClient);
        queryClient.setQueryData(AUTH_QUERY_KEY, signedIn);
        return signedIn;
      },
      logout: async () => {
        try {
          await apiRequestNoContent('/api/v1/auth/logout', { method: 'POST', csrfToken: user?.csrf_token });
        } catch (error) {
          // An already-expired session is as good as a logout.
          if (!isUnauthorised(error)) throw error;
        }
        forgetEverythingButAuth(queryClient);
        queryClient.setQueryData(AUTH_QUERY_KEY, null);
      },
    }),
    [user, error, refetch, queryClient],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** For screens behind <RequireAuth>, where a signed-in user is guaranteed. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser must be used behind <RequireAuth>');
  return user;
}
