// /api/v1/advocacy/maturity/* and /api/v1/advocacy/waves (issue 12, ADR 0033): the self-assessment
// and one's own stage for everyone signed in; stages, people by stage, adoption and onboarding waves
// for who runs the programme (advocacy:manage).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { idParams } from '../../platform/http/id-params.js';
import {
  adoptionQuerySchema,
  adoptionSchema,
  assessmentInputSchema,
  assessmentQuestionsSchema,
  assessmentResultSchema,
  inviteResultSchema,
  myMaturitySchema,
  stagePeopleQuerySchema,
  stagePeopleSchema,
  stagesOverviewSchema,
  suggestedWavesSchema,
  waveInputSchema,
  waveListSchema,
  waveSchema,
} from '../../../shared/advocacy-maturity.js';
import { adoptionByStage, assessmentQuestions, myMaturity, peopleAtStage, stagesOverview, submitAssessment } from './maturity.service.js';
import { createWave, deleteWave, getWave, inviteWave, listWaves, suggestedWaves, updateWave, type WaveContext } from './waves.service.js';

const signedIn = { access: { signedIn: true as const } };
const manage = { access: { permission: 'advocacy:manage' as const } };
const tags = ['advocacy'];

export function registerMaturityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const thresholds = ctx.config.experienceThresholds;
  const k = ctx.config.PRIVACY_MIN_GROUP;
  const me = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };
  const userId = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.userId : null;
  };
  const waves = (request: FastifyRequest): WaveContext => ({
    db: ctx.db,
    config: ctx.config,
    jobs: ctx.jobs,
    clock: ctx.clock,
    logger: request.log as unknown as Logger,
  });

  r.get(
    '/api/v1/advocacy/maturity/assessment',
    { schema: { tags, summary: 'The self-assessment: question and option codes', response: { 200: assessmentQuestionsSchema } }, config: signedIn },
    async () => assessmentQuestions(),
  );

  r.post(
    '/api/v1/advocacy/maturity/assessment',
    {
      schema: {
        tags,
        summary: 'Answer the self-assessment: places me in the 3×3 grid, sets my stage and earns points',
        body: assessmentInputSchema,
        response: { 201: assessmentResultSchema },
      },
      config: signedIn,
    },
    async (request, reply) =>
      reply.status(201).send(await submitAssessment({ db: ctx.db, personId: me(request), answers: request.body.answers, at: ctx.clock() })),
  );

  r.get(
    '/api/v1/advocacy/maturity/me',
    { schema: { tags, summary: 'My stage, its grid cell, my last assessment and who set it', response: { 200: myMaturitySchema } }, config: signedIn },
    async (request) => myMaturity({ db: ctx.db, personId: me(request), thresholds }),
  );

  r.get(
    '/api/v1/advocacy/maturity/stages',
    {
      schema: { tags, summary: 'Per stage: active people, participants, sharers and invited (under k withheld)', response: { 200: stagesOverviewSchema } },
      config: manage,
    },
    async () => stagesOverview({ db: ctx.db, minGroup: k }),
  );

  r.get(
    '/api/v1/advocacy/maturity/people',
    {
      schema: {
        tags,
        summary: 'Active people at a stage (0: none), for planning waves',
        querystring: stagePeopleQuerySchema,
        response: { 200: stagePeopleSchema },
      },
      config: manage,
    },
    async (request) => peopleAtStage({ db: ctx.db, ...request.query, thresholds }),
  );

  r.get(
    '/api/v1/advocacy/maturity/adoption',
    {
      schema: {
        tags,
        summary: 'Daily counts per stage over the last weeks (under k withheld)',
        querystring: adoptionQuerySchema,
        response: { 200: adoptionSchema },
      },
      config: manage,
    },
    async (request) => adoptionByStage({ db: ctx.db, weeks: request.query.weeks, minGroup: k, at: ctx.clock() }),
  );

  r.get(
    '/api/v1/advocacy/waves/suggested',
    { schema: { tags, summary: 'The default wave plan from the maturity grid', response: { 200: suggestedWavesSchema } }, config: manage },
    async (request) => suggestedWaves(waves(request)),
  );

  r.get('/api/v1/advocacy/waves', { schema: { tags, summary: 'Onboarding waves', response: { 200: waveListSchema } }, config: manage }, async (request) =>
    listWaves(waves(request)),
  );

  r.post(
    '/api/v1/advocacy/waves',
    { schema: { tags, summary: 'Plan an onboarding wave', body: waveInputSchema, response: { 201: waveSchema } }, config: manage },
    async (request, reply) => {
      const wave = await createWave(waves(request), request.body);
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy.wave_created',
        target: { type: 'advocacy_wave', id: wave.id },
        detail: { number: wave.number, stages: wave.stages },
      });
      return reply.status(201).send(wave);
    },
  );

  r.get(
    '/api/v1/advocacy/waves/:id',
    { schema: { tags, summary: 'One onboarding wave', params: idParams, response: { 200: waveSchema } }, config: manage },
    async (request) => getWave(waves(request), request.params.id),
  );

  r.put(
    '/api/v1/advocacy/waves/:id',
    { schema: { tags, summary: 'Change a wave before it invites', params: idParams, body: waveInputSchema, response: { 200: waveSchema } }, config: manage },
    async (request) => {
      const wave = await updateWave(waves(request), request.params.id, request.body);
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy.wave_updated',
        target: { type: 'advocacy_wave', id: wave.id },
        detail: { number: wave.number, stages: wave.stages },
      });
      return wave;
    },
  );

  r.delete(
    '/api/v1/advocacy/waves/:id',
    { schema: { tags, summary: 'Delete a wave before it invites', params: idParams }, config: manage },
    async (request, reply) => {
      await deleteWave(waves(request), request.params.id);
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy.wave_deleted',
        target: { type: 'advocacy_wave', id: request.params.id },
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/advocacy/waves/:id/invite',
    {
      schema: {
        tags,
        summary: "Invite the wave's people with one campaign (held for approval under CAMPAIGN_APPROVAL); a second invite is a 409",
        params: idParams,
        response: { 200: inviteResultSchema },
      },
      config: manage,
    },
    async (request) => {
      const result = await inviteWave(waves(request), request.params.id, userId(request));
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'advocacy.wave_invited',
        target: { type: 'advocacy_wave', id: request.params.id },
        detail: { campaign_id: result.campaign_id, members: result.members, campaign_status: result.campaign_status },
      });
      return result;
    },
  );
}
