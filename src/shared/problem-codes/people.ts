// Message codes of the people module (directory, profiles, field labels); imports have their own table.
import type { ProblemCodeTable } from './problem-code-table.js';

export const PEOPLE_PROBLEM_CODES = {
  'people.hr_filter_forbidden': [],
  'labels.field_not_labelable': ['field'],
  'labels.value_not_labelable': ['field'],
} as const satisfies ProblemCodeTable;
