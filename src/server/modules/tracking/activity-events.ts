// Activity events (the `events` table of migration 0003): what a person did with a campaign, which the
// activity conditions of segment rules and the follow-ups read. The tracking module owns the table
// (issue 10): other modules record and read activity through here, never by touching the table.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ActivityType } from '../../../shared/audiences.js';

/**
 * Records one activity of a person with a campaign (or with none: a share of library content that
 * belongs to no campaign), inside the caller's transaction if given one.
 * @example await recordActivity({ db: trx, type: 'acknowledged', personId: 42, campaignId: 7 });
 */
export async function recordActivity(input: { db: AnyDb; type: ActivityType; personId: number; campaignId: number | null }): Promise<void> {
  await sql`INSERT INTO events (type, person_id, campaign_id) VALUES (${input.type}, ${input.personId}, ${input.campaignId})`.execute(input.db);
}

/**
 * Records many activities in one statement (the tracking group commit's batch); none is a no-op.
 * @example await recordActivities(trx, [{ type: 'opened', personId: 42, campaignId: 7 }]);
 */
export async function recordActivities(db: AnyDb, activities: { type: ActivityType; personId: number; campaignId: number }[]): Promise<void> {
  if (activities.length === 0) return;
  const rows = activities.map((a) => ({ type: a.type, person_id: a.personId, campaign_id: a.campaignId }));
  await sql`INSERT INTO events (type, person_id, campaign_id)
    SELECT type, person_id, campaign_id FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(type text, person_id bigint, campaign_id bigint)`.execute(
    db,
  );
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
 * The predicate "the person `person` did `type` (with `campaignId`, when given) at or after `since`
 * (when given) and before `before`", for the segment compiler's activity conditions: the bounds and
 * the person are SQL of the caller (e.g. `p.id` of its people alias), everything else is bound.
 * @example sql`SELECT id FROM people AS p WHERE ${activityExistsSql({ person: sql`p.id`, type: 'opened', campaignId: 7, before: sql`now()` })}`
 */
export function activityExistsSql(input: {
  person: RawBuilder<unknown>;
  type: string;
  campaignId?: number | null;
  before: RawBuilder<unknown>;
  since?: RawBuilder<unknown> | null;
}): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [sql`e.person_id = ${input.person}`, sql`e.type = ${input.type}::text`, sql`e.occurred_at < ${input.before}`];
  if (input.campaignId !== undefined && input.campaignId !== null) conditions.push(sql`e.campaign_id = ${input.campaignId}::bigint`);
  if (input.since) conditions.push(sql`e.occurred_at >= ${input.since}`);
  return sql<boolean>`EXISTS (SELECT 1 FROM events AS e WHERE ${sql.join(conditions, sql` AND `)})`;
}

/**
 * Takes back an activity that turned out not to be the person's (a click the tracking module later
 * found to be a scanner's).
 * @example await withdrawActivity({ db, type: 'clicked', personId: 42, campaignId: 7 });
 */
export async function withdrawActivity(input: { db: AnyDb; type: ActivityType; personId: number; campaignId: number }): Promise<void> {
  await sql`DELETE FROM events WHERE type = ${input.type} AND person_id = ${input.personId} AND campaign_id = ${input.campaignId}`.execute(input.db);
}
