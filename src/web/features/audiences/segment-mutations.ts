// Writes of saved segments (create, update, delete); each refreshes the lists that show segments.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { segmentSchema, type SegmentInput } from '../../../shared/audiences';
import { apiRequest, apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { audienceKeys, segmentPath } from './audience-queries';

export function useCreateSegment() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) => apiRequest('/api/v1/segments', segmentSchema, { method: 'POST', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (segment) => {
      queryClient.setQueryData(audienceKeys.segment(segment.key), segment);
      await queryClient.invalidateQueries({ queryKey: audienceKeys.segmentList });
    },
  });
}

export function useUpdateSegment(key: string) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) => apiRequest(segmentPath(key), segmentSchema, { method: 'PUT', json: input, csrfToken: user.csrf_token }),
    onSuccess: async (segment) => {
      queryClient.setQueryData(audienceKeys.segment(key), segment);
      // Other segments and personas may refer to this one, so every count can have changed.
      await queryClient.invalidateQueries({ queryKey: audienceKeys.segments });
      await queryClient.invalidateQueries({ queryKey: ['personas', 'coverage'] });
    },
  });
}

export function useDeleteSegment(key: string) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent(segmentPath(key), { method: 'DELETE', csrfToken: user.csrf_token }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: audienceKeys.segment(key) });
      queryClient.removeQueries({ queryKey: audienceKeys.members(key) });
      await queryClient.invalidateQueries({ queryKey: audienceKeys.segmentList });
    },
  });
}
