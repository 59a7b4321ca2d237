// The campaigns module's public API: other modules and the app import only from here.
export { registerCampaignRoutes } from './campaigns.routes.js';
export { createCampaign, getCampaign, listCampaigns, updateCampaign, campaignAssignments, resolveRecipientsSql } from './campaigns.service.js';
export { checkTemplate, createTemplateEngine } from './campaign-templates.js';
