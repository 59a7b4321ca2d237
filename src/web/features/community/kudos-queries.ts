// Kudos a person received, and giving one (a message, optionally for one of their skills).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { kudosListSchema, kudosSchema } from '../../../shared/community';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const kudosKeys = { of: (personId: number) => ['kudos', personId] as const };

export function useKudos(personId: number) {
  return useQuery({
    queryKey: kudosKeys.of(personId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/people/${personId}/kudos`, kudosListSchema, { signal }),
  });
}

export function useGiveKudos(personId: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { message: string; skill: string | null }) =>
      apiRequest('/api/v1/kudos', kudosSchema, { method: 'POST', json: { to: personId, ...input }, csrfToken: user.csrf_token }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: kudosKeys.of(personId) }),
  });
}
