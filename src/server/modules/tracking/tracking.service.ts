// Recording opens and clicks (ADR 0022). Each request is classified (machine signals that one request
// shows: HEAD, bot user agent, scanner network, the honeypot), then handed to a group commit: the
// requests that arrive while one transaction runs share the next, and each is answered only once its
// row is committed. Inside the transaction the signals that need history are applied: a honeypot hit
// marks the delivery's clicks within ±30 s as machine, and every link of a message hit within a few
// seconds marks those clicks as machine. Only a human open or click in individual mode becomes the
// person's `opened` / `clicked` activity, and one that is later found to be a machine's is taken back.
import { sql } from 'kysely';
import { isbot } from 'isbot';
import type { AnyDb } from '../../platform/db/connect.js';
import { groupCommit } from '../../platform/db/group-commit.js';
import { recordActivity } from '../audiences/index.js';
import { getCampaign, messageLinks } from '../campaigns/index.js';
import { scannerNetworkOf } from './scanner-networks.js';
import { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
import { HONEYPOT } from './tracking-links.js';

/** A honeypot hit marks the delivery's clicks this close to it as machine. */
export const HONEYPOT_WINDOW_MS = 30_000;
/** Every link of a message hit within this long counts as a scanner's sweep. */
export const ALL_LINKS_WINDOW_MS = 5_000;

import type { MachineReason } from '../../../shared/tracking.js';
export type { MachineReason };
export type UserAgentClass = 'none' | 'bot' | 'browser';

export type TrackingRequest = { method: string; userAgent: string | undefined; address: string };

/** What one request shows by itself. */
export function classifyRequest(request: TrackingRequest): { reason: MachineReason | null; userAgentClass: UserAgentClass; network: string | null } {
  const ua = request.userAgent?.trim() ?? '';
  const userAgentClass: UserAgentClass = ua === '' ? 'none' : isbot(ua) ? 'bot' : 'browser';
  const network = scannerNetworkOf(request.address);
  const reason: MachineReason | null =
    request.method === 'HEAD' ? 'head_request' : userAgentClass === 'bot' ? 'bot_user_agent' : network ? 'scanner_network' : null;
  return { reason, userAgentClass, network };
}

/** The delivery a token names, with what recording needs; null when it is gone. */
export type TrackedDelivery = { id: number; campaignId: number; personId: number; mode: TrackingMode; links: string[] };

type Config = { TRACKING_MODE: TrackingMode };

/**
 * The delivery, its campaign's effective mode and the message's links (from the campaign itself).
 * @example const d = await findTrackedDelivery({ db, config, deliveryId: 9 }); d?.links[0] // 'https://intranet.example/plan'
 */
export async function findTrackedDelivery(input: { db: AnyDb; config: Config; deliveryId: number }): Promise<TrackedDelivery | null> {
  const row = (
    await sql<{ campaign_id: number; person_id: number; variant_key: string; language: string }>`
      SELECT campaign_id, person_id, variant_key, language FROM deliveries WHERE id = ${input.deliveryId} AND channel = 'email'`.execute(input.db)
  ).rows[0];
  if (!row) return null;
  const found = await campaignLinks(input.db, Number(row.campaign_id));
  if (!found) return null;
  return {
    id: input.deliveryId,
    campaignId: Number(row.campaign_id),
    personId: Number(row.person_id),
    mode: effectiveTrackingMode(found, input.config),
    links: found.links.get(`${row.variant_key}\u0000${row.language}`) ?? [],
  };
}

/**
 * A campaign's tracking setting and each variant's and language's links, kept a few seconds per
 * process: a burst of opens does not read the whole campaign per request, and a change of mode
 * mid-campaign takes effect within that time.
 */
const CAMPAIGN_TTL_MS = 5_000;
type CampaignLinks = { tracking: TrackingMode | null; links: Map<string, string[]> };
type CachedCampaigns = Map<number, { at: number; value: Promise<CampaignLinks | null> }>;
const campaignCache = new WeakMap<object, CachedCampaigns>();

function campaignLinks(db: AnyDb, campaignId: number): Promise<CampaignLinks | null> {
  let perDb = campaignCache.get(db);
  if (!perDb) campaignCache.set(db, (perDb = new Map() as CachedCampaigns));
  const hit = perDb.get(campaignId);
  if (hit && Date.now() - hit.at < CAMPAIGN_TTL_MS) return hit.value;
  const value = getCampaign({ db, id: campaignId }).then(
    (campaign) => ({
      tracking: campaign.tracking,
      links: new Map(
        campaign.variants.flatMap((v) => Object.entries(v.content).map(([lang, content]) => [`${v.key}\u0000${lang}`, messageLinks(content)] as const)),
      ),
    }),
    () => null,
  );
  perDb.set(campaignId, { at: Date.now(), value });
  if (perDb.size > 1000) perDb.delete(perDb.keys().next().value!);
  return value;
}

export type TrackingEvent = {
  delivery: TrackedDelivery;
  kind: 'open' | 'click' | 'honeypot';
  link: number | null;
  reason: MachineReason | null;
  userAgentClass: UserAgentClass;
  network: string | null;
  at: Date;
};

const recorders = new WeakMap<object, (event: TrackingEvent) => Promise<void>>();

/**
 * Records one event, resolving once it is committed (shared transaction with concurrent callers).
 * In `off` mode nothing is stored.
 * @example await recordTrackingEvent(db, { delivery, kind: 'open', link: null, reason: null, userAgentClass: 'browser', network: null, at: new Date() });
 */
export function recordTrackingEvent(db: AnyDb, event: TrackingEvent): Promise<void> {
  if (event.delivery.mode === 'off') return Promise.resolve();
  let record = recorders.get(db);
  if (!record) {
    record = groupCommit((events: TrackingEvent[]) => db.transaction().execute((trx) => writeEvents(trx, events)));
    recorders.set(db, record);
  }
  return record(event);
}

const iso = (d: Date) => d.toISOString();

async function writeEvents(db: AnyDb, events: TrackingEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    delivery_id: e.delivery.id,
    campaign_id: e.delivery.campaignId,
    person_id: e.delivery.mode === 'individual' ? e.delivery.personId : null,
    kind: e.kind,
    link_index: e.link,
    machine: e.kind === 'honeypot' || e.reason !== null,
    machine_reason: e.kind === 'honeypot' ? 'honeypot' : e.reason,
    user_agent_class: e.userAgentClass,
    network: e.network,
    occurred_at: iso(e.at),
  }));
  await sql`INSERT INTO tracking_events (delivery_id, campaign_id, person_id, kind, link_index, machine, machine_reason, user_agent_class, network, occurred_at)
    SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(delivery_id bigint, campaign_id bigint, person_id bigint, kind text, link_index integer,
      machine boolean, machine_reason text, user_agent_class text, network text, occurred_at timestamptz)`.execute(db);
  for (const e of events) {
    if (e.kind === 'honeypot') {
      await markMachine(db, e.delivery, 'honeypot_window', new Date(e.at.getTime() - HONEYPOT_WINDOW_MS), new Date(e.at.getTime() + HONEYPOT_WINDOW_MS));
      continue;
    }
    if (e.kind === 'click' && e.delivery.links.length > 1) {
      // A sweep: every link of the message clicked within the window ending now.
      const from = new Date(e.at.getTime() - ALL_LINKS_WINDOW_MS);
      const hit = await sql<{ n: number }>`SELECT count(DISTINCT link_index)::int AS n FROM tracking_events
        WHERE delivery_id = ${e.delivery.id} AND kind = 'click' AND occurred_at BETWEEN ${iso(from)} AND ${iso(e.at)}`.execute(db);
      if (Number(hit.rows[0]?.n ?? 0) >= e.delivery.links.length) {
        await markMachine(db, e.delivery, 'all_links', from, e.at);
        continue;
      }
    }
    if (e.reason !== null) continue;
    // A click within 30 s after a honeypot hit is a machine's too.
    if (e.kind === 'click') {
      const honeypot = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tracking_events WHERE delivery_id = ${e.delivery.id} AND kind = 'honeypot'
        AND occurred_at BETWEEN ${iso(new Date(e.at.getTime() - HONEYPOT_WINDOW_MS))} AND ${iso(new Date(e.at.getTime() + HONEYPOT_WINDOW_MS))}`.execute(db);
      if (Number(honeypot.rows[0]?.n ?? 0) > 0) {
        await markMachine(db, e.delivery, 'honeypot_window', new Date(e.at.getTime() - HONEYPOT_WINDOW_MS), new Date(e.at.getTime() + HONEYPOT_WINDOW_MS));
        continue;
      }
    }
    if (e.delivery.mode === 'individual')
      await recordActivity({ db, type: e.kind === 'open' ? 'opened' : 'clicked', personId: e.delivery.personId, campaignId: e.delivery.campaignId });
  }
}

/**
 * Marks the delivery's human clicks in [from, to] as machine, and takes back the `clicked` activity
 * they gave the person (the only change ever made to a recorded event: its flag).
 */
async function markMachine(db: AnyDb, delivery: TrackedDelivery, reason: MachineReason, from: Date, to: Date): Promise<void> {
  const marked = await sql<{ n: number }>`WITH m AS (
      UPDATE tracking_events SET machine = true, machine_reason = ${reason}
      WHERE delivery_id = ${delivery.id} AND kind = 'click' AND NOT machine AND occurred_at BETWEEN ${iso(from)} AND ${iso(to)} RETURNING 1)
    SELECT count(*)::int AS n FROM m`.execute(db);
  if (delivery.mode !== 'individual') return;
  // Human clicks of the delivery outside the window still count; the activity stays if one is left.
  if (Number(marked.rows[0]?.n ?? 0) === 0) return;
  const left = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM tracking_events WHERE delivery_id = ${delivery.id} AND kind = 'click' AND NOT machine`.execute(db);
  if (Number(left.rows[0]?.n ?? 0) > 0) return;
  await sql`DELETE FROM events WHERE type = 'clicked' AND person_id = ${delivery.personId} AND campaign_id = ${delivery.campaignId}`.execute(db);
}

export { HONEYPOT };

/**
 * A campaign's flagged machine events, newest first (for the communicator's panel).
 * @example await listMachineEvents({ db, campaignId: 7, limit: 100 })
 */
export async function listMachineEvents(input: { db: AnyDb; campaignId: number; limit: number }) {
  const rows = await sql<{
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
    WHERE campaign_id = ${input.campaignId} AND machine ORDER BY occurred_at DESC, id DESC LIMIT ${input.limit}`.execute(input.db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    delivery_id: Number(r.delivery_id),
    kind: r.kind,
    link_index: r.link_index,
    reason: r.machine_reason,
    user_agent_class: r.user_agent_class,
    network: r.network,
    occurred_at: new Date(r.occurred_at).toISOString(),
  }));
}
