// API tokens: created with a role and an optional expiry, shown in clear once (only a SHA-256 is kept),
// refused once revoked or expired, listed with their status. Creating and revoking is audited.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ApiToken, Role } from '../../../shared/identity.js';
import { recordAudit, type AuditActor } from './audit.service.js';
import * as q from './api-tokens.queries.js';
import { randomToken, sha256 } from './secrets.js';

export const TOKEN_PREFIX = 'rsn_';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function presentToken(row: q.ApiTokenRow, now: Date): ApiToken {
  const status = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    status,
    created_at: row.created_at.toISOString(),
    expires_at: iso(row.expires_at),
    last_used_at: iso(row.last_used_at),
    revoked_at: iso(row.revoked_at),
  };
}

/**
 * Creates an API token and returns it in clear once; only its hash is stored.
 * @example const { token } = await createApiToken({ db, name: 'hr-sync', role: 'admin', expiresAt: null, actor: CLI_ACTOR }); // 'rsn_…'
 */
export async function createApiToken(input: {
  db: AnyDb;
  name: string;
  role: Role;
  expiresAt?: Date | null;
  actor: AuditActor;
  now?: Date;
}): Promise<ApiToken & { token: string }> {
  const token = TOKEN_PREFIX + randomToken();
  return input.db.transaction().execute(async (trx) => {
    const row = await q.insertApiToken(trx, { name: input.name, token_hash: sha256(token), role: input.role, expires_at: input.expiresAt ?? null });
    await recordAudit({
      db: trx,
      actor: input.actor,
      action: 'tokens.created',
      target: { type: 'token', id: row.id },
      detail: { name: row.name, role: row.role, expires_at: iso(row.expires_at) },
    });
    return { ...presentToken(row, input.now ?? new Date()), token };
  });
}

/** Revokes a live token; false when there is none with that id. */
export async function revokeApiToken(input: { db: AnyDb; id: number; actor: AuditActor }): Promise<boolean> {
  return input.db.transaction().execute(async (trx) => {
    const row = await q.revokeApiToken(trx, input.id);
    if (!row) return false;
    await recordAudit({
      db: trx,
      actor: input.actor,
      action: 'tokens.revoked',
      target: { type: 'token', id: row.id },
      detail: { name: row.name, role: row.role },
    });
    return true;
  });
}

export async function listApiTokens(input: { db: AnyDb; now: Date }): Promise<ApiToken[]> {
  return (await q.listApiTokens(input.db)).map((row) => presentToken(row, input.now));
}

export type TokenCaller = { tokenId: number; role: Role; name: string };

/**
 * The caller behind a Bearer token, or null when it is unknown or revoked; an expired token is refused
 * with its own message so its owner knows to make a new one.
 */
export async function callerFromApiToken(input: { db: AnyDb; token: string; now: Date }): Promise<TokenCaller | null> {
  if (!input.token.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.useApiToken(input.db, sha256(input.token), input.now);
  if (!row) return null;
  if (row.expires_at && row.expires_at <= input.now) {
    throw new AppError('unauthenticated', `the API token expired at ${row.expires_at.toISOString()}`, {
      messageCode: 'auth.token_expired',
      params: { expired_at: row.expires_at.toISOString() },
    });
  }
  return { tokenId: row.id, role: row.role, name: row.name };
}
