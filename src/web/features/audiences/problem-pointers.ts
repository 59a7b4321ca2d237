// Reads the JSON pointers of a 400 problem: which form field, or which rule node, it complains about.
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

/** `/name` -> { name: message }; complaints about nested parts join their top-level field's message. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { pointer, message } of error.problem.errors) {
    const field = pointer.split('/')[1] ?? '';
    result[field] = result[field] ? `${result[field]}; ${message}` : message;
  }
  return result;
}
