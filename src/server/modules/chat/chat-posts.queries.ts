// SQL of chat posts: which channels a campaign's chat variants reach (one set-based statement over
// the campaign's resolved recipients), writing them as the ledger, claiming one due post at a time
// within its webhook's rate window, recording what happened, and the log a campaign shows.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ChatKind } from '../../../shared/chat.js';
import { selectAudienceRows } from '../people/index.js';

/** A channel as resolution needs it: its id and the compiled predicate of its audience. */
export type ResolvableChannel = { id: number; where: RawBuilder<boolean> };

export type PlannedPost = { chat_channel_id: number; variant_key: string; language: string; people: number };

/**
 * For each channel and chat variant whose recipients the channel's audience matches: the language
 * most of them have (ties: the campaign's default, then alphabetical) and how many they are.
 */
export function plannedPostsSql(input: { recipients: RawBuilder<unknown>; channels: ResolvableChannel[]; defaultLanguage: string }): RawBuilder<PlannedPost> {
  const members = sql.join(
    input.channels.map((c) => sql`SELECT ${c.id}::bigint AS chat_channel_id, a.person_id FROM (${selectAudienceRows(c.where)}) AS a`),
    sql` UNION ALL `,
  );
  return sql<PlannedPost>`
    SELECT DISTINCT ON (g.chat_channel_id, g.variant_key) g.chat_channel_id, g.variant_key, g.language, g.people::int AS people
    FROM (
      SELECT m.chat_channel_id, r.variant_key, r.language, count(*) AS n,
        sum(count(*)) OVER (PARTITION BY m.chat_channel_id, r.variant_key) AS people
      FROM (${input.recipients}) AS r
      JOIN (${members}) AS m ON m.person_id = r.person_id
      WHERE r.channel = 'chat'
      GROUP BY m.chat_channel_id, r.variant_key, r.language
    ) AS g
    ORDER BY g.chat_channel_id, g.variant_key, g.n DESC, (g.language = ${input.defaultLanguage}::text) DESC, g.language`;
}

/** The planned posts as rows, with their channel's name and kind. */
export async function findPlannedPosts(db: AnyDb, planned: RawBuilder<PlannedPost>): Promise<(PlannedPost & { name: string; kind: ChatKind })[]> {
  const result = await sql<PlannedPost & { name: string; kind: ChatKind }>`
    SELECT x.chat_channel_id, x.variant_key, x.language, x.people, c.name, c.kind
    FROM (${planned}) AS x JOIN chat_channels AS c ON c.id = x.chat_channel_id
    ORDER BY c.name, x.variant_key`.execute(db);
  return result.rows;
}

