// The organisation dashboard's read (GET /api/v1/analytics/overview) and the address of its CSV.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dashboardSchema, type DashboardGrouping } from '../../../shared/analytics';
import { apiRequest } from '../../app/api-client';

export type DashboardParams = { from: string; to: string; by: DashboardGrouping };

const paramsOf = (p: DashboardParams) => new URLSearchParams({ from: p.from, to: p.to, by: p.by }).toString();

export const dashboardKeys = { overview: (p: DashboardParams) => ['analytics', 'overview', p.from, p.to, p.by] as const };

export function useDashboard(params: DashboardParams) {
  return useQuery({
    queryKey: dashboardKeys.overview(params),
    queryFn: ({ signal }) => apiRequest(`/api/v1/analytics/overview?${paramsOf(params)}`, dashboardSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The same figures as CSV (the server audits each download). */
export function dashboardCsvUrl(params: DashboardParams): string {
  return `/api/v1/analytics/overview.csv?${paramsOf(params)}`;
}
