// Value inputs that suggest values of a field (most common first) while the user types, by name:
// `millennial` reads "Millennials", `Sales` reads "Vertrieb" in German. Choosing or typing a name
// stores its value; anything else typed is stored as typed.
import { useMemo, useState } from 'react';
import { Autocomplete, Group, TagsInput, Text, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RULE_LIMITS } from '../../../shared/audiences';
import { COHORTS, EXPERIENCE_LEVELS, GENERATIONS, JOB_LEVELS, PERSON_STATUSES } from '../../../shared/people';
import { useValueLabels } from '../people/use-value-labels';
import { useFieldValues } from './audience-queries';
import { useRuleLabels } from './rule-labels';

const SUGGEST_DEBOUNCE_MS = 250;

/** Fields with a fixed set of values: all of them are offered, by name, whatever the data holds. */
const FIXED_VALUES: Record<string, readonly string[]> = {
  generation: GENERATIONS,
  cohorts: COHORTS,
  experience_level: EXPERIENCE_LEVELS,
  job_level: JOB_LEVELS,
  status: PERSON_STATUSES,
};

/** Matching is by name as well as by stored value, done here (the server only knows values). */
const keepAll: OptionsFilter = ({ options }) => options;

type NameMap = {
  /** What the user sees for a stored value. */
  show: (value: string) => string;
  /** The stored value for what the user chose or typed (a name maps back to its value). */
  toValue: (text: string) => string;
  /** Values known by name: a fixed set, or those an admin labelled. */
  named: readonly string[];
};

type Naming = Omit<NameMap, 'named'> & {
  /** Suggested stored values with their counts (undefined: known by name but not counted). */
  suggestions: Map<string, number | undefined>;
};

function useNameMap(field: string): NameMap {
  const labels = useRuleLabels();
  const valueLabels = useValueLabels();
  return useMemo(() => {
    const show = (value: string) => labels.value(field, value) ?? value;
    const named = [...(FIXED_VALUES[field] ?? []), ...valueLabels.labelled(field)];
    const byName = new Map(named.map((value) => [show(value).toLowerCase(), value]));
    return { show, named, toValue: (text: string) => byName.get(text.trim().toLowerCase()) ?? text };
  }, [field, labels, valueLabels]);
}

function useSuggestions(field: string, search: string, enabled: boolean): Naming {
  const names = useNameMap(field);
  const [debounced] = useDebouncedValue(search.trim(), SUGGEST_DEBOUNCE_MS);
  // The server matches stored values, so a name typed in full is sent as its value.
  const { data } = useFieldValues(field, names.toValue(debounced), enabled);
  return useMemo(() => {
    const suggestions = new Map<string, number | undefined>();
    for (const { value, count } of data?.values ?? []) if (!suggestions.has(value)) suggestions.set(value, count);
    const needle = search.trim().toLowerCase();
    for (const value of names.named) {
      const matches = needle === '' || names.show(value).toLowerCase().includes(needle) || value.toLowerCase().includes(needle);
      if (matches && !suggestions.has(value)) suggestions.set(value, undefined);
    }
    return { show: names.show, toValue: names.toValue, suggestions };
  }, [data, names, search]);
}

function SuggestionOption({ label, count }: { label: string; count: number | undefined }) {
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
      <Text size="sm">{label}</Text>
      {count !== undefined && (
        <Text size="xs" c="dimmed">
          {count}
        </Text>
      )}
    </Group>
  );
}

/** Names as options, each once, with the count of the value it stands for. */
function optionsOf(naming: Naming, exclude: ReadonlySet<string> = new Set()) {
  const counts = new Map<string, number | undefined>();
  for (const [value, count] of naming.suggestions) {
    const label = naming.show(value);
    if (!exclude.has(label.toLowerCase()) && !counts.has(label)) counts.set(label, count);
  }
  return counts;
}

export type ValueAutocompleteProps = { field: string; value: string; onChange: (value: string) => void };

export function ValueAutocomplete({ field, value, onChange }: ValueAutocompleteProps) {
  const { t } = useTranslation();
  const naming = useSuggestions(field, value, true);
  const options = optionsOf(naming);
  return (
    <Autocomplete
      size="xs"
      data-testid="rule-value"
      aria-label={t('audiences.builder.value')}
      value={naming.show(value)}
      onChange={(text) => onChange(naming.toValue(text))}
      data={[...options.keys()]}
      filter={keepAll}
      limit={20}
      renderOption={({ option }) => <SuggestionOption label={option.value} count={options.get(option.value)} />}
    />
  );
}

export type ValueTagsInputProps = { field: string; suggest: boolean; value: string[]; onChange: (value: string[]) => void };

export function ValueTagsInput({ field, suggest, value, onChange }: ValueTagsInputProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const naming = useSuggestions(field, search, suggest);
  const shown = value.map(naming.show);
  const options = suggest ? optionsOf(naming, new Set(shown.map((s) => s.toLowerCase()))) : new Map<string, number | undefined>();
  return (
    <TagsInput
      size="xs"
      data-testid="rule-value"
      aria-label={t('audiences.builder.values')}
      placeholder={value.length === 0 ? t('audiences.builder.valuesPlaceholder') : undefined}
      value={shown}
      onChange={(tags) => onChange(tags.map(naming.toValue))}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options.keys()]}
      filter={keepAll}
      limit={20}
      maxTags={RULE_LIMITS.listValue}
      splitChars={[';']}
      renderOption={({ option }) => <SuggestionOption label={option.value} count={options.get(option.value)} />}
    />
  );
}
