// The chat channels a campaign posts to: before sending, the posts it would make now (which channel,
// which variant, in which language, for how many of its people); after, each post with its state and
// why it failed.
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHAT_POST_REASONS, type ChatPost } from '../../../shared/chat';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useCampaignChatPosts } from './chat-queries';

const STATE_COLOURS: Record<ChatPost['state'], string> = { queued: 'gray', sending: 'orange', sent: 'green', failed: 'red', suppressed: 'yellow' };
const isReason = (value: string): value is (typeof CHAT_POST_REASONS)[number] => (CHAT_POST_REASONS as readonly string[]).includes(value);

export function ChatPostsPanel({ campaignId, sending }: { campaignId: number; sending: boolean }) {
  const { t, i18n } = useTranslation();
  const posts = useCampaignChatPosts(campaignId, sending);
  if (posts.error) return <ErrorAlert error={posts.error} onRetry={() => void posts.refetch()} />;
  if (!posts.data || posts.data.items.length === 0) return null;
  const { planned, items } = posts.data;
  return (
    <Stack gap="xs" data-testid="chat-posts" data-planned={planned}>
      <Title order={4}>{t(planned ? 'chat.posts.plannedTitle' : 'chat.posts.title')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chat.posts.channel')}</Table.Th>
            <Table.Th>{t('campaigns.columns.variant')}</Table.Th>
            <Table.Th>{t('campaigns.columns.language')}</Table.Th>
            <Table.Th>{t('chat.posts.people')}</Table.Th>
            {!planned && <Table.Th>{t('campaigns.columns.state')}</Table.Th>}
            {!planned && <Table.Th>{t('campaigns.columns.sentAt')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((post) => (
            <Table.Tr key={`${post.channel.name} ${post.variant} ${post.step}`} data-testid="chat-post-row" data-state={post.state}>
              <Table.Td>
                <Text size="sm">{post.channel.name}</Text>
                <Text size="xs" c="dimmed">
                  {t(`chat.kinds.${post.channel.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>{post.variant}</Table.Td>
              <Table.Td>{formatLanguageName(post.language, i18n.language)}</Table.Td>
              <Table.Td>{post.people.toLocaleString(i18n.language)}</Table.Td>
              {!planned && (
                <Table.Td>
                  <Badge color={STATE_COLOURS[post.state]} variant="light">
                    {t(`campaigns.deliveries.states.${post.state}`)}
                  </Badge>
                  {post.reason && (
                    <Text size="xs" c="dimmed">
                      {t(`chat.posts.reasons.${isReason(post.reason) ? post.reason : 'other'}`)}
                    </Text>
                  )}
                </Table.Td>
              )}
              {!planned && <Table.Td>{post.sent_at ? formatTimestamp(post.sent_at, i18n.language) : '—'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
