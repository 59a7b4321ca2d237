// Checks one raw row against the Person contract and names every problem of the row, not only the
// first, in terms of the cell: which field, what value, what was expected. Text that PostgreSQL cannot
// store (NUL, half a surrogate pair) is a bad row here, never a failed transaction later.
import type { z } from 'zod';
import { JOB_LEVELS, EXPERIENCE_LEVELS, LIMITS, PERSON_STATUSES, YEAR_RANGE, personInputSchema, type PersonRecord } from '../../../../shared/people.js';
import { problem, type ImportProblemCode, type StoredProblem } from './import-problems.js';
import type { RawPersonRow } from './parse-people-file.js';

const strictPersonSchema = personInputSchema.strict();

/** A valid row: its record, and the fields it sets (the others keep their values). */
export type ValidRow = { line: number; record: PersonRecord; present: Set<string> };

const ALLOWED: Record<string, readonly string[]> = { job_level: JOB_LEVELS, experience_level: EXPERIENCE_LEVELS, status: PERSON_STATUSES };
const RANGE: Record<string, { min: number; max: number }> = {
  birth_year: YEAR_RANGE,
  career_start_year: YEAR_RANGE,
  social_maturity_stage: { min: 1, max: 9 },
};
const HASHTAG_LISTS = new Set(['skills', 'interests', 'mentor_topics', 'learning_goals', 'languages']);
// NUL, or a surrogate without its other half (only JSON escapes can make one; UTF-8 cannot).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Validates a row.
 * @example validatePersonRow({ line: 3, value: { external_id: 'E1', hire_date: '2020-13-45' } }) // { problems: [{ code: 'import.not_a_date', ... }] }
 */
export function validatePersonRow(row: RawPersonRow): { valid: ValidRow } | { problems: StoredProblem[] } {
  const externalId = typeof row.value.external_id === 'string' && row.value.external_id.trim() !== '' ? row.value.external_id.trim() : null;
  const unstorable = Object.entries(row.value)
    .filter(([, v]) => holdsUnstorable(v))
    .map(([field]) => problem({ line: row.line, code: 'import.invalid_character', field, externalId: UNSTORABLE.test(externalId ?? '') ? null : externalId }));
  if (unstorable.length > 0) return { problems: unstorable };

  const parsed = strictPersonSchema.safeParse(row.value);
  if (!parsed.success) return { problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, row, externalId)) };
  const present = new Set(Object.keys(row.value));
  // An empty or null status keeps the current one (a CSV cell left empty means the same).
  if (parsed.data.status === null || parsed.data.status === undefined) present.delete('status');
  return { valid: { line: row.line, record: parsed.data, present } };
}

function holdsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || holdsUnstorable(v));
  return false;
}

/** One zod issue as the problems an HR administrator can act on (one per unknown key). */
function describeIssue(issue: z.core.$ZodIssue, row: RawPersonRow, externalId: string | null): StoredProblem[] {
  const at = (code: ImportProblemCode, field: string | null, params: Record<string, string | number> = {}) =>
    problem({ line: row.line, code, params, field, externalId });
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => at('import.unknown_field', key, { field: key }));

  const [head, ...rest] = issue.path.map(String);
  const field = head ?? null;
  const fieldName = field === 'attributes' && rest.length > 0 ? `attributes.${rest[0]}` : field;
  const raw = valueAt(row.value, issue.path);
  const value = shown(raw);

  if (field && HASHTAG_LISTS.has(field)) {
    if (rest.length === 0) {
      if (issue.code === 'too_big') return [at('import.too_many_items', field, { max: LIMITS.hashtagsPerList })];
      return [at('import.not_a_list', field, { value })];
    }
    return [at('import.bad_hashtag', field, { value })];
  }
  if (field === 'attributes') {
    if (issue.code === 'custom') return [at('import.attributes_too_large', field, { max: LIMITS.attributesJson })];
    if (rest.length === 0) return [at('import.not_an_object', field)];
    return [at('import.too_long', fieldName, { max: LIMITS.hashtag })];
  }
  switch (issue.code) {
    case 'invalid_type':
      if (raw === undefined || raw === null) return [at('import.required', fieldName)];
      if (issue.expected === 'number') return [at('import.not_a_number', fieldName, { value })];
      if (issue.expected === 'boolean') return [at('import.not_yes_no', fieldName, { value })];
      return [at('import.not_text', fieldName, { value })];
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string')
        return [issue.code === 'too_small' ? at('import.required', fieldName) : at('import.too_long', fieldName, { max: Number(issue.maximum) })];
      const range = RANGE[field ?? ''] ?? {
        min: Number(issue.code === 'too_small' ? issue.minimum : -Infinity),
        max: Number(issue.code === 'too_big' ? issue.maximum : Infinity),
      };
      return [at('import.out_of_range', fieldName, { value, min: range.min, max: range.max })];
    }
    case 'invalid_value':
      return [at('import.not_one_of', fieldName, { value, allowed: (ALLOWED[field ?? ''] ?? issue.values.map(String)).join(', ') })];
    case 'invalid_format':
      if (issue.format === 'email') return [at('import.not_an_email', fieldName, { value })];
      if (issue.format === 'date') return [at('import.not_a_date', fieldName, { value })];
      if (field === 'country') return [at('import.not_a_country', fieldName, { value })];
      if (field === 'language') return [at('import.not_a_language', fieldName, { value })];
      return [at('import.not_text', fieldName, { value })];
    case 'custom':
      if (field === 'time_zone') return [at('import.not_a_time_zone', fieldName, { value })];
      if (field === 'hire_date') return [at('import.date_out_of_range', fieldName, { value, min: `${YEAR_RANGE.min}-01-01`, max: `${YEAR_RANGE.max}-12-31` })];
      return [at('import.not_text', fieldName, { value })];
    default:
      return [at('import.not_text', fieldName, { value })];
  }
}

function valueAt(value: Record<string, unknown>, path: PropertyKey[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** A value as a report shows it: text as is (cut short), anything else as JSON. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
