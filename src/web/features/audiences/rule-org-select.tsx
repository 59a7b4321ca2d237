// Value of an `org within` condition: search the directory for a person, store their external_id.
import { useState } from 'react';
import { Select, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peoplePageSchema, type PersonCard } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';
import { useValueLabels, type ValueLabels } from '../people/use-value-labels';

export type RuleOrgSelectProps = {
  /** external_id (or, in older rules, e-mail) of the person at the top of the branch. */
  value: string;
  onChange: (externalId: string) => void;
};

type Option = { value: string; label: string };

const SEARCH_DEBOUNCE_MS = 250;
const MIN_SEARCH = 2;
const keepAll: OptionsFilter = ({ options }) => options;

function optionOf(person: PersonCard, labels: ValueLabels): Option {
  const detail = [person.job_title, person.department && labels.value('department', person.department)].filter(Boolean).join(', ');
  return { value: person.external_id, label: detail ? `${person.display_name} (${detail})` : person.display_name };
}

export function RuleOrgSelect({ value, onChange }: RuleOrgSelectProps) {
  const { t } = useTranslation();
  const labels = useValueLabels();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const current = chosen?.value === value ? chosen : value !== '' ? { value, label: value } : null;
  // After a choice the search box shows the chosen label; searching for that label is pointless.
  const enabled = debounced.length >= MIN_SEARCH && debounced !== current?.label;

  const people = useQuery({
    enabled,
    queryKey: ['people', 'org-search', debounced],
    queryFn: ({ signal }) => apiRequest(`/api/v1/people?${new URLSearchParams({ q: debounced, limit: '10' }).toString()}`, peoplePageSchema, { signal }),
  });

  const options: Option[] = (people.data?.items ?? []).map((person) => optionOf(person, labels));
  if (current && !options.some((option) => option.value === current.value)) options.unshift(current);

  return (
    <Select
      size="xs"
      searchable
      data-testid="rule-value"
      aria-label={t('audiences.builder.orgPerson')}
      placeholder={t('audiences.builder.orgPlaceholder')}
      nothingFoundMessage={debounced.length < MIN_SEARCH ? t('audiences.builder.typeToSearch') : t('audiences.builder.nothingFound')}
      data={options}
      filter={keepAll}
      value={value === '' ? null : value}
      searchValue={search}
      onSearchChange={setSearch}
      allowDeselect={false}
      onChange={(next, option) => {
        if (!next || !option) return;
        setChosen({ value: next, label: option.label });
        onChange(next);
      }}
    />
  );
}
