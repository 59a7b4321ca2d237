// Activity events (the `events` table of migration 0003), which activity conditions of segment rules
// read: other modules record what a person did with a campaign through here, never by writing the
// table themselves. The tracking module will own ingest from links and pixels; this is its first use.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ActivityType } from '../../../shared/audiences.js';

/**
 * Records one activity of a person with a campaign, inside the caller's transaction if given one.
 * @example await recordActivity({ db: trx, type: 'acknowledged', personId: 42, campaignId: 7 });
 */
export async function recordActivity(input: { db: AnyDb; type: ActivityType; personId: number; campaignId: number }): Promise<void> {
  await sql`INSERT INTO events (type, person_id, campaign_id) VALUES (${input.type}, ${input.personId}, ${input.campaignId})`.execute(input.db);
}

/**
 * The people who did `type` with a campaign, as rows (`person_id`) for a set-based statement of
 * another module: e.g. the unique opens of a subject-line test.
 * @example sql`... WHERE d.person_id IN (${peopleWithActivity({ type: 'opened', campaignId: 7 })})`
 */
export function peopleWithActivity(input: { type: ActivityType; campaignId: number }): RawBuilder<{ person_id: number }> {
  return sql<{ person_id: number }>`SELECT person_id FROM events WHERE type = ${input.type} AND campaign_id = ${input.campaignId} AND person_id IS NOT NULL`;
}

/**
 * Takes back an activity that turned out not to be the person's (a click the tracking module later
 * found to be a scanner's).
 * @example await withdrawActivity({ db, type: 'clicked', personId: 42, campaignId: 7 });
 */
export async function withdrawActivity(input: { db: AnyDb; type: ActivityType; personId: number; campaignId: number }): Promise<void> {
  await sql`DELETE FROM events WHERE type = ${input.type} AND person_id = ${input.personId} AND campaign_id = ${input.campaignId}`.execute(input.db);
}
