// One contribution in a person's evidence list: kind, title, the start of the text, its tags, and
// "Delete" for the author of something written here ("Withdraw" for the asker and the expert of a
// published help request). Text is rendered as text, never as HTML.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '../../../shared/community';
import { HashtagList } from '../../ui/hashtag-list';
import { formatTimestamp } from '../audiences/format-timestamp';

export type ContributionItemProps = {
  contribution: Contribution;
  onDelete: (id: number) => void;
  deleting: boolean;
};

const KINDS = ['answer', 'question', 'document', 'post', 'help'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

export function ContributionItem({ contribution, onDelete, deleting }: ContributionItemProps) {
  const { t, i18n } = useTranslation();
  const c = contribution;
  return (
    <Stack gap={4} component="article" data-testid="contribution" data-contribution-id={c.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge size="sm" variant="light" color="indigo">
            {isKind(c.kind) ? t(`contributions.kind.${c.kind}`) : c.kind}
          </Badge>
          {c.url ? (
            <Anchor href={c.url} target="_blank" rel="noreferrer noopener" fw={600} lineClamp={1}>
              {c.title || t('contributions.untitled')}
            </Anchor>
          ) : (
            <Text fw={600} lineClamp={1}>
              {c.title || t('contributions.untitled')}
            </Text>
          )}
        </Group>
        {c.deletable && (
          <Button size="compact-xs" variant="subtle" color="red" loading={deleting} onClick={() => onDelete(c.id)} data-testid="contribution-delete">
            {c.source === 'help' ? t('contributions.withdraw') : t('contributions.delete')}
          </Button>
        )}
      </Group>
      {c.excerpt && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
          {c.excerpt}
          {c.truncated ? '…' : ''}
        </Text>
      )}
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {formatTimestamp(c.created_at, i18n.language)}
          {c.accepted ? ` · ${t('contributions.accepted')}` : ''}
        </Text>
        <HashtagList tags={c.tags} max={6} color="gray" />
      </Group>
    </Stack>
  );
}
