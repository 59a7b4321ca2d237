// /personas — every persona as a card with its size, and how well the personas cover the organisation.
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { CoverageView } from './coverage-view';
import { PersonaCard } from './persona-card';
import { useCoverage, usePersonas } from './persona-queries';

export function PersonasPage() {
  const { t } = useTranslation();
  const personas = usePersonas();
  const coverage = useCoverage();
  const counts = new Map((coverage.data?.personas ?? []).map((p) => [p.id, p.count]));
  const items = personas.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('personas.title')}</Title>
          <Text c="dimmed">{t('personas.intro')}</Text>
        </Stack>
        <Button component={Link} to="/personas/new" data-testid="persona-new">
          {t('personas.new')}
        </Button>
      </Group>
      {personas.isPending && <PageLoader />}
      {personas.error && <ErrorAlert error={personas.error} onRetry={() => void personas.refetch()} />}
      {personas.isSuccess && items.length === 0 && (
        <Text py="xl" ta="center" c="dimmed">
          {t('personas.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
          {items.map((persona) => (
            <PersonaCard key={persona.id} persona={persona} count={coverage.data ? (counts.get(persona.id) ?? 0) : undefined} />
          ))}
        </SimpleGrid>
      )}
      {coverage.error && <ErrorAlert error={coverage.error} title={t('personas.coverage.failed')} />}
      {coverage.data && items.length > 0 && <CoverageView coverage={coverage.data} />}
    </Stack>
  );
}
