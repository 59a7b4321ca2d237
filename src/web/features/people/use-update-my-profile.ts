// Saves the signed-in user's own profile (PATCH /people/me) and refreshes every view of it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personProfileSchema, type ProfileUpdate } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { peopleKeys } from './people-queries';

export function useUpdateMyProfile() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ProfileUpdate) =>
      apiRequest('/api/v1/people/me', personProfileSchema, {
        method: 'PATCH',
        json: update,
        csrfToken: user.csrf_token,
      }),
    onSuccess: async (profile) => {
      queryClient.setQueryData(peopleKeys.me, profile);
      queryClient.setQueryData(peopleKeys.detail(profile.id), profile);
      // Skills feed the directory cards and facets, so those are stale now too.
      await queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.facets });
    },
  });
}
