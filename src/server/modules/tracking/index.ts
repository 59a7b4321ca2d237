// The tracking module's public API (ADR 0022): e-mail opens and clicks, machine traffic flagged.
export { registerTrackingRoutes } from './tracking.routes.js';
export { mailTracking, withoutTrackingPixel } from './tracking-links.js';
export { effectiveTrackingMode, type TrackingMode } from './tracking-mode.js';
export { trackingPartitionsJob, ensureTrackingPartitions } from './jobs/tracking-partitions.job.js';
