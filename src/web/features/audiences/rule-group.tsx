// An ALL/ANY group in the rule builder: its mode, its children, and buttons to add more.
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/audiences';
import { groupChildren, groupMode, makeGroup, newActivity, newCondition, type GroupMode, type GroupRule } from './rule-model';
import { RuleNode } from './rule-node';

export type RuleGroupProps = {
  rule: GroupRule;
  pointer: string;
  onChange: (rule: Rule) => void;
};

export function RuleGroup({ rule, pointer, onChange }: RuleGroupProps) {
  const { t } = useTranslation();
  const mode = groupMode(rule);
  const children = groupChildren(rule);
  const setChildren = (next: Rule[]) => onChange(makeGroup(mode, next));
  const add = (child: Rule) => setChildren([...children, child]);
  const hint =
    children.length === 0
      ? t(mode === 'all' ? 'audiences.builder.emptyAll' : 'audiences.builder.emptyAny')
      : t(mode === 'all' ? 'audiences.builder.followingAll' : 'audiences.builder.followingAny');

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <SegmentedControl<GroupMode>
          size="xs"
          data-testid="rule-group-mode"
          aria-label={t('audiences.builder.groupMode')}
          value={mode}
          onChange={(next) => onChange(makeGroup(next, children))}
          data={[
            { value: 'all', label: t('audiences.builder.allOf') },
            { value: 'any', label: t('audiences.builder.anyOf') },
          ]}
        />
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </Group>
      {children.map((child, index) => (
        <RuleNode
          // Children have no identity of their own; every input below is controlled by the rule itself.
          key={index}
          rule={child}
          pointer={`${pointer}/${mode}/${index}`}
          onChange={(next) => setChildren(children.map((c, i) => (i === index ? next : c)))}
          onRemove={() => setChildren(children.filter((_, i) => i !== index))}
        />
      ))}
      <Group gap={6}>
        <Button size="compact-xs" variant="light" data-testid="rule-add-condition" onClick={() => add(newCondition())}>
          {t('audiences.builder.addCondition')}
        </Button>
        <Button size="compact-xs" variant="light" data-testid="rule-add-group" onClick={() => add(makeGroup(mode === 'all' ? 'any' : 'all', [newCondition()]))}>
          {t('audiences.builder.addGroup')}
        </Button>
        <Button size="compact-xs" variant="light" color="grape" data-testid="rule-add-activity" onClick={() => add(newActivity())}>
          {t('audiences.builder.addActivity')}
        </Button>
        <Button size="compact-xs" variant="light" color="teal" data-testid="rule-add-segment" onClick={() => add({ segment: '' })}>
          {t('audiences.builder.addSegment')}
        </Button>
      </Group>
    </Stack>
  );
}
