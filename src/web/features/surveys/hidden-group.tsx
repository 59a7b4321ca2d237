// A figure withheld because fewer than k people are in its group: said in words, never as a number.
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function HiddenGroup({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('surveys.results.hiddenExplained', { k })} multiline w={300} withArrow>
      <Text span c="dimmed" size="sm" style={{ cursor: 'help' }} tabIndex={0} data-testid="survey-hidden-group">
        {t('surveys.results.fewerThan', { k })}
      </Text>
    </Tooltip>
  );
}
