// SQL of outside clicks on short links (ADR 0030): the day's salt, made once race-safe, and the click
// rows; the partial unique index lets only one human click per visitor, link and day be unique.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** The salt of `day` (YYYY-MM-DD): created by the first caller, the same for every later one. */
export async function daySalt(db: AnyDb, day: string, fresh: Buffer): Promise<Buffer> {
  await sql`INSERT INTO advocacy_click_salts (day, salt) VALUES (${day}::date, ${fresh}) ON CONFLICT (day) DO NOTHING`.execute(db);
  const { rows } = await sql<{ salt: Uint8Array }>`SELECT salt FROM advocacy_click_salts WHERE day = ${day}::date`.execute(db);
  return Buffer.from(rows[0]!.salt);
}

/** Deletes the salts of days before `keepFrom`: their visitor hashes can no longer be recomputed. */
export async function deleteSaltsBefore(db: AnyDb, keepFrom: string): Promise<number> {
  const result = await sql`DELETE FROM advocacy_click_salts WHERE day < ${keepFrom}::date`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Records a click; a human one tries to be the visitor's unique click of the day first and is an
 * ordinary one when another already is. Returns the row's id and whether it became unique.
 */
export async function insertClick(
  db: AnyDb,
  input: { code: string; day: string; visitor: string; machineReason: string | null; at: Date },
): Promise<{ id: number; unique: boolean }> {
  if (input.machineReason === null) {
    const { rows } = await sql<{ id: number }>`INSERT INTO advocacy_clicks (code, day, visitor, machine_reason, is_unique, occurred_at)
      VALUES (${input.code}, ${input.day}::date, ${input.visitor}, NULL, true, ${input.at})
      ON CONFLICT (code, day, visitor) WHERE is_unique DO NOTHING RETURNING id`.execute(db);
    if (rows[0]) return { id: Number(rows[0].id), unique: true };
  }
  const { rows } = await sql<{ id: number }>`INSERT INTO advocacy_clicks (code, day, visitor, machine_reason, is_unique, occurred_at)
    VALUES (${input.code}, ${input.day}::date, ${input.visitor}, ${input.machineReason}, false, ${input.at}) RETURNING id`.execute(db);
  return { id: Number(rows[0]!.id), unique: false };
}
