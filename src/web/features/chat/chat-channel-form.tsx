// Adding a chat channel: its name, Slack or Teams, the webhook URL (shown once, while typed) and the
// saved segment whose people read it. The server's complaints appear at their fields.
import { useState } from 'react';
import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHAT_KINDS, CHAT_LIMITS, type ChatKind } from '../../../shared/chat';
import { fieldErrors } from '../../ui/field-errors';
import { useSegments } from '../audiences/audience-queries';
import { ProblemAlert } from '../audiences/problem-alert';
import { useCreateChatChannel } from './chat-queries';

export function ChatChannelForm({ onAdded }: { onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const create = useCreateChatChannel();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChatKind>('slack');
  const [url, setUrl] = useState('');
  const [segment, setSegment] = useState<string | null>(null);
  const errors = fieldErrors(create.error, t);

  const submit = () => {
    if (!segment) return;
    create.mutate(
      { name: name.trim(), kind, webhook_url: url.trim(), audience: { segment }, enabled: true },
      {
        onSuccess: (saved) => {
          setName('');
          setUrl('');
          onAdded(saved.name);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="chat-channel-form"
    >
      <Stack gap="sm">
        <Group align="flex-start" grow wrap="wrap">
          <TextInput
            label={t('chat.form.name')}
            placeholder={t('chat.form.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={CHAT_LIMITS.name}
            error={errors.name}
            required
            data-testid="chat-channel-name"
          />
          <Select
            label={t('chat.form.kind')}
            data={CHAT_KINDS.map((k) => ({ value: k, label: t(`chat.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value)}
            allowDeselect={false}
            data-testid="chat-channel-kind"
          />
          <Select
            label={t('chat.form.segment')}
            placeholder={t('chat.form.segmentPlaceholder')}
            data={(segments.data?.items ?? []).map((s) => ({ value: s.key, label: s.name }))}
            value={segment}
            onChange={setSegment}
            error={errors.audience}
            searchable
            required
            data-testid="chat-channel-segment"
          />
        </Group>
        <PasswordInput
          label={t('chat.form.webhook')}
          description={t(`chat.form.webhookHelp.${kind}`)}
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          maxLength={CHAT_LIMITS.url}
          error={errors.webhook_url}
          required
          autoComplete="off"
          data-testid="chat-channel-url"
        />
        {create.error !== null && Object.keys(errors).length === 0 && <ProblemAlert error={create.error} title={t('chat.addFailed')} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || !url.trim() || !segment} data-testid="chat-channel-add">
            {t('chat.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
