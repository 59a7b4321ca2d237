// The preferences module's public API: other modules and the app import only from here.
export { registerPreferenceRoutes } from './preferences.routes.js';
export { registerUnsubscribeRoutes } from './unsubscribe.routes.js';
export { readPreferences, savePreferences, preferencesForFanOut, unsubscribeFromTopic } from './preferences.service.js';
export { createTopic, findTopic, listTopics, topicName } from './topics.service.js';
export { unsubscribeUrl } from './unsubscribe-link.js';
export type { PreferenceColumns } from './preferences.queries.js';
