// Value inputs that suggest existing values of a field (most common first) while the user types.
import { useMemo, useState } from 'react';
import { Autocomplete, Group, TagsInput, Text, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RULE_LIMITS } from '../../../shared/audiences';
import { useFieldValues } from './audience-queries';
import { useRuleLabels } from './rule-labels';

const SUGGEST_DEBOUNCE_MS = 250;

/** The server already filtered by what was typed; filtering again would hide e.g. case variants. */
const keepAll: OptionsFilter = ({ options }) => options;

function useSuggestions(field: string, search: string, enabled: boolean) {
  const [debounced] = useDebouncedValue(search.trim(), SUGGEST_DEBOUNCE_MS);
  const { data } = useFieldValues(field, debounced, enabled);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const { value, count } of data?.values ?? []) if (!counts.has(value)) counts.set(value, count);
    return counts;
  }, [data]);
}

function SuggestionOption({ field, value, count }: { field: string; value: string; count: number | undefined }) {
  const labels = useRuleLabels();
  const readable = labels.value(field, value);
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
      <Text size="sm">
        {value}
        {readable && (
          <Text span size="xs" c="dimmed">
            {` · ${readable}`}
          </Text>
        )}
      </Text>
      {count !== undefined && (
        <Text size="xs" c="dimmed">
          {count}
        </Text>
      )}
    </Group>
  );
}

export type ValueAutocompleteProps = { field: string; value: string; onChange: (value: string) => void };

export function ValueAutocomplete({ field, value, onChange }: ValueAutocompleteProps) {
  const { t } = useTranslation();
  const counts = useSuggestions(field, value, true);
  return (
    <Autocomplete
      size="xs"
      data-testid="rule-value"
      aria-label={t('audiences.builder.value')}
      value={value}
      onChange={onChange}
      data={[...counts.keys()]}
      filter={keepAll}
      limit={20}
      renderOption={({ option }) => <SuggestionOption field={field} value={option.value} count={counts.get(option.value)} />}
    />
  );
}

export type ValueTagsInputProps = { field: string; suggest: boolean; value: string[]; onChange: (value: string[]) => void };

export function ValueTagsInput({ field, suggest, value, onChange }: ValueTagsInputProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const counts = useSuggestions(field, search, suggest);
  const chosen = new Set(value.map((v) => v.toLowerCase()));
  return (
    <TagsInput
      size="xs"
      data-testid="rule-value"
      aria-label={t('audiences.builder.values')}
      placeholder={value.length === 0 ? t('audiences.builder.valuesPlaceholder') : undefined}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...counts.keys()].filter((option) => !chosen.has(option.toLowerCase()))}
      filter={keepAll}
      limit={20}
      maxTags={RULE_LIMITS.listValue}
      splitChars={[';']}
      renderOption={({ option }) => <SuggestionOption field={field} value={option.value} count={counts.get(option.value)} />}
    />
  );
}
