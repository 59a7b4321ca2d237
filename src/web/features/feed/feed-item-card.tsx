// One message of the feed: campaign, subject and date; opened it shows the message and is marked read.
// A must-read not yet acknowledged (pinned) shows its acknowledge-by date and the Acknowledge button.
// While open, how long the message is seen and which of its links are followed are reported (ADR 0025).
// Below it, the campaign's conversation with its comment count, opened on demand (ADR 0028), and the
// surveys of the campaign (a footer the feed passes in).
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Badge, Button, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedItem } from '../../../shared/delivery';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { reportFeedClick, reportFeedRead, useAcknowledge, useMarkRead } from './feed-queries';
import { useCurrentUser } from '../../app/auth-context';
import { useDwellTime } from './use-dwell-time';
import { FeedMessageFrame } from './feed-message-frame';
import { CommentThread } from '../conversation/comment-thread';

/** `comments`: how many comments the campaign's conversation has (shown before it is opened). */
export type FeedItemCardProps = {
  item: FeedItem;
  pinned?: boolean;
  comments?: number;
  /** Shown at the foot of the card, e.g. the surveys that belong to the message's campaign. */
  footer?: ReactNode;
};

export function FeedItemCard({ item, pinned = false, comments, footer }: FeedItemCardProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [talk, setTalk] = useState(false);
  const markRead = useMarkRead();
  const acknowledge = useAcknowledge();
  const unread = !item.read && !markRead.isSuccess;

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && unread && !markRead.isPending) markRead.mutate(item.id);
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={pinned ? 'feed-pinned-item' : 'feed-item'}
      data-id={item.id}
      data-read={String(!unread)}
      style={unread ? { borderLeft: '4px solid var(--mantine-primary-color-filled)' } : undefined}
    >
      <Stack gap="xs">
        <UnstyledButton onClick={toggle} aria-expanded={open} data-testid="feed-item-toggle">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap="xs">
                {unread && (
                  <Badge size="sm" variant="filled" data-testid="feed-item-unread">
                    {t('feed.unread')}
                  </Badge>
                )}
                {item.must_read && (
                  <Badge size="sm" color="red" variant="light">
                    {t('feed.mustRead')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {item.campaign.name} · {formatTimestamp(item.sent_at, i18n.language)}
                </Text>
              </Group>
              <Text fw={unread ? 700 : 500} data-testid="feed-item-subject">
                {item.subject}
              </Text>
            </Stack>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {open ? t('feed.close') : t('feed.open')}
            </Text>
          </Group>
        </UnstyledButton>
        {item.must_read && (item.acknowledge_by || item.acknowledged) && (
          <Text size="sm" c={item.acknowledged ? 'green' : 'red'} data-testid="feed-item-acknowledge-state">
            {item.acknowledged ? t('feed.acknowledged') : t('feed.acknowledgeBy', { date: formatTimestamp(item.acknowledge_by ?? '', i18n.language) })}
          </Text>
        )}
        <Collapse expanded={open}>{open && <OpenMessage item={item} />}</Collapse>
        {markRead.error && <ErrorAlert error={markRead.error} />}
        {acknowledge.error && <ErrorAlert error={acknowledge.error} title={t('feed.acknowledgeFailed')} />}
        {!pinned && (
          <Group gap="xs">
            <Button variant="subtle" size="compact-sm" onClick={() => setTalk(!talk)} aria-expanded={talk} data-testid="feed-item-comments">
              {talk ? t('conversation.hide') : comments ? t('conversation.comments', { count: comments }) : t('conversation.comment')}
            </Button>
          </Group>
        )}
        {talk && <CommentThread campaignId={item.campaign.id} />}
        {/* Acknowledged from the pinned card only, so the list does not offer it twice. */}
        {pinned && !item.acknowledged && (
          <Group justify="flex-end">
            <Button onClick={() => acknowledge.mutate(item.id)} loading={acknowledge.isPending} data-testid="feed-acknowledge">
              {t('feed.acknowledge')}
            </Button>
          </Group>
        )}
        {footer}
      </Stack>
    </Card>
  );
}

/** The open message: its frame, measured while it is seen, its links reported when followed. */
function OpenMessage({ item }: { item: FeedItem }) {
  const csrf = useCurrentUser().csrf_token;
  const frame = useRef<HTMLIFrameElement>(null);
  const onDwell = useCallback((ms: number) => reportFeedRead(item.id, ms, csrf), [item.id, csrf]);
  useDwellTime(frame, onDwell);
  return <FeedMessageFrame ref={frame} html={item.html} title={item.subject} onLinkFollowed={(link) => reportFeedClick(item.id, link, csrf)} />;
}
