// /api/v1/experts and /api/v1/contributions: find the colleagues who can help, import evidence.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { availabilitySchema, endorsementInputSchema, endorsementsSchema, expertsQuerySchema, expertsResponseSchema } from '../../../shared/expertise.js';
import { principalOf } from '../identity/index.js';
import { endorseSkill, listEndorsements, setAvailability, withdrawEndorsement } from './endorsements.service.js';
import { importReportSchema } from '../../../shared/people.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { acceptFileBodies } from '../../platform/http/file-body.js';
import type { ModuleContext } from '../module-context.js';
import { findExperts } from './find-experts.js';
import { importContributions } from './import-contributions.js';
import { suggestSkills } from './skill-taxonomy.js';
import { z } from 'zod';
import { UI_LANGUAGES } from '../../../shared/identity.js';
import { Readable } from 'node:stream';
import { byteLimit } from '../../platform/http/file-body.js';

const tooLarge = (maxMb: number) => new AppError('payload_too_large', `the file is larger than ${maxMb} MB`, coded('import.too_large', { max_mb: maxMb }));

export function registerExpertiseRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/experts',
    {
      schema: {
        tags: ['expertise'],
        summary: 'People who can help with a question, best first, with the reasons',
        querystring: expertsQuerySchema,
        response: { 200: expertsResponseSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => {
      const { q, limit, ...filters } = request.query;
      return findExperts({ db: ctx.db, q, limit, filters, thresholds: ctx.config.experienceThresholds });
    },
  );

  const personParams = z.object({ id: z.coerce.number().int().positive() });
  const myPersonId = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.get(
    '/api/v1/people/:id/endorsements',
    {
      schema: {
        tags: ['expertise'],
        summary: "How many colleagues endorsed each of a person's skills",
        params: personParams,
        response: { 200: endorsementsSchema },
      },
      config: { access: { permission: 'people:read' } },
    },
    async (request) => listEndorsements({ db: ctx.db, personId: request.params.id, viewerId: myPersonId(request) }),
  );

  r.post(
    '/api/v1/people/:id/endorsements',
    {
      schema: {
        tags: ['expertise'],
        summary: "Endorse one of a colleague's skills",
        params: personParams,
        body: endorsementInputSchema,
        response: { 201: endorsementsSchema },
      },
      config: { access: { permission: 'skills:endorse' } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await endorseSkill({
          db: ctx.db,
          personId: request.params.id,
          skill: request.body.skill,
          endorserId: myPersonId(request),
          thresholds: ctx.config.experienceThresholds,
        }),
      ),
  );

  r.delete(
    '/api/v1/people/:id/endorsements/:skill',
    {
      schema: {
        tags: ['expertise'],
        summary: 'Withdraw my endorsement',
        params: personParams.extend({ skill: z.string().max(64) }),
        response: { 204: z.undefined() },
      },
      config: { access: { permission: 'skills:endorse' } },
    },
    async (request, reply) => {
      await withdrawEndorsement({ db: ctx.db, personId: request.params.id, skill: request.params.skill, endorserId: myPersonId(request) });
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/v1/experts/me/availability',
    {
      schema: {
        tags: ['expertise'],
        summary: 'Say whether I can be asked for help now',
        body: availabilitySchema,
        response: { 200: z.object({ available: z.boolean(), note: z.string().nullable() }) },
      },
      config: { access: { permission: 'profile:edit-own' } },
    },
    async (request) => setAvailability({ db: ctx.db, personId: myPersonId(request), available: request.body.available, note: request.body.note }),
  );

  // Its own scope: the only place (with the people import) that reads JSON Lines bodies, after authorisation.
  void app.register(async (scope) => {
    // Streamed: lines are read and written in batches as they arrive, so memory does not grow with the file.
    acceptFileBodies(scope, { as: 'stream' });
    const maxBytes = ctx.config.IMPORT_MAX_MB * 1024 * 1024;
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/contributions/import',
      {
        schema: {
          tags: ['expertise'],
          summary: 'Import contributions from JSON Lines (application/x-ndjson); upsert by external_id',
          description:
            'Every bad line is reported with its number, field and reason; every good line is kept. Lines are written in batches as ' +
            'they arrive; a file over IMPORT_MAX_MB is refused (413) when it says its length, else stopped there, keeping the batches written.',
          response: { 200: importReportSchema },
        },
        config: { access: { permission: 'contributions:import' } },
      },
      async (request) => {
        if (!(request.body instanceof Readable) || !/ndjson|jsonl|json-lines/.test(request.headers['content-type'] ?? '')) {
          throw new AppError(
            'unsupported_media_type',
            'send the file as application/x-ndjson',
            coded('request.expected_media_type', { expected: 'application/x-ndjson' }),
          );
        }
        if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(ctx.config.IMPORT_MAX_MB);
        return importContributions({ db: ctx.db, source: request.body.pipe(byteLimit(maxBytes, () => tooLarge(ctx.config.IMPORT_MAX_MB))) });
      },
    );
  });

  r.get(
    '/api/v1/skills/suggest',
    {
      schema: {
        tags: ['expertise'],
        summary: 'Skills whose hashtag, alias or label starts with what was typed, for pickers',
        querystring: z.object({ q: z.string().max(64), lang: z.enum(UI_LANGUAGES).default('en'), limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.object({ suggestions: z.array(z.object({ tag: z.string(), label: z.string(), matched: z.string() })) }) },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => ({
      suggestions: await suggestSkills({ db: ctx.db, prefix: request.query.q, language: request.query.lang, limit: request.query.limit }),
    }),
  );
}
