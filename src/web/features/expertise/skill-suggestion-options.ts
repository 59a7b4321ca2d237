// Dropdown options for a hashtag field: curated skills from the server first, then known hashtags.
import { type ComboboxItem, type OptionsFilter } from '@mantine/core';
import type { SkillSuggestion } from './expertise-schemas';

/** "Negotiation (#negotiation)" for each curated skill, then the plain hashtags not already offered. */
export function skillSuggestionOptions(curated: readonly SkillSuggestion[], known: readonly string[]): ComboboxItem[] {
  const options: ComboboxItem[] = [];
  const seen = new Set<string>();
  for (const { tag, label } of curated) {
    if (seen.has(tag)) continue;
    seen.add(tag);
    options.push({ value: tag, label: `${label} (#${tag})` });
  }
  for (const tag of known) {
    if (seen.has(tag)) continue;
    seen.add(tag);
    options.push({ value: tag, label: tag });
  }
  return options;
}

/**
 * The server already matched curated skills by alias or translated label ("Verhandlungstechnik" finds
 * #negotiation), so those always pass; the other hashtags are filtered by what is typed as usual.
 */
export function skillSuggestionFilter(curatedTags: ReadonlySet<string>): OptionsFilter {
  return ({ options, search, limit }) => {
    const needle = search.trim().toLowerCase();
    const hyphenated = needle.replace(/\s+/g, '-');
    const items = options.filter((option): option is ComboboxItem => 'value' in option);
    const curated = items.filter((option) => curatedTags.has(option.value));
    const rest = items.filter((option) => {
      if (curatedTags.has(option.value)) return false;
      const label = option.label.toLowerCase();
      return label.includes(needle) || label.includes(hyphenated);
    });
    return [...curated, ...rest].slice(0, limit);
  };
}
