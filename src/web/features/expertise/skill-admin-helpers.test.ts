// The skill admin screen's pure helpers: server complaints mapped to form fields, and a first label
// proposed from a free-typed tag.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { labelFromTag } from './new-tag-approve-modal';
import { skillFormErrors } from './skill-form-errors';

const problem = (errors: { pointer: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'Invalid input', status: 400, detail: null, errors }, 'problem');

describe('skillFormErrors', () => {
  it('puts label complaints under their language and alias complaints under the list', () => {
    const errors = skillFormErrors(
      problem([
        { pointer: '/labels/de', message: 'a label cannot be empty' },
        { pointer: '/aliases/0', message: '#tabellenkalkulation is already an alias of #excel' },
        { pointer: '/aliases/2', message: 'bad' },
        { pointer: '/into', message: 'no such skill' },
      ]),
    );
    expect(errors).toEqual({ de: 'a label cannot be empty', aliases: '#tabellenkalkulation is already an alias of #excel; bad', into: 'no such skill' });
  });

  it('ignores anything that is not a problem answer', () => {
    expect(skillFormErrors(new Error('network'))).toEqual({});
  });
});

describe('labelFromTag', () => {
  it('turns a hashtag into a capitalised name', () => {
    expect(labelFromTag('data-governance')).toBe('Data governance');
    expect(labelFromTag('kundenbindung')).toBe('Kundenbindung');
  });
});
