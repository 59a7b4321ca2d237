// Message codes of sign-in, sessions, API tokens, passwords and account administration.
import type { ProblemCodeTable } from './problem-code-table.js';

export const IDENTITY_PROBLEM_CODES = {
  'auth.wrong_credentials': [],
  /** The sign-in backoff (ADR 0012): try again after this many seconds. */
  'auth.too_many_attempts': ['seconds'],
  'auth.csrf_missing': [],
  'auth.sign_in_required': [],
  'auth.forbidden_role': ['role'],
  'auth.token_invalid': [],
  'auth.token_expired': ['expired_at'],
  'auth.session_only': [],
  'auth.wrong_current_password': [],
  'password.too_short': ['min'],
  'password.too_long': ['max'],
  'password.is_email': [],
  'password.common': [],
  'password.repetitive': [],
  'users.not_found': [],
  'users.last_admin': [],
  'tokens.not_found': ['id'],
} as const satisfies ProblemCodeTable;
