// The 3×3 maturity grid (ADR 0033): columns network size, rows activity (creating at the top), one
// cell per stage. Each cell shows the stage's name and whatever `render` adds (a count, a highlight).
import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_LEVELS, MATURITY_STAGES, NETWORK_SIZES, maturityStage } from '../../../shared/advocacy';

type Props = {
  highlight?: number | null;
  selected?: number | null;
  onSelect?: (stage: number) => void;
  render?: (stage: number) => ReactNode;
  testId?: string;
};

export function MaturityGrid({ highlight, selected, onSelect, render, testId }: Props) {
  const { t } = useTranslation();
  const rows = [...ACTIVITY_LEVELS].reverse();
  return (
    <Stack gap={4} data-testid={testId} aria-label={t('advocacy.maturity.grid')}>
      <SimpleGrid cols={4} spacing={4}>
        <div />
        {NETWORK_SIZES.map((size) => (
          <Text key={size} size="xs" c="dimmed" ta="center">
            {t(`advocacy.maturity.sizes.${size}`)}
          </Text>
        ))}
        {rows.map((activity) => [
          <Text key={activity} size="xs" c="dimmed" style={{ alignSelf: 'center' }}>
            {t(`advocacy.maturity.activities.${activity}`)}
          </Text>,
          ...NETWORK_SIZES.map((size) => {
            const stage = maturityStage(size, activity);
            const key = MATURITY_STAGES[stage - 1]!;
            const mine = highlight === stage;
            const chosen = selected === stage;
            const cell = (
              <Paper
                withBorder
                p="xs"
                bg={mine ? 'blue.6' : chosen ? 'blue.0' : undefined}
                c={mine ? 'white' : undefined}
                data-testid={`maturity-cell-${stage}`}
                data-highlighted={mine ? 'true' : undefined}
                aria-current={mine ? 'true' : undefined}
              >
                <Text size="xs">{stage}</Text>
                <Text size="sm" fw={600}>
                  {t(`advocacy.maturity.stages.${key}.name`)}
                </Text>
                {render?.(stage)}
              </Paper>
            );
            return onSelect ? (
              <UnstyledButton key={stage} onClick={() => onSelect(stage)} aria-pressed={chosen}>
                {cell}
              </UnstyledButton>
            ) : (
              <div key={stage}>{cell}</div>
            );
          }),
        ])}
      </SimpleGrid>
    </Stack>
  );
}
