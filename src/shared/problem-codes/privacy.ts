// Message codes of the privacy module: subject access export and erasure.
import type { ProblemCodeTable } from './problem-code-table.js';

export const PRIVACY_PROBLEM_CODES = {
  /** No person with this id: never there, or erased. */
  'privacy.person_not_found': ['id'],
} as const satisfies ProblemCodeTable;
