// Contributions (evidence of what someone knows): a person's list in pages, sharing a post or
// document, and deleting one's own. Writes refresh the list and earlier expert searches.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { contributionSchema, contributionsPageSchema, type ContributionCreate } from '../../../shared/community';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

const PAGE_SIZE = 10;

export const contributionKeys = { of: (personId: number) => ['contributions', personId] as const };

export function useContributions(personId: number) {
  return useInfiniteQuery({
    queryKey: contributionKeys.of(personId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/people/${personId}/contributions?${params.toString()}`, contributionsPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

export function useCreateContribution() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContributionCreate) =>
      apiRequest('/api/v1/contributions', contributionSchema, { method: 'POST', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: contributionKeys.of(created.person_id) });
      await queryClient.invalidateQueries({ queryKey: ['experts', 'search'] });
    },
  });
}

export function useDeleteContribution(personId: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequestNoContent(`/api/v1/contributions/${id}`, { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: contributionKeys.of(personId) });
      await queryClient.invalidateQueries({ queryKey: ['experts', 'search'] });
    },
  });
}
