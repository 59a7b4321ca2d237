// /t/o/:token (the pixel) and /t/c/:token (a link) of tracked mail (DESIGN §3.4, ADR 0022), and the
// communicator's list of flagged machine events. A token that does not verify is a 404 and never a
// redirect; an event is answered only once it is committed. HEAD answers like GET (Fastify runs the
// GET handler) but is recorded as machine traffic and never counts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../platform/http/id-params.js';
import { machineEventsSchema, type MachineEvents } from '../../../shared/tracking.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import type { ModuleContext } from '../module-context.js';
import { HONEYPOT, readClickToken, readOpenToken } from './tracking-links.js';
import { classifyRequest, findTrackedDelivery, listMachineEvents, recordTrackingEvent } from './tracking.service.js';

/** A transparent 1×1 GIF. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const tokenParams = z.object({ token: z.string().max(2100) });
// Opens and clicks are the busiest requests by far and their lines say nothing an event does not:
// they are logged from warnings up (errors still are), not a request line each.
const publicRoute = { schema: { hide: true, params: tokenParams }, config: { access: { public: true as const } }, logLevel: 'warn' as const };

const notFound = (reply: FastifyReply) => reply.status(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');

export function registerTrackingRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signals = (request: FastifyRequest) => classifyRequest({ method: request.method, userAgent: request.headers['user-agent'], address: request.ip });

  r.get('/t/o/:token', publicRoute, async (request, reply) => {
    const named = await readOpenToken({ db: ctx.db, config: ctx.config, token: request.params.token });
    if (!named) return notFound(reply);
    const delivery = await findTrackedDelivery({ db: ctx.db, config: ctx.config, deliveryId: named.deliveryId });
    if (delivery) {
      const s = signals(request);
      await recordTrackingEvent(ctx.db, {
        delivery,
        kind: 'open',
        link: null,
        reason: s.reason,
        userAgentClass: s.userAgentClass,
        network: s.network,
        at: ctx.clock(),
      });
    }
    return reply.header('cache-control', 'no-store, max-age=0').type('image/gif').send(PIXEL);
  });

  r.get('/t/c/:token', publicRoute, async (request, reply) => {
    const named = await readClickToken({ db: ctx.db, config: ctx.config, token: request.params.token });
    if (!named) return notFound(reply);
    const delivery = await findTrackedDelivery({ db: ctx.db, config: ctx.config, deliveryId: named.deliveryId });
    if (!delivery) return notFound(reply);
    const s = signals(request);
    const honeypot = named.link === HONEYPOT;
    // Only the campaign's own link at that index: never an address from the request.
    const target = honeypot ? null : delivery.links[named.link];
    if (!honeypot && !target) return notFound(reply);
    const event = { delivery, link: honeypot ? null : named.link, reason: s.reason, userAgentClass: s.userAgentClass, network: s.network, at: ctx.clock() };
    await recordTrackingEvent(ctx.db, { ...event, kind: honeypot ? 'honeypot' : 'click' });
    reply.header('cache-control', 'no-store');
    // The honeypot leads nowhere: an empty page.
    if (honeypot) return reply.status(204).send();
    return reply.redirect(target!, 302);
  });

  r.get(
    '/api/v1/campaigns/:id/machine-events',
    {
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's opens and clicks flagged as machine traffic (scanners, mail proxies), newest first, each with its reason",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: machineEventsSchema },
      },
      config: { access: { permission: 'campaigns:read' as const } },
    },
    async (request) => {
      // An unknown campaign is the campaigns module's 404.
      await getCampaignDefinition({ db: ctx.db, id: request.params.id });
      return {
        items: (await listMachineEvents({ db: ctx.db, campaignId: request.params.id, limit: request.query.limit })) as MachineEvents['items'],
      };
    },
  );
}
