// A campaign's leader cascade in the editor: on or off, the deadline by which leaders release the
// message to their teams (after it the communicator's version goes out), and the talking points of
// their briefing per language. The server's complaints (`/cascade/...`) are shown at their fields.
import { Card, Group, Stack, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS } from '../../../shared/campaigns';
import { formatLanguageName } from '../../ui/format';
import type { CascadeDraft } from './campaign-draft';
import { problemAt } from './campaign-problems';

export type CascadeEditorProps = {
  cascade: CascadeDraft;
  defaultLanguage: string;
  onChange: (next: CascadeDraft) => void;
  error: unknown;
  disabled?: boolean;
};

export function CascadeEditor({ cascade, defaultLanguage, onChange, error, disabled }: CascadeEditorProps) {
  const { t, i18n } = useTranslation();
  const patch = (next: Partial<CascadeDraft>) => onChange({ ...cascade, ...next });
  const languages = Object.keys(cascade.talkingPoints);
  return (
    <Stack gap="sm" data-testid="cascade-editor">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('campaigns.cascade.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.cascade.hint')}
          </Text>
        </Stack>
        <Switch
          label={t('campaigns.cascade.enabled')}
          checked={cascade.enabled}
          onChange={(e) => patch({ enabled: e.currentTarget.checked })}
          disabled={disabled}
          data-testid="cascade-enabled"
        />
      </Group>
      {cascade.enabled && (
        <Card withBorder radius="md">
          <Stack gap="sm">
            <TextInput
              maw={320}
              type="datetime-local"
              required
              label={t('campaigns.cascade.deadline')}
              description={t('campaigns.cascade.deadlineHint')}
              value={cascade.deadline}
              onChange={(e) => patch({ deadline: e.currentTarget.value })}
              error={problemAt(error, t, '/cascade/deadline')}
              disabled={disabled}
              data-testid="cascade-deadline"
            />
            <Text size="sm" fw={500}>
              {t('campaigns.cascade.talkingPoints')}
            </Text>
            {problemAt(error, t, '/cascade/talking_points') && (
              <Text size="sm" c="red" data-testid="cascade-talking-points-error">
                {problemAt(error, t, '/cascade/talking_points')}
              </Text>
            )}
            <Tabs defaultValue={defaultLanguage} keepMounted={false}>
              <Tabs.List>
                {languages.map((language) => (
                  <Tabs.Tab key={language} value={language} data-testid={`cascade-language-${language}`}>
                    {formatLanguageName(language, i18n.language)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {languages.map((language) => (
                <Tabs.Panel key={language} value={language} pt="sm">
                  <Textarea
                    autosize
                    minRows={3}
                    maxLength={CAMPAIGN_LIMITS.talkingPoints}
                    description={t('campaigns.cascade.talkingPointsHint')}
                    value={cascade.talkingPoints[language] ?? ''}
                    onChange={(e) => patch({ talkingPoints: { ...cascade.talkingPoints, [language]: e.currentTarget.value } })}
                    error={problemAt(error, t, `/cascade/talking_points/${language}`)}
                    disabled={disabled}
                    data-testid={`cascade-talking-points-${language}`}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
