// Conversation as TanStack Query hooks (ADR 0028): a campaign's thread, the comment counts of feed
// items, writing, reacting, reporting, the moderator queue, notifications and the sentiment figure.
// Every write refreshes the conversation caches, so counts, threads and notifications stay in step.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  commentCountsSchema,
  moderationQueueSchema,
  notificationPageSchema,
  reactionSummarySchema,
  replySchema,
  sentimentSchema,
  threadSchema,
  type ReactionKind,
} from '../../../shared/conversation';
import { peoplePageSchema } from '../../../shared/people';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const conversationKeys = {
  all: ['conversation'] as const,
  thread: (campaignId: number) => ['conversation', 'thread', campaignId] as const,
  counts: (ids: readonly number[]) => ['conversation', 'counts', ids.join(',')] as const,
  queue: ['conversation', 'moderation'] as const,
  notifications: ['conversation', 'notifications'] as const,
  sentiment: (campaignId: number) => ['conversation', 'sentiment', campaignId] as const,
};

const NOTIFICATIONS_REFRESH_MS = 60_000;

export function useThread(campaignId: number, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: conversationKeys.thread(campaignId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/campaigns/${campaignId}/comments?${params.toString()}`, threadSchema, { signal });
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** How many comments each campaign's thread has, for the feed items shown. */
export function useCommentCounts(campaignIds: readonly number[]) {
  const ids = [...new Set(campaignIds)].slice(0, 50);
  return useQuery({
    enabled: ids.length > 0,
    queryKey: conversationKeys.counts(ids),
    queryFn: async ({ signal }) => {
      const page = await apiRequest(`/api/v1/comment-counts?campaigns=${ids.join(',')}`, commentCountsSchema, { signal });
      return new Map(page.items.map((i) => [i.campaign_id, i.comments]));
    },
    placeholderData: keepPreviousData,
  });
}

/** A write of the conversation with the caller's CSRF token; refreshes every conversation cache after it. */
function useConversationWrite<V, R>(write: (vars: V, csrfToken: string) => Promise<R>) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => write(vars, user.csrf_token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

export const useCreateComment = (campaignId: number) =>
  useConversationWrite((vars: { body: string; parent_id?: number }, csrfToken) =>
    apiRequest(`/api/v1/campaigns/${campaignId}/comments`, replySchema, { method: 'POST', json: vars, csrfToken }),
  );

export const useEditComment = () =>
  useConversationWrite((vars: { id: number; body: string }, csrfToken) =>
    apiRequest(`/api/v1/comments/${vars.id}`, replySchema, { method: 'PATCH', json: { body: vars.body }, csrfToken }),
  );

export const useDeleteComment = () =>
  useConversationWrite((id: number, csrfToken) => apiRequestNoContent(`/api/v1/comments/${id}`, { method: 'DELETE', csrfToken }));

/** Toggles my reaction on a campaign (`target.campaign`) or a comment (`target.comment`). */
export const useToggleReaction = () =>
  useConversationWrite((vars: { campaign?: number; comment?: number; kind: ReactionKind }, csrfToken) =>
    apiRequest(
      vars.comment !== undefined ? `/api/v1/comments/${vars.comment}/reactions` : `/api/v1/campaigns/${vars.campaign}/reactions`,
      reactionSummarySchema,
      { method: 'POST', json: { kind: vars.kind }, csrfToken },
    ),
  );

export const useReportComment = () =>
  useConversationWrite((vars: { id: number; reason: string }, csrfToken) =>
    apiRequestNoContent(`/api/v1/comments/${vars.id}/reports`, { method: 'POST', json: { reason: vars.reason }, csrfToken }),
  );

export const useModerateComment = () =>
  useConversationWrite((vars: { id: number; action: 'hide' | 'unhide' | 'dismiss' }, csrfToken) =>
    apiRequest(`/api/v1/comments/${vars.id}/moderation`, replySchema, { method: 'POST', json: { action: vars.action }, csrfToken }),
  );

export function useModerationQueue() {
  return useQuery({ queryKey: conversationKeys.queue, queryFn: ({ signal }) => apiRequest('/api/v1/moderation/comments', moderationQueueSchema, { signal }) });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: conversationKeys.notifications,
    queryFn: ({ signal }) => apiRequest('/api/v1/notifications?limit=20', notificationPageSchema, { signal }),
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
  });
}

/** Marks the notifications named read, or all of mine. */
export const useMarkNotificationsRead = () =>
  useConversationWrite((ids: number[] | undefined, csrfToken) =>
    apiRequestNoContent('/api/v1/notifications/read', { method: 'POST', json: ids ? { ids } : {}, csrfToken }),
  );

export function useSentiment(campaignId: number) {
  return useQuery({
    queryKey: conversationKeys.sentiment(campaignId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/campaigns/${campaignId}/comment-sentiment`, sentimentSchema, { signal }),
  });
}

const mentionCandidatesSchema = peoplePageSchema.transform((page) => page.items.map((p) => ({ external_id: p.external_id, display_name: p.display_name })));
export type MentionCandidate = z.output<typeof mentionCandidatesSchema>[number];

/** People to mention for what is typed after `@`, from the directory search. */
export function useMentionCandidates(q: string) {
  const text = q.trim();
  return useQuery({
    enabled: text.length >= 1,
    queryKey: ['conversation-people', text],
    queryFn: ({ signal }) => apiRequest(`/api/v1/people?${new URLSearchParams({ q: text, limit: '6' }).toString()}`, mentionCandidatesSchema, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
