// Every message code the server can send (problem `code`, field problem `errors[].code`) with the
// names of its parameters. AppError is typed against it and a test requires a text for each code in
// en, de and nl (`problems.<code>` in src/web/i18n/*.json), so an untranslated code cannot ship.
// To add codes: put them in the table of their module (or a new file here) and spread it below.
import { ADVOCACY_PROBLEM_CODES } from './advocacy.js';
import { ADVOCACY_SHARING_PROBLEM_CODES } from './advocacy-sharing.js';
import { ANALYTICS_PROBLEM_CODES } from './analytics.js';
import { AUDIENCE_PROBLEM_CODES } from './audiences.js';
import { CAMPAIGN_PROBLEM_CODES } from './campaigns.js';
import { CASCADE_PROBLEM_CODES } from './cascade.js';
import { CHAT_PROBLEM_CODES } from './chat.js';
import { CONVERSATION_PROBLEM_CODES } from './conversation.js';
import { EXPERTISE_PROBLEM_CODES } from './expertise.js';
import { GENERIC_PROBLEM_CODES } from './generic.js';
import { IDENTITY_PROBLEM_CODES } from './identity.js';
import { IMPORT_PROBLEM_CODES } from './import.js';
import { INPUT_PROBLEM_CODES } from './input.js';
import { PEOPLE_PROBLEM_CODES } from './people.js';
import { SUBJECT_TEST_PROBLEM_CODES } from './subject-tests.js';
import { SURVEY_RESULTS_PROBLEM_CODES } from './survey-results.js';
import { PREFERENCE_PROBLEM_CODES } from './preferences.js';
import { PRIVACY_PROBLEM_CODES } from './privacy.js';
import { REFERRAL_PROBLEM_CODES } from './referrals.js';
import { SURVEY_PROBLEM_CODES } from './surveys.js';
import { VALIDATION_PROBLEM_CODES } from './validation.js';

export const PROBLEM_CODES = {
  ...GENERIC_PROBLEM_CODES,
  ...VALIDATION_PROBLEM_CODES,
  ...INPUT_PROBLEM_CODES,
  ...IDENTITY_PROBLEM_CODES,
  ...AUDIENCE_PROBLEM_CODES,
  ...EXPERTISE_PROBLEM_CODES,
  ...PEOPLE_PROBLEM_CODES,
  ...IMPORT_PROBLEM_CODES,
  ...CAMPAIGN_PROBLEM_CODES,
  ...SUBJECT_TEST_PROBLEM_CODES,
  ...CASCADE_PROBLEM_CODES,
  ...CHAT_PROBLEM_CODES,
  ...PREFERENCE_PROBLEM_CODES,
  ...PRIVACY_PROBLEM_CODES,
  ...ANALYTICS_PROBLEM_CODES,
  ...CONVERSATION_PROBLEM_CODES,
  ...SURVEY_RESULTS_PROBLEM_CODES,
  ...SURVEY_PROBLEM_CODES,
  ...ADVOCACY_PROBLEM_CODES,
  ...ADVOCACY_SHARING_PROBLEM_CODES,
  ...REFERRAL_PROBLEM_CODES,
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export type ProblemParamName<C extends ProblemCode> = (typeof PROBLEM_CODES)[C][number];

/** The parameters a code is filled with, by name (`{ field: 'departmnt' }`). */
export type ProblemParams<C extends ProblemCode> = { [K in ProblemParamName<C>]: string | number | boolean | null };

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(PROBLEM_CODES, value);
}
