// /surveys/:id/results — what people answered: responses and eNPS, each question's figures, the
// breakdown by a segment key (groups smaller than k said as "fewer than k", never a number), the trend
// across the rounds of a pulse, and the CSV download.
import { useState } from 'react';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEGMENT_KEYS, type SegmentKey, type SurveyView } from '../../../shared/dialogue';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { questionsOf, useResultsFormat } from './results-format';
import { QuestionCard, SegmentBreakdown, TrendChart } from './results-charts';
import { parseSurveyId } from './survey-id';
import { surveyPath, useSurvey, useSurveyResults } from './survey-queries';
import { SurveyStatusBadge } from './surveys-page';

export function SurveyResultsPage() {
  const id = parseSurveyId(useParams().id);
  const survey = useSurvey(id ?? 0, id !== null);
  if (id === null || (survey.error instanceof ApiError && survey.error.status === 404)) return <NotFoundPage />;
  if (survey.error) return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  if (!survey.data) return <PageLoader />;
  return <Results survey={survey.data} />;
}

function Results({ survey }: { survey: SurveyView }) {
  const { t, i18n } = useTranslation();
  const format = useResultsFormat();
  const [round, setRound] = useState<number | 'all'>('all');
  const results = useSurveyResults(survey.id, round);
  const questions = questionsOf(survey.definition, i18n.language);
  const data = results.data;
  const keys = SEGMENT_KEYS.filter((key) => survey.segment_keys.includes(key) || data?.by_segment.some((row) => row.key === key));
  const [segmentKey, setSegmentKey] = useState<SegmentKey | null>(null);
  const chosenKey = segmentKey ?? keys[0] ?? null;
  const names = data
    ? [
        ...questions.map((q) => q.name).filter((name) => name in data.questions),
        ...Object.keys(data.questions).filter((name) => !questions.some((q) => q.name === name)),
      ]
    : [];
  const rounds = data?.trend ?? [];

  return (
    <Stack gap="md" data-testid="survey-results-page">
      <Anchor component={Link} to="/surveys" size="sm">
        {t('surveys.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{t('surveys.results.title', { title: survey.title })}</Title>
            <SurveyStatusBadge status={survey.status} />
          </Group>
          {data && <Text c="dimmed">{t('surveys.results.privacyNote', { k: data.k })}</Text>}
        </Stack>
        <Group gap="xs" align="flex-end">
          {rounds.length > 1 && (
            <Select
              w={220}
              label={t('surveys.results.round')}
              data={[
                { value: 'all', label: t('surveys.results.allRounds') },
                ...rounds.map((r) => ({ value: String(r.round), label: t('surveys.results.roundLabel', { round: r.round, date: format.date(r.opens_at) }) })),
              ]}
              value={String(round)}
              onChange={(v) => setRound(v === null || v === 'all' ? 'all' : Number(v))}
              allowDeselect={false}
              data-testid="survey-round"
            />
          )}
          <Button
            component="a"
            href={`${surveyPath(survey.id)}/results.csv${round === 'all' ? '' : `?round=${round}`}`}
            download
            variant="light"
            data-testid="survey-csv"
          >
            {t('surveys.results.csv')}
          </Button>
        </Group>
      </Group>
      {results.isPending && <PageLoader />}
      {results.error && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder radius="md" data-testid="survey-total-responses">
              <Text size="sm" c="dimmed">
                {t('surveys.results.responses')}
              </Text>
              <Text fz={28} fw={700}>
                {format.number(data.responses)}
              </Text>
            </Card>
            {data.enps !== undefined && (
              <Card withBorder radius="md" data-testid="survey-enps">
                <Text size="sm" c="dimmed">
                  {t('surveys.results.enps')}
                </Text>
                <Text fz={28} fw={700}>
                  {data.enps === null ? t('surveys.results.fewerThan', { k: data.k }) : format.enps(data.enps)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('surveys.results.enpsExplained')}
                </Text>
              </Card>
            )}
          </SimpleGrid>
          {data.responses === 0 && (
            <Text c="dimmed" ta="center" py="md" data-testid="survey-no-responses">
              {t('surveys.results.none')}
            </Text>
          )}
          {rounds.length > 1 && round === 'all' && <TrendChart results={data} format={format} />}
          {keys.length > 0 && (
            <SegmentBreakdown results={data} keys={keys} segmentKey={chosenKey} onKeyChange={setSegmentKey} questions={questions} format={format} />
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {names.map((name) => {
              const result = data.questions[name];
              return result ? (
                <QuestionCard key={name} name={name} question={questions.find((q) => q.name === name)} result={result} k={data.k} format={format} />
              ) : null;
            })}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
