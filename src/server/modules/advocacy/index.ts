// The advocacy module's public API (issue 12, DESIGN §3.9): content library and share links, points,
// leaderboards and the influence score, the maturity model and onboarding waves, referrals.
export { awardPoints, type Award } from './points.service.js';
export { getAdvocacySettings } from './settings.service.js';
export { registerReferralRoutes } from './referrals.routes.js';
export { clearClosedReferralContacts } from './referrals.service.js';
