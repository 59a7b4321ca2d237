// A colleague's whole profile: header, about, what they know and want to learn, their contributions,
// kudos, org and HR cards.
import { Card, Grid, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/people';
import { HashtagList } from '../../ui/hashtag-list';
import { ContributionsCard } from '../community/contributions-card';
import { KudosCard } from '../community/kudos-card';
import { EndorsableSkillList } from '../expertise/endorsable-skill-list';
import { HrFieldsCard } from './hr-fields-card';
import { OrgCard } from './org-card';
import { ProfileHeader } from './profile-header';
import { ProfileSection } from './profile-section';

export function ProfileView({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const findBySkill = (skill: string) => void navigate(`/people?skill=${encodeURIComponent(skill)}`);
  const nothingShared =
    !profile.about &&
    !profile.can_help_with &&
    [profile.skills, profile.interests, profile.mentor_topics, profile.learning_goals, profile.languages].every((list) => list.length === 0);

  return (
    <Stack gap="lg">
      <ProfileHeader profile={profile} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder radius="md">
              <Stack gap="lg">
                {nothingShared && <Text c="dimmed">{t('profile.nothingShared')}</Text>}
                <ProfileSection title={t('profile.about')} empty={!profile.about}>
                  <Text style={{ whiteSpace: 'pre-line' }}>{profile.about}</Text>
                </ProfileSection>
                <ProfileSection title={t('profile.canHelpWith')} empty={!profile.can_help_with}>
                  <Text style={{ whiteSpace: 'pre-line' }}>{profile.can_help_with}</Text>
                </ProfileSection>
                <ProfileSection title={t('fields.skills')} empty={profile.skills.length === 0}>
                  <EndorsableSkillList personId={profile.id} skills={profile.skills} onSelect={findBySkill} />
                </ProfileSection>
                <ProfileSection title={t('fields.mentor_topics')} empty={profile.mentor_topics.length === 0}>
                  <HashtagList tags={profile.mentor_topics} color="teal" />
                </ProfileSection>
                <ProfileSection title={t('fields.learning_goals')} empty={profile.learning_goals.length === 0}>
                  <HashtagList tags={profile.learning_goals} color="orange" />
                </ProfileSection>
                <ProfileSection title={t('fields.interests')} empty={profile.interests.length === 0}>
                  <HashtagList tags={profile.interests} color="gray" />
                </ProfileSection>
                <ProfileSection title={t('fields.languages')} empty={profile.languages.length === 0}>
                  <HashtagList tags={profile.languages} color="cyan" />
                </ProfileSection>
              </Stack>
            </Card>
            <ContributionsCard personId={profile.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <KudosCard personId={profile.id} name={profile.display_name} skills={profile.skills} />
            <OrgCard profile={profile} />
            <HrFieldsCard profile={profile} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
