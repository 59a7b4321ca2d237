// The dialogue module's public API: other modules and the app import only from here.
export { registerConversationRoutes } from './conversation.routes.js';
export { scoreComment } from './sentiment.js';
