// Tag input for one hashtag list on the profile form; normalises what is typed as the server would,
// and for skill-like lists suggests curated skills (in the UI language) while typing.
import { useMemo, useState } from 'react';
import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/people';
import { isUiLanguage } from '../../i18n/language';
import { useSkillSuggestions } from '../expertise/expert-queries';
import { skillSuggestionFilter, skillSuggestionOptions } from '../expertise/skill-suggestion-options';
import { normaliseTags } from './profile-draft';

export type HashtagFieldProps = {
  label: string;
  description?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  /** Ask the skill taxonomy for matches while typing (skills, mentor topics, learning goals). */
  suggestSkills?: boolean;
  disabled?: boolean;
  error?: string;
};

const SUGGEST_DEBOUNCE_MS = 200;

export function HashtagField({ label, description, value, onChange, suggestions, suggestSkills = false, disabled, error }: HashtagFieldProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SUGGEST_DEBOUNCE_MS);
  const lang = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const taxonomy = useSkillSuggestions(debounced, lang, suggestSkills && !disabled);
  // Only while something is typed: an emptied box must not keep offering the last word's matches.
  const typed = suggestSkills && search.trim() !== '';
  const curated = useMemo(() => (typed ? (taxonomy.data?.suggestions ?? []) : []), [typed, taxonomy.data]);

  const data = useMemo(() => skillSuggestionOptions(curated, suggestions ?? []), [curated, suggestions]);
  const filter = useMemo(() => skillSuggestionFilter(new Set(curated.map((s) => s.tag))), [curated]);

  return (
    <TagsInput
      label={label}
      description={description ?? t('myProfile.tagsHint')}
      placeholder={value.length === 0 ? t('myProfile.tagsPlaceholder') : undefined}
      value={value}
      onChange={(tags) => onChange(normaliseTags(tags))}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={filter}
      limit={20}
      maxTags={LIMITS.hashtagsPerList}
      splitChars={[',', ';']}
      clearable
      disabled={disabled}
      error={error}
    />
  );
}
