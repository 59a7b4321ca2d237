// /api/v1/users (admin): the account list, role changes, disabling and enabling, password resets.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  passwordResetResultSchema,
  passwordResetSchema,
  userSummarySchema,
  usersPageSchema,
  usersQuerySchema,
  userUpdateSchema,
} from '../../../shared/identity.js';
import type { ModuleContext } from '../module-context.js';
import { auditActorOf } from './audit.service.js';
import { listUsers, resetUserPassword, updateUser } from './users.service.js';
import { idParams } from '../../platform/http/id-params.js';

const manage = { access: { permission: 'users:manage' as const } };

export function registerUserRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Accounts by e-mail, in cursor pages, filtered by role, disabled and text',
        querystring: usersQuerySchema,
        response: { 200: usersPageSchema },
      },
      config: manage,
    },
    async (request) => listUsers({ db: ctx.db, query: request.query }),
  );

  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change the role, or disable (ends every session at once) or enable an account',
        description: 'A change that would leave no enabled admin answers 409 (`users.last_admin`).',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSummarySchema },
      },
      config: manage,
    },
    async (request) => updateUser({ db: ctx.db, id: request.params.id, update: request.body, actor: auditActorOf(request) }),
  );

  r.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: "Set a user's password, or generate one (answered once); all their sessions end",
        params: idParams,
        body: passwordResetSchema,
        response: { 200: passwordResetResultSchema },
      },
      config: manage,
    },
    async (request) => resetUserPassword({ db: ctx.db, id: request.params.id, password: request.body.password, actor: auditActorOf(request) }),
  );
}
