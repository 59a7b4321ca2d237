// /api/v1/campaigns (DESIGN §3.3): create, change and read campaigns, list them, and see who gets
// which variant in which language on which channel before anything is sent.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CAMPAIGN_STATUSES,
  assignmentsSchema,
  campaignInputSchema,
  campaignListSchema,
  campaignSchema,
  previewInputSchema,
  previewSchema,
} from '../../../shared/campaigns.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { approveCampaign, campaignAssignments, createCampaign, getCampaign, listCampaigns, previewCampaign, updateCampaign } from './campaigns.service.js';

const read = { access: { permission: 'campaigns:read' as const } };
const write = { access: { permission: 'campaigns:write' as const } };

const listQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});

export function registerCampaignRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = () => ({ db: ctx.db, thresholds: ctx.config.experienceThresholds, clock: ctx.clock });

  r.get(
    '/api/v1/campaigns',
    { schema: { tags: ['campaigns'], summary: 'Campaigns, newest first', querystring: listQuery, response: { 200: campaignListSchema } }, config: read },
    async (request) => listCampaigns({ db: ctx.db, ...request.query }),
  );

  r.post(
    '/api/v1/campaigns',
    {
      schema: { tags: ['campaigns'], summary: 'Create a draft campaign', body: campaignInputSchema, response: { 201: campaignSchema } },
      config: write,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const campaign = await createCampaign({ ...service(), campaign: request.body, userId: principal.kind === 'user' ? principal.userId : null });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'campaigns.created',
        target: { type: 'campaign', id: campaign.id },
        detail: { name: campaign.name },
      });
      return reply.status(201).send(campaign);
    },
  );

  r.get(
    '/api/v1/campaigns/:id',
    { schema: { tags: ['campaigns'], summary: 'One campaign with its delivery counts', params: idParams, response: { 200: campaignSchema } }, config: read },
    async (request) => getCampaign({ db: ctx.db, id: request.params.id }),
  );

  r.put(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Replace a draft campaign',
        params: idParams,
        body: campaignInputSchema,
        response: { 200: campaignSchema },
      },
      config: write,
    },
    async (request) => {
      const principal = principalOf(request);
      const campaign = await updateCampaign({
        ...service(),
        id: request.params.id,
        campaign: request.body,
        userId: principal.kind === 'user' ? principal.userId : null,
      });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'campaigns.updated',
        target: { type: 'campaign', id: campaign.id },
        detail: { name: campaign.name },
      });
      return campaign;
    },
  );

  r.get(
    '/api/v1/campaigns/:id/assignments',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Who gets what: recipients by variant, language and channel',
        params: idParams,
        response: { 200: assignmentsSchema },
      },
      config: read,
    },
    async (request) => campaignAssignments({ ...service(), id: request.params.id }),
  );

  r.post(
    '/api/v1/campaigns/:id/preview',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'The message exactly as one person gets it on one channel',
        params: idParams,
        body: previewInputSchema,
        response: { 200: previewSchema },
      },
      config: read,
    },
    async (request) =>
      previewCampaign({
        ...service(),
        id: request.params.id,
        person: request.body.person,
        channel: request.body.channel,
        brand: ctx.config.brand,
        publicUrl: ctx.config.publicUrl,
      }),
  );

  r.post(
    '/api/v1/campaigns/:id/approve',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Approve this version of a draft (someone other than its last editor)',
        params: idParams,
        response: { 200: campaignSchema },
      },
      config: { access: { permission: 'campaigns:send' as const } },
    },
    async (request) => {
      const principal = principalOf(request);
      const campaign = await approveCampaign({ db: ctx.db, id: request.params.id, userId: principal.kind === 'user' ? principal.userId : null });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'campaigns.approved', target: { type: 'campaign', id: campaign.id } });
      return campaign;
    },
  );
}
