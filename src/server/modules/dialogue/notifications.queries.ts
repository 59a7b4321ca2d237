// SQL of the notifications a person sees in their feed: replies to their comments, mentions of them.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type NewNotification = { personId: number; kind: 'reply' | 'mention'; campaignId: number; commentId: number; actorId: number };

/** Adds notifications; the same kind for the same person and comment again (an edit) adds nothing. */
export async function insertNotifications(db: AnyDb, rows: NewNotification[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO notifications (person_id, kind, campaign_id, comment_id, actor_id, created_at)
    SELECT * FROM unnest(${rows.map((r) => r.personId)}::bigint[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.campaignId)}::bigint[],
      ${rows.map((r) => r.commentId)}::bigint[], ${rows.map((r) => r.actorId)}::bigint[], ${rows.map(() => now.toISOString())}::timestamptz[])
    ON CONFLICT (person_id, comment_id, kind) DO NOTHING`.execute(db);
}

/** A mention taken out by an edit takes its unread notification along. */
export async function deleteUnreadMentions(db: AnyDb, commentId: number, keep: number[]): Promise<void> {
  await sql`
    DELETE FROM notifications WHERE comment_id = ${commentId} AND kind = 'mention' AND read_at IS NULL AND NOT (person_id = ANY(${keep}::bigint[]))`.execute(
    db,
  );
}

export type NotificationRow = {
  id: number;
  kind: 'reply' | 'mention';
  campaign_id: number;
  comment_id: number;
  actor_id: number | null;
  created_at: Date;
  read_at: Date | null;
};

/** A person's notifications newest first, before the notification `before`. */
export async function listNotifications(db: AnyDb, input: { personId: number; before?: number; limit: number }): Promise<NotificationRow[]> {
  const result = await sql<NotificationRow>`
    SELECT id, kind, campaign_id, comment_id, actor_id, created_at, read_at FROM notifications
    WHERE person_id = ${input.personId} AND (${input.before ?? null}::bigint IS NULL OR id < ${input.before ?? null}::bigint)
    ORDER BY id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export async function countUnreadNotifications(db: AnyDb, personId: number): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND read_at IS NULL`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Marks the person's notifications read: those of `ids`, or all. */
export async function markNotificationsRead(db: AnyDb, input: { personId: number; ids?: number[]; now: Date }): Promise<void> {
  await sql`
    UPDATE notifications SET read_at = ${input.now}
    WHERE person_id = ${input.personId} AND read_at IS NULL AND (${input.ids ?? null}::bigint[] IS NULL OR id = ANY(${input.ids ?? null}::bigint[]))`.execute(
    db,
  );
}
