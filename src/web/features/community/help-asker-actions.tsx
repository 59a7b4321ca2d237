// The asker's closing steps: mark the request resolved, choosing whether the question and answers are
// published as evidence of the expert's knowledge (private unless chosen), then thank the expert
// publicly (kudos on their profile).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, type HelpRequest } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { useHelpStep, useThankExpert } from './help-queries';
import { ResolveHelpModal } from './resolve-help-modal';

export function HelpAskerActions({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [resolving, { open: openResolve, close: closeResolve }] = useDisclosure(false);
  const resolve = useHelpStep(request.id);
  const thank = useThankExpert(request.id);
  const expertName = request.expert?.display_name ?? t('help.formerColleague');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (message.trim() === '') return;
    thank.mutate(message.trim());
  };

  return (
    <Stack gap="sm">
      {request.status === 'accepted' && (
        <Group gap="sm">
          <Button data-testid="help-resolve" color="green" onClick={openResolve}>
            {t('help.detail.resolve')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('help.detail.resolveHint')}
          </Text>
        </Group>
      )}
      <ResolveHelpModal
        opened={resolving}
        expertName={expertName}
        pending={resolve.isPending}
        error={resolve.error}
        onClose={closeResolve}
        onResolve={(publish) => resolve.mutate({ kind: 'resolve', publish }, { onSuccess: closeResolve })}
      />
      {request.expert && request.thanked && (
        <Alert color="green" data-testid="help-thanked">
          {t('help.detail.thanked', { name: expertName })}
        </Alert>
      )}
      {request.expert && !request.thanked && request.status === 'resolved' && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              data-testid="help-thanks-input"
              label={t('help.detail.thankLabel', { name: expertName })}
              placeholder={t('help.detail.thankPlaceholder')}
              autosize
              minRows={2}
              maxLength={COMMUNITY_LIMITS.kudos}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
            {thank.error !== null && <ErrorAlert error={thank.error} />}
            <Group justify="flex-end">
              <Button type="submit" data-testid="help-thank" loading={thank.isPending} disabled={message.trim() === ''}>
                {t('help.detail.thank')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
