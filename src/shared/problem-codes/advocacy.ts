// Message codes of the advocacy module shared by its parts (content, sharing, points, maturity, referrals).
import type { ProblemCodeTable } from './problem-code-table.js';

export const ADVOCACY_PROBLEM_CODES = {
  /** Taking part needs someone in the directory (an account without a person, an API token). */
  'advocacy.no_person': [],
} as const satisfies ProblemCodeTable;
