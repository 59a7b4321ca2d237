// /admin/chat: the chat channels campaigns post to. Admins add a Slack or Teams Workflows webhook bound
// to a saved segment, send it a test message, switch it off and on, and delete it. A webhook URL is
// never shown again after it was added: only its host and last characters.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Code, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatChannel, ChatTestResult } from '../../../shared/chat';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useSegments } from '../audiences/audience-queries';
import { ConfirmDeleteButton } from '../audiences/confirm-delete-button';
import { ProblemAlert } from '../audiences/problem-alert';
import { ChatChannelForm } from './chat-channel-form';
import { useChatChannels, useDeleteChatChannel, useTestChatChannel, useUpdateChatChannel } from './chat-queries';

/** A channel bound to a saved segment shows the segment's name; any other rule is a custom rule. */
function audienceLabel(channel: ChatChannel, names: Map<string, string>, custom: string): string {
  const segment = channel.audience.segment;
  return Object.keys(channel.audience).length === 1 && typeof segment === 'string' ? (names.get(segment) ?? segment) : custom;
}

function ChannelRow({ channel, segmentNames }: { channel: ChatChannel; segmentNames: Map<string, string> }) {
  const { t } = useTranslation();
  const update = useUpdateChatChannel();
  const remove = useDeleteChatChannel();
  const test = useTestChatChannel();
  const [result, setResult] = useState<ChatTestResult | null>(null);
  return (
    <Table.Tr data-testid="chat-channel-row" data-name={channel.name}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {channel.name}
        </Text>
        <Code>{channel.webhook}</Code>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={channel.kind === 'slack' ? 'grape' : 'indigo'}>
          {t(`chat.kinds.${channel.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{audienceLabel(channel, segmentNames, t('chat.customRule'))}</Text>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={channel.enabled}
          onChange={(event) => update.mutate({ id: channel.id, patch: { enabled: event.currentTarget.checked } })}
          label={channel.enabled ? t('chat.enabled') : t('chat.disabled')}
          disabled={update.isPending}
          data-testid="chat-channel-enabled"
        />
        {update.error && <ProblemAlert error={update.error} title={t('chat.updateFailed')} />}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              loading={test.isPending}
              onClick={() => {
                setResult(null);
                test.mutate(channel.id, { onSuccess: setResult });
              }}
              data-testid="chat-channel-test"
            >
              {t('chat.test')}
            </Button>
            <ConfirmDeleteButton
              title={t('chat.deleteTitle', { name: channel.name })}
              body={t('chat.deleteBody')}
              onConfirm={() => remove.mutate(channel.id)}
              deleting={remove.isPending}
              error={remove.error}
              testId="chat-channel-delete"
            />
          </Group>
          {result && (
            <Text size="xs" c={result.ok ? 'teal' : 'red'} data-testid="chat-channel-test-result" data-ok={result.ok}>
              {result.ok
                ? t('chat.testOk')
                : t(
                    `chat.testFailed.${result.reason === 'throttled' || result.reason === 'unreachable' || result.reason === 'address_blocked' ? result.reason : 'rejected'}`,
                    {
                      status: result.http_status ?? '—',
                    },
                  )}
            </Text>
          )}
          {test.error && <ProblemAlert error={test.error} />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function ChatChannelsPage() {
  const { t } = useTranslation();
  const channels = useChatChannels();
  const segments = useSegments();
  const segmentNames = useMemo(() => new Map((segments.data?.items ?? []).map((s) => [s.key, s.name])), [segments.data]);
  const [added, setAdded] = useState<string | null>(null);
  const items = channels.data?.items ?? [];
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('chat.title')}</Title>
        <Text c="dimmed">{t('chat.intro')}</Text>
      </Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>{t('chat.addTitle')}</Title>
          <ChatChannelForm onAdded={setAdded} />
        </Stack>
      </Card>
      {added && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setAdded(null)} data-testid="chat-channel-added">
          {t('chat.added', { name: added })}
        </Alert>
      )}
      {channels.isPending && <PageLoader />}
      {channels.error && <ErrorAlert error={channels.error} title={t('chat.failed')} onRetry={() => void channels.refetch()} />}
      {channels.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="chat-channels-empty">
          {t('chat.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped data-testid="chat-channels-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chat.columns.name')}</Table.Th>
              <Table.Th>{t('chat.columns.kind')}</Table.Th>
              <Table.Th>{t('chat.columns.audience')}</Table.Th>
              <Table.Th>{t('chat.columns.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((channel) => (
              <ChannelRow key={channel.id} channel={channel} segmentNames={segmentNames} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
