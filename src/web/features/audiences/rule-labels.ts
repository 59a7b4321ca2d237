// Translated names for rule fields, operators, activity types, channels and values: built-in codes
// (generation, experience, job level, status) by the app, custom attributes and directory values by
// the labels admins gave them, countries and languages by the browser.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTE_FIELD_PREFIX, type ActivityType, type CHANNELS, type RuleOp } from '../../../shared/audiences';
import en from '../../i18n/en.json';
import { useValueLabels } from '../people/use-value-labels';
import type { BuilderFieldType } from './rule-model';

type FieldLabelKey = keyof typeof en.audiences.fields;
type CohortKey = keyof typeof en.audiences.cohorts;
type ExperienceKey = keyof typeof en.experience;
type JobLevelKey = keyof typeof en.jobLevel;
type StatusKey = keyof typeof en.personStatus;
export type Channel = (typeof CHANNELS)[number];

const DATE_OPS = ['lt', 'lte', 'gt', 'gte'] as const;
type DateOp = (typeof DATE_OPS)[number];

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);
const isDateOp = (op: RuleOp): op is DateOp => (DATE_OPS as readonly string[]).includes(op);

export type RuleLabels = {
  field: (name: string) => string;
  op: (op: RuleOp, type: BuilderFieldType | null) => string;
  activity: (type: ActivityType) => string;
  channel: (channel: Channel) => string;
  /** A readable name for a stored value such as `millennial`, or null when the raw value reads fine. */
  value: (field: string, value: string) => string | null;
};

export function useRuleLabels(): RuleLabels {
  const { t } = useTranslation();
  const values = useValueLabels();
  return useMemo<RuleLabels>(
    () => ({
      field: (name) => {
        if (has<typeof en.audiences.fields>(en.audiences.fields, name)) return t(`audiences.fields.${name satisfies FieldLabelKey}`);
        if (name.startsWith(ATTRIBUTE_FIELD_PREFIX)) {
          return values.attribute(name) ?? t('audiences.builder.attributeField', { key: name.slice(ATTRIBUTE_FIELD_PREFIX.length) });
        }
        return name;
      },
      op: (op, type) => (type === 'date' && isDateOp(op) ? t(`audiences.dateOps.${op}`) : t(`audiences.ops.${op}`)),
      activity: (type) => t(`audiences.activityTypes.${type}`),
      channel: (channel) => t(`channels.${channel}`),
      value: (field, value) => {
        if ((field === 'generation' || field === 'cohorts') && has<typeof en.audiences.cohorts>(en.audiences.cohorts, value)) {
          return t(`audiences.cohorts.${value satisfies CohortKey}`);
        }
        if (field === 'experience_level' && has<typeof en.experience>(en.experience, value)) {
          return t(`experience.${value satisfies ExperienceKey}`);
        }
        if (field === 'job_level' && has<typeof en.jobLevel>(en.jobLevel, value)) return t(`jobLevel.${value satisfies JobLevelKey}`);
        if (field === 'status' && has<typeof en.personStatus>(en.personStatus, value)) return t(`personStatus.${value satisfies StatusKey}`);
        return values.label(field, value);
      },
    }),
    [t, values],
  );
}
