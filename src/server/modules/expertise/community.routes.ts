// /api/v1/help-requests, /api/v1/kudos, /api/v1/mentors, /api/v1/ambassadors and my availability:
// asking colleagues for help (and the inbox of it), thanking them, and first contacts for newcomers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import {
  ambassadorsSchema,
  helpInboxSchema,
  helpRequestSchema,
  helpResolveInputSchema,
  kudosListSchema,
  mentorSuggestionsSchema,
  myAvailabilitySchema,
  pageQuerySchema,
} from '../../../shared/community.js';
import { getAvailability } from './endorsements.service.js';
import {
  acceptHelpRequest,
  askForHelp,
  declineHelpRequest,
  getHelpRequest,
  giveKudos,
  listKudos,
  listMyHelpRequests,
  postHelpMessage,
  resolveHelpRequest,
  thankExpert,
} from './help.service.js';
import { listAmbassadors, suggestMentors } from './mentors.service.js';
import { idParams } from '../../platform/http/id-params.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const community = { access: { permission: 'help:ask' as const } };

export function registerCommunityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const thresholds = ctx.config.experienceThresholds;
  const me = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.post(
    '/api/v1/help-requests',
    {
      schema: { tags: ['community'], summary: 'Ask for help; the best available experts are invited', body: z.object({ question: text(4000) }).strict() },
      config: community,
    },
    async (request, reply) => reply.status(201).send(await askForHelp({ db: ctx.db, jobs: ctx.jobs, askerId: me(request), question: request.body.question })),
  );

  r.get(
    '/api/v1/help-requests',
    {
      schema: {
        tags: ['community'],
        summary: 'My help inbox: requests I asked and those I was invited to or took, newest first',
        querystring: pageQuerySchema,
        response: { 200: helpInboxSchema },
      },
      config: community,
    },
    async (request) => listMyHelpRequests({ db: ctx.db, personId: me(request), cursor: request.query.cursor, limit: request.query.limit, thresholds }),
  );

  r.get(
    '/api/v1/help-requests/:id',
    {
      schema: { tags: ['community'], summary: 'A help request, for its asker and invited experts', params: idParams, response: { 200: helpRequestSchema } },
      config: community,
    },
    async (request) => getHelpRequest({ db: ctx.db, id: request.params.id, viewerId: me(request), thresholds }),
  );

  r.post(
    '/api/v1/help-requests/:id/accept',
    {
      schema: { tags: ['community'], summary: 'Take a request I was invited to', params: idParams },
      config: community,
    },
    async (request) => acceptHelpRequest({ db: ctx.db, id: request.params.id, expertId: me(request), thresholds }),
  );

  r.post(
    '/api/v1/help-requests/:id/decline',
    {
      schema: { tags: ['community'], summary: 'Decline a request I was invited to', params: idParams },
      config: community,
    },
    async (request, reply) => {
      await declineHelpRequest({ db: ctx.db, id: request.params.id, expertId: me(request), thresholds });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/help-requests/:id/messages',
    {
      schema: {
        tags: ['community'],
        summary: 'Write in the conversation of an accepted request',
        params: idParams,
        body: z.object({ body: text(8000) }).strict(),
      },
      config: community,
    },
    async (request) => postHelpMessage({ db: ctx.db, id: request.params.id, authorId: me(request), body: request.body.body, thresholds }),
  );

  r.post(
    '/api/v1/help-requests/:id/resolve',
    {
      schema: {
        tags: ['community'],
        summary: "Mark my request resolved; it counts towards the expert's ranking",
        description:
          "With `publish: true` the question and the expert's answers become public evidence (on the expert's profile and in search). " +
          'Otherwise (the default) nothing of the conversation is shown anywhere. Either party can withdraw the evidence later.',
        params: idParams,
        body: helpResolveInputSchema.nullish(),
      },
      config: community,
    },
    async (request) => resolveHelpRequest({ db: ctx.db, id: request.params.id, askerId: me(request), publish: request.body?.publish ?? false, thresholds }),
  );

  r.post(
    '/api/v1/help-requests/:id/thank',
    {
      schema: {
        tags: ['community'],
        summary: 'Thank the expert who helped (public kudos)',
        params: idParams,
        body: z.object({ message: text(1000) }).strict(),
      },
      config: community,
    },
    async (request, reply) =>
      reply.status(201).send(await thankExpert({ db: ctx.db, id: request.params.id, askerId: me(request), message: request.body.message, thresholds })),
  );

  r.post(
    '/api/v1/kudos',
    {
      schema: {
        tags: ['community'],
        summary: 'Thank a colleague publicly, with a reason',
        body: z.object({ to: z.number().int().positive(), message: text(1000), skill: z.string().trim().max(64).nullable().optional() }).strict(),
      },
      config: community,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await giveKudos({ db: ctx.db, fromId: me(request), toId: request.body.to, message: request.body.message, skill: request.body.skill, thresholds }),
        ),
  );

  r.get(
    '/api/v1/people/:id/kudos',
    {
      schema: { tags: ['community'], summary: 'Kudos a person received, newest first', params: idParams, response: { 200: kudosListSchema } },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => listKudos({ db: ctx.db, personId: request.params.id, thresholds }),
  );

  r.get(
    '/api/v1/experts/me/availability',
    {
      schema: {
        tags: ['community'],
        summary: 'Whether I said I can be asked for help now (everyone is, until they say otherwise)',
        response: { 200: myAvailabilitySchema },
      },
      config: { access: { permission: 'profile:edit-own' } },
    },
    async (request) => getAvailability({ db: ctx.db, personId: me(request) }),
  );

  r.get(
    '/api/v1/mentors/suggestions',
    {
      schema: { tags: ['community'], summary: 'Mentors for my learning goals, in my language, nearby first', response: { 200: mentorSuggestionsSchema } },
      config: community,
    },
    async (request) => suggestMentors({ db: ctx.db, personId: me(request), thresholds }),
  );

  r.get(
    '/api/v1/ambassadors',
    {
      schema: {
        tags: ['community'],
        summary: 'Ambassadors, first contacts for newcomers; those at a location first',
        querystring: z.object({ location: z.string().trim().max(200).optional() }),
        response: { 200: ambassadorsSchema },
      },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => listAmbassadors({ db: ctx.db, location: request.query.location ?? null, thresholds }),
  );
}
