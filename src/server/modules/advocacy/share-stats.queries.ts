// Share statistics in SQL (ADR 0030): a sharer's own figures and the programme's analytics. Unique
// clicks are `is_unique` rows (human, first of a visitor per link and day); a link's engagement is its
// latest report.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Network } from '../../../shared/advocacy.js';
import { latestEngagementSql } from './engagement.queries.js';

const n = (v: unknown) => Number(v ?? 0);

/** Per link of a person: shares, adapted shares, unique and machine clicks, latest engagement. */
export async function findPersonLinkFigures(db: AnyDb, personId: number) {
  const { rows } = await sql<{
    code: string;
    network: Network;
    content_id: number;
    title: string;
    shares: number;
    adapted: number;
    unique_clicks: number;
    machine_clicks: number;
    reactions: number | null;
    comments: number | null;
    reshares: number | null;
  }>`SELECT l.code, l.network, l.content_id, c.title,
      (SELECT count(*) FROM advocacy_shares AS s WHERE s.code = l.code)::int AS shares,
      (SELECT count(*) FROM advocacy_shares AS s WHERE s.code = l.code AND s.adapted)::int AS adapted,
      (SELECT count(*) FROM advocacy_clicks AS k WHERE k.code = l.code AND k.is_unique)::int AS unique_clicks,
      (SELECT count(*) FROM advocacy_clicks AS k WHERE k.code = l.code AND k.machine_reason IS NOT NULL)::int AS machine_clicks,
      e.reactions, e.comments, e.reshares
    FROM advocacy_links AS l JOIN advocacy_content AS c ON c.id = l.content_id
    LEFT JOIN ${latestEngagementSql} AS e ON e.code = l.code
    WHERE l.person_id = ${personId} ORDER BY l.created_at, l.code`.execute(db);
  return rows.map((r) => ({
    ...r,
    content_id: n(r.content_id),
    shares: n(r.shares),
    adapted: n(r.adapted),
    unique_clicks: n(r.unique_clicks),
    machine_clicks: n(r.machine_clicks),
    reactions: n(r.reactions),
    comments: n(r.comments),
    reshares: n(r.reshares),
  }));
}

/** A person's shares and unique clicks per ISO week (Monday), oldest first. */
export async function findPersonWeeks(db: AnyDb, personId: number) {
  const { rows } = await sql<{ week: string; shares: number; unique_clicks: number }>`
    SELECT to_char(w.week, 'YYYY-MM-DD') AS week, sum(w.shares)::int AS shares, sum(w.unique_clicks)::int AS unique_clicks FROM (
      SELECT date_trunc('week', s.shared_at AT TIME ZONE 'UTC') AS week, 1 AS shares, 0 AS unique_clicks
        FROM advocacy_shares AS s JOIN advocacy_links AS l ON l.code = s.code WHERE l.person_id = ${personId}
      UNION ALL
      SELECT date_trunc('week', k.day::timestamp), 0, 1
        FROM advocacy_clicks AS k JOIN advocacy_links AS l ON l.code = k.code WHERE l.person_id = ${personId} AND k.is_unique
    ) AS w GROUP BY w.week ORDER BY w.week`.execute(db);
  return rows.map((r) => ({ week: r.week, shares: n(r.shares), unique_clicks: n(r.unique_clicks) }));
}

export type Range = { from: Date; to: Date };

/** Per link with activity in the range: its network, content, department, person, figures. */
export async function findRangeLinkFigures(db: AnyDb, range: Range) {
  const { rows } = await sql<{
    code: string;
    network: Network;
    content_id: number;
    title: string;
    department: string | null;
    person_id: number | null;
    shares: number;
    unique_clicks: number;
    machine_clicks: number;
    reactions: number | null;
    comments: number | null;
  }>`SELECT l.code, l.network, l.content_id, c.title, l.department, l.person_id, f.shares, f.unique_clicks, f.machine_clicks,
      CASE WHEN e.reported_at >= ${range.from} AND e.reported_at < ${range.to} THEN e.reactions END AS reactions,
      CASE WHEN e.reported_at >= ${range.from} AND e.reported_at < ${range.to} THEN e.comments END AS comments
    FROM advocacy_links AS l JOIN advocacy_content AS c ON c.id = l.content_id
    CROSS JOIN LATERAL (SELECT
      (SELECT count(*) FROM advocacy_shares AS s WHERE s.code = l.code AND s.shared_at >= ${range.from} AND s.shared_at < ${range.to})::int AS shares,
      (SELECT count(*) FROM advocacy_clicks AS k WHERE k.code = l.code AND k.is_unique AND k.occurred_at >= ${range.from} AND k.occurred_at < ${range.to})::int AS unique_clicks,
      (SELECT count(*) FROM advocacy_clicks AS k WHERE k.code = l.code AND k.machine_reason IS NOT NULL
        AND k.occurred_at >= ${range.from} AND k.occurred_at < ${range.to})::int AS machine_clicks) AS f
    LEFT JOIN ${latestEngagementSql} AS e ON e.code = l.code
    WHERE f.shares > 0 OR f.unique_clicks > 0 OR f.machine_clicks > 0 OR (e.reported_at >= ${range.from} AND e.reported_at < ${range.to})`.execute(db);
  return rows.map((r) => ({
    ...r,
    content_id: n(r.content_id),
    person_id: r.person_id === null ? null : n(r.person_id),
    shares: n(r.shares),
    unique_clicks: n(r.unique_clicks),
    machine_clicks: n(r.machine_clicks),
    reactions: n(r.reactions),
    comments: n(r.comments),
  }));
}

/** Who shared in the range, once each (erased sharers are not counted). */
export async function countSharers(db: AnyDb, range: Range): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT l.person_id)::int AS n FROM advocacy_shares AS s JOIN advocacy_links AS l ON l.code = s.code
    WHERE s.shared_at >= ${range.from} AND s.shared_at < ${range.to}`.execute(db);
  return n(rows[0]?.n);
}

/** Per ISO week of the range: participants by the week's end, and the people who shared that week. */
export async function findAdoption(db: AnyDb, range: Range) {
  const { rows } = await sql<{ week: string; participants: number; sharers: number }>`
    SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
      (SELECT count(*) FROM advocacy_participants AS p WHERE p.joined_at < w.week + interval '7 days')::int AS participants,
      (SELECT count(DISTINCT l.person_id) FROM advocacy_shares AS s JOIN advocacy_links AS l ON l.code = s.code
        WHERE s.shared_at >= w.week AND s.shared_at < w.week + interval '7 days')::int AS sharers
    FROM generate_series(date_trunc('week', ${range.from}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${range.to}::timestamptz - interval '1 second', interval '7 days') AS w(week)
    ORDER BY w.week`.execute(db);
  return rows.map((r) => ({ week: r.week, participants: n(r.participants), sharers: n(r.sharers) }));
}
