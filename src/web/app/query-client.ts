// TanStack Query defaults: no retries on 4xx, and any 401 signs the user out of the UI.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorised } from './api-client';
import { AUTH_QUERY_KEY } from './auth-keys';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // An expired session surfaces on whatever query runs next; dropping the user sends them to login.
        if (isUnauthorised(error) && query.queryKey[0] !== AUTH_QUERY_KEY[0]) {
          client.setQueryData(AUTH_QUERY_KEY, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
