// Resolves each request's caller (session cookie or Bearer API token), enforces the route's declared
// access, and requires the CSRF header on state-changing requests made with the cookie.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/app-error.js';
import { can, type Permission } from './permissions.js';
import { SESSION_COOKIE, csrfMatches, principalFromApiToken, principalFromSession, type Principal } from './identity.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const signInRequired = () => new AppError('unauthenticated', 'sign in or send an API token', { messageCode: 'auth.sign_in_required' });

async function resolvePrincipal(db: AnyDb, request: FastifyRequest, now: Date): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await principalFromApiToken({ db, token: match[1]!, now }) : null;
    if (!principal) throw new AppError('unauthenticated', 'the API token is not valid', { messageCode: 'auth.token_invalid' });
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const principal = await principalFromSession({ db, sessionToken: cookie });
  if (principal?.kind === 'user' && !SAFE_METHODS.has(request.method) && !csrfMatches(principal.csrfToken, headerValue(request, 'x-csrf-token'))) {
    throw new AppError('forbidden', 'the X-CSRF-Token header is missing or wrong; reload the page and try again', { messageCode: 'auth.csrf_missing' });
  }
  return principal;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `clock` decides when API tokens expire (tests move it). */
export function registerAuthentication(app: FastifyInstance, db: AnyDb, clock: () => Date = () => new Date()): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) {
      // Public routes still learn who is calling when they can, but never fail on a bad credential.
      request.principal = await resolvePrincipal(db, request, clock()).catch(() => null);
      return;
    }
    request.principal = await resolvePrincipal(db, request, clock());
    if (!request.principal) throw signInRequired();
    if ('permission' in access && !can(request.principal.role, access.permission)) {
      const role = request.principal.role;
      throw new AppError('forbidden', `your role (${role}) does not allow this`, { messageCode: 'auth.forbidden_role', params: { role } });
    }
  });
}

/** The caller of a route that declared signedIn or a permission (never null there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw signInRequired();
  return request.principal;
}

/** The signed-in user of a route that needs a session, not an API token. */
export function sessionUserOf(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = principalOf(request);
  if (principal.kind !== 'user') {
    throw new AppError('bad_request', 'an API token has no user; this endpoint is for sessions', { messageCode: 'auth.session_only' });
  }
  return principal;
}

/** Whether the caller also holds `permission` (for fields or filters a route shows only to some). */
export function callerCan(request: FastifyRequest, permission: Permission): boolean {
  return request.principal !== null && can(request.principal.role, permission);
}
