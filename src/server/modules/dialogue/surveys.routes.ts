// /api/v1/surveys for authors (communicators and admins, DESIGN §3.8): create, list, read, change,
// open and close, delete a draft. Every change is written to the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SURVEY_STATUSES, createSurveySchema, updateSurveySchema, type SurveyView } from '../../../shared/dialogue.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { surveyListSchema, surveyViewSchema } from '../../../shared/survey-views.js';
import { createSurvey, deleteSurvey, getSurvey, listSurveys, updateSurvey } from './surveys.service.js';

const read = { access: { permission: 'surveys:read' as const } };
const write = { access: { permission: 'surveys:write' as const } };

const listQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(SURVEY_STATUSES).optional(),
});

/** What changed in a status, for the audit log: opened and closed are their own actions. */
const statusAction = (before: SurveyView['status'], after: SurveyView['status']) =>
  before !== after && after === 'closed' ? 'surveys.closed' : before !== after && after === 'open' ? 'surveys.opened' : 'surveys.updated';

export function registerSurveyAuthorRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = () => ({ db: ctx.db, clock: ctx.clock });

  r.post(
    '/api/v1/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a survey or quiz (deeply checked; a one-off survey that opens gets round 1)',
        body: createSurveySchema,
        response: { 201: surveyViewSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const survey = await createSurvey({ ...service(), survey: request.body, userId: principal.kind === 'user' ? principal.userId : null });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'surveys.created',
        target: { type: 'survey', id: survey.id },
        detail: { title: survey.title, kind: survey.kind, anonymous: survey.anonymous, status: survey.status },
      });
      return reply.status(201).send(survey);
    },
  );

  r.get(
    '/api/v1/surveys',
    { schema: { tags: ['surveys'], summary: 'Surveys, newest first', querystring: listQuery, response: { 200: surveyListSchema } }, config: read },
    async (request) => listSurveys({ ...service(), ...request.query }),
  );

  r.get(
    '/api/v1/surveys/:id',
    { schema: { tags: ['surveys'], summary: 'One survey as its authors see it', params: idParams, response: { 200: surveyViewSchema } }, config: read },
    async (request) => getSurvey({ ...service(), id: request.params.id }),
  );

  r.patch(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Change a survey: what answers were given to is fixed once anyone answered; status and closing time always',
        params: idParams,
        body: updateSurveySchema,
        response: { 200: surveyViewSchema },
      },
      config: write,
    },
    async (request) => {
      const { survey, before } = await updateSurvey({ ...service(), id: request.params.id, patch: request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: statusAction(before, survey.status),
        target: { type: 'survey', id: survey.id },
        detail: { title: survey.title, fields: Object.keys(request.body), status: survey.status },
      });
      return survey;
    },
  );

  r.delete(
    '/api/v1/surveys/:id',
    { schema: { tags: ['surveys'], summary: 'Delete a draft nobody answered', params: idParams }, config: write },
    async (request, reply) => {
      const row = await deleteSurvey({ ...service(), id: request.params.id });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'surveys.deleted',
        target: { type: 'survey', id: row.id },
        detail: { title: row.title },
      });
      return reply.status(204).send();
    },
  );
}
