// The tracking module's public API (ADR 0022): e-mail opens and clicks with machine traffic flagged,
// and the activity events (`events`) every module records through.
export { registerTrackingRoutes } from './tracking.routes.js';
export { mailTracking, withoutTrackingPixel } from './tracking-links.js';
export { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
export { trackingPartitionsJob, ensureTrackingPartitions } from './jobs/tracking-partitions.job.js';
export { recordActivity, peopleWithActivity, withdrawActivity, activityExistsSql } from './activity-events.js';
