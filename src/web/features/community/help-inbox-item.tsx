// One line of the help inbox: the question, who asked or who helps, its status, and whether it waits on me.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HelpInboxItem as Item } from '../../../shared/community';
import { formatTimestamp } from '../audiences/format-timestamp';
import { HelpStatusBadge } from './help-status-badge';

export function HelpInboxItem({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const waitingOnMe = item.role === 'expert' && item.my_invitation === 'invited' && item.status === 'open';
  const other = item.role === 'asker' ? item.expert : item.asker;
  const who =
    item.role === 'asker'
      ? other
        ? t('help.inbox.helpedBy', { name: other.display_name ?? t('help.formerColleague') })
        : t('help.inbox.waitingForExpert')
      : t('help.inbox.askedBy', { name: other?.display_name ?? t('help.formerColleague') });

  return (
    <Card withBorder radius="md" padding="sm" component="article" data-testid="help-inbox-item" data-request-id={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/help/${item.id}`} fw={600} lineClamp={2}>
            {item.question}
          </Anchor>
          <HelpStatusBadge status={item.status} />
        </Group>
        <Group gap="xs">
          {waitingOnMe && (
            <Badge color="orange" variant="filled" data-testid="help-waiting-on-me">
              {t('help.inbox.invitedYou')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {who} · {formatTimestamp(item.created_at, i18n.language)}
            {item.message_count > 0 && ` · ${t('help.inbox.messages', { count: item.message_count })}`}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
