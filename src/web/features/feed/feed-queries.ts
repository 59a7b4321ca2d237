// The employee's feed as TanStack Query hooks: pages by cursor (the first page also brings the pinned
// must-reads and the unread count), and marking a message read or acknowledging a must-read; and the
// measurements a message reports (its dwell, the links followed), which never disturb reading.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAX_FEED_DWELL_MS, feedClickSchema, feedPageSchema } from '../../../shared/delivery';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

const PAGE_SIZE = 20;
/** How often the navigation's unread count is asked for again. */
const UNREAD_REFRESH_MS = 60_000;

export const feedKeys = {
  all: ['feed'] as const,
  list: ['feed', 'list'] as const,
  unread: ['feed', 'unread'] as const,
};

const feedPath = (cursor: string | null, limit: number) => {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/feed?${params.toString()}`;
};

export function useFeed() {
  return useInfiniteQuery({
    queryKey: feedKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiRequest(feedPath(pageParam, PAGE_SIZE), feedPageSchema, { signal }),
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

/** The number of unread messages, for the navigation's badge; off for users without a person. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: feedKeys.unread,
    queryFn: async ({ signal }) => (await apiRequest(feedPath(null, 1), feedPageSchema, { signal })).unread,
    refetchInterval: UNREAD_REFRESH_MS,
  });
}

function useFeedAction(action: 'read' | 'acknowledge') {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequestNoContent(`/api/v1/feed/${id}/${action}`, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: feedKeys.all });
    },
  });
}

export const useMarkRead = () => useFeedAction('read');
export const useAcknowledge = () => useFeedAction('acknowledge');

/**
 * Reports how long a message was on screen (ADR 0025). `keepalive` lets it finish while the page hides
 * or closes; a failure is dropped, since a lost measurement must not bother the reader.
 */
export function reportFeedRead(id: number, dwellMs: number, csrfToken: string): void {
  const dwell = Math.min(MAX_FEED_DWELL_MS, Math.max(0, Math.round(dwellMs)));
  apiRequestNoContent(`/api/v1/feed/${id}/reads`, { method: 'POST', json: { dwell_ms: dwell }, csrfToken, keepalive: true }).catch(() => undefined);
}

/**
 * Reports a link of a message followed, by its index in the message (`data-link`), as the browser opens
 * it: sent before the new tab loads, kept alive if this page closes; a failure is dropped.
 */
export function reportFeedClick(id: number, link: number, csrfToken: string): void {
  apiRequest(`/api/v1/feed/${id}/clicks`, feedClickSchema, { method: 'POST', json: { link }, csrfToken, keepalive: true }).catch(() => undefined);
}
