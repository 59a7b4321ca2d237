// What every node of the rule builder needs to know: the field catalogue, saved segments, the red node.
import { createContext, useContext } from 'react';
import { ORG_FIELD, RULE_FIELDS, type FieldSpec } from '../../../shared/audiences';

export type SegmentOption = { key: string; name: string };

export type RuleBuilderContextValue = {
  fields: readonly FieldSpec[];
  /** Saved segments a rule may refer to (the one being edited is left out). */
  segments: readonly SegmentOption[];
  /** Pointer (relative to the rule) of the node to outline in red, or null. */
  highlight: string | null;
};

/** Used until GET /audiences/fields answers; it adds custom attributes to these. */
export const FALLBACK_FIELDS: readonly FieldSpec[] = [...RULE_FIELDS, { name: ORG_FIELD, type: 'text', derived: false, suggest: false }];

export const RuleBuilderContext = createContext<RuleBuilderContextValue>({
  fields: FALLBACK_FIELDS,
  segments: [],
  highlight: null,
});

export function useRuleBuilder(): RuleBuilderContextValue {
  return useContext(RuleBuilderContext);
}
