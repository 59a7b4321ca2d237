// /me — edit one's own profile beside my availability for help requests, mentors and ambassadors
// to contact, and the read-only HR record; links to the public view.
import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { AvailabilityCard } from '../community/availability-card';
import { NewcomerCard } from '../community/newcomer-card';
import { PageLoader } from '../../ui/page-loader';
import { HrFieldsCard } from './hr-fields-card';
import { HrRecordCard } from './hr-record-card';
import { MyProfileForm } from './my-profile-form';
import { useMyProfile, usePeopleFacets } from './people-queries';
import { useUpdateMyProfile } from './use-update-my-profile';

export function MyProfilePage() {
  const { t } = useTranslation();
  const me = useMyProfile();
  const facets = usePeopleFacets();
  const save = useUpdateMyProfile();

  if (me.error instanceof ApiError && me.error.status === 404) {
    return (
      <Alert color="yellow" title={t('myProfile.noPerson.title')}>
        {t('myProfile.noPerson.body')}
      </Alert>
    );
  }
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PageLoader />;
  const profile = me.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('myProfile.title')}</Title>
        <Anchor component={Link} to={`/people/${profile.id}`} size="sm">
          {t('myProfile.viewPublic')}
        </Anchor>
      </Group>
      <Text c="dimmed">{t('myProfile.intro')}</Text>
      {save.isSuccess && !save.isPending && (
        <Alert color="green" role="status">
          {t('myProfile.saved')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <MyProfileForm
            // A fresh form per saved version, so "unsaved changes" compares against what the server kept.
            key={me.dataUpdatedAt}
            profile={profile}
            skillSuggestions={facets.data?.skills.map((skill) => skill.value) ?? []}
            onSave={(update) => save.mutate(update)}
            saving={save.isPending}
            saveError={save.error}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <AvailabilityCard />
            <NewcomerCard location={profile.location} />
            <HrRecordCard profile={profile} />
            <HrFieldsCard profile={profile} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
