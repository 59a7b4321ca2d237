// Activity events (the `events` table of migration 0003), which activity conditions of segment rules
// read: other modules record what a person did with a campaign through here, never by writing the
// table themselves. The tracking module will own ingest from links and pixels; this is its first use.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ActivityType } from '../../../shared/audiences.js';

/**
 * Records one activity of a person with a campaign, inside the caller's transaction if given one.
 * @example await recordActivity({ db: trx, type: 'acknowledged', personId: 42, campaignId: 7 });
 */
export async function recordActivity(input: { db: AnyDb; type: ActivityType; personId: number; campaignId: number }): Promise<void> {
  await sql`INSERT INTO events (type, person_id, campaign_id) VALUES (${input.type}, ${input.personId}, ${input.campaignId})`.execute(input.db);
}
