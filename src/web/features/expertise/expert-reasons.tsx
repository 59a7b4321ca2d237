// Why someone ranks where they do, in the interface language: hashtags as chips ("#excel, endorsed by
// 2 colleagues"), everything else as text.
import { Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReasonCodeView } from '../../../shared/expertise';
import { HashtagChip } from '../../ui/hashtag-chip';
import { hashtagOfReason, reasonText } from './reason-text';

export type ExpertReasonsProps = {
  reasons: readonly ReasonCodeView[];
  onSkillSelect?: (tag: string) => void;
};

export function ExpertReasons({ reasons, onSkillSelect }: ExpertReasonsProps) {
  const { t } = useTranslation();
  const shown = reasons.flatMap((reason, index) => {
    const text = reasonText(t, reason);
    return text === null ? [] : [{ key: `${index} ${reason.code}`, text, hashtag: hashtagOfReason(t, reason) }];
  });
  if (shown.length === 0) return null;
  return (
    <List size="sm" spacing={4} listStyleType="none" aria-label={t('experts.result.reasons')}>
      {shown.map(({ key, text, hashtag }) => (
        <List.Item key={key} data-testid="expert-reason">
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
              {text}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
