// Message codes of survey results and pulse rounds (dialogue module, ADR 0029).
import type { ProblemCodeTable } from './problem-code-table.js';

export const SURVEY_RESULTS_PROBLEM_CODES = {
  /** The survey has no round with this number. */
  'survey_results.round_not_found': ['round'],
  /** `by` names a person field the survey does not keep with its answers. */
  'survey_results.segment_not_kept': ['key'],
  /** `round` is neither a round number nor `all`. */
  'survey_results.bad_round': [],
} as const satisfies ProblemCodeTable;
