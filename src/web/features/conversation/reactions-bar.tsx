// The four reactions of a campaign or a comment, named in words (no emoji font needed) with their
// counts; mine are pressed; a click toggles.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REACTION_KINDS, type ReactionSummary } from '../../../shared/conversation';
import { useToggleReaction } from './conversation-queries';

export type ReactionsBarProps = { target: { campaign: number } | { comment: number }; reactions: ReactionSummary; disabled?: boolean };

export function ReactionsBar({ target, reactions, disabled = false }: ReactionsBarProps) {
  const { t } = useTranslation();
  const toggle = useToggleReaction();
  return (
    <Group gap={4} role="group" aria-label={t('conversation.reactions.label')} data-testid="reactions-bar">
      {REACTION_KINDS.map((kind) => {
        const r = reactions.find((x) => x.kind === kind);
        return (
          <Button
            key={kind}
            size="compact-xs"
            variant={r?.mine ? 'light' : 'subtle'}
            color={r?.mine ? 'blue' : 'gray'}
            aria-pressed={r?.mine ?? false}
            disabled={disabled || toggle.isPending}
            onClick={() => toggle.mutate({ ...target, kind })}
            data-testid={`reaction-${kind}`}
            data-count={r?.count ?? 0}
          >
            {t(`conversation.reactions.${kind}`)}
            {r ? ` · ${r.count}` : ''}
          </Button>
        );
      })}
    </Group>
  );
}
