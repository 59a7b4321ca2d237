// Names for what the directory stores as keys, in the interface language: admin labels of custom
// attributes and of values (department `Sales` -> Vertrieb, `part_time` -> Teilzeit), and country and
// language codes through the browser's own names (DE -> Deutschland). The stored value stays what
// filters and rules compare; only what people read changes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLabel } from '../../../shared/field-labels';
import { isUiLanguage } from '../../i18n/language';
import { useFieldLabels } from './field-label-queries';

export type ValueLabels = {
  /** A readable name for a stored value, or null when there is none (the value reads as it is). */
  label: (field: string, value: string) => string | null;
  /** The label of a stored value, else the value itself. */
  value: (field: string, value: string) => string;
  /** An admin's name for a custom attribute (`attributes.cost_center`), or null. */
  attribute: (field: string) => string | null;
  /** The stored values of a field that have a label, so pickers can offer them by name. */
  labelled: (field: string) => string[];
};

const key = (field: string, value: string) => `${field}\u0000${value}`;

function displayName(language: string, type: 'region' | 'language', code: string): string | null {
  try {
    const name = new Intl.DisplayNames([language], { type, fallback: 'none' }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : null;
  } catch {
    // Not a code the browser knows (free text in an HR field): shown as it is.
    return null;
  }
}

/**
 * Pure form of useValueLabels, for tests and for code outside React.
 * @example valueLabelsFor(items, 'de').value('department', 'Sales') // 'Vertrieb'
 */
export function valueLabelsFor(items: readonly FieldLabel[], language: string): ValueLabels {
  const lang = isUiLanguage(language) ? language : 'en';
  const byKey = new Map(items.map((item) => [key(item.field, item.value), item.labels]));
  const pick = (field: string, value: string): string | null => {
    const labels = byKey.get(key(field, value));
    return labels ? (labels[lang] ?? labels.en) : null;
  };
  const label = (field: string, value: string): string | null => {
    if (value === '') return null;
    if (field === 'country') return displayName(lang, 'region', value.toUpperCase());
    if (field === 'language' || field === 'languages') return displayName(lang, 'language', value);
    const named = pick(field, value);
    return named !== null && named !== value ? named : null;
  };
  return {
    label,
    value: (field, value) => label(field, value) ?? value,
    attribute: (field) => pick(field, ''),
    labelled: (field) => items.filter((item) => item.field === field && item.value !== '').map((item) => item.value),
  };
}

export function useValueLabels(): ValueLabels {
  const { i18n } = useTranslation();
  const { data } = useFieldLabels();
  return useMemo(() => valueLabelsFor(data?.items ?? [], i18n.language), [data, i18n.language]);
}
