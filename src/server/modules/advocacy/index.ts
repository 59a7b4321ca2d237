// The advocacy module's public API (issue 12, DESIGN §3.9): content library and share links, points,
// leaderboards and the influence score, the maturity model and onboarding waves, referrals.
export { awardPoints, type Award } from './points.service.js';
export { getAdvocacySettings } from './settings.service.js';
export { registerContentRoutes } from './content.routes.js';
export { registerShareRoutes } from './share.routes.js';
export { forgetClickSaltsJob } from './jobs/forget-click-salts.job.js';
/** A link's engagement is its latest report: B's score reads engagement through this table expression. */
export { latestEngagementSql } from './engagement.queries.js';
export { createContent, listLibrary } from './content.service.js';
export { shareContent } from './share.service.js';
export { recordClick } from './click.service.js';
export { registerAdvocacyPointsRoutes } from './engagement-points.routes.js';
export { collectPointsJob } from './jobs/collect-points.job.js';
export { awardDueBadges, collectPoints } from './engagement-points.service.js';
// Maturity model and onboarding waves (ADR 0033).
export { registerMaturityRoutes } from './maturity.routes.js';
export { snapshotStagesJob } from './jobs/snapshot-stages.job.js';
export { snapshotStages } from './maturity.service.js';
export { suggestedWaves, createWave, listWaves, planSuggestedWave } from './waves.service.js';
export { registerReferralRoutes } from './referrals.routes.js';
export { clearClosedReferralContacts } from './referrals.service.js';
