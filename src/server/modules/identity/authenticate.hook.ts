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

async function resolvePrincipal(db: AnyDb, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await principalFromApiToken({ db, token: match[1]! }) : null;
    if (!principal) throw new AppError('unauthenticated', 'the API token is not valid');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const principal = await principalFromSession({ db, sessionToken: cookie });
  if (principal?.kind === 'user' && !SAFE_METHODS.has(request.method) && !csrfMatches(principal.csrfToken, headerValue(request, 'x-csrf-token'))) {
    throw new AppError('forbidden', 'the X-CSRF-Token header is missing or wrong; reload the page and try again');
  }
  return principal;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function registerAuthentication(app: FastifyInstance, db: AnyDb): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) {
      // Public routes still learn who is calling when they can, but never fail on a bad credential.
      request.principal = await resolvePrincipal(db, request).catch(() => null);
      return;
    }
    request.principal = await resolvePrincipal(db, request);
    if (!request.principal) throw new AppError('unauthenticated', 'sign in or send an API token');
    if ('permission' in access && !can(request.principal.role, access.permission)) {
      throw new AppError('forbidden', `your role (${request.principal.role}) does not allow this`);
    }
  });
}

/** The caller of a route that declared signedIn or a permission (never null there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'sign in or send an API token');
  return request.principal;
}

/** Whether the caller also holds `permission` (for fields or filters a route shows only to some). */
export function callerCan(request: FastifyRequest, permission: Permission): boolean {
  return request.principal !== null && can(request.principal.role, permission);
}
