// /surveys — every survey and quiz for communicators: kind, status, whether it is anonymous, its
// responses so far, and links to edit it and to read its results.
import { useMemo } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../shared/dialogue';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useSurveys } from './survey-queries';

const STATUS_COLOUR: Record<SurveyStatus, string> = { draft: 'gray', open: 'green', closed: 'dark' };

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOUR[status]} data-testid="survey-status" data-status={status}>
      {t(`surveys.statuses.${status}`)}
    </Badge>
  );
}

export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const surveys = useSurveys();
  const items = useMemo(() => (surveys.data?.pages ?? []).flatMap((page) => page.items), [surveys.data]);
  // The list shows responses when the server counts them for it.
  const counted = items.some((survey) => typeof survey.responses === 'number');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('surveys.title')}</Title>
          <Text c="dimmed">{t('surveys.intro')}</Text>
        </Stack>
        <Button component={Link} to="/surveys/new" data-testid="survey-new">
          {t('surveys.new')}
        </Button>
      </Group>
      {surveys.isPending && <PageLoader />}
      {surveys.error && <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />}
      {surveys.isSuccess && items.length === 0 && (
        <Text py="xl" ta="center" c="dimmed" data-testid="surveys-empty">
          {t('surveys.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped highlightOnHover data-testid="surveys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.columns.title')}</Table.Th>
              <Table.Th>{t('surveys.columns.kind')}</Table.Th>
              <Table.Th>{t('surveys.columns.status')}</Table.Th>
              <Table.Th>{t('surveys.columns.anonymous')}</Table.Th>
              <Table.Th>{t('surveys.columns.round')}</Table.Th>
              {counted && <Table.Th ta="right">{t('surveys.columns.responses')}</Table.Th>}
              <Table.Th>{t('surveys.columns.updated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((survey) => (
              <Table.Tr key={survey.id} data-testid="survey-row" data-id={survey.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/surveys/${survey.id}/edit`}>
                    {survey.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`surveys.kinds.${survey.kind}`)}</Table.Td>
                <Table.Td>
                  <SurveyStatusBadge status={survey.status} />
                </Table.Td>
                <Table.Td>{survey.anonymous ? t('surveys.answers.yes') : t('surveys.answers.no')}</Table.Td>
                <Table.Td>
                  {survey.current_round === null ? '–' : survey.schedule ? t('surveys.roundNumber', { round: survey.current_round }) : t('surveys.openNow')}
                </Table.Td>
                {counted && <Table.Td ta="right">{typeof survey.responses === 'number' ? survey.responses.toLocaleString(i18n.language) : '–'}</Table.Td>}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(survey.updated_at, i18n.language)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/surveys/${survey.id}/results`} size="sm" data-testid="survey-results-link">
                    {t('surveys.resultsLink')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {surveys.hasNextPage && (
        <Button variant="default" onClick={() => void surveys.fetchNextPage()} loading={surveys.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
