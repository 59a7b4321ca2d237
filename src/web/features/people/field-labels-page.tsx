// /admin/labels: admins name custom attributes and the values the directory stores as codes
// (departments, contract types) in English, German and Dutch; every screen then shows those names.
import { useState } from 'react';
import { Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldValuesSchema } from '../../../shared/audiences';
import { isAttributeField, LABELLED_VALUE_FIELDS, type FieldLabel } from '../../../shared/field-labels';
import { UI_LANGUAGES } from '../../../shared/identity';
import { apiRequest } from '../../app/api-client';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useRuleFields } from '../audiences/audience-queries';
import { useRuleLabels } from '../audiences/rule-labels';
import { FieldLabelRow } from './field-label-row';
import { useFieldLabels } from './field-label-queries';

/** The most common stored values of a field, up to 100, to label. */
function useValuesToLabel(field: string | null) {
  return useQuery({
    enabled: field !== null,
    queryKey: ['audiences', 'values', field, '', 100],
    queryFn: ({ signal }) => apiRequest(`/api/v1/audiences/fields/${encodeURIComponent(field ?? '')}/values?limit=100`, fieldValuesSchema, { signal }),
  });
}

function LabelTable({
  rows,
  labelOf,
  field,
}: {
  rows: string[];
  field: (row: string) => [string, string];
  labelOf: (f: string, v: string) => FieldLabel['labels'] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fieldLabels.stored')}</Table.Th>
            {UI_LANGUAGES.map((language) => (
              <Table.Th key={language}>{t(`fieldLabels.language.${language}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const [f, v] = field(row);
            return <FieldLabelRow key={`${f} ${v}`} field={f} value={v} current={labelOf(f, v)} />;
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function FieldLabelsPage() {
  const { t } = useTranslation();
  const names = useRuleLabels();
  const labels = useFieldLabels();
  const fields = useRuleFields();
  const [valueField, setValueField] = useState<string>('department');
  const values = useValuesToLabel(valueField);

  if (labels.isPending || fields.isPending) return <PageLoader />;
  if (labels.error || fields.error) return <ErrorAlert error={labels.error ?? fields.error} title={t('fieldLabels.loadFailed')} />;

  const labelOf = (field: string, value: string) => labels.data.items.find((l) => l.field === field && l.value === value)?.labels;
  const attributes = fields.data.fields.map((f) => f.name).filter(isAttributeField);
  const valueFields = [...LABELLED_VALUE_FIELDS, ...attributes];
  // Labelled values the directory no longer holds stay listed, so their labels can be removed.
  const stored = [
    ...new Set([
      ...(values.data?.values ?? []).map((v) => v.value),
      ...labels.data.items.filter((l) => l.field === valueField && l.value !== '').map((l) => l.value),
    ]),
  ];

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('fieldLabels.title')}</Title>
        <Text c="dimmed">{t('fieldLabels.intro')}</Text>
      </Stack>
      <Card withBorder radius="md" data-testid="field-labels-attributes">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('fieldLabels.attributes')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('fieldLabels.attributesHint')}
          </Text>
          {attributes.length === 0 ? (
            <Text size="sm">{t('fieldLabels.noAttributes')}</Text>
          ) : (
            <LabelTable rows={attributes} field={(name) => [name, '']} labelOf={labelOf} />
          )}
        </Stack>
      </Card>
      <Card withBorder radius="md" data-testid="field-labels-values">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('fieldLabels.values')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('fieldLabels.valuesHint')}
          </Text>
          <Select
            w={280}
            label={t('fieldLabels.field')}
            data-testid="field-labels-field"
            allowDeselect={false}
            data={valueFields.map((name) => ({ value: name, label: names.field(name) }))}
            value={valueField}
            onChange={(next) => next && setValueField(next)}
          />
          {values.error && <ErrorAlert error={values.error} />}
          {values.isSuccess && stored.length === 0 && <Text size="sm">{t('fieldLabels.noValues')}</Text>}
          {stored.length > 0 && <LabelTable rows={stored} field={(value) => [valueField, value]} labelOf={labelOf} />}
        </Stack>
      </Card>
    </Stack>
  );
}
