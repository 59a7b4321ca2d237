// Who helps with a request: the expert who took it, or the invited colleagues and why they were
// chosen; an invited expert accepts or declines here.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { reasonText } from '../expertise/reason-text';
import { useDeclineHelp, useHelpStep } from './help-queries';

export type HelpExpertPanelProps = { request: HelpRequest; viewerId: number };

export function HelpExpertPanel({ request, viewerId }: HelpExpertPanelProps) {
  const { t } = useTranslation();
  const step = useHelpStep(request.id);
  const decline = useDeclineHelp(request.id);
  const mine = request.invitations.find((i) => i.expert.id === viewerId);
  const canRespond = request.status === 'open' && mine?.status === 'invited';
  const name = (n: string | null) => n ?? t('help.formerColleague');

  if (request.expert) {
    return (
      <Text data-testid="help-expert">
        {t('help.detail.expert')}{' '}
        <Anchor component={Link} to={`/people/${request.expert.id}`}>
          {name(request.expert.display_name)}
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {request.invitations.length === 0 ? (
        <Text c="dimmed" data-testid="help-routing">
          {t('help.detail.routing')}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text fw={500}>{t('help.detail.invited')}</Text>
          {request.invitations.map((invitation) => (
            <Group key={invitation.expert.id} gap="xs" data-testid="help-invitation">
              <Anchor component={Link} to={`/people/${invitation.expert.id}`} size="sm">
                {name(invitation.expert.display_name)}
              </Anchor>
              <Badge size="sm" variant="outline" color={invitation.status === 'declined' ? 'gray' : 'blue'}>
                {t(`help.invitation.${invitation.status}`)}
              </Badge>
              {invitation.reason_codes.length > 0 && (
                <Text size="xs" c="dimmed" data-testid="help-invitation-reasons">
                  {invitation.reason_codes
                    .flatMap((reason) => reasonText(t, reason) ?? [])
                    .slice(0, 3)
                    .join(' · ')}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canRespond && (
        <Group gap="sm">
          <Button data-testid="help-accept" loading={step.isPending} onClick={() => step.mutate({ kind: 'accept' })}>
            {t('help.detail.accept')}
          </Button>
          <Button data-testid="help-decline" variant="default" loading={decline.isPending} onClick={() => decline.mutate()}>
            {t('help.detail.decline')}
          </Button>
        </Group>
      )}
      {mine?.status === 'declined' && (
        <Text size="sm" c="dimmed">
          {t('help.detail.youDeclined')}
        </Text>
      )}
      {step.error !== null && <ErrorAlert error={step.error} />}
      {decline.error !== null && <ErrorAlert error={decline.error} />}
    </Stack>
  );
}
