// Message codes of the analytics module: campaign reports, who still needs a reminder, reminders, the dashboard.
import type { ProblemCodeTable } from './problem-code-table.js';

export const ANALYTICS_PROBLEM_CODES = {
  /** `by` names a dimension reports are not broken down by. */
  'report.unknown_dimension': ['dimension'],
  /** Opens, clicks and quiz results are known per person only in individual tracking mode. */
  'report.needs_individual_tracking': ['mode', 'condition'],
  /** A reminder's subject is missing in the campaign's default language. */
  'report.reminder_subject_missing': ['language'],
  /** The dashboard's `by` is neither department nor generation. */
  'dashboard.unknown_grouping': ['by'],
  /** The dashboard's period starts after it ends. */
  'dashboard.period_reversed': ['from', 'to'],
  /** The dashboard's period is longer than `maximum` days. */
  'dashboard.period_too_long': ['maximum'],
} as const satisfies ProblemCodeTable;
