// A campaign's conversation: its reactions, then its comments oldest first with their replies, a box
// to comment and one to reply under a comment. Used under each feed item (opened on demand) and on
// the campaign page for communicators.
import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';
import { useCreateComment, useThread } from './conversation-queries';
import { ReactionsBar } from './reactions-bar';

export function CommentThread({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const thread = useThread(campaignId);
  const create = useCreateComment(campaignId);
  const reply = useCreateComment(campaignId);
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const first = thread.data?.pages[0];
  const items = (thread.data?.pages ?? []).flatMap((p) => p.items);

  if (thread.isPending) return <PageLoader />;
  if (thread.error) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  const canWrite = first?.can_comment ?? false;
  const canModerate = first?.can_moderate ?? false;

  return (
    <Stack gap="xs" data-testid="comment-thread" data-campaign={campaignId}>
      <ReactionsBar target={{ campaign: campaignId }} reactions={first?.reactions ?? []} disabled={!canWrite} />
      {items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="comments-empty">
          {t('conversation.empty')}
        </Text>
      )}
      {items.map((c) => (
        <Stack key={c.id} gap={4}>
          <CommentItem comment={c} canWrite={canWrite} canModerate={canModerate} onReply={() => setReplyTo(c.id)} />
          <Stack gap={4} pl="lg">
            {c.replies.map((r) => (
              <CommentItem key={r.id} comment={r} canWrite={canWrite} canModerate={canModerate} />
            ))}
            {replyTo === c.id && (
              <CommentComposer
                placeholder={t('conversation.replyPlaceholder')}
                submitLabel={t('conversation.reply')}
                pending={reply.isPending}
                error={reply.error}
                autoFocus
                onSubmit={async (body) => {
                  await reply.mutateAsync({ body, parent_id: c.id });
                  setReplyTo(null);
                }}
                onCancel={() => setReplyTo(null)}
              />
            )}
          </Stack>
        </Stack>
      ))}
      {thread.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void thread.fetchNextPage()} loading={thread.isFetchingNextPage}>
          {t('conversation.loadMore')}
        </Button>
      )}
      {canWrite ? (
        <CommentComposer
          placeholder={t('conversation.placeholder')}
          submitLabel={t('conversation.send')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutateAsync({ body })}
        />
      ) : (
        <Text size="xs" c="dimmed">
          {t('conversation.noPerson')}
        </Text>
      )}
    </Stack>
  );
}
