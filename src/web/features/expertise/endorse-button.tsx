// The small "+1" beside a colleague's skill: pressed when the viewer vouches for it, with the count.
import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type EndorseButtonProps = {
  tag: string;
  count: number;
  endorsedByMe: boolean;
  loading: boolean;
  onToggle: () => void;
};

export function EndorseButton({ tag, count, endorsedByMe, loading, onToggle }: EndorseButtonProps) {
  const { t } = useTranslation();
  const label = endorsedByMe ? t('endorse.withdraw', { tag }) : t('endorse.add', { tag });
  return (
    <Button
      data-testid={`endorse-${tag}`}
      size="compact-xs"
      radius="sm"
      color="teal"
      variant={endorsedByMe ? 'filled' : 'light'}
      aria-pressed={endorsedByMe}
      aria-label={`${label} (${t('endorse.count', { count })})`}
      title={label}
      loading={loading}
      onClick={onToggle}
    >
      +1
      {count > 0 && <span data-testid={`endorse-count-${tag}`}>&nbsp;·&nbsp;{count}</span>}
    </Button>
  );
}

/** The count alone, for viewers who cannot endorse (their own profile, or an account without one). */
export function EndorsementCount({ tag, count }: { tag: string; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge
      data-testid={`endorse-count-${tag}`}
      size="sm"
      color="teal"
      variant="outline"
      radius="sm"
      title={t('endorse.count', { count })}
      aria-label={t('endorse.count', { count })}
    >
      +{count}
    </Badge>
  );
}
