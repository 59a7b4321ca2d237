// SQL of the organisation dashboard (ADR 0024): it reads the report rollups only (campaign_reports for
// when a campaign was first sent, campaign_report_groups for its counts) and the campaigns' names and
// tracking modes; never an event, a delivery or a person.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { TrackingMode } from '../tracking/index.js';
import type { DashboardGrouping } from '../../../shared/analytics.js';

export type PeriodCampaignRow = { id: number; name: string; tracking: TrackingMode | null; first_sent_at: Date; computed_at: Date };

/** Campaigns with a rollup first sent in [from, until), oldest first. */
export async function findPeriodCampaigns(db: AnyDb, input: { from: Date; until: Date }): Promise<PeriodCampaignRow[]> {
  const result = await sql<PeriodCampaignRow & { id: string }>`
    SELECT c.id, c.name, c.tracking, r.first_sent_at, r.computed_at
    FROM campaign_reports AS r
    JOIN campaigns AS c ON c.id = r.campaign_id
    WHERE r.first_sent_at >= ${input.from.toISOString()}::timestamptz AND r.first_sent_at < ${input.until.toISOString()}::timestamptz
    ORDER BY r.first_sent_at, c.id`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), first_sent_at: new Date(r.first_sent_at), computed_at: new Date(r.computed_at) }));
}

export type CampaignGroupRow = {
  campaign_id: number;
  group: string;
  recipients: number;
  delivered: number;
  opened: number;
  clicked: number;
  acknowledged: number;
};

const GROUP_COLUMN: Record<DashboardGrouping, ReturnType<typeof sql.ref>> = {
  department: sql.ref('department'),
  generation: sql.ref('generation'),
};

/** Each person once (channel 'all'), per campaign and generation or department. */
export async function findCampaignGroups(db: AnyDb, input: { campaignIds: number[]; by: DashboardGrouping }): Promise<CampaignGroupRow[]> {
  if (input.campaignIds.length === 0) return [];
  const column = GROUP_COLUMN[input.by];
  const result = await sql<Record<keyof CampaignGroupRow, string | number>>`
    SELECT campaign_id, ${column} AS "group", sum(recipients)::int AS recipients, sum(delivered)::int AS delivered, sum(opened)::int AS opened,
      sum(clicked)::int AS clicked, sum(acknowledged)::int AS acknowledged
    FROM campaign_report_groups
    WHERE channel = 'all' AND campaign_id = ANY(${input.campaignIds}::bigint[])
    GROUP BY campaign_id, ${column}`.execute(db);
  return result.rows.map((r) => ({
    campaign_id: Number(r.campaign_id),
    group: String(r.group),
    recipients: Number(r.recipients),
    delivered: Number(r.delivered),
    opened: Number(r.opened),
    clicked: Number(r.clicked),
    acknowledged: Number(r.acknowledged),
  }));
}
