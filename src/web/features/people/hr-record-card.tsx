// Read-only facts on one's own profile that come from the HR import, with a hint on where to fix them.
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/people';
import { FieldRow } from '../../ui/field-row';
import { formatLanguageName } from '../../ui/format';
import { useValueLabels } from './use-value-labels';

export function HrRecordCard({ profile }: { profile: PersonProfile }) {
  const { t, i18n } = useTranslation();
  const labels = useValueLabels();
  const named = (field: string, value: string | null) => (value ? labels.value(field, value) : value);
  return (
    <Card withBorder radius="md" bg="gray.0">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('myProfile.hrRecord.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('myProfile.hrRecord.hint')}
        </Text>
        <FieldRow label={t('fields.name')} value={profile.display_name} />
        <FieldRow label={t('fields.email')} value={profile.email} />
        <FieldRow label={t('fields.job_title')} value={profile.job_title} />
        <FieldRow label={t('fields.department')} value={named('department', profile.department)} />
        <FieldRow label={t('fields.function')} value={named('function', profile.function)} />
        <FieldRow label={t('fields.location')} value={named('location', profile.location)} />
        <FieldRow label={t('fields.country')} value={named('country', profile.country)} />
        <FieldRow label={t('fields.language')} value={profile.language && formatLanguageName(profile.language, i18n.language)} />
        <FieldRow label={t('fields.time_zone')} value={profile.time_zone} />
        <FieldRow label={t('fields.manager')} value={profile.manager?.display_name} />
      </Stack>
    </Card>
  );
}
