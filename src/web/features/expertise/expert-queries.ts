// Expert search and skill suggestions as TanStack Query hooks; both stay idle until there is text.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';
import { expertsAnswerSchema, skillSuggestionsSchema } from './expertise-schemas';

/** What the expert search asks for; absent filters mean "any" and are not sent. */
export type ExpertSearch = {
  q: string;
  department?: string;
  location?: string;
  language?: string;
  mentor?: boolean;
};

export const EXPERT_RESULT_LIMIT = 20;
const SUGGESTION_LIMIT = 10;

export const expertiseKeys = {
  search: (search: ExpertSearch) => ['experts', 'search', search] as const,
  suggest: (q: string, lang: string) => ['skills', 'suggest', lang, q] as const,
  endorsements: (personId: number) => ['people', 'endorsements', personId] as const,
};

export function expertsPath(search: ExpertSearch): string {
  const params = new URLSearchParams({ q: search.q.trim(), limit: String(EXPERT_RESULT_LIMIT) });
  if (search.department) params.set('department', search.department);
  if (search.location) params.set('location', search.location);
  if (search.language) params.set('language', search.language);
  if (search.mentor) params.set('mentor', 'true');
  return `/api/v1/experts?${params.toString()}`;
}

/** Ranked people for a question; no request while the question is blank. */
export function useExpertSearch(search: ExpertSearch) {
  const enabled = search.q.trim() !== '';
  return useQuery({
    enabled,
    queryKey: expertiseKeys.search(search),
    queryFn: ({ signal }) => apiRequest(expertsPath(search), expertsAnswerSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Curated skills matching what is typed (hashtag, alias or label in the UI language). */
export function useSkillSuggestions(q: string, lang: string, enabled = true) {
  const text = q.trim();
  return useQuery({
    enabled: enabled && text !== '',
    queryKey: expertiseKeys.suggest(text, lang),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ q: text, lang, limit: String(SUGGESTION_LIMIT) });
      return apiRequest(`/api/v1/skills/suggest?${params.toString()}`, skillSuggestionsSchema, { signal });
    },
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
