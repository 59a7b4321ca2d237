// The advocacy module's public API (issue 12, DESIGN §3.9): content library and share links, points,
// leaderboards and the influence score, the maturity model and onboarding waves, referrals.
export { awardPoints, type Award } from './points.service.js';
export { getAdvocacySettings } from './settings.service.js';
// Maturity model and onboarding waves (ADR 0033).
export { registerMaturityRoutes } from './maturity.routes.js';
export { snapshotStagesJob } from './jobs/snapshot-stages.job.js';
export { snapshotStages } from './maturity.service.js';
export { suggestedWaves, createWave, listWaves, planSuggestedWave } from './waves.service.js';
