// SQL over users and sessions for sign-in and the signed-in user (admin queries: users.queries.ts).
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Role, UiLanguage } from '../../../shared/identity.js';
import type { IdentityTables } from './identity.tables.js';

const tables = (db: AnyDb) => db.withTables<IdentityTables>();

export type UserRow = {
  id: number;
  person_id: number | null;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  ui_language: UiLanguage | null;
  disabled_at: Date | null;
};

const USER_COLUMNS = ['id', 'person_id', 'email', 'display_name', 'role', 'password_hash', 'ui_language', 'disabled_at'] as const;

export async function findUserByEmail(db: AnyDb, email: string): Promise<UserRow | undefined> {
  return tables(db).selectFrom('users').select(USER_COLUMNS).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export type NewUser = { email: string; display_name: string; role: Role; password_hash: string | null; person_id: number | null };

/** Creates the user or, when the e-mail exists, updates its role, name, link and password. */
export async function upsertUser(db: AnyDb, user: NewUser): Promise<number> {
  const row = await tables(db)
    .insertInto('users')
    .values({ ...user, email: user.email.toLowerCase() })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        role: user.role,
        display_name: user.display_name,
        person_id: user.person_id,
        password_hash: user.password_hash,
        disabled_at: null,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markLogin(db: AnyDb, userId: number): Promise<void> {
  await tables(db)
    .updateTable('users')
    .set({ last_login_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(db: AnyDb, session: { token_hash: string; user_id: number; csrf_token: string; expires_at: Date }): Promise<void> {
  await tables(db).insertInto('sessions').values(session).execute();
}

export type SessionUser = UserRow & { csrf_token: string; expires_at: Date; token_hash: string };

/** The live session with its enabled user, or undefined. */
export async function findSessionUser(db: AnyDb, tokenHash: string): Promise<SessionUser | undefined> {
  return tables(db)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.person_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.password_hash',
      'u.ui_language',
      'u.disabled_at',
      's.csrf_token',
      's.expires_at',
      's.token_hash',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: AnyDb, tokenHash: string): Promise<void> {
  await tables(db).deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of the user but `keepTokenHash` (when given); answers how many ended. */
export async function deleteSessionsOfUser(db: AnyDb, userId: number, keepTokenHash?: string): Promise<number> {
  let query = tables(db).deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findUserById(db: AnyDb, id: number, forUpdate = false): Promise<UserRow | undefined> {
  let query = tables(db).selectFrom('users').select(USER_COLUMNS).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function setPasswordHash(db: AnyDb, userId: number, passwordHash: string): Promise<void> {
  await tables(db).updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: AnyDb): Promise<number> {
  const result = await tables(db)
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function setUiLanguage(db: AnyDb, userId: number, language: UiLanguage): Promise<void> {
  await tables(db).updateTable('users').set({ ui_language: language }).where('id', '=', userId).execute();
}
