// A campaign's opens and clicks flagged as machine traffic (ADR 0022): mail scanners and privacy
// proxies, each with its reason, so a communicator sees what was kept out of the figures and why.
import { Badge, Card, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { machineEventsSchema } from '../../../shared/tracking';
import { apiRequest } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { campaignPath } from './campaign-queries';

export function MachineEventsPanel({ campaignId }: { campaignId: number }) {
  const { t, i18n } = useTranslation();
  const events = useQuery({
    queryKey: ['campaigns', 'machine-events', campaignId],
    queryFn: ({ signal }) => apiRequest(`${campaignPath(campaignId)}/machine-events`, machineEventsSchema, { signal }),
  });
  if (events.error) return <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  if (!events.data) return <PageLoader />;
  return (
    <Card withBorder data-testid="machine-events">
      <Stack gap="xs">
        <Text fw={600}>{t('tracking.machine.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('tracking.machine.intro')}
        </Text>
        {events.data.items.length === 0 ? (
          <Text size="sm" data-testid="machine-events-empty">
            {t('tracking.machine.none')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tracking.machine.columns.at')}</Table.Th>
                <Table.Th>{t('tracking.machine.columns.kind')}</Table.Th>
                <Table.Th>{t('tracking.machine.columns.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((e) => (
                <Table.Tr key={e.id} data-testid="machine-event">
                  <Table.Td>{formatTimestamp(e.occurred_at, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm">
                      {t(`tracking.machine.kinds.${e.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {t(`tracking.machine.reasons.${e.reason}`)}
                    {e.network ? ` (${t(`tracking.machine.networks.${e.network}`, { defaultValue: e.network })})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
