// /briefings — a leader's briefings, newest campaign first: each campaign they brief their team on,
// its deadline and whether they released it.
import { useMemo } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useBriefings } from './briefing-queries';
import { BriefingStatus } from './briefing-status';

export function BriefingsPage() {
  const { t, i18n } = useTranslation();
  const briefings = useBriefings();
  const items = useMemo(() => (briefings.data?.pages ?? []).flatMap((page) => page.items), [briefings.data]);
  return (
    <Stack gap="md" data-testid="briefings-page">
      <Stack gap={4}>
        <Title order={2}>{t('briefings.title')}</Title>
        <Text c="dimmed">{t('briefings.intro')}</Text>
      </Stack>
      {briefings.isPending && <PageLoader />}
      {briefings.error && <ErrorAlert error={briefings.error} onRetry={() => void briefings.refetch()} />}
      {briefings.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="briefings-empty">
          {t('briefings.empty')}
        </Text>
      )}
      {items.map((briefing) => (
        <Card key={briefing.campaign.id} withBorder radius="md" data-testid="briefing-item">
          <Group justify="space-between" align="center">
            <Stack gap={2}>
              <Anchor component={Link} to={`/briefings/${briefing.campaign.id}`} fw={600}>
                {briefing.campaign.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('briefings.deadlineLine', { deadline: formatTimestamp(briefing.deadline, i18n.language), count: briefing.team_size })}
              </Text>
            </Stack>
            <BriefingStatus briefing={briefing} />
          </Group>
        </Card>
      ))}
      {briefings.hasNextPage && (
        <Button variant="default" onClick={() => void briefings.fetchNextPage()} loading={briefings.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
