// Referrals (ADR 0034): mine with progress, the pipeline I work, moving one, the dashboard.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferralStatus } from '../../../shared/advocacy';
import { myReferralsSchema, referralDashboardSchema, referralSchema, referralsPageSchema, type ReferralDraft } from '../../../shared/referrals';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const referralKeys = {
  all: ['referrals'] as const,
  mine: ['referrals', 'mine'] as const,
  pipeline: (kind: string | null) => ['referrals', 'pipeline', kind] as const,
  dashboard: ['referrals', 'dashboard'] as const,
};

export function useMyReferrals() {
  return useQuery({
    queryKey: referralKeys.mine,
    queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/referrals/mine', myReferralsSchema, { signal }),
  });
}

export function useRefer() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ReferralDraft) => apiRequest('/api/v1/advocacy/referrals', referralSchema, { method: 'POST', json: draft, csrfToken: user.csrf_token }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function usePipeline(kind: string | null) {
  return useQuery({
    queryKey: referralKeys.pipeline(kind),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/advocacy/referrals?limit=200${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`, referralsPageSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMoveReferral() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; status: ReferralStatus; note: string }) =>
      apiRequest(`/api/v1/advocacy/referrals/${input.id}`, referralSchema, {
        method: 'PATCH',
        json: { status: input.status, ...(input.note.trim() ? { note: input.note.trim() } : {}) },
        csrfToken: user.csrf_token,
      }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function useReferralDashboard() {
  return useQuery({
    queryKey: referralKeys.dashboard,
    queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/referrals/dashboard', referralDashboardSchema, { signal }),
  });
}
