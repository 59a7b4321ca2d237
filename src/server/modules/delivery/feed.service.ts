// The employee's feed in Resonance: their own variant of every campaign sent to them on the feed,
// rendered for them, newest first, must-reads pinned until acknowledged; reading and acknowledging.
// One acknowledgement counts for the campaign on every channel. Reads and acknowledgements are also
// activity events (segment rules, follow-ups) in individual tracking mode. A message a leader released
// to their team shows the leader's version; a held one is not shown until released. Reads with their
// dwell and the links followed from an item go to the tracking module (ADR 0025).
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { FeedItem, FeedPage } from '../../../shared/delivery.js';
import type { CampaignDefinition } from '../../../shared/campaigns.js';
import { compiledMessageFor, getCampaignDefinition, listMustReadCampaignIds, renderMessage, templateContext } from '../campaigns/index.js';
import { effectiveTrackingMode, recordActivity, recordFeedClick, recordFeedRead, type TrackingMode } from '../tracking/index.js';
import { findTemplatePeople } from '../people/index.js';
import * as q from './delivery.queries.js';
import * as cq from './cascade.queries.js';
import { leaderDraftOf } from './leader-version.js';

const pages = idCursor('f');

type FeedContext = { db: AnyDb; brand: Config['brand']; personId: number | null };

async function present(ctx: FeedContext & { personId: number }, rows: q.FeedRow[]): Promise<FeedItem[]> {
  const campaigns = new Map<number, CampaignDefinition>();
  for (const id of new Set(rows.map((r) => r.campaign_id))) campaigns.set(id, await getCampaignDefinition({ db: ctx.db, id }));
  const person = (await findTemplatePeople({ db: ctx.db, ids: [ctx.personId] })).get(ctx.personId);
  if (!person) return [];
  const releases = new Map<number, cq.Release | undefined>();
  for (const r of rows) {
    if (r.leader_person_id === null) continue;
    releases.set(r.id, (await cq.findReleases(ctx.db, r.campaign_id, [r.leader_person_id])).get(r.leader_person_id));
  }
  return Promise.all(
    rows.map(async (r) => {
      const campaign = campaigns.get(r.campaign_id)!;
      const draft = leaderDraftOf(releases.get(r.id), r.variant_key, r.language);
      const compiled = await compiledMessageFor({ campaign, variantKey: r.variant_key, language: r.language, step: 0, brand: ctx.brand, draft });
      const message = await renderMessage(compiled, templateContext(person, campaign));
      return {
        id: r.id,
        campaign: { id: campaign.id, name: campaign.name, kind: campaign.kind },
        subject: message.subject,
        html: message.feedHtml,
        sent_at: r.sent_at.toISOString(),
        read: r.read_at !== null,
        must_read: campaign.kind === 'must_read',
        acknowledged: r.acknowledged_at !== null,
        acknowledge_by: campaign.acknowledge_by,
      };
    }),
  );
}

/**
 * The caller's feed page; a user without a person in the directory has an empty feed.
 * @example const feed = await readFeed({ db, brand, personId: 42, limit: 20 }); feed.pinned // must-reads to acknowledge
 */
export async function readFeed(input: FeedContext & { cursor?: string; limit: number }): Promise<FeedPage> {
  const { personId } = input;
  if (personId === null) return { unread: 0, pinned: [], items: [], next_cursor: null };
  const before = pages.decode(input.cursor);
  const mustRead = await listMustReadCampaignIds({ db: input.db });
  const [rows, unread, pinnedRows] = await Promise.all([
    q.findFeed(input.db, { personId, before, limit: input.limit + 1 }),
    q.countUnread(input.db, personId),
    before === undefined && mustRead.length > 0 ? q.findFeed(input.db, { personId, limit: 50, campaignIds: mustRead }) : Promise.resolve([]),
  ]);
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  const ctx = { ...input, personId };
  return {
    unread,
    pinned: await present(
      ctx,
      pinnedRows.filter((r) => r.acknowledged_at === null),
    ),
    items: await present(ctx, page),
    next_cursor,
  };
}

