// SQL of the maturity model and onboarding waves (ADR 0033): assessments, stage snapshots, waves and
// their members. People are read through the people module; these are the predicates over its alias `p`.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type AssessmentRow = {
  id: number;
  person_id: number;
  network_size: string;
  activity: string;
  stage: number;
  answers: Record<string, unknown>;
  assessed_at: Date;
};

export async function insertAssessment(
  db: AnyDb,
  row: { personId: number; size: string; activity: string; stage: number; answers: unknown; at: Date },
): Promise<AssessmentRow> {
  const { rows } = await sql<AssessmentRow>`INSERT INTO advocacy_maturity_assessments (person_id, network_size, activity, stage, answers, assessed_at)
    VALUES (${row.personId}, ${row.size}, ${row.activity}, ${row.stage}, ${JSON.stringify(row.answers)}::jsonb, ${row.at})
    RETURNING id::int AS id, person_id::int AS person_id, network_size, activity, stage::int AS stage, answers, assessed_at`.execute(db);
  return rows[0]!;
}

export async function findLastAssessment(db: AnyDb, personId: number): Promise<AssessmentRow | null> {
  const { rows } = await sql<AssessmentRow>`SELECT id::int AS id, person_id::int AS person_id, network_size, activity, stage::int AS stage, answers, assessed_at
    FROM advocacy_maturity_assessments WHERE person_id = ${personId} ORDER BY assessed_at DESC, id DESC LIMIT 1`.execute(db);
  return rows[0] ?? null;
}

/** The stage of `p` as a number, 0 without one. */
export const stageOfSql = sql<number>`coalesce(p.social_maturity_stage, 0)`;

export function atStageSql(stage: number): RawBuilder<boolean> {
  return stage === 0 ? sql<boolean>`(p.social_maturity_stage IS NULL)` : sql<boolean>`(p.social_maturity_stage = ${stage}::smallint)`;
}

export function atStagesSql(stages: number[]): RawBuilder<boolean> {
  return sql<boolean>`(p.social_maturity_stage = ANY(${stages}::smallint[]))`;
}

export const isParticipantSql = sql<boolean>`(EXISTS (SELECT 1 FROM advocacy_participants AS ap WHERE ap.person_id = p.id))`;

export const isSharerSql = sql<boolean>`(EXISTS (SELECT 1 FROM advocacy_links AS al JOIN advocacy_shares AS s ON s.code = al.code WHERE al.person_id = p.id))`;

export const isWaveMemberSql = sql<boolean>`(EXISTS (SELECT 1 FROM advocacy_wave_members AS wm WHERE wm.person_id = p.id))`;

