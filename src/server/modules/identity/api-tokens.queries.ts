// The only SQL over api_tokens: create, look up (marking use), list and revoke.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Role } from '../../../shared/identity.js';
import type { IdentityTables } from './identity.tables.js';

const tables = (db: AnyDb) => db.withTables<IdentityTables>();

export type ApiTokenRow = {
  id: number;
  name: string;
  role: Role;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const COLUMNS = ['id', 'name', 'role', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

export async function insertApiToken(db: AnyDb, token: { name: string; token_hash: string; role: Role; expires_at: Date | null }): Promise<ApiTokenRow> {
  return tables(db).insertInto('api_tokens').values(token).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** The unrevoked token with this hash; marks it used when it has not expired by `now`. */
export async function useApiToken(db: AnyDb, tokenHash: string, now: Date): Promise<ApiTokenRow | undefined> {
  const used = await tables(db)
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(COLUMNS)
    .executeTakeFirst();
  if (used) return used;
  return tables(db).selectFrom('api_tokens').select(COLUMNS).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function listApiTokens(db: AnyDb): Promise<ApiTokenRow[]> {
  return tables(db).selectFrom('api_tokens').select(COLUMNS).orderBy('id', 'desc').execute();
}

export async function revokeApiToken(db: AnyDb, id: number): Promise<ApiTokenRow | undefined> {
  return tables(db)
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst();
}
