// /preferences — the signed-in employee's own choices: which topics they follow and on which channels,
// their channels in general, and quiet hours in their time zone. Must-reads reach them regardless.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/campaigns';
import type { Preferences, PreferencesInput } from '../../../shared/preferences';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { problemAt } from '../campaigns/campaign-problems';
import { ChannelChoice } from './channel-choice';
import { usePreferences, useSavePreferences } from './preferences-queries';

type Draft = {
  channels: Channel[] | null;
  quiet: { mode: 'default' | 'off' | 'custom'; start: string; end: string };
  topics: { key: string; subscribed: boolean; channels: Channel[] | null }[];
};

const draftOf = (p: Preferences): Draft => ({
  channels: p.channels,
  quiet: { mode: p.quiet_hours.mode, start: p.quiet_hours.start ?? '20:00', end: p.quiet_hours.end ?? '07:00' },
  topics: p.topics.map((topic) => ({ key: topic.key, subscribed: topic.subscribed, channels: topic.channels })),
});

const inputOf = (d: Draft): PreferencesInput => ({
  channels: d.channels,
  quiet_hours: d.quiet.mode === 'custom' ? { mode: 'custom', start: d.quiet.start, end: d.quiet.end } : { mode: d.quiet.mode },
  topics: d.topics,
});

const nameIn = (names: Record<string, string>, language: string, fallback: string) =>
  names[language] ?? names[language.split('-')[0]!] ?? names.en ?? Object.values(names)[0] ?? fallback;

export function PreferencesPage() {
  const { t, i18n } = useTranslation();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (preferences.data) setDraft(draftOf(preferences.data));
  }, [preferences.data]);

  if (preferences.isPending) return <PageLoader />;
  if (preferences.error) return <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />;
  if (!draft) return <PageLoader />;
  const data = preferences.data;
  const general = draft.channels ?? data.organisation.channels;
  const orgQuiet = data.organisation.quiet_hours;
  const patch = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const patchTopic = (key: string, change: Partial<Draft['topics'][number]>) =>
    patch({ topics: draft.topics.map((topic) => (topic.key === key ? { ...topic, ...change } : topic)) });

  return (
    <Stack gap="md" maw={900} data-testid="preferences-page">
      <Stack gap={4}>
        <Title order={2}>{t('preferences.title')}</Title>
        <Text c="dimmed">{t('preferences.intro')}</Text>
      </Stack>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('preferences.topicsTitle')}
        </Title>
        {data.topics.length === 0 && <Text c="dimmed">{t('preferences.noTopics')}</Text>}
        <Stack gap="md">
          {data.topics.map((topic) => {
            const mine = draft.topics.find((d) => d.key === topic.key)!;
            return (
              <Stack key={topic.key} gap={6} data-testid={`topic-${topic.key}`}>
                <Switch
                  label={nameIn(topic.names, i18n.language, topic.key)}
                  description={nameIn(topic.descriptions, i18n.language, '')}
                  checked={mine.subscribed}
                  onChange={(e) => patchTopic(topic.key, { subscribed: e.currentTarget.checked })}
                  data-testid={`topic-${topic.key}-subscribed`}
                />
                {mine.subscribed && (
                  <ChannelChoice
                    value={mine.channels}
                    inherited={draft.channels ?? topic.default_channels ?? data.organisation.channels}
                    onChange={(channels) => patchTopic(topic.key, { channels })}
                    testId={`topic-${topic.key}-channels`}
                  />
                )}
              </Stack>
            );
          })}
        </Stack>
        <Text size="sm" c="dimmed" mt="sm">
          {t('preferences.mustReadNote')}
        </Text>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('preferences.channelsTitle')}
        </Title>
        <ChannelChoice value={draft.channels} inherited={data.organisation.channels} onChange={(channels) => patch({ channels })} testId="general-channels" />
        {problemAt(save.error, t, '/channels', true) && (
          <Text c="red" size="sm">
            {problemAt(save.error, t, '/channels', true)}
          </Text>
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {t('preferences.channelsHint', { channels: general.map((c) => t(`preferences.channels.${c}`)).join(', ') })}
        </Text>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('preferences.quietTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('preferences.quietHint', { zone: data.time_zone })}
        </Text>
        <SegmentedControl
          value={draft.quiet.mode}
          onChange={(mode) => patch({ quiet: { ...draft.quiet, mode: mode } })}
          data={[
            {
              value: 'default',
              label: orgQuiet ? t('preferences.quietDefault', { start: orgQuiet.start, end: orgQuiet.end }) : t('preferences.quietDefaultNone'),
            },
            { value: 'off', label: t('preferences.quietOff') },
            { value: 'custom', label: t('preferences.quietCustom') },
          ]}
          data-testid="quiet-mode"
        />
        {draft.quiet.mode === 'custom' && (
          <Group mt="sm">
            <TextInput
              type="time"
              label={t('preferences.quietStart')}
              value={draft.quiet.start}
              onChange={(e) => patch({ quiet: { ...draft.quiet, start: e.currentTarget.value } })}
              error={problemAt(save.error, t, '/quiet_hours/start')}
              data-testid="quiet-start"
            />
            <TextInput
              type="time"
              label={t('preferences.quietEnd')}
              value={draft.quiet.end}
              onChange={(e) => patch({ quiet: { ...draft.quiet, end: e.currentTarget.value } })}
              error={problemAt(save.error, t, '/quiet_hours/end')}
              data-testid="quiet-end"
            />
          </Group>
        )}
      </Card>

      {save.error !== null && <ErrorAlert error={save.error} />}
      {saved && (
        <Alert color="green" data-testid="preferences-saved">
          {t('preferences.saved')}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate(inputOf(draft), { onSuccess: () => setSaved(true) })} loading={save.isPending} data-testid="preferences-save">
          {t('preferences.save')}
        </Button>
      </Group>
    </Stack>
  );
}
