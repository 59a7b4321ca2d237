// The people directory: search, filters, result cards with clickable skills, and "Load more".
import { useCallback } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth-context';
import { canSeeHrFields } from '../../app/roles';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { DirectoryFilterBar } from './directory-filter-bar';
import { DirectorySearchBox } from './directory-search-box';
import { PersonCard } from './person-card';
import { usePeopleFacets, usePeopleSearch } from './people-queries';
import { useDirectoryFilters } from './use-directory-filters';

export function DirectoryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const showHrFilters = canSeeHrFields(user.role);
  const { filters, setFilter, clearFilters } = useDirectoryFilters(showHrFilters);
  const facets = usePeopleFacets();
  const search = usePeopleSearch(filters);

  const onSearch = useCallback((q: string) => setFilter('q', q), [setFilter]);
  const onSkillSelect = useCallback((skill: string) => setFilter('skill', filters.skill === skill ? null : skill), [setFilter, filters.skill]);

  const people = search.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <Stack gap="md">
      <Title order={2}>{t('directory.title')}</Title>
      <DirectorySearchBox value={filters.q ?? ''} onSearch={onSearch} />
      <DirectoryFilterBar filters={filters} facets={facets.data} showHrFilters={showHrFilters} onChange={setFilter} />
      {facets.error && <ErrorAlert error={facets.error} title={t('directory.facetsFailed')} />}

      {search.isPending && <PageLoader />}
      {search.error && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}

      {search.isSuccess && (
        <Stack
          gap="md"
          data-testid="people-results"
          // Lets tests (and assistive tech) tell settled results from ones still loading for new filters.
          aria-busy={search.isFetching}
          data-q={filters.q ?? ''}
          data-skill={filters.skill ?? ''}
        >
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {search.hasNextPage ? t('directory.shownMore', { count: people.length }) : t('directory.shown', { count: people.length })}
            </Text>
            {hasFilters && (
              <Button variant="subtle" size="xs" onClick={clearFilters}>
                {t('directory.clearFilters')}
              </Button>
            )}
          </Group>
          {people.length === 0 ? (
            <Text py="xl" ta="center" c="dimmed">
              {hasFilters ? t('directory.emptyFiltered') : t('directory.empty')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}>
              {people.map((person) => (
                <PersonCard key={person.id} person={person} activeSkill={filters.skill} query={filters.q} onSkillSelect={onSkillSelect} />
              ))}
            </SimpleGrid>
          )}
          {search.hasNextPage && (
            <Group justify="center">
              <Button variant="light" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                {t('directory.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
