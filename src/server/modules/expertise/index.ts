// The expertise module's public API: other modules and the app import only from here.
export { importContributions, importContributionsFile } from './import-contributions.js';
export { findExperts, RANKING } from './find-experts.js';
export { detectLanguage } from './detect-language.js';
export { registerExpertiseRoutes } from './expertise.routes.js';
export { registerSkillAdminRoutes } from './skill-admin.routes.js';
export { seedSkillTaxonomy, ensureSkillTaxonomy, resolveSkills, suggestSkills } from './skill-taxonomy.js';
export { registerCommunityRoutes } from './community.routes.js';
export { registerContributionRoutes } from './contributions.routes.js';
export { routeHelpRequestJob } from './jobs/route-help-request.job.js';
export { kudosSince, helpResolvedSince, askForHelp, routeHelpRequest } from './help.service.js';
export { suggestMentors, listAmbassadors } from './mentors.service.js';
export { generateDemoContributions } from './demo/generate-demo-contributions.js';
