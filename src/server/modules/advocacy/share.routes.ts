// Sharing and its figures (DESIGN §3.9, ADR 0030): share an item on a network, the short link's public
// redirect with click counting, engagement reports and import, the sharer's own stats and the
// programme's analytics.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shareInputSchema, shareResultSchema } from '../../../shared/advocacy.js';
import {
  analyticsQuerySchema,
  engagementImportResultSchema,
  engagementInputSchema,
  engagementReportSchema,
  myShareStatsSchema,
  shareAnalyticsSchema,
} from '../../../shared/advocacy-sharing.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { acceptFileBodies } from '../../platform/http/file-body.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { recordClick, redirectTarget } from './click.service.js';
import { importEngagement, reportEngagement } from './engagement.service.js';
import { findLink } from './share.queries.js';
import { CODE_PATTERN, shareContent } from './share.service.js';
import { getMyShareStats, getShareAnalytics } from './share-stats.service.js';

const personIdOf = (request: FastifyRequest) => {
  const principal = principalOf(request);
  return principal.kind === 'user' ? principal.personId : null;
};
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function registerShareRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/advocacy/content/:id/share',
    {
      schema: {
        tags: ['advocacy'],
        summary: "Share an item on a network: the person's short link (one per item and network) and the network's share intent",
        params: idParams,
        body: shareInputSchema,
        response: { 201: shareResultSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) => {
      const { share_id: _shareId, ...result } = await shareContent({
        db: ctx.db,
        clock: ctx.clock,
        thresholds: ctx.config.experienceThresholds,
        publicUrl: ctx.config.publicUrl,
        id: request.params.id,
        personId: personIdOf(request),
        network: request.body.network,
        text: request.body.text,
      });
      return reply.status(201).send(result);
    },
  );

  // The short link: public, outside /api, no session needed. Only ever a redirect to the content's own
  // stored http(s) URL; anything else is a 404.
  app.route({
    method: ['GET', 'HEAD'],
    url: '/s/:code',
    schema: { hide: true },
    config: { access: { public: true } },
    handler: async (request, reply) => {
      const { code } = request.params as { code: string };
      const link = CODE_PATTERN.test(code) ? await findLink(ctx.db, code) : null;
      const target = link ? redirectTarget(link.url, link.network, link.code) : null;
      if (!link || !target) throw new AppError('not_found', 'no such short link', coded('advocacy.link_not_found', { code: code.slice(0, 40) }));
      const principal = request.principal;
      await recordClick({
        db: ctx.db,
        mode: ctx.config.TRACKING_MODE,
        link: { code: link.code, person_id: link.person_id },
        request: {
          method: request.method,
          address: request.ip,
          userAgent: header(request, 'user-agent'),
          purpose: [header(request, 'purpose'), header(request, 'sec-purpose'), header(request, 'x-purpose'), header(request, 'x-moz')]
            .filter(Boolean)
            .join(' '),
          personId: principal?.kind === 'user' ? principal.personId : null,
        },
        at: ctx.clock(),
      });
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302);
    },
  });

  r.post(
    '/api/v1/advocacy/links/:code/engagement',
    {
      schema: {
        tags: ['advocacy'],
        summary: "The owner's report of reactions, comments and reshares on a shared post (the latest report counts)",
        params: z.object({ code: z.string().max(64) }),
        body: engagementInputSchema,
        response: { 201: engagementReportSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportEngagement({ db: ctx.db, code: request.params.code, personId: personIdOf(request), figures: request.body, at: ctx.clock() })),
  );

  void app.register(async (scope) => {
    acceptFileBodies(scope, { as: 'string', maxBytes: IMPORT_MAX_BYTES });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/advocacy/engagement/import',
      {
        schema: {
          tags: ['advocacy'],
          summary: 'Import engagement figures as CSV (text/csv): code or short_url, reactions, comments, reshares',
          description: 'Bad lines are reported with their numbers; good lines are kept. The latest report of a link counts.',
          response: { 200: engagementImportResultSchema },
        },
        config: { access: { permission: 'advocacy:manage' } },
      },
      async (request) => {
        if (typeof request.body !== 'string' || !/text\/csv/.test(request.headers['content-type'] ?? '')) {
          throw new AppError('unsupported_media_type', 'send the file as text/csv', coded('request.expected_media_type', { expected: 'text/csv' }));
        }
        const result = await importEngagement({ db: ctx.db, csv: request.body, at: ctx.clock() });
        await recordAudit({
          db: ctx.db,
          actor: auditActorOf(request),
          action: 'advocacy_engagement.imported',
          detail: { imported: result.imported, problems: result.problems.length },
        });
        return result;
      },
    );
  });

  r.get(
    '/api/v1/advocacy/me/stats',
    {
      schema: { tags: ['advocacy'], summary: "The signed-in person's share figures", response: { 200: myShareStatsSchema } },
      config: { access: { signedIn: true } },
    },
    async (request) => getMyShareStats({ db: ctx.db, personId: personIdOf(request), publicUrl: ctx.config.publicUrl }),
  );

  r.get(
    '/api/v1/advocacy/analytics',
    {
      schema: {
        tags: ['advocacy'],
        summary: 'Share analytics for a range of days (default the last 90): reach by network, content and department, earned media value, adoption',
        querystring: analyticsQuerySchema,
        response: { 200: shareAnalyticsSchema },
      },
      config: { access: { permission: 'advocacy:manage' } },
    },
    async (request) =>
      getShareAnalytics({ db: ctx.db, from: request.query.from, to: request.query.to, minGroup: ctx.config.PRIVACY_MIN_GROUP, now: ctx.clock() }),
  );
}
