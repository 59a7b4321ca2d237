// The manage page's referrals (referrals:manage, ADR 0034): the dashboard and every team's pipeline.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReferralDashboardPanel } from './referral-dashboard';
import { ReferralPipeline } from './referral-pipeline';

export function ReferralPipelineTab() {
  const { t } = useTranslation();
  return (
    <Stack>
      <ReferralDashboardPanel />
      <Title order={3} size="h4">
        {t('referrals.pipeline.allTitle')}
      </Title>
      <ReferralPipeline manager />
    </Stack>
  );
}
