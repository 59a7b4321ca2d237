// A finished import: how many rows were created, updated and rejected, and every problem of every
// row, said in the reader's language (the server's message code and its values), a page at a time.
import { Alert, Badge, Button, Card, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, PeopleImport } from '../../../shared/people';
import { ErrorAlert } from '../../ui/error-alert';
import { useImportProblems } from './use-import-people';

/** A problem in the reader's language; the server's English sentence if the code is new to this app. */
export function useProblemText() {
  const { t } = useTranslation();
  return (p: Pick<ImportProblem, 'code' | 'params' | 'reason'>) => t(`problems.${p.code}`, { ...p.params, defaultValue: p.reason });
}

export function ImportReportView({ imp }: { imp: PeopleImport }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const problems = useImportProblems(imp.id, imp.problems > 0);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const counts = [
    { label: t('import.report.rows'), value: imp.rows_read, color: undefined },
    { label: t('import.report.created'), value: imp.created, color: 'green' },
    { label: t('import.report.updated'), value: imp.updated, color: 'blue' },
    { label: t('import.report.rejected'), value: imp.rejected, color: imp.rejected > 0 ? 'red' : undefined },
    { label: t('import.report.warnings'), value: imp.warnings, color: imp.warnings > 0 ? 'orange' : undefined },
  ];
  const rows = problems.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" data-testid="import-report">
      <Title order={3}>{t('import.report.title', { name: imp.file_name ?? `#${imp.id}` })}</Title>
      {imp.failure && (
        <Alert color="red" variant="light" title={t('import.failed')} role="alert">
          {t(`problems.${imp.failure.code}`, { ...imp.failure.params, defaultValue: imp.failure.detail })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {counts.map(({ label, value, color }) => (
          <Card key={label} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text size="xl" fw={700} c={color}>
              {number(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {imp.problems === 0 && !imp.failure && <Text c="dimmed">{t('import.report.noProblems')}</Text>}
      {problems.error && <ErrorAlert error={problems.error} onRetry={() => void problems.refetch()} />}
      {rows.length > 0 && (
        <ScrollArea.Autosize mah={560}>
          <Table striped withTableBorder stickyHeader data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.report.line')}</Table.Th>
                <Table.Th>{t('import.report.externalId')}</Table.Th>
                <Table.Th>{t('import.report.field')}</Table.Th>
                <Table.Th>{t('import.report.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p, index) => (
                <Table.Tr key={`${p.line}-${p.field ?? ''}-${index}`}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.external_id ?? '—'}</Table.Td>
                  <Table.Td>{p.field ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={p.severity === 'error' ? 'red' : 'orange'} mr={6}>
                      {t(`import.report.${p.severity}`)}
                    </Badge>
                    {problemText(p)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {problems.hasNextPage && (
        <Button variant="light" onClick={() => void problems.fetchNextPage()} loading={problems.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('import.report.more', { shown: number(rows.length), total: number(imp.problems) })}
        </Button>
      )}
    </Stack>
  );
}
