// Kudos a colleague received, newest first, with "Give kudos" for anyone else in the directory.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { formatTimestamp } from '../audiences/format-timestamp';
import { GiveKudosButton } from './give-kudos-button';
import { useKudos } from './kudos-queries';

export type KudosCardProps = { personId: number; name: string; skills: readonly string[] };

export function KudosCard({ personId, name, skills }: KudosCardProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const kudos = useKudos(personId);
  // Only people in the directory give kudos, and never to themselves (the server says the same).
  const canGive = user.person_id !== null && user.person_id !== personId;
  const list = kudos.data?.kudos ?? [];

  return (
    <Card withBorder radius="md" data-testid="kudos-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('kudos.title')}
          </Title>
          {canGive && <GiveKudosButton personId={personId} name={name} skills={skills} />}
        </Group>
        {kudos.error && <ErrorAlert error={kudos.error} />}
        {kudos.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kudos.empty')}
          </Text>
        )}
        {list.map((entry) => (
          <Stack key={entry.id} gap={2} data-testid="kudos-entry">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {entry.message}
            </Text>
            <Group gap={6}>
              {entry.from.display_name ? (
                <Anchor component={Link} to={`/people/${entry.from.id}`} size="xs">
                  {entry.from.display_name}
                </Anchor>
              ) : (
                <Text size="xs">{t('help.formerColleague')}</Text>
              )}
              <Text size="xs" c="dimmed">
                {formatTimestamp(entry.created_at, i18n.language)}
              </Text>
              {entry.skill && (
                <Badge size="xs" variant="light" color="grape" tt="none">
                  #{entry.skill}
                </Badge>
              )}
              {entry.help_request_id !== null && (
                <Badge size="xs" variant="outline" color="green">
                  {t('kudos.forHelp')}
                </Badge>
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
