// Locale-aware display of language codes and ISO dates in the current UI language.

/** `de` -> "German" / "Deutsch" / "Duits"; the raw code if the browser does not know it. */
export function formatLanguageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `2020-06-15` -> "15 June 2020" / "15. Juni 2020"; read as a calendar date, so no time-zone shift. */
export function formatIsoDate(isoDate: string, uiLanguage: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
