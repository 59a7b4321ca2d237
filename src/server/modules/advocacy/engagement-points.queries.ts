// The SQL of points beyond the ledger (ADR 0031, ADR 0032): participation, sums, badges, the ledger's
// pages, leaderboards, watermarks and the influence score's share inputs.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { PointAction } from '../../../shared/advocacy.js';

export type ParticipantRow = { person_id: number; joined_at: Date; leaderboard_opt_out: boolean };

export async function findParticipant(db: AnyDb, personId: number): Promise<ParticipantRow | null> {
  const { rows } = await sql<ParticipantRow>`SELECT person_id, joined_at, leaderboard_opt_out FROM advocacy_participants WHERE person_id = ${personId}`.execute(
    db,
  );
  return rows[0] ?? null;
}

/** Joins (or updates the opt-out of) a person; `optOut` null keeps what was stored. */
export async function upsertParticipant(db: AnyDb, personId: number, optOut: boolean | null, at: Date): Promise<void> {
  await sql`INSERT INTO advocacy_participants (person_id, joined_at, leaderboard_opt_out) VALUES (${personId}, ${at}, ${optOut ?? false})
    ON CONFLICT (person_id) DO UPDATE SET leaderboard_opt_out = coalesce(${optOut}::boolean, advocacy_participants.leaderboard_opt_out)`.execute(db);
}

/** Leaves the programme: the ledger and badges stay, the person is off every board. */
export async function deleteParticipant(db: AnyDb, personId: number): Promise<void> {
  await sql`DELETE FROM advocacy_participants WHERE person_id = ${personId}`.execute(db);
}

export async function sumPoints(db: AnyDb, personId: number, weekStart: Date, monthStart: Date): Promise<{ total: number; week: number; month: number }> {
  const { rows } = await sql<{ total: string; week: string; month: string }>`SELECT coalesce(sum(points), 0) AS total,
      coalesce(sum(points) FILTER (WHERE occurred_at >= ${weekStart}), 0) AS week,
      coalesce(sum(points) FILTER (WHERE occurred_at >= ${monthStart}), 0) AS month
    FROM advocacy_points WHERE person_id = ${personId}`.execute(db);
  return { total: Number(rows[0]!.total), week: Number(rows[0]!.week), month: Number(rows[0]!.month) };
}

export async function findBadges(db: AnyDb, personId: number): Promise<{ badge: string; awarded_at: Date }[]> {
  return (
    await sql<{
      badge: string;
      awarded_at: Date;
    }>`SELECT badge, awarded_at FROM advocacy_badges WHERE person_id = ${personId} ORDER BY awarded_at, badge`.execute(db)
  ).rows;
}

/** Awards badges once (the primary key); returns those that are new. */
export async function insertBadges(db: AnyDb, personId: number, badges: string[], at: Date): Promise<string[]> {
  if (badges.length === 0) return [];
  const { rows } = await sql<{ badge: string }>`INSERT INTO advocacy_badges (person_id, badge, awarded_at)
    SELECT ${personId}, b, ${at} FROM unnest(${badges}::text[]) AS b
    ON CONFLICT (person_id, badge) DO NOTHING RETURNING badge`.execute(db);
  return rows.map((r) => r.badge);
}

export type BadgeStats = {
  shares: number;
  unique_clicks: number;
  share_weeks: number;
  help_resolved: number;
  kudos_received: number;
  referrals_won: number;
  total: number;
};

/** What a person's milestone badges are measured by. */
export async function findBadgeStats(db: AnyDb, personId: number): Promise<BadgeStats> {
  const { rows } = await sql<Record<keyof BadgeStats, string>>`SELECT
      (SELECT count(*) FROM advocacy_shares s JOIN advocacy_links l ON l.code = s.code WHERE l.person_id = ${personId}) AS shares,
      (SELECT count(*) FROM advocacy_clicks c JOIN advocacy_links l ON l.code = c.code
        WHERE l.person_id = ${personId} AND c.is_unique AND c.machine_reason IS NULL) AS unique_clicks,
      (SELECT count(DISTINCT date_trunc('week', s.shared_at AT TIME ZONE 'UTC')) FROM advocacy_shares s JOIN advocacy_links l ON l.code = s.code
        WHERE l.person_id = ${personId}) AS share_weeks,
      (SELECT count(*) FROM advocacy_points WHERE person_id = ${personId} AND action = 'help_resolved') AS help_resolved,
      (SELECT count(*) FROM advocacy_points WHERE person_id = ${personId} AND action = 'kudos_received') AS kudos_received,
      (SELECT count(*) FROM advocacy_points WHERE person_id = ${personId} AND action = 'referral_converted') AS referrals_won,
      (SELECT coalesce(sum(points), 0) FROM advocacy_points WHERE person_id = ${personId}) AS total`.execute(db);
  const r = rows[0]!;
  return {
    shares: Number(r.shares),
    unique_clicks: Number(r.unique_clicks),
    share_weeks: Number(r.share_weeks),
    help_resolved: Number(r.help_resolved),
    kudos_received: Number(r.kudos_received),
    referrals_won: Number(r.referrals_won),
    total: Number(r.total),
  };
}

