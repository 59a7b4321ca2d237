// A wrapped row of hashtag chips, optionally cut to the first few with a "+N" tail.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HashtagChip } from './hashtag-chip';

export type HashtagListProps = {
  tags: readonly string[];
  /** Show at most this many, then "+N". */
  max?: number;
  onSelect?: (tag: string) => void;
  activeTag?: string | null;
  color?: string;
  /** Shown when the list is empty; nothing at all when omitted. */
  emptyText?: string;
};

export function HashtagList({ tags, max, onSelect, activeTag, color, emptyText }: HashtagListProps) {
  const { t } = useTranslation();
  if (tags.length === 0) {
    return emptyText ? (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    ) : null;
  }
  const shown = max === undefined ? tags : tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <Group gap={6}>
      {shown.map((tag) => (
        <HashtagChip key={tag} tag={tag} onSelect={onSelect} active={tag === activeTag} color={color} />
      ))}
      {hidden > 0 && (
        <Badge
          variant="outline"
          color="gray"
          tt="none"
          radius="sm"
          title={tags
            .slice(shown.length)
            .map((x) => `#${x}`)
            .join(' ')}
        >
          {t('hashtags.more', { count: hidden })}
        </Badge>
      )}
    </Group>
  );
}
