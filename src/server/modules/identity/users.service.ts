// Account administration: the user list, role changes, disabling (which ends every session at once)
// and enabling, and password resets. Every change is audited in its own transaction, and no change may
// leave the deployment without an enabled admin.
import { z } from 'zod';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, invalidCursor } from '../../platform/http/app-error.js';
import type { Role, UserSummary, UsersPage, UserUpdate } from '../../../shared/identity.js';
import { recordAudit, type AuditActor } from './audit.service.js';
import * as identity from './identity.queries.js';
import { assertPasswordPolicy } from './password-policy.js';
import { generatePassword, hashPassword } from './secrets.js';
import { forgetDevices } from './sign-in-throttle.js';
import * as q from './users.queries.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function presentUser(row: q.UserListRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    role: row.role,
    person_id: row.person_id,
    disabled_at: iso(row.disabled_at),
    last_login_at: iso(row.last_login_at),
    created_at: row.created_at.toISOString(),
  };
}

const userNotFound = (id: number) => new AppError('not_found', `user ${id} was not found`, { messageCode: 'users.not_found', params: { id } });

const cursorSchema = z.tuple([z.literal('u'), z.string().min(1)]);

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))[1];
  } catch {
    throw invalidCursor();
  }
}

/**
 * Accounts by e-mail in cursor pages, filtered by role, disabled state and text in e-mail or name.
 * @example const { items, next_cursor } = await listUsers({ db, query: { role: 'admin', limit: 50 } });
 */
export async function listUsers(input: {
  db: AnyDb;
  query: { role?: Role; disabled?: boolean; q?: string; cursor?: string; limit: number };
}): Promise<UsersPage> {
  const { query } = input;
  const rows = await q.findUsers(input.db, {
    role: query.role,
    disabled: query.disabled,
    text: query.q,
    afterEmail: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(presentUser);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify(['u', last.email])).toString('base64url') : null };
}

/**
 * Changes a user's role and/or disables or enables them. Disabling ends all their sessions at once.
 * Refuses (409 `users.last_admin`) a change that would leave no enabled admin.
 * @example await updateUser({ db, id: 7, update: { disabled: true }, actor });
 */
export async function updateUser(input: { db: AnyDb; id: number; update: UserUpdate; actor: AuditActor }): Promise<UserSummary> {
  const { update } = input;
  return input.db.transaction().execute(async (trx) => {
    const admins = await q.lockEnabledAdmins(trx);
    const user = await identity.findUserById(trx, input.id, true);
    if (!user) throw userNotFound(input.id);
    const role = update.role ?? user.role;
    const disabled = update.disabled ?? user.disabled_at !== null;
    const staysAdmin = role === 'admin' && !disabled;
    if (!staysAdmin && admins.length === 1 && admins[0] === user.id) {
      throw new AppError('conflict', 'this is the last enabled admin; make another admin first', { messageCode: 'users.last_admin' });
    }
    const target = { type: 'user', id: user.id };
    if (role !== user.role) {
      await q.setRole(trx, user.id, role);
      await recordAudit({ db: trx, actor: input.actor, action: 'users.role_changed', target, detail: { email: user.email, from: user.role, to: role } });
    }
    if (disabled !== (user.disabled_at !== null)) {
      await q.setDisabled(trx, user.id, disabled);
      const sessionsEnded = disabled ? await identity.deleteSessionsOfUser(trx, user.id) : 0;
      if (disabled) await forgetDevices({ db: trx, userId: user.id });
      await recordAudit({
        db: trx,
        actor: input.actor,
        action: disabled ? 'users.disabled' : 'users.enabled',
        target,
        detail: disabled ? { email: user.email, sessions_ended: sessionsEnded } : { email: user.email },
      });
    }
    return presentUser((await q.findUserSummary(trx, user.id))!);
  });
}

/**
 * Sets a user's password (or generates one, returned once) and ends all their sessions.
 * @example const { password } = await resetUserPassword({ db, id: 7, actor }); // generated
 */
export async function resetUserPassword(input: { db: AnyDb; id: number; password?: string; actor: AuditActor }): Promise<{ password: string | null }> {
  const user = await identity.findUserById(input.db, input.id);
  if (!user) throw userNotFound(input.id);
  const password = input.password ?? generatePassword();
  assertPasswordPolicy({ password, email: user.email, pointer: '/password' });
  const passwordHash = await hashPassword(password);
  await input.db.transaction().execute(async (trx) => {
    await identity.setPasswordHash(trx, user.id, passwordHash);
    const sessionsEnded = await identity.deleteSessionsOfUser(trx, user.id);
    await forgetDevices({ db: trx, userId: user.id });
    await recordAudit({
      db: trx,
      actor: input.actor,
      action: 'users.password_reset',
      target: { type: 'user', id: user.id },
      detail: { email: user.email, generated: input.password === undefined, sessions_ended: sessionsEnded },
    });
  });
  return { password: input.password === undefined ? password : null };
}
