// "Who gets what": how many people get which variant in which language on which channel, and in all.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { PageLoader } from '../../ui/page-loader';
import { useAssignments } from './campaign-queries';

export type AssignmentsPanelProps = { campaignId: number; version: string };

export function AssignmentsPanel({ campaignId, version }: AssignmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const assignments = useAssignments(campaignId, version);
  const number = (n: number) => n.toLocaleString(i18n.language);

  if (assignments.isPending) return <PageLoader />;
  if (assignments.error) return <ErrorAlert error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const { by, total } = assignments.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('campaigns.assignments.hint')}
      </Text>
      {by.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg" data-testid="assignments-empty">
          {t('campaigns.assignments.empty')}
        </Text>
      ) : (
        <Table striped data-testid="assignments-table" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.columns.variant')}</Table.Th>
              <Table.Th>{t('campaigns.columns.language')}</Table.Th>
              <Table.Th>{t('campaigns.columns.channel')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.columns.people')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {by.map((row) => (
              <Table.Tr
                key={`${row.variant} ${row.language} ${row.channel}`}
                data-testid="assignment-row"
                data-variant={row.variant}
                data-language={row.language}
                data-channel={row.channel}
                data-count={row.count}
              >
                <Table.Td>{row.variant}</Table.Td>
                <Table.Td>{formatLanguageName(row.language, i18n.language)}</Table.Td>
                <Table.Td>{t(`channels.${row.channel}`)}</Table.Td>
                <Table.Td ta="right">{number(row.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('campaigns.assignments.total')}</Table.Th>
              <Table.Th ta="right" data-testid="assignments-total" data-count={total}>
                {number(total)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
}
