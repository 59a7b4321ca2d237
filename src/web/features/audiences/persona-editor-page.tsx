// /personas/new and /personas/:id — loads the persona (if any) and shows its form.
import { useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { PersonaForm } from './persona-form';
import { parsePersonaId } from './persona-id';
import { usePersona } from './persona-queries';

export function PersonaEditorPage() {
  const raw = useParams().id;
  const id = parsePersonaId(raw);
  const persona = usePersona(id ?? 0, id !== null);

  if (raw === undefined) return <PersonaForm persona={null} />;
  if (id === null || (persona.error instanceof ApiError && persona.error.status === 404)) return <NotFoundPage />;
  if (persona.error) return <ErrorAlert error={persona.error} onRetry={() => void persona.refetch()} />;
  if (!persona.data) return <PageLoader />;
  // A saved version (new updated_at) starts a fresh draft.
  return <PersonaForm key={persona.data.updated_at} persona={persona.data} />;
}
