// Keeps the directory's filters in the URL (?q=&skill=…), so a filtered view can be shared or bookmarked.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EXPERIENCE_LEVELS, GENERATIONS, type ExperienceLevel, type Generation } from '../../../shared/people';
import type { DirectoryFilters } from './people-queries';

export type DirectoryFilterKey = keyof DirectoryFilters;

const TEXT_KEYS = ['q', 'department', 'location', 'skill'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * @param allowHrFilters generation and experience filters are ignored for roles that may not use them,
 *   even when someone pastes them into the URL.
 */
export function useDirectoryFilters(allowHrFilters: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo<DirectoryFilters>(() => {
    const result: DirectoryFilters = {};
    for (const key of TEXT_KEYS) {
      const value = searchParams.get(key)?.trim();
      if (value) result[key] = value;
    }
    if (allowHrFilters) {
      const generation: Generation | undefined = oneOf(GENERATIONS, searchParams.get('generation'));
      const experience: ExperienceLevel | undefined = oneOf(EXPERIENCE_LEVELS, searchParams.get('experience_level'));
      if (generation) result.generation = generation;
      if (experience) result.experience_level = experience;
    }
    return result;
  }, [searchParams, allowHrFilters]);

  const setFilter = useCallback(
    (key: DirectoryFilterKey, value: string | null) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value && value.trim() !== '') next.set(key, value.trim());
          else next.delete(key);
          return next;
        },
        // Typing in the search box should not add a history entry per keystroke.
        { replace: key === 'q' },
      );
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return { filters, setFilter, clearFilters };
}
