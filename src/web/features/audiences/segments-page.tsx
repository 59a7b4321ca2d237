// /audiences/segments — every saved segment with its key and description, newest change first.
import { Anchor, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useSegments } from './audience-queries';
import { formatTimestamp } from './format-timestamp';

export function SegmentsPage() {
  const { t, i18n } = useTranslation();
  const segments = useSegments();
  const items = [...(segments.data?.items ?? [])].sort((a, b) => b.updated_at.localeCompare(a.updated_at));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('audiences.segments.title')}</Title>
          <Text c="dimmed">{t('audiences.segments.intro')}</Text>
        </Stack>
        <Button component={Link} to="/audiences">
          {t('audiences.segments.new')}
        </Button>
      </Group>
      {segments.isPending && <PageLoader />}
      {segments.error && <ErrorAlert error={segments.error} onRetry={() => void segments.refetch()} />}
      {segments.isSuccess && items.length === 0 && (
        <Text py="xl" ta="center" c="dimmed">
          {t('audiences.segments.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover data-testid="segments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audiences.segments.name')}</Table.Th>
                <Table.Th>{t('audiences.segments.key')}</Table.Th>
                <Table.Th>{t('audiences.segments.description')}</Table.Th>
                <Table.Th>{t('audiences.segments.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((segment) => (
                <Table.Tr key={segment.key}>
                  <Table.Td>
                    <Anchor component={Link} to={`/audiences/segments/${encodeURIComponent(segment.key)}`} fw={600}>
                      {segment.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Code>{segment.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {segment.description ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatTimestamp(segment.updated_at, i18n.language)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
