// One hashtag as a small pill: a button when it can act as a filter, plain text otherwise.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type HashtagChipProps = {
  tag: string;
  /** When set, the chip is a button (e.g. "filter the directory by this skill"). */
  onSelect?: (tag: string) => void;
  active?: boolean;
  color?: string;
};

export function HashtagChip({ tag, onSelect, active = false, color = 'blue' }: HashtagChipProps) {
  const { t } = useTranslation();
  const label = `#${tag}`;
  if (!onSelect) {
    return (
      <Badge variant="light" color={color} tt="none" radius="sm">
        {label}
      </Badge>
    );
  }
  return (
    <Badge
      component="button"
      type="button"
      variant={active ? 'filled' : 'light'}
      color={color}
      tt="none"
      radius="sm"
      style={{ cursor: 'pointer', border: 0 }}
      aria-pressed={active}
      aria-label={t('hashtags.filterBy', { tag })}
      onClick={() => onSelect(tag)}
    >
      {label}
    </Badge>
  );
}
