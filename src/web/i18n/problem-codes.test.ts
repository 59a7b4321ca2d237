// Every message code the server can send (the registry in src/shared/problem-codes) has a text in
// English, German and Dutch that uses only the code's parameters; no text is left for a code that is
// gone; and the web shows those texts, never the server's English detail.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../shared/problem-codes';
import { ApiError } from '../app/api-client';
import { errorMessage } from '../ui/error-message';
import { fieldErrors } from '../ui/field-errors';
import en from './en.json';
import de from './de.json';
import nl from './nl.json';
import { translatorFor } from './test-i18n';

type Tree = { [key: string]: string | Tree };

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

function leaf(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Tree)[key] : undefined), tree);
}

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}

const codes = Object.keys(PROBLEM_CODES) as (keyof typeof PROBLEM_CODES)[];

/** The code a translation key belongs to: itself, or the longest code it extends with `_<context>`. */
function ownerOf(key: string): string | undefined {
  if ((codes as string[]).includes(key)) return key;
  return codes.filter((code) => key.startsWith(`${code}_`)).sort((a, b) => b.length - a.length)[0];
}

describe('the message-code registry', () => {
  it('holds dotted codes, none a prefix of another (each is one leaf of the nested translations)', () => {
    for (const code of codes) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/);
      expect(
        codes.filter((other) => other.startsWith(`${code}.`)),
        code,
      ).toEqual([]);
    }
  });

  describe.each([
    ['en', en],
    ['de', de],
    ['nl', nl],
  ] as const)('%s', (_language, texts) => {
    const problems = texts.problems as Tree;

    it('has a text for every code, with only the parameters the code declares', () => {
      for (const code of codes) {
        const text = leaf(problems, code);
        expect(typeof text === 'string' && text.trim() !== '', `problems.${code}`).toBe(true);
        // Wordings picked by context (`_email`, `_number_pair`) are checked with their code.
        const variants = leaves(problems).filter((key) => ownerOf(key) === code);
        for (const key of variants) {
          for (const name of placeholders(leaf(problems, key) as string)) expect(PROBLEM_CODES[code] as readonly string[], `problems.${key}`).toContain(name);
        }
      }
    });

    it('has no text for a code the server cannot send', () => {
      const orphans = leaves(problems).filter((key) => ownerOf(key) === undefined);
      expect(orphans).toEqual([]);
    });
  });
});

const problem = (status: number, code: string | null, params: Record<string, string | number> = {}, errors: ApiError['problem']['errors'] = []) =>
  new ApiError({ type: 'about:blank', title: 'Bad', status, detail: 'the English detail for API users', code, params, errors }, 'problem');

describe('errorMessage', () => {
  it('translates the code with its parameters, naming rule fields and operators as the builder does', () => {
    const error = problem(400, 'rule.value_invalid', { field: 'tenure_years', op: 'between', expected: 'number_pair' });
    expect(errorMessage(error, translatorFor('de'))).toBe('„Jahre im Unternehmen liegt zwischen“ braucht zwei Zahlen.');
    expect(errorMessage(error, translatorFor('nl'))).toBe('‘Jaren in dienst ligt tussen’ heeft twee getallen nodig.');
    expect(errorMessage(problem(404, 'segment.not_found', { key: 'sales' }), translatorFor('en'))).toBe('The segment “sales” does not exist (any more).');
  });

  it('falls back to a text by status for a code it does not know, and never shows the detail', () => {
    for (const [status, text] of [
      [400, 'Einige Eingaben sind ungültig.'],
      [403, 'Dazu fehlt Ihnen die Berechtigung.'],
      [409, 'Das passt nicht zum aktuellen Stand. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.'],
      [503, 'Auf dem Server ist etwas schiefgelaufen. Bitte versuchen Sie es später noch einmal.'],
    ] as const) {
      expect(errorMessage(problem(status, 'from.a_newer_server'), translatorFor('de'))).toBe(text);
      expect(errorMessage(problem(status, null), translatorFor('de'))).toBe(text);
    }
  });

  it('words a field problem by its format or expected type when it can', () => {
    const error = problem(400, 'request.invalid', {}, [
      { pointer: '/email', message: 'Invalid email address', code: 'validation.invalid_format', params: { format: 'email' } },
      { pointer: '/birth_year', message: 'Invalid input', code: 'validation.invalid_type', params: { expected: 'number' } },
      { pointer: '/hire_date', message: 'Invalid', code: 'validation.invalid_format', params: { format: 'cuid' } },
    ]);
    expect(fieldErrors(error, translatorFor('nl'))).toEqual({
      email: 'Is geen e-mailadres.',
      birth_year: 'Moet een getal zijn.',
      hire_date: 'Heeft niet de verwachte opmaak.',
    });
  });
});
