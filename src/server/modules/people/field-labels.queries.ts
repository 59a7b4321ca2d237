// The only SQL over field_labels: labels of custom attributes and of directory values, per language.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type FieldLabelRow = { field: string; value: string; label_en: string | null; label_de: string | null; label_nl: string | null };

export async function listFieldLabels(db: AnyDb): Promise<FieldLabelRow[]> {
  return (await sql<FieldLabelRow>`SELECT field, value, label_en, label_de, label_nl FROM field_labels ORDER BY field, value`.execute(db)).rows;
}

/** Inserts or replaces the labels of several (field, value) pairs at once. */
export async function upsertFieldLabels(db: AnyDb, rows: FieldLabelRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO field_labels (field, value, label_en, label_de, label_nl)
    SELECT x.field, x.value, x.label_en, x.label_de, x.label_nl
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(field text, value text, label_en text, label_de text, label_nl text)
    ON CONFLICT (field, value) DO UPDATE
      SET label_en = EXCLUDED.label_en, label_de = EXCLUDED.label_de, label_nl = EXCLUDED.label_nl, updated_at = now()`.execute(db);
}

export async function deleteFieldLabel(db: AnyDb, field: string, value: string): Promise<void> {
  await sql`DELETE FROM field_labels WHERE field = ${field} AND value = ${value}`.execute(db);
}
