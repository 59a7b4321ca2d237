// Field picker for a condition, grouped into person fields, derived fields, custom attributes and org.
import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_FIELD_PREFIX, ORG_FIELD, type FieldSpec } from '../../../shared/audiences';
import { useRuleBuilder } from './rule-builder-context';
import { useRuleLabels } from './rule-labels';

export type RuleFieldSelectProps = {
  value: string;
  onChange: (field: string) => void;
};

type Bucket = 'person' | 'derived' | 'attributes' | 'org';

function bucketOf(field: FieldSpec): Bucket {
  if (field.name === ORG_FIELD) return 'org';
  if (field.name.startsWith(ATTRIBUTE_FIELD_PREFIX)) return 'attributes';
  return field.derived ? 'derived' : 'person';
}

const BUCKETS: readonly Bucket[] = ['person', 'derived', 'attributes', 'org'];

export function RuleFieldSelect({ value, onChange }: RuleFieldSelectProps) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const { fields } = useRuleBuilder();

  const data = useMemo(() => {
    const known = value === '' || fields.some((field) => field.name === value);
    const all: FieldSpec[] = known ? [...fields] : [...fields, { name: value, type: 'text', derived: false, suggest: false }];
    return BUCKETS.map((bucket) => ({
      group: t(`audiences.builder.fieldGroups.${bucket}`),
      items: all.filter((field) => bucketOf(field) === bucket).map((field) => ({ value: field.name, label: labels.field(field.name) })),
    })).filter((group) => group.items.length > 0);
  }, [fields, value, labels, t]);

  return (
    <Select
      size="xs"
      w={190}
      searchable
      data-testid="rule-field"
      aria-label={t('audiences.builder.field')}
      placeholder={t('audiences.builder.fieldPlaceholder')}
      nothingFoundMessage={t('audiences.builder.nothingFound')}
      allowDeselect={false}
      maxDropdownHeight={320}
      data={data}
      value={value === '' ? null : value}
      onChange={(next) => {
        if (next) onChange(next);
      }}
    />
  );
}
