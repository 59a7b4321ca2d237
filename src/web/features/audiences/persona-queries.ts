// Reads of the personas API (list, one persona, coverage, journey map) as TanStack Query hooks.
import { useQuery } from '@tanstack/react-query';
import { coverageSchema, journeyMapSchema, personaSchema } from '../../../shared/audiences';
import { apiRequest } from '../../app/api-client';
import { personaListSchema } from './audience-schemas';

export const personaKeys = {
  all: ['personas'] as const,
  list: ['personas', 'list'] as const,
  coverage: ['personas', 'coverage'] as const,
  detail: (id: number) => ['personas', 'detail', id] as const,
  journey: (id: number) => ['personas', 'journey', id] as const,
};

export const personaPath = (id: number) => `/api/v1/personas/${id}`;

export function usePersonas() {
  return useQuery({
    queryKey: personaKeys.list,
    queryFn: ({ signal }) => apiRequest('/api/v1/personas', personaListSchema, { signal }),
  });
}

/** How many people each persona covers, their overlaps, and who none of them covers. */
export function useCoverage() {
  return useQuery({
    queryKey: personaKeys.coverage,
    queryFn: ({ signal }) => apiRequest('/api/v1/personas/coverage', coverageSchema, { signal }),
  });
}

/** @param enabled false for an id that did not parse, so no request is made. */
export function usePersona(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: personaKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(personaPath(id), personaSchema, { signal }),
  });
}

export function useJourney(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: personaKeys.journey(id),
    queryFn: ({ signal }) => apiRequest(`${personaPath(id)}/journey`, journeyMapSchema, { signal }),
  });
}
