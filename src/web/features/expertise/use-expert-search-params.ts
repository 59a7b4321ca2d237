// Keeps the expert search in the URL (?q=&department=&location=&language=&mentor=true), so it can be shared.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ExpertSearch } from './expert-queries';

export type ExpertFilterKey = 'q' | 'department' | 'location' | 'language';

export const EXPERT_LANGUAGES = ['en', 'de', 'nl'] as const;

export function useExpertSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const search = useMemo<ExpertSearch>(() => {
    const result: ExpertSearch = { q: searchParams.get('q')?.trim() ?? '' };
    const department = searchParams.get('department')?.trim();
    const location = searchParams.get('location')?.trim();
    const language = searchParams.get('language')?.trim();
    if (department) result.department = department;
    if (location) result.location = location;
    if (language && (EXPERT_LANGUAGES as readonly string[]).includes(language)) result.language = language;
    if (searchParams.get('mentor') === 'true') result.mentor = true;
    return result;
  }, [searchParams]);

  const update = useCallback(
    (key: ExpertFilterKey | 'mentor', value: string | null, replace: boolean) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value && value.trim() !== '') next.set(key, value.trim());
          else next.delete(key);
          return next;
        },
        { replace },
      );
    },
    [setSearchParams],
  );

  // Typing should not add a history entry per pause; picking a filter should.
  const setFilter = useCallback((key: ExpertFilterKey, value: string | null) => update(key, value, key === 'q'), [update]);
  const setMentor = useCallback((mentor: boolean) => update('mentor', mentor ? 'true' : null, false), [update]);
  const clearFilters = useCallback(
    () => setSearchParams((current) => (current.get('q') ? new URLSearchParams({ q: current.get('q') ?? '' }) : new URLSearchParams())),
    [setSearchParams],
  );

  return { search, setFilter, setMentor, clearFilters };
}
