// The only SQL over audit_log: appending an entry and reading a filtered page, newest first.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { IdentityTables } from './identity.tables.js';

const tables = (db: AnyDb) => db.withTables<IdentityTables>();

export type NewAuditRow = {
  action: string;
  actor: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  address: string | null;
  target_type: string | null;
  target_id: string | null;
  detail: Record<string, unknown>;
};

export async function insertAudit(db: AnyDb, row: NewAuditRow): Promise<void> {
  await tables(db)
    .insertInto('audit_log')
    .values({ ...row, detail: JSON.stringify(row.detail) })
    .execute();
}

export type AuditRow = NewAuditRow & { id: number; at: Date };

export type AuditFilter = { actorPrefix?: string; action?: string; from?: Date; to?: Date; beforeId?: number; limit: number };

/** Entries matching every given filter, by id descending (insertion order, so newest first). */
export async function findAudit(db: AnyDb, filter: AuditFilter): Promise<AuditRow[]> {
  let query = tables(db)
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'actor', 'actor_user_id', 'actor_token_id', 'address', 'target_type', 'target_id', 'detail'])
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.actorPrefix !== undefined) {
    // `%`, `_` and `\` in a filter are ordinary characters; a prefix LIKE can use audit_log_actor_idx.
    const prefix = filter.actorPrefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`lower(actor) LIKE ${`${prefix}%`}`);
  }
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
