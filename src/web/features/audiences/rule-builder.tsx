// The segment-rule editor: nested ALL/ANY groups of conditions, activities and segment references.
import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORG_FIELD, type Rule } from '../../../shared/audiences';
import { ErrorAlert } from '../../ui/error-alert';
import { useRuleFields, useSegments } from './audience-queries';
import { FALLBACK_FIELDS, RuleBuilderContext, type RuleBuilderContextValue } from './rule-builder-context';
import { nodeForPointer } from './rule-model';
import { RuleNode } from './rule-node';

export type RuleBuilderProps = {
  value: Rule;
  onChange: (rule: Rule) => void;
  /**
   * JSON pointer relative to the rule ("" is the whole rule, "/all/1" its second child) of a node the
   * server rejected; that node (or the deepest node containing the pointer) is outlined in red.
   */
  errorPointer?: string;
  /** A segment key not to offer as a reference, e.g. the segment being edited. */
  excludeSegment?: string;
};

export function RuleBuilder({ value, onChange, errorPointer, excludeSegment }: RuleBuilderProps) {
  const { t } = useTranslation();
  const fields = useRuleFields();
  const segments = useSegments();

  const context = useMemo<RuleBuilderContextValue>(() => {
    const catalogue = fields.data?.fields ?? FALLBACK_FIELDS;
    const withOrg = catalogue.some((field) => field.name === ORG_FIELD)
      ? catalogue
      : [...catalogue, { name: ORG_FIELD, type: 'text' as const, derived: false, suggest: false }];
    return {
      fields: withOrg,
      segments: (segments.data?.items ?? []).filter((segment) => segment.key !== excludeSegment).map((segment) => ({ key: segment.key, name: segment.name })),
      highlight: nodeForPointer(value, errorPointer),
    };
  }, [fields.data, segments.data, excludeSegment, value, errorPointer]);

  return (
    <RuleBuilderContext.Provider value={context}>
      <Stack gap="xs" data-testid="rule-builder">
        {fields.error && <ErrorAlert error={fields.error} title={t('audiences.builder.fieldsFailed')} />}
        <RuleNode rule={value} pointer="" onChange={onChange} />
      </Stack>
    </RuleBuilderContext.Provider>
  );
}
