// Top of a profile: avatar, name, job title, where they work, contact and status badges.
import { Anchor, Avatar, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/people';
import { formatLanguageName } from '../../ui/format';
import { initialsOf } from '../../ui/initials';
import { useValueLabels } from './use-value-labels';

export function ProfileHeader({ profile }: { profile: PersonProfile }) {
  const { t, i18n } = useTranslation();
  const labels = useValueLabels();
  const place = [
    profile.department && labels.value('department', profile.department),
    profile.location && labels.value('location', profile.location),
    profile.country && labels.value('country', profile.country),
  ]
    .filter(Boolean)
    .join(' · ');
  const isOwn = profile.editable_fields.length > 0;

  return (
    <Group align="flex-start" justify="space-between" gap="md">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Avatar size={72} radius="xl" color="indigo">
          {initialsOf(profile.display_name)}
        </Avatar>
        <Stack gap={4}>
          <Title order={2}>{profile.display_name}</Title>
          {profile.job_title && <Text fw={500}>{profile.job_title}</Text>}
          {place && <Text c="dimmed">{place}</Text>}
          <Group gap="md">
            {profile.email && (
              <Anchor href={`mailto:${profile.email}`} size="sm">
                {profile.email}
              </Anchor>
            )}
            {profile.language && (
              <Text size="sm" c="dimmed">
                {t('profile.language')}: {formatLanguageName(profile.language, i18n.language)}
              </Text>
            )}
          </Group>
          <Group gap={6} mt={4}>
            {profile.mentor_available && <Badge color="teal">{t('badges.mentor')}</Badge>}
            {profile.ambassador && <Badge color="grape">{t('badges.ambassador')}</Badge>}
            {profile.is_leader && <Badge color="gray">{t('badges.leader')}</Badge>}
            {profile.status === 'inactive' && <Badge color="red">{t('badges.inactive')}</Badge>}
          </Group>
        </Stack>
      </Group>
      {isOwn && (
        <Button component={Link} to="/me" variant="light">
          {t('profile.edit')}
        </Button>
      )}
    </Group>
  );
}
