// Result of an import: how many rows were created, updated and rejected, and why each rejection.
import { Card, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/people';

/** Enough to fix a file; more rows only slow the page down. */
const MAX_ERROR_ROWS = 1000;

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = [
    { label: t('import.report.rows'), value: report.rows, color: undefined },
    { label: t('import.report.created'), value: report.created, color: 'green' },
    { label: t('import.report.updated'), value: report.updated, color: 'blue' },
    { label: t('import.report.rejected'), value: report.rejected, color: report.rejected > 0 ? 'red' : undefined },
  ];
  const shownErrors = report.errors.slice(0, MAX_ERROR_ROWS);

  return (
    <Stack gap="md" data-testid="import-report">
      <Title order={3}>{t('import.report.title')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {counts.map(({ label, value, color }) => (
          <Card key={label} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text size="xl" fw={700} c={color}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {report.errors.length > 0 && (
        <ScrollArea.Autosize mah={480}>
          <Table striped withTableBorder stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.report.line')}</Table.Th>
                <Table.Th>{t('import.report.externalId')}</Table.Th>
                <Table.Th>{t('import.report.field')}</Table.Th>
                <Table.Th>{t('import.report.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownErrors.map((error, index) => (
                <Table.Tr key={`${error.line}-${error.field ?? ''}-${index}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{error.external_id ?? '—'}</Table.Td>
                  <Table.Td>{error.field ?? '—'}</Table.Td>
                  <Table.Td>{error.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {report.errors.length > shownErrors.length && (
        <Text size="sm" c="dimmed">
          {t('import.report.moreErrors', { count: report.errors.length - shownErrors.length })}
        </Text>
      )}
    </Stack>
  );
}
