// An activity row of the rule builder: did (or did not) someone receive, open, click… a message.
import { Badge, Group, NumberInput, SegmentedControl, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType, type Rule } from '../../../shared/audiences';
import { useRuleLabels } from './rule-labels';
import type { ActivityRule } from './rule-model';

export type RuleActivityProps = {
  rule: ActivityRule;
  onChange: (rule: Rule) => void;
};

type Activity = ActivityRule['activity'];

/** Campaign ids are positive integers; a blank input means "any campaign". */
function withCampaign(activity: Activity, campaign: number | string): Activity {
  const next: Activity = { type: activity.type };
  if (typeof campaign === 'number' && campaign > 0) next.campaign = Math.floor(campaign);
  if (activity.within_days !== undefined) next.within_days = activity.within_days;
  return next;
}

function withDays(activity: Activity, days: number | string): Activity {
  const next: Activity = { type: activity.type };
  if (activity.campaign !== undefined) next.campaign = activity.campaign;
  if (typeof days === 'number' && days >= 0) next.within_days = Math.floor(days);
  return next;
}

export function RuleActivity({ rule, onChange }: RuleActivityProps) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const set = (activity: Activity) => onChange({ ...rule, activity });

  return (
    <Group gap="xs" align="center">
      <Badge variant="light" color="grape" tt="none">
        {t('audiences.builder.activity')}
      </Badge>
      <Select<ActivityType>
        size="xs"
        w={200}
        data-testid="rule-activity-type"
        aria-label={t('audiences.builder.activityType')}
        allowDeselect={false}
        data={ACTIVITY_TYPES.map((type) => ({ value: type, label: labels.activity(type) }))}
        value={rule.activity.type}
        onChange={(type) => {
          if (type) set({ ...rule.activity, type });
        }}
      />
      <SegmentedControl<'yes' | 'no'>
        size="xs"
        data-testid="rule-activity-has"
        value={rule.has ? 'yes' : 'no'}
        onChange={(next) => onChange({ ...rule, has: next === 'yes' })}
        data={[
          { value: 'yes', label: t('audiences.builder.happened') },
          { value: 'no', label: t('audiences.builder.notHappened') },
        ]}
      />
      <NumberInput
        size="xs"
        w={150}
        min={1}
        allowDecimal={false}
        allowNegative={false}
        data-testid="rule-activity-campaign"
        aria-label={t('audiences.builder.campaign')}
        placeholder={t('audiences.builder.anyCampaign')}
        value={rule.activity.campaign ?? ''}
        onChange={(campaign) => set(withCampaign(rule.activity, campaign))}
      />
      <Text size="xs">{t('audiences.builder.inTheLast')}</Text>
      <NumberInput
        size="xs"
        w={80}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        data-testid="rule-activity-days"
        aria-label={t('audiences.builder.withinDays')}
        placeholder="–"
        value={rule.activity.within_days ?? ''}
        onChange={(days) => set(withDays(rule.activity, days))}
      />
      <Text size="xs">{t('audiences.builder.days')}</Text>
    </Group>
  );
}
