// /api/v1/experts and /api/v1/contributions: find the colleagues who can help, import evidence.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expertsQuerySchema, expertsResponseSchema } from '../../../shared/expertise.js';
import { importReportSchema } from '../../../shared/people.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ModuleContext } from '../module-context.js';
import { findExperts } from './find-experts.js';
import { importContributionsFile } from './import-contributions.js';
import { suggestSkills } from './skill-taxonomy.js';
import { z } from 'zod';
import { UI_LANGUAGES } from '../../../shared/identity.js';

export function registerExpertiseRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/experts', {
    schema: { tags: ['expertise'], summary: 'People who can help with a question, best first, with the reasons', querystring: expertsQuerySchema, response: { 200: expertsResponseSchema } },
    config: { access: { signedIn: true } },
  }, async (request) => findExperts({ db: ctx.db, q: request.query.q, limit: request.query.limit, thresholds: ctx.config.experienceThresholds }));

  r.post('/api/v1/contributions/import', {
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags: ['expertise'],
      summary: 'Import contributions from JSON Lines (application/x-ndjson); upsert by external_id',
      description: 'Every bad line is reported with its number, field and reason; every good line is kept.',
      response: { 200: importReportSchema },
    },
    config: { access: { permission: 'contributions:import' } },
  }, async (request) => {
    if (typeof request.body !== 'string' || !/ndjson|jsonl|json-lines/.test(request.headers['content-type'] ?? '')) {
      throw new AppError('unsupported_media_type', 'send the file as application/x-ndjson');
    }
    return importContributionsFile({ db: ctx.db, text: request.body });
  });

  r.get('/api/v1/skills/suggest', {
    schema: {
      tags: ['expertise'],
      summary: 'Skills whose hashtag, alias or label starts with what was typed, for pickers',
      querystring: z.object({ q: z.string().max(64), lang: z.enum(UI_LANGUAGES).default('en'), limit: z.coerce.number().int().min(1).max(50).default(10) }),
      response: { 200: z.object({ suggestions: z.array(z.object({ tag: z.string(), label: z.string(), matched: z.string() })) }) },
    },
    config: { access: { signedIn: true } },
  }, async (request) => ({ suggestions: await suggestSkills({ db: ctx.db, prefix: request.query.q, language: request.query.lang, limit: request.query.limit }) }));
}
