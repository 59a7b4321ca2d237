// /privacy — the works-council page (DESIGN §3.5, ADR 0023): what this installation records, why, for
// how long and who can see it, generated from the live settings (GET /api/v1/privacy/summary). The
// server sends codes and values; every sentence here comes from the translations.
import { Badge, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/identity';
import { privacySummarySchema, TRACKING_MODES } from '../../../shared/privacy';
import { apiRequest } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';

export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: ['privacy', 'summary'],
    queryFn: ({ signal }) => apiRequest('/api/v1/privacy/summary', privacySummarySchema, { signal }),
  });
  const list = (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);

  if (summary.isPending) return <PageLoader />;
  if (summary.error) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const roles = (values: readonly Role[]) => list(values.map((role) => t(`roles.${role}`)));

  return (
    <Stack gap="md" data-testid="privacy-page">
      <Title order={2}>{t('privacy.title')}</Title>
      <Text c="dimmed">{t('privacy.intro')}</Text>

      <Card withBorder>
        <Title order={3}>{t('privacy.trackingTitle')}</Title>
        <Text data-testid="privacy-mode">{t('privacy.trackingCurrent', { mode: t(`privacy.modes.${s.tracking_mode}.name`) })}</Text>
        <List mt="xs">
          {TRACKING_MODES.map((mode) => (
            <List.Item key={mode}>
              <Text span fw={600}>
                {t(`privacy.modes.${mode}.name`)}
              </Text>
              {mode === s.tracking_mode && (
                <Badge ml="xs" size="sm">
                  ✓
                </Badge>
              )}
              {': '}
              {t(`privacy.modes.${mode}.text`)}
            </List.Item>
          ))}
        </List>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.kTitle')}</Title>
        <Text data-testid="privacy-k">{t('privacy.kText', { k: s.min_group })}</Text>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.retentionTitle')}</Title>
        <Text data-testid="privacy-retention">{t('privacy.retentionText', { days: s.retention_days })}</Text>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.eventsTitle')}</Title>
        <List>
          {s.recorded_events.map((type) => (
            <List.Item key={type}>{t(`privacy.events.${type}`)}</List.Item>
          ))}
        </List>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.accessTitle')}</Title>
        <Text data-testid="privacy-access">{t('privacy.accessText', { roles: roles(s.individual_data_roles) })}</Text>
        <Text mt="xs">{t('privacy.adminText', { roles: roles(s.privacy_admin_roles) })}</Text>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.quietTitle')}</Title>
        <Text>{s.quiet_hours ? t('privacy.quietOn', { start: s.quiet_hours.start, end: s.quiet_hours.end }) : t('privacy.quietOff')}</Text>
        {s.quiet_hours && s.must_read_ignores_quiet_hours && <Text mt="xs">{t('privacy.mustRead')}</Text>}
        <Text mt="xs">{t('privacy.optOut')}</Text>
      </Card>

      <Card withBorder>
        <Title order={3}>{t('privacy.storageTitle')}</Title>
        <Text>{t(`privacy.storage.${s.storage}`)}</Text>
      </Card>
    </Stack>
  );
}
