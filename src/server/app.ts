// Builds the HTTP app: plugins, one error handler, access enforcement, each module's routes, the
// operational endpoints (/health, /ready, /metrics, OpenAPI) and the web app's files.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/connect.js';
import { pendingMigrations } from './platform/db/migrate.js';
import type { JobQueue } from './platform/jobs/job-queue.js';
import { requireAccessDeclarations } from './platform/http/access.js';
import { AppError } from './platform/http/app-error.js';
import { createMetricsRegistry, registerRequestMetrics } from './platform/http/metrics.js';
import { registerProblemHandler, sendProblem } from './platform/http/problem.js';
import { WEB_DIST_DIR } from './platform/paths.js';
import { registerAuthentication, registerIdentityRoutes } from './modules/identity/index.js';
import { registerPeopleRoutes } from './modules/people/index.js';
import { registerAudienceRoutes, registerPersonaRoutes } from './modules/audiences/index.js';
import { registerCommunityRoutes, registerContributionRoutes, registerExpertiseRoutes, registerSkillAdminRoutes } from './modules/expertise/index.js';
import type { ModuleContext } from './modules/module-context.js';

export type AppDeps = { config: Config; database: Database; jobs: JobQueue; webDir?: string };

/**
 * Builds the app without listening; tests call `app.inject`, `serve` calls `app.listen`.
 * @example const app = await buildApp({ config, database, jobs }); await app.listen({ port: 8080 });
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  // Import files (CSV, JSON Lines) are parsed only by the import routes, in their own scopes and after
  // authorisation (platform/http/file-body.ts); every other route refuses them unread with 415.
  requireAccessDeclarations(app);

  await app.register(cookie);
  // Off by default; routes that need a limit (sign-in) ask for one in their config.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after body parsing, so a limit can key on the e-mail tried
    errorResponseBuilder: (_request, context) => new AppError('rate_limited', `too many attempts; try again in ${context.after}`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Resonance API', version: '1', description: 'Personalised internal communication. Errors are RFC 9457 problem details.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `resonance tokens create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'resonance_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, uiHooks: {}, staticCSP: true });

  registerAuthentication(app, database.db);
  const registry = createMetricsRegistry();
  registerRequestMetrics(app, registry);

  const ctx: ModuleContext = { db: database.db, config, jobs: deps.jobs };
  registerIdentityRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerAudienceRoutes(app, ctx);
  registerPersonaRoutes(app, ctx);
  registerExpertiseRoutes(app, ctx);
  registerSkillAdminRoutes(app, ctx);
  registerCommunityRoutes(app, ctx);
  registerContributionRoutes(app, ctx);

  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, async () => app.swagger());
  app.get('/health', { schema: { hide: true }, config: { access: { public: true } } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true }, config: { access: { public: true } } }, async (request, reply) => {
    try {
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations pending', pending: pending.map((m) => m.version) });
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', { schema: { hide: true }, config: { access: { public: true } } }, async (request, reply) => {
    if (config.METRICS_TOKEN && request.headers.authorization !== `Bearer ${config.METRICS_TOKEN}`) {
      throw new AppError('unauthenticated', 'metrics need the METRICS_TOKEN as a Bearer token');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  registerWebApp(app, deps.webDir ?? WEB_DIST_DIR);
  return app;
}

/** Serves the built single-page app, answering unknown non-API paths with its index.html. */
function registerWebApp(app: FastifyInstance, webDir: string): void {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: true, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler({}, (request, reply) => {
    const apiPath = /^\/(api|t|health|ready|metrics)(\/|$)/.test(request.url);
    if (apiPath || request.method !== 'GET' || !built) {
      if (!built && !apiPath && request.method === 'GET') {
        return reply.status(503).type('text/plain').send('The web app is not built yet: run `npm run build:web`.');
      }
      return sendProblem(reply, request, new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
