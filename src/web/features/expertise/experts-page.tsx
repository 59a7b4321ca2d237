// /experts ("Find help"): describe what you need, see who can help and why, best first.
import { useCallback } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { AskForHelpButton } from '../community/ask-for-help-button';
import { usePeopleFacets } from '../people/people-queries';
import { ExpertFilterBar } from './expert-filter-bar';
import { useExpertSearch } from './expert-queries';
import { ExpertResultCard } from './expert-result-card';
import { ExpertSearchBox } from './expert-search-box';
import { useExpertSearchParams } from './use-expert-search-params';

export function ExpertsPage() {
  const { t } = useTranslation();
  const { search, setFilter, setMentor, clearFilters } = useExpertSearchParams();
  const facets = usePeopleFacets();
  const experts = useExpertSearch(search);

  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const onSkillSelect = useCallback((tag: string) => setFilter('q', tag), [setFilter]);

  const hasQuery = search.q !== '';
  const hasFilters = Boolean(search.department || search.location || search.language || search.mentor);
  const results = experts.data?.results ?? [];

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('experts.title')}</Title>
          <Text c="dimmed">{t('experts.intro')}</Text>
        </Stack>
        <AskForHelpButton searchText={search.q} />
      </Group>
      <ExpertSearchBox value={search.q} onSearch={onSearch} />
      <ExpertFilterBar search={search} facets={facets.data} onChange={setFilter} onMentorChange={setMentor} />
      {facets.error && <ErrorAlert error={facets.error} title={t('experts.facetsFailed')} />}

      {!hasQuery && (
        <Text py="xl" ta="center" c="dimmed" data-testid="experts-hint">
          {t('experts.hint')}
        </Text>
      )}
      {hasQuery && experts.isPending && <PageLoader />}
      {hasQuery && experts.error && <ErrorAlert error={experts.error} title={t('experts.failed')} onRetry={() => void experts.refetch()} />}
      {hasQuery && experts.isSuccess && (
        <Stack
          gap="md"
          data-testid="expert-results"
          // Lets tests and assistive tech tell settled results from ones still loading for a new question.
          aria-busy={experts.isFetching}
          data-q={search.q}
        >
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('experts.shown', { count: results.length })}
            </Text>
            {hasFilters && (
              <Button variant="subtle" size="xs" onClick={clearFilters}>
                {t('experts.clearFilters')}
              </Button>
            )}
          </Group>
          {results.length === 0 ? (
            <Text py="xl" ta="center" c="dimmed">
              {hasFilters ? t('experts.emptyFiltered') : t('experts.empty')}
            </Text>
          ) : (
            <Stack gap="sm" style={{ opacity: experts.isPlaceholderData ? 0.6 : 1 }}>
              {results.map((result, index) => (
                <ExpertResultCard key={result.person.id} result={result} rank={index + 1} onSkillSelect={onSkillSelect} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
