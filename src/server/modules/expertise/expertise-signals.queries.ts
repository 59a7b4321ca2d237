// The only SQL over endorsements and availability.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export async function insertEndorsement(db: AnyDb, e: { personId: number; skill: string; endorserId: number }): Promise<void> {
  await sql`INSERT INTO endorsements (person_id, skill, endorser_id) VALUES (${e.personId}, ${e.skill}, ${e.endorserId}) ON CONFLICT DO NOTHING`.execute(db);
}

export async function deleteEndorsement(db: AnyDb, e: { personId: number; skill: string; endorserId: number }): Promise<boolean> {
  const result = await sql`DELETE FROM endorsements WHERE person_id = ${e.personId} AND skill = ${e.skill} AND endorser_id = ${e.endorserId}`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** Endorsement counts per skill of one person, and whether `viewerId` is among the endorsers. */
export async function countEndorsementsOf(
  db: AnyDb,
  personId: number,
  viewerId: number | null,
): Promise<{ skill: string; count: number; endorsed_by_me: boolean }[]> {
  const result = await sql<{ skill: string; count: number; endorsed_by_me: boolean }>`
    SELECT skill, count(*)::int AS count, coalesce(bool_or(endorser_id = ${viewerId}::bigint), false) AS endorsed_by_me
    FROM endorsements WHERE person_id = ${personId} GROUP BY skill ORDER BY count DESC, skill`.execute(db);
  return result.rows;
}

/** Endorsement counts per (person, skill) for many people, for ranking. */
export async function countEndorsementsFor(db: AnyDb, personIds: number[]): Promise<Map<number, Map<string, number>>> {
  const map = new Map<number, Map<string, number>>();
  if (personIds.length === 0) return map;
  const result = await sql<{ person_id: number; skill: string; n: number }>`
    SELECT person_id, skill, count(*)::int AS n FROM endorsements WHERE person_id = ANY(${personIds}::bigint[]) GROUP BY person_id, skill`.execute(db);
  for (const r of result.rows) {
    const skills = map.get(r.person_id) ?? new Map<string, number>();
    skills.set(r.skill, r.n);
    map.set(r.person_id, skills);
  }
  return map;
}

export async function upsertAvailability(db: AnyDb, a: { personId: number; available: boolean; note: string | null }): Promise<void> {
  await sql`INSERT INTO expert_availability (person_id, available, note) VALUES (${a.personId}, ${a.available}, ${a.note})
    ON CONFLICT (person_id) DO UPDATE SET available = EXCLUDED.available, note = EXCLUDED.note, updated_at = now()`.execute(db);
}

/** People who said they are not available (everyone else is). */
export async function findUnavailable(db: AnyDb, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const result = await sql<{ person_id: number }>`
    SELECT person_id FROM expert_availability WHERE NOT available AND person_id = ANY(${personIds}::bigint[])`.execute(db);
  return new Set(result.rows.map((r) => r.person_id));
}

export async function findAvailability(db: AnyDb, personId: number): Promise<{ available: boolean; note: string | null }> {
  const result = await sql<{ available: boolean; note: string | null }>`SELECT available, note FROM expert_availability WHERE person_id = ${personId}`.execute(
    db,
  );
  return result.rows[0] ?? { available: true, note: null };
}
