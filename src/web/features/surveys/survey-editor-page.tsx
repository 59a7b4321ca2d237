// /surveys/new and /surveys/:id/edit — the authoring screen, with the survey's status, a link to its
// results, and closing an open survey.
import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { parseSurveyId } from './survey-id';
import { SurveyForm } from './survey-form';
import { ConfirmDeleteButton } from '../audiences/confirm-delete-button';
import { useDeleteSurvey, useSaveSurvey, useSurvey } from './survey-queries';
import { SurveyStatusBadge } from './surveys-page';

export function SurveyEditorPage() {
  const { t } = useTranslation();
  const raw = useParams().id;
  const id = parseSurveyId(raw);
  const survey = useSurvey(id ?? 0, id !== null);
  const close = useSaveSurvey(id);
  const remove = useDeleteSurvey(id ?? 0);
  const navigate = useNavigate();

  const back = (
    <Anchor component={Link} to="/surveys" size="sm">
      {t('surveys.back')}
    </Anchor>
  );
  if (raw === undefined) {
    return (
      <Stack gap="md">
        {back}
        <Title order={2}>{t('surveys.newTitle')}</Title>
        <SurveyForm survey={null} />
      </Stack>
    );
  }
  if (id === null || (survey.error instanceof ApiError && survey.error.status === 404)) return <NotFoundPage />;
  if (survey.error) return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  if (!survey.data) return <PageLoader />;
  const data = survey.data;
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={2}>{data.title}</Title>
          <SurveyStatusBadge status={data.status} />
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/surveys/${data.id}/results`} variant="light" data-testid="survey-to-results">
            {t('surveys.resultsLink')}
          </Button>
          {data.status === 'draft' && (
            <ConfirmDeleteButton
              title={t('surveys.editor.deleteTitle', { title: data.title })}
              body={t('surveys.editor.deleteBody')}
              onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/surveys', { replace: true }) })}
              deleting={remove.isPending}
              error={remove.error}
              testId="survey-delete"
            />
          )}
          {data.status === 'open' && (
            <Button color="red" variant="light" onClick={() => close.mutate({ status: 'closed' })} loading={close.isPending} data-testid="survey-close">
              {t('surveys.editor.close')}
            </Button>
          )}
        </Group>
      </Group>
      {close.error && <ErrorAlert error={close.error} />}
      <SurveyForm key={data.updated_at} survey={data} />
    </Stack>
  );
}
