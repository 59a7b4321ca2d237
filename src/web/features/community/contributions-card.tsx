// A person's contributions on their profile: what they wrote, answered or helped with, newest first;
// their own page links to "Share knowledge".
import { useMemo } from 'react';
import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { ContributionItem } from './contribution-item';
import { useContributions, useDeleteContribution } from './contribution-queries';

export function ContributionsCard({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const contributions = useContributions(personId);
  const remove = useDeleteContribution(personId);
  const items = useMemo(() => (contributions.data?.pages ?? []).flatMap((page) => page.items), [contributions.data]);
  const isOwn = user.person_id === personId;

  return (
    <Card withBorder radius="md" data-testid="contributions-card" id="contributions">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('contributions.title')}
          </Title>
          {isOwn && (
            <Button component={Link} to="/share" size="xs" variant="light">
              {t('share.title')}
            </Button>
          )}
        </Group>
        {contributions.error && <ErrorAlert error={contributions.error} onRetry={() => void contributions.refetch()} />}
        {remove.error !== null && <ErrorAlert error={remove.error} title={t('contributions.deleteFailed')} />}
        {contributions.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {isOwn ? t('contributions.emptyOwn') : t('contributions.empty')}
          </Text>
        )}
        {items.map((contribution, index) => (
          <Stack key={contribution.id} gap="sm">
            {index > 0 && <Divider />}
            <ContributionItem
              contribution={contribution}
              deleting={remove.isPending && remove.variables === contribution.id}
              onDelete={(id) => {
                if (window.confirm(contribution.source === 'help' ? t('contributions.confirmWithdraw') : t('contributions.confirmDelete'))) remove.mutate(id);
              }}
            />
          </Stack>
        ))}
        {contributions.hasNextPage && (
          <Button variant="default" size="xs" onClick={() => void contributions.fetchNextPage()} loading={contributions.isFetchingNextPage}>
            {t('directory.loadMore')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
