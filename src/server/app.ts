// Builds the HTTP app: plugins, one error handler, access enforcement, each module's routes, the
// operational endpoints (/health, /ready, /metrics, OpenAPI) and the web app's files.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
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
import { registerInputBoundary } from './platform/http/input-boundary.js';
import { renderFrameworkError } from './platform/http/framework-errors.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { AppError, coded } from './platform/http/app-error.js';
import { createMetricsRegistry, registerRequestMetrics } from './platform/http/metrics.js';
import { createLogger } from './platform/logging/create-logger.js';
import { RequestLogController, type RequestLogLevel } from './platform/logging/request-log-controller.js';
import { registerProblemHandler, sendProblem } from './platform/http/problem.js';
import { WEB_DIST_DIR } from './platform/paths.js';
import { registerAuthentication, registerIdentityRoutes } from './modules/identity/index.js';
import { registerFieldLabelRoutes, registerPeopleRoutes } from './modules/people/index.js';
import { registerAudienceRoutes, registerPersonaRoutes } from './modules/audiences/index.js';
import { registerCampaignRoutes } from './modules/campaigns/index.js';
import { registerCascadeRoutes, registerDeliveryRoutes } from './modules/delivery/index.js';
import { registerChatRoutes } from './modules/chat/index.js';
import { registerTrackingRoutes } from './modules/tracking/index.js';
import { registerPreferenceRoutes, registerUnsubscribeRoutes } from './modules/preferences/index.js';
import { registerPrivacyRoutes } from './modules/privacy/index.js';
import { registerAnalyticsRoutes } from './modules/analytics/index.js';
import { registerCommunityRoutes, registerContributionRoutes, registerExpertiseRoutes, registerSkillAdminRoutes } from './modules/expertise/index.js';
import { registerConversationRoutes, registerSurveyResultsRoutes, registerSurveyRoutes } from './modules/dialogue/index.js';
import { registerContentRoutes, registerShareRoutes } from './modules/advocacy/index.js';
import { registerAdvocacyPointsRoutes } from './modules/advocacy/index.js';
import { registerMaturityRoutes } from './modules/advocacy/index.js';
import { registerReferralRoutes } from './modules/advocacy/index.js';
import type { ModuleContext } from './modules/module-context.js';

export type AppDeps = {
  config: Config;
  database: Database;
  jobs: JobQueue;
  webDir?: string;
  /** The time the app's rules see (sign-in backoff, token expiry); tests pass one they can move. */
  clock?: () => Date;
  /** The process's logger (one per process, pretty in a terminal); else one from the config. */
  logger?: Logger;
  /** Level of the one line logged per request: `debug` keeps a demo's terminal for its logins. */
  requestLogLevel?: RequestLogLevel;
};

/**
 * Builds the app without listening; tests call `app.inject`, `serve` calls `app.listen`.
 * @example const app = await buildApp({ config, database, jobs }); await app.listen({ port: 8080 });
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const logger: FastifyBaseLogger = deps.logger ?? createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const app = Fastify({
    // Typed as Fastify's base logger so the app keeps the FastifyInstance type every module takes.
    loggerInstance: logger,
    logController: new RequestLogController(deps.requestLogLevel ?? 'info'),
    // X-Forwarded-For names the client only when TRUST_PROXY says which proxies set it; otherwise any
    // client could choose the address that sign-in limits and the audit log see.
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    frameworkErrors: renderFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  // Import files (CSV, JSON Lines) are parsed only by the import routes, in their own scopes and after
  // authorisation (platform/http/file-body.ts); every other route refuses them unread with 415.
  requireAccessDeclarations(app);
  registerInputBoundary(app);

  await app.register(cookie);
  await registerSecurityHeaders(app, config);
  // Off by default; a route that needs a per-process limit asks for one in its config. Sign-in has its
  // own limits in the database (identity/sign-in-throttle.ts), shared by every process.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after body parsing, so a limit can key on the e-mail tried
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `too many attempts; try again in ${context.after}`,
        coded('request.rate_limited', { seconds: Math.ceil(context.ttl / 1000) }),
      ),
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, uiHooks: {} });

  const clock = deps.clock ?? (() => new Date());
  registerAuthentication(app, database.db, clock);
  const registry = createMetricsRegistry();
  registerRequestMetrics(app, registry);

  const ctx: ModuleContext = { db: database.db, config, jobs: deps.jobs, clock };
  registerIdentityRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerFieldLabelRoutes(app, ctx);
  registerAudienceRoutes(app, ctx);
  registerPersonaRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerDeliveryRoutes(app, ctx);
  registerCascadeRoutes(app, ctx);
  registerChatRoutes(app, ctx);
  registerTrackingRoutes(app, ctx);
  registerPreferenceRoutes(app, ctx);
  registerUnsubscribeRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  registerSurveyResultsRoutes(app, ctx);
  registerExpertiseRoutes(app, ctx);
  registerSkillAdminRoutes(app, ctx);
  registerCommunityRoutes(app, ctx);
  registerContributionRoutes(app, ctx);
  registerConversationRoutes(app, ctx);
  registerContentRoutes(app, ctx);
  registerShareRoutes(app, ctx);
  registerAdvocacyPointsRoutes(app, ctx);
  registerMaturityRoutes(app, ctx);
  registerReferralRoutes(app, ctx);

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
      throw new AppError('unauthenticated', 'metrics need the METRICS_TOKEN as a Bearer token', coded('metrics.token_required'));
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  registerWebApp(app, deps.webDir ?? WEB_DIST_DIR);
  return app;
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes "trust the nearest N hops" (Express's meaning):
 * Fastify 5.12 reads a bare number as trusting nothing, since it cannot check the peer; so a hop count
 * suits only a server that no client reaches except through its proxies.
 */
function trustProxyOption(value: Config['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** Serves the built single-page app, answering unknown non-API paths with its index.html. */
function registerWebApp(app: FastifyInstance, webDir: string): void {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: true, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler({}, (request, reply) => {
    const apiPath = /^\/(api|t|s|health|ready|metrics)(\/|$)/.test(request.url);
    if (apiPath || request.method !== 'GET' || !built) {
      if (!built && !apiPath && request.method === 'GET') {
        return reply.status(503).type('text/plain').send('The web app is not built yet: run `npm run build:web`.');
      }
      const routePath = request.url.split('?')[0] ?? request.url;
      return sendProblem(
        reply,
        request,
        new AppError('not_found', `no route ${request.method} ${routePath}`, coded('request.route_not_found', { method: request.method, path: routePath })),
      );
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
