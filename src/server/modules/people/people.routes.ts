// /api/v1/people: the directory, profiles, editing one's own profile, import and export.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importReportSchema,
  peopleFacetsSchema,
  peoplePageSchema,
  peopleQuerySchema,
  personProfileSchema,
  profileUpdateSchema,
} from '../../../shared/people.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { auditActorOf, callerCan, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { detectPeopleFileFormat } from './import/parse-people-file.js';
import { importPeopleFile } from './import-people.js';
import { exportPeople, getFacets, getProfile, listAttributeKeys, searchDirectory, updateOwnProfile, type DirectoryViewer } from './people.service.js';
import { toExportStream } from './export-format.js';

const IMPORT_BODY_LIMIT = 200 * 1024 * 1024;

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

  r.post(
    '/api/v1/people/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['people'],
        summary: 'Import people from CSV (text/csv) or JSON Lines (application/x-ndjson); upsert by external_id',
        description: 'Every bad row is reported with its line, field and reason; every good row is kept.',
        response: { 200: importReportSchema },
      },
      config: { access: { permission: 'people:import' } },
    },
    async (request) => {
      const format = detectPeopleFileFormat(request.headers['content-type'] ?? '');
      if (!format || typeof request.body !== 'string') {
        throw new AppError(
          'unsupported_media_type',
          'send the file as text/csv or application/x-ndjson',
          coded('request.expected_media_type', { expected: 'text/csv, application/x-ndjson' }),
        );
      }
      // At the entry, so the entry stays whatever the import becomes: who started which file.
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'people.import_started',
        detail: { format, bytes: Buffer.byteLength(request.body) },
      });
      return importPeopleFile({ db: ctx.db, text: request.body, format });
    },
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
