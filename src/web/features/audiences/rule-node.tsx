// One node of the rule builder in its frame: the NOT toggle, the node itself, and a remove button.
import type { ReactNode } from 'react';
import { Box, Button, CloseButton, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/audiences';
import { RuleActivity } from './rule-activity';
import { useRuleBuilder } from './rule-builder-context';
import { RuleCondition } from './rule-condition';
import { RuleGroup } from './rule-group';
import { isGroup } from './rule-model';
import { RuleSegmentRef } from './rule-segment-ref';

export type RuleNodeProps = {
  rule: Rule;
  /** JSON pointer of this node relative to the whole rule. */
  pointer: string;
  onChange: (rule: Rule) => void;
  /** Absent for the root, which cannot be removed. */
  onRemove?: () => void;
};

function kindOf(rule: Rule): string {
  if ('not' in rule) return 'not';
  if (isGroup(rule)) return 'group';
  if ('field' in rule) return 'condition';
  if ('segment' in rule) return 'segment';
  return 'activity';
}

export function RuleNode({ rule, pointer, onChange, onRemove }: RuleNodeProps) {
  const { t } = useTranslation();
  const { highlight } = useRuleBuilder();
  const negated = 'not' in rule;
  const inner = 'not' in rule ? rule.not : rule;
  const innerPointer = negated ? `${pointer}/not` : pointer;
  const outlined = highlight === pointer || highlight === innerPointer;
  const setInner = (next: Rule) => onChange(negated ? { not: next } : next);

  let body: ReactNode;
  if ('not' in inner) body = <RuleNode rule={inner} pointer={innerPointer} onChange={setInner} />;
  else if (isGroup(inner)) body = <RuleGroup rule={inner} pointer={innerPointer} onChange={setInner} />;
  else if ('field' in inner) body = <RuleCondition rule={inner} onChange={setInner} />;
  else if ('segment' in inner) body = <RuleSegmentRef rule={inner} onChange={setInner} />;
  else body = <RuleActivity rule={inner} onChange={setInner} />;

  const group = isGroup(inner);
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      data-testid="rule-node"
      data-kind={kindOf(inner)}
      data-pointer={innerPointer}
      data-error={outlined || undefined}
      style={{
        outline: outlined ? '2px solid var(--mantine-color-red-6)' : undefined,
        outlineOffset: 1,
        background: group ? 'var(--mantine-color-gray-0)' : undefined,
        borderLeft: group ? '3px solid var(--mantine-color-indigo-4)' : undefined,
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Button
          size="compact-xs"
          variant={negated ? 'filled' : 'subtle'}
          color={negated ? 'red' : 'gray'}
          aria-pressed={negated}
          title={t('audiences.builder.notHint')}
          data-testid="rule-not"
          onClick={() => onChange(negated ? inner : { not: rule })}
        >
          {t('audiences.builder.not')}
        </Button>
        <Box style={{ flex: 1, minWidth: 0 }}>{body}</Box>
        {onRemove && <CloseButton size="sm" aria-label={t('audiences.builder.remove')} data-testid="rule-remove" onClick={onRemove} />}
      </Group>
    </Paper>
  );
}
