// Recording opens and clicks (ADR 0022). Each request is classified (machine signals that one request
// shows: HEAD, bot user agent, scanner network, the honeypot), then handed to a group commit: the
// requests that arrive while one transaction runs share the next, and each is answered only once its
// row is committed. Inside the transaction the signals that need history are applied: a honeypot hit
// marks the delivery's clicks within ±30 s as machine, and every link of a message hit within a few
// seconds marks those clicks as machine. Only a human open or click in individual mode becomes the
// person's `opened` / `clicked` activity, and one that is later found to be a machine's is taken back.
import { isbot } from 'isbot';
import type { AnyDb } from '../../platform/db/connect.js';
import { groupCommit, groupRead } from '../../platform/db/group-commit.js';
import { recordActivities, withdrawActivity } from './activity-events.js';
import { getCampaignDefinition, messageLinks } from '../campaigns/index.js';
import { scannerNetworkOf } from './scanner-networks.js';
import { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
import { HONEYPOT } from './tracking-links.js';
import * as q from './tracking.queries.js';

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
  const row = await emailDeliveryReader(input.db)(input.deliveryId);
  if (!row) return null;
  const found = await campaignLinks(input.db, Number(row.campaign_id));
  if (!found) return null;
  return {
    id: input.deliveryId,
    campaignId: Number(row.campaign_id),
    personId: Number(row.person_id),
    // An erased person's old mail is still counted, without anyone (ADR 0023).
    mode: row.person_id === null ? (effectiveTrackingMode(found, input.config) === 'off' ? 'off' : 'aggregate') : effectiveTrackingMode(found, input.config),
    links: found.links.get(`${row.variant_key}\u0000${row.language}`) ?? [],
  };
}

