// Sending campaigns and seeing what was sent: POST /api/v1/campaigns/:id/send (Idempotency-Key),
// the delivery log of a campaign, the outbox of mail kept without an SMTP server, and each
// employee's feed (read, acknowledge).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deliveriesQuerySchema,
  deliveryPageSchema,
  feedClickInputSchema,
  feedClickSchema,
  feedPageSchema,
  feedQuerySchema,
  feedReadInputSchema,
  outboxMessageSchema,
  outboxPageSchema,
  outboxQuerySchema,
  sendInputSchema,
  sendResponseSchema,
  sendingActionSchema,
} from '../../../shared/delivery.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { getOutboxMessage, listCampaignDeliveries, listOutbox } from './delivery.service.js';
import { acknowledgeFeedItem, markFeedRead, readFeed, recordFeedItemClick, recordFeedItemRead } from './feed.service.js';
import { changeCampaignSending, sendCampaign } from './request-send.service.js';
import { subjectTestReport } from './subject-tests.service.js';
import { subjectTestReportSchema } from '../../../shared/campaigns.js';
import { registerAcknowledgeRoutes } from './acknowledge.routes.js';

const read = { access: { permission: 'campaigns:read' as const } };
const send = { access: { permission: 'campaigns:send' as const } };

/** Every signed-in user has a feed (empty without a person in the directory). */
const own = { access: { permission: 'profile:edit-own' as const } };

const sendHeaders = z.looseObject({ 'idempotency-key': z.string().trim().min(8).max(200).optional() });

