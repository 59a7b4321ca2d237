// SQL of chat channels: the admin's list and changes, and the webhook URL read only by the sender.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ChatKind } from '../../../shared/chat.js';

export type ChatChannelRow = {
  id: number;
  name: string;
  kind: ChatKind;
  webhook_hint: string;
  audience: Record<string, unknown>;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
};

/** Never the URL: what the API may show. */
const COLUMNS = sql`id, name, kind, webhook_hint, audience, enabled, created_at, updated_at`;

/** Inserts a channel; null when the name is taken. */
export async function insertChannel(
  db: AnyDb,
  v: { name: string; kind: ChatKind; url: string; hint: string; audience: unknown; enabled: boolean; userId: number | null },
): Promise<ChatChannelRow | null> {
  const result = await sql<ChatChannelRow>`
    INSERT INTO chat_channels (name, kind, webhook_url, webhook_hint, audience, enabled, created_by_user_id)
    VALUES (${v.name}, ${v.kind}, ${v.url}, ${v.hint}, ${JSON.stringify(v.audience)}::jsonb, ${v.enabled}, ${v.userId})
    ON CONFLICT (name) DO NOTHING
    RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

/** Changes the given fields; 'taken' when the new name belongs to another channel, null when there is no such channel. */
export async function updateChannel(
  db: AnyDb,
  id: number,
  v: { name?: string; url?: string; hint?: string; audience?: unknown; enabled?: boolean },
): Promise<ChatChannelRow | 'taken' | null> {
  if (v.name !== undefined) {
    const clash = await sql<{ id: number }>`SELECT id FROM chat_channels WHERE name = ${v.name} AND id <> ${id}`.execute(db);
    if (clash.rows.length > 0) return 'taken';
  }
  const result = await sql<ChatChannelRow>`
    UPDATE chat_channels SET
      name = coalesce(${v.name ?? null}::text, name),
      webhook_url = coalesce(${v.url ?? null}::text, webhook_url),
      webhook_hint = coalesce(${v.hint ?? null}::text, webhook_hint),
      audience = coalesce(${v.audience === undefined ? null : JSON.stringify(v.audience)}::jsonb, audience),
      enabled = coalesce(${v.enabled ?? null}::boolean, enabled),
      updated_at = now()
    WHERE id = ${id}
    RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

export async function deleteChannel(db: AnyDb, id: number): Promise<boolean> {
  const result = await sql`DELETE FROM chat_channels WHERE id = ${id}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function findChannel(db: AnyDb, id: number): Promise<ChatChannelRow | null> {
  const result = await sql<ChatChannelRow>`SELECT ${COLUMNS} FROM chat_channels WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

export async function listChannels(db: AnyDb, input: { enabledOnly?: boolean } = {}): Promise<ChatChannelRow[]> {
  const result = await sql<ChatChannelRow>`
    SELECT ${COLUMNS} FROM chat_channels WHERE (${input.enabledOnly ?? false} = false OR enabled) ORDER BY name, id`.execute(db);
  return result.rows;
}

/** The secret itself: only for posting. */
export async function findWebhook(db: AnyDb, id: number): Promise<{ url: string; kind: ChatKind; enabled: boolean } | null> {
  const result = await sql<{ url: string; kind: ChatKind; enabled: boolean }>`
    SELECT webhook_url AS url, kind, enabled FROM chat_channels WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}
