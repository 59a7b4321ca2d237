// Identity rules: password sign-in (argon2id) behind the sign-in throttle, sessions with CSRF tokens,
// changing one's own password, and resolving the caller of a request into a Principal. Secrets never
// leave this module except the one shown at creation.
import { timingSafeEqual } from 'node:crypto';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/app-error.js';
import type { CurrentUser, Role, UiLanguage } from '../../../shared/identity.js';
import { recordAudit, type AuditActor } from './audit.service.js';
import { callerFromApiToken } from './api-tokens.service.js';
import * as q from './identity.queries.js';
import { assertPasswordPolicy } from './password-policy.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets.js';
import { claimSignInAttempt, findTrustedDevice, forgetDevices, recordSignInSuccess, rememberDevice, type ThrottlePolicy } from './sign-in-throttle.js';

export { hashPassword, generatePassword } from './secrets.js';

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
      /** The SHA-256 of this session's token, to keep it when the user's other sessions end. */
      sessionHash: string;
    }
  | { kind: 'token'; tokenId: number; role: Role; name: string };

export const SESSION_COOKIE = 'resonance_session';

/** `deviceToken`: a new device cookie for this browser, when it was not known to the account yet. */
export type LoginResult = { sessionToken: string; expiresAt: Date; user: CurrentUser; deviceToken?: string };

/** The 429 of the sign-in throttle; `seconds` also goes out as Retry-After. */
export function tooManyAttempts(seconds: number): AppError {
  return new AppError('rate_limited', `too many sign-in attempts; try again in ${seconds} seconds`, {
    messageCode: 'auth.too_many_attempts',
    params: { seconds },
  });
}

const wrongCredentials = () => new AppError('unauthenticated', 'e-mail or password is wrong', { messageCode: 'auth.wrong_credentials' });

/**
 * Checks e-mail and password and opens a session. Wrong e-mail and wrong password answer alike and
 * cost the same; both are throttled per e-mail and per address (ADR 0012) and audited.
 * @example const { sessionToken } = await login({ db, email: 'a@b.example', password: 'pw', ttlHours: 12, address: '192.0.2.1', now: new Date(), policy });
 */
