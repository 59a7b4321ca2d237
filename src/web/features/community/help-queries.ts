// Help requests as TanStack Query hooks: my inbox, one request, and every step of the exchange
// (ask, accept, decline, write, resolve, thank); each write refreshes the views that show it.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { helpInboxSchema, helpRequestSchema, kudosSchema, type HelpRequest } from '../../../shared/community';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

const PAGE_SIZE = 20;
/** While experts are being invited or a conversation runs, the other side's steps show up this fast. */
const LIVE_REFRESH_MS = 3000;

export const helpKeys = {
  all: ['help'] as const,
  inbox: ['help', 'inbox'] as const,
  detail: (id: number) => ['help', 'detail', id] as const,
};

const requestPath = (id: number) => `/api/v1/help-requests/${id}`;

export function useHelpInbox() {
  return useInfiniteQuery({
    queryKey: helpKeys.inbox,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/help-requests?${params.toString()}`, helpInboxSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    refetchInterval: 30_000,
  });
}

/** Polls while the request is still moving: being routed to experts, or in conversation. */
export function useHelpRequest(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: helpKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(requestPath(id), helpRequestSchema, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'open' || status === 'accepted' ? LIVE_REFRESH_MS : false;
    },
  });
}

export function useAskForHelp() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: string) =>
      apiRequest('/api/v1/help-requests', helpRequestSchema.pick({ id: true, status: true }), {
        method: 'POST',
        json: { question },
        csrfToken: user.csrf_token,
      }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: helpKeys.inbox }),
  });
}

export type HelpStep = { kind: 'accept' } | { kind: 'resolve' } | { kind: 'message'; body: string };

/** Accepting, writing and resolving answer with the updated request, which replaces the cached one. */
export function useHelpStep(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: HelpStep): Promise<HelpRequest> =>
      apiRequest(`${requestPath(id)}/${step.kind === 'message' ? 'messages' : step.kind}`, helpRequestSchema, {
        method: 'POST',
        json: step.kind === 'message' ? { body: step.body } : {},
        csrfToken: user.csrf_token,
      }),
    onSuccess: async (request) => {
      queryClient.setQueryData(helpKeys.detail(id), request);
      await queryClient.invalidateQueries({ queryKey: helpKeys.inbox });
    },
  });
}

export function useDeclineHelp(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent(`${requestPath(id)}/decline`, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: helpKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: helpKeys.inbox });
    },
  });
}

/** The asker's public thanks; it shows as kudos on the expert's profile. */
export function useThankExpert(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => apiRequest(`${requestPath(id)}/thank`, kudosSchema, { method: 'POST', json: { message }, csrfToken: user.csrf_token }),
    onSuccess: async (kudos) => {
      await queryClient.invalidateQueries({ queryKey: helpKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: ['kudos', kudos.to] });
    },
  });
}