export function registerDeliveryRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerAcknowledgeRoutes(app, ctx);

  r.post(
    '/api/v1/campaigns/:id/send',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Send a draft now or at a time (Idempotency-Key required: the same key again sends nothing more)',
        params: idParams,
        headers: sendHeaders,
        body: sendInputSchema,
        response: { 202: sendResponseSchema },
      },
      config: send,
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (!key) {
        throw new AppError('validation', 'sending needs an Idempotency-Key header', {
          ...coded('campaign.idempotency_key_required'),
          problems: [{ pointer: '/idempotency-key', in: 'header', message: 'required', code: 'campaign.idempotency_key_required' }],
        });
      }
      const principal = principalOf(request);
      const id = request.params.id;
      const result = await sendCampaign({
        db: ctx.db,
        jobs: ctx.jobs,
        config: ctx.config,
        clock: ctx.clock,
        id,
        key,
        at: request.body.at ? new Date(request.body.at) : null,
        localTime: request.body.local_time ?? null,
        userId: principal.kind === 'user' ? principal.userId : null,
      });
      if (!result.repeated) {
        await recordAudit({
          db: ctx.db,
          actor: auditActorOf(request),
          action: 'campaigns.sent',
          target: { type: 'campaign', id },
          detail: { send_at: result.send_at },
        });
      }
      return reply.status(202).send({ id, ...result });
    },
  );

  const summaries = {
    pause: 'Pause sending (what is in flight finishes; nothing else goes out until resumed)',
    resume: 'Resume a paused campaign where it stopped: nobody twice, nobody skipped',
    cancel: 'Cancel: what has not gone out stays unsent (suppressed, reason cancelled)',
  } as const;
  const AUDITED = { pause: 'campaigns.paused', resume: 'campaigns.resumed', cancel: 'campaigns.cancelled' } as const;
  for (const action of ['pause', 'resume', 'cancel'] as const) {
    r.post(
      `/api/v1/campaigns/:id/${action}`,
      { schema: { tags: ['campaigns'], summary: summaries[action], params: idParams, response: { 200: sendingActionSchema } }, config: send },
      async (request) => {
        const id = request.params.id;
        const result = await changeCampaignSending({ db: ctx.db, jobs: ctx.jobs, config: ctx.config, clock: ctx.clock, id, action });
        await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: AUDITED[action], target: { type: 'campaign', id } });
        return { id, ...result };
      },
    );
  }

  r.get(
    '/api/v1/campaigns/:id/deliveries',
    {
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's deliveries: who got what on which channel, and why someone did not",
        params: idParams,
        querystring: deliveriesQuerySchema,
        response: { 200: deliveryPageSchema },
      },
      config: read,
    },
    async (request) => {
      const page = await listCampaignDeliveries({ db: ctx.db, campaignId: request.params.id, ...request.query });
      // Individual-level data: who read whose delivery log is audited (ADR 0023).
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'deliveries.viewed',
        target: { type: 'campaign', id: request.params.id },
        detail: { rows: page.items.length, ...(request.query.state ? { state: request.query.state } : {}) },
      });
      return page;
    },
  );

  r.get(
    '/api/v1/campaigns/:id/subject-tests',
    {
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's subject-line tests: each line's sends, unique opens and open rate, and the winner once decided",
        params: idParams,
        response: { 200: subjectTestReportSchema },
      },
      config: read,
    },
    async (request) => subjectTestReport({ db: ctx.db, campaignId: request.params.id, minGroup: ctx.config.PRIVACY_MIN_GROUP }),
  );

  r.get(
    '/api/v1/outbox',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Mail kept without an SMTP server, newest first',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema },
      },
      config: read,
    },
    async (request) => listOutbox({ db: ctx.db, ...request.query }),
  );

  r.get(
    '/api/v1/outbox/:id',
    { schema: { tags: ['campaigns'], summary: 'One kept mail, whole', params: idParams, response: { 200: outboxMessageSchema } }, config: read },
    async (request) => getOutboxMessage({ db: ctx.db, id: request.params.id }),
  );

  const me = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.get(
    '/api/v1/feed',
    {
      schema: {
        tags: ['feed'],
        summary: 'My feed: must-reads to acknowledge first, then every message to me, newest first',
        querystring: feedQuerySchema,
        response: { 200: feedPageSchema },
      },
      config: own,
    },
    async (request) => readFeed({ db: ctx.db, brand: ctx.config.brand, personId: me(request), ...request.query }),
  );

  r.post(
    '/api/v1/feed/:id/read',
    { schema: { tags: ['feed'], summary: 'Mark a message of my feed read', params: idParams, response: { 204: z.undefined() } }, config: own },
    async (request, reply) => {
      await markFeedRead({ db: ctx.db, config: ctx.config, personId: me(request), id: request.params.id });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/feed/:id/acknowledge',
    {
      schema: { tags: ['feed'], summary: 'Acknowledge a must-read (counts on every channel)', params: idParams, response: { 204: z.undefined() } },
      config: own,
    },
    async (request, reply) => {
      await acknowledgeFeedItem({ db: ctx.db, personId: me(request), id: request.params.id });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/feed/:id/reads',
    {
      schema: {
        tags: ['feed'],
        summary: 'Report how long a message of my feed was on screen (bucketed: glanced < 4 s, skimmed < 10 s, read); kept as the tracking mode allows',
        params: idParams,
        body: feedReadInputSchema,
        response: { 204: z.undefined() },
      },
      config: own,
    },
    async (request, reply) => {
      await recordFeedItemRead({
        db: ctx.db,
        config: ctx.config,
        personId: me(request),
        id: request.params.id,
        dwellMs: request.body.dwell_ms,
        at: ctx.clock(),
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/feed/:id/clicks',
    {
      schema: {
        tags: ['feed'],
        summary: "Record a link followed from a message of my feed (a document is a download, any other link a CTA click); answers the campaign's own target",
        params: idParams,
        body: feedClickInputSchema,
        response: { 200: feedClickSchema },
      },
      config: own,
    },
    async (request) =>
      recordFeedItemClick({ db: ctx.db, config: ctx.config, personId: me(request), id: request.params.id, link: request.body.link, at: ctx.clock() }),
  );
}
