// The skill admin screen's pure helpers: server complaints mapped to form fields, and a first label
// proposed from a free-typed tag.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { labelFromTag } from './new-tag-approve-modal';
import { skillFormErrors } from './skill-form-errors';
import { translatorFor } from '../../i18n/test-i18n';

const problem = (errors: { pointer: string; code: string; params?: Record<string, string> }[]) =>
  new ApiError(
    {
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      detail: 'English for API users',
      code: 'request.invalid',
      params: {},
      errors: errors.map((e) => ({ message: 'English', params: {}, ...e })),
    },
    'problem',
  );

describe('skillFormErrors', () => {
  it('puts label complaints under their language and alias complaints under the list, in the interface language', () => {
    const errors = skillFormErrors(
      problem([
        { pointer: '/labels/de', code: 'validation.empty' },
        { pointer: '/aliases/0', code: 'skills.tag_is_alias', params: { tag: 'tabellenkalkulation', skill: 'excel' } },
        { pointer: '/aliases/2', code: 'no.such_code' },
        { pointer: '/into', code: 'skills.not_found', params: { tag: 'exel' } },
      ]),
      translatorFor('de'),
    );
    expect(errors).toEqual({
      de: 'Darf nicht leer sein.',
      aliases: '#tabellenkalkulation ist bereits ein Alias von #excel.; Ist ungültig.',
      into: 'Die Fähigkeit #exel gibt es nicht.',
    });
  });

  it('ignores anything that is not a problem answer', () => {
    expect(skillFormErrors(new Error('network'), translatorFor('en'))).toEqual({});
  });
});

describe('labelFromTag', () => {
  it('turns a hashtag into a capitalised name', () => {
    expect(labelFromTag('data-governance')).toBe('Data governance');
    expect(labelFromTag('kundenbindung')).toBe('Kundenbindung');
  });
});
