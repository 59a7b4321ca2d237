// SQL of the leader cascade: who leads whom at the fan-out (the leaders' rows and their briefing
// deliveries, derived from the held deliveries so a fan-out run again adds only what is missing),
// a leader's briefing and draft, the release of a team (held -> queued, feed -> sent) by the leader
// or the deadline, and the per-leader report the communicator sees.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** A leader's draft: subject and body per variant and language. */
export type DraftTexts = Record<string, Record<string, { subject: string; body: string }>>;

export type LeaderRow = {
  campaign_id: number;
  person_id: number;
  team_size: number;
  deadline: Date;
  viewed_at: Date | null;
  draft: DraftTexts;
  draft_saved_at: Date | null;
  released_at: Date | null;
  released_by: 'leader' | 'deadline' | null;
  on_time: boolean | null;
  /** When the briefing mail went out (null: not yet, or it could not be sent). */
  briefed_at: Date | null;
  briefing_state: string | null;
};

const LEADER_COLUMNS = sql`c.campaign_id, c.person_id, c.team_size, c.deadline, c.viewed_at, c.draft, c.draft_saved_at, c.released_at, c.released_by, c.on_time,
  b.sent_at AS briefed_at, b.state AS briefing_state`;
const BRIEFING_JOIN = sql`LEFT JOIN deliveries AS b ON b.campaign_id = c.campaign_id AND b.person_id = c.person_id AND b.step = -1 AND b.channel = 'email'`;

/**
 * The campaign's leaders, from its held deliveries (each with the size of their team), and one
 * briefing e-mail (step -1) for each in their own variant and language. Idempotent.
 */
