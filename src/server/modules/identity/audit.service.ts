// The audit log: other modules record what a caller did with `recordAudit`; admins read it in pages,
// newest first, filtered by actor, action and time. Entries never hold a password or a token.
import type { FastifyRequest } from 'fastify';
import type { AnyDb } from '../../platform/db/connect.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '../../../shared/audit.js';
import * as q from './audit.queries.js';

/** Who did it: a label readable without joins, the user or token behind it, and the client address. */
export type AuditActor = { label: string; userId?: number | null; tokenId?: number | null; address?: string | null };

/** The command line: no request, no address. */
export const CLI_ACTOR: AuditActor = { label: 'cli' };

/**
 * The caller of a request as an audit actor (the signed-in user or API token, and the client address).
 * @example await recordAudit({ db, actor: auditActorOf(request), action: 'segments.created', target: { type: 'segment', id: key } });
 */
export function auditActorOf(request: FastifyRequest): AuditActor {
  const principal = request.principal;
  if (!principal) return { label: 'anonymous', address: request.ip };
  if (principal.kind === 'user') return { label: principal.email, userId: principal.userId, address: request.ip };
  return { label: `token:${principal.name}`, tokenId: principal.tokenId, address: request.ip };
}

export type RecordAuditInput = {
  db: AnyDb;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string | number };
  /** Facts worth keeping (format, size, old and new value); never a secret. */
  detail?: Record<string, unknown>;
};

/**
 * Appends one entry to the audit log. Pass the transaction as `db` when the change has one, so the
 * entry commits or rolls back with it.
 * @example await recordAudit({ db, actor: CLI_ACTOR, action: 'people.exported', detail: { format: 'csv' } });
 */
export async function recordAudit(input: RecordAuditInput): Promise<void> {
  await q.insertAudit(input.db, {
    action: input.action,
    actor: input.actor.label,
    actor_user_id: input.actor.userId ?? null,
    actor_token_id: input.actor.tokenId ?? null,
    address: input.actor.address ?? null,
    target_type: input.target?.type ?? null,
    target_id: input.target ? String(input.target.id) : null,
    detail: input.detail ?? {},
  });
}

const pages = idCursor('a');

/** `2026-12-01` is midnight UTC; a time with an offset is that instant. */
const instantOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/**
 * A page of the audit log, newest first.
 * @example const { items, next_cursor } = await listAudit({ db, query: { action: 'auth.sign_in_failed', limit: 50 } });
 */
export async function listAudit(input: { db: AnyDb; query: Omit<AuditQuery, 'limit'> & { limit: number } }): Promise<AuditPage> {
  const { query } = input;
  const rows = await q.findAudit(input.db, {
    actorPrefix: query.actor,
    action: query.action,
    from: query.from ? instantOf(query.from) : undefined,
    to: query.to ? instantOf(query.to) : undefined,
    beforeId: pages.decode(query.cursor),
    limit: query.limit + 1,
  });
  const { page, next_cursor } = pageOf(rows, query.limit, pages, (row) => row.id);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action as AuditAction,
    actor: row.actor,
    actor_user_id: row.actor_user_id,
    address: row.address,
    target_type: row.target_type,
    target_id: row.target_id,
    detail: row.detail,
  }));
  return { items, next_cursor };
}
