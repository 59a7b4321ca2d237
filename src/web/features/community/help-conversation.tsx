// The conversation of a request between the asker and the expert who took it; they can write while
// it is in progress. Messages are plain text (never HTML).
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, type HelpRequest } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useHelpStep } from './help-queries';

export type HelpConversationProps = { request: HelpRequest; viewerId: number };

export function HelpConversation({ request, viewerId }: HelpConversationProps) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const step = useHelpStep(request.id);
  const canWrite = request.status === 'accepted' && (viewerId === request.asker.id || viewerId === request.expert?.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') return;
    step.mutate({ kind: 'message', body: body.trim() }, { onSuccess: () => setBody('') });
  };

  if (!canWrite && request.messages.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-label={t('help.detail.conversation')}>
      <Text fw={600}>{t('help.detail.conversation')}</Text>
      <Stack gap="xs" data-testid="help-messages">
        {request.messages.map((message, index) => (
          <Paper
            key={`${message.created_at}-${index}`}
            withBorder
            p="sm"
            radius="md"
            bg={message.author.id === viewerId ? 'var(--mantine-color-indigo-light)' : undefined}
            data-testid="help-message"
          >
            <Text size="xs" c="dimmed">
              {message.author.display_name ?? t('help.formerColleague')} · {formatTimestamp(message.created_at, i18n.language)}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }}>{message.body}</Text>
          </Paper>
        ))}
      </Stack>
      {canWrite && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              data-testid="help-message-input"
              aria-label={t('help.detail.message')}
              placeholder={t('help.detail.messagePlaceholder')}
              autosize
              minRows={2}
              maxLength={COMMUNITY_LIMITS.message}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
            />
            {step.error !== null && <ErrorAlert error={step.error} />}
            <Group justify="flex-end">
              <Button type="submit" data-testid="help-message-send" loading={step.isPending} disabled={body.trim() === ''}>
                {t('help.detail.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
