// Why someone ranks where they do: hashtags as chips ("#excel, endorsed by 2"), everything else as text.
import { Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HashtagChip } from '../../ui/hashtag-chip';

export type ExpertReasonsProps = {
  reasons: readonly string[];
  onSkillSelect?: (tag: string) => void;
};

/** "#excel, endorsed by 2" -> tag "excel" and the rest "endorsed by 2"; null for plain sentences. */
export function splitHashtagReason(reason: string): { tag: string; rest: string } | null {
  const match = /^#([^\s,]+)\s*,?\s*(.*)$/u.exec(reason.trim());
  if (!match?.[1]) return null;
  return { tag: match[1], rest: match[2] ?? '' };
}

export function ExpertReasons({ reasons, onSkillSelect }: ExpertReasonsProps) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <List size="sm" spacing={4} listStyleType="none" aria-label={t('experts.result.reasons')}>
      {reasons.map((reason) => {
        const hashtag = splitHashtagReason(reason);
        return (
          <List.Item key={reason} data-testid="expert-reason">
            {hashtag ? (
              <Group gap={6} wrap="wrap">
                <HashtagChip tag={hashtag.tag} onSelect={onSkillSelect} />
                {hashtag.rest && (
                  <Text size="xs" c="dimmed" component="span">
                    {hashtag.rest}
                  </Text>
                )}
              </Group>
            ) : (
              <Text size="sm" component="span">
                {reason}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
