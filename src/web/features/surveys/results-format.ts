// How the results page writes figures, answers and question titles in the interface language.
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../../shared/dialogue';
import { pagesFromDefinition, type QuestionDraft } from './survey-draft';

export function useResultsFormat() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    number: (n: number) => n.toLocaleString(i18n.language),
    decimal: (n: number) => decimal.format(n),
    percent: (share: number) => percent.format(share),
    /** eNPS runs from −100 to +100 and is shown with its sign. */
    enps: (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)}`,
    /** An answer as counted: booleans as yes/no, the rest as the respondent chose it. */
    answer: (value: string) => (value === 'true' ? t('surveys.answers.yes') : value === 'false' ? t('surveys.answers.no') : value),
    date: (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso)),
  };
}
export type ResultsFormat = ReturnType<typeof useResultsFormat>;

/** The survey's questions in order, for titles (in `language` where written per language) and order of the results. */
export function questionsOf(definition: Record<string, unknown> | undefined, language?: string): QuestionDraft[] {
  return definition ? pagesFromDefinition(definition, language).flatMap((page) => page.questions) : [];
}

/** One short figure for a question in a group: a mean, an eNPS, the most chosen answer, or a count. */
export function questionSummary(result: QuestionResult, format: ResultsFormat): string | null {
  switch (result.type) {
    case 'rating':
      return result.mean === null ? null : format.decimal(result.mean);
    case 'nps':
      return result.enps === null ? null : format.enps(result.enps);
    case 'choice':
    case 'boolean': {
      if (result.counts === null) return null;
      const entries = Object.entries(result.counts);
      const total = entries.reduce((n, [, c]) => n + c, 0);
      const top = entries.sort((a, b) => b[1] - a[1])[0];
      return top && total > 0 ? `${format.answer(top[0])} (${format.percent(top[1] / total)})` : '–';
    }
    case 'text':
      return result.answers === null ? null : format.number(result.answers.length);
    case 'quiz':
      return result.passed === null ? null : format.number(result.passed);
  }
}
