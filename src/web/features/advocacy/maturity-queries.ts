// The maturity model and onboarding waves (ADR 0033): my stage and the self-assessment; stages, people
// by stage, adoption and waves for who runs the programme.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  adoptionSchema,
  assessmentResultSchema,
  inviteResultSchema,
  myMaturitySchema,
  stagePeopleSchema,
  stagesOverviewSchema,
  suggestedWavesSchema,
  waveListSchema,
  waveSchema,
  type AssessmentAnswers,
  type WaveInput,
} from '../../../shared/advocacy-maturity';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const maturityKeys = {
  me: ['advocacy', 'maturity', 'me'] as const,
  planning: ['advocacy', 'planning'] as const,
  stages: ['advocacy', 'planning', 'stages'] as const,
  people: (stage: number) => ['advocacy', 'planning', 'people', stage] as const,
  adoption: ['advocacy', 'planning', 'adoption'] as const,
  suggested: ['advocacy', 'planning', 'suggested'] as const,
  waves: ['advocacy', 'planning', 'waves'] as const,
  content: ['advocacy', 'planning', 'content'] as const,
};

export function useMyMaturity() {
  return useQuery({ queryKey: maturityKeys.me, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/maturity/me', myMaturitySchema, { signal }) });
}

export function useSubmitAssessment() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: AssessmentAnswers) =>
      apiRequest('/api/v1/advocacy/maturity/assessment', assessmentResultSchema, { method: 'POST', json: { answers }, csrfToken: user.csrf_token }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: maturityKeys.me }),
  });
}

export function useStages() {
  return useQuery({ queryKey: maturityKeys.stages, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/maturity/stages', stagesOverviewSchema, { signal }) });
}

export function useStagePeople(stage: number | null) {
  return useInfiniteQuery({
    queryKey: maturityKeys.people(stage ?? -1),
    enabled: stage !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/v1/advocacy/maturity/people?stage=${stage}&limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, stagePeopleSchema, {
        signal,
      }),
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useAdoption(weeks = 12) {
  return useQuery({
    queryKey: [...maturityKeys.adoption, weeks],
    queryFn: ({ signal }) => apiRequest(`/api/v1/advocacy/maturity/adoption?weeks=${weeks}`, adoptionSchema, { signal }),
  });
}

export function useSuggestedWaves() {
  return useQuery({
    queryKey: maturityKeys.suggested,
    queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/waves/suggested', suggestedWavesSchema, { signal }),
  });
}

export function useWaves() {
  return useQuery({ queryKey: maturityKeys.waves, queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/waves', waveListSchema, { signal }) });
}

/** The library's content to suggest in a wave (title by id); empty when the library is not there. */
const contentListSchema = z.object({ items: z.array(z.object({ id: z.number().int(), title: z.string() }).loose()) }).loose();
export function useContentOptions() {
  return useQuery({
    queryKey: maturityKeys.content,
    queryFn: ({ signal }) => apiRequest('/api/v1/advocacy/content?limit=100', contentListSchema, { signal }).catch(() => ({ items: [] })),
  });
}

export function useSaveWave() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, wave }: { id: number | null; wave: WaveInput }) =>
      apiRequest(id === null ? '/api/v1/advocacy/waves' : `/api/v1/advocacy/waves/${id}`, waveSchema, {
        method: id === null ? 'POST' : 'PUT',
        json: wave,
        csrfToken: user.csrf_token,
      }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: maturityKeys.planning }),
  });
}

export function useDeleteWave() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequestNoContent(`/api/v1/advocacy/waves/${id}`, { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: maturityKeys.planning }),
  });
}

export function useInviteWave() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest(`/api/v1/advocacy/waves/${id}/invite`, inviteResultSchema, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: maturityKeys.planning }),
  });
}
