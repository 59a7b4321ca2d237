// On my profile page: mentors for my learning goals (emphasised in my first 90 days) and ambassadors,
// first contacts for newcomers, those at my location first.
import type { ReactNode } from 'react';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../shared/people';
import { ErrorAlert } from '../../ui/error-alert';
import { HashtagList } from '../../ui/hashtag-list';
import { useAmbassadors, useMentorSuggestions } from './newcomer-queries';
import { useValueLabels } from '../people/use-value-labels';

const SHOWN = 5;

function PersonLine({ person, children }: { person: PersonCard; children?: ReactNode }) {
  const labels = useValueLabels();
  const line = [person.job_title, person.location && labels.value('location', person.location)].filter(Boolean).join(' · ');
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500}>
        {person.display_name}
      </Anchor>
      {line && (
        <Text size="xs" c="dimmed">
          {line}
        </Text>
      )}
      {children}
    </Stack>
  );
}

export function NewcomerCard({ location }: { location: string | null }) {
  const { t } = useTranslation();
  const mentors = useMentorSuggestions();
  const ambassadors = useAmbassadors(location);
  const newcomer = mentors.data?.newcomer ?? false;
  const mentorList = (mentors.data?.mentors ?? []).slice(0, SHOWN);
  const ambassadorList = (ambassadors.data?.ambassadors ?? []).slice(0, SHOWN);

  return (
    <Card withBorder radius="md" data-testid="newcomer-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('newcomers.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {newcomer ? t('newcomers.welcome') : t('newcomers.intro')}
          </Text>
        </Stack>
        <Stack gap="xs" data-testid="mentor-suggestions">
          <Text fw={500} size="sm">
            {t('newcomers.mentors')}
          </Text>
          {mentors.error && <ErrorAlert error={mentors.error} />}
          {mentors.isSuccess && mentorList.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('newcomers.noMentors')}
            </Text>
          )}
          {mentorList.map((mentor) => (
            <PersonLine key={mentor.person.id} person={mentor.person}>
              <HashtagList tags={mentor.topics} color="teal" />
            </PersonLine>
          ))}
        </Stack>
        <Stack gap="xs" data-testid="ambassadors">
          <Text fw={500} size="sm">
            {t('newcomers.ambassadors')}
          </Text>
          {ambassadors.error && <ErrorAlert error={ambassadors.error} />}
          {ambassadors.isSuccess && ambassadorList.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('newcomers.noAmbassadors')}
            </Text>
          )}
          <Group gap="md" align="flex-start">
            {ambassadorList.map((person) => (
              <PersonLine key={person.id} person={person} />
            ))}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
