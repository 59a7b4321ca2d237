// SQL of tracking: the e-mail delivery a token names (read from the delivery ledger, whose owner the
// delivery module depends on this one, so the read stays here), writing opens and clicks, the
// machine-traffic checks over them, and the communicator's list of flagged events.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { MachineReason } from '../../../shared/tracking.js';

const iso = (d: Date) => d.toISOString();
const count = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

/** The e-mail delivery's campaign, person (null once erased), variant and language. */
export async function findEmailDelivery(
  db: AnyDb,
  id: number,
): Promise<{ campaign_id: number; person_id: number | null; variant_key: string; language: string } | undefined> {
  const result = await sql<{ campaign_id: number; person_id: number | null; variant_key: string; language: string }>`
    SELECT campaign_id, person_id, variant_key, language FROM deliveries WHERE id = ${id} AND channel = 'email'`.execute(db);
  return result.rows[0];
}

export type TrackingEventRow = {
  delivery_id: number;
  campaign_id: number;
  person_id: number | null;
  kind: string;
  link_index: number | null;
  machine: boolean;
  machine_reason: string | null;
  user_agent_class: string;
  network: string | null;
  occurred_at: string;
  dwell_ms: number | null;
  dwell_bucket: string | null;
};

/** Appends events in one statement (the group commit's batch). */
export async function insertTrackingEvents(db: AnyDb, rows: TrackingEventRow[]): Promise<void> {
  await sql`INSERT INTO tracking_events (delivery_id, campaign_id, person_id, kind, link_index, machine, machine_reason, user_agent_class, network, occurred_at,
      dwell_ms, dwell_bucket)
    SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(delivery_id bigint, campaign_id bigint, person_id bigint, kind text, link_index integer,
      machine boolean, machine_reason text, user_agent_class text, network text, occurred_at timestamptz, dwell_ms integer, dwell_bucket text)`.execute(db);
}

/** How many different links of the delivery were clicked in [from, to]. */
export async function countLinksClicked(db: AnyDb, deliveryId: number, from: Date, to: Date): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(DISTINCT link_index)::int AS n FROM tracking_events
    WHERE delivery_id = ${deliveryId} AND kind = 'click' AND occurred_at BETWEEN ${iso(from)} AND ${iso(to)}`.execute(db);
  return count(result.rows);
}

/** Honeypot hits of the delivery in [from, to]. */
export async function countHoneypotHits(db: AnyDb, deliveryId: number, from: Date, to: Date): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tracking_events
    WHERE delivery_id = ${deliveryId} AND kind = 'honeypot' AND occurred_at BETWEEN ${iso(from)} AND ${iso(to)}`.execute(db);
  return count(result.rows);
}

/** Flags the delivery's human clicks in [from, to] as machine with `reason`; answers how many. */
export async function markClicksMachine(db: AnyDb, deliveryId: number, reason: MachineReason, from: Date, to: Date): Promise<number> {
  const result = await sql<{ n: number }>`WITH m AS (
      UPDATE tracking_events SET machine = true, machine_reason = ${reason}
      WHERE delivery_id = ${deliveryId} AND kind = 'click' AND NOT machine AND occurred_at BETWEEN ${iso(from)} AND ${iso(to)} RETURNING 1)
    SELECT count(*)::int AS n FROM m`.execute(db);
  return count(result.rows);
}

/** Clicks of the delivery still counted as a person's. */
export async function countHumanClicks(db: AnyDb, deliveryId: number): Promise<number> {
  const result = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM tracking_events WHERE delivery_id = ${deliveryId} AND kind = 'click' AND NOT machine`.execute(db);
  return count(result.rows);
}

/** The person's CTA clicks and downloads of a campaign in the feed (never machine traffic). */
export async function countPersonFeedClicks(db: AnyDb, campaignId: number, personId: number): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tracking_events
    WHERE campaign_id = ${campaignId} AND person_id = ${personId} AND kind IN ('cta', 'download') AND NOT machine`.execute(db);
  return count(result.rows);
}

/** A campaign's flagged events, newest first. */
export async function listMachineEvents(db: AnyDb, campaignId: number, limit: number) {
  return sql<{
    id: string;
    delivery_id: string;
    kind: string;
    link_index: number | null;
    machine_reason: string;
    user_agent_class: string;
    network: string | null;
    occurred_at: Date | string;
  }>`
    SELECT id, delivery_id, kind, link_index, machine_reason, user_agent_class, network, occurred_at FROM tracking_events
    WHERE campaign_id = ${campaignId} AND machine ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`.execute(db);
}
