// /topics — communicators and admins keep the topics campaigns may belong to: names per language,
// whether people follow a topic unless they chose otherwise, its default channels, and whether it is
// offered. A topic's key never changes (links in mail name it).
import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/campaigns';
import { UI_LANGUAGES } from '../../../shared/identity';
import { TOPIC_LIMITS, type Topic } from '../../../shared/preferences';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { PageLoader } from '../../ui/page-loader';
import { problemAt } from '../campaigns/campaign-problems';
import { ChannelChoice } from './channel-choice';
import { useSaveTopic, useTopics } from './preferences-queries';

type TopicDraft = {
  id: number | null;
  key: string;
  names: Record<string, string>;
  default_subscribed: boolean;
  default_channels: Channel[] | null;
  enabled: boolean;
};

const emptyDraft = (): TopicDraft => ({
  id: null,
  key: '',
  names: Object.fromEntries(UI_LANGUAGES.map((l) => [l, ''])),
  default_subscribed: true,
  default_channels: null,
  enabled: true,
});
const draftOf = (topic: Topic): TopicDraft => ({
  id: topic.id,
  key: topic.key,
  names: { ...Object.fromEntries(UI_LANGUAGES.map((l) => [l, ''])), ...topic.names },
  default_subscribed: topic.default_subscribed,
  default_channels: topic.default_channels,
  enabled: topic.enabled,
});

export function TopicsPage() {
  const { t, i18n } = useTranslation();
  const topics = useTopics();
  const save = useSaveTopic();
  const [draft, setDraft] = useState<TopicDraft>(emptyDraft);

  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          key: draft.key.trim(),
          names: Object.fromEntries(Object.entries(draft.names).filter(([, name]) => name.trim() !== '')),
          default_subscribed: draft.default_subscribed,
          default_channels: draft.default_channels,
          enabled: draft.enabled,
        },
      },
      { onSuccess: () => setDraft(emptyDraft()) },
    );

  return (
    <Stack gap="md" maw={1000} data-testid="topics-page">
      <Stack gap={4}>
        <Title order={2}>{t('topics.title')}</Title>
        <Text c="dimmed">{t('topics.intro')}</Text>
      </Stack>
      {topics.isPending && <PageLoader />}
      {topics.error && <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} />}
      {topics.data && topics.data.items.length > 0 && (
        <Table striped data-testid="topics-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('topics.key')}</Table.Th>
              <Table.Th>{t('topics.name')}</Table.Th>
              <Table.Th>{t('topics.defaultSubscribed')}</Table.Th>
              <Table.Th>{t('topics.enabled')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {topics.data.items.map((topic) => (
              <Table.Tr key={topic.id}>
                <Table.Td>{topic.key}</Table.Td>
                <Table.Td>{topic.names[i18n.language] ?? topic.names.en ?? Object.values(topic.names)[0]}</Table.Td>
                <Table.Td>{topic.default_subscribed ? t('topics.yes') : t('topics.no')}</Table.Td>
                <Table.Td>{topic.enabled ? <Badge color="green">{t('topics.yes')}</Badge> : <Badge color="gray">{t('topics.no')}</Badge>}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setDraft(draftOf(topic))} data-testid={`topic-edit-${topic.key}`}>
                    {t('topics.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {draft.id === null ? t('topics.newTitle') : t('topics.editTitle', { key: draft.key })}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('topics.key')}
            description={t('topics.keyHint')}
            maxLength={TOPIC_LIMITS.key}
            value={draft.key}
            disabled={draft.id !== null}
            onChange={(e) => setDraft({ ...draft, key: e.currentTarget.value })}
            error={problemAt(save.error, t, '/key')}
            data-testid="topic-key"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {UI_LANGUAGES.map((language) => (
              <TextInput
                key={language}
                label={t('topics.nameIn', { language: formatLanguageName(language, i18n.language) })}
                maxLength={TOPIC_LIMITS.name}
                value={draft.names[language] ?? ''}
                onChange={(e) => setDraft({ ...draft, names: { ...draft.names, [language]: e.currentTarget.value } })}
                error={problemAt(save.error, t, `/names/${language}`) ?? (language === 'en' ? problemAt(save.error, t, '/names') : undefined)}
                data-testid={`topic-name-${language}`}
              />
            ))}
          </SimpleGrid>
          <Switch
            label={t('topics.defaultSubscribedHint')}
            checked={draft.default_subscribed}
            onChange={(e) => setDraft({ ...draft, default_subscribed: e.currentTarget.checked })}
            data-testid="topic-default-subscribed"
          />
          <Text size="sm">{t('topics.defaultChannels')}</Text>
          <ChannelChoice
            value={draft.default_channels}
            inherited={['email', 'feed']}
            onChange={(default_channels) => setDraft({ ...draft, default_channels })}
            testId="topic-channels"
          />
          <Switch
            label={t('topics.enabledHint')}
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
            data-testid="topic-enabled"
          />
          {save.error !== null && <ErrorAlert error={save.error} />}
          <Group>
            <Button onClick={submit} loading={save.isPending} data-testid="topic-save">
              {draft.id === null ? t('topics.create') : t('topics.save')}
            </Button>
            {draft.id !== null && (
              <Button variant="default" onClick={() => setDraft(emptyDraft())}>
                {t('topics.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
