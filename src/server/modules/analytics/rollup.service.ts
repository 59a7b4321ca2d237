// Keeping the report rollups (ADR 0024). A run reads what is new in the append-only sources past their
// watermarks: the deliveries new tracking events belong to get their engagement recomputed from all
// their events, and every campaign touched (or still sending, or finished since its last report) gets
// its groups and report row rewritten in one transaction. Reports read only the rollups, never events.
import type { AnyDb } from '../../platform/db/connect.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { effectiveTrackingMode, type TrackingMode } from '../tracking/index.js';
import * as q from './analytics.queries.js';

/** An id is read past once its row is this old: ids are handed out before commit, in any order. */
export const SETTLE_MS = 120_000;
/** Deliveries recomputed per statement. */
const DELIVERY_CHUNK = 5_000;

export type RollupResult = { deliveries: number; campaigns: number[] };

/**
 * One rollup run: engagement of touched deliveries, then the due campaigns' reports.
 * @example const { campaigns } = await rollUpReports({ db, config, now: new Date() });
 */
export async function rollUpReports(input: { db: AnyDb; config: { TRACKING_MODE: TrackingMode }; now: Date; signal?: AbortSignal }): Promise<RollupResult> {
  const { db, now } = input;
  const settled = new Date(now.getTime() - SETTLE_MS);
  const [eventsMark, activityMark] = await Promise.all([q.findWatermark(db, 'tracking_events'), q.findWatermark(db, 'events')]);
  // Read the settled ids first: what commits while this run reads is read again next run.
  const [eventsSettled, activitySettled] = await Promise.all([
    q.findSettledId(db, 'tracking_events', eventsMark, settled),
    q.findSettledId(db, 'events', activityMark, settled),
  ]);
  const touchedDeliveries = await q.findTouchedDeliveries(db, eventsMark);
  const touched = new Set(await q.findTouchedCampaignsByActivity(db, activityMark));
  for (let i = 0; i < touchedDeliveries.length; i += DELIVERY_CHUNK) {
    const chunk = touchedDeliveries.slice(i, i + DELIVERY_CHUNK);
    for (const id of await db.transaction().execute((trx) => q.refreshDeliveryEngagement(trx, chunk))) touched.add(id);
  }
  const due = await q.findDueCampaigns(db, [...touched]);
  const done: number[] = [];
  for (const campaignId of due) {
    if (input.signal?.aborted) break;
    await rollUpCampaign({ db, config: input.config, campaignId, now });
    done.push(campaignId);
  }
  // Only after every campaign was rewritten: a run that dies reads the same again.
  if (!input.signal?.aborted) {
    if (eventsSettled !== null) await q.saveWatermark(db, 'tracking_events', eventsSettled);
    if (activitySettled !== null) await q.saveWatermark(db, 'events', activitySettled);
  }
  return { deliveries: touchedDeliveries.length, campaigns: done };
}

/**
 * Rewrites one campaign's rollups now (the job does this for due campaigns; the report's "refresh").
 * @example await rollUpCampaign({ db, config, campaignId: 7, now: new Date() });
 */
export async function rollUpCampaign(input: { db: AnyDb; config: { TRACKING_MODE: TrackingMode }; campaignId: number; now: Date }): Promise<void> {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.campaignId });
  // A feed item opened counts as an open unless the campaign is not tracked at all.
  const feedViews = effectiveTrackingMode(campaign, input.config) !== 'off';
  await input.db.transaction().execute((trx) => q.rewriteCampaignRollup(trx, { campaignId: input.campaignId, now: input.now, feedViews }));
}