/** Per database: concurrent requests' delivery look-ups go together (one query, not a connection each). */
const deliveryReaders = new WeakMap<object, (id: number) => Promise<q.EmailDeliveryRow | undefined>>();
function emailDeliveryReader(db: AnyDb) {
  let reader = deliveryReaders.get(db);
  if (!reader) deliveryReaders.set(db, (reader = groupRead((ids: number[]) => q.findEmailDeliveries(db, ids))));
  return reader;
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

export function campaignLinks(db: AnyDb, campaignId: number): Promise<CampaignLinks | null> {
  let perDb = campaignCache.get(db);
  if (!perDb) campaignCache.set(db, (perDb = new Map() as CachedCampaigns));
  const hit = perDb.get(campaignId);
  if (hit && Date.now() - hit.at < CAMPAIGN_TTL_MS) return hit.value;
  const value = getCampaignDefinition({ db, id: campaignId }).then(
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

/** E-mail: open, click, honeypot (ADR 0022); feed: read (with its dwell), cta, download (ADR 0025). */
export type TrackingKind = 'open' | 'click' | 'honeypot' | 'read' | 'cta' | 'download';
export type DwellBucket = 'glanced' | 'skimmed' | 'read';

/**
 * The bucket of a feed read's dwell: under 4 s glanced, under 10 s skimmed, else read.
 * @example dwellBucketOf(3999) // 'glanced'
 */
export function dwellBucketOf(dwellMs: number): DwellBucket {
  return dwellMs < 4_000 ? 'glanced' : dwellMs < 10_000 ? 'skimmed' : 'read';
}

export type TrackingEvent = {
  delivery: TrackedDelivery;
  kind: TrackingKind;
  link: number | null;
  /** How long a feed item was visible (kind 'read' only). */
  dwellMs?: number | null;
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
    dwell_ms: e.kind === 'read' ? (e.dwellMs ?? null) : null,
    dwell_bucket: e.kind === 'read' ? dwellBucketOf(e.dwellMs ?? 0) : null,
  }));
  await q.insertTrackingEvents(db, rows);
  // The look-backs of every click of the batch in one statement: marking clicks as machine below changes
  // neither count (each counts rows whatever their flag), so they can be read before the loop.
  const clicks = events.filter((e) => e.kind === 'click');
  const windows = clicks.map((e) => ({ ...sweepWindow(e.at), ...honeypotWindow(e.at) }));
  const signals = await q.clickSignals(
    db,
    clicks.map((e, i) => ({
      delivery_id: e.delivery.id,
      links_from: iso(windows[i]!.sweepFrom),
      links_to: iso(windows[i]!.sweepTo),
      honeypot_from: iso(windows[i]!.honeypotFrom),
      honeypot_to: iso(windows[i]!.honeypotTo),
    })),
  );
  const signalOf = new Map(clicks.map((e, i) => [e, { ...signals[i]!, ...windows[i]! }]));
  // A person's opens and clicks become their activity in one statement for the whole batch; the marks
  // come after it, so a click a later event of the batch shows to be a machine's is taken back.
  const activities: TrackingEvent[] = [];
  const marks: [TrackedDelivery, MachineReason, Date, Date][] = [];
  for (const e of events) {
    if (e.kind === 'honeypot') {
      const w = honeypotWindow(e.at);
      marks.push([e.delivery, 'honeypot_window', w.honeypotFrom, w.honeypotTo]);
      continue;
    }
    const click = signalOf.get(e);
    // A sweep: every link of the message clicked within the window ending now.
    if (click && e.delivery.links.length > 1 && click.links >= e.delivery.links.length) {
      marks.push([e.delivery, 'all_links', click.sweepFrom, click.sweepTo]);
      continue;
    }
    if (e.reason !== null) continue;
    // A click within 30 s after a honeypot hit is a machine's too.
    if (click && click.honeypots > 0) {
      marks.push([e.delivery, 'honeypot_window', click.honeypotFrom, click.honeypotTo]);
      continue;
    }
    // A feed read is not an activity of its own: marking the item read records `opened` (delivery module).
    if (e.delivery.mode === 'individual' && e.kind !== 'read') activities.push(e);
  }
  await recordActivities(
    db,
    activities.map((e) => ({ type: e.kind === 'open' ? 'opened' : 'clicked', personId: e.delivery.personId, campaignId: e.delivery.campaignId })),
  );
  for (const [delivery, reason, from, to] of marks) await markMachine(db, delivery, reason, from, to);
}

const sweepWindow = (at: Date) => ({ sweepFrom: new Date(at.getTime() - ALL_LINKS_WINDOW_MS), sweepTo: at });
const honeypotWindow = (at: Date) => ({ honeypotFrom: new Date(at.getTime() - HONEYPOT_WINDOW_MS), honeypotTo: new Date(at.getTime() + HONEYPOT_WINDOW_MS) });

/**
 * Marks the delivery's human clicks in [from, to] as machine, and takes back the `clicked` activity
 * they gave the person (the only change ever made to a recorded event: its flag).
 */
async function markMachine(db: AnyDb, delivery: TrackedDelivery, reason: MachineReason, from: Date, to: Date): Promise<void> {
  const marked = await q.markClicksMachine(db, delivery.id, reason, from, to);
  if (delivery.mode !== 'individual') return;
  // Human clicks of the delivery outside the window still count, and so do the person's CTA clicks and
  // downloads in the feed: the activity stays if one is left.
  if (marked === 0 || (await q.countHumanClicks(db, delivery.id)) > 0) return;
  if ((await q.countPersonFeedClicks(db, delivery.campaignId, delivery.personId)) > 0) return;
  await withdrawActivity({ db, type: 'clicked', personId: delivery.personId, campaignId: delivery.campaignId });
}

export { HONEYPOT };

/**
 * A campaign's flagged machine events, newest first (for the communicator's panel).
 * @example await listMachineEvents({ db, campaignId: 7, limit: 100 })
 */
export async function listMachineEvents(input: { db: AnyDb; campaignId: number; limit: number }) {
  const rows = await q.listMachineEvents(input.db, input.campaignId, input.limit);
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
