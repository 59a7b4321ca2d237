// /outbox — the mail kept without an SMTP server, newest first, and one message opened beside the list
// (its HTML in a sandboxed frame, its text part below).
import { useMemo, useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useOutbox, useOutboxMessage } from './campaign-queries';
import { MessageFrame } from './message-frame';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  const [selected, setSelected] = useState<number | null>(null);
  const message = useOutboxMessage(selected);
  const items = useMemo(() => (outbox.data?.pages ?? []).flatMap((page) => page.items), [outbox.data]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('outbox.title')}</Title>
          <Text c="dimmed">{t('outbox.intro')}</Text>
        </Stack>
        <Button variant="default" onClick={() => void outbox.refetch()} loading={outbox.isRefetching && !outbox.isFetchingNextPage}>
          {t('campaigns.deliveries.refresh')}
        </Button>
      </Group>
      {outbox.isPending && <PageLoader />}
      {outbox.error && <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="outbox-empty">
          {t('outbox.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Stack gap="xs">
            <Table highlightOnHover data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.columns.subject')}</Table.Th>
                  <Table.Th>{t('outbox.columns.to')}</Table.Th>
                  <Table.Th>{t('outbox.columns.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id} data-testid="outbox-row" bg={item.id === selected ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <UnstyledButton onClick={() => setSelected(item.id)} data-testid="outbox-open" aria-pressed={item.id === selected}>
                        <Text size="sm" fw={500}>
                          {item.subject}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.to}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatTimestamp(item.created_at, i18n.language)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {outbox.hasNextPage && (
              <Button variant="default" onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage}>
                {t('directory.loadMore')}
              </Button>
            )}
          </Stack>
          <Card withBorder radius="md" data-testid="outbox-viewer">
            {selected === null && <Text c="dimmed">{t('outbox.pick')}</Text>}
            {selected !== null && message.isPending && <PageLoader />}
            {message.error && <ErrorAlert error={message.error} onRetry={() => void message.refetch()} />}
            {message.data && (
              <Stack gap="xs">
                <Text fw={600} data-testid="outbox-subject">
                  {message.data.subject}
                </Text>
                <Text size="sm">
                  {t('outbox.from')}: {message.data.from}
                </Text>
                <Text size="sm">
                  {t('outbox.to')}: {message.data.to}
                </Text>
                <Text size="xs" c="dimmed">
                  {message.data.message_id}
                </Text>
                <MessageFrame html={message.data.html} text={message.data.text} title={t('outbox.frameTitle')} />
              </Stack>
            )}
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}
