// The survey's settings on the authoring screen: anonymity (explained plainly), who is asked (the
// segment-rule editor), what is kept with each answer, the campaign it belongs to, a repeat schedule
// for a pulse and the close date; each with the server's complaint beside it.
import { Alert, Card, Chip, Group, NumberInput, Select, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_KEYS, SURVEY_LIMITS } from '../../../shared/dialogue';
import { ruleErrorPointer } from '../audiences/problem-pointers';
import { RuleBuilder } from '../audiences/rule-builder';
import { problemAt } from '../campaigns/campaign-problems';
import { useCampaigns } from '../campaigns/campaign-queries';
import { segmentKeyLabel } from './segment-labels';
import { newSchedule, type SurveyDraft } from './survey-draft';

export type SurveySettingsProps = {
  draft: SurveyDraft;
  patch: (next: Partial<SurveyDraft>) => void;
  error: unknown;
  /** Answers exist: what they were kept with may not change any more. */
  locked: boolean;
};

export function SurveySettings({ draft, patch, error, locked }: SurveySettingsProps) {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const campaignOptions = useMemo(() => {
    const items = (campaigns.data?.pages ?? []).flatMap((page) => page.items);
    const options = items.map((c) => ({ value: String(c.id), label: c.name }));
    // A campaign beyond the first page still shows by its number.
    if (draft.campaign !== null && !options.some((o) => o.value === draft.campaign)) options.push({ value: draft.campaign, label: `#${draft.campaign}` });
    return options;
  }, [campaigns.data, draft.campaign]);
  const schedule = draft.schedule;
  const patchSchedule = (next: Partial<NonNullable<SurveyDraft['schedule']>>) => schedule && patch({ schedule: { ...schedule, ...next } });
  const toggleKey = (keys: string[]) => patch({ segmentKeys: SEGMENT_KEYS.filter((k) => keys.includes(k)) });

  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('surveys.settings.privacyTitle')}
          </Title>
          <Switch
            label={t('surveys.settings.anonymous')}
            checked={draft.anonymous}
            onChange={(e) => patch({ anonymous: e.currentTarget.checked })}
            disabled={locked}
            data-testid="survey-anonymous"
          />
          <Alert variant="light" color={draft.anonymous ? 'teal' : 'yellow'} data-testid="survey-anonymous-explained">
            {draft.anonymous ? t('surveys.settings.anonymousExplained') : t('surveys.settings.identifiedExplained')}
          </Alert>
          <Text size="sm" fw={500}>
            {t('surveys.settings.segmentKeys')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('surveys.settings.segmentKeysHint')}
          </Text>
          <Chip.Group multiple value={draft.segmentKeys} onChange={toggleKey}>
            <Group gap={6} data-testid="survey-segment-keys">
              {SEGMENT_KEYS.map((key) => (
                <Chip key={key} value={key} size="xs" disabled={locked} data-testid={`segment-key-${key}`}>
                  {segmentKeyLabel(t, key)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {problemAt(error, t, '/segment_keys', true) && (
            <Text size="sm" c="red">
              {problemAt(error, t, '/segment_keys', true)}
            </Text>
          )}
          {problemAt(error, t, '/anonymous') && (
            <Text size="sm" c="red">
              {problemAt(error, t, '/anonymous')}
            </Text>
          )}
        </Stack>
      </Card>

      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('surveys.settings.audienceTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.settings.audienceHint')}
        </Text>
      </Stack>
      <RuleBuilder value={draft.audience} onChange={(audience) => patch({ audience })} errorPointer={ruleErrorPointer(error, '/audience')} />
      {problemAt(error, t, '/audience', true) && (
        <Text size="sm" c="red" data-testid="survey-audience-error">
          {problemAt(error, t, '/audience', true)}
        </Text>
      )}

      <Card withBorder radius="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('surveys.settings.whenTitle')}
          </Title>
          <Select
            maw={420}
            label={t('surveys.settings.campaign')}
            description={t('surveys.settings.campaignHint')}
            placeholder={t('surveys.settings.noCampaign')}
            data={campaignOptions}
            value={draft.campaign}
            onChange={(campaign) => patch({ campaign })}
            clearable
            searchable
            error={problemAt(error, t, '/campaign')}
            data-testid="survey-campaign"
          />
          <Switch
            label={t('surveys.settings.repeat')}
            checked={schedule !== null}
            onChange={(e) => patch({ schedule: e.currentTarget.checked ? newSchedule() : null })}
            data-testid="survey-repeat"
          />
          {schedule !== null ? (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('surveys.settings.every')}
                </Text>
                <SegmentedControl
                  value={schedule.every}
                  onChange={(every) => patchSchedule({ every: every })}
                  data={[
                    { value: 'week', label: t('surveys.settings.weekly') },
                    { value: 'month', label: t('surveys.settings.monthly') },
                  ]}
                  data-testid="survey-repeat-every"
                />
              </Stack>
              <TextInput
                type="datetime-local"
                label={t('surveys.settings.startsAt')}
                value={schedule.startsAt}
                onChange={(e) => patchSchedule({ startsAt: e.currentTarget.value })}
                error={problemAt(error, t, '/schedule/starts_at')}
                data-testid="survey-starts-at"
              />
              <TextInput
                type="date"
                label={t('surveys.settings.until')}
                value={schedule.until}
                onChange={(e) => patchSchedule({ until: e.currentTarget.value })}
                error={problemAt(error, t, '/schedule/until')}
              />
              <NumberInput
                label={t('surveys.settings.reminderAfter')}
                description={t('surveys.settings.reminderAfterHint')}
                min={1}
                max={SURVEY_LIMITS.reminderAfterHours}
                value={schedule.reminderAfterHours}
                onChange={(v) => patchSchedule({ reminderAfterHours: typeof v === 'number' ? v : '' })}
                error={problemAt(error, t, '/schedule/reminder_after_hours')}
              />
            </SimpleGrid>
          ) : (
            <TextInput
              maw={320}
              type="datetime-local"
              label={t('surveys.settings.closesAt')}
              description={t('surveys.settings.closesAtHint')}
              value={draft.closesAt}
              onChange={(e) => patch({ closesAt: e.currentTarget.value })}
              error={problemAt(error, t, '/closes_at')}
              data-testid="survey-closes-at"
            />
          )}
          {problemAt(error, t, '/schedule') && (
            <Text size="sm" c="red">
              {problemAt(error, t, '/schedule')}
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
