// /api/v1/surveys for respondents: any signed-in person with a directory profile sees the surveys open
// for them (with their campaign, for the feed), one survey before answering, and answers it once per
// round. A survey not for them is a 404, so its existence does not leak.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { surveyAnswersSchema } from '../../../shared/dialogue.js';
import { idParams } from '../../platform/http/id-params.js';
import { principalOf } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { openSurveysSchema, receiptSchema, respondentSurveySchema } from '../../../shared/survey-views.js';
import { getSurveyForRespondent, listOpenSurveys, submitResponse } from './respond.service.js';

const signedIn = { access: { signedIn: true as const } };

export function registerSurveyRespondRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = () => ({ db: ctx.db, clock: ctx.clock, thresholds: ctx.config.experienceThresholds });
  const personOf = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.get(
    '/api/v1/surveys/open',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The surveys the signed-in person may answer now, each with its campaign and whether they answered',
        response: { 200: openSurveysSchema },
      },
      config: signedIn,
    },
    async (request) => ({ items: await listOpenSurveys({ ...service(), personId: personOf(request) }) }),
  );

  r.get(
    '/api/v1/surveys/:id/respond',
    {
      schema: {
        tags: ['surveys'],
        summary: 'One survey as the signed-in person answers it (404 when it is not for them)',
        params: idParams,
        response: { 200: respondentSurveySchema },
      },
      config: signedIn,
    },
    async (request) => getSurveyForRespondent({ ...service(), id: request.params.id, personId: personOf(request) }),
  );

  r.post(
    '/api/v1/surveys/:id/responses',
    {
      schema: {
        tags: ['surveys'],
        summary: "The signed-in person's answer: once per round (a failed quiz may be taken again)",
        params: idParams,
        body: surveyAnswersSchema,
        response: { 201: receiptSchema },
      },
      config: signedIn,
    },
    async (request, reply) => {
      const receipt = await submitResponse({ ...service(), id: request.params.id, personId: personOf(request), answers: request.body.answers });
      return reply.status(201).send(receipt);
    },
  );
}
