// What a resolved request left behind, for the asker and the expert: public evidence (with a way for
// either of them to withdraw it), private ranking credit with no text, or nothing once withdrawn.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { useWithdrawHelpEvidence } from './help-queries';

export function HelpEvidenceNotice({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawHelpEvidence(request);
  const name = request.expert?.display_name ?? t('help.formerColleague');
  const evidence = request.evidence;
  if (request.status !== 'resolved') return null;

  if (!evidence) {
    return (
      <Text size="sm" c="dimmed" data-testid="help-evidence" data-visibility="none">
        {t('help.evidence.none')}
      </Text>
    );
  }
  if (evidence.visibility === 'private') {
    return (
      <Text size="sm" c="dimmed" data-testid="help-evidence" data-visibility="private">
        {t('help.evidence.private', { name })}
      </Text>
    );
  }
  return (
    <Alert color="blue" data-testid="help-evidence" data-visibility="public">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{t('help.evidence.public', { name })}</Text>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            data-testid="help-evidence-withdraw"
            loading={withdraw.isPending}
            onClick={() => {
              if (window.confirm(t('help.evidence.confirmWithdraw'))) withdraw.mutate(evidence.id);
            }}
          >
            {t('help.evidence.withdraw')}
          </Button>
        </Group>
        {withdraw.error !== null && <ErrorAlert error={withdraw.error} />}
      </Stack>
    </Alert>
  );
}
