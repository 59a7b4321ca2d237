// Server state of the content library and sharing (ADR 0030): the employee's library, sharing, own
// stats and engagement reports; the manager's content list, saving, archiving, analytics and import.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { shareResultSchema, type ContentInput, type Network } from '../../../shared/advocacy';
import {
  contentListSchema,
  contentViewSchema,
  engagementImportResultSchema,
  engagementReportSchema,
  librarySchema,
  myShareStatsSchema,
  shareAnalyticsSchema,
  type ContentPatch,
} from '../../../shared/advocacy-sharing';

export const sharingKeys = {
  library: ['advocacy', 'library'] as const,
  myStats: ['advocacy', 'me', 'stats'] as const,
  content: ['advocacy', 'content'] as const,
  analytics: (from: string, to: string) => ['advocacy', 'analytics', from, to] as const,
};

export function useLibrary() {
  return useQuery({ queryKey: sharingKeys.library, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/library', librarySchema, { signal }) });
}

export function useShare() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, network, text }: { id: number; network: Network; text: string }) =>
      apiRequest(`/api/v1/advocacy/content/${id}/share`, shareResultSchema, { method: 'POST', json: { network, text }, csrfToken: user.csrf_token }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: sharingKeys.library });
      await queryClient.invalidateQueries({ queryKey: sharingKeys.myStats });
    },
  });
}

export function useMyShareStats() {
  return useQuery({ queryKey: sharingKeys.myStats, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/me/stats', myShareStatsSchema, { signal }) });
}

export function useReportEngagement() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...figures }: { code: string; reactions: number; comments: number; reshares: number }) =>
      apiRequest(`/api/v1/advocacy/links/${encodeURIComponent(code)}/engagement`, engagementReportSchema, {
        method: 'POST',
        json: figures,
        csrfToken: user.csrf_token,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.myStats }),
  });
}

export function useContentList() {
  return useInfiniteQuery({
    queryKey: sharingKeys.content,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/v1/advocacy/content?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, contentListSchema, { signal }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useSaveContent() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ContentInput | ContentPatch }) =>
      apiRequest(id === null ? '/api/v1/advocacy/content' : `/api/v1/advocacy/content/${id}`, contentViewSchema, {
        method: id === null ? 'POST' : 'PATCH',
        json: input,
        csrfToken: user.csrf_token,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['advocacy'] }),
  });
}

export function useArchiveContent() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/api/v1/advocacy/content/${id}`, contentViewSchema, { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['advocacy'] }),
  });
}

export function useShareAnalytics(from: string, to: string) {
  return useQuery({
    queryKey: sharingKeys.analytics(from, to),
    queryFn: ({ signal }) => apiRequest(`/api/v1/advocacy/analytics?from=${from}&to=${to}`, shareAnalyticsSchema, { signal }),
  });
}

export function useImportEngagement() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      apiRequest('/api/v1/advocacy/engagement/import', engagementImportResultSchema, {
        method: 'POST',
        raw: { body: file, contentType: 'text/csv' },
        csrfToken: user.csrf_token,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['advocacy'] }),
  });
}

export type ImportResult = z.infer<typeof engagementImportResultSchema>;
