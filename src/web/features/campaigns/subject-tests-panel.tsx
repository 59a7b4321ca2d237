// A sent campaign's subject tests (ADR 0021): per variant, each line's e-mails, unique opens and open
// rate, when the test decides or why the winner won. Figures of groups smaller than k come as null
// from the server and are shown as a dash with the reason.
import { Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subjectTestReportSchema } from '../../../shared/campaigns';
import { apiRequest } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { campaignPath } from './campaign-queries';

/** A running test is asked for again now and then: opens come in while it runs. */
const REFRESH_MS = 30_000;

export function SubjectTestsPanel({ campaignId }: { campaignId: number }) {
  const { t, i18n } = useTranslation();
  const report = useQuery({
    queryKey: ['campaigns', 'subject-tests', campaignId],
    queryFn: ({ signal }) => apiRequest(`${campaignPath(campaignId)}/subject-tests`, subjectTestReportSchema, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.winner === null) ? REFRESH_MS : false),
  });
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoader />;
  const hidden = t('campaigns.subjectTest.tooSmall');
  const figure = (value: number | null, format: (n: number) => string) =>
    value === null ? (
      <Tooltip label={hidden}>
        <Text span c="dimmed">
          —
        </Text>
      </Tooltip>
    ) : (
      format(value)
    );
  const count = (n: number) => n.toLocaleString(i18n.language);
  const percent = (n: number) => n.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <Stack gap="md" data-testid="subject-tests">
      {report.data.items.map((item) => (
        <Card key={item.variant} withBorder data-testid={`subject-test-${item.variant}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{t('campaigns.subjectTest.variant', { variant: item.variant, share: item.share_percent })}</Text>
              <Text size="sm" c="dimmed" data-testid="subject-test-state">
                {item.decided_at && item.decision
                  ? t(`campaigns.subjectTest.decisions.${item.decision}`, { at: formatTimestamp(item.decided_at, i18n.language) })
                  : item.decide_at
                    ? t('campaigns.subjectTest.decidesAt', { at: formatTimestamp(item.decide_at, i18n.language) })
                    : t('campaigns.subjectTest.notStarted')}
              </Text>
            </Group>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.subjectTest.columns.line')}</Table.Th>
                  <Table.Th>{t('campaigns.subjectTest.columns.sent')}</Table.Th>
                  <Table.Th>{t('campaigns.subjectTest.columns.opens')}</Table.Th>
                  <Table.Th>{t('campaigns.subjectTest.columns.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.options.map((option) => (
                  <Table.Tr key={option.option} data-testid="subject-test-line">
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm">{option.subject}</Text>
                        {item.winner === option.option && (
                          <Badge color="green" size="sm" data-testid="subject-test-winner">
                            {t('campaigns.subjectTest.winner')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{figure(option.sent, count)}</Table.Td>
                    <Table.Td>{figure(option.unique_opens, count)}</Table.Td>
                    <Table.Td>{figure(option.open_rate, percent)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      ))}
      <Text size="xs" c="dimmed">
        {t('campaigns.subjectTest.opensNote')}
      </Text>
    </Stack>
  );
}
