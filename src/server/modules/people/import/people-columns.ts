// How the Person contract maps to the people table and to CSV columns: which fields are lists,
// booleans and numbers, and the column each field is stored in.
import type { PersonRecord } from '../../../../shared/people.js';

export const PERSON_FIELDS = [
  'external_id',
  'email',
  'given_name',
  'family_name',
  'department',
  'function',
  'job_title',
  'job_level',
  'location',
  'region',
  'country',
  'language',
  'time_zone',
  'birth_year',
  'hire_date',
  'career_start_year',
  'experience_level',
  'manager',
  'social_maturity_stage',
  'skills',
  'interests',
  'mentor_topics',
  'learning_goals',
  'languages',
  'about',
  'can_help_with',
  'mentor_available',
  'ambassador',
  'status',
  'attributes',
] as const satisfies readonly (keyof PersonRecord)[];
export type PersonField = (typeof PERSON_FIELDS)[number];

export const LIST_FIELDS = new Set<PersonField>(['skills', 'interests', 'mentor_topics', 'learning_goals', 'languages']);
export const BOOLEAN_FIELDS = new Set<PersonField>(['mentor_available', 'ambassador']);
export const INTEGER_FIELDS = new Set<PersonField>(['birth_year', 'career_start_year', 'social_maturity_stage']);

/** Fields stored in a column of a different name; `manager` is resolved to manager_id separately. */
export const COLUMN_OF: Partial<Record<PersonField, string>> = { experience_level: 'experience_level_explicit' };

/** Columns an import writes directly (everything but external_id, manager and attributes). */
export const PLAIN_FIELDS = PERSON_FIELDS.filter((f) => f !== 'external_id' && f !== 'manager' && f !== 'attributes');

export const columnOf = (field: PersonField): string => COLUMN_OF[field] ?? field;

/** Defaults for a field a row leaves out or sets to null (lists empty, booleans false, no family name). */
export const COLUMN_DEFAULTS: Record<string, string> = {
  family_name: "''",
  skills: "'{}'::text[]",
  interests: "'{}'::text[]",
  mentor_topics: "'{}'::text[]",
  learning_goals: "'{}'::text[]",
  languages: "'{}'::text[]",
  mentor_available: 'false',
  ambassador: 'false',
  status: "'active'",
};
