// One expert-search hit: who (links to the profile), where they work, badges and why they match.
import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { initialsOf } from '../../ui/initials';
import { ExpertReasons } from './expert-reasons';
import type { ExpertResultView } from './expertise-schemas';
import { useValueLabels } from '../people/use-value-labels';

export type ExpertResultCardProps = {
  result: ExpertResultView;
  rank: number;
  onSkillSelect?: (tag: string) => void;
};

export function ExpertResultCard({ result, rank, onSkillSelect }: ExpertResultCardProps) {
  const { t } = useTranslation();
  const labels = useValueLabels();
  const { person } = result;
  const line = [
    person.job_title,
    person.department && labels.value('department', person.department),
    person.location && labels.value('location', person.location),
  ]
    .filter(Boolean)
    .join(' · ');
  // Older servers do not send `available`; missing means the person can be asked.
  const unavailable = person.available === false;
  // The badge already says so; the reason would repeat it.
  const reasons = result.reason_codes.filter((reason) => reason.code !== 'unavailable');

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      data-testid="expert-result"
      data-person-id={person.id}
      aria-label={t('experts.result.label', { rank, name: person.display_name })}
      style={{ opacity: unavailable ? 0.75 : 1 }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar radius="xl" color={unavailable ? 'gray' : 'indigo'}>
            {initialsOf(person.display_name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="lg" lineClamp={1}>
              {person.display_name}
            </Anchor>
            {line && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {line}
              </Text>
            )}
            {(person.ambassador || person.mentor_available || unavailable) && (
              <Group gap={6} mt={4}>
                {person.ambassador && (
                  <Badge size="sm" color="grape" variant="light">
                    {t('badges.ambassador')}
                  </Badge>
                )}
                {person.mentor_available && (
                  <Badge size="sm" color="teal" variant="light">
                    {t('badges.mentor')}
                  </Badge>
                )}
                {unavailable && (
                  <Badge size="sm" color="orange" variant="outline" data-testid="expert-unavailable">
                    {t('experts.result.unavailable')}
                  </Badge>
                )}
              </Group>
            )}
          </Stack>
        </Group>
        <ExpertReasons reasons={reasons} onSkillSelect={onSkillSelect} />
      </Stack>
    </Card>
  );
}
