// A SurveyJS definition rendered by survey-react-ui in the reader's language (survey-core's German
// and Dutch strings are loaded here). Loaded with the pages that need it, not with the app.
import 'survey-core/survey-core.fontless.min.css';
import 'survey-core/i18n/german';
import 'survey-core/i18n/dutch';
import { useEffect, useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';

/** SurveyJS in the app's colours and font (Mantine's CSS variables). */
const THEME = {
  cssVariables: {
    '--sjs-primary-backcolor': 'var(--mantine-primary-color-filled)',
    '--sjs-primary-backcolor-dark': 'var(--mantine-primary-color-filled-hover)',
    '--sjs-primary-backcolor-light': 'var(--mantine-primary-color-light)',
    '--sjs-general-backcolor-dim': 'var(--mantine-color-body)',
    '--sjs-font-family': 'var(--mantine-font-family)',
  },
};

export type SurveyJsViewProps = {
  definition: Record<string, unknown>;
  /** `en`, `de` or `nl`: SurveyJS's own buttons and messages in that language. */
  locale: string;
  /** Called with `survey.data` when the respondent completes it; without it the survey's own end page shows. */
  onComplete?: (answers: Record<string, unknown>) => void;
  /** Whether the definition's title is shown (the answering page has its own heading). */
  showTitle?: boolean;
  /** A new value starts the survey afresh (another attempt at a quiz). */
  attempt?: number;
};

export function SurveyJsView({ definition, locale, onComplete, showTitle = true, attempt = 0 }: SurveyJsViewProps) {
  const model = useMemo(() => {
    const survey = new Model(definition);
    survey.applyTheme(THEME);
    survey.locale = locale;
    survey.showTitle = showTitle;
    survey.showCompletedPage = onComplete === undefined;
    return survey;
    // `attempt` is only here to build a fresh model; `onComplete` changes nothing in the model but the end page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [definition, locale, showTitle, attempt, onComplete === undefined]);

  useEffect(() => {
    if (!onComplete) return;
    const handler = (sender: Model) => onComplete({ ...(sender.data as Record<string, unknown>) });
    model.onComplete.add(handler);
    return () => model.onComplete.remove(handler);
  }, [model, onComplete]);

  return <Survey model={model} />;
}
