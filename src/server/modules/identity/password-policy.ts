// The password policy of NIST SP 800-63B §5.1.1.2: at least 12 characters, at most 256, not the
// account's e-mail or its name part, not a common password (the 49,000 of @zxcvbn-ts/language-common,
// also with digits or symbols appended), not one character or a short run repeated. No composition rules.
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError, type FieldProblem } from '../../platform/http/app-error.js';
import { PASSWORD_LIMITS } from '../../../shared/identity.js';

let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** The password without digits and symbols at its end ("dragon2024!" -> "dragon"). */
const baseOf = (lower: string) => lower.replace(/[\d\W_]+$/u, '');

/** Whether the password is, or is built on, a common one ("password", "dragon2024!"). */
function isCommon(lower: string): boolean {
  const base = baseOf(lower);
  return commonPasswords().has(lower) || (base.length >= 4 && commonPasswords().has(base));
}

/** The account's e-mail, its name part or the service's name, perhaps with digits or symbols added. */
function isContextual(lower: string, email: string): boolean {
  const base = baseOf(lower);
  const localPart = email.split('@')[0] ?? '';
  return [email, localPart, 'resonance'].some((word) => word.length > 0 && (lower === word || base === word));
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "123412341234": a unit of at most 4 characters, repeated. */
function isRepetitive(password: string): boolean {
  return /^(.{1,4})\1+$/su.test(password);
}

/** +1 or -1 when `b` follows or precedes `a` (digits wrap: 9 then 0), else another number. */
function stepBetween(a: string, b: string): number {
  if (/\d/.test(a) && /\d/.test(b)) {
    const d = (Number(b) - Number(a) + 10) % 10;
    return d === 1 ? 1 : d === 9 ? -1 : 0;
  }
  return b.codePointAt(0)! - a.codePointAt(0)!;
}

/** "abcdefghijkl", "123456789012", "987654321098": each character one above (or below) the last. */
function isSequence(password: string): boolean {
  const chars = [...password.toLowerCase()];
  const steps = new Set(chars.slice(1).map((c, i) => stepBetween(chars[i]!, c)));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

export type PasswordProblemCode = 'password.too_short' | 'password.too_long' | 'password.is_email' | 'password.common' | 'password.repetitive';

/**
 * What is wrong with `password` for the account `email` (empty when it is acceptable).
 * @example checkPassword({ password: 'password1234', email: 'a@b.example' }) // [{ code: 'password.common', … }]
 */
export function checkPassword(input: {
  password: string;
  email: string;
}): Array<{ code: PasswordProblemCode; message: string; params?: Record<string, number> }> {
  const { password } = input;
  const length = [...password].length;
  if (length < PASSWORD_LIMITS.min)
    return [{ code: 'password.too_short', message: `use at least ${PASSWORD_LIMITS.min} characters`, params: { min: PASSWORD_LIMITS.min } }];
  if (length > PASSWORD_LIMITS.max)
    return [{ code: 'password.too_long', message: `use at most ${PASSWORD_LIMITS.max} characters`, params: { max: PASSWORD_LIMITS.max } }];
  const lower = password.toLowerCase();
  if (isContextual(lower, input.email.toLowerCase())) {
    return [{ code: 'password.is_email', message: 'do not use your e-mail address, your name or the name of this service' }];
  }
  if (isCommon(lower)) return [{ code: 'password.common', message: 'this password is among the most common ones; choose another' }];
  if (isRepetitive(password) || isSequence(password)) return [{ code: 'password.repetitive', message: 'do not use a repeated or sequential pattern' }];
  return [];
}

/**
 * Throws a 400 naming `pointer` when the password breaks the policy.
 * @example assertPasswordPolicy({ password, email, pointer: '/new_password' });
 */
export function assertPasswordPolicy(input: { password: string; email: string; pointer: string }): void {
  const problems = checkPassword(input);
  const first = problems[0];
  if (!first) return;
  const fieldProblems: FieldProblem[] = problems.map((p) => ({ pointer: input.pointer, in: 'body', message: p.message, code: p.code, params: p.params }));
  throw new AppError('validation', `the password is not acceptable: ${first.message}`, {
    messageCode: first.code,
    params: first.params,
    problems: fieldProblems,
  });
}
