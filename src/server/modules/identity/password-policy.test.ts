// The password policy on its own: length bounds, the account's e-mail, common, repeated and sequential
// passwords are refused; long passphrases of any composition pass.
import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy, checkPassword } from './password-policy.js';
import { generatePassword } from './identity.service.js';
import { AppError } from '../../platform/http/app-error.js';

const email = 'anna.berg@example.com';
const codeOf = (password: string) => checkPassword({ password, email })[0]?.code;

describe('password policy', () => {
  it('accepts passphrases and generated passwords without composition rules', () => {
    expect(codeOf('correct horse battery staple')).toBeUndefined();
    expect(codeOf('alllowercaseletters')).toBeUndefined();
    expect(codeOf('Hannah liebt Katzen')).toBeUndefined();
    expect(codeOf(generatePassword())).toBeUndefined();
    expect(codeOf('x'.repeat(3) + 'ü'.repeat(3) + 'Zwölf Boxkämpfer')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units, against 12 and 256', () => {
    expect(checkPassword({ password: 'short-pass1', email })[0]).toMatchObject({ code: 'password.too_short', params: { min: 12 } });
    expect(codeOf('🙂'.repeat(6) + 'abcdq')).toBe('password.too_short');
    expect(checkPassword({ password: 'long words '.repeat(24), email })[0]).toMatchObject({ code: 'password.too_long', params: { max: 256 } });
  });

  it('refuses the e-mail, its name part and the service name, also with digits appended', () => {
    expect(codeOf('Anna.Berg@example.com')).toBe('password.is_email');
    expect(codeOf('anna.berg2024!!')).toBe('password.is_email');
    expect(codeOf('Resonance2026!')).toBe('password.is_email');
  });

  it('refuses common passwords and common ones with digits or symbols appended', () => {
    expect(codeOf('qwerty123456')).toBe('password.common');
    expect(codeOf('1qaz2wsx3edc')).toBe('password.common');
    expect(codeOf('Password123456!')).toBe('password.common');
    expect(codeOf('dragon20242024')).toBe('password.common');
  });

  it('refuses repeated and sequential patterns', () => {
    expect(codeOf('aaaaaaaaaaaaaaa')).toBe('password.repetitive');
    expect(codeOf('xyzwxyzwxyzw')).toBe('password.repetitive');
    expect(codeOf('abcdefghijklm')).toBe('password.repetitive');
    expect(codeOf('7890123456789')).toBe('password.repetitive');
    expect(codeOf('zyxwvutsrqpo')).toBe('password.repetitive');
  });

  it('throws a validation problem at the given pointer with the code', () => {
    try {
      assertPasswordPolicy({ password: 'too short', email, pointer: '/new_password' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.status).toBe(400);
      expect(e.messageCode).toBe('password.too_short');
      expect(e.problems[0]).toMatchObject({ pointer: '/new_password', code: 'password.too_short', params: { min: 12 } });
    }
  });
});
