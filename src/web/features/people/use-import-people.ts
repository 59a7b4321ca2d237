// The people import in the web app: upload a file (POST /people/import answers at once with the
// import), follow it by polling until it ends, and page through its report.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importProblemsPageSchema, peopleImportSchema, type PeopleImport } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { peopleKeys } from './people-queries';

/** Accepted file endings and the media type the server reads each as. */
export const IMPORT_CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
};

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;
const PROBLEMS_PAGE = 100;

export const importKeys = {
  detail: (id: number) => ['people-imports', id] as const,
  problems: (id: number) => ['people-imports', id, 'problems'] as const,
};

export function importContentType(fileName: string): string | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return IMPORT_CONTENT_TYPES[extension] ?? null;
}

export const isFinished = (imp: PeopleImport) => imp.state === 'done' || imp.state === 'failed';

/** Uploads the file as it is (the browser streams it); answers with the import just queued. */
export function useUploadPeopleFile() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, contentType }: { file: File; contentType: string }) =>
      apiRequest(`/api/v1/people/import?file_name=${encodeURIComponent(file.name.slice(0, 255))}`, peopleImportSchema, {
        method: 'POST',
        raw: { body: file, contentType },
        csrfToken: user.csrf_token,
      }),
    onSuccess: (imp) => queryClient.setQueryData(importKeys.detail(imp.id), imp),
  });
}

/** An import, asked again every second until it ends; the directory is refreshed when it does. */
export function usePeopleImport(id: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: async () => {
      const imp = await apiRequest(`/api/v1/people/imports/${id}`, peopleImportSchema);
      if (isFinished(imp)) await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      return imp;
    },
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
}

/** The report of a finished import, a page at a time. */
export function useImportProblems(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.problems(id),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const cursor = pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '';
      return apiRequest(`/api/v1/people/imports/${id}/problems?limit=${PROBLEMS_PAGE}${cursor}`, importProblemsPageSchema, { signal });
    },
    getNextPageParam: (page) => page.next_cursor,
  });
}
