// Turns zod issues into message codes with parameters (src/shared/problem-codes/validation.ts), so
// the web can say "at most 200 characters" in German and Dutch instead of showing zod's English.
// Used for schema validation of every route and by anyone who reports zod issues to a person.
import type { z } from 'zod';
import { SEGMENT_KEY_PATTERN } from '../../../shared/audiences.js';
import { isProblemCode, type ProblemCode } from '../../../shared/problem-codes/index.js';
import type { MessageParams } from './app-error.js';

export type CodedMessage = { code: ProblemCode; params: MessageParams };

/**
 * Patterns the shared schemas check, by their `toString()`, with the code that explains them better
 * than "wrong format" (a regex check cannot carry a code of its own).
 */
const PATTERN_CODES = new Map<string, ProblemCode>([
  [SEGMENT_KEY_PATTERN.toString(), 'validation.segment_key'],
  [/^[\p{L}\p{N}.][\p{L}\p{N}_.+#-]*$/u.toString(), 'validation.hashtag'],
  [/^[A-Z]{2}$/.toString(), 'validation.country'],
  [/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.toString(), 'validation.language'],
]);

/** Plain scalars only: a parameter never carries the rejected input or a nested structure. */
function scalar(value: unknown): string | number | boolean | null {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

const list = (values: unknown): string =>
  Array.isArray(values)
    ? values
        .slice(0, 20)
        .map((v) => String(scalar(v)))
        .join(', ')
    : '';

/** An issue as zod reports it, or as fastify-type-provider-zod passes it on (code and the rest). */
export type IssueLike = { code: string; message?: string; [key: string]: unknown };

/**
 * The message code and parameters for one zod issue.
 * @example codeOfIssue({ code: 'too_big', origin: 'string', maximum: 200 }) // { code: 'validation.too_long', params: { maximum: 200 } }
 */
export function codeOfIssue(issue: IssueLike): CodedMessage {
  const inclusive = issue.inclusive !== false;
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 keeps the input out of the issue; its English message still says what arrived.
      if (issue.input === undefined && /received undefined$/.test(issue.message ?? '')) return { code: 'validation.required', params: {} };
      return { code: 'validation.invalid_type', params: { expected: scalar(issue.expected) } };
    case 'too_small': {
      const minimum = scalar(issue.minimum);
      if (issue.origin === 'string') return minimum === 1 ? { code: 'validation.empty', params: {} } : { code: 'validation.too_short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.too_few', params: { minimum } };
      return { code: inclusive ? 'validation.too_small' : 'validation.not_above', params: { minimum } };
    }
    case 'too_big': {
      const maximum = scalar(issue.maximum);
      if (issue.origin === 'string') return { code: 'validation.too_long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'validation.too_many', params: { maximum } };
      return { code: inclusive ? 'validation.too_big' : 'validation.not_below', params: { maximum } };
    }
    case 'invalid_format': {
      const known = typeof issue.pattern === 'string' ? PATTERN_CODES.get(issue.pattern) : undefined;
      if (known) return { code: known, params: {} };
      return { code: 'validation.invalid_format', params: { format: scalar(issue.format) } };
    }
    case 'invalid_value':
      return { code: 'validation.invalid_value', params: { values: list(issue.values) } };
    case 'unrecognized_keys':
      return { code: 'validation.unrecognized_keys', params: { keys: list(issue.keys) } };
    case 'invalid_union':
      return { code: 'validation.invalid_union', params: {} };
    case 'not_multiple_of':
      return { code: 'validation.not_multiple_of', params: { divisor: scalar(issue.divisor) } };
    case 'invalid_key':
      return { code: 'validation.invalid_key', params: {} };
    case 'invalid_element':
      return { code: 'validation.invalid_element', params: {} };
    case 'custom': {
      // A refine names its code in `params` (`.refine(check, { message, params: { code } })`), and may
      // fill it with scalar parameters beside it (`params: { code, dimension }`).
      const { code: named, ...rest } = (issue.params ?? {}) as { code?: unknown } & Record<string, unknown>;
      if (!isProblemCode(named)) return { code: 'validation.invalid', params: {} };
      const params = Object.fromEntries(Object.entries(rest).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) || v === null));
      return { code: named, params: params as MessageParams };
    }
    default:
      return { code: 'validation.invalid', params: {} };
  }
}

/** The same for an issue straight from `safeParse`. */
export function codeOfZodIssue(issue: z.core.$ZodIssue): CodedMessage {
  return codeOfIssue(issue as unknown as IssueLike);
}