export async function login(input: {
  db: AnyDb;
  email: string;
  password: string;
  ttlHours: number;
  address: string;
  now: Date;
  policy: ThrottlePolicy;
  /** The browser's device cookie, if it has one: a browser known to the account has its own count. */
  deviceToken?: string;
}): Promise<LoginResult> {
  const email = input.email.toLowerCase();
  const user = await q.findUserByEmail(input.db, email);
  const deviceHash = await findTrustedDevice({ db: input.db, deviceToken: input.deviceToken, userId: user?.id });
  const claim = await claimSignInAttempt({ db: input.db, email, address: input.address, now: input.now, policy: input.policy, deviceHash });
  if (!claim.allowed) throw tooManyAttempts(claim.retryAfterSeconds);
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok || user.disabled_at) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled';
    await recordAudit({
      db: input.db,
      actor: { label: email, userId: user?.id ?? null, address: input.address },
      action: 'auth.sign_in_failed',
      detail: { reason, known_browser: deviceHash !== undefined },
    });
    throw wrongCredentials();
  }
  await recordSignInSuccess({ db: input.db, email, address: input.address, now: input.now, policy: input.policy, deviceHash });
  const deviceToken = await rememberDevice({ db: input.db, userId: user.id, deviceHash });
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  // Sessions expire by the database's clock (findSessionUser compares with now()), so by real time.
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await q.insertSession(input.db, { token_hash: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt });
  await q.markLogin(input.db, user.id);
  await recordAudit({
    db: input.db,
    actor: { label: user.email, userId: user.id, address: input.address },
    action: 'auth.sign_in',
    detail: { known_browser: deviceHash !== undefined },
  });
  return {
    sessionToken,
    expiresAt,
    deviceToken,
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

export async function logout(input: { db: AnyDb; sessionToken: string; actor: AuditActor }): Promise<void> {
  await q.deleteSession(input.db, sha256(input.sessionToken));
  await recordAudit({ db: input.db, actor: input.actor, action: 'auth.sign_out' });
}

/**
 * Changes the signed-in user's password after checking the current one (throttled like a sign-in),
 * and ends every other session of theirs: whoever knew the old password is signed out.
 * @example const { sessionsEnded } = await changeOwnPassword({ db, principal, currentPassword, newPassword, address, now, policy });
 */
export async function changeOwnPassword(input: {
  db: AnyDb;
  principal: Extract<Principal, { kind: 'user' }>;
  currentPassword: string;
  newPassword: string;
  address: string;
  now: Date;
  policy: ThrottlePolicy;
}): Promise<{ sessionsEnded: number }> {
  const { principal } = input;
  assertPasswordPolicy({ password: input.newPassword, email: principal.email, pointer: '/new_password' });
  const claim = await claimSignInAttempt({ db: input.db, email: principal.email, address: input.address, now: input.now, policy: input.policy });
  if (!claim.allowed) throw tooManyAttempts(claim.retryAfterSeconds);
  const user = await q.findUserById(input.db, principal.userId);
  if (!(await verifyPassword(user?.password_hash, input.currentPassword))) {
    throw new AppError('validation', 'the current password is wrong', {
      messageCode: 'auth.wrong_current_password',
      problems: [{ pointer: '/current_password', in: 'body', message: 'wrong password', code: 'auth.wrong_current_password' }],
    });
  }
  await recordSignInSuccess({ db: input.db, email: principal.email, address: input.address, now: input.now, policy: input.policy });
  const passwordHash = await hashPassword(input.newPassword);
  return input.db.transaction().execute(async (trx) => {
    await q.setPasswordHash(trx, principal.userId, passwordHash);
    const sessionsEnded = await q.deleteSessionsOfUser(trx, principal.userId, principal.sessionHash);
    await forgetDevices({ db: trx, userId: principal.userId });
    await recordAudit({
      db: trx,
      actor: { label: principal.email, userId: principal.userId, address: input.address },
      action: 'auth.password_changed',
      target: { type: 'user', id: principal.userId },
      detail: { sessions_ended: sessionsEnded },
    });
    return { sessionsEnded };
  });
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
    sessionHash: row.token_hash,
  };
}

export async function principalFromApiToken(input: { db: AnyDb; token: string; now: Date }): Promise<Principal | null> {
  const caller = await callerFromApiToken(input);
  return caller ? { kind: 'token', ...caller } : null;
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Creates or updates a user with a password that meets the policy (used by the CLI, the demo and tests).
 * @example await upsertUserWithPassword({ db, email: 'a@b.example', displayName: 'A', role: 'admin', password: generatePassword() });
 */
export async function upsertUserWithPassword(input: {
  db: AnyDb;
  email: string;
  displayName: string;
  role: Role;
  password: string;
  personId?: number | null;
  /** Who creates it, for the audit log (the command line); absent for the demo and tests. */
  actor?: AuditActor;
}): Promise<number> {
  assertPasswordPolicy({ password: input.password, email: input.email, pointer: '/password' });
  const passwordHash = await hashPassword(input.password);
  return input.db.transaction().execute(async (trx) => {
    const id = await q.upsertUser(trx, {
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      password_hash: passwordHash,
      person_id: input.personId ?? null,
    });
    // An existing account got a new password: whoever knew the old one is signed out.
    await q.deleteSessionsOfUser(trx, id);
    await forgetDevices({ db: trx, userId: id });
    if (input.actor) {
      await recordAudit({
        db: trx,
        actor: input.actor,
        action: 'users.created',
        target: { type: 'user', id },
        detail: { email: input.email.toLowerCase(), role: input.role },
      });
    }
    return id;
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