/** Writes step 0's posts; existing ones stay (a fan-out run again after a crash adds only what is missing). */
export async function insertPosts(db: AnyDb, campaignId: number, planned: RawBuilder<PlannedPost>): Promise<number> {
  const result = await sql`
    INSERT INTO chat_posts (campaign_id, step, variant_key, language, chat_channel_id, channel_name, channel_kind, people)
    SELECT ${campaignId}, 0, x.variant_key, x.language, x.chat_channel_id, c.name, c.kind, x.people
    FROM (${planned}) AS x JOIN chat_channels AS c ON c.id = x.chat_channel_id
    ON CONFLICT (campaign_id, step, variant_key, chat_channel_id) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Posts whose channel was deleted or disabled since the fan-out go nowhere, with the reason. */
export async function suppressOrphans(db: AnyDb, campaignId: number): Promise<void> {
  await sql`
    UPDATE chat_posts AS p SET state = 'suppressed', lease_until = NULL,
      reason = CASE WHEN p.chat_channel_id IS NULL THEN 'channel_deleted' ELSE 'channel_disabled' END
    WHERE p.campaign_id = ${campaignId}
      AND (p.state = 'queued' OR (p.state = 'sending' AND p.lease_until < now()))
      AND (p.chat_channel_id IS NULL OR EXISTS (SELECT 1 FROM chat_channels AS c WHERE c.id = p.chat_channel_id AND NOT c.enabled))`.execute(db);
}

export type ClaimedPost = { id: number; step: number; variant_key: string; language: string; chat_channel_id: number; attempts: number };

/**
 * Takes one due post of the campaign whose webhook's rate window is open (queued and due, or left in
 * 'sending' past its lease by a sender that died), leases it, and closes that webhook's window for a
 * second: posts to one webhook go out at most one a second, whichever process sends them.
 */
export async function claimDuePost(db: AnyDb, input: { campaignId: number; leaseSeconds: number }): Promise<ClaimedPost | null> {
  const result = await sql<ClaimedPost>`
    WITH pick AS (
      SELECT p.id, c.id AS channel_id FROM chat_posts AS p JOIN chat_channels AS c ON c.id = p.chat_channel_id
      WHERE p.campaign_id = ${input.campaignId} AND c.enabled AND c.next_post_at <= now()
        AND ((p.state = 'queued' AND p.next_attempt_at <= now()) OR (p.state = 'sending' AND p.lease_until < now()))
      ORDER BY p.id LIMIT 1
      FOR UPDATE OF p, c SKIP LOCKED
    ), window_closed AS (
      UPDATE chat_channels SET next_post_at = now() + interval '1 second' WHERE id IN (SELECT channel_id FROM pick) RETURNING id
    )
    UPDATE chat_posts AS p SET state = 'sending', attempts = p.attempts + 1, lease_until = now() + make_interval(secs => ${input.leaseSeconds})
    FROM pick WHERE p.id = pick.id
    RETURNING p.id, p.step, p.variant_key, p.language, p.chat_channel_id, p.attempts`.execute(db);
  return result.rows[0] ?? null;
}

export async function markPostSent(db: AnyDb, id: number): Promise<void> {
  await sql`UPDATE chat_posts SET state = 'sent', sent_at = now(), lease_until = NULL, error = NULL WHERE id = ${id} AND state = 'sending'`.execute(db);
}

/**
 * A passing failure: try again at `retryAt` (and, after a 429, keep the whole webhook quiet until
 * then), or give up (`failed`, gave_up) when it is null.
 */
export async function markPostRetry(
  db: AnyDb,
  input: { id: number; channelId: number; error: string; retryAt: Date | null; throttled: boolean },
): Promise<void> {
  await sql`
    UPDATE chat_posts SET state = CASE WHEN ${input.retryAt}::timestamptz IS NULL THEN 'failed' ELSE 'queued' END,
      reason = CASE WHEN ${input.retryAt}::timestamptz IS NULL THEN 'gave_up' ELSE reason END,
      next_attempt_at = coalesce(${input.retryAt}::timestamptz, next_attempt_at), lease_until = NULL, error = ${input.error}
    WHERE id = ${input.id} AND state = 'sending'`.execute(db);
  if (input.throttled && input.retryAt) {
    await sql`UPDATE chat_channels SET next_post_at = greatest(next_post_at, ${input.retryAt}::timestamptz) WHERE id = ${input.channelId}`.execute(db);
  }
}

/** A refusal for good: failed with the reason. */
export async function markPostFailed(db: AnyDb, id: number, reason: string, error: string): Promise<void> {
  await sql`UPDATE chat_posts SET state = 'failed', reason = ${reason}, lease_until = NULL, error = ${error} WHERE id = ${id} AND state = 'sending'`.execute(
    db,
  );
}

/** Posts still to be made, and when the next one is due (its own time or its webhook's window, whichever is later). */
export async function openPosts(db: AnyDb, campaignId: number): Promise<{ open: number; next_due: Date | null }> {
  const result = await sql<{ open: number; next_due: Date | null }>`
    SELECT count(*)::int AS open,
      min(CASE WHEN p.state = 'queued' THEN greatest(p.next_attempt_at, coalesce(c.next_post_at, p.next_attempt_at)) ELSE p.lease_until END) AS next_due
    FROM chat_posts AS p LEFT JOIN chat_channels AS c ON c.id = p.chat_channel_id
    WHERE p.campaign_id = ${campaignId} AND p.state IN ('queued', 'sending')`.execute(db);
  return result.rows[0] ?? { open: 0, next_due: null };
}

/** Campaigns with a chat post due now (queued and due, or a lapsed lease). */
export async function findCampaignsWithDuePosts(db: AnyDb): Promise<number[]> {
  const result = await sql<{ campaign_id: number }>`
    SELECT DISTINCT campaign_id FROM chat_posts
    WHERE (state = 'queued' AND next_attempt_at <= now()) OR (state = 'sending' AND lease_until < now())`.execute(db);
  return result.rows.map((r) => r.campaign_id);
}

/** A cancelled campaign's posts that have not gone out stay unsent. */
export async function suppressQueuedPosts(db: AnyDb, campaignId: number): Promise<number> {
  const result = await sql`
    UPDATE chat_posts SET state = 'suppressed', reason = 'cancelled', lease_until = NULL
    WHERE campaign_id = ${campaignId} AND state = 'queued'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type PostRow = {
  id: number;
  chat_channel_id: number | null;
  channel_name: string;
  channel_kind: ChatKind;
  variant_key: string;
  language: string;
  step: number;
  people: number;
  state: string;
  reason: string | null;
  attempts: number;
  sent_at: Date | null;
};

export async function listPosts(db: AnyDb, campaignId: number): Promise<PostRow[]> {
  const result = await sql<PostRow>`
    SELECT id, chat_channel_id, channel_name, channel_kind, variant_key, language, step, people, state, reason, attempts, sent_at
    FROM chat_posts WHERE campaign_id = ${campaignId} ORDER BY step, channel_name, variant_key, id`.execute(db);
  return result.rows;
}
