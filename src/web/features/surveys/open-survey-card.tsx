// Surveys open to the reader in the feed: as a line under the campaign message they belong to, or,
// for those of no campaign in view, as a card of their own; each with a button to answer.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../audiences/format-timestamp';
import type { OpenSurvey } from './survey-schemas';

function AnswerButton({ survey }: { survey: OpenSurvey }) {
  const { t } = useTranslation();
  const quiz = survey.is_quiz ?? survey.kind === 'quiz';
  if (survey.can_answer === false) {
    return (
      <Badge variant="light" color="teal" data-testid="open-survey-answered">
        {t('surveys.feed.answered')}
      </Badge>
    );
  }
  return (
    <Button component={Link} to={`/surveys/${survey.id}`} size="xs" data-testid="open-survey-answer">
      {survey.answered ? t('surveys.answer.tryAgain') : quiz ? t('surveys.feed.takeQuiz') : t('surveys.feed.answer')}
    </Button>
  );
}

function Line({ survey }: { survey: OpenSurvey }) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="open-survey" data-id={survey.id}>
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {survey.title}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            t(`surveys.kinds.${survey.kind}`),
            survey.anonymous === undefined ? null : survey.anonymous ? t('surveys.feed.anonymous') : t('surveys.feed.identified'),
            survey.closes_at ? t('surveys.feed.closesAt', { date: formatTimestamp(survey.closes_at, i18n.language) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      <AnswerButton survey={survey} />
    </Group>
  );
}

/** Under a campaign's message: the surveys that belong to it. */
export function CampaignSurveys({ surveys }: { surveys: OpenSurvey[] }) {
  if (surveys.length === 0) return null;
  return (
    <Stack gap={6} pt={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid="campaign-surveys">
      {surveys.map((survey) => (
        <Line key={survey.id} survey={survey} />
      ))}
    </Stack>
  );
}

/** A survey with no campaign message in the feed, as its own card. */
export function OpenSurveyCard({ survey }: { survey: OpenSurvey }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="open-survey-card" style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}>
      <Line survey={survey} />
    </Card>
  );
}
