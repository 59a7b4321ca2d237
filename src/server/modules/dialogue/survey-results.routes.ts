// GET /api/v1/surveys/:id/results (DESIGN §3.8, ADR 0029): a survey's results per question and segment
// group, k-anonymous, with eNPS and the trend over rounds; and the same as CSV (audited), for those
// who may read surveys as their authors (communicators, admins); employees and leaders get a 403.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SegmentKey } from '../../../shared/dialogue.js';
import { surveyResultsQuerySchema, surveyResultsSchema } from '../../../shared/survey-results.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { surveyResultsCsv } from './results-csv.js';
import { getSurveyResults } from './results.service.js';

const read = { access: { permission: 'surveys:read' as const } };

export function registerSurveyResultsRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const results = (id: number, query: { round: number | 'all'; by?: SegmentKey[] }) =>
    getSurveyResults({ db: ctx.db, k: ctx.config.PRIVACY_MIN_GROUP, id, round: query.round, by: query.by });

  r.get(
    '/api/v1/surveys/:id/results',
    {
      schema: {
        tags: ['surveys'],
        summary:
          "A survey's results: answers per question, eNPS, by segment group and per round; every figure of a group smaller than k (or recoverable from shown ones) is null",
        params: idParams,
        querystring: surveyResultsQuerySchema,
        response: { 200: surveyResultsSchema },
      },
      config: read,
    },
    async (request) => results(request.params.id, request.query),
  );

  r.get(
    '/api/v1/surveys/:id/results.csv',
    {
      schema: {
        tags: ['surveys'],
        summary: "A survey's results as CSV, one row per group, question and figure (hidden figures empty); audited",
        params: idParams,
        querystring: surveyResultsQuerySchema,
      },
      config: read,
    },
    async (request, reply) => {
      const data = await results(request.params.id, request.query);
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'reports.exported',
        target: { type: 'survey', id: request.params.id },
        detail: { round: String(data.round), by: data.by_segment.map((s) => s.key).join(',') },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${data.survey}-results.csv"`)
        .send(surveyResultsCsv(data));
    },
  );
}
