// One comment or reply: author, time, text (or "deleted" / "hidden by a moderator"), reactions, and
// what I may do with it: reply (top level), edit and delete my own, report others', and moderate.
import { useState } from 'react';
import { Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS, type Reply } from '../../../shared/conversation';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { CommentBody } from './comment-body';
import { CommentComposer } from './comment-composer';
import { useDeleteComment, useEditComment, useModerateComment, useReportComment } from './conversation-queries';
import { ReactionsBar } from './reactions-bar';

export type CommentItemProps = {
  comment: Reply;
  canWrite: boolean;
  canModerate: boolean;
  /** Offered on top-level comments: opens the reply box under them. */
  onReply?: () => void;
};

export function CommentItem({ comment, canWrite, canModerate, onReply }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const edit = useEditComment();
  const remove = useDeleteComment();
  const report = useReportComment();
  const moderate = useModerateComment();
  const open = comment.state === 'visible';

  return (
    <Paper withBorder radius="sm" p="xs" data-testid="comment" data-id={comment.id} data-state={comment.state}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text size="sm" fw={600} data-testid="comment-author">
              {comment.author?.display_name ?? (comment.state === 'deleted' ? '—' : t('conversation.formerColleague'))}
            </Text>
            <Text size="xs" c="dimmed">
              {formatTimestamp(comment.created_at, i18n.language)}
              {comment.edited_at && ` · ${t('conversation.edited')}`}
            </Text>
            {comment.state === 'hidden' && canModerate && (
              <Badge size="xs" color="orange" variant="light">
                {t('conversation.moderation.hiddenBadge')}
              </Badge>
            )}
          </Group>
        </Group>
        {comment.state === 'deleted' && (
          <Text size="sm" c="dimmed" fs="italic" data-testid="comment-deleted">
            {t('conversation.deleted')}
          </Text>
        )}
        {comment.state === 'hidden' && (
          <Text size="sm" c="dimmed" fs="italic" data-testid="comment-hidden">
            {comment.mine ? t('conversation.hiddenMine') : t('conversation.hidden')}
          </Text>
        )}
        {editing ? (
          <CommentComposer
            editing={comment}
            placeholder={t('conversation.placeholder')}
            submitLabel={t('conversation.save')}
            pending={edit.isPending}
            error={edit.error}
            autoFocus
            onSubmit={async (body) => {
              await edit.mutateAsync({ id: comment.id, body });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          comment.body !== null && <CommentBody comment={comment} />
        )}
        {comment.state !== 'deleted' && (
          <Group gap="xs" justify="space-between">
            <ReactionsBar target={{ comment: comment.id }} reactions={comment.reactions} disabled={!open || !canWrite} />
            <Group gap={4}>
              {onReply && open && canWrite && (
                <Button size="compact-xs" variant="subtle" onClick={onReply} data-testid="comment-reply">
                  {t('conversation.reply')}
                </Button>
              )}
              {comment.mine && open && !editing && (
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} data-testid="comment-edit">
                  {t('conversation.edit')}
                </Button>
              )}
              {comment.mine && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => window.confirm(t('conversation.deleteConfirm')) && remove.mutate(comment.id)}
                  data-testid="comment-delete"
                >
                  {t('conversation.delete')}
                </Button>
              )}
              {!comment.mine && canWrite && open && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="compact-xs" variant="subtle" color="gray" disabled={comment.reported_by_me} data-testid="comment-report">
                      {comment.reported_by_me || report.isSuccess ? t('conversation.reported') : t('conversation.report')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{t('conversation.reportTitle')}</Menu.Label>
                    {REPORT_REASONS.map((reason) => (
                      <Menu.Item key={reason} onClick={() => report.mutate({ id: comment.id, reason })} data-testid={`report-${reason}`}>
                        {t(`conversation.reasons.${reason}`)}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
              {canModerate && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="orange"
                  loading={moderate.isPending}
                  onClick={() => moderate.mutate({ id: comment.id, action: comment.state === 'hidden' ? 'unhide' : 'hide' })}
                  data-testid="comment-moderate"
                >
                  {comment.state === 'hidden' ? t('conversation.moderation.unhide') : t('conversation.moderation.hide')}
                </Button>
              )}
            </Group>
          </Group>
        )}
        {[remove.error, report.error, moderate.error].map((e, i) => e != null && <ErrorAlert key={i} error={e} />)}
      </Stack>
    </Paper>
  );
}
