// The server's complaints about a skill form by JSON pointer (`/labels/de`, `/aliases/1`, `/into`),
// so each shows under its input; aliases are reported as one list field.
import { ApiError } from '../../app/api-client';

export type SkillFormErrors = Partial<Record<'tag' | 'en' | 'de' | 'nl' | 'aliases' | 'category' | 'into' | 'skill', string>>;

export function skillFormErrors(error: unknown): SkillFormErrors {
  const result: SkillFormErrors = {};
  if (!(error instanceof ApiError)) return result;
  for (const { pointer, message } of error.problem.errors) {
    const [first, second] = pointer.split('/').slice(1);
    const field = first === 'labels' ? second : first;
    if (
      field === 'tag' ||
      field === 'en' ||
      field === 'de' ||
      field === 'nl' ||
      field === 'aliases' ||
      field === 'category' ||
      field === 'into' ||
      field === 'skill'
    ) {
      result[field] = result[field] ? `${result[field]}; ${message}` : message;
    }
  }
  return result;
}
