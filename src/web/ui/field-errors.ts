// The server's 400 complaints by top-level field (`/title` -> title), translated, to show beside form
// inputs; complaints about nested parts join their top-level field's message. Every form uses it.
import type { TFunction } from 'i18next';
import { ApiError, type ProblemFieldError } from '../app/api-client';
import { problemText } from './problem-text';

/** One field problem in the interface language; a generic "is not valid" when its code is unknown. */
export function fieldProblemText(problem: ProblemFieldError, t: TFunction): string {
  return problemText(t, problem.code, problem.params) ?? t('errors.fieldInvalid');
}

/** Field problems grouped by a key derived from the pointer, texts of one key joined with "; ". */
export function groupFieldProblems(errors: readonly ProblemFieldError[], t: TFunction, keyOf: (pointer: string) => string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const problem of errors) {
    const key = keyOf(problem.pointer);
    if (key === null) continue;
    const text = fieldProblemText(problem, t);
    result[key] = result[key] ? `${result[key]}; ${text}` : text;
  }
  return result;
}

export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return groupFieldProblems(error.problem.errors, t, (pointer) => pointer.split('/')[1] ?? '');
}