async function ownDelivery(db: AnyDb, personId: number | null, id: number) {
  const delivery = personId === null ? null : await q.findOwnFeedDelivery(db, personId, id);
  if (!delivery || personId === null) throw notFound(`feed item ${id}`, coded('feed.not_found', { id }));
  return { delivery, personId };
}

type TrackingConfig = { TRACKING_MODE: TrackingMode };

/**
 * Marks one of the caller's feed items read (once). The person's `opened` activity only in individual
 * tracking mode: in aggregate an activity would name them, and off records nothing.
 */
export async function markFeedRead(input: { db: AnyDb; config: TrackingConfig; personId: number | null; id: number }): Promise<void> {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  await input.db.transaction().execute(async (trx) => {
    if (!(await q.markRead(trx, delivery.id))) return;
    const campaign = await getCampaignDefinition({ db: trx, id: delivery.campaign_id });
    if (effectiveTrackingMode(campaign, input.config) === 'individual') await recordActivity({ db: trx, type: 'opened', personId, campaignId: campaign.id });
  });
}

const feedOf = (delivery: { id: number; campaign_id: number; variant_key: string; language: string }, personId: number) => ({
  id: Number(delivery.id),
  campaignId: Number(delivery.campaign_id),
  personId,
  variantKey: delivery.variant_key,
  language: delivery.language,
});

/**
 * Records a read of one of the caller's feed items with how long it was visible; several reads of the
 * same item are kept (the report takes the best). Answers once committed.
 * @example await recordFeedItemRead({ db, config, personId: 42, id: 9, dwellMs: 12_000, at: new Date() }); // a 'read'
 */
export async function recordFeedItemRead(input: { db: AnyDb; config: TrackingConfig; personId: number | null; id: number; dwellMs: number; at: Date }) {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  await recordFeedRead({ db: input.db, config: input.config, feed: feedOf(delivery, personId), dwellMs: input.dwellMs, at: input.at });
}

/**
 * Records a link followed from one of the caller's feed items (by its index in the message) and
 * answers the campaign's own target for it; an index the message does not have is a 404.
 * @example await recordFeedItemClick({ db, config, personId: 42, id: 9, link: 0, at: new Date() }) // { kind: 'cta', url: 'https://…' }
 */
export async function recordFeedItemClick(input: { db: AnyDb; config: TrackingConfig; personId: number | null; id: number; link: number; at: Date }) {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  const click = await recordFeedClick({ db: input.db, config: input.config, feed: feedOf(delivery, personId), link: input.link, at: input.at });
  if (!click) throw notFound(`link ${input.link} of feed item ${input.id}`, coded('feed.link_not_found', { id: input.id, link: input.link }));
  return click;
}

/** Acknowledges a must-read from the feed: read, acknowledged once for every channel, an event. */
export async function acknowledgeFeedItem(input: { db: AnyDb; personId: number | null; id: number }): Promise<void> {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  const campaign = await getCampaignDefinition({ db: input.db, id: delivery.campaign_id });
  if (campaign.kind !== 'must_read') throw new AppError('conflict', 'only a must-read is acknowledged', coded('feed.not_must_read'));
  await acknowledgeMustRead({ db: input.db, campaignId: delivery.campaign_id, personId, channel: 'feed', feedDeliveryId: delivery.id });
}

/**
 * Records a person's acknowledgement of a must-read, whichever channel it came from (the feed's button,
 * the e-mail's link): once per person and campaign, an `acknowledged` event the first time (which ends
 * `not_acknowledged` follow-ups). The same acknowledgement again changes nothing; true the first time.
 * @example await acknowledgeMustRead({ db, campaignId: 7, personId: 42, channel: 'email' });
 */
export async function acknowledgeMustRead(input: {
  db: AnyDb;
  campaignId: number;
  personId: number;
  channel: 'feed' | 'email';
  feedDeliveryId?: number;
}): Promise<boolean> {
  return input.db.transaction().execute(async (trx) => {
    if (input.feedDeliveryId !== undefined) await q.markRead(trx, input.feedDeliveryId);
    if (!(await q.acknowledge(trx, { campaignId: input.campaignId, personId: input.personId, channel: input.channel }))) return false;
    await recordActivity({ db: trx, type: 'acknowledged', personId: input.personId, campaignId: input.campaignId });
    return true;
  });
}
