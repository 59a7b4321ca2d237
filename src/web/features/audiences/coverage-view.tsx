// Persona coverage: a bar per persona (people covered), who no persona covers, and the overlap matrix.
import { Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../shared/audiences';
import { OverlapMatrix } from './overlap-matrix';

export type CoverageViewProps = { coverage: Coverage };

function CoverageBar({ label, count, total, color }: { label: string; count: number; total: number; color: string }) {
  const { i18n } = useTranslation();
  const share = total > 0 ? count / total : 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="coverage-bar">
      <Text size="sm" w={180} truncate="end" title={label}>
        {label}
      </Text>
      <Box style={{ flex: 1, height: 14, borderRadius: 7, background: 'var(--mantine-color-gray-1)', overflow: 'hidden' }}>
        <Box style={{ width: `${share * 100}%`, height: '100%', borderRadius: 7, background: `var(--mantine-color-${color}-6)` }} />
      </Box>
      <Text size="sm" w={110} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {new Intl.NumberFormat(i18n.language).format(count)} ({percent})
      </Text>
    </Group>
  );
}

export function CoverageView({ coverage }: CoverageViewProps) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  return (
    <Card withBorder radius="md" data-testid="coverage-view">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('personas.coverage.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('personas.coverage.intro')}
          </Text>
        </Stack>
        <Stack gap={6}>
          {coverage.personas.map((persona) => (
            <CoverageBar key={persona.id} label={persona.name} count={persona.count} total={coverage.total} color="indigo" />
          ))}
          <CoverageBar label={t('personas.coverage.nobody')} count={coverage.uncovered} total={coverage.total} color="orange" />
        </Stack>
        <Text fw={600} data-testid="coverage-uncovered">
          {t('personas.coverage.uncovered', { uncovered: format(coverage.uncovered), total: format(coverage.total) })}
        </Text>
        {coverage.personas.length > 1 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('personas.coverage.overlaps')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('personas.coverage.overlapsHint')}
            </Text>
            <OverlapMatrix coverage={coverage} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
