// The employee's advocacy page (issue 12): the content library to share from, their own impact
// (shares, clicks, points, badges, influence score), the leaderboard, their referrals and the
// social-media self-assessment, one tab each (`?tab=`).
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LibraryTab } from './library-tab';
import { ImpactTab } from './impact-tab';
import { LeaderboardTab } from './leaderboard-tab';
import { MyReferralsTab } from './my-referrals-tab';
import { SelfAssessmentTab } from './self-assessment-tab';

const TABS = ['library', 'impact', 'leaderboard', 'referrals', 'maturity'] as const;
type Tab = (typeof TABS)[number];

export function AdvocacyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'library';

  return (
    <Stack>
      <Title order={2}>{t('advocacy.title')}</Title>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'library' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`advocacy-tab-${key}`}>
              {t(`advocacy.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="library" pt="md">
          <LibraryTab />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          <ImpactTab />
        </Tabs.Panel>
        <Tabs.Panel value="leaderboard" pt="md">
          <LeaderboardTab />
        </Tabs.Panel>
        <Tabs.Panel value="referrals" pt="md">
          <MyReferralsTab />
        </Tabs.Panel>
        <Tabs.Panel value="maturity" pt="md">
          <SelfAssessmentTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
