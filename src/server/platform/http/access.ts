// Every route declares who may call it in `config.access`; the server refuses to start with a route
// that does not. The identity module enforces the declarations on each request.
import type { FastifyInstance } from 'fastify';
import type { Permission } from '../../modules/identity/permissions.js';

export type RouteAccess =
  /** Anyone, signed in or not (login, health, docs, the web app's files). */
  | { public: true }
  /** Any signed-in user or API token. */
  | { signedIn: true }
  /** Callers whose role holds the permission. */
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/**
 * Makes an API route without an access declaration a startup error rather than an open door. Routes
 * outside /api/v1 come from plugins serving files (the web app, the docs page) and are public.
 */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: RouteAccess };
    if (config.access) return;
    if (route.url.startsWith('/api/v1')) throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    route.config = { ...config, access: { public: true } };
  });
}
