// A reference to a saved segment inside a rule: "is a member of segment …".
import { Badge, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../shared/audiences';
import { useRuleBuilder } from './rule-builder-context';
import type { SegmentRefRule } from './rule-model';

export type RuleSegmentRefProps = {
  rule: SegmentRefRule;
  onChange: (rule: Rule) => void;
};

export function RuleSegmentRef({ rule, onChange }: RuleSegmentRefProps) {
  const { t } = useTranslation();
  const { segments } = useRuleBuilder();
  const data = segments.map((segment) => ({ value: segment.key, label: segment.name }));
  if (rule.segment !== '' && !data.some((option) => option.value === rule.segment)) {
    data.unshift({ value: rule.segment, label: rule.segment });
  }

  return (
    <Group gap="xs" align="center">
      <Badge variant="light" color="teal" tt="none">
        {t('audiences.builder.inSegment')}
      </Badge>
      <Select
        size="xs"
        w={260}
        searchable
        data-testid="rule-segment"
        aria-label={t('audiences.builder.segment')}
        placeholder={t('audiences.builder.segmentPlaceholder')}
        nothingFoundMessage={t('audiences.builder.noSegments')}
        allowDeselect={false}
        data={data}
        value={rule.segment === '' ? null : rule.segment}
        onChange={(key) => {
          if (key) onChange({ segment: key });
        }}
      />
    </Group>
  );
}
