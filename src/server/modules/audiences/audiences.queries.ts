// The only SQL over segments and personas.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { CHANNELS, JourneyMap } from '../../../shared/audiences.js';

export type SegmentRow = { key: string; name: string; description: string | null; rule: Record<string, unknown>; created_at: Date; updated_at: Date };

export async function listSegments(db: AnyDb): Promise<SegmentRow[]> {
  return (await sql<SegmentRow>`SELECT key, name, description, rule, created_at, updated_at FROM segments ORDER BY name, key`.execute(db)).rows;
}

export async function findSegment(db: AnyDb, key: string): Promise<SegmentRow | undefined> {
  return (await sql<SegmentRow>`SELECT key, name, description, rule, created_at, updated_at FROM segments WHERE key = ${key}`.execute(db)).rows[0];
}

export async function insertSegment(db: AnyDb, s: { key: string; name: string; description: string | null; rule: unknown }): Promise<SegmentRow | undefined> {
  return (
    await sql<SegmentRow>`
    INSERT INTO segments (key, name, description, rule) VALUES (${s.key}, ${s.name}, ${s.description}, ${JSON.stringify(s.rule)}::jsonb)
    ON CONFLICT (key) DO NOTHING
    RETURNING key, name, description, rule, created_at, updated_at`.execute(db)
  ).rows[0];
}

export async function updateSegment(db: AnyDb, s: { key: string; name: string; description: string | null; rule: unknown }): Promise<SegmentRow | undefined> {
  return (
    await sql<SegmentRow>`
    UPDATE segments SET name = ${s.name}, description = ${s.description}, rule = ${JSON.stringify(s.rule)}::jsonb, updated_at = now()
    WHERE key = ${s.key} RETURNING key, name, description, rule, created_at, updated_at`.execute(db)
  ).rows[0];
}

export async function deleteSegment(db: AnyDb, key: string): Promise<boolean> {
  return ((await sql`DELETE FROM segments WHERE key = ${key}`.execute(db)).numAffectedRows ?? 0n) > 0n;
}

/** Saved segments and personas whose rules refer to segment `key`. */
export async function findSegmentUsers(db: AnyDb, key: string): Promise<{ segments: string[]; personas: string[] }> {
  const vars = JSON.stringify({ key });
  const [segments, personas] = await Promise.all([
    sql<{ key: string }>`SELECT key FROM segments WHERE jsonb_path_exists(rule, 'strict $.** ? (@.segment == $key)', ${vars}::jsonb)`.execute(db),
    sql<{ name: string }>`SELECT name FROM personas WHERE jsonb_path_exists(rule, 'strict $.** ? (@.segment == $key)', ${vars}::jsonb)`.execute(db),
  ]);
  return { segments: segments.rows.map((r) => r.key), personas: personas.rows.map((r) => r.name) };
}

export type PersonaRow = {
  id: number;
  name: string;
  avatar: string | null;
  description: string | null;
  motivations: string[];
  pain_points: string[];
  information_needs: string[];
  preferred_channels: (typeof CHANNELS)[number][];
  tone_of_voice: string | null;
  wiifm: string | null;
  rule: Record<string, unknown>;
  journey: JourneyMap;
  updated_at: Date;
};

export type PersonaValues = Omit<PersonaRow, 'id' | 'journey' | 'updated_at' | 'rule'> & { rule: unknown };

const PERSONA_COLUMNS = sql`id, name, avatar, description, motivations, pain_points, information_needs, preferred_channels, tone_of_voice, wiifm, rule, journey, updated_at`;

export async function listPersonas(db: AnyDb): Promise<PersonaRow[]> {
  return (await sql<PersonaRow>`SELECT ${PERSONA_COLUMNS} FROM personas ORDER BY name, id`.execute(db)).rows;
}

export async function findPersona(db: AnyDb, id: number): Promise<PersonaRow | undefined> {
  return (await sql<PersonaRow>`SELECT ${PERSONA_COLUMNS} FROM personas WHERE id = ${id}`.execute(db)).rows[0];
}

export async function insertPersona(db: AnyDb, p: PersonaValues): Promise<PersonaRow> {
  return (
    await sql<PersonaRow>`
    INSERT INTO personas (name, avatar, description, motivations, pain_points, information_needs, preferred_channels, tone_of_voice, wiifm, rule)
    VALUES (${p.name}, ${p.avatar}, ${p.description}, ${p.motivations}::text[], ${p.pain_points}::text[], ${p.information_needs}::text[],
      ${p.preferred_channels}::text[], ${p.tone_of_voice}, ${p.wiifm}, ${JSON.stringify(p.rule)}::jsonb)
    RETURNING ${PERSONA_COLUMNS}`.execute(db)
  ).rows[0]!;
}

export async function updatePersona(db: AnyDb, id: number, p: PersonaValues): Promise<PersonaRow | undefined> {
  return (
    await sql<PersonaRow>`
    UPDATE personas SET name = ${p.name}, avatar = ${p.avatar}, description = ${p.description}, motivations = ${p.motivations}::text[],
      pain_points = ${p.pain_points}::text[], information_needs = ${p.information_needs}::text[], preferred_channels = ${p.preferred_channels}::text[],
      tone_of_voice = ${p.tone_of_voice}, wiifm = ${p.wiifm}, rule = ${JSON.stringify(p.rule)}::jsonb, updated_at = now()
    WHERE id = ${id} RETURNING ${PERSONA_COLUMNS}`.execute(db)
  ).rows[0];
}

export async function deletePersona(db: AnyDb, id: number): Promise<boolean> {
  return ((await sql`DELETE FROM personas WHERE id = ${id}`.execute(db)).numAffectedRows ?? 0n) > 0n;
}

export async function updateJourney(db: AnyDb, id: number, journey: JourneyMap): Promise<JourneyMap | undefined> {
  const row = (
    await sql<{ journey: JourneyMap }>`
    UPDATE personas SET journey = ${JSON.stringify(journey)}::jsonb, updated_at = now() WHERE id = ${id} RETURNING journey`.execute(db)
  ).rows[0];
  return row?.journey;
}
