// /api/v1/auth: sign in and out, and who am I.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUserSchema, loginRequestSchema, uiLanguageUpdateSchema } from '../../../shared/identity.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ModuleContext } from '../module-context.js';
import { principalOf } from './authenticate.hook.js';
import { SESSION_COOKIE, currentUserOf, login, logout, setUiLanguage } from './identity.service.js';

/** The e-mail a sign-in attempt names, lower-cased, for rate limiting ('' when the body has none). */
function emailKey(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.toLowerCase() : '';
}

export function registerIdentityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };

  r.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['identity'], summary: 'Sign in with e-mail and password', body: loginRequestSchema, response: { 200: currentUserSchema } },
      config: {
        access: { public: true },
        rateLimit: {
          max: ctx.config.LOGIN_ATTEMPTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request) => `${request.ip}|${emailKey(request.body)}`,
        },
      },
    },
    async (request, reply) => {
      const result = await login({ db: ctx.db, email: request.body.email, password: request.body.password, ttlHours: ctx.config.SESSION_TTL_HOURS });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, expires: result.expiresAt });
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
      if (token) await logout({ db: ctx.db, sessionToken: token });
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
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new AppError('bad_request', 'an API token has no user; this endpoint is for sessions');
      return currentUserOf(principal);
    },
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
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new AppError('bad_request', 'an API token has no user; this endpoint is for sessions');
      await setUiLanguage({ db: ctx.db, userId: principal.userId, language: request.body.ui_language });
      return reply.status(204).send();
    },
  );
}
