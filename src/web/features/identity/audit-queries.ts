// The audit log as a TanStack Query hook: filtered, newest first, in cursor pages.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';
import { auditPageSchema, type AuditAction } from '../../../shared/audit';

const PAGE_SIZE = 50;

/** `from` and `to` are calendar days (`YYYY-MM-DD`), both inclusive, in UTC. */
export type AuditFilters = { actor: string; action: AuditAction | null; from: string; to: string };

/** The day after `YYYY-MM-DD`, since the API's `to` is exclusive. */
export function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.actor.trim() !== '') params.set('actor', filters.actor.trim());
      if (filters.action) params.set('action', filters.action);
      if (filters.from) params.set('from', filters.from);
      if (filters.to) params.set('to', dayAfter(filters.to));
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/audit?${params.toString()}`, auditPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    placeholderData: keepPreviousData,
  });
}
