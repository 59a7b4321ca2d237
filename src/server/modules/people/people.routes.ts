// /api/v1/people: the directory, profiles, editing one's own profile and export (import: people-import.routes.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { peopleFacetsSchema, peoplePageSchema, peopleQuerySchema, personProfileSchema, profileUpdateSchema } from '../../../shared/people.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import { auditActorOf, callerCan, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { registerPeopleImportRoutes } from './people-import.routes.js';
import { exportPeople, getFacets, getProfile, listAttributeKeys, searchDirectory, updateOwnProfile, type DirectoryViewer } from './people.service.js';
import { toExportStream } from './export-format.js';

function viewerOf(request: FastifyRequest): DirectoryViewer {
  const principal = principalOf(request);
  return { personId: principal.kind === 'user' ? principal.personId : null, showHr: callerCan(request, 'people:read-hr') };
}

function ownPersonId(request: FastifyRequest): number {
  const viewer = viewerOf(request);
  if (viewer.personId === null) throw notFound('a directory profile for this account', coded('profile.none'));
  return viewer.personId;
}

export function registerPeopleRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const thresholds = ctx.config.experienceThresholds;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Its own scope: the only place people files are read (see platform/http/file-body.ts).
  void app.register(async (scope) => registerPeopleImportRoutes(scope, ctx));

  r.get(
    '/api/v1/people',
    {
      schema: { tags: ['people'], summary: 'Search the directory', querystring: peopleQuerySchema, response: { 200: peoplePageSchema } },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => searchDirectory({ db: ctx.db, query: request.query, viewer: viewerOf(request), thresholds }),
  );

  r.get(
    '/api/v1/people/facets',
    {
      schema: { tags: ['people'], summary: 'Departments, locations and skills with counts', response: { 200: peopleFacetsSchema } },
      config: { access: { permission: 'people:read' } },
    },
    async () => getFacets({ db: ctx.db }),
  );

  r.get(
    '/api/v1/people/me',
    {
      schema: { tags: ['people'], summary: 'My own profile', response: { 200: personProfileSchema } },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => getProfile({ db: ctx.db, personId: ownPersonId(request), viewer: viewerOf(request), thresholds }),
  );

  r.patch(
    '/api/v1/people/me',
    {
      schema: {
        tags: ['people'],
        summary: 'Edit my profile (fields from HR stay read-only)',
        body: profileUpdateSchema,
        response: { 200: personProfileSchema },
      },
      config: { access: { permission: 'profile:edit-own' } },
    },
    async (request) => updateOwnProfile({ db: ctx.db, personId: ownPersonId(request), update: request.body, viewer: viewerOf(request), thresholds }),
  );

  r.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: "A person's profile",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: personProfileSchema },
      },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => getProfile({ db: ctx.db, personId: request.params.id, viewer: viewerOf(request), thresholds }),
  );

  r.get(
    '/api/v1/people/export',
    {
      schema: {
        tags: ['people'],
        summary: 'Export everyone in the import format',
        querystring: z.object({ format: z.enum(['csv', 'jsonl']).default('csv') }),
      },
      config: { access: { permission: 'people:export' } },
    },
    async (request, reply) => {
      const format = request.query.format;
      const keys = format === 'csv' ? await listAttributeKeys({ db: ctx.db }) : [];
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'people.exported', detail: { format } });
      const stream = toExportStream(exportPeople({ db: ctx.db, thresholds }), format, keys);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="people.${format}"`)
        .send(stream);
    },
  );
}
