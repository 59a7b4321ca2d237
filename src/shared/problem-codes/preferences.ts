// Message codes of the preferences module: topics and a person's own preferences.
import type { ProblemCodeTable } from './problem-code-table.js';

export const PREFERENCE_PROBLEM_CODES = {
  /** No topic with this key (or id). */
  'topic.not_found': ['key'],
  'topic.key_taken': ['key'],
  /** A topic's key never changes (links in mail name it). */
  'topic.key_fixed': [],
  /** A campaign names a topic that is disabled. */
  'topic.disabled': ['key'],
  /** The account has no person in the directory, so no preferences. */
  'preferences.no_person': [],
} as const satisfies ProblemCodeTable;
