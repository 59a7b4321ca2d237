// Identity rules: password login (argon2id), sessions with CSRF tokens, API tokens, and resolving the
// caller of a request into a Principal. Secrets never leave this file except the one shown at creation.
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/app-error.js';
import type { CurrentUser, Role, UiLanguage } from '../../../shared/identity.js';
import * as q from './identity.queries.js';

export type Principal =
  | {
      kind: 'user';
      userId: number;
      personId: number | null;
      role: Role;
      email: string;
      displayName: string;
      csrfToken: string;
      uiLanguage: CurrentUser['ui_language'];
    }
  | { kind: 'token'; tokenId: number; role: Role; name: string };

export const SESSION_COOKIE = 'resonance_session';
const TOKEN_PREFIX = 'rsn_';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

// Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken()));

// argon2id (the library's default algorithm) with OWASP's first recommended setting: 19 MiB, 2 passes,
// 1 lane. Hashes made with other settings (earlier releases used 64 MiB, 3 passes, 4 lanes) still verify.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** Makes a password that is easy to type and hard to guess (about 120 bits). */
export function generatePassword(): string {
  return randomToken(15).replace(/[-_]/g, 'x');
}

export type LoginResult = { sessionToken: string; expiresAt: Date; user: CurrentUser };

/**
 * Checks e-mail and password and opens a session. Wrong e-mail and wrong password answer alike.
 * @example const { sessionToken } = await login({ db, email: 'a@b.example', password: 'pw', ttlHours: 12 });
 */
export async function login(input: { db: AnyDb; email: string; password: string; ttlHours: number }): Promise<LoginResult> {
  const user = await q.findUserByEmail(input.db, input.email);
  const hash = user?.password_hash ?? (await getDummyHash());
  const ok = await argon2Verify(hash, input.password).catch(() => false);
  if (!user || !user.password_hash || !ok || user.disabled_at) {
    throw new AppError('unauthenticated', 'e-mail or password is wrong');
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await q.insertSession(input.db, { token_hash: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt });
  await q.markLogin(input.db, user.id);
  return {
    sessionToken,
    expiresAt,
    user: {
      id: user.id,
      email: user.email,
      role: user.role,
      display_name: user.display_name,
      person_id: user.person_id,
      ui_language: user.ui_language,
      csrf_token: csrfToken,
    },
  };
}

export async function logout(input: { db: AnyDb; sessionToken: string }): Promise<void> {
  await q.deleteSession(input.db, sha256(input.sessionToken));
}

export async function principalFromSession(input: { db: AnyDb; sessionToken: string }): Promise<Principal | null> {
  const row = await q.findSessionUser(input.db, sha256(input.sessionToken));
  if (!row) return null;
  return {
    kind: 'user',
    userId: row.id,
    personId: row.person_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    uiLanguage: row.ui_language,
  };
}

export async function principalFromApiToken(input: { db: AnyDb; token: string }): Promise<Principal | null> {
  if (!input.token.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.useApiToken(input.db, sha256(input.token));
  return row ? { kind: 'token', tokenId: row.id, role: row.role, name: row.name } : null;
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Creates an API token and returns it in clear once; only its hash is stored.
 * @example const { token } = await createApiToken({ db, name: 'hr-sync', role: 'admin' }); // 'rsn_…'
 */
export async function createApiToken(input: { db: AnyDb; name: string; role: Role }): Promise<{ id: number; token: string }> {
  const token = TOKEN_PREFIX + randomToken();
  const id = await q.insertApiToken(input.db, { name: input.name, token_hash: sha256(token), role: input.role });
  return { id, token };
}

export async function revokeApiToken(input: { db: AnyDb; id: number }): Promise<boolean> {
  return q.revokeApiToken(input.db, input.id);
}

/** Creates or updates a user with a password (used by the CLI, the demo and tests). */
export async function upsertUserWithPassword(input: {
  db: AnyDb;
  email: string;
  displayName: string;
  role: Role;
  password: string;
  personId?: number | null;
}): Promise<number> {
  return q.upsertUser(input.db, {
    email: input.email,
    display_name: input.displayName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    person_id: input.personId ?? null,
  });
}

export async function setUiLanguage(input: { db: AnyDb; userId: number; language: UiLanguage }): Promise<void> {
  await q.setUiLanguage(input.db, input.userId, input.language);
}

export async function purgeExpiredSessions(input: { db: AnyDb }): Promise<number> {
  return q.deleteExpiredSessions(input.db);
}

export function currentUserOf(principal: Extract<Principal, { kind: 'user' }>): CurrentUser {
  return {
    id: principal.userId,
    email: principal.email,
    role: principal.role,
    display_name: principal.displayName,
    person_id: principal.personId,
    ui_language: principal.uiLanguage,
    csrf_token: principal.csrfToken,
  };
}
