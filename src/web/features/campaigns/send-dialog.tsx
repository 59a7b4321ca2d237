// Send a draft now or at a date and time. One Idempotency-Key per opening of the dialog, so a retried
// or double-clicked request cannot send twice; afterwards it says what the server did.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useSendCampaign } from './campaign-mutations';
import { newIdempotencyKey } from './idempotency-key';

export type SendDialogProps = { campaignId: number; campaignName: string; onClose: () => void };

/** Mount it only while open: each mount is one opening with its own key. */
export function SendDialog({ campaignId, campaignName, onClose }: SendDialogProps) {
  const { t, i18n } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const send = useSendCampaign(campaignId);
  const atDate = at === '' ? null : new Date(at);
  const validLater = atDate !== null && !Number.isNaN(atDate.getTime()) && atDate.getTime() > Date.now();
  const canSend = !send.isSuccess && (when === 'now' || validLater);
  const submit = () => send.mutate({ key, at: when === 'later' && atDate ? atDate.toISOString() : null });

  return (
    <Modal opened onClose={onClose} title={t('campaigns.send.title', { name: campaignName })} size="lg">
      <Stack gap="md" data-testid="send-dialog">
        <Radio.Group value={when} onChange={(value) => setWhen(value === 'later' ? 'later' : 'now')} label={t('campaigns.send.when')}>
          <Stack gap="xs" mt="xs">
            <Radio value="now" label={t('campaigns.send.now')} disabled={send.isSuccess} data-testid="send-now" />
            <Radio value="later" label={t('campaigns.send.later')} disabled={send.isSuccess} data-testid="send-later" />
          </Stack>
        </Radio.Group>
        {when === 'later' && (
          <TextInput
            type="datetime-local"
            label={t('campaigns.send.at')}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={at !== '' && !validLater ? t('campaigns.send.atInPast') : undefined}
            disabled={send.isSuccess}
            data-testid="send-at"
          />
        )}
        <Text size="sm" c="dimmed">
          {t('campaigns.send.warning')}
        </Text>
        {send.error && <ErrorAlert error={send.error} title={t('campaigns.send.failed')} />}
        {send.data && (
          <Alert color="green" variant="light" data-testid="send-result" data-status={send.data.status}>
            {send.data.status === 'scheduled' && send.data.send_at
              ? t('campaigns.send.scheduled', { at: formatTimestamp(send.data.send_at, i18n.language) })
              : t('campaigns.send.started')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="send-close">
            {send.isSuccess ? t('campaigns.send.close') : t('actions.cancel')}
          </Button>
          {!send.isSuccess && (
            <Button color="red" onClick={submit} loading={send.isPending} disabled={!canSend} data-testid="send-confirm">
              {when === 'now' ? t('campaigns.send.confirmNow') : t('campaigns.send.confirmLater')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
