// Feed engagement (issue 10, ADR 0025): a feed item's reads with their dwell bucket, and the links
// followed from it, recorded in tracking_events through the same group commit as e-mail opens and
// clicks. The delivery module has already checked that the item is the caller's own; this records
// what the campaign's effective tracking mode allows. A feed event is always a person's browser
// (signed in, never a scanner): machine false, user agent class 'browser'.
import type { AnyDb } from '../../platform/db/connect.js';
import { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
import { campaignLinks, recordTrackingEvent, type TrackedDelivery } from './tracking.service.js';

/** A feed delivery of the signed-in person, as the delivery module found it. */
export type FeedDelivery = { id: number; campaignId: number; personId: number; variantKey: string; language: string };
type Config = { TRACKING_MODE: TrackingMode };

/** A link whose path ends in one of these is a download; every other link of the message is a CTA click. */
const DOCUMENT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|txt|zip|7z)$/i;

/**
 * 'download' for a document (by the extension of the URL's path, query and fragment ignored), else 'cta'.
 * @example feedLinkKind('https://intranet.example/policy.PDF?v=2') // 'download'
 */
export function feedLinkKind(url: string): 'cta' | 'download' {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'cta';
  }
  return DOCUMENT.test(decodeURIComponent(path)) ? 'download' : 'cta';
}

async function tracked(db: AnyDb, config: Config, feed: FeedDelivery): Promise<TrackedDelivery | null> {
  const found = await campaignLinks(db, feed.campaignId);
  if (!found) return null;
  return {
    id: feed.id,
    campaignId: feed.campaignId,
    personId: feed.personId,
    mode: effectiveTrackingMode(found, config),
    links: found.links.get(`${feed.variantKey}\u0000${feed.language}`) ?? [],
  };
}

/**
 * Records one read of a feed item with its dwell (the bucket is computed here); nothing when tracking
 * is off, no person when aggregate. Resolves once committed.
 * @example await recordFeedRead({ db, config, feed, dwellMs: 7200, at: new Date() }); // a 'skimmed' read
 */
export async function recordFeedRead(input: { db: AnyDb; config: Config; feed: FeedDelivery; dwellMs: number; at: Date }): Promise<void> {
  const delivery = await tracked(input.db, input.config, input.feed);
  if (!delivery) return;
  await recordTrackingEvent(input.db, {
    delivery,
    kind: 'read',
    link: null,
    dwellMs: input.dwellMs,
    reason: null,
    userAgentClass: 'browser',
    network: null,
    at: input.at,
  });
}

/**
 * Records a link followed from a feed item, by its index in the campaign's message (`messageLinks`
 * order, as e-mail clicks): its kind and the campaign's own target, or null when the message has no
 * link at that index (nothing recorded). In individual mode also the person's `clicked` activity.
 * @example await recordFeedClick({ db, config, feed, link: 1, at: new Date() }) // { kind: 'download', url: 'https://intranet.example/policy.pdf' }
 */
export async function recordFeedClick(input: {
  db: AnyDb;
  config: Config;
  feed: FeedDelivery;
  link: number;
  at: Date;
}): Promise<{ kind: 'cta' | 'download'; url: string } | null> {
  const delivery = await tracked(input.db, input.config, input.feed);
  const url = delivery?.links[input.link];
  if (!delivery || url === undefined) return null;
  const kind = feedLinkKind(url);
  await recordTrackingEvent(input.db, { delivery, kind, link: input.link, reason: null, userAgentClass: 'browser', network: null, at: input.at });
  return { kind, url };
}
