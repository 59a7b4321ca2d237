// /api/v1/people/:id/privacy-export and /erase (admins: subject access and erasure, both audited)
// and /api/v1/privacy/summary (admins and communicators: the works-council page's live settings).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eraseInputSchema, erasureSchema, privacyExportSchema, privacySummarySchema } from '../../../shared/privacy.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { erasePersonData, exportPersonData, privacySummary } from './privacy.service.js';

const manage = { access: { permission: 'privacy:manage' as const } };
const read = { access: { permission: 'privacy:read' as const } };

export function registerPrivacyRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/people/:id/privacy-export',
    {
      schema: { tags: ['privacy'], summary: 'Everything held about one person (subject access)', params: idParams, response: { 200: privacyExportSchema } },
      config: manage,
    },
    async (request) => {
      const result = await exportPersonData({ db: ctx.db, personId: request.params.id, now: ctx.clock() });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'privacy.exported', target: { type: 'person', id: request.params.id } });
      return result;
    },
  );

  r.post(
    '/api/v1/people/:id/erase',
    {
      schema: {
        tags: ['privacy'],
        summary: "Erase one person's data; counts they were part of stay",
        params: idParams,
        body: eraseInputSchema,
        response: { 200: erasureSchema },
      },
      config: manage,
    },
    async (request) => {
      const result = await erasePersonData({ db: ctx.db, personId: request.params.id });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'privacy.erased',
        target: { type: 'person', id: request.params.id },
        detail: result.counts,
      });
      return result;
    },
  );

  r.get(
    '/api/v1/privacy/summary',
    { schema: { tags: ['privacy'], summary: 'The live privacy settings (the works-council page)', response: { 200: privacySummarySchema } }, config: read },
    async () => privacySummary(ctx.config),
  );
}
