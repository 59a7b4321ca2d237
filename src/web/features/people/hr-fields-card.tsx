// Age and tenure data from the HR system; the API fills these only for admins and communicators.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/people';
import { FieldRow } from '../../ui/field-row';
import { formatIsoDate } from '../../ui/format';

/** True when the viewer was given at least one HR-only value for this person. */
export function hasHrFields(profile: PersonProfile): boolean {
  return [profile.birth_year, profile.generation, profile.hire_date, profile.tenure_years, profile.experience_level].some((value) => value !== null);
}

export function HrFieldsCard({ profile }: { profile: PersonProfile }) {
  const { t, i18n } = useTranslation();
  if (!hasHrFields(profile)) return null;
  return (
    <Card withBorder radius="md">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('profile.hr.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('profile.hr.restricted')}
        </Text>
        <FieldRow label={t('profile.hr.birthYear')} value={profile.birth_year} />
        <FieldRow label={t('profile.hr.generation')} value={profile.generation && t(`generation.${profile.generation}`)} />
        <FieldRow label={t('profile.hr.hireDate')} value={profile.hire_date && formatIsoDate(profile.hire_date, i18n.language)} />
        <FieldRow label={t('profile.hr.tenure')} value={profile.tenure_years !== null ? t('profile.hr.years', { count: profile.tenure_years }) : null} />
        <FieldRow
          label={t('profile.hr.yearsExperience')}
          value={profile.years_experience !== null ? t('profile.hr.years', { count: profile.years_experience }) : null}
        />
        <FieldRow label={t('profile.hr.experience')} value={profile.experience_level && t(`experience.${profile.experience_level}`)} />
      </Stack>
    </Card>
  );
}
