// /campaigns — every campaign, newest first, with its status, delivery counts and last change.
import { useMemo } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useCampaigns } from './campaign-queries';
import { CampaignStatusBadge } from './campaign-status-badge';

export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const items = useMemo(() => (campaigns.data?.pages ?? []).flatMap((page) => page.items), [campaigns.data]);
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('campaigns.title')}</Title>
          <Text c="dimmed">{t('campaigns.intro')}</Text>
        </Stack>
        <Button component={Link} to="/campaigns/new" data-testid="campaign-new">
          {t('campaigns.new')}
        </Button>
      </Group>
      {campaigns.isPending && <PageLoader />}
      {campaigns.error && <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && items.length === 0 && (
        <Text py="xl" ta="center" c="dimmed" data-testid="campaigns-empty">
          {t('campaigns.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped highlightOnHover data-testid="campaigns-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.columns.name')}</Table.Th>
              <Table.Th>{t('campaigns.columns.kind')}</Table.Th>
              <Table.Th>{t('campaigns.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.counts.queued')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.counts.sent')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.counts.failed')}</Table.Th>
              <Table.Th ta="right">{t('campaigns.counts.suppressed')}</Table.Th>
              <Table.Th>{t('campaigns.columns.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((campaign) => (
              <Table.Tr key={campaign.id} data-testid="campaign-row">
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
                    {campaign.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`campaigns.kinds.${campaign.kind}`)}</Table.Td>
                <Table.Td>
                  <CampaignStatusBadge status={campaign.status} />
                </Table.Td>
                <Table.Td ta="right">{number(campaign.counts.queued)}</Table.Td>
                <Table.Td ta="right">{number(campaign.counts.sent)}</Table.Td>
                <Table.Td ta="right">{number(campaign.counts.failed)}</Table.Td>
                <Table.Td ta="right">{number(campaign.counts.suppressed)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(campaign.updated_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {campaigns.hasNextPage && (
        <Button variant="default" onClick={() => void campaigns.fetchNextPage()} loading={campaigns.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
