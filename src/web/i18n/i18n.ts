// Sets up i18next with the bundled en/de/nl texts and keeps <html lang> in step with the choice.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES } from '../../shared/identity';
import en from './en.json';
import de from './de.json';
import nl from './nl.json';
import { initialLanguage } from './language';

/** `satisfies` makes the build fail when a German or Dutch text is missing for an English key. */
export const resources = {
  en: { translation: en },
  de: { translation: de satisfies typeof en },
  nl: { translation: nl satisfies typeof en },
} as const;

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    supportedLngs: [...UI_LANGUAGES],
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show `&amp;` in names.
    interpolation: { escapeValue: false },
    // Resources are bundled, so initialisation can finish before the first render.
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
