// /api/v1/experts and /api/v1/contributions: find the colleagues who can help, import evidence.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expertsQuerySchema, expertsResponseSchema } from '../../../shared/expertise.js';
import { importReportSchema } from '../../../shared/people.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ModuleContext } from '../module-context.js';
import { findExperts } from './find-experts.js';
import { importContributionsFile } from './import-contributions.js';

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
}
