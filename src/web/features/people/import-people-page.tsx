// /admin/import — upload an HR export (CSV or JSON Lines) and read the import report.
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { ImportReportView } from './import-report-view';
import { IMPORT_CONTENT_TYPES, importContentType, useImportPeople } from './use-import-people';

const ACCEPT = Object.keys(IMPORT_CONTENT_TYPES)
  .map((extension) => `.${extension}`)
  .join(',');

export function ImportPeoplePage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importPeople = useImportPeople();
  const contentType = file ? importContentType(file.name) : null;
  const wrongType = file !== null && contentType === null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file && contentType) importPeople.mutate({ file, contentType });
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
              importPeople.reset();
            }}
            error={wrongType ? t('import.wrongType') : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={importPeople.isPending} disabled={!file || wrongType}>
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {importPeople.error && <ErrorAlert error={importPeople.error} title={t('import.failed')} />}
      {importPeople.data && <ImportReportView report={importPeople.data} />}
    </Stack>
  );
}
