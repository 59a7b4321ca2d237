// /personas/:id/journey — loads the persona and its journey map, then shows the map editor.
import { useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { JourneyEditor } from './journey-editor';
import { parsePersonaId } from './persona-id';
import { useJourney, usePersona } from './persona-queries';

export function JourneyPage() {
  const id = parsePersonaId(useParams().id);
  const persona = usePersona(id ?? 0, id !== null);
  const journey = useJourney(id ?? 0, id !== null);
  const error = persona.error ?? journey.error;

  if (id === null || (error instanceof ApiError && error.status === 404)) return <NotFoundPage />;
  if (error) {
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          void persona.refetch();
          void journey.refetch();
        }}
      />
    );
  }
  if (!persona.data || !journey.data) return <PageLoader />;
  return <JourneyEditor persona={persona.data} journey={journey.data} />;
}