/** Writes (or rewrites) one day's counts per stage: running the snapshot twice a day keeps one row per stage. */
export async function upsertSnapshot(db: AnyDb, day: string, rows: { stage: number; people: number; participants: number; sharers: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO advocacy_stage_snapshots (day, stage, people, participants, sharers)
    SELECT ${day}::date, x.stage, x.people, x.participants, x.sharers
    FROM unnest(${rows.map((r) => r.stage)}::smallint[], ${rows.map((r) => r.people)}::int[], ${rows.map((r) => r.participants)}::int[], ${rows.map((r) => r.sharers)}::int[])
      AS x(stage, people, participants, sharers)
    ON CONFLICT (day, stage) DO UPDATE SET people = EXCLUDED.people, participants = EXCLUDED.participants, sharers = EXCLUDED.sharers`.execute(db);
}

export async function findSnapshots(db: AnyDb, from: string): Promise<{ day: string; stage: number; people: number; participants: number; sharers: number }[]> {
  const { rows } = await sql<{ day: string; stage: number; people: number; participants: number; sharers: number }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, stage::int AS stage, people, participants, sharers
    FROM advocacy_stage_snapshots WHERE day >= ${from}::date ORDER BY day, stage`.execute(db);
  return rows;
}

export type WaveRow = {
  id: number;
  number: number;
  name: string;
  stages: number[];
  audience: Record<string, unknown> | null;
  content_ids: string[] | number[];
  coaching: string;
  planned_for: string | null;
  invited_at: Date | null;
  campaign_id: number | null;
  created_at: Date;
};

const waveColumns = sql`w.id::int AS id, w.number::int AS number, w.name, w.stages::int[] AS stages, w.audience, w.content_ids::int[] AS content_ids, w.coaching,
  to_char(w.planned_for, 'YYYY-MM-DD') AS planned_for, w.invited_at, w.campaign_id::int AS campaign_id, w.created_at`;

export type WaveValues = {
  number: number;
  name: string;
  stages: number[];
  audience: unknown;
  content_ids: number[];
  coaching: string;
  planned_for: string | null;
};

export async function insertWave(db: AnyDb, v: WaveValues): Promise<WaveRow> {
  const { rows } = await sql<WaveRow>`WITH w AS (
      INSERT INTO advocacy_waves (number, name, stages, audience, content_ids, coaching, planned_for)
      VALUES (${v.number}, ${v.name}, ${v.stages}::smallint[], ${v.audience === null ? null : JSON.stringify(v.audience)}::jsonb,
        ${v.content_ids}::bigint[], ${v.coaching}, ${v.planned_for}::date)
      RETURNING *)
    SELECT ${waveColumns} FROM w`.execute(db);
  return rows[0]!;
}

/** Changes a wave not yet invited; null when there is none such. */
export async function updateWave(db: AnyDb, id: number, v: WaveValues): Promise<WaveRow | null> {
  const { rows } = await sql<WaveRow>`WITH w AS (
      UPDATE advocacy_waves SET number = ${v.number}, name = ${v.name}, stages = ${v.stages}::smallint[],
        audience = ${v.audience === null ? null : JSON.stringify(v.audience)}::jsonb, content_ids = ${v.content_ids}::bigint[],
        coaching = ${v.coaching}, planned_for = ${v.planned_for}::date
      WHERE id = ${id} AND invited_at IS NULL RETURNING *)
    SELECT ${waveColumns} FROM w`.execute(db);
  return rows[0] ?? null;
}

export async function deleteWave(db: AnyDb, id: number): Promise<boolean> {
  const { rows } = await sql`DELETE FROM advocacy_waves WHERE id = ${id} AND invited_at IS NULL RETURNING id`.execute(db);
  return rows.length > 0;
}

export async function findWave(db: AnyDb, id: number, forUpdate = false): Promise<WaveRow | null> {
  const { rows } = await sql<WaveRow>`SELECT ${waveColumns} FROM advocacy_waves AS w WHERE w.id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function listWaves(db: AnyDb): Promise<WaveRow[]> {
  const { rows } = await sql<WaveRow>`SELECT ${waveColumns} FROM advocacy_waves AS w ORDER BY w.number, w.id`.execute(db);
  return rows;
}

/** Per wave: members, and members who joined the programme at or after the invite (adopters). */
export async function countWaveMembers(db: AnyDb, ids: number[]): Promise<Map<number, { members: number; adopters: number }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ wave_id: number; members: number; adopters: number }>`
    SELECT wm.wave_id::int AS wave_id, count(*)::int AS members,
      count(ap.person_id) FILTER (WHERE ap.joined_at >= w.invited_at)::int AS adopters
    FROM advocacy_wave_members AS wm JOIN advocacy_waves AS w ON w.id = wm.wave_id
    LEFT JOIN advocacy_participants AS ap ON ap.person_id = wm.person_id
    WHERE wm.wave_id = ANY(${ids}::bigint[]) GROUP BY wm.wave_id`.execute(db);
  return new Map(rows.map((r) => [r.wave_id, { members: r.members, adopters: r.adopters }]));
}

export async function markInvited(db: AnyDb, id: number, campaignId: number, at: Date): Promise<void> {
  await sql`UPDATE advocacy_waves SET invited_at = ${at}, campaign_id = ${campaignId} WHERE id = ${id}`.execute(db);
}

/** Adds people to a wave; someone already in a wave stays in theirs. Returns how many were added. */
export async function insertMembers(db: AnyDb, waveId: number, personIds: number[], at: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  const { rows } = await sql`INSERT INTO advocacy_wave_members (wave_id, person_id, invited_at)
    SELECT ${waveId}, x.id, ${at} FROM unnest(${personIds}::bigint[]) AS x(id)
    ON CONFLICT DO NOTHING RETURNING person_id`.execute(db);
  return rows.length;
}

/** The campaigns of invited waves other than this one (their recipients are left out of a later wave's invitation). */
export async function findOtherWaveCampaigns(db: AnyDb, waveId: number): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`SELECT campaign_id::int AS id FROM advocacy_waves WHERE id <> ${waveId} AND campaign_id IS NOT NULL ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}

export async function findExistingContentIds(db: AnyDb, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: number }>`SELECT id::int AS id FROM advocacy_content WHERE id = ANY(${ids}::bigint[])`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export async function findContentForInvite(db: AnyDb, ids: number[]): Promise<{ id: number; title: string; url: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number; title: string; url: string }>`SELECT id::int AS id, title, url FROM advocacy_content
    WHERE id = ANY(${ids}::bigint[]) AND archived_at IS NULL ORDER BY array_position(${ids}::bigint[], id)`.execute(db);
  return rows;
}

/** For people by id: whether they take part, and their wave. */
export async function findPlanningFacts(
  db: AnyDb,
  ids: number[],
): Promise<Map<number, { participant: boolean; wave: { id: number; number: number; name: string } | null }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: number; participant: boolean; wave_id: number | null; number: number | null; name: string | null }>`
    SELECT x.id::int AS id, (ap.person_id IS NOT NULL) AS participant, w.id::int AS wave_id, w.number::int AS number, w.name
    FROM unnest(${ids}::bigint[]) AS x(id)
    LEFT JOIN advocacy_participants AS ap ON ap.person_id = x.id
    LEFT JOIN advocacy_wave_members AS wm ON wm.person_id = x.id
    LEFT JOIN advocacy_waves AS w ON w.id = wm.wave_id`.execute(db);
  return new Map(
    rows.map((r) => [r.id, { participant: r.participant, wave: r.wave_id === null ? null : { id: r.wave_id, number: r.number!, name: r.name! } }]),
  );
}
