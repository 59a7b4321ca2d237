// /help/:id: one help request: the question, who helps, the conversation, and the next step for
// whoever is looking (accept or decline for an invited expert, resolve and thank for the asker), and
// what the resolved request left as evidence (withdrawable by either party).
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { HelpAskerActions } from './help-asker-actions';
import { HelpConversation } from './help-conversation';
import { HelpEvidenceNotice } from './help-evidence-notice';
import { HelpExpertPanel } from './help-expert-panel';
import { useHelpRequest } from './help-queries';
import { HelpStatusBadge } from './help-status-badge';

export function HelpRequestPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { id } = useParams();
  const requestId = Number(id);
  const valid = Number.isInteger(requestId) && requestId > 0;
  const query = useHelpRequest(requestId, valid && user.person_id !== null);

  if (!valid || user.person_id === null || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoader />;
  const request = query.data;
  const viewerId = user.person_id;
  const isAsker = request.asker.id === viewerId;

  return (
    <Stack gap="md" maw={860} data-testid="help-request" data-status={request.status}>
      <Anchor component={Link} to="/help" size="sm">
        {t('help.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} style={{ whiteSpace: 'pre-line' }} data-testid="help-question">
          {request.question}
        </Title>
        <HelpStatusBadge status={request.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {isAsker
          ? t('help.detail.youAsked', { when: formatTimestamp(request.created_at, i18n.language) })
          : t('help.detail.askedBy', {
              name: request.asker.display_name ?? t('help.formerColleague'),
              when: formatTimestamp(request.created_at, i18n.language),
            })}
      </Text>
      <Card withBorder radius="md">
        <Stack gap="md">
          <HelpExpertPanel request={request} viewerId={viewerId} />
          <HelpConversation request={request} viewerId={viewerId} />
          <HelpEvidenceNotice request={request} />
          {isAsker && <HelpAskerActions request={request} />}
        </Stack>
      </Card>
    </Stack>
  );
}
