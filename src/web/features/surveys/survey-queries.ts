// Reads and writes of the surveys API as TanStack Query hooks: the communicators' list, one survey,
// what a respondent sees, the surveys open to the signed-in person (the feed), and results by round.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSurvey, UpdateSurvey } from '../../../shared/dialogue';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { openSurveysSchema, receiptSchema, respondentSurveySchema, resultsSchema, surveyListSchema, surveyViewSchema } from './survey-schemas';

const LIST_PAGE_SIZE = 25;

export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  detail: (id: number) => ['surveys', 'detail', id] as const,
  respond: (id: number) => ['surveys', 'respond', id] as const,
  open: ['surveys', 'open'] as const,
  results: (id: number, round: number | 'all') => ['surveys', 'results', id, round] as const,
};

/** A new survey's fields, or the changed fields of an existing one (`status` may also close it). */
export type SurveyInput = CreateSurvey | UpdateSurvey;

export const surveyPath = (id: number) => `/api/v1/surveys/${id}`;

export function useSurveys() {
  return useInfiniteQuery({
    queryKey: surveyKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(LIST_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/surveys?${params.toString()}`, surveyListSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? null,
  });
}

/** @param enabled false for an id that did not parse, so no request is made. */
export function useSurvey(id: number, enabled = true) {
  return useQuery({ enabled, queryKey: surveyKeys.detail(id), queryFn: ({ signal }) => apiRequest(surveyPath(id), surveyViewSchema, { signal }) });
}

export function useSurveyToAnswer(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: surveyKeys.respond(id),
    queryFn: ({ signal }) => apiRequest(`${surveyPath(id)}/respond`, respondentSurveySchema, { signal }),
    retry: false,
  });
}

/** Surveys the signed-in person may answer now; off for users without a person in the directory. */
export function useOpenSurveys(enabled: boolean) {
  return useQuery({ enabled, queryKey: surveyKeys.open, queryFn: ({ signal }) => apiRequest('/api/v1/surveys/open', openSurveysSchema, { signal }) });
}

export function useSurveyResults(id: number, round: number | 'all') {
  return useQuery({
    queryKey: surveyKeys.results(id, round),
    queryFn: ({ signal }) => apiRequest(`${surveyPath(id)}/results${round === 'all' ? '' : `?round=${round}`}`, resultsSchema, { signal }),
  });
}

/** Creates a survey when `id` is null, changes it otherwise. */
export function useSaveSurvey(id: number | null) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyInput) =>
      id === null
        ? apiRequest('/api/v1/surveys', surveyViewSchema.pick({ id: true }), { method: 'POST', json: input, csrfToken: user.csrf_token })
        : apiRequest(surveyPath(id), surveyViewSchema, { method: 'PATCH', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.detail(saved.id) });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.open });
    },
  });
}

export function useSubmitAnswers(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, unknown>) =>
      apiRequest(`${surveyPath(id)}/responses`, receiptSchema, { method: 'POST', json: { answers }, csrfToken: user.csrf_token }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.open });
    },
  });
}

/** Deletes a draft nobody answered. */
export function useDeleteSurvey(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent(surveyPath(id), { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: surveyKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list });
    },
  });
}
