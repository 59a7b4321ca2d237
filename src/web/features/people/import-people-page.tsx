// /admin/import — upload an HR export (CSV or JSON Lines), follow the import while it runs in the
// background, and read its report. The import's id stays in the address (?import=7), so a reload
// or a shared link shows the same import.
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert';
import { ImportProgress } from './import-progress';
import { ImportReportView } from './import-report-view';
import { IMPORT_CONTENT_TYPES, importContentType, isFinished, usePeopleImport, useUploadPeopleFile } from './use-import-people';

const ACCEPT = Object.keys(IMPORT_CONTENT_TYPES)
  .map((extension) => `.${extension}`)
  .join(',');

export function ImportPeoplePage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const upload = useUploadPeopleFile();
  const shownId = Number(searchParams.get('import')) || null;
  const current = usePeopleImport(shownId);
  const contentType = file ? importContentType(file.name) : null;
  const wrongType = file !== null && contentType === null;
  const running = current.data !== undefined && !isFinished(current.data);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file || !contentType) return;
    upload.mutate({ file, contentType }, { onSuccess: (imp) => setSearchParams({ import: String(imp.id) }) });
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed">{t('import.intro')}</Text>
      <Group gap="sm">
        <Text size="sm">{t('import.export')}</Text>
        <Anchor size="sm" href="/api/v1/people/export?format=csv" download>
          CSV
        </Anchor>
        <Anchor size="sm" href="/api/v1/people/export?format=jsonl" download>
          JSON Lines
        </Anchor>
      </Group>
      <Card withBorder radius="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <FileInput
            data-testid="import-file"
            label={t('import.file')}
            description={t('import.fileHint')}
            placeholder={t('import.choose')}
            accept={ACCEPT}
            clearable
            value={file}
            onChange={(next) => {
              setFile(next);
              upload.reset();
            }}
            error={wrongType ? t('import.wrongType') : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending} disabled={!file || wrongType || running}>
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {upload.error && <ErrorAlert error={upload.error} title={t('import.failed')} />}
      {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />}
      {current.data && (running ? <ImportProgress imp={current.data} /> : <ImportReportView imp={current.data} />)}
    </Stack>
  );
}
