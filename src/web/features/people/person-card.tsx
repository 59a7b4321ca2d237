// One directory result: name (links to the profile), title, department, location and skill chips.
import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonCard as PersonCardData } from '../../../shared/people';
import { HashtagList } from '../../ui/hashtag-list';
import { initialsOf } from '../../ui/initials';
import { useValueLabels } from './use-value-labels';

export type PersonCardProps = {
  person: PersonCardData;
  activeSkill?: string | null;
  /** The search text; skills containing it are shown first, so the card shows why it matched. */
  query?: string;
  onSkillSelect?: (skill: string) => void;
};

const MAX_SKILLS = 6;

function skillsMatchingFirst(skills: readonly string[], activeSkill: string | null | undefined, query: string | undefined) {
  const needle = query?.trim().replace(/^#/, '').toLowerCase() ?? '';
  const rank = (skill: string) => (skill === activeSkill ? 0 : needle !== '' && skill.includes(needle) ? 1 : 2);
  // Array.prototype.sort is stable, so the person's own order survives within each rank.
  return [...skills].sort((a, b) => rank(a) - rank(b));
}

export function PersonCard({ person, activeSkill, query, onSkillSelect }: PersonCardProps) {
  const { t } = useTranslation();
  const labels = useValueLabels();
  const place = [person.department && labels.value('department', person.department), person.location && labels.value('location', person.location)]
    .filter(Boolean)
    .join(' · ');

  return (
    <Card withBorder radius="md" padding="md" data-testid="person-card" component="article">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar radius="xl" color="indigo">
            {initialsOf(person.display_name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/people/${person.id}`} fw={600} lineClamp={1}>
              {person.display_name}
            </Anchor>
            {person.job_title && (
              <Text size="sm" lineClamp={1}>
                {person.job_title}
              </Text>
            )}
            {place && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {place}
              </Text>
            )}
          </Stack>
        </Group>
        {(person.mentor_available || person.ambassador) && (
          <Group gap={6}>
            {person.mentor_available && (
              <Badge size="xs" color="teal" variant="dot">
                {t('badges.mentor')}
              </Badge>
            )}
            {person.ambassador && (
              <Badge size="xs" color="grape" variant="dot">
                {t('badges.ambassador')}
              </Badge>
            )}
          </Group>
        )}
        <HashtagList tags={skillsMatchingFirst(person.skills, activeSkill, query)} max={MAX_SKILLS} onSelect={onSkillSelect} activeTag={activeSkill} />
      </Stack>
    </Card>
  );
}
