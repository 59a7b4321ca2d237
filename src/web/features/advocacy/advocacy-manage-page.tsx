// The communicator's advocacy programme page (issue 12): the content library, share analytics, onboarding
// waves by maturity stage, every referral pipeline with its dashboard, and (admins) points settings.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/auth-context';
import { canChangeAdvocacySettings } from './advocacy-access';
import { ContentManageTab } from './content-manage-tab';
import { ShareAnalyticsTab } from './share-analytics-tab';
import { WavesTab } from './waves-tab';
import { ReferralPipelineTab } from './referral-pipeline-tab';
import { PointsSettingsTab } from './points-settings-tab';

const TABS = ['content', 'analytics', 'waves', 'referrals', 'settings'] as const;
type Tab = (typeof TABS)[number];

export function AdvocacyManagePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tabs = TABS.filter((key) => key !== 'settings' || canChangeAdvocacySettings(user.role));
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'content';

  return (
    <Stack>
      <Title order={2}>{t('advocacyManage.title')}</Title>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'content' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`advocacy-manage-tab-${key}`}>
              {t(`advocacyManage.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="content" pt="md">
          <ContentManageTab />
        </Tabs.Panel>
        <Tabs.Panel value="analytics" pt="md">
          <ShareAnalyticsTab />
        </Tabs.Panel>
        <Tabs.Panel value="waves" pt="md">
          <WavesTab />
        </Tabs.Panel>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralPipelineTab />
        </Tabs.Panel>
        {canChangeAdvocacySettings(user.role) && (
          <Tabs.Panel value="settings" pt="md">
            <PointsSettingsTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
