// The taxonomy tab: search skills by tag, alias or label, see how many people list each, and edit
// one or merge it into another.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MergeResult } from '../../../shared/skills';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { isUiLanguage } from '../../i18n/language';
import { useSkillTaxonomy, type Skill } from './skill-admin-queries';
import { SkillEditModal } from './skill-edit-modal';
import { SkillMergeModal } from './skill-merge-modal';

const SHOWN_ALIASES = 4;

export function SkillTaxonomyTab() {
  const { t, i18n } = useTranslation();
  const lang = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const taxonomy = useSkillTaxonomy(q);
  const [editing, setEditing] = useState<Skill | null>(null);
  const [merging, setMerging] = useState<Skill | null>(null);
  const [merged, setMerged] = useState<{ tag: string; result: MergeResult } | null>(null);

  const skills = taxonomy.data?.skills ?? [];
  return (
    <Stack gap="md">
      <TextInput
        label={t('skillsAdmin.taxonomy.search')}
        placeholder={t('skillsAdmin.taxonomy.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-testid="skills-search"
      />
      {merged && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setMerged(null)} data-testid="skill-merge-result">
          {t('skillsAdmin.merge.done', {
            tag: merged.tag,
            into: merged.result.skill.tag,
            profiles: merged.result.profiles_rewritten,
            endorsements: merged.result.endorsements_rewritten,
          })}
        </Alert>
      )}
      {taxonomy.isPending && <PageLoader />}
      {taxonomy.error && <ErrorAlert error={taxonomy.error} title={t('skillsAdmin.taxonomy.failed')} onRetry={() => void taxonomy.refetch()} />}
      {taxonomy.isSuccess && skills.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t('skillsAdmin.taxonomy.empty')}
        </Text>
      )}
      {skills.length > 0 && (
        <Table striped highlightOnHover data-testid="skills-table" aria-busy={taxonomy.isFetching} data-q={q}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('skillsAdmin.columns.skill')}</Table.Th>
              <Table.Th>{t('skillsAdmin.columns.aliases')}</Table.Th>
              <Table.Th ta="right">{t('skillsAdmin.columns.people')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skills.map((skill) => (
              <Table.Tr key={skill.tag} data-testid={`skill-row-${skill.tag}`}>
                <Table.Td>
                  <Text fw={500}>{skill.labels[lang]}</Text>
                  <Text size="xs" c="dimmed">
                    #{skill.tag}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {skill.aliases.slice(0, SHOWN_ALIASES).map((alias) => (
                      <Badge key={alias} variant="light" color="gray" tt="none">
                        {alias}
                      </Badge>
                    ))}
                    {skill.aliases.length > SHOWN_ALIASES && (
                      <Text size="xs" c="dimmed">
                        {t('skillsAdmin.taxonomy.moreAliases', { count: skill.aliases.length - SHOWN_ALIASES })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{skill.people}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(skill)} data-testid={`skill-edit-${skill.tag}`}>
                      {t('skillsAdmin.taxonomy.edit')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setMerging(skill)} data-testid={`skill-merge-${skill.tag}`}>
                      {t('skillsAdmin.taxonomy.mergeInto')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {taxonomy.data?.next_cursor && (
        <Text size="sm" c="dimmed">
          {t('skillsAdmin.taxonomy.narrow')}
        </Text>
      )}
      <SkillEditModal skill={editing} onClose={() => setEditing(null)} />
      <SkillMergeModal
        skill={merging}
        onClose={() => setMerging(null)}
        onMerged={(tag, result) => {
          setMerging(null);
          setMerged({ tag, result });
        }}
      />
    </Stack>
  );
}
