// The privacy module's public API: other modules and the app import only from here.
export { registerPrivacyRoutes } from './privacy.routes.js';
export { applyRetention, type RetentionResult } from './retention.service.js';
export { applyRetentionJob } from './jobs/apply-retention.job.js';
