// /api/v1/tokens (admin): API tokens with their status, creating one (its secret answered once) and
// revoking one.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenCreatedSchema, apiTokenCreateSchema, apiTokenListSchema } from '../../../shared/identity.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ModuleContext } from '../module-context.js';
import { auditActorOf } from './audit.service.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { idParams } from '../../platform/http/id-params.js';

const manage = { access: { permission: 'tokens:manage' as const } };

export function registerTokenRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/tokens',
    {
      schema: { tags: ['tokens'], summary: 'API tokens, newest first, each active, expired or revoked', response: { 200: apiTokenListSchema } },
      config: manage,
    },
    async () => ({ items: await listApiTokens({ db: ctx.db, now: ctx.clock() }) }),
  );

  r.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the answer holds its secret, shown only this once',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const now = ctx.clock();
      const days = request.body.expires_in_days;
      const expiresAt = days === undefined ? null : new Date(now.getTime() + days * 86_400_000);
      const created = await createApiToken({ db: ctx.db, name: request.body.name, role: request.body.role, expiresAt, actor: auditActorOf(request), now });
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/v1/tokens/:id',
    {
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: idParams, response: { 204: z.undefined() } },
      config: manage,
    },
    async (request, reply) => {
      const revoked = await revokeApiToken({ db: ctx.db, id: request.params.id, actor: auditActorOf(request) });
      if (!revoked) {
        throw new AppError('not_found', `no live API token ${request.params.id}`, { messageCode: 'tokens.not_found', params: { id: request.params.id } });
      }
      return reply.status(204).send();
    },
  );
}
