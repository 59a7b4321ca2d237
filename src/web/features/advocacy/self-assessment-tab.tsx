// The social-media self-assessment (ADR 0033): four questions place me on the 3×3 maturity grid; the
// result shows my cell, my stage's name and description, and what to try next.
import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATURITY_STAGES } from '../../../shared/advocacy';
import { ASSESSMENT_QUESTIONS, type AssessmentAnswers } from '../../../shared/advocacy-maturity';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { MaturityGrid } from './maturity-grid';
import { useMyMaturity, useSubmitAssessment } from './maturity-queries';

/** Option keys are question × option pairs the key types cannot follow; every pair has a text in each language. */
const anyKey = (t: unknown) => t as (key: string) => string;

export function SelfAssessmentTab() {
  const { t, i18n } = useTranslation();
  const me = useMyMaturity();
  const submit = useSubmitAssessment();
  const [answers, setAnswers] = useState<Partial<AssessmentAnswers>>({});
  const [retake, setRetake] = useState(false);
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  const stage = me.data.stage;
  const complete = ASSESSMENT_QUESTIONS.every((q) => answers[q.code] !== undefined);
  const showForm = stage === null || retake;
  const key = stage === null ? null : MATURITY_STAGES[stage - 1]!;

  const onSubmit = () => {
    if (!complete) return;
    submit.mutate(answers as AssessmentAnswers, { onSuccess: () => setRetake(false) });
  };

  return (
    <Stack gap="md" maw={860}>
      <Text>{t('advocacy.maturity.intro')}</Text>
      {key !== null && !showForm && (
        <Card withBorder data-testid="maturity-result">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3}>{t('advocacy.maturity.resultTitle', { name: t(`advocacy.maturity.stages.${key}.name`) })}</Title>
              {submit.data && submit.data.points > 0 && <Badge color="teal">{t('advocacy.maturity.pointsEarned', { count: submit.data.points })}</Badge>}
            </Group>
            <Text>{t(`advocacy.maturity.stages.${key}.description`)}</Text>
            <Text size="sm" c="dimmed">
              {me.data.source === 'self' && me.data.last_assessment
                ? t('advocacy.maturity.sourceSelf', { date: new Date(me.data.last_assessment.assessed_at).toLocaleDateString(i18n.language) })
                : t('advocacy.maturity.sourceHr')}
            </Text>
            <MaturityGrid highlight={stage} testId="maturity-my-grid" />
            <Alert variant="light" title={t('advocacy.maturity.next')}>
              {t(`advocacy.maturity.stages.${key}.next`)}
            </Alert>
            <Group>
              <Button variant="default" onClick={() => setRetake(true)}>
                {t('advocacy.maturity.retake')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {stage === null && !retake && <Text c="dimmed">{t('advocacy.maturity.noStage')}</Text>}
      {showForm && (
        <Card withBorder data-testid="maturity-questionnaire">
          <Stack gap="md">
            {ASSESSMENT_QUESTIONS.map((q) => (
              <Radio.Group
                key={q.code}
                label={t(`advocacy.maturity.questions.${q.code}.label`)}
                value={answers[q.code] ?? null}
                onChange={(value) => setAnswers((a) => ({ ...a, [q.code]: value }))}
                data-testid={`maturity-question-${q.code}`}
              >
                <Group mt="xs">
                  {q.options.map((option) => (
                    <Radio
                      key={option}
                      value={option}
                      label={anyKey(t)(`advocacy.maturity.questions.${q.code}.options.${option}`)}
                      data-testid={`maturity-${q.code}-${option}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
            ))}
            {submit.isError && <ErrorAlert error={submit.error} title={t('advocacy.maturity.failed')} />}
            <Group>
              <Button onClick={onSubmit} disabled={!complete} loading={submit.isPending} data-testid="maturity-submit">
                {t('advocacy.maturity.submit')}
              </Button>
              {retake && (
                <Button variant="default" onClick={() => setRetake(false)}>
                  {t('advocacy.waves.cancel')}
                </Button>
              )}
            </Group>
            {!complete && (
              <Text size="xs" c="dimmed">
                {t('advocacy.maturity.answerAll')}
              </Text>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
