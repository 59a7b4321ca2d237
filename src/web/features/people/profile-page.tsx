// /people/:id — loads one colleague's profile and shows it.
import { useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { usePerson } from './people-queries';
import { ProfileView } from './profile-view';

export function ProfilePage() {
  const { id } = useParams();
  const personId = Number(id);
  const valid = Number.isInteger(personId) && personId > 0;
  const person = usePerson(personId, valid);

  if (!valid || (person.error instanceof ApiError && person.error.status === 404)) return <NotFoundPage />;
  if (person.error) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <PageLoader />;
  return <ProfileView profile={person.data} />;
}
