// /api/v1/audit (admin): the audit log, newest first, filtered by actor, action and time, in cursor pages.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../shared/audit.js';
import type { ModuleContext } from '../module-context.js';
import { listAudit } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first: sign-ins, account and token changes, imports, exports, audience changes',
        description: '`actor` matches the start of the actor (e-mail, `token:<name>`, `cli`); `from` is inclusive, `to` exclusive.',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
      config: { access: { permission: 'audit:read' } },
    },
    async (request) => listAudit({ db: ctx.db, query: request.query }),
  );
}
