// Writes of personas and their journey maps; each refreshes the lists and coverage that show them.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { journeyMapSchema, personaSchema, type JourneyMapInput, type PersonaInput } from '../../../shared/audiences';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { personaKeys, personaPath } from './persona-queries';

/** Creates a persona when `id` is null, replaces it otherwise. */
export function useSavePersona(id: number | null) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonaInput) =>
      apiRequest(id === null ? '/api/v1/personas' : personaPath(id), personaSchema, {
        method: id === null ? 'POST' : 'PUT',
        json: input,
        csrfToken: user.csrf_token,
      }),
    onSuccess: async (persona) => {
      queryClient.setQueryData(personaKeys.detail(persona.id), persona);
      await queryClient.invalidateQueries({ queryKey: personaKeys.list });
      await queryClient.invalidateQueries({ queryKey: personaKeys.coverage });
    },
  });
}

export function useDeletePersona(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent(personaPath(id), { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: personaKeys.detail(id) });
      queryClient.removeQueries({ queryKey: personaKeys.journey(id) });
      await queryClient.invalidateQueries({ queryKey: personaKeys.list });
      await queryClient.invalidateQueries({ queryKey: personaKeys.coverage });
    },
  });
}

export function useSaveJourney(id: number) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JourneyMapInput) =>
      apiRequest(`${personaPath(id)}/journey`, journeyMapSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: (journey) => queryClient.setQueryData(personaKeys.journey(id), journey),
  });
}
