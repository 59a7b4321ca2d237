// Preview: the message exactly as one person (by external ID or e-mail) gets it on one channel —
// subject, variant and language, the HTML in a sandboxed frame and the plain-text part.
import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/campaigns';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { PREVIEW_CHANNELS } from './campaign-draft';
import { usePreviewCampaign } from './campaign-mutations';
import { MessageFrame } from './message-frame';

export function PreviewPanel({ campaignId }: { campaignId: number }) {
  const { t, i18n } = useTranslation();
  const [person, setPerson] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const preview = usePreviewCampaign(campaignId);
  const submit = () => preview.mutate({ person: person.trim(), channel });

  return (
    <Stack gap="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('campaigns.preview.person')}
            description={t('campaigns.preview.personHint')}
            value={person}
            onChange={(e) => setPerson(e.currentTarget.value)}
            miw={320}
            data-testid="preview-person"
          />
          <SegmentedControl
            value={channel}
            onChange={(value) => setChannel(value)}
            data={PREVIEW_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            data-testid="preview-channel"
          />
          <Button type="submit" loading={preview.isPending} disabled={person.trim() === ''} data-testid="preview-submit">
            {t('campaigns.preview.show')}
          </Button>
        </Group>
      </form>
      {preview.error && <ErrorAlert error={preview.error} title={t('campaigns.preview.failed')} />}
      {preview.data && !preview.error && (
        <Stack gap="sm" data-testid="preview-result">
          <Group gap="xs">
            <Badge variant="light" data-testid="preview-variant">
              {t('campaigns.preview.variant', { variant: preview.data.variant })}
            </Badge>
            <Badge variant="light" color="grape" data-testid="preview-language">
              {formatLanguageName(preview.data.language, i18n.language)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('campaigns.preview.subject')}
          </Text>
          <Text fw={600} data-testid="preview-subject">
            {preview.data.subject}
          </Text>
          <MessageFrame html={preview.data.html} text={preview.data.text} title={t('campaigns.preview.frameTitle')} />
        </Stack>
      )}
    </Stack>
  );
}
