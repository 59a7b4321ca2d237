// The "new tags" tab: hashtags people typed that the taxonomy does not know, most used first, with
// the closest skills and a suggested action; approve, make an alias of a skill, or ignore each.
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { NewTagAliasModal } from './new-tag-alias-modal';
import { NewTagApproveModal } from './new-tag-approve-modal';
import { useIgnoreNewTag, useNewTags, type NewTag } from './skill-admin-queries';

const SUGGESTION_COLOR = { alias: 'blue', approve: 'teal', ignore: 'gray' } as const;

export function NewTagsTab() {
  const { t } = useTranslation();
  const newTags = useNewTags();
  const ignore = useIgnoreNewTag();
  const [approving, setApproving] = useState<NewTag | null>(null);
  const [aliasing, setAliasing] = useState<NewTag | null>(null);

  if (newTags.isPending) return <PageLoader />;
  if (newTags.error) return <ErrorAlert error={newTags.error} title={t('skillsAdmin.newTags.failed')} onRetry={() => void newTags.refetch()} />;
  const { new_tags: tags, total } = newTags.data;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('skillsAdmin.newTags.intro', { count: total })}
      </Text>
      {ignore.error && <ErrorAlert error={ignore.error} title={t('skillsAdmin.newTags.ignoreFailed')} />}
      {tags.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl" data-testid="new-tags-empty">
          {t('skillsAdmin.newTags.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="new-tags-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('skillsAdmin.columns.tag')}</Table.Th>
              <Table.Th ta="right">{t('skillsAdmin.columns.people')}</Table.Th>
              <Table.Th>{t('skillsAdmin.columns.closest')}</Table.Th>
              <Table.Th>{t('skillsAdmin.columns.suggestion')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tags.map((tag) => (
              <Table.Tr key={tag.tag} data-testid={`new-tag-row-${tag.tag}`}>
                <Table.Td>#{tag.tag}</Table.Td>
                <Table.Td ta="right">{tag.people}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {tag.closest.map((c) => (
                      <Badge
                        key={c.tag}
                        variant="light"
                        color="gray"
                        tt="none"
                        title={t('skillsAdmin.newTags.similarity', { value: Math.round(c.similarity * 100) })}
                      >
                        #{c.tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={SUGGESTION_COLOR[tag.suggestion]} variant="light" tt="none">
                    {tag.suggestion === 'alias' && tag.suggested_skill
                      ? t('skillsAdmin.suggestion.aliasOf', { tag: tag.suggested_skill })
                      : t(`skillsAdmin.suggestion.${tag.suggestion}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="light" color="teal" onClick={() => setApproving(tag)} data-testid={`new-tag-approve-${tag.tag}`}>
                      {t('skillsAdmin.newTags.approve')}
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => setAliasing(tag)} data-testid={`new-tag-alias-${tag.tag}`}>
                      {t('skillsAdmin.newTags.alias')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="gray"
                      loading={ignore.isPending && ignore.variables === tag.tag}
                      onClick={() => ignore.mutate(tag.tag)}
                      data-testid={`new-tag-ignore-${tag.tag}`}
                    >
                      {t('skillsAdmin.newTags.ignore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewTagApproveModal tag={approving} onClose={() => setApproving(null)} />
      <NewTagAliasModal tag={aliasing} onClose={() => setAliasing(null)} />
    </Stack>
  );
}
