// zod issues become message codes with plain parameters, for the real shared schemas as well as the
// generic kinds of issue, so the web can explain each field problem in the reader's language.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { segmentKeySchema, ruleJsonSchema } from '../../../shared/audiences.js';
import { hashtagSchema, personInputSchema } from '../../../shared/people.js';
import { codeOfZodIssue } from './zod-problems.js';

function codeOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return codeOfZodIssue(result.error.issues[0]!);
}

const person = { external_id: 'E1', email: 'a@x.example', given_name: 'A', family_name: 'B' };
const personCode = (patch: Record<string, unknown>) => codeOf(personInputSchema, { ...person, ...patch });

describe('codeOfZodIssue', () => {
  it('tells a missing value from one of the wrong type', () => {
    expect(codeOf(z.object({ name: z.string() }), {})).toEqual({ code: 'validation.required', params: {} });
    expect(codeOf(z.object({ name: z.string() }), { name: 3 })).toEqual({ code: 'validation.invalid_type', params: { expected: 'string' } });
  });

  it('names bounds by what they bound: text length, list size, number', () => {
    expect(codeOf(z.string().min(1), '')).toEqual({ code: 'validation.empty', params: {} });
    expect(codeOf(z.string().min(3), 'ab')).toEqual({ code: 'validation.too_short', params: { minimum: 3 } });
    expect(codeOf(z.string().max(2), 'abc')).toEqual({ code: 'validation.too_long', params: { maximum: 2 } });
    expect(codeOf(z.array(z.string()).max(1), ['a', 'b'])).toEqual({ code: 'validation.too_many', params: { maximum: 1 } });
    expect(codeOf(z.array(z.string()).min(2), ['a'])).toEqual({ code: 'validation.too_few', params: { minimum: 2 } });
    expect(codeOf(z.number().int().min(1900), 1800)).toEqual({ code: 'validation.too_small', params: { minimum: 1900 } });
    expect(codeOf(z.number().max(9), 10)).toEqual({ code: 'validation.too_big', params: { maximum: 9 } });
    expect(codeOf(z.number().positive(), 0)).toEqual({ code: 'validation.not_above', params: { minimum: 0 } });
  });

  it('names formats, enumerations and unknown keys without echoing the input', () => {
    expect(codeOf(z.email(), 'nope')).toEqual({ code: 'validation.invalid_format', params: { format: 'email' } });
    expect(codeOf(z.iso.date(), '2026-13-01')).toEqual({ code: 'validation.invalid_format', params: { format: 'date' } });
    expect(codeOf(z.enum(['individual', 'manager']), 'boss')).toEqual({ code: 'validation.invalid_value', params: { values: 'individual, manager' } });
    expect(codeOf(z.object({}).strict(), { secret: 'x' })).toEqual({ code: 'validation.unrecognized_keys', params: { keys: 'secret' } });
  });

  it('gives the patterns and custom checks of the shared schemas their own codes', () => {
    expect(codeOf(segmentKeySchema, 'Not A Key')).toEqual({ code: 'validation.segment_key', params: {} });
    expect(codeOf(hashtagSchema, '-x')).toEqual({ code: 'validation.hashtag', params: {} });
    expect(personCode({ country: 'Germany' })).toEqual({ code: 'validation.country', params: {} });
    expect(personCode({ language: 'german!' })).toEqual({ code: 'validation.language', params: {} });
    expect(personCode({ time_zone: 'Mars/Olympus' })).toEqual({ code: 'validation.time_zone', params: {} });
    expect(personCode({ attributes: { big: 'x'.repeat(20_000) } })).toEqual({ code: 'validation.attributes_too_large', params: {} });
    expect(codeOf(ruleJsonSchema, [])).toEqual({ code: 'validation.rule_not_object', params: {} });
    expect(
      codeOf(
        z.string().refine(() => false, 'no'),
        'x',
      ),
    ).toEqual({ code: 'validation.invalid', params: {} });
  });
});
