// Uploads an HR file (CSV or JSON Lines) to POST /people/import and refreshes the directory afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importReportSchema } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { peopleKeys } from './people-queries';

/** Accepted file endings and the media type the server reads each as. */
export const IMPORT_CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
};

export function importContentType(fileName: string): string | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return IMPORT_CONTENT_TYPES[extension] ?? null;
}

export function useImportPeople() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, contentType }: { file: File; contentType: string }) =>
      apiRequest('/api/v1/people/import', importReportSchema, {
        method: 'POST',
        raw: { body: await file.text(), contentType },
        csrfToken: user.csrf_token,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
