// Who received a campaign, on any channel: the people a campaign's comment thread is shared with
// (dialogue module, ADR 0028). A delivery counts once it was sent; queued or held ones do not yet.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/**
 * Those of `personIds` who were sent the campaign on any channel (any step).
 * @example await findCampaignRecipients({ db, campaignId: 7, personIds: [1, 2] }) // Set { 2 }
 */
export async function findCampaignRecipients(input: { db: AnyDb; campaignId: number; personIds: number[] }): Promise<Set<number>> {
  if (input.personIds.length === 0) return new Set();
  const result = await sql<{ person_id: number }>`
    SELECT DISTINCT person_id FROM deliveries
    WHERE campaign_id = ${input.campaignId} AND person_id = ANY(${input.personIds}::bigint[]) AND state = 'sent' AND sent_at <= now()`.execute(input.db);
  return new Set(result.rows.map((r) => Number(r.person_id)));
}

/**
 * Those of `campaignIds` that were sent to the person on any channel.
 * @example await findReceivedCampaigns({ db, personId: 42, campaignIds: [7, 8] }) // Set { 7 }
 */
export async function findReceivedCampaigns(input: { db: AnyDb; personId: number; campaignIds: number[] }): Promise<Set<number>> {
  if (input.campaignIds.length === 0) return new Set();
  const result = await sql<{ campaign_id: number }>`
    SELECT DISTINCT campaign_id FROM deliveries
    WHERE person_id = ${input.personId} AND campaign_id = ANY(${input.campaignIds}::bigint[]) AND state = 'sent' AND sent_at <= now()`.execute(input.db);
  return new Set(result.rows.map((r) => Number(r.campaign_id)));
}
