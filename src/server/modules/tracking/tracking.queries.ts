// SQL of tracking: the e-mail delivery a token names (read from the delivery ledger, whose owner the
// delivery module depends on this one, so the read stays here), writing opens and clicks, the
// machine-traffic checks over them, and the communicator's list of flagged events.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { MachineReason } from '../../../shared/tracking.js';

const iso = (d: Date) => d.toISOString();
const count = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

export type EmailDeliveryRow = { campaign_id: number; person_id: number | null; variant_key: string; language: string };

/** Several e-mail deliveries' campaign, person (null once erased), variant and language, by id. */
export async function findEmailDeliveries(db: AnyDb, ids: number[]): Promise<Map<number, EmailDeliveryRow>> {
  const result = await sql<EmailDeliveryRow & { id: string }>`
    SELECT id, campaign_id, person_id, variant_key, language FROM deliveries WHERE id = ANY(${ids}::bigint[]) AND channel = 'email'`.execute(db);
  return new Map(result.rows.map(({ id, ...row }) => [Number(id), row]));
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

/** One click's look-back for `clickSignals`: its delivery, the sweep window and the honeypot window. */
export type ClickWindow = { delivery_id: number; links_from: string; links_to: string; honeypot_from: string; honeypot_to: string };

/**
 * For each click, in order: how many different links of its delivery were clicked in its sweep window
 * and how many honeypot hits it has in its honeypot window (one statement for a whole batch).
 */
export async function clickSignals(db: AnyDb, clicks: ClickWindow[]): Promise<{ links: number; honeypots: number }[]> {
  if (clicks.length === 0) return [];
  const result = await sql<{ i: number; links: number; honeypots: number }>`
    SELECT c.i,
      (SELECT count(DISTINCT t.link_index)::int FROM tracking_events t
        WHERE t.delivery_id = c.delivery_id AND t.kind = 'click' AND t.occurred_at BETWEEN c.links_from AND c.links_to) AS links,
      (SELECT count(*)::int FROM tracking_events t
        WHERE t.delivery_id = c.delivery_id AND t.kind = 'honeypot' AND t.occurred_at BETWEEN c.honeypot_from AND c.honeypot_to) AS honeypots
    FROM json_to_recordset(${JSON.stringify(clicks.map((c, i) => ({ ...c, i })))}::json)
      AS c(i integer, delivery_id bigint, links_from timestamptz, links_to timestamptz, honeypot_from timestamptz, honeypot_to timestamptz)
    ORDER BY c.i`.execute(db);
  return result.rows.map((r) => ({ links: Number(r.links), honeypots: Number(r.honeypots) }));
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
