// The leader cascade over the API as TanStack Query hooks: a leader's briefings (list, one, save a
// draft, preview, release) and a campaign's per-leader report for the communicator.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { briefingListSchema, briefingSchema, cascadeReportSchema, draftPreviewSchema, releaseSchema, type DraftInput } from '../../../shared/cascade';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const briefingKeys = {
  list: ['briefings', 'list'] as const,
  detail: (campaignId: number) => ['briefings', 'detail', campaignId] as const,
  report: (campaignId: number) => ['campaigns', 'cascade', campaignId] as const,
};

const briefingPath = (campaignId: number) => `/api/v1/briefings/${campaignId}`;

export function useBriefings(enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: briefingKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '25' });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/briefings?${params.toString()}`, briefingListSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

export function useBriefing(campaignId: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: briefingKeys.detail(campaignId),
    queryFn: ({ signal }) => apiRequest(briefingPath(campaignId), briefingSchema, { signal }),
  });
}

export function useSaveDraft(campaignId: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DraftInput) =>
      apiRequest(`${briefingPath(campaignId)}/draft`, briefingSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: (briefing) => queryClient.setQueryData(briefingKeys.detail(campaignId), briefing),
  });
}

export function usePreviewDraft(campaignId: number) {
  const user = useCurrentUser();
  return useMutation({
    mutationFn: (input: { variant: string; language: string; subject: string; body: string }) =>
      apiRequest(`${briefingPath(campaignId)}/preview`, draftPreviewSchema, { method: 'POST', json: input, csrfToken: user.csrf_token }),
  });
}

export function useReleaseBriefing(campaignId: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${briefingPath(campaignId)}/release`, releaseSchema, { method: 'POST', csrfToken: user.csrf_token }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: briefingKeys.detail(campaignId) });
      await queryClient.invalidateQueries({ queryKey: briefingKeys.list });
    },
  });
}

/** A campaign's cascade report; asked for again every few seconds while it is sending. */
export function useCascadeReport(campaignId: number, live: boolean) {
  return useQuery({
    queryKey: briefingKeys.report(campaignId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/campaigns/${campaignId}/cascade?limit=100`, cascadeReportSchema, { signal }),
    refetchInterval: live ? 5_000 : false,
  });
}
