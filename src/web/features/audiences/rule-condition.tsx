// A condition row of the rule builder: field, operator fitting the field's type, and a value input.
import { Box, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_FIELD_PREFIX, type Rule, type RuleOp } from '../../../shared/audiences';
import { useRuleBuilder } from './rule-builder-context';
import { useRuleLabels } from './rule-labels';
import { adaptValue, conditionForField, fieldTypeOf, opsFor, valueShape, type ConditionRule } from './rule-model';
import { RuleFieldSelect } from './rule-field-select';
import { RuleValueInput } from './rule-value-input';

export type RuleConditionProps = {
  rule: ConditionRule;
  onChange: (rule: Rule) => void;
};

export function RuleCondition({ rule, onChange }: RuleConditionProps) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const { fields } = useRuleBuilder();
  const type = rule.field === '' ? null : fieldTypeOf(rule.field, fields);
  const spec = fields.find((field) => field.name === rule.field);
  const ops = type ? opsFor(type) : [rule.op];

  return (
    <Group gap="xs" align="flex-start">
      <RuleFieldSelect value={rule.field} onChange={(field) => onChange(conditionForField(field, fieldTypeOf(field, fields) ?? 'text', rule.op))} />
      <Select<RuleOp>
        size="xs"
        w={160}
        data-testid="rule-op"
        aria-label={t('audiences.builder.op')}
        disabled={type === null}
        allowDeselect={false}
        data={ops.map((op) => ({ value: op, label: labels.op(op, type) }))}
        value={rule.op}
        onChange={(op) => {
          if (op && type) onChange({ ...rule, op, value: adaptValue(rule.value, valueShape(type, op)) });
        }}
      />
      {type !== null && (
        // Takes the rest of the line, or a line of its own when the row is narrow.
        <Box style={{ flex: '1 1 160px', minWidth: 0 }}>
          <RuleValueInput
            field={rule.field}
            suggest={spec?.suggest ?? rule.field.startsWith(ATTRIBUTE_FIELD_PREFIX)}
            shape={valueShape(type, rule.op)}
            value={rule.value}
            onChange={(value) => onChange({ ...rule, value })}
          />
        </Box>
      )}
    </Group>
  );
}
