// The server's complaints about a skill form by JSON pointer (`/labels/de`, `/aliases/1`, `/into`),
// translated, so each shows under its input; aliases are reported as one list field.
import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api-client';
import { groupFieldProblems } from '../../ui/field-errors';

const FIELDS = ['tag', 'en', 'de', 'nl', 'aliases', 'category', 'into', 'skill'] as const;
type SkillFormField = (typeof FIELDS)[number];

export type SkillFormErrors = Partial<Record<SkillFormField, string>>;

const isField = (value: string | undefined): value is SkillFormField => (FIELDS as readonly (string | undefined)[]).includes(value);

export function skillFormErrors(error: unknown, t: TFunction): SkillFormErrors {
  if (!(error instanceof ApiError)) return {};
  return groupFieldProblems(error.problem.errors, t, (pointer) => {
    const [first, second] = pointer.split('/').slice(1);
    const field = first === 'labels' ? second : first;
    return isField(field) ? field : null;
  });
}
