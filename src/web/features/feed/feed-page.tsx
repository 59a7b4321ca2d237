// /feed — the signed-in employee's news: must-reads still to acknowledge pinned on top, then every
// message newest first (unread marked), more by cursor; notifications of replies and mentions on top.
// Surveys open to the reader sit under the first message of their campaign, or, without one in view,
// as cards of their own on top.
import { useMemo } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useCurrentUser } from '../../app/auth-context';
import { CampaignSurveys, OpenSurveyCard } from '../surveys/open-survey-card';
import { useOpenSurveys } from '../surveys/survey-queries';
import type { OpenSurvey } from '../surveys/survey-schemas';
import { FeedItemCard } from './feed-item-card';
import { useFeed } from './feed-queries';
import { NotificationsPanel } from '../conversation/notifications-panel';
import { useCommentCounts } from '../conversation/conversation-queries';

export function FeedPage() {
  const { t } = useTranslation();
  const feed = useFeed();
  const pinned = useMemo(() => feed.data?.pages[0]?.pinned ?? [], [feed.data]);
  const items = useMemo(() => (feed.data?.pages ?? []).flatMap((page) => page.items), [feed.data]);
  const counts = useCommentCounts(items.map((item) => item.campaign.id)).data;
  const open = useOpenSurveys(useCurrentUser().person_id !== null);
  // Each survey of a campaign goes under the first card of that campaign (pinned first); the rest alone.
  const placed = useMemo(() => {
    const surveys = open.data?.items ?? [];
    const byItem = new Map<number, OpenSurvey[]>();
    const taken = new Set<number>();
    for (const item of [...pinned, ...items]) {
      if (taken.has(item.campaign.id)) continue;
      taken.add(item.campaign.id);
      const own = surveys.filter((s) => s.campaign === item.campaign.id);
      if (own.length > 0) byItem.set(item.id, own);
    }
    return { byItem, alone: surveys.filter((s) => s.campaign === null || !taken.has(s.campaign)) };
  }, [open.data, pinned, items]);
  const footer = (id: number) => {
    const surveys = placed.byItem.get(id);
    return surveys ? <CampaignSurveys surveys={surveys} /> : undefined;
  };

  return (
    <Stack gap="md" data-testid="feed-page">
      <Stack gap={4}>
        <Title order={2}>{t('feed.title')}</Title>
        <Text c="dimmed">{t('feed.intro')}</Text>
      </Stack>
      <NotificationsPanel />
      {feed.isPending && <PageLoader />}
      {feed.error && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
      {placed.alone.length > 0 && (
        <Stack gap="xs" data-testid="feed-surveys">
          <Title order={3} size="h4">
            {t('surveys.feed.title')}
          </Title>
          {placed.alone.map((survey) => (
            <OpenSurveyCard key={survey.id} survey={survey} />
          ))}
        </Stack>
      )}
      {feed.isSuccess && pinned.length === 0 && items.length === 0 && placed.alone.length === 0 && (
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
            <FeedItemCard key={item.id} item={item} pinned footer={footer(item.id)} />
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Stack gap="xs" data-testid="feed-items">
          <Title order={3} size="h4">
            {t('feed.allTitle')}
          </Title>
          {items.map((item) => (
            <FeedItemCard key={item.id} item={item} comments={counts?.get(item.campaign.id)} footer={footer(item.id)} />
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
