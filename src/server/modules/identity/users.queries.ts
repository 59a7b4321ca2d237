// SQL over users for their administration: the filtered list, role and disabled changes, and the
// admins that must remain.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Role } from '../../../shared/identity.js';
import type { IdentityTables } from './identity.tables.js';

const tables = (db: AnyDb) => db.withTables<IdentityTables>();

export type UserListRow = {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  person_id: number | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
};

const LIST_COLUMNS = ['id', 'email', 'display_name', 'role', 'person_id', 'disabled_at', 'last_login_at', 'created_at'] as const;

export type UserFilter = { role?: Role; disabled?: boolean; text?: string; afterEmail?: string; limit: number };

/** Users matching the filter, by e-mail (stored lower-case, unique, so it is also the cursor). */
export async function findUsers(db: AnyDb, filter: UserFilter): Promise<UserListRow[]> {
  let query = tables(db).selectFrom('users').select(LIST_COLUMNS).orderBy('email').limit(filter.limit);
  if (filter.role !== undefined) query = query.where('role', '=', filter.role);
  if (filter.disabled !== undefined) query = query.where('disabled_at', filter.disabled ? 'is not' : 'is', null);
  if (filter.text !== undefined && filter.text !== '') {
    const text = filter.text.toLowerCase();
    query = query.where(sql<boolean>`strpos(lower(email || ' ' || display_name), ${text}) > 0`);
  }
  if (filter.afterEmail !== undefined) query = query.where('email', '>', filter.afterEmail);
  return query.execute();
}

export async function findUserSummary(db: AnyDb, id: number): Promise<UserListRow | undefined> {
  return tables(db).selectFrom('users').select(LIST_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Locks and lists the ids of the enabled admins. Two admins demoting each other at once queue here, and
 * the second sees the first's change, so the last admin cannot be removed by a race.
 */
export async function lockEnabledAdmins(db: AnyDb): Promise<number[]> {
  const rows = await tables(db)
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export async function setRole(db: AnyDb, id: number, role: Role): Promise<void> {
  await tables(db).updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function setDisabled(db: AnyDb, id: number, disabled: boolean): Promise<void> {
  await tables(db)
    .updateTable('users')
    .set({ disabled_at: disabled ? sql<Date>`now()` : null })
    .where('id', '=', id)
    .execute();
}
