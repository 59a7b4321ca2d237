// The identity module's public API: other modules and the app import only from here.
export { registerAuthentication, principalOf, callerCan } from './authenticate.hook.js';
export { registerIdentityRoutes } from './identity.routes.js';
export { can, PERMISSIONS, type Permission } from './permissions.js';
export { createApiToken, revokeApiToken, upsertUserWithPassword, generatePassword, purgeExpiredSessions, type Principal } from './identity.service.js';
export { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job.js';
