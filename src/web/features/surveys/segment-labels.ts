// Names of segment keys and of their values (generations, experience levels, job levels, languages) in
// the interface language, as respondents and result readers see them.
import type { TFunction } from 'i18next';
import { GENERATIONS } from '../../../shared/people';
import type { SegmentKey } from '../../../shared/dialogue';
import { formatLanguageName } from '../../ui/format';
import en from '../../i18n/en.json';

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

export function segmentKeyLabel(t: TFunction, key: SegmentKey): string {
  return t(`surveys.segmentKeys.${key}`);
}

/** A group's value as a reader would say it; `null` (the field is empty) is "not known". */
export function segmentValueLabel(t: TFunction, key: SegmentKey, value: string | null, uiLanguage: string): string {
  if (value === null || value === '') return t('surveys.results.unknownGroup');
  if (key === 'generation' && (GENERATIONS as readonly string[]).includes(value)) return t(`generation.${value as (typeof GENERATIONS)[number]}`);
  if (key === 'experience_level' && has(en.experience, value)) return t(`experience.${value}`);
  if (key === 'job_level' && has(en.jobLevel, value)) return t(`jobLevel.${value}`);
  if (key === 'language') return formatLanguageName(value, uiLanguage);
  return value;
}
