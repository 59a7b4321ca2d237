// An ISO timestamp as a short local date and time in the UI language; the raw text if unparsable.
export function formatTimestamp(iso: string, uiLanguage: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
