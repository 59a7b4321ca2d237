// A running import: how far it is (rows done of the rows in the file) and what it is doing.
import { Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleImport } from '../../../shared/people';

export function ImportProgress({ imp }: { imp: PeopleImport }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language);
  const total = imp.rows_total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((imp.rows_done / total) * 100)) : 0;
  const step =
    imp.state === 'queued' || imp.state === 'receiving'
      ? t('import.progress.queued')
      : imp.phase === 'rows'
        ? t('import.progress.reading', { read: number(imp.rows_read) })
        : t('import.progress.managers');
  return (
    <Card withBorder radius="md" data-testid="import-progress">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('import.progress.title', { name: imp.file_name ?? `#${imp.id}` })}
        </Title>
        <Progress value={percent} animated striped size="lg" aria-label={t('import.progress.title', { name: imp.file_name ?? `#${imp.id}` })} />
        <Text size="sm">
          {imp.rows_total_exact
            ? t('import.progress.done', { done: number(imp.rows_done), total: number(total) })
            : t('import.progress.doneAbout', { done: number(imp.rows_done), total: number(total) })}
        </Text>
        <Text size="sm" c="dimmed">
          {step}
        </Text>
        <Text size="xs" c="dimmed">
          {t('import.progress.background')}
        </Text>
      </Stack>
    </Card>
  );
}
