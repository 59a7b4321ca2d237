// A t() over the bundled translations for unit tests of code that formats texts (no DOM needed).
import i18next, { type TFunction } from 'i18next';
import type { UiLanguage } from '../../shared/identity';
import { resources } from './i18n';

/** @example const t = translatorFor('de'); t('errors.title') // 'Etwas ist schiefgelaufen' */
export function translatorFor(language: UiLanguage): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ resources, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}
