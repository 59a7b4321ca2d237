// Picks, remembers and applies the UI language (en, de, nl): saved choice first, then the browser's.
import { UI_LANGUAGES, type UiLanguage } from '../../shared/identity';

export const LANGUAGE_STORAGE_KEY = 'resonance.lang';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose earlier on this device, if any. */
export function readStoredLanguage(): UiLanguage | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(stored) ? stored : null;
  } catch {
    // Private modes and locked-down browsers may refuse storage; the browser preference still works.
    return null;
  }
}

export function storeLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not fatal: the choice lasts for this page view only.
  }
}

/** First of the browser's preferred languages we translate to, e.g. `de-AT` -> `de`; else English. */
export function browserLanguage(): UiLanguage {
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

export function initialLanguage(): UiLanguage {
  return readStoredLanguage() ?? browserLanguage();
}
