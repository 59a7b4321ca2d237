// The programme's settings (points and caps per action, levels, cost per click): one row, the defaults
// of the shared contract until an admin changes them.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { DEFAULT_ADVOCACY_SETTINGS, advocacySettingsSchema, type AdvocacySettings } from '../../../shared/advocacy.js';

/**
 * The settings in force: the stored ones over the defaults (an action added later gets its default).
 * @example (await getAdvocacySettings(db)).actions.share.points // 5
 */
export async function getAdvocacySettings(db: AnyDb): Promise<AdvocacySettings> {
  const { rows } = await sql<{ settings: Partial<AdvocacySettings> }>`SELECT settings FROM advocacy_settings`.execute(db);
  const stored = rows[0]?.settings;
  if (!stored) return DEFAULT_ADVOCACY_SETTINGS;
  const merged = { ...DEFAULT_ADVOCACY_SETTINGS, ...stored, actions: { ...DEFAULT_ADVOCACY_SETTINGS.actions, ...stored.actions } };
  const parsed = advocacySettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_ADVOCACY_SETTINGS;
}

/** Replaces the settings (already checked against the schema). */
export async function saveAdvocacySettings(db: AnyDb, settings: AdvocacySettings): Promise<AdvocacySettings> {
  await sql`INSERT INTO advocacy_settings (id, settings, updated_at) VALUES (true, ${JSON.stringify(settings)}::jsonb, now())
    ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`.execute(db);
  return settings;
}
