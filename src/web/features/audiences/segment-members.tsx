// The people in a saved segment as a table, page by page, with a CSV download of all of them.
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { canExportMembers } from './audience-access';
import { segmentMembersCsvUrl, useSegmentMembers } from './audience-queries';
import { useValueLabels } from '../people/use-value-labels';

export type SegmentMembersProps = { segmentKey: string };

export function SegmentMembers({ segmentKey }: SegmentMembersProps) {
  const { t } = useTranslation();
  const labels = useValueLabels();
  const user = useCurrentUser();
  const members = useSegmentMembers(segmentKey);
  const people = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('audiences.segments.members')}
          </Title>
          {canExportMembers(user.role) && (
            <Anchor href={segmentMembersCsvUrl(segmentKey)} download size="sm" data-testid="segment-csv">
              {t('audiences.segments.downloadCsv')}
            </Anchor>
          )}
        </Group>
        {members.isPending && <PageLoader />}
        {members.error && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
        {members.isSuccess && people.length === 0 && <Text c="dimmed">{t('audiences.segments.noMembers')}</Text>}
        {people.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="segment-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.job_title')}</Table.Th>
                  <Table.Th>{t('fields.department')}</Table.Th>
                  <Table.Th>{t('fields.location')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${person.id}`} size="sm">
                        {person.display_name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{person.job_title ?? ''}</Table.Td>
                    <Table.Td>{person.department ? labels.value('department', person.department) : ''}</Table.Td>
                    <Table.Td>{person.location ? labels.value('location', person.location) : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {members.isSuccess &&
              (members.hasNextPage ? t('audiences.segments.shownMore', { count: people.length }) : t('audiences.segments.shown', { count: people.length }))}
          </Text>
          {members.hasNextPage && (
            <Button variant="light" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
              {t('audiences.segments.loadMore')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
