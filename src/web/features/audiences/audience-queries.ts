// Reads of the audiences API (field catalogue, suggested values, segments) as TanStack Query hooks.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fieldValuesSchema, segmentSchema } from '../../../shared/audiences';
import { apiRequest } from '../../app/api-client';
import { ruleFieldsSchema, segmentListSchema, segmentMembersPageSchema } from './audience-schemas';

const MEMBERS_PAGE_SIZE = 50;

export const audienceKeys = {
  fields: ['audiences', 'fields'] as const,
  values: (field: string, q: string) => ['audiences', 'values', field, q] as const,
  preview: (request: string) => ['audiences', 'preview', request] as const,
  segments: ['segments'] as const,
  segmentList: ['segments', 'list'] as const,
  segment: (key: string) => ['segments', 'detail', key] as const,
  members: (key: string) => ['segments', 'members', key] as const,
};

export const segmentPath = (key: string) => `/api/v1/segments/${encodeURIComponent(key)}`;

/** The fields a rule can name; they change only with imports, so cache them for a while. */
export function useRuleFields() {
  return useQuery({
    queryKey: audienceKeys.fields,
    queryFn: ({ signal }) => apiRequest('/api/v1/audiences/fields', ruleFieldsSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The most common existing values of one field, optionally those matching `q`. */
export function useFieldValues(field: string, q: string, enabled: boolean) {
  return useQuery({
    enabled: enabled && field !== '',
    queryKey: audienceKeys.values(field, q),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/audiences/fields/${encodeURIComponent(field)}/values?${new URLSearchParams({ q }).toString()}`, fieldValuesSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSegments() {
  return useQuery({
    queryKey: audienceKeys.segmentList,
    queryFn: ({ signal }) => apiRequest('/api/v1/segments', segmentListSchema, { signal }),
  });
}

export function useSegment(key: string) {
  return useQuery({
    queryKey: audienceKeys.segment(key),
    queryFn: ({ signal }) => apiRequest(segmentPath(key), segmentSchema, { signal }),
  });
}

/** Members of a saved segment, one page per "Load more". */
export function useSegmentMembers(key: string) {
  return useInfiniteQuery({
    queryKey: audienceKeys.members(key),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(MEMBERS_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`${segmentPath(key)}/members?${params.toString()}`, segmentMembersPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

export function segmentMembersCsvUrl(key: string): string {
  return `${segmentPath(key)}/members.csv`;
}
