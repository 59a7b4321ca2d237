// The account administration API as TanStack Query hooks: the filtered user list in cursor pages, and
// the changes (role, disable/enable, password reset), each of which reloads the list and the audit log.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { passwordResetResultSchema, userSummarySchema, usersPageSchema, type Role, type UserUpdate } from '../../../shared/identity';

const PAGE_SIZE = 50;

export type UserFilters = { role: Role | null; status: 'all' | 'enabled' | 'disabled'; q: string };

export const userAdminKeys = {
  all: ['users', 'admin'] as const,
  list: (filters: UserFilters) => ['users', 'admin', filters] as const,
};

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userAdminKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.role) params.set('role', filters.role);
      if (filters.status !== 'all') params.set('disabled', String(filters.status === 'disabled'));
      if (filters.q.trim() !== '') params.set('q', filters.q.trim());
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/users?${params.toString()}`, usersPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

function useAdminMutation<TInput, TResult>(mutationFn: (input: TInput, csrfToken: string) => Promise<TResult>) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => mutationFn(input, user.csrf_token),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userAdminKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useUpdateUser() {
  return useAdminMutation(({ id, update }: { id: number; update: UserUpdate }, csrfToken) =>
    apiRequest(`/api/v1/users/${id}`, userSummarySchema, { method: 'PATCH', json: update, csrfToken }),
  );
}

/** Sets `password`, or generates one when it is absent (answered once). */
export function useResetPassword() {
  return useAdminMutation(({ id, password }: { id: number; password?: string }, csrfToken) =>
    apiRequest(`/api/v1/users/${id}/password`, passwordResetResultSchema, { method: 'POST', json: password ? { password } : {}, csrfToken }),
  );
}
