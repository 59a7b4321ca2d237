// /help: my help inbox, with requests I asked and requests colleagues asked me, newest first.
import { useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { HelpInboxItem } from './help-inbox-item';
import { useHelpInbox } from './help-queries';

type Filter = 'all' | 'asker' | 'expert';

export function HelpInboxPage() {
  const { t } = useTranslation();
  const inbox = useHelpInbox();
  const [filter, setFilter] = useState<Filter>('all');
  const items = useMemo(() => (inbox.data?.pages ?? []).flatMap((page) => page.items), [inbox.data]);
  const shown = filter === 'all' ? items : items.filter((item) => item.role === filter);

  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('help.inbox.title')}</Title>
          <Text c="dimmed">{t('help.inbox.intro')}</Text>
        </Stack>
        <Button component={Link} to="/experts" variant="light">
          {t('help.inbox.findHelp')}
        </Button>
      </Group>
      <SegmentedControl
        data-testid="help-inbox-filter"
        value={filter}
        onChange={(value) => setFilter(value)}
        data={[
          { value: 'all', label: t('help.inbox.filter.all') },
          { value: 'asker', label: t('help.inbox.filter.asked') },
          { value: 'expert', label: t('help.inbox.filter.invited') },
        ]}
      />
      {inbox.isPending && <PageLoader />}
      {inbox.error && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.isSuccess && shown.length === 0 && (
        <Text py="xl" ta="center" c="dimmed" data-testid="help-inbox-empty">
          {t('help.inbox.empty')}
        </Text>
      )}
      <Stack gap="sm" data-testid="help-inbox">
        {shown.map((item) => (
          <HelpInboxItem key={item.id} item={item} />
        ))}
      </Stack>
      {inbox.hasNextPage && (
        <Button variant="default" onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
