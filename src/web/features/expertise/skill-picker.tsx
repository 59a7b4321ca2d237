// Picks an existing skill by typing any form of it (tag, alias, label in the UI language, a typo),
// for "merge into" and "make alias of"; shows "Label (#tag)" and yields the tag.
import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isUiLanguage } from '../../i18n/language';
import { useSkillSuggestions } from './expert-queries';

export type SkillPickerProps = {
  label: string;
  value: string | null;
  onChange: (tag: string | null) => void;
  /** A tag that must not be offered (the skill being merged). */
  exclude?: string;
  /** Shown as the first choice before anything is typed (a suggested skill). */
  initialTag?: string | null;
  error?: string;
  testId?: string;
};

const DEBOUNCE_MS = 200;

export function SkillPicker({ label, value, onChange, exclude, initialTag, error, testId }: SkillPickerProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, DEBOUNCE_MS);
  const lang = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const suggestions = useSkillSuggestions(debounced, lang);

  const data = useMemo(() => {
    const options = (suggestions.data?.suggestions ?? []).filter((s) => s.tag !== exclude).map((s) => ({ value: s.tag, label: `${s.label} (#${s.tag})` }));
    // The chosen or suggested tag stays selectable while other text is typed.
    for (const tag of [value, initialTag]) if (tag && !options.some((o) => o.value === tag)) options.unshift({ value: tag, label: `#${tag}` });
    return options;
  }, [suggestions.data, exclude, value, initialTag]);

  return (
    <Select
      label={label}
      placeholder={t('skillsAdmin.picker.placeholder')}
      nothingFoundMessage={debounced.trim() === '' ? undefined : t('skillsAdmin.picker.nothingFound')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched by alias, label and typo; filtering again by label would drop those.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  );
}
