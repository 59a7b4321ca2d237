// The identity module's public API: other modules and the app import only from here.
export { registerAuthentication, principalOf, callerCan, sessionUserOf } from './authenticate.hook.js';
export { registerIdentityRoutes } from './identity.routes.js';
export { can, PERMISSIONS, type Permission } from './permissions.js';
export { upsertUserWithPassword, generatePassword, purgeExpiredSessions, type Principal } from './identity.service.js';
export { createApiToken, revokeApiToken, listApiTokens } from './api-tokens.service.js';
export { recordAudit, auditActorOf, CLI_ACTOR, type AuditActor, type RecordAuditInput } from './audit.service.js';
export { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job.js';