/** People with points since `since`: whose badges may be due. */
export async function findPeopleWithPointsSince(db: AnyDb, since: Date): Promise<number[]> {
  return (await sql<{ person_id: string }>`SELECT DISTINCT person_id FROM advocacy_points WHERE occurred_at > ${since}`.execute(db)).rows.map((r) =>
    Number(r.person_id),
  );
}

export type PointRow = { id: number; action: PointAction; source: string; points: number; capped: boolean; occurred_at: Date };

/** A person's ledger, newest first, ids below `beforeId`; one more than `limit` tells there is a next page. */
export async function findPoints(db: AnyDb, personId: number, beforeId: number | null, limit: number): Promise<PointRow[]> {
  return (
    await sql<PointRow>`SELECT id, action, source, points, capped, occurred_at FROM advocacy_points
      WHERE person_id = ${personId} AND (${beforeId}::bigint IS NULL OR id < ${beforeId}::bigint)
      ORDER BY id DESC LIMIT ${limit + 1}`.execute(db)
  ).rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function findParticipantIds(db: AnyDb, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ person_id: string }>`SELECT person_id FROM advocacy_participants WHERE person_id = ANY(${ids}::bigint[])`.execute(db);
  return new Set(rows.map((r) => Number(r.person_id)));
}

export async function readWatermark(db: AnyDb, source: string): Promise<Date | null> {
  const { rows } = await sql<{ read_until: Date }>`SELECT read_until FROM advocacy_watermarks WHERE source = ${source}`.execute(db);
  return rows[0]?.read_until ?? null;
}

/** Moves a watermark forward (never back, also when two runs overlap). */
export async function writeWatermark(db: AnyDb, source: string, until: Date): Promise<void> {
  await sql`INSERT INTO advocacy_watermarks (source, read_until) VALUES (${source}, ${until})
    ON CONFLICT (source) DO UPDATE SET read_until = greatest(advocacy_watermarks.read_until, excluded.read_until)`.execute(db);
}

export type BoardRow = { id: number; external_id: string; display_name: string; department: string | null; points: number; total: number; rank: number };

/**
 * Everyone on a board: active participants who did not opt out, in the department or under the leader
 * (org_path holds the leader), with their points in [from, to) and in all, ranked (ties share a rank).
 */
