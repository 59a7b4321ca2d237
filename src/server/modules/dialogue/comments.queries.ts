// SQL of campaign comment threads: comments and replies, their mentions, reports and moderation.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type Hashtag = { tag: string; skill: string | null };

export type CommentRow = {
  id: number;
  campaign_id: number;
  parent_id: number | null;
  author_id: number | null;
  body: string;
  language: string;
  hashtags: Hashtag[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
};

const COLUMNS = sql`c.id, c.campaign_id, c.parent_id, c.author_id, c.body, c.language, c.hashtags, c.created_at, c.edited_at, c.deleted_at, c.hidden_at`;

export async function insertComment(
  db: AnyDb,
  input: { campaignId: number; parentId: number | null; authorId: number; body: string; language: string; hashtags: Hashtag[]; now: Date },
): Promise<CommentRow> {
  const result = await sql<CommentRow>`
    INSERT INTO comments AS c (campaign_id, parent_id, author_id, body, language, hashtags, created_at)
    VALUES (${input.campaignId}, ${input.parentId}, ${input.authorId}, ${input.body}, ${input.language}, ${JSON.stringify(input.hashtags)}::jsonb, ${input.now})
    RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0]!;
}

/** One comment; `lock` holds it until the transaction ends (edit, delete and moderation queue up). */
export async function findComment(db: AnyDb, id: number, lock = false): Promise<CommentRow | null> {
  const result = await sql<CommentRow>`SELECT ${COLUMNS} FROM comments AS c WHERE c.id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

export async function updateCommentBody(db: AnyDb, input: { id: number; body: string; language: string; hashtags: Hashtag[]; now: Date }): Promise<CommentRow> {
  const result = await sql<CommentRow>`
    UPDATE comments AS c SET body = ${input.body}, language = ${input.language}, hashtags = ${JSON.stringify(input.hashtags)}::jsonb, edited_at = ${input.now}
    WHERE c.id = ${input.id} RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0]!;
}

/** Deletes a comment without replies, else keeps it as a tombstone (no body, no mentions); true when kept. */
export async function deleteOrTombstone(db: AnyDb, id: number, now: Date): Promise<boolean> {
  const kept = await sql`
    UPDATE comments SET body = '', hashtags = '[]', deleted_at = ${now}
    WHERE id = ${id} AND EXISTS (SELECT 1 FROM comments WHERE parent_id = ${id})`.execute(db);
  if (Number(kept.numAffectedRows ?? 0) > 0) {
    await sql`DELETE FROM comment_mentions WHERE comment_id = ${id}`.execute(db);
    await sql`DELETE FROM notifications WHERE comment_id = ${id}`.execute(db);
    return true;
  }
  await sql`DELETE FROM comments WHERE id = ${id}`.execute(db);
  return false;
}

/** Top-level comments of a campaign oldest first, after the comment `after`. */
export async function listTopLevel(db: AnyDb, input: { campaignId: number; after?: number; limit: number }): Promise<CommentRow[]> {
  const result = await sql<CommentRow>`
    SELECT ${COLUMNS} FROM comments AS c
    WHERE c.campaign_id = ${input.campaignId} AND c.parent_id IS NULL AND (${input.after ?? null}::bigint IS NULL OR c.id > ${input.after ?? null}::bigint)
    ORDER BY c.id LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export async function listReplies(db: AnyDb, parentIds: number[]): Promise<CommentRow[]> {
  if (parentIds.length === 0) return [];
  const result = await sql<CommentRow>`SELECT ${COLUMNS} FROM comments AS c WHERE c.parent_id = ANY(${parentIds}::bigint[]) ORDER BY c.id`.execute(db);
  return result.rows;
}

/** Comments of the thread not deleted (hidden ones count: they are there). */
export async function countThread(db: AnyDb, campaignId: number): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM comments WHERE campaign_id = ${campaignId} AND deleted_at IS NULL`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Comments not deleted per campaign, for the campaigns that have any. */
export async function countThreads(db: AnyDb, campaignIds: number[]): Promise<{ campaign_id: number; comments: number }[]> {
  if (campaignIds.length === 0) return [];
  const result = await sql<{ campaign_id: number; comments: number }>`
    SELECT campaign_id, count(*)::int AS comments FROM comments
    WHERE campaign_id = ANY(${campaignIds}::bigint[]) AND deleted_at IS NULL GROUP BY campaign_id`.execute(db);
  return result.rows;
}

export async function replaceMentions(db: AnyDb, commentId: number, personIds: number[]): Promise<void> {
  await sql`DELETE FROM comment_mentions WHERE comment_id = ${commentId} AND NOT (person_id = ANY(${personIds}::bigint[]))`.execute(db);
  if (personIds.length === 0) return;
  await sql`
    INSERT INTO comment_mentions (comment_id, person_id) SELECT ${commentId}, p FROM unnest(${personIds}::bigint[]) AS p
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function findMentions(db: AnyDb, commentIds: number[]): Promise<{ comment_id: number; person_id: number }[]> {
  if (commentIds.length === 0) return [];
  const result = await sql<{ comment_id: number; person_id: number }>`
    SELECT comment_id, person_id FROM comment_mentions WHERE comment_id = ANY(${commentIds}::bigint[])`.execute(db);
  return result.rows;
}

/** Those of `commentIds` that `personId` reported. */
export async function findReportedBy(db: AnyDb, commentIds: number[], personId: number | null): Promise<Set<number>> {
  if (commentIds.length === 0 || personId === null) return new Set();
  const result = await sql<{ comment_id: number }>`
    SELECT comment_id FROM comment_reports WHERE reporter_id = ${personId} AND comment_id = ANY(${commentIds}::bigint[])`.execute(db);
  return new Set(result.rows.map((r) => r.comment_id));
}

/** A report, once per person and comment; false when they had reported it. */
export async function insertReport(db: AnyDb, input: { commentId: number; reporterId: number; reason: string; now: Date }): Promise<boolean> {
  const result = await sql`
    INSERT INTO comment_reports (comment_id, reporter_id, reason, created_at) VALUES (${input.commentId}, ${input.reporterId}, ${input.reason}, ${input.now})
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A moderator's decision: hidden or shown again (null keeps it), and its reports reviewed now. */
export async function setModerated(db: AnyDb, input: { id: number; hidden: boolean | null; now: Date }): Promise<void> {
  await sql`
    UPDATE comments SET reviewed_at = ${input.now},
      hidden_at = CASE WHEN ${input.hidden}::boolean IS NULL THEN hidden_at WHEN ${input.hidden}::boolean THEN coalesce(hidden_at, ${input.now}) END
    WHERE id = ${input.id}`.execute(db);
}

export type QueueRow = CommentRow & { reports: number; reasons: { reason: string; count: number }[]; last_reported_at: Date };

/** Comments with reports made since a moderator last decided, most reported first. */
export async function findModerationQueue(db: AnyDb, limit: number): Promise<QueueRow[]> {
  const result = await sql<QueueRow>`
    SELECT ${COLUMNS}, r.reports, r.reasons, r.last_reported_at
    FROM comments AS c
    JOIN LATERAL (
      SELECT count(*)::int AS reports, max(x.created_at) AS last_reported_at,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('reason', g.reason, 'count', g.n) ORDER BY g.n DESC, g.reason), '[]')
         FROM (SELECT reason, count(*)::int AS n FROM comment_reports WHERE comment_id = c.id GROUP BY reason) AS g) AS reasons
      FROM comment_reports AS x WHERE x.comment_id = c.id
    ) AS r ON r.reports > 0
    WHERE c.deleted_at IS NULL AND EXISTS (
      SELECT 1 FROM comment_reports AS n WHERE n.comment_id = c.id AND (c.reviewed_at IS NULL OR n.created_at > c.reviewed_at))
    ORDER BY r.reports DESC, r.last_reported_at DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The comments sentiment reads: not deleted, not hidden. */
export async function findSentimentComments(db: AnyDb, campaignId: number): Promise<{ body: string; language: string; author_id: number | null }[]> {
  const result = await sql<{ body: string; language: string; author_id: number | null }>`
    SELECT body, language, author_id FROM comments WHERE campaign_id = ${campaignId} AND deleted_at IS NULL AND hidden_at IS NULL`.execute(db);
  return result.rows;
}
