// /surveys/:id — answering a survey or quiz (a mail's link lands here after sign-in): first, plainly,
// whether it is anonymous and what is kept with the answer; then the questions in the reader's
// language; then a thank-you, or a quiz's score (with another try when it was not passed), or why it
// cannot be answered (answered already, closed).
import { useCallback, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResponseReceipt } from '../../../shared/dialogue';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { LazySurveyJsView } from './lazy-survey-js-view';
import { segmentKeyLabel } from './segment-labels';
import { parseSurveyId } from './survey-id';
import type { RespondentSurvey } from './survey-schemas';
import { useSubmitAnswers, useSurveyToAnswer } from './survey-queries';
import { unavailableReason, type Unavailable } from './survey-unavailable';

export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const id = parseSurveyId(useParams().id);
  const survey = useSurveyToAnswer(id ?? 0, id !== null);
  if (id === null || (survey.error instanceof ApiError && survey.error.status === 404)) return <NotFoundPage />;
  const reason = unavailableReason(survey.error);
  if (reason) return <UnavailableNotice reason={reason} />;
  if (survey.error) return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  if (!survey.data) return <PageLoader />;
  return (
    <Stack gap="md" maw={860} data-testid="survey-answer-page">
      <Anchor component={Link} to="/feed" size="sm">
        {t('surveys.answer.back')}
      </Anchor>
      <Title order={2} data-testid="survey-answer-title">
        {survey.data.title}
      </Title>
      <AnswerSurvey survey={survey.data} />
    </Stack>
  );
}

function UnavailableNotice({ reason }: { reason: Unavailable }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/feed" size="sm">
        {t('surveys.answer.back')}
      </Anchor>
      <Alert color={reason === 'answered' ? 'teal' : 'gray'} variant="light" data-testid="survey-unavailable" data-reason={reason}>
        {t(`surveys.answer.${reason}`)}
      </Alert>
    </Stack>
  );
}

function AnswerSurvey({ survey }: { survey: RespondentSurvey }) {
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [answers, setAnswers] = useState<Record<string, unknown> | null>(null);
  const submit = useSubmitAnswers(survey.id);
  const { mutate } = submit;
  const onComplete = useCallback(
    (data: Record<string, unknown>) => {
      setAnswers(data);
      mutate(data);
    },
    [mutate],
  );
  const reason = unavailableReason(submit.error);

  // Before this page sent anything: a closed round, or answered already (a failed quiz may be taken again).
  if (!submit.isSuccess && answers === null) {
    if (!survey.open) return <UnavailableNotice reason="closed" />;
    // A quiz with its name that may not be taken again was passed; anything else was answered.
    if (!survey.can_answer) return <UnavailableNotice reason={survey.is_quiz && !survey.anonymous ? 'passed' : 'answered'} />;
  }
  if (reason) return <UnavailableNotice reason={reason} />;

  const tryAgain = () => {
    submit.reset();
    setAnswers(null);
    setAttempt((n) => n + 1);
  };

  return (
    <Stack gap="md">
      <PrivacyNotice survey={survey} />
      {survey.closes_at && (
        <Text size="sm" c="dimmed">
          {t('surveys.answer.closesAt', { date: formatTimestamp(survey.closes_at, i18n.language) })}
        </Text>
      )}
      {survey.answered && survey.is_quiz && answers === null && (
        <Alert variant="light" color="blue" data-testid="survey-quiz-again">
          {t('surveys.answer.quizAgain')}
        </Alert>
      )}
      {answers === null ? (
        <Card withBorder radius="md" padding="xs" data-testid="survey-form">
          <LazySurveyJsView definition={survey.definition} locale={i18n.language} onComplete={onComplete} showTitle={false} attempt={attempt} />
        </Card>
      ) : submit.isPending ? (
        <PageLoader />
      ) : submit.error ? (
        <Stack gap="xs">
          <ErrorAlert error={submit.error} title={t('surveys.answer.sendFailed')} onRetry={() => mutate(answers)} />
        </Stack>
      ) : submit.data ? (
        <Receipt receipt={submit.data} onTryAgain={tryAgain} />
      ) : null}
    </Stack>
  );
}

/** Whether the survey is anonymous and what is kept with the answer, before any question. */
function PrivacyNotice({ survey }: { survey: RespondentSurvey }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color={survey.anonymous ? 'teal' : 'yellow'}
      title={survey.anonymous ? t('surveys.answer.anonymousTitle') : t('surveys.answer.identifiedTitle')}
      data-testid="survey-privacy"
      data-anonymous={String(survey.anonymous)}
    >
      <Stack gap={6}>
        <Text size="sm">{survey.anonymous ? t('surveys.answer.anonymousExplained') : t('surveys.answer.identifiedExplained')}</Text>
        {survey.segment_keys.length > 0 ? (
          <>
            <Text size="sm">{t('surveys.answer.keptWith')}</Text>
            <List size="sm" data-testid="survey-kept-with">
              {survey.segment_keys.map((key) => (
                <List.Item key={key}>{segmentKeyLabel(t, key)}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed">
              {t('surveys.answer.smallGroups')}
            </Text>
          </>
        ) : (
          survey.anonymous && <Text size="sm">{t('surveys.answer.nothingKept')}</Text>
        )}
        {survey.is_quiz && <Text size="sm">{t('surveys.answer.quizNote')}</Text>}
      </Stack>
    </Alert>
  );
}

function Receipt({ receipt, onTryAgain }: { receipt: ResponseReceipt; onTryAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const quiz = receipt.quiz;
  if (!quiz) {
    return (
      <Alert color="teal" variant="light" title={t('surveys.answer.thanksTitle')} data-testid="survey-thanks">
        {t('surveys.answer.thanks')}
      </Alert>
    );
  }
  const score = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(quiz.score);
  return (
    <Alert
      color={quiz.passed ? 'teal' : 'orange'}
      variant="light"
      title={quiz.passed ? t('surveys.answer.passedTitle') : t('surveys.answer.failedTitle')}
      data-testid="survey-quiz-result"
      data-passed={String(quiz.passed)}
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="survey-quiz-score">
          {t('surveys.answer.score', { correct: quiz.correct, questions: quiz.questions, score })}
        </Text>
        {!quiz.passed && (
          <Group>
            <Text size="sm">{t('surveys.answer.mayTryAgain')}</Text>
            <Button size="xs" onClick={onTryAgain} data-testid="survey-try-again">
              {t('surveys.answer.tryAgain')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
