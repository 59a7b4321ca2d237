// The campaigns module's public API: other modules and the app import only from here.
export { registerCampaignRoutes } from './campaigns.routes.js';
export {
  createCampaign,
  getCampaign,
  getCampaignDefinition,
  listCampaigns,
  updateCampaign,
  campaignAssignments,
  resolveRecipientsSql,
  requestSend,
  startSending,
  finishSending,
  listMustReadCampaignIds,
  getCampaignStatus,
  changeSending,
  followUpPeopleSql,
  addReminder,
  reopenSending,
  getSendLocalTime,
} from './campaigns.service.js';
export { compiledMessageFor, compiledBriefingFor, compiledTalkingPointsFor, BRIEFING_STEP, FOLLOW_UP_STEPS, type LeaderDraft } from './compiled-messages.js';
export {
  compileMessage,
  messageLinks,
  renderMail,
  renderMessage,
  templateContext,
  type Brand,
  type CompiledMessage,
  type MailTracking,
  type RenderedMessage,
} from './render-message.js';
export { checkTemplate, createTemplateEngine } from './campaign-templates.js';
export { footerTexts, type MailFooter, type MailLinks } from './mail-footer.js';
