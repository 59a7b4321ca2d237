// Department, location and skill dropdowns (plus generation and experience for HR-cleared roles).
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPERIENCE_LEVELS, GENERATIONS, type PeopleFacets } from '../../../shared/people';
import type { DirectoryFilters } from './people-queries';
import type { DirectoryFilterKey } from './use-directory-filters';
import { useValueLabels } from './use-value-labels';

export type DirectoryFilterBarProps = {
  filters: DirectoryFilters;
  facets: PeopleFacets | undefined;
  showHrFilters: boolean;
  onChange: (key: DirectoryFilterKey, value: string | null) => void;
};

type Option = { value: string; label: string };

/** Facet values by name with their counts; the current value stays selectable even if the facets omit it. */
function facetOptions(values: PeopleFacets['skills'] | undefined, current: string | undefined, name: (value: string) => string): Option[] {
  const options = (values ?? []).map(({ value, count }) => ({ value, label: `${name(value)} (${count})` }));
  if (current && !options.some((option) => option.value === current)) {
    options.unshift({ value: current, label: name(current) });
  }
  return options;
}

const hashtag = (value: string) => `#${value}`;

export function DirectoryFilterBar({ filters, facets, showHrFilters, onChange }: DirectoryFilterBarProps) {
  const { t } = useTranslation();
  const labels = useValueLabels();
  const common = { clearable: true, searchable: true, w: { base: '100%', xs: 200 }, comboboxProps: { withinPortal: true } };

  return (
    <Group gap="sm" align="flex-end">
      <Select
        {...common}
        data-testid="directory-department"
        label={t('directory.filters.department')}
        placeholder={t('directory.filters.any')}
        nothingFoundMessage={t('directory.filters.nothingFound')}
        data={facetOptions(facets?.departments, filters.department, (v) => labels.value('department', v))}
        value={filters.department ?? null}
        onChange={(value) => onChange('department', value)}
      />
      <Select
        {...common}
        label={t('directory.filters.location')}
        placeholder={t('directory.filters.any')}
        nothingFoundMessage={t('directory.filters.nothingFound')}
        data={facetOptions(facets?.locations, filters.location, (v) => labels.value('location', v))}
        value={filters.location ?? null}
        onChange={(value) => onChange('location', value)}
      />
      <Select
        {...common}
        data-testid="skill-filter"
        label={t('directory.filters.skill')}
        placeholder={t('directory.filters.skillPlaceholder')}
        nothingFoundMessage={t('directory.filters.nothingFound')}
        // The skills facet can hold thousands of values; rendering them all would make typing sluggish.
        limit={50}
        data={facetOptions(facets?.skills, filters.skill, hashtag)}
        value={filters.skill ?? null}
        onChange={(value) => onChange('skill', value)}
      />
      {showHrFilters && (
        <>
          <Select
            {...common}
            searchable={false}
            label={t('directory.filters.generation')}
            placeholder={t('directory.filters.any')}
            data={GENERATIONS.map((value) => ({ value, label: t(`generation.${value}`) }))}
            value={filters.generation ?? null}
            onChange={(value) => onChange('generation', value)}
          />
          <Select
            {...common}
            searchable={false}
            label={t('directory.filters.experience')}
            placeholder={t('directory.filters.any')}
            data={EXPERIENCE_LEVELS.map((value) => ({ value, label: t(`experience.${value}`) }))}
            value={filters.experience_level ?? null}
            onChange={(value) => onChange('experience_level', value)}
          />
        </>
      )}
    </Group>
  );
}
