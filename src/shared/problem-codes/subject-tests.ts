// Message codes of subject-line tests inside a campaign's variants (ADR 0021).
import type { ProblemCodeTable } from './problem-code-table.js';

export const SUBJECT_TEST_PROBLEM_CODES = {
  /** A subject test needs the variant to go out by e-mail: opens of a subject line are e-mail opens. */
  'campaign.subject_test_needs_email': ['variant'],
  /** The variant has content in `language` but no alternative subjects for it. */
  'campaign.subject_test_language_missing': ['variant', 'language'],
  /** Alternative subjects for a language the variant has no content in. */
  'campaign.subject_test_language_unknown': ['variant', 'language'],
  /** Every language tries the same number of alternatives (`count`: as many as the default language). */
  'campaign.subject_test_count_mismatch': ['variant', 'language', 'count'],
} as const satisfies ProblemCodeTable;
