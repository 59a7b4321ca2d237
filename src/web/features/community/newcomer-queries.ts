// What my profile page shows about being reachable and getting started: my availability for help
// requests, mentor suggestions for my learning goals, and ambassadors as first contacts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ambassadorsSchema, mentorSuggestionsSchema, myAvailabilitySchema, type MyAvailability } from '../../../shared/community';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const newcomerKeys = {
  availability: ['experts', 'me', 'availability'] as const,
  mentors: ['mentors', 'suggestions'] as const,
  ambassadors: (location: string | null) => ['ambassadors', location] as const,
};

const AVAILABILITY_PATH = '/api/v1/experts/me/availability';

export function useMyAvailability() {
  return useQuery({
    queryKey: newcomerKeys.availability,
    queryFn: ({ signal }) => apiRequest(AVAILABILITY_PATH, myAvailabilitySchema, { signal }),
  });
}

export function useSetAvailability() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MyAvailability) => apiRequest(AVAILABILITY_PATH, myAvailabilitySchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(newcomerKeys.availability, saved);
      // Availability orders expert search results, so earlier searches are stale now.
      await queryClient.invalidateQueries({ queryKey: ['experts', 'search'] });
    },
  });
}

export function useMentorSuggestions() {
  return useQuery({
    queryKey: newcomerKeys.mentors,
    queryFn: ({ signal }) => apiRequest('/api/v1/mentors/suggestions', mentorSuggestionsSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Ambassadors, those at `location` first. */
export function useAmbassadors(location: string | null) {
  return useQuery({
    queryKey: newcomerKeys.ambassadors(location),
    queryFn: ({ signal }) => {
      const query = location ? `?${new URLSearchParams({ location }).toString()}` : '';
      return apiRequest(`/api/v1/ambassadors${query}`, ambassadorsSchema, { signal });
    },
    staleTime: 5 * 60_000,
  });
}
