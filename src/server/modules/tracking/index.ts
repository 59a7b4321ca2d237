// The tracking module's public API (ADR 0022, 0025): e-mail opens and clicks with machine traffic flagged,
// feed reads, CTA clicks and downloads, and the activity events (`events`) every module records through.
export { registerTrackingRoutes } from './tracking.routes.js';
export { mailTracking, withoutTrackingPixel } from './tracking-links.js';
export { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
export { trackingPartitionsJob, ensureTrackingPartitions } from './jobs/tracking-partitions.job.js';
export { recordActivity, peopleWithActivity, withdrawActivity, activityExistsSql } from './activity-events.js';
export { recordFeedRead, recordFeedClick, feedLinkKind, type FeedDelivery } from './feed-events.js';
export { dwellBucketOf, classifyRequest, type DwellBucket } from './tracking.service.js';
export { scannerNetworkOf } from './scanner-networks.js';
export { recordActivities } from './activity-events.js';
