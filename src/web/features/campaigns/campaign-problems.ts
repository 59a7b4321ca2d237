// Reads a failed save's 400 by JSON pointer: the translated complaints at one field of the campaign
// form, and whether any complaint lies inside a part (to mark the variant or language tab holding it).
import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api-client';
import { fieldProblemText } from '../../ui/field-errors';

const problemsOf = (error: unknown) => (error instanceof ApiError ? error.problem.errors : []);

/** The complaints at exactly `pointer` (or, with `nested`, also inside it), translated and joined. */
export function problemAt(error: unknown, t: TFunction, pointer: string, nested = false): string | undefined {
  const texts = problemsOf(error)
    .filter((problem) => problem.pointer === pointer || (nested && problem.pointer.startsWith(`${pointer}/`)))
    .map((problem) => fieldProblemText(problem, t));
  return texts.length === 0 ? undefined : [...new Set(texts)].join('; ');
}

/** True when some complaint is at `pointer` or inside it. */
export function hasProblemWithin(error: unknown, pointer: string): boolean {
  return problemsOf(error).some((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`));
}
