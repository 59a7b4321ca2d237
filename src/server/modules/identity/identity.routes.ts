// /api/v1/auth: sign in and out, who am I, my language and my password; then the admin routes of
// the module (users, tokens, audit log), registered from here so the app mounts identity once.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUserSchema, loginRequestSchema, passwordChangeSchema, uiLanguageUpdateSchema } from '../../../shared/identity.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ModuleContext } from '../module-context.js';
import { sessionUserOf } from './authenticate.hook.js';
import { auditActorOf } from './audit.service.js';
import { registerAuditRoutes } from './audit.routes.js';
import { SESSION_COOKIE, changeOwnPassword, currentUserOf, login, logout, setUiLanguage } from './identity.service.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, throttlePolicyOf } from './sign-in-throttle.js';
import { registerTokenRoutes } from './tokens.routes.js';
import { registerUserRoutes } from './users.routes.js';

/** Sends the throttle's wait as Retry-After too (RFC 9110 §10.2.3) before the error handler answers 429. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited' && typeof error.params.seconds === 'number') {
      reply.header('retry-after', String(error.params.seconds));
    }
    throw error;
  }
}

export function registerIdentityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
  const policy = throttlePolicyOf(ctx.config);

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password',
        description: 'Throttled per e-mail and per client address: a 429 carries Retry-After and `params.seconds` (docs/adr/0012).',
        body: loginRequestSchema,
        response: { 200: currentUserSchema },
      },
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        login({
          db: ctx.db,
          email: request.body.email,
          password: request.body.password,
          ttlHours: ctx.config.SESSION_TTL_HOURS,
          address: request.ip,
          now: ctx.clock(),
          policy,
          deviceToken: request.cookies[DEVICE_COOKIE],
        }),
      );
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, expires: result.expiresAt });
      if (result.deviceToken) {
        // Sent only to the sign-in routes; it lets this browser past the account's backoff (ADR 0012).
        reply.setCookie(DEVICE_COOKIE, result.deviceToken, { ...cookieOptions, path: '/api/v1/auth', maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS });
      }
      return result.user;
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: { tags: ['identity'], summary: 'End the current session', response: { 204: z.undefined() } },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout({ db: ctx.db, sessionToken: token, actor: auditActorOf(request) });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      schema: { tags: ['identity'], summary: 'The signed-in user', response: { 200: currentUserSchema } },
      config: { access: { signedIn: true } },
    },
    async (request) => currentUserOf(sessionUserOf(request)),
  );

  r.put(
    '/api/v1/auth/me/language',
    {
      schema: {
        tags: ['identity'],
        summary: 'Set my interface language (en, de, nl) for every device',
        body: uiLanguageUpdateSchema,
        response: { 204: z.undefined() },
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      await setUiLanguage({ db: ctx.db, userId: sessionUserOf(request).userId, language: request.body.ui_language });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/auth/me/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change my password (the current one is required); my other sessions end',
        description: 'The new password needs 12 to 256 characters and must not be the e-mail or a common password (NIST SP 800-63B).',
        body: passwordChangeSchema,
        response: { 204: z.undefined() },
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () =>
        changeOwnPassword({
          db: ctx.db,
          principal: sessionUserOf(request),
          currentPassword: request.body.current_password,
          newPassword: request.body.new_password,
          address: request.ip,
          now: ctx.clock(),
          policy,
        }),
      );
      return reply.status(204).send();
    },
  );

  registerUserRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
}
