// The delivery module's public API: other modules and the app import only from here.
export { registerDeliveryRoutes } from './delivery.routes.js';
export { fanOutCampaign, finishIfDone, sendCampaignEmail, writeFollowUp } from './send-campaign.service.js';
export { closeMailTransports, mailTransport, MailError, type MailTransport, type OutgoingMail } from './mail-transport.js';
export { fanOutCampaignJob } from './jobs/fan-out-campaign.job.js';
export { sendCampaignEmailJob } from './jobs/send-campaign-email.job.js';
export { sendCampaignChatJob } from './jobs/send-campaign-chat.job.js';
export { resumeSendingJob } from './jobs/resume-sending.job.js';
export { sendFollowUpJob } from './jobs/send-follow-up.job.js';
export { releaseCascadeJob } from './jobs/release-cascade.job.js';
export { registerCascadeRoutes } from './cascade.routes.js';
export { getCascadeReport, getCascadeTotals } from './cascade.service.js';
export { findCampaignRecipients, findReceivedCampaigns } from './campaign-recipients.queries.js';