export async function findBoard(db: AnyDb, scope: { from: Date | null; to: Date; department: string | null; leaderId: number | null }): Promise<BoardRow[]> {
  const { rows } = await sql<BoardRow>`WITH board AS (
      SELECT p.id, p.external_id, p.given_name || ' ' || p.family_name AS display_name, p.department,
        coalesce((SELECT sum(ap.points) FROM advocacy_points ap WHERE ap.person_id = p.id
          AND (${scope.from}::timestamptz IS NULL OR ap.occurred_at >= ${scope.from}::timestamptz) AND ap.occurred_at < ${scope.to}), 0)::int AS points,
        coalesce((SELECT sum(ap.points) FROM advocacy_points ap WHERE ap.person_id = p.id), 0)::int AS total
      FROM advocacy_participants a JOIN people p ON p.id = a.person_id
      WHERE NOT a.leaderboard_opt_out AND p.status = 'active'
        AND (${scope.department}::text IS NULL OR p.department = ${scope.department}::text)
        AND (${scope.leaderId}::bigint IS NULL OR p.org_path @> ARRAY[${scope.leaderId}::bigint])
    )
    SELECT id, external_id, display_name, department, points, total, rank() OVER (ORDER BY points DESC)::int AS rank
    FROM board ORDER BY points DESC, display_name, id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function sumPointsBetween(db: AnyDb, personId: number, from: Date | null, to: Date): Promise<number> {
  const { rows } = await sql<{ s: string }>`SELECT coalesce(sum(points), 0) AS s FROM advocacy_points WHERE person_id = ${personId}
    AND (${from}::timestamptz IS NULL OR occurred_at >= ${from}::timestamptz) AND occurred_at < ${to}`.execute(db);
  return Number(rows[0]!.s);
}

export async function findPersonByExternalId(db: AnyDb, externalId: string): Promise<{ id: number; department: string | null } | null> {
  const { rows } = await sql<{ id: string; department: string | null }>`SELECT id, department FROM people WHERE external_id = ${externalId}`.execute(db);
  return rows[0] ? { id: Number(rows[0].id), department: rows[0].department } : null;
}

export type PersonBasics = { id: number; department: string | null; status: string; leader_id: number; leader_external_id: string };

/** A person with their department and team leader (their manager, or themselves without one). */
export async function findPersonBasics(db: AnyDb, id: number): Promise<PersonBasics | null> {
  const { rows } = await sql<{ id: string; department: string | null; status: string; leader_id: string; leader_external_id: string }>`
    SELECT p.id, p.department, p.status, coalesce(m.id, p.id) AS leader_id, coalesce(m.external_id, p.external_id) AS leader_external_id
    FROM people p LEFT JOIN people m ON m.id = p.manager_id WHERE p.id = ${id}`.execute(db);
  const r = rows[0];
  return r ? { id: Number(r.id), department: r.department, status: r.status, leader_id: Number(r.leader_id), leader_external_id: r.leader_external_id } : null;
}

export type ShareUnitRow = { person_id: number; code: string; shared_at: Date; adapted: boolean };

/** Links shared since `since` by the given people: one share unit per link, dated by its first share. */
export async function findShareUnits(db: AnyDb, personIds: number[], since: Date): Promise<ShareUnitRow[]> {
  if (personIds.length === 0) return [];
  return (
    await sql<ShareUnitRow>`SELECT l.person_id, l.code, min(s.shared_at) AS shared_at, bool_or(s.adapted) AS adapted
      FROM advocacy_links l JOIN advocacy_shares s ON s.code = l.code
      WHERE l.person_id = ANY(${personIds}::bigint[]) AND s.shared_at > ${since}
      GROUP BY l.person_id, l.code`.execute(db)
  ).rows.map((r) => ({ ...r, person_id: Number(r.person_id) }));
}

/** Unique human clicks per link and day, dated by the day's first. */
export async function findClicksByDay(db: AnyDb, codes: string[]): Promise<{ code: string; at: Date; n: number }[]> {
  if (codes.length === 0) return [];
  return (
    await sql<{ code: string; at: Date; n: string }>`SELECT code, min(occurred_at) AS at, count(*) AS n FROM advocacy_clicks
      WHERE code = ANY(${codes}::text[]) AND is_unique AND machine_reason IS NULL GROUP BY code, day`.execute(db)
  ).rows.map((r) => ({ code: r.code, at: r.at, n: Number(r.n) }));
}

/** Every engagement report of the links, oldest first (the latest at a time counts). */
export async function findEngagementReports(
  db: AnyDb,
  codes: string[],
): Promise<{ code: string; reactions: number; comments: number; reshares: number; reported_at: Date }[]> {
  if (codes.length === 0) return [];
  return (
    await sql<{
      code: string;
      reactions: number;
      comments: number;
      reshares: number;
      reported_at: Date;
    }>`SELECT code, reactions, comments, reshares, reported_at
      FROM advocacy_engagement WHERE code = ANY(${codes}::text[]) ORDER BY reported_at, id`.execute(db)
  ).rows;
}

/** Active participants: the people the influence score ranks among (with the one asked about). */
export async function findActiveParticipantIds(db: AnyDb): Promise<number[]> {
  return (
    await sql<{ id: string }>`SELECT p.id FROM advocacy_participants a JOIN people p ON p.id = a.person_id WHERE p.status = 'active'`.execute(db)
  ).rows.map((r) => Number(r.id));
}
