// Message codes of one field's problem in a request (`errors[].code`), mapped from zod issues by
// src/server/platform/http/zod-problems.ts. Custom checks name their own code in `params.code`.
import type { ProblemCodeTable } from './problem-code-table.js';

export const VALIDATION_PROBLEM_CODES = {
  'validation.required': [],
  /** `expected`: string, number, boolean, array, object, date, …; the web picks a wording by it. */
  'validation.invalid_type': ['expected'],
  /** A text that must not be empty (a string of at least one character). */
  'validation.empty': [],
  'validation.too_short': ['minimum'],
  'validation.too_long': ['maximum'],
  'validation.too_few': ['minimum'],
  'validation.too_many': ['maximum'],
  'validation.too_small': ['minimum'],
  'validation.too_big': ['maximum'],
  /** Exclusive bounds: more than `minimum`, less than `maximum`. */
  'validation.not_above': ['minimum'],
  'validation.not_below': ['maximum'],
  /** `format`: email, url, date, datetime, regex, …; the web picks a wording by it. */
  'validation.invalid_format': ['format'],
  /** One of `values` (joined with ", "). */
  'validation.invalid_value': ['values'],
  'validation.unrecognized_keys': ['keys'],
  'validation.invalid_union': [],
  'validation.not_multiple_of': ['divisor'],
  'validation.invalid_key': [],
  'validation.invalid_element': [],
  'validation.invalid': [],
  'validation.time_zone': [],
  'validation.attributes_too_large': [],
  'validation.rule_not_object': [],
  /** Text that must match a known pattern (see PATTERN_CODES in zod-problems.ts). */
  'validation.segment_key': [],
  'validation.hashtag': [],
  'validation.country': [],
  'validation.language': [],
} as const satisfies ProblemCodeTable;
