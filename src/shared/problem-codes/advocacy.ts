// Message codes of the advocacy module shared by its parts (content, sharing, points, maturity, referrals).
import type { ProblemCodeTable } from './problem-code-table.js';

export const ADVOCACY_PROBLEM_CODES = {
  /** Taking part needs someone in the directory (an account without a person, an API token). */
  'advocacy.no_person': [],
  // Maturity and onboarding waves (ADR 0033).
  /** The wave has invited its people: it can no longer be changed, deleted or invited again. */
  'advocacy.wave_invited': [],
  /** A wave names library content that does not exist. */
  'advocacy.unknown_content': ['id'],
  /** No onboarding wave with this id. */
  'advocacy.wave_not_found': [],
} as const satisfies ProblemCodeTable;
