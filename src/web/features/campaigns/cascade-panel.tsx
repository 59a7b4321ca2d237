// A campaign's leader cascade for the communicator: how many leaders released their team on time
// (the participation KPI), the totals, and per leader briefed, viewed, released (by the leader or
// the deadline) and on time.
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CascadeReport } from '../../../shared/cascade';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useCascadeReport } from '../briefings/briefing-queries';

type Leader = CascadeReport['items'][number];

export function CascadePanel({ campaignId, live }: { campaignId: number; live: boolean }) {
  const { t, i18n } = useTranslation();
  const report = useCascadeReport(campaignId, live);
  const when = (iso: string | null) => (iso ? formatTimestamp(iso, i18n.language) : '—');
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoader />;
  const { totals, participation, items } = report.data;
  const released = (leader: Leader) =>
    leader.released_by === null ? (
      <Badge color="gray" variant="light">
        {t('campaigns.cascadeReport.waiting')}
      </Badge>
    ) : (
      <Badge color={leader.released_by === 'leader' ? 'green' : 'orange'} variant="light">
        {t(`campaigns.cascadeReport.releasedBy.${leader.released_by}`)}
      </Badge>
    );
  return (
    <Stack gap="md" data-testid="cascade-report">
      <Card withBorder radius="md">
        <Group justify="space-between" align="center">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('campaigns.cascadeReport.kpi')}
            </Text>
            <Text size="xl" fw={700} data-testid="cascade-participation">
              {participation === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(participation)}
            </Text>
          </Stack>
          <Text size="sm" data-testid="cascade-totals">
            {t('campaigns.cascadeReport.totals', { ...totals, deadline: when(report.data.deadline) })}
          </Text>
        </Group>
      </Card>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('campaigns.cascadeReport.empty')}
        </Text>
      ) : (
        <Table striped data-testid="cascade-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.cascadeReport.leader')}</Table.Th>
              <Table.Th>{t('campaigns.cascadeReport.team')}</Table.Th>
              <Table.Th>{t('campaigns.cascadeReport.briefed')}</Table.Th>
              <Table.Th>{t('campaigns.cascadeReport.viewed')}</Table.Th>
              <Table.Th>{t('campaigns.cascadeReport.released')}</Table.Th>
              <Table.Th>{t('campaigns.cascadeReport.onTime')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((leader) => (
              <Table.Tr key={leader.person.external_id ?? leader.person.display_name ?? ''} data-testid="cascade-row" data-leader={leader.person.external_id}>
                <Table.Td>
                  <Text size="sm">{leader.person.display_name ?? '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {leader.person.external_id}
                  </Text>
                </Table.Td>
                <Table.Td>{leader.team_size.toLocaleString(i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(leader.briefed_at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(leader.viewed_at)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {released(leader)}
                    <Text size="xs" c="dimmed">
                      {when(leader.released_at)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td data-testid="cascade-on-time">
                  {leader.on_time === null ? '—' : leader.on_time ? t('campaigns.cascadeReport.yes') : t('campaigns.cascadeReport.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
