// Reads the JSON pointers of a 400 problem: which rule node it complains about (form fields: ui/field-errors).
import { ApiError } from '../../app/api-client';
import { rulePointer } from './rule-model';

/** `/rule/all/1/value` -> `/all/1/value`: the first complaint about the rule, relative to the rule. */
export function ruleErrorPointer(error: unknown, base = '/rule'): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const { pointer } of error.problem.errors) {
    const relative = rulePointer(pointer, base);
    if (relative !== undefined) return relative;
  }
  return undefined;
}
