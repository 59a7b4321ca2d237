// Security headers on every response (the web app, the API, the docs page) through @fastify/helmet:
// a Content Security Policy the built web app and Swagger UI run under, no framing, nosniff, no
// referrer, and HSTS only when the deployment is reached over https (ADR 0014).
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config/config.js';

/**
 * The policy. Scripts only from this origin, never inline: the built index.html loads its modules by
 * URL and Swagger UI does the same. Styles allow inline because Mantine writes its CSS variables into a
 * <style> element at run time and both it and Swagger UI set style attributes; an injected style can
 * restyle a page but not run code. Images may come from https (persona avatars are image URLs) and
 * data: (Swagger UI's icons).
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Over plain http (a laptop, an intranet host without TLS) upgrading would break every request.
    ...(https ? { upgradeInsecureRequests: [] } : {}),
  };
}

/**
 * Registers the headers on every route; call before any route is added.
 * @example await registerSecurityHeaders(app, config);
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // Old browsers that ignore frame-ancestors get the same answer.
    frameguard: { action: 'deny' },
    // Nothing of a Resonance URL (an intranet host name, a tracking token in /t/c/...) leaves with a
    // link someone follows, including the click redirect's 302 to the link's target.
    referrerPolicy: { policy: 'no-referrer' },
    // Only a deployment reached over https may tell browsers to insist on it; 180 days, this host only.
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}
