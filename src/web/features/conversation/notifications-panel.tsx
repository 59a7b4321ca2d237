// My notifications in the feed: replies to my comments and mentions of me, worded here in my language
// from the kind and names the server sends; unread marked and counted; "Show" opens the conversation
// (and marks it read), "Mark all read" clears the count.
import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/conversation';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { CommentThread } from './comment-thread';
import { useMarkNotificationsRead, useNotifications } from './conversation-queries';

export function NotificationsPanel() {
  const { t, i18n } = useTranslation();
  const notifications = useNotifications(true);
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState<Notification | null>(null);
  const page = notifications.data;
  if (notifications.error) return <ErrorAlert error={notifications.error} />;
  if (!page || page.items.length === 0) return null;

  const show = (n: Notification) => {
    setOpen(n);
    if (!n.read) markRead.mutate([n.id]);
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="notifications">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              {t('conversation.notifications.title')}
            </Title>
            {page.unread > 0 && (
              <Badge data-testid="notifications-unread" data-count={page.unread} aria-label={t('conversation.notifications.unread', { count: page.unread })}>
                {page.unread}
              </Badge>
            )}
          </Group>
          {page.unread > 0 && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => markRead.mutate(undefined)}
              loading={markRead.isPending}
              data-testid="notifications-read-all"
            >
              {t('conversation.notifications.markAllRead')}
            </Button>
          )}
        </Group>
        {page.items.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" data-testid="notification" data-read={String(n.read)} data-kind={n.kind}>
            <Stack gap={0}>
              <Text size="sm" fw={n.read ? 400 : 700} data-testid="notification-text">
                {t(`conversation.notifications.${n.kind}`, {
                  actor: n.actor?.display_name ?? t('conversation.notifications.someone'),
                  campaign: n.campaign.name,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {formatTimestamp(n.created_at, i18n.language)}
              </Text>
            </Stack>
            <Button size="compact-sm" variant="light" onClick={() => show(n)} data-testid="notification-open">
              {t('conversation.notifications.open')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.campaign.name} size="lg">
        {open && <CommentThread campaignId={open.campaign.id} />}
      </Modal>
    </Card>
  );
}
