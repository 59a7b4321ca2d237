// The analytics module's public API (ADR 0024): campaign reports from rollups kept by a job.
export { registerAnalyticsRoutes } from './analytics.routes.js';
export { getCampaignReport } from './report.service.js';
export { rollUpReports, rollUpCampaign } from './rollup.service.js';
export { rollUpReportsJob } from './jobs/roll-up-reports.job.js';
