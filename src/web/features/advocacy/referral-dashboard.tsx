// The referral dashboard (ADR 0034): totals, conversion and time to a win, by status and kind, per
// month, and by referrer department where departments with fewer than k referrers fold into "other".
import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS, REFERRAL_STATUSES } from '../../../shared/advocacy';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useReferralDashboard } from './referral-queries';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function ReferralDashboardPanel() {
  const { t, i18n } = useTranslation();
  const dashboard = useReferralDashboard();
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const series = [
    { name: 'referrals', label: t('referrals.dashboard.referrals'), color: 'blue.6' },
    { name: 'won', label: t('referrals.dashboard.won'), color: 'green.6' },
  ];
  return (
    <Stack data-testid="referral-dashboard">
      <Title order={3} size="h4">
        {t('referrals.dashboard.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('referrals.dashboard.total')} value={String(d.total)} testId="referral-total" />
        <Figure
          label={t('referrals.dashboard.conversion')}
          value={d.conversion_rate === null ? '—' : percent.format(d.conversion_rate)}
          testId="referral-conversion"
        />
        <Figure
          label={t('referrals.dashboard.daysToWin')}
          value={
            d.median_days_to_win === null ? '—' : t('referrals.dashboard.days', { count: d.median_days_to_win, days: decimal.format(d.median_days_to_win) })
          }
          testId="referral-days"
        />
        <Figure
          label={t('referrals.dashboard.open')}
          value={String((d.by_status.new ?? 0) + (d.by_status.contacted ?? 0) + (d.by_status.qualified ?? 0))}
          testId="referral-open"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md">
          <Text fw={600} mb="xs">
            {t('referrals.dashboard.byStatus')}
          </Text>
          <BarChart
            h={200}
            dataKey="label"
            data={REFERRAL_STATUSES.map((s) => ({ label: t(`referrals.status.${s}`), count: d.by_status[s] ?? 0 }))}
            series={[{ name: 'count', label: t('referrals.dashboard.referrals'), color: 'blue.6' }]}
          />
          <Group gap="md" mt="xs">
            {REFERRAL_KINDS.map((k) => (
              <Text key={k} size="sm">
                {t(`referrals.kind.${k}`)}: {d.by_kind[k] ?? 0}
              </Text>
            ))}
          </Group>
        </Card>
        <Card withBorder radius="md">
          <Text fw={600} mb="xs">
            {t('referrals.dashboard.byMonth')}
          </Text>
          <BarChart h={200} dataKey="month" data={d.by_month} series={series} />
        </Card>
      </SimpleGrid>
      <Card withBorder radius="md">
        <Text fw={600}>{t('referrals.dashboard.byDepartment')}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('referrals.dashboard.folded', { k: d.min_group })}
        </Text>
        <BarChart
          h={Math.max(160, d.by_department.length * 40)}
          orientation="vertical"
          dataKey="department"
          data={d.by_department.map((x) => ({ ...x, department: x.other ? t('referrals.dashboard.other') : x.department }))}
          series={series}
        />
      </Card>
    </Stack>
  );
}
