// /feed — the signed-in employee's news: must-reads still to acknowledge pinned on top, then every
// message newest first (unread marked), more by cursor; notifications of replies and mentions on top.
import { useMemo } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { FeedItemCard } from './feed-item-card';
import { useFeed } from './feed-queries';
import { NotificationsPanel } from '../conversation/notifications-panel';
import { useCommentCounts } from '../conversation/conversation-queries';

export function FeedPage() {
  const { t } = useTranslation();
  const feed = useFeed();
  const pages = feed.data?.pages ?? [];
  const pinned = pages[0]?.pinned ?? [];
  const items = useMemo(() => (feed.data?.pages ?? []).flatMap((page) => page.items), [feed.data]);
  const counts = useCommentCounts(items.map((item) => item.campaign.id)).data;

  return (
    <Stack gap="md" data-testid="feed-page">
      <Stack gap={4}>
        <Title order={2}>{t('feed.title')}</Title>
        <Text c="dimmed">{t('feed.intro')}</Text>
      </Stack>
      <NotificationsPanel />
      {feed.isPending && <PageLoader />}
      {feed.error && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.isSuccess && pinned.length === 0 && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="feed-empty">
          {t('feed.empty')}
        </Text>
      )}
      {pinned.length > 0 && (
        <Stack gap="xs" data-testid="feed-pinned">
          <Title order={3} size="h4">
            {t('feed.pinnedTitle')}
          </Title>
          {pinned.map((item) => (
            <FeedItemCard key={item.id} item={item} pinned />
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Stack gap="xs" data-testid="feed-items">
          <Title order={3} size="h4">
            {t('feed.allTitle')}
          </Title>
          {items.map((item) => (
            <FeedItemCard key={item.id} item={item} comments={counts?.get(item.campaign.id)} />
          ))}
          {feed.hasNextPage && (
            <Button variant="default" onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage} data-testid="feed-load-more">
              {t('feed.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
