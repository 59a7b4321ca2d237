// The chat module's public API (ADR 0019): other modules and the app import only from here.
export { registerChatRoutes } from './chat.routes.js';
export {
  writeChatPosts,
  sendCampaignChat,
  openChatPosts,
  findCampaignsWithDueChat,
  suppressQueuedChatPosts,
  listCampaignChatPosts,
  type ChatSendOutcome,
} from './chat-posts.service.js';
