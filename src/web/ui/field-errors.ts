// The server's 400 complaints by top-level field (`/title` -> title), to show beside form inputs;
// complaints about nested parts join their top-level field's message. Every form uses it.
import { ApiError } from '../app/api-client';

export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { pointer, message } of error.problem.errors) {
    const field = pointer.split('/')[1] ?? '';
    result[field] = result[field] ? `${result[field]}; ${message}` : message;
  }
  return result;
}
