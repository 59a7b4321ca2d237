// The asker's choice when resolving a request: keep the conversation private (the default: it only
// helps Find help suggest the expert again) or publish the question and answers as evidence on the
// expert's profile. Nothing is published without this explicit choice.
import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';

export type ResolveHelpModalProps = {
  opened: boolean;
  expertName: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onResolve: (publish: boolean) => void;
};

export function ResolveHelpModal({ opened, expertName, pending, error, onClose, onResolve }: ResolveHelpModalProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'private' | 'public'>('private');
  return (
    <Modal opened={opened} onClose={onClose} title={t('help.resolveDialog.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('help.resolveDialog.question')}</Text>
        <Radio.Group value={choice} onChange={(value) => setChoice(value === 'public' ? 'public' : 'private')} data-testid="help-resolve-choice">
          <Stack gap="sm">
            <Radio
              value="private"
              data-testid="help-resolve-private"
              label={t('help.resolveDialog.private')}
              description={t('help.resolveDialog.privateHint', { name: expertName })}
            />
            <Radio
              value="public"
              data-testid="help-resolve-public"
              label={t('help.resolveDialog.public')}
              description={t('help.resolveDialog.publicHint', { name: expertName })}
            />
          </Stack>
        </Radio.Group>
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="green" data-testid="help-resolve-confirm" loading={pending} onClick={() => onResolve(choice === 'public')}>
            {t('help.detail.resolve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
