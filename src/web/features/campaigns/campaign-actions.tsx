// The campaign header's actions besides sending: the approval of this version (who and when, or none)
// with Approve for drafts, and Pause / Resume / Cancel where the status allows (cancel is confirmed).
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignStatus } from '../../../shared/campaigns';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { useApproveCampaign, useSendingAction, type SendingAction } from './campaign-mutations';

const ALLOWED: Record<SendingAction, readonly CampaignStatus[]> = {
  pause: ['scheduled', 'sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
};

export type CampaignActionsProps = {
  campaign: Campaign;
  /** True while the editor holds unsaved changes: an approval is for the saved version only. */
  dirty: boolean;
};

export function CampaignActions({ campaign, dirty }: CampaignActionsProps) {
  const { t, i18n } = useTranslation();
  const approve = useApproveCampaign(campaign.id);
  const action = useSendingAction(campaign.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const allowed = (which: SendingAction) => ALLOWED[which].includes(campaign.status);
  const run = (which: SendingAction) => {
    approve.reset();
    action.mutate(which, { onSuccess: () => setConfirmCancel(false) });
  };

  return (
    <Stack gap={6} align="flex-end">
      <Text size="xs" c="dimmed" data-testid="campaign-approval" data-approved={String(campaign.approval !== null)}>
        {campaign.approval
          ? t('campaigns.actions.approvedBy', { user: campaign.approval.user_id, at: formatTimestamp(campaign.approval.at, i18n.language) })
          : t('campaigns.actions.notApproved')}
      </Text>
      <Group gap="xs" justify="flex-end">
        {campaign.status === 'draft' && campaign.approval === null && (
          <Button
            variant="light"
            onClick={() => {
              action.reset();
              approve.mutate();
            }}
            loading={approve.isPending}
            disabled={dirty}
            data-testid="campaign-approve"
          >
            {t('campaigns.actions.approve')}
          </Button>
        )}
        {allowed('pause') && (
          <Button variant="default" onClick={() => run('pause')} loading={action.isPending && action.variables === 'pause'} data-testid="campaign-pause">
            {t('campaigns.actions.pause')}
          </Button>
        )}
        {allowed('resume') && (
          <Button variant="default" onClick={() => run('resume')} loading={action.isPending && action.variables === 'resume'} data-testid="campaign-resume">
            {t('campaigns.actions.resume')}
          </Button>
        )}
        {allowed('cancel') && (
          <Button variant="outline" color="red" onClick={() => setConfirmCancel(true)} data-testid="campaign-cancel">
            {t('campaigns.actions.cancel')}
          </Button>
        )}
      </Group>
      {approve.error && <ErrorAlert error={approve.error} title={t('campaigns.actions.approveFailed')} />}
      {action.error && !confirmCancel && <ErrorAlert error={action.error} title={t('campaigns.actions.failed')} />}
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('campaigns.actions.cancelTitle', { name: campaign.name })}>
        <Stack gap="md" data-testid="cancel-dialog">
          <Text size="sm">{t('campaigns.actions.cancelWarning')}</Text>
          {action.error && <ErrorAlert error={action.error} title={t('campaigns.actions.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              {t('campaigns.actions.keep')}
            </Button>
            <Button color="red" onClick={() => run('cancel')} loading={action.isPending} data-testid="cancel-confirm">
              {t('campaigns.actions.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
