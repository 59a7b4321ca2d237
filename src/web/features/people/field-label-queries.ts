// Labels of custom attributes and directory values (GET for everyone, PUT for admins) as TanStack
// Query hooks; the list is small and changes rarely, so it is cached for long.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldLabelListSchema, type FieldLabelInput } from '../../../shared/field-labels';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';

export const fieldLabelKeys = { all: ['field-labels'] as const };

const PATH = '/api/v1/people/field-labels';

export function useFieldLabels() {
  return useQuery({
    queryKey: fieldLabelKeys.all,
    queryFn: ({ signal }) => apiRequest(PATH, fieldLabelListSchema, { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSaveFieldLabel() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: FieldLabelInput) => apiRequest(PATH, fieldLabelListSchema, { method: 'PUT', json: label, csrfToken: user.csrf_token }),
    onSuccess: async (list) => {
      queryClient.setQueryData(fieldLabelKeys.all, list);
      // The rule builder's field catalogue carries attribute labels too.
      await queryClient.invalidateQueries({ queryKey: ['audiences', 'fields'] });
    },
  });
}