export async function insertLeadersAndBriefings(db: AnyDb, input: { campaignId: number; deadline: Date }): Promise<number> {
  await sql`
    INSERT INTO cascade_leaders (campaign_id, person_id, team_size, deadline)
    SELECT campaign_id, leader_person_id, count(DISTINCT person_id)::int, ${input.deadline}::timestamptz
    FROM deliveries WHERE campaign_id = ${input.campaignId} AND step = 0 AND leader_person_id IS NOT NULL
    GROUP BY campaign_id, leader_person_id
    ON CONFLICT (campaign_id, person_id) DO UPDATE SET team_size = EXCLUDED.team_size WHERE cascade_leaders.released_at IS NULL`.execute(db);
  const result = await sql`
    INSERT INTO deliveries (campaign_id, step, person_id, channel, variant_key, language, state)
    SELECT DISTINCT ON (d.person_id) d.campaign_id, -1, d.person_id, 'email', d.variant_key, d.language, 'queued'
    FROM deliveries AS d JOIN cascade_leaders AS c ON c.campaign_id = d.campaign_id AND c.person_id = d.person_id
    WHERE d.campaign_id = ${input.campaignId} AND d.step = 0
    ORDER BY d.person_id, d.id
    ON CONFLICT (campaign_id, step, person_id, channel) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function findLeader(db: AnyDb, campaignId: number, personId: number): Promise<LeaderRow | null> {
  const result = await sql<LeaderRow>`
    SELECT ${LEADER_COLUMNS} FROM cascade_leaders AS c ${BRIEFING_JOIN}
    WHERE c.campaign_id = ${campaignId} AND c.person_id = ${personId}`.execute(db);
  return result.rows[0] ?? null;
}

/** A leader's briefings, newest campaign first, after the campaign `before`. */
export async function listLeaderBriefings(db: AnyDb, input: { personId: number; before?: number; limit: number }): Promise<LeaderRow[]> {
  const result = await sql<LeaderRow>`
    SELECT ${LEADER_COLUMNS} FROM cascade_leaders AS c ${BRIEFING_JOIN}
    WHERE c.person_id = ${input.personId} AND (${input.before ?? null}::bigint IS NULL OR c.campaign_id < ${input.before ?? null}::bigint)
    ORDER BY c.campaign_id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

/** A campaign's leaders in person id order after `after`, for the communicator. */
export async function listCampaignLeaders(db: AnyDb, input: { campaignId: number; after?: number; limit: number }): Promise<LeaderRow[]> {
  const result = await sql<LeaderRow>`
    SELECT ${LEADER_COLUMNS} FROM cascade_leaders AS c ${BRIEFING_JOIN}
    WHERE c.campaign_id = ${input.campaignId} AND c.person_id > ${input.after ?? 0}
    ORDER BY c.person_id LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export type CascadeTotals = { leaders: number; briefed: number; viewed: number; released: number; on_time: number; by_deadline: number; team_members: number };

export async function countCascade(db: AnyDb, campaignId: number): Promise<CascadeTotals> {
  const result = await sql<CascadeTotals>`
    SELECT count(*)::int AS leaders,
      count(*) FILTER (WHERE b.state = 'sent')::int AS briefed,
      count(*) FILTER (WHERE c.viewed_at IS NOT NULL)::int AS viewed,
      count(*) FILTER (WHERE c.released_by = 'leader')::int AS released,
      count(*) FILTER (WHERE c.released_by = 'leader' AND c.on_time)::int AS on_time,
      count(*) FILTER (WHERE c.released_by = 'deadline')::int AS by_deadline,
      coalesce(sum(c.team_size), 0)::int AS team_members
    FROM cascade_leaders AS c ${BRIEFING_JOIN} WHERE c.campaign_id = ${campaignId}`.execute(db);
  return result.rows[0]!;
}

/** The cascade totals of each of these campaigns that has leaders (campaigns without any are left out). */
export async function countCascadeByCampaign(db: AnyDb, campaignIds: number[]): Promise<(CascadeTotals & { campaign_id: number })[]> {
  if (campaignIds.length === 0) return [];
  const result = await sql<CascadeTotals & { campaign_id: string }>`
    SELECT c.campaign_id, count(*)::int AS leaders,
      count(*) FILTER (WHERE b.state = 'sent')::int AS briefed,
      count(*) FILTER (WHERE c.viewed_at IS NOT NULL)::int AS viewed,
      count(*) FILTER (WHERE c.released_by = 'leader')::int AS released,
      count(*) FILTER (WHERE c.released_by = 'leader' AND c.on_time)::int AS on_time,
      count(*) FILTER (WHERE c.released_by = 'deadline')::int AS by_deadline,
      coalesce(sum(c.team_size), 0)::int AS team_members
    FROM cascade_leaders AS c ${BRIEFING_JOIN} WHERE c.campaign_id = ANY(${campaignIds}::bigint[])
    GROUP BY c.campaign_id`.execute(db);
  return result.rows.map((r) => ({ ...r, campaign_id: Number(r.campaign_id) }));
}

/** Variants and languages of a leader's team (step 0), with how many people get each. */
export async function findTeamVersions(db: AnyDb, campaignId: number, personId: number): Promise<{ variant: string; language: string; people: number }[]> {
  const result = await sql<{ variant: string; language: string; people: number }>`
    SELECT variant_key AS variant, language, count(DISTINCT person_id)::int AS people FROM deliveries
    WHERE campaign_id = ${campaignId} AND step = 0 AND leader_person_id = ${personId}
    GROUP BY variant_key, language ORDER BY variant_key, language`.execute(db);
  return result.rows;
}

/** The first time the leader opens their briefing. */
export async function markViewed(db: AnyDb, campaignId: number, personId: number, now: Date): Promise<void> {
  await sql`UPDATE cascade_leaders SET viewed_at = ${now} WHERE campaign_id = ${campaignId} AND person_id = ${personId} AND viewed_at IS NULL`.execute(db);
}

/** Replaces a leader's draft while the team is not released; false once it is. */
export async function saveDraft(db: AnyDb, input: { campaignId: number; personId: number; draft: DraftTexts; now: Date }): Promise<boolean> {
  const result = await sql`
    UPDATE cascade_leaders SET draft = ${JSON.stringify(input.draft)}::jsonb, draft_saved_at = ${input.now}, viewed_at = coalesce(viewed_at, ${input.now})
    WHERE campaign_id = ${input.campaignId} AND person_id = ${input.personId} AND released_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Marks the leader's team released by the leader (on time when by the deadline); null when it already was (locked until commit). */
export async function releaseByLeader(trx: AnyDb, input: { campaignId: number; personId: number; now: Date }): Promise<{ on_time: boolean } | null> {
  const result = await sql<{ on_time: boolean }>`
    UPDATE cascade_leaders SET released_at = ${input.now}, released_by = 'leader', on_time = ${input.now}::timestamptz <= deadline,
      viewed_at = coalesce(viewed_at, ${input.now})
    WHERE campaign_id = ${input.campaignId} AND person_id = ${input.personId} AND released_at IS NULL
    RETURNING on_time`.execute(trx);
  return result.rows[0] ?? null;
}

/** Marks every team of the campaign not yet released as released by the deadline, once it has passed. */
export async function releaseAtDeadline(trx: AnyDb, input: { campaignId: number; now: Date }): Promise<number> {
  const result = await sql`
    UPDATE cascade_leaders SET released_at = ${input.now}, released_by = 'deadline', on_time = false
    WHERE campaign_id = ${input.campaignId} AND released_at IS NULL AND deadline <= ${input.now}::timestamptz`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Hands every held delivery of the campaign whose leader has released (or is gone) to the sender:
 * e-mail queued (at its own time when sent at a local time), feed delivered. Answers how many.
 */
export async function releaseHeld(trx: AnyDb, campaignId: number): Promise<number> {
  const result = await sql`
    UPDATE deliveries AS d SET
      state = CASE WHEN d.channel = 'feed' THEN 'sent' ELSE 'queued' END,
      sent_at = CASE WHEN d.channel = 'feed' THEN greatest(now(), d.next_attempt_at) ELSE NULL END,
      next_attempt_at = greatest(now(), d.next_attempt_at)
    WHERE d.campaign_id = ${campaignId} AND d.state = 'held'
      AND (d.leader_person_id IS NULL OR EXISTS (
        SELECT 1 FROM cascade_leaders AS c
        WHERE c.campaign_id = d.campaign_id AND c.person_id = d.leader_person_id AND c.released_at IS NOT NULL))`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Campaigns with held deliveries that are due for release: their leader released (or is gone), or
 * the deadline has passed. A cancelled campaign has none (cancel suppresses held deliveries).
 */
export async function findCampaignsWithDueRelease(db: AnyDb, now: Date): Promise<number[]> {
  const result = await sql<{ campaign_id: number }>`
    SELECT DISTINCT d.campaign_id FROM deliveries AS d
    WHERE d.state = 'held' AND (d.leader_person_id IS NULL OR EXISTS (
      SELECT 1 FROM cascade_leaders AS c
      WHERE c.campaign_id = d.campaign_id AND c.person_id = d.leader_person_id AND (c.released_at IS NOT NULL OR c.deadline <= ${now}::timestamptz)))`.execute(
    db,
  );
  return result.rows.map((r) => r.campaign_id);
}

export type Release = { person_id: number; released_by: 'leader' | 'deadline'; released_at: Date; draft: DraftTexts };

/** The releases of these leaders in a campaign, by leader (the sender and the feed render from them). */
export async function findReleases(db: AnyDb, campaignId: number, leaderIds: number[]): Promise<Map<number, Release>> {
  if (leaderIds.length === 0) return new Map();
  const result = await sql<Release>`
    SELECT person_id, released_by, released_at, draft FROM cascade_leaders
    WHERE campaign_id = ${campaignId} AND person_id = ANY(${leaderIds}::bigint[]) AND released_at IS NOT NULL`.execute(db);
  return new Map(result.rows.map((r) => [r.person_id, r]));
}

/** One member of the leader's team who gets this variant and language (for a preview), or null. */
export async function findTeamMember(db: AnyDb, input: { campaignId: number; leaderId: number; variant: string; language: string }): Promise<number | null> {
  const result = await sql<{ person_id: number }>`
    SELECT person_id FROM deliveries
    WHERE campaign_id = ${input.campaignId} AND step = 0 AND leader_person_id = ${input.leaderId}
      AND variant_key = ${input.variant} AND language = ${input.language}
    ORDER BY person_id LIMIT 1`.execute(db);
  return result.rows[0]?.person_id ?? null;
}
