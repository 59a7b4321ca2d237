// The value part of a condition, shaped by field type and operator: text, tags, number, date, yes/no.
import { Group, NumberInput, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ValueShape } from './rule-model';
import { RuleOrgSelect } from './rule-org-select';
import { ValueAutocomplete, ValueTagsInput } from './rule-value-suggest';

export type RuleValueInputProps = {
  field: string;
  /** Offer existing values of the field as suggestions. */
  suggest: boolean;
  shape: ValueShape;
  value: unknown;
  onChange: (value: unknown) => void;
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const numberOrBlank = (value: unknown) => (typeof value === 'number' ? value : '');
const pair = (value: unknown): [unknown, unknown] => (Array.isArray(value) ? [value[0], value[1]] : [undefined, undefined]);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const toNumber = (value: number | string) => (typeof value === 'number' ? value : null);

export function RuleValueInput({ field, suggest, shape, value, onChange }: RuleValueInputProps) {
  const { t } = useTranslation();
  const label = t('audiences.builder.value');
  const [low, high] = pair(value);

  switch (shape) {
    case 'boolean':
      return (
        <SegmentedControl<'yes' | 'no'>
          size="xs"
          data-testid="rule-value"
          aria-label={label}
          value={value === false ? 'no' : 'yes'}
          onChange={(next) => onChange(next === 'yes')}
          data={[
            { value: 'yes', label: t('audiences.builder.yes') },
            { value: 'no', label: t('audiences.builder.no') },
          ]}
        />
      );
    case 'text':
      return suggest ? (
        <ValueAutocomplete field={field} value={text(value)} onChange={onChange} />
      ) : (
        <TextInput size="xs" data-testid="rule-value" aria-label={label} value={text(value)} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'texts':
      return <ValueTagsInput field={field} suggest={suggest} value={strings(value)} onChange={onChange} />;
    case 'number':
      return (
        <NumberInput size="xs" w={130} data-testid="rule-value" aria-label={label} value={numberOrBlank(value)} onChange={(next) => onChange(toNumber(next))} />
      );
    case 'numberRange':
      return (
        <Group gap={6}>
          <NumberInput
            size="xs"
            w={110}
            data-testid="rule-value"
            aria-label={t('audiences.builder.from')}
            value={numberOrBlank(low)}
            onChange={(next) => onChange([toNumber(next), high ?? null])}
          />
          <Text size="xs">{t('audiences.builder.and')}</Text>
          <NumberInput
            size="xs"
            w={110}
            data-testid="rule-value-to"
            aria-label={t('audiences.builder.to')}
            value={numberOrBlank(high)}
            onChange={(next) => onChange([low ?? null, toNumber(next)])}
          />
        </Group>
      );
    case 'date':
      return (
        <TextInput
          type="date"
          size="xs"
          w={160}
          data-testid="rule-value"
          aria-label={label}
          value={text(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'dateRange':
      return (
        <Group gap={6}>
          <TextInput
            type="date"
            size="xs"
            w={160}
            data-testid="rule-value"
            aria-label={t('audiences.builder.from')}
            value={text(low)}
            onChange={(e) => onChange([e.currentTarget.value, text(high)])}
          />
          <Text size="xs">{t('audiences.builder.and')}</Text>
          <TextInput
            type="date"
            size="xs"
            w={160}
            data-testid="rule-value-to"
            aria-label={t('audiences.builder.to')}
            value={text(high)}
            onChange={(e) => onChange([text(low), e.currentTarget.value])}
          />
        </Group>
      );
    case 'person':
      return <RuleOrgSelect value={text(value)} onChange={onChange} />;
  }
}
