// Where someone sits in the organisation: their manager and their direct reports, as links.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/people';
import { PersonLink } from './person-link';

export function OrgCard({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('profile.org.title')}
        </Title>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
            {t('profile.org.manager')}
          </Text>
          {profile.manager ? <PersonLink person={profile.manager} /> : <Text size="sm">{t('profile.org.noManager')}</Text>}
        </div>
        {profile.reports.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              {t('profile.org.reports', { count: profile.reports.length })}
            </Text>
            <Stack gap={6}>
              {profile.reports.map((report) => (
                <PersonLink key={report.id} person={report} />
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Card>
  );
}
