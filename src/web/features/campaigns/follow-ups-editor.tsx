// A campaign's follow-ups: reminders sent some hours later to whoever has not opened, clicked,
// acknowledged or passed the quiz, with a subject per language and at most 1–5 sends each. The server's
// complaints (`/follow_ups/0/subject`, …) are shown at their fields.
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS, FOLLOW_UP_CONDITIONS } from '../../../shared/campaigns';
import { UI_LANGUAGES } from '../../../shared/identity';
import { formatLanguageName } from '../../ui/format';
import { newFollowUp, type FollowUpDraft } from './campaign-draft';
import { problemAt } from './campaign-problems';

export type FollowUpsEditorProps = {
  followUps: FollowUpDraft[];
  defaultLanguage: string;
  onChange: (next: FollowUpDraft[]) => void;
  /** The failed save, whose complaints are shown at their fields. */
  error: unknown;
  disabled?: boolean;
};

export function FollowUpsEditor({ followUps, defaultLanguage, onChange, error, disabled }: FollowUpsEditorProps) {
  const { t, i18n } = useTranslation();
  const patch = (index: number, next: Partial<FollowUpDraft>) => onChange(followUps.map((f, i) => (i === index ? { ...f, ...next } : f)));
  const languagesOf = (followUp: FollowUpDraft) => [
    ...UI_LANGUAGES,
    ...Object.keys(followUp.subject).filter((language) => !(UI_LANGUAGES as readonly string[]).includes(language)),
  ];

  return (
    <Stack gap="sm" data-testid="follow-ups">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('campaigns.followUps.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.followUps.hint')}
          </Text>
        </Stack>
        <Button
          variant="light"
          onClick={() => onChange([...followUps, newFollowUp()])}
          disabled={disabled || followUps.length >= CAMPAIGN_LIMITS.followUps}
          data-testid="follow-up-add"
        >
          {t('campaigns.followUps.add')}
        </Button>
      </Group>
      {problemAt(error, t, '/follow_ups') && (
        <Alert color="red" variant="light">
          {problemAt(error, t, '/follow_ups')}
        </Alert>
      )}
      {followUps.map((followUp, index) => {
        const at = `/follow_ups/${index}`;
        const general = [problemAt(error, t, at), problemAt(error, t, `${at}/subject`), problemAt(error, t, `${at}/channels`, true)].filter(
          (text) => text !== undefined,
        );
        return (
          <Card key={followUp.uid} withBorder radius="md" data-testid="follow-up">
            <Stack gap="sm">
              {general.length > 0 && (
                <Alert color="red" variant="light" data-testid="follow-up-problems">
                  {general.join('; ')}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={t('campaigns.followUps.afterHours')}
                  min={1}
                  max={CAMPAIGN_LIMITS.afterHours}
                  allowDecimal={false}
                  value={followUp.afterHours}
                  onChange={(value) => patch(index, { afterHours: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
                  error={problemAt(error, t, `${at}/after_hours`)}
                  disabled={disabled}
                  data-testid="follow-up-after-hours"
                />
                <Select
                  label={t('campaigns.followUps.condition')}
                  data={FOLLOW_UP_CONDITIONS.map((condition) => ({ value: condition, label: t(`campaigns.followUps.conditions.${condition}`) }))}
                  value={followUp.condition}
                  onChange={(value) => {
                    const condition = FOLLOW_UP_CONDITIONS.find((c) => c === value);
                    if (condition) patch(index, { condition });
                  }}
                  allowDeselect={false}
                  error={problemAt(error, t, `${at}/condition`)}
                  disabled={disabled}
                  data-testid="follow-up-condition"
                />
                <NumberInput
                  label={t('campaigns.followUps.maxSends')}
                  min={1}
                  max={5}
                  allowDecimal={false}
                  value={followUp.maxSends}
                  onChange={(value) => patch(index, { maxSends: typeof value === 'number' ? value : 1 })}
                  error={problemAt(error, t, `${at}/max_sends`)}
                  disabled={disabled}
                  data-testid="follow-up-max-sends"
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                {languagesOf(followUp).map((language) => (
                  <TextInput
                    key={language}
                    label={t('campaigns.followUps.subject', { language: formatLanguageName(language, i18n.language) })}
                    required={language === defaultLanguage}
                    maxLength={CAMPAIGN_LIMITS.subject}
                    value={followUp.subject[language] ?? ''}
                    onChange={(e) => patch(index, { subject: { ...followUp.subject, [language]: e.currentTarget.value } })}
                    error={problemAt(error, t, `${at}/subject/${language}`)}
                    disabled={disabled}
                    data-testid={`follow-up-subject-${language}`}
                  />
                ))}
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(followUps.filter((_, i) => i !== index))}
                  disabled={disabled}
                  data-testid="follow-up-remove"
                >
                  {t('campaigns.followUps.remove')}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
