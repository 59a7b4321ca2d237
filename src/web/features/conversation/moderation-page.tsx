// /moderation — communicators' and admins' queue of reported comments, most reported first, with the
// reasons; hide (others then see "hidden by a moderator"), show again, or dismiss the reports.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { CommentBody } from './comment-body';
import { useModerateComment, useModerationQueue } from './conversation-queries';

export function ModerationPage() {
  const { t, i18n } = useTranslation();
  const queue = useModerationQueue();
  const moderate = useModerateComment();
  return (
    <Stack gap="md" data-testid="moderation-page">
      <Stack gap={4}>
        <Title order={2}>{t('conversation.moderation.title')}</Title>
        <Text c="dimmed">{t('conversation.moderation.intro')}</Text>
      </Stack>
      {queue.isPending && <PageLoader />}
      {queue.error && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {moderate.error && <ErrorAlert error={moderate.error} />}
      {queue.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="moderation-empty">
          {t('conversation.moderation.empty')}
        </Text>
      )}
      {queue.data?.items.map((item) => (
        <Card key={item.comment.id} withBorder radius="md" data-testid="moderation-item" data-id={item.comment.id}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Group gap="xs">
                <Badge color="red" variant="light">
                  {t('conversation.moderation.reports', { count: item.reports })}
                </Badge>
                {item.reasons.map((r) => (
                  <Badge key={r.reason} variant="outline" color="gray">
                    {t(`conversation.reasons.${r.reason}`)} · {r.count}
                  </Badge>
                ))}
                {item.comment.state === 'hidden' && (
                  <Badge color="orange" variant="light">
                    {t('conversation.moderation.hiddenBadge')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('conversation.moderation.lastReported', { date: formatTimestamp(item.last_reported_at, i18n.language) })}
              </Text>
            </Group>
            <Text size="sm">
              {t('conversation.moderation.campaign')}: <Link to={`/campaigns/${item.campaign.id}`}>{item.campaign.name}</Link> ·{' '}
              {item.comment.author?.display_name ?? t('conversation.formerColleague')}
            </Text>
            <CommentBody comment={item.comment} />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => moderate.mutate({ id: item.comment.id, action: 'dismiss' })} data-testid="moderation-dismiss">
                {t('conversation.moderation.dismiss')}
              </Button>
              {item.comment.state === 'hidden' ? (
                <Button size="xs" variant="light" onClick={() => moderate.mutate({ id: item.comment.id, action: 'unhide' })} data-testid="moderation-unhide">
                  {t('conversation.moderation.unhide')}
                </Button>
              ) : (
                <Button size="xs" color="orange" onClick={() => moderate.mutate({ id: item.comment.id, action: 'hide' })} data-testid="moderation-hide">
                  {t('conversation.moderation.hide')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
