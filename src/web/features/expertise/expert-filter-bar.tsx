// Narrows the expert search: department, location, spoken language and "available to mentor".
import { Group, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleFacets } from '../../../shared/people';
import { formatLanguageName } from '../../ui/format';
import type { ExpertSearch } from './expert-queries';
import { EXPERT_LANGUAGES, type ExpertFilterKey } from './use-expert-search-params';
import { useValueLabels } from '../people/use-value-labels';

export type ExpertFilterBarProps = {
  search: ExpertSearch;
  facets: PeopleFacets | undefined;
  onChange: (key: ExpertFilterKey, value: string | null) => void;
  onMentorChange: (mentor: boolean) => void;
};

type Option = { value: string; label: string };

/** Facet values by name; the current value stays selectable even if the facets omit it. */
function facetOptions(values: PeopleFacets['departments'] | undefined, current: string | undefined, name: (value: string) => string): Option[] {
  const options = (values ?? []).map(({ value }) => ({ value, label: name(value) }));
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: name(current) });
  return options;
}

export function ExpertFilterBar({ search, facets, onChange, onMentorChange }: ExpertFilterBarProps) {
  const { t, i18n } = useTranslation();
  const labels = useValueLabels();
  const common = { clearable: true, w: { base: '100%', xs: 200 }, comboboxProps: { withinPortal: true } };

  return (
    <Group gap="sm" align="flex-end">
      <Select
        {...common}
        searchable
        data-testid="experts-department"
        label={t('experts.filters.department')}
        placeholder={t('experts.filters.any')}
        nothingFoundMessage={t('experts.filters.nothingFound')}
        data={facetOptions(facets?.departments, search.department, (v) => labels.value('department', v))}
        value={search.department ?? null}
        onChange={(value) => onChange('department', value)}
      />
      <Select
        {...common}
        searchable
        data-testid="experts-location"
        label={t('experts.filters.location')}
        placeholder={t('experts.filters.any')}
        nothingFoundMessage={t('experts.filters.nothingFound')}
        data={facetOptions(facets?.locations, search.location, (v) => labels.value('location', v))}
        value={search.location ?? null}
        onChange={(value) => onChange('location', value)}
      />
      <Select
        {...common}
        data-testid="experts-language"
        label={t('experts.filters.language')}
        placeholder={t('experts.filters.any')}
        data={EXPERT_LANGUAGES.map((code) => ({ value: code, label: formatLanguageName(code, i18n.language) }))}
        value={search.language ?? null}
        onChange={(value) => onChange('language', value)}
      />
      <Switch
        data-testid="experts-mentor"
        label={t('experts.filters.mentor')}
        checked={search.mentor === true}
        onChange={(event) => onMentorChange(event.currentTarget.checked)}
        pb={8}
      />
    </Group>
  );
}
