// SurveyJS (survey-core, survey-react-ui and their styles) loads only when a survey is shown.
import { lazy, Suspense } from 'react';
import { PageLoader } from '../../ui/page-loader';
import type { SurveyJsViewProps } from './survey-js-view';

const SurveyJsView = lazy(() => import('./survey-js-view').then((m) => ({ default: m.SurveyJsView })));

export function LazySurveyJsView(props: SurveyJsViewProps) {
  return (
    <Suspense fallback={<PageLoader />}>
      <SurveyJsView {...props} />
    </Suspense>
  );
}
