// Reads of the campaigns, delivery and outbox APIs as TanStack Query hooks.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { assignmentsSchema, campaignListSchema, campaignSchema } from '../../../shared/campaigns';
import { DELIVERY_STATES, deliveryPageSchema, outboxMessageSchema, outboxPageSchema } from '../../../shared/delivery';
import { apiRequest } from '../../app/api-client';

export type DeliveryState = (typeof DELIVERY_STATES)[number];

const LIST_PAGE_SIZE = 25;
const DELIVERIES_PAGE_SIZE = 50;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  /** `version` is the campaign's updated_at, so a saved change asks again. */
  assignments: (id: number, version: string) => ['campaigns', 'assignments', id, version] as const,
  deliveries: (id: number, state: DeliveryState | null) => ['campaigns', 'deliveries', id, state] as const,
  outbox: ['outbox', 'list'] as const,
  outboxMessage: (id: number) => ['outbox', 'detail', id] as const,
};

export const campaignPath = (id: number) => `/api/v1/campaigns/${id}`;

export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: campaignKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(LIST_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/campaigns?${params.toString()}`, campaignListSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

/** How often a campaign being sent is asked for again, so its status and counts move on screen. */
const SENDING_REFRESH_MS = 2_000;
/** A scheduled campaign is asked for now and then, so the page notices when its time comes. */
const SCHEDULED_REFRESH_MS = 30_000;

/** @param enabled false for an id that did not parse, so no request is made. */
export function useCampaign(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(campaignPath(id), campaignSchema, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status === 'sending') return SENDING_REFRESH_MS;
      return status === 'scheduled' ? SCHEDULED_REFRESH_MS : false;
    },
  });
}

export function useAssignments(id: number, version: string) {
  return useQuery({
    queryKey: campaignKeys.assignments(id, version),
    queryFn: ({ signal }) => apiRequest(`${campaignPath(id)}/assignments`, assignmentsSchema, { signal }),
  });
}

export function useDeliveries(id: number, state: DeliveryState | null) {
  return useInfiniteQuery({
    queryKey: campaignKeys.deliveries(id, state),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(DELIVERIES_PAGE_SIZE) });
      if (state) params.set('state', state);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`${campaignPath(id)}/deliveries?${params.toString()}`, deliveryPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    placeholderData: keepPreviousData,
  });
}

export function useOutbox() {
  return useInfiniteQuery({
    queryKey: campaignKeys.outbox,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(LIST_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/outbox?${params.toString()}`, outboxPageSchema, { signal });
    },
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

export function useOutboxMessage(id: number | null) {
  return useQuery({
    enabled: id !== null,
    queryKey: campaignKeys.outboxMessage(id ?? 0),
    queryFn: ({ signal }) => apiRequest(`/api/v1/outbox/${id ?? 0}`, outboxMessageSchema, { signal }),
    staleTime: Infinity,
  });
}
