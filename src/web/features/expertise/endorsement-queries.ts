// Who vouches for which of a person's skills: the counts, and endorsing or withdrawing one's own +1.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { endorsementsSchema } from './expertise-schemas';
import { expertiseKeys } from './expert-queries';

const endorsementsPath = (personId: number) => `/api/v1/people/${personId}/endorsements`;

export function useEndorsements(personId: number) {
  return useQuery({
    queryKey: expertiseKeys.endorsements(personId),
    queryFn: ({ signal }) => apiRequest(endorsementsPath(personId), endorsementsSchema, { signal }),
    // Older servers do not know the route; a 404 then just means "no counts to show".
    retry: false,
  });
}

/** `endorse: true` adds the viewer's +1 for `skill`, `false` withdraws it; the counts reload after. */
export function useToggleEndorsement(personId: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ skill, endorse }: { skill: string; endorse: boolean }) =>
      endorse
        ? apiRequestNoContent(endorsementsPath(personId), { method: 'POST', json: { skill }, csrfToken: user.csrf_token })
        : apiRequestNoContent(`${endorsementsPath(personId)}/${encodeURIComponent(skill)}`, {
            method: 'DELETE',
            csrfToken: user.csrf_token,
          }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: expertiseKeys.endorsements(personId) });
      // Endorsements weigh in the ranking, so earlier expert searches are stale now.
      await queryClient.invalidateQueries({ queryKey: ['experts'] });
    },
  });
}
