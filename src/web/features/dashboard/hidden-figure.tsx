// A figure of the dashboard: the number, "< k" with a tooltip saying why it is hidden, or a dash when
// there is nothing to count (no recipients, or opens of a campaign that is not tracked).
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FigureProps = {
  value: number | null;
  /** Whether a null value is hidden for privacy (the group's recipients are hidden too). */
  hidden: boolean;
  /** The smallest group shown. */
  k: number;
  format: (value: number) => string;
};

export function Figure({ value, hidden, k, format }: FigureProps) {
  const { t } = useTranslation();
  if (value !== null) return <>{format(value)}</>;
  if (!hidden)
    return (
      <Text span c="dimmed" aria-label={t('dashboard.nothingToCount')}>
        –
      </Text>
    );
  return (
    <Tooltip label={t('dashboard.hiddenExplained', { k })} multiline w={300} withArrow>
      <Text span c="dimmed" style={{ cursor: 'help' }} data-testid="hidden-figure" tabIndex={0}>
        {t('dashboard.hidden', { k })}
      </Text>
    </Tooltip>
  );
}
