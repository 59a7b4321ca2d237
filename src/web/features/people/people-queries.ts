// Reads of the people API as TanStack Query hooks, with the cache keys writes invalidate.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { LIMITS, peopleFacetsSchema, peoplePageSchema, personProfileSchema, type ExperienceLevel, type Generation } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';

/** Directory filters as the URL and the API both spell them; absent means "any". */
export type DirectoryFilters = {
  q?: string;
  department?: string;
  location?: string;
  skill?: string;
  generation?: Generation;
  experience_level?: ExperienceLevel;
};

const PAGE_SIZE = 24;

export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: DirectoryFilters) => ['people', 'list', filters] as const,
  facets: ['people', 'facets'] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
  me: ['people', 'me'] as const,
};

function directoryQueryString(filters: DirectoryFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(Math.min(PAGE_SIZE, LIMITS.pageSize)));
  return params.toString();
}

/** Directory results, one page per "Load more"; the previous results stay visible while refetching. */
export function usePeopleSearch(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiRequest(`/api/v1/people?${directoryQueryString(filters, pageParam)}`, peoplePageSchema, { signal }),
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    placeholderData: keepPreviousData,
  });
}

/** Values for the directory's filter dropdowns; they change only on import, so cache them longer. */
export function usePeopleFacets() {
  return useQuery({
    queryKey: peopleKeys.facets,
    queryFn: ({ signal }) => apiRequest('/api/v1/people/facets', peopleFacetsSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** @param id pass `enabled: false` for an id that did not parse, so no request is made. */
export function usePerson(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: peopleKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/v1/people/${id}`, personProfileSchema, { signal }),
  });
}

/** The signed-in user's own profile; a 404 means their account is not linked to a person. */
export function useMyProfile() {
  return useQuery({
    queryKey: peopleKeys.me,
    queryFn: ({ signal }) => apiRequest('/api/v1/people/me', personProfileSchema, { signal }),
  });
}
