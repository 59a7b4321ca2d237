// Points, badges, levels, leaderboards and the influence score as TanStack Query hooks (ADR 0031, 0032).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { advocacySettingsSchema, leaderboardSchema, type AdvocacySettings, type LeaderboardPeriod } from '../../../shared/advocacy';
import { advocacyMeSchema, influenceScoreSchema, pointsPageSchema } from '../../../shared/advocacy-points';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const pointsKeys = {
  me: ['advocacy', 'me'] as const,
  points: ['advocacy', 'me', 'points'] as const,
  score: ['advocacy', 'me', 'score'] as const,
  board: ['advocacy', 'leaderboard'] as const,
  settings: ['advocacy', 'settings'] as const,
};

export function useAdvocacyMe() {
  return useQuery({ queryKey: pointsKeys.me, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/me', advocacyMeSchema, { signal }) });
}

export function useMyPoints() {
  return useQuery({ queryKey: pointsKeys.points, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/me/points?limit=10', pointsPageSchema, { signal }) });
}

export function useMyScore() {
  return useQuery({ queryKey: pointsKeys.score, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/me/score', influenceScoreSchema, { signal }) });
}

export function useSetParticipation() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { joined?: boolean; leaderboard_opt_out?: boolean }) =>
      apiRequest('/api/v1/advocacy/me/participation', advocacyMeSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (me) => {
      queryClient.setQueryData(pointsKeys.me, me);
      await queryClient.invalidateQueries({ queryKey: pointsKeys.board });
    },
  });
}

export type BoardScope = { period: LeaderboardPeriod; department?: string; team?: string };

export function useLeaderboard(scope: BoardScope) {
  const params = new URLSearchParams({ period: scope.period });
  if (scope.department) params.set('department', scope.department);
  if (scope.team) params.set('team', scope.team);
  return useQuery({
    queryKey: [...pointsKeys.board, scope],
    queryFn: ({ signal }) => apiRequest(`/api/v1/advocacy/leaderboard?${params.toString()}`, leaderboardSchema, { signal }),
  });
}

export function useAdvocacySettings() {
  return useQuery({ queryKey: pointsKeys.settings, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/settings', advocacySettingsSchema, { signal }) });
}

export function useSaveAdvocacySettings() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdvocacySettings) =>
      apiRequest('/api/v1/advocacy/settings', advocacySettingsSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: (saved) => queryClient.setQueryData(pointsKeys.settings, saved),
  });
}
