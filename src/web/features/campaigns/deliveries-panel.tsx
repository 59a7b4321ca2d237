// A campaign's delivery log: who got what on which channel and when, and why someone did not
// (no address, bounced before, rejected, gave up), filtered by state, in pages.
import { useMemo, useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DELIVERY_REASONS, DELIVERY_STATES } from '../../../shared/delivery';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useDeliveries, type DeliveryState } from './campaign-queries';

const STATE_COLOURS: Record<DeliveryState, string> = {
  held: 'grape',
  queued: 'gray',
  sending: 'orange',
  sent: 'green',
  failed: 'red',
  bounced: 'red',
  suppressed: 'yellow',
};

type Reason = (typeof DELIVERY_REASONS)[number];
const isReason = (value: string): value is Reason => (DELIVERY_REASONS as readonly string[]).includes(value);
const isState = (value: string | null): value is DeliveryState => value !== null && (DELIVERY_STATES as readonly string[]).includes(value);

export function DeliveriesPanel({ campaignId }: { campaignId: number }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<DeliveryState | null>(null);
  const deliveries = useDeliveries(campaignId, state);
  const items = useMemo(() => (deliveries.data?.pages ?? []).flatMap((page) => page.items), [deliveries.data]);

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('campaigns.deliveries.state')}
          placeholder={t('campaigns.deliveries.anyState')}
          data={DELIVERY_STATES.map((s) => ({ value: s, label: t(`campaigns.deliveries.states.${s}`) }))}
          value={state}
          onChange={(value) => setState(isState(value) ? value : null)}
          clearable
          data-testid="deliveries-state"
        />
        <Button variant="default" onClick={() => void deliveries.refetch()} loading={deliveries.isRefetching && !deliveries.isFetchingNextPage}>
          {t('campaigns.deliveries.refresh')}
        </Button>
      </Group>
      {deliveries.isPending && <PageLoader />}
      {deliveries.error && <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg" data-testid="deliveries-empty">
          {t('campaigns.deliveries.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped data-testid="deliveries-table" aria-busy={deliveries.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.columns.person')}</Table.Th>
              <Table.Th>{t('campaigns.columns.variant')}</Table.Th>
              <Table.Th>{t('campaigns.columns.language')}</Table.Th>
              <Table.Th>{t('campaigns.columns.channel')}</Table.Th>
              <Table.Th>{t('campaigns.columns.state')}</Table.Th>
              <Table.Th>{t('campaigns.columns.reason')}</Table.Th>
              <Table.Th>{t('campaigns.columns.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((delivery) => (
              <Table.Tr
                key={`${delivery.person.external_id ?? delivery.person.email ?? ''} ${delivery.channel} ${delivery.step} ${delivery.message_id ?? ''}`}
                data-testid="delivery-row"
                data-state={delivery.state}
              >
                <Table.Td>
                  <Text size="sm">{delivery.person.external_id ?? '—'}</Text>
                  {delivery.person.email && (
                    <Text size="xs" c="dimmed">
                      {delivery.person.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{delivery.variant}</Table.Td>
                <Table.Td>{formatLanguageName(delivery.language, i18n.language)}</Table.Td>
                <Table.Td>{t(`channels.${delivery.channel}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOURS[delivery.state]} variant="light">
                    {t(`campaigns.deliveries.states.${delivery.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {delivery.reason === null
                      ? '—'
                      : isReason(delivery.reason)
                        ? t(`campaigns.deliveries.reasons.${delivery.reason}`)
                        : t('campaigns.deliveries.reasons.other')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{delivery.sent_at ? formatTimestamp(delivery.sent_at, i18n.language) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deliveries.hasNextPage && (
        <Button variant="default" onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
