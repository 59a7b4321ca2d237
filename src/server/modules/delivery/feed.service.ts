// The employee's feed in Resonance: their own variant of every campaign sent to them on the feed,
// rendered for them, newest first, must-reads pinned until acknowledged; reading and acknowledging.
// One acknowledgement counts for the campaign on every channel. Reads and acknowledgements are also
// activity events (segment rules, follow-ups), unless the campaign's tracking is off. A message a
// leader released to their team shows the leader's version; a held one is not shown until released.
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { FeedItem, FeedPage } from '../../../shared/delivery.js';
import type { Campaign } from '../../../shared/campaigns.js';
import { compiledMessageFor, getCampaign, listMustReadCampaignIds, renderMessage, templateContext } from '../campaigns/index.js';
import { recordActivity } from '../tracking/index.js';
import { findTemplatePeople } from '../people/index.js';
import * as q from './delivery.queries.js';
import * as cq from './cascade.queries.js';
import { leaderDraftOf } from './leader-version.js';

const pages = idCursor('f');

type FeedContext = { db: AnyDb; brand: Config['brand']; personId: number | null };

async function present(ctx: FeedContext & { personId: number }, rows: q.FeedRow[]): Promise<FeedItem[]> {
  const campaigns = new Map<number, Campaign>();
  for (const id of new Set(rows.map((r) => r.campaign_id))) campaigns.set(id, await getCampaign({ db: ctx.db, id }));
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

/** Marks one of the caller's feed items read (once; an `opened` event unless tracking is off). */
export async function markFeedRead(input: { db: AnyDb; personId: number | null; id: number }): Promise<void> {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  await input.db.transaction().execute(async (trx) => {
    if (!(await q.markRead(trx, delivery.id))) return;
    const campaign = await getCampaign({ db: trx, id: delivery.campaign_id });
    if (campaign.tracking !== 'off') await recordActivity({ db: trx, type: 'opened', personId, campaignId: campaign.id });
  });
}

/** Acknowledges a must-read from the feed: read, acknowledged once for every channel, an event. */
export async function acknowledgeFeedItem(input: { db: AnyDb; personId: number | null; id: number }): Promise<void> {
  const { delivery, personId } = await ownDelivery(input.db, input.personId, input.id);
  const campaign = await getCampaign({ db: input.db, id: delivery.campaign_id });
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
