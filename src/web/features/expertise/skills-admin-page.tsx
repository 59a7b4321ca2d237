// /admin/skills: keeps the skill taxonomy from decaying into near-duplicates. One tab for the curated
// skills (edit, merge), one for the hashtags people typed that the taxonomy does not know yet.
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NewTagsTab } from './new-tags-tab';
import { SkillTaxonomyTab } from './skill-taxonomy-tab';

type Tab = 'taxonomy' | 'new-tags';

export function SkillsAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'new-tags' ? 'new-tags' : 'taxonomy';

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('skillsAdmin.title')}</Title>
        <Text c="dimmed">{t('skillsAdmin.intro')}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParams(value === 'new-tags' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="taxonomy" data-testid="skills-tab-taxonomy">
            {t('skillsAdmin.tabs.taxonomy')}
          </Tabs.Tab>
          <Tabs.Tab value="new-tags" data-testid="skills-tab-new-tags">
            {t('skillsAdmin.tabs.newTags')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="taxonomy" pt="md">
          <SkillTaxonomyTab />
        </Tabs.Panel>
        <Tabs.Panel value="new-tags" pt="md">
          <NewTagsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
