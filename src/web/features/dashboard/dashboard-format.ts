// How the dashboard writes its numbers, weeks and groups in the current UI language.
import { useTranslation } from 'react-i18next';
import type { DashboardGrouping } from '../../../shared/analytics';
import { GENERATIONS, type Generation } from '../../../shared/people';

export function useDashboardFormat(by: DashboardGrouping) {
  const { t, i18n } = useTranslation();
  const percentFormat = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return {
    number: (n: number) => n.toLocaleString(i18n.language),
    /** A share (0–1) as a percentage. */
    percent: (share: number) => percentFormat.format(share),
    /** `2026-W49` -> "W49 2026" / "KW 49/2026" / "wk 49 2026". */
    week: (isoWeek: string) => {
      const [year, week] = isoWeek.split('-W');
      return t('dashboard.weekLabel', { week: Number(week), year });
    },
    group: (group: string) => {
      if (group === '') return t('dashboard.unknownGroup');
      if (by === 'generation' && (GENERATIONS as readonly string[]).includes(group)) return t(`generation.${group as Generation}`);
      return group;
    },
    date: (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
export type DashboardFormat = ReturnType<typeof useDashboardFormat>;
