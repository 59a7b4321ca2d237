// The leader cascade's routes: a leader's own briefings (read, save a draft, preview, release), open
// to every signed-in user but answering only the leader each briefing is for; and the per-leader
// report of a campaign for those who may read campaigns.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  briefingListSchema,
  briefingSchema,
  briefingsQuerySchema,
  cascadeQuerySchema,
  cascadeReportSchema,
  draftInputSchema,
  draftPreviewInputSchema,
  draftPreviewSchema,
  releaseSchema,
} from '../../../shared/cascade.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { getBriefing, getCascadeReport, listBriefings, previewBriefingDraft, releaseBriefing, saveBriefingDraft } from './cascade.service.js';

const read = { access: { permission: 'campaigns:read' as const } };
/** Every signed-in user may ask; the service answers only the leader the briefing is for. */
const own = { access: { permission: 'profile:edit-own' as const } };

export function registerCascadeRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const me = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };
  const base = { db: ctx.db, config: ctx.config, clock: ctx.clock };

  r.get(
    '/api/v1/campaigns/:id/cascade',
    {
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's leader cascade: per leader briefed, viewed, released and on time; the share released on time",
        params: idParams,
        querystring: cascadeQuerySchema,
        response: { 200: cascadeReportSchema },
      },
      config: read,
    },
    async (request) => getCascadeReport({ db: ctx.db, campaignId: request.params.id, ...request.query }),
  );

  r.get(
    '/api/v1/briefings',
    {
      schema: {
        tags: ['briefings'],
        summary: 'My briefings as a leader, newest first',
        querystring: briefingsQuerySchema,
        response: { 200: briefingListSchema },
      },
      config: own,
    },
    async (request) => listBriefings({ db: ctx.db, personId: me(request), ...request.query }),
  );

  r.get(
    '/api/v1/briefings/:id',
    {
      schema: {
        tags: ['briefings'],
        summary: 'My briefing for a campaign: talking points, the versions my team gets, my draft (the first read counts as viewed)',
        params: idParams,
        response: { 200: briefingSchema },
      },
      config: own,
    },
    async (request) => getBriefing({ ...base, campaignId: request.params.id, personId: me(request) }),
  );

  r.put(
    '/api/v1/briefings/:id/draft',
    {
      schema: {
        tags: ['briefings'],
        summary: 'Save my draft per variant and language (Liquid checked as the campaign is)',
        params: idParams,
        body: draftInputSchema,
        response: { 200: briefingSchema },
      },
      config: own,
    },
    async (request) => saveBriefingDraft({ ...base, campaignId: request.params.id, personId: me(request), drafts: request.body.drafts }),
  );

  r.post(
    '/api/v1/briefings/:id/preview',
    {
      schema: {
        tags: ['briefings'],
        summary: 'One version of my draft as a member of my team would get it',
        params: idParams,
        body: draftPreviewInputSchema,
        response: { 200: draftPreviewSchema },
      },
      config: own,
    },
    async (request) => previewBriefingDraft({ ...base, campaignId: request.params.id, personId: me(request), ...request.body }),
  );

  r.post(
    '/api/v1/briefings/:id/release',
    {
      schema: {
        tags: ['briefings'],
        summary: 'Release the message to my team, in my name (once: a second release is a 409 and sends nothing)',
        params: idParams,
        response: { 200: releaseSchema },
      },
      config: own,
    },
    async (request) => {
      const id = request.params.id;
      const result = await releaseBriefing({ ...base, jobs: ctx.jobs, campaignId: id, personId: me(request) });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'campaigns.released', target: { type: 'campaign', id }, detail: result });
      return result;
    },
  );
}
