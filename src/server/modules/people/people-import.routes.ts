// /api/v1/people/import and /api/v1/people/imports: upload a people file (streamed into the database,
// imported by a background job) and follow the import: state, progress, counts and the report.
// Registered in its own scope: only here are CSV and JSON Lines bodies read, after authorisation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { importProblemsPageSchema, peopleImportSchema } from '../../../shared/people.js';
import { acceptFileBodies } from '../../platform/http/file-body.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { detectPeopleFileFormat } from './import/parse-people-file.js';
import { getPeopleImport, listImportProblems, startPeopleImport } from './import-people.js';

function tooLarge(maxMb: number): AppError {
  return new AppError('payload_too_large', `the file is larger than ${maxMb} MB`, { messageCode: 'import.too_large', params: { max_mb: maxMb } });
}

export async function registerPeopleImportRoutes(scope: FastifyInstance, ctx: ModuleContext): Promise<void> {
  acceptFileBodies(scope, { as: 'stream' });
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const maxMb = ctx.config.IMPORT_MAX_MB;

  r.post(
    '/api/v1/people/import',
    {
      schema: {
        tags: ['people'],
        summary: 'Import people from CSV (text/csv) or JSON Lines (application/x-ndjson); upsert by external_id',
        description:
          'The file is stored and imported in the background: the answer (202) is the import, to follow at the Location it names. ' +
          'Every bad row is reported with its line, field and a message code; every good row is kept.',
        querystring: z.object({ file_name: z.string().trim().max(255).optional().describe('the name of the uploaded file, shown in the report') }),
        response: { 202: peopleImportSchema },
      },
      config: { access: { permission: 'people:import' } },
    },
    async (request, reply) => {
      const format = detectPeopleFileFormat(request.headers['content-type'] ?? '');
      if (!format || !(request.body instanceof Readable)) {
        throw new AppError('unsupported_media_type', 'send the file as text/csv or application/x-ndjson', coded('import.unsupported_media_type'));
      }
      if (Number(request.headers['content-length'] ?? 0) > maxMb * 1024 * 1024) throw tooLarge(maxMb);
      const principal = principalOf(request);
      const started = await startPeopleImport({
        db: ctx.db,
        jobs: ctx.jobs,
        body: request.body,
        format,
        fileName: request.query.file_name ?? null,
        createdByUserId: principal.kind === 'user' ? principal.userId : null,
        maxBytes: maxMb * 1024 * 1024,
        batchRows: ctx.config.IMPORT_BATCH_ROWS,
      });
      // Who started which file, at the entry the API and the CLI share.
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'people.import_started',
        detail: { format, bytes: started.bytes, file: started.file_name },
        target: { type: 'people_import', id: started.id },
      });
      return reply.status(202).header('location', `/api/v1/people/imports/${started.id}`).send(started);
    },
  );

  r.get(
    '/api/v1/people/imports/:id',
    {
      schema: { tags: ['people'], summary: 'A people import: state, progress and counts', params: idParams, response: { 200: peopleImportSchema } },
      config: { access: { permission: 'people:import' } },
    },
    async (request) => getPeopleImport({ db: ctx.db, importId: request.params.id }),
  );

  r.get(
    '/api/v1/people/imports/:id/problems',
    {
      schema: {
        tags: ['people'],
        summary: "A people import's report: every problem of every row in file order, in cursor pages",
        params: idParams,
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: importProblemsPageSchema },
      },
      config: { access: { permission: 'people:import' } },
    },
    async (request) => listImportProblems({ db: ctx.db, importId: request.params.id, cursor: request.query.cursor, limit: request.query.limit }),
  );
}
