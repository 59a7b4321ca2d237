// Send a draft now, at a date and time, or at a wall-clock time in each recipient's own time zone.
// One Idempotency-Key per opening of the dialog, so a retried or double-clicked request cannot send
// twice; afterwards it says what the server did.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useSendCampaign } from './campaign-mutations';
import { newIdempotencyKey } from './idempotency-key';

type When = 'now' | 'later' | 'local';
const WHENS: readonly When[] = ['now', 'later', 'local'];
/** What a datetime-local field gives: a wall-clock time without offset, as the server takes it. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export type SendDialogProps = { campaignId: number; campaignName: string; onClose: () => void };

/** Mount it only while open: each mount is one opening with its own key. */
export function SendDialog({ campaignId, campaignName, onClose }: SendDialogProps) {
  const { t, i18n } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState('');
  const [localTime, setLocalTime] = useState('');
  const send = useSendCampaign(campaignId);
  const atDate = at === '' ? null : new Date(at);
  const validLater = atDate !== null && !Number.isNaN(atDate.getTime()) && atDate.getTime() > Date.now();
  const validLocal = LOCAL_TIME.test(localTime);
  const canSend = !send.isSuccess && (when === 'now' || (when === 'later' && validLater) || (when === 'local' && validLocal));
  const submit = () =>
    send.mutate({
      key,
      when: when === 'later' && atDate ? { at: atDate.toISOString() } : when === 'local' ? { local_time: localTime } : { now: true },
    });

  return (
    <Modal opened onClose={onClose} title={t('campaigns.send.title', { name: campaignName })} size="lg">
      <Stack gap="md" data-testid="send-dialog">
        <Radio.Group value={when} onChange={(value) => setWhen(WHENS.find((w) => w === value) ?? 'now')} label={t('campaigns.send.when')}>
          <Stack gap="xs" mt="xs">
            <Radio value="now" label={t('campaigns.send.now')} disabled={send.isSuccess} data-testid="send-now" />
            <Radio value="later" label={t('campaigns.send.later')} disabled={send.isSuccess} data-testid="send-later" />
            <Radio value="local" label={t('campaigns.send.local')} disabled={send.isSuccess} data-testid="send-local" />
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
        {when === 'local' && (
          <TextInput
            type="datetime-local"
            label={t('campaigns.send.localTime')}
            description={t('campaigns.send.localTimeHint')}
            value={localTime}
            onChange={(e) => setLocalTime(e.currentTarget.value)}
            disabled={send.isSuccess}
            data-testid="send-local-time"
          />
        )}
        <Text size="sm" c="dimmed">
          {t('campaigns.send.warning')}
        </Text>
        {send.error && <ErrorAlert error={send.error} title={t('campaigns.send.failed')} />}
        {send.data && (
          <Alert color="green" variant="light" data-testid="send-result" data-status={send.data.status}>
            {send.data.status === 'scheduled' && when === 'local'
              ? t('campaigns.send.scheduledLocal', { at: formatTimestamp(localTime, i18n.language) })
              : send.data.status === 'scheduled' && send.data.send_at
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
