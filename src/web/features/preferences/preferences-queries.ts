// Preferences and topics as TanStack Query hooks: my preferences (read, save) and the topics that
// communicators and admins manage (list, create, change).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { preferencesSchema, topicListSchema, topicSchema, type PreferencesInput, type TopicInput } from '../../../shared/preferences';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const preferenceKeys = {
  mine: ['preferences', 'mine'] as const,
  topics: ['topics'] as const,
};

export function usePreferences() {
  return useQuery({ queryKey: preferenceKeys.mine, queryFn: ({ signal }) => apiRequest('/api/v1/me/preferences', preferencesSchema, { signal }) });
}

export function useSavePreferences() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) =>
      apiRequest('/api/v1/me/preferences', preferencesSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: (saved) => queryClient.setQueryData(preferenceKeys.mine, saved),
  });
}

/** Topics by key; `enabledOnly` for a campaign's topic picker. */
export function useTopics(enabledOnly = false) {
  return useQuery({
    queryKey: [...preferenceKeys.topics, enabledOnly],
    queryFn: ({ signal }) => apiRequest(`/api/v1/topics${enabledOnly ? '?enabled=true' : ''}`, topicListSchema, { signal }),
  });
}

/** Creates a topic when `id` is null, changes it otherwise. */
export function useSaveTopic() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: TopicInput }) =>
      apiRequest(id === null ? '/api/v1/topics' : `/api/v1/topics/${id}`, topicSchema, {
        method: id === null ? 'POST' : 'PUT',
        json: input,
        csrfToken: user.csrf_token,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: preferenceKeys.topics });
    },
  });
}
