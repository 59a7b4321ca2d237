// SQL of reactions on a campaign (comment_id NULL) or on a comment: one of each kind per person.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** Identifies "toggling one person's reactions on one campaign" among advisory locks. */
const REACTION_LOCK_KEY = 0x52_45_41; // 'REA'

export type ReactionTarget = { campaignId: number; commentId: number | null; personId: number; kind: string };

/**
 * Serialises the toggles of one person on one campaign until the transaction ends, so ten toggles at
 * once are ten toggles in turn (never two inserts or two deletes seeing the same state).
 */
export async function lockReactions(db: AnyDb, campaignId: number, personId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REACTION_LOCK_KEY}::int, hashtext(${`${campaignId}:${personId}`})::int)`.execute(db);
}

/** Removes the reaction; true when there was one. */
export async function deleteReaction(db: AnyDb, t: ReactionTarget): Promise<boolean> {
  const result = await sql`
    DELETE FROM reactions WHERE campaign_id = ${t.campaignId} AND coalesce(comment_id, 0) = ${t.commentId ?? 0} AND person_id = ${t.personId} AND kind = ${t.kind}`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function insertReaction(db: AnyDb, t: ReactionTarget, now: Date): Promise<void> {
  await sql`
    INSERT INTO reactions (campaign_id, comment_id, person_id, kind, created_at) VALUES (${t.campaignId}, ${t.commentId}, ${t.personId}, ${t.kind}, ${now})
    ON CONFLICT DO NOTHING`.execute(db);
}

export type ReactionCountRow = { comment_id: number | null; kind: string; count: number; mine: boolean };

/** Counts per kind of the campaign's own reactions and of `commentIds`', and whether `personId` is among them. */
export async function countReactions(db: AnyDb, input: { campaignId: number; commentIds: number[]; personId: number | null }): Promise<ReactionCountRow[]> {
  const result = await sql<ReactionCountRow>`
    SELECT comment_id, kind, count(*)::int AS count, coalesce(bool_or(person_id = ${input.personId}::bigint), false) AS mine
    FROM reactions
    WHERE campaign_id = ${input.campaignId} AND (comment_id IS NULL OR comment_id = ANY(${input.commentIds}::bigint[]))
    GROUP BY comment_id, kind`.execute(db);
  return result.rows;
}
