// /api/v1/advocacy/content for communicators (advocacy:manage, DESIGN §3.9, ADR 0030): create, list
// (every state), read, change and archive library items; every change is audited. And the employee's
// library, /api/v1/advocacy/library: the live items for them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentInputSchema } from '../../../shared/advocacy.js';
import { contentListSchema, contentPatchSchema, contentViewSchema, librarySchema } from '../../../shared/advocacy-sharing.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { archiveContent, createContent, getContent, listContent, listLibrary, updateContent } from './content.service.js';

const manage = { access: { permission: 'advocacy:manage' as const } };
const listQuery = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) });

export function registerContentRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = () => ({ db: ctx.db, clock: ctx.clock, thresholds: ctx.config.experienceThresholds });

  r.post(
    '/api/v1/advocacy/content',
    {
      schema: {
        tags: ['advocacy'],
        summary: 'Add an item to the content library (audience rule and campaign checked)',
        body: contentInputSchema,
        response: { 201: contentViewSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const view = await createContent({ ...service(), input: request.body, createdBy: principal.kind === 'user' ? principal.userId : null });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy_content.created',
        target: { type: 'advocacy_content', id: view.id },
        detail: { title: view.title, url: view.url },
      });
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/api/v1/advocacy/content',
    {
      schema: {
        tags: ['advocacy'],
        summary: 'The library as its managers see it: every item, live, expired or archived, newest first',
        querystring: listQuery,
        response: { 200: contentListSchema },
      },
      config: manage,
    },
    async (request) => listContent({ ...service(), ...request.query }),
  );

  r.get(
    '/api/v1/advocacy/content/:id',
    { schema: { tags: ['advocacy'], summary: 'One library item', params: idParams, response: { 200: contentViewSchema } }, config: manage },
    async (request) => getContent({ ...service(), id: request.params.id }),
  );

  r.patch(
    '/api/v1/advocacy/content/:id',
    {
      schema: {
        tags: ['advocacy'],
        summary: 'Change a library item (links already shared keep redirecting to its URL)',
        params: idParams,
        body: contentPatchSchema,
        response: { 200: contentViewSchema },
      },
      config: manage,
    },
    async (request) => {
      const view = await updateContent({ ...service(), id: request.params.id, patch: request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy_content.updated',
        target: { type: 'advocacy_content', id: view.id },
        detail: { title: view.title, fields: Object.keys(request.body) },
      });
      return view;
    },
  );

  r.delete(
    '/api/v1/advocacy/content/:id',
    {
      schema: {
        tags: ['advocacy'],
        summary: 'Archive a library item: no new shares; its short links keep redirecting',
        params: idParams,
        response: { 200: contentViewSchema },
      },
      config: manage,
    },
    async (request) => {
      const view = await archiveContent({ ...service(), id: request.params.id });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy_content.archived',
        target: { type: 'advocacy_content', id: view.id },
        detail: { title: view.title },
      });
      return view;
    },
  );

  r.get(
    '/api/v1/advocacy/library',
    {
      schema: {
        tags: ['advocacy'],
        summary: "The signed-in person's library: live items whose audience includes them, suggested texts in their language first, their own shares",
        response: { 200: librarySchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => {
      const principal = principalOf(request);
      return listLibrary({ ...service(), personId: principal.kind === 'user' ? principal.personId : null });
    },
  );
}
