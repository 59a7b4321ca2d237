// /api/v1/people/field-labels: labels of custom attributes and directory values in en/de/nl. Everyone
// signed in reads them (the directory shows them); admins (people:manage) set them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fieldLabelInputSchema, fieldLabelListSchema } from '../../../shared/field-labels.js';
import type { ModuleContext } from '../module-context.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import { listFieldLabels, saveFieldLabel } from './field-labels.service.js';

export function registerFieldLabelRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/people/field-labels',
    {
      schema: {
        tags: ['people'],
        summary: 'Labels of custom attributes and of directory values (departments, codes), in en, de and nl',
        response: { 200: fieldLabelListSchema },
      },
      config: { access: { permission: 'people:read' } },
    },
    async () => listFieldLabels({ db: ctx.db }),
  );

  r.put(
    '/api/v1/people/field-labels',
    {
      schema: {
        tags: ['people'],
        summary: 'Label a custom attribute (no value) or one value of a field; empty labels remove it',
        body: fieldLabelInputSchema,
        response: { 200: fieldLabelListSchema },
      },
      config: { access: { permission: 'people:manage' } },
    },
    async (request) => {
      const saved = await saveFieldLabel({ db: ctx.db, label: request.body });
      const { field, value } = request.body;
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'people.field_label_saved', detail: { field, value } });
      return saved;
    },
  );
}
