// Help requests as TanStack Query hooks: my inbox, one request, and every step of the exchange
// (ask, accept, decline, write, resolve, thank, withdraw the evidence); each write refreshes the views
// that show it.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { helpInboxSchema, helpRequestSchema, kudosSchema, type HelpRequest } from '../../../shared/community';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { contributionKeys } from './contribution-queries';

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

/** `publish` on resolve is the asker's explicit choice to make the question and answers public evidence. */
export type HelpStep = { kind: 'accept' } | { kind: 'resolve'; publish: boolean } | { kind: 'message'; body: string };

const stepBody = (step: HelpStep) => (step.kind === 'message' ? { body: step.body } : step.kind === 'resolve' ? { publish: step.publish } : {});

/** Accepting, writing and resolving answer with the updated request, which replaces the cached one. */
export function useHelpStep(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: HelpStep): Promise<HelpRequest> =>
      apiRequest(`${requestPath(id)}/${step.kind === 'message' ? 'messages' : step.kind}`, helpRequestSchema, {
        method: 'POST',
        json: stepBody(step),
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

/**
 * Withdraws what a resolved request left as evidence (the asker or the expert may): it leaves the
 * expert's profile and Find help at once.
 */
export function useWithdrawHelpEvidence(request: HelpRequest) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: number) => apiRequestNoContent(`/api/v1/contributions/${evidenceId}`, { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: helpKeys.detail(request.id) });
      if (request.expert) await queryClient.invalidateQueries({ queryKey: contributionKeys.of(request.expert.id) });
      await queryClient.invalidateQueries({ queryKey: ['experts', 'search'] });
    },
  });
}
