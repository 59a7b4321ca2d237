// /api/v1/contributions (write, delete) and /api/v1/people/:id/contributions: knowledge shared in the
// product, which becomes evidence for expert search like imported contributions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contributionCreateSchema, contributionSchema, contributionsPageSchema, pageQuerySchema } from '../../../shared/community.js';
import { principalOf } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { createContribution, deleteContribution, listContributions } from './contributions.service.js';
import { idParams } from '../../platform/http/id-params.js';

export function registerContributionRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const me = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.post(
    '/api/v1/contributions',
    {
      schema: {
        tags: ['expertise'],
        summary: 'Share a post or document; it becomes evidence of what I know',
        description: 'The language is detected from the text when absent. Needs an account linked to a directory profile.',
        body: contributionCreateSchema,
        response: { 201: contributionSchema },
      },
      config: { access: { permission: 'contributions:write' } },
    },
    async (request, reply) => reply.status(201).send(await createContribution({ db: ctx.db, authorId: me(request), input: request.body })),
  );

  r.get(
    '/api/v1/people/:id/contributions',
    {
      schema: {
        tags: ['expertise'],
        summary: "A person's contributions (evidence), newest first, in cursor pages",
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: contributionsPageSchema },
      },
      config: { access: { permission: 'people:read' } },
    },
    async (request) =>
      listContributions({
        db: ctx.db,
        personId: request.params.id,
        viewerId: me(request),
        cursor: request.query.cursor,
        limit: request.query.limit,
        thresholds: ctx.config.experienceThresholds,
      }),
  );

  r.delete(
    '/api/v1/contributions/:id',
    {
      schema: { tags: ['expertise'], summary: 'Delete a contribution I wrote here', params: idParams, response: { 204: z.undefined() } },
      config: { access: { permission: 'contributions:write' } },
    },
    async (request, reply) => {
      await deleteContribution({ db: ctx.db, id: request.params.id, personId: me(request) });
      return reply.status(204).send();
    },
  );
}
