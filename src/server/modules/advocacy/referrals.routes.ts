// /api/v1/advocacy/referrals (ADR 0034): refer someone (any person in the directory), my referrals and
// their progress, the owning team's pipeline (or every pipeline with referrals:manage), moves, erasure on
// the referred person's request, and the dashboard.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  myReferralsSchema,
  referralCreateSchema,
  referralDashboardSchema,
  referralDetailSchema,
  referralSchema,
  referralsPageSchema,
  referralsQuerySchema,
  referralUpdateSchema,
} from '../../../shared/referrals.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, callerCan, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import {
  createReferral,
  eraseReferral,
  getReferral,
  listMyReferrals,
  listPipeline,
  moveReferral,
  referralDashboard,
  type ReferralCaller,
  type ReferralTeams,
} from './referrals.service.js';

export function registerReferralRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const teams: ReferralTeams = { customer: ctx.config.REFERRAL_CUSTOMER_TEAM, candidate: ctx.config.REFERRAL_CANDIDATE_TEAM };
  const callerOf = (request: FastifyRequest): ReferralCaller => {
    const principal = principalOf(request);
    return {
      personId: principal.kind === 'user' ? principal.personId : null,
      userId: principal.kind === 'user' ? principal.userId : null,
      manager: callerCan(request, 'referrals:manage'),
    };
  };
  const tags = ['advocacy'];

  r.post(
    '/api/v1/advocacy/referrals',
    {
      schema: {
        tags,
        summary: 'Refer a potential customer or candidate, with their consent',
        description:
          'Needs an account linked to a directory profile, the referred person’s consent (how and when) and an e-mail address or phone number. The same address referred as the same kind while still open is a 409.',
        body: referralCreateSchema,
        response: { 201: referralSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request, reply) =>
      reply.status(201).send(await createReferral({ db: ctx.db, referrerId: callerOf(request).personId, teams, now: ctx.clock(), input: request.body })),
  );

  r.get(
    '/api/v1/advocacy/referrals/mine',
    {
      schema: {
        tags,
        summary: 'My referrals and how far each has come; the owning team I work in, if any',
        response: { 200: myReferralsSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => listMyReferrals({ db: ctx.db, personId: callerOf(request).personId, teams }),
  );

  r.get(
    '/api/v1/advocacy/referrals/dashboard',
    {
      schema: {
        tags,
        summary: 'Referral figures: by status, kind, month and referrer department (small departments fold into "other")',
        response: { 200: referralDashboardSchema },
      },
      config: { access: { permission: 'referrals:manage' } },
    },
    async () => referralDashboard({ db: ctx.db, minGroup: ctx.config.PRIVACY_MIN_GROUP }),
  );

  r.get(
    '/api/v1/advocacy/referrals',
    {
      schema: {
        tags,
        summary: 'The pipeline: my team’s referrals, or all with referrals:manage, newest first',
        querystring: referralsQuerySchema,
        response: { 200: referralsPageSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) => listPipeline({ db: ctx.db, caller: callerOf(request), teams, ...request.query }),
  );

  r.get(
    '/api/v1/advocacy/referrals/:id',
    {
      schema: { tags, summary: 'One referral with its history (its team or referrals:manage)', params: idParams, response: { 200: referralDetailSchema } },
      config: { access: { signedIn: true } },
    },
    async (request) => getReferral({ db: ctx.db, caller: callerOf(request), teams, id: request.params.id }),
  );

  r.patch(
    '/api/v1/advocacy/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Move a referral in the pipeline (new → contacted → qualified → won; any open → lost)',
        description: 'A closed referral is reopened (to contacted) only with referrals:manage. A win gives the referrer the referral_converted points once.',
        params: idParams,
        body: referralUpdateSchema,
        response: { 200: referralSchema },
      },
      config: { access: { signedIn: true } },
    },
    async (request) =>
      moveReferral({
        db: ctx.db,
        caller: callerOf(request),
        teams,
        id: request.params.id,
        status: request.body.status,
        note: request.body.note,
        now: ctx.clock(),
        onMoved: (trx, from, points) =>
          recordAudit({
            db: trx,
            actor: auditActorOf(request),
            action: 'referrals.moved',
            target: { type: 'referral', id: request.params.id },
            detail: { from, to: request.body.status, points },
          }),
      }),
  );

  r.delete(
    '/api/v1/advocacy/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Erase a referral on the referred person’s request',
        params: idParams,
        response: { 204: z.undefined() },
      },
      config: { access: { permission: 'referrals:manage' } },
    },
    async (request, reply) => {
      await eraseReferral({
        db: ctx.db,
        id: request.params.id,
        onErased: (trx) =>
          recordAudit({ db: trx, actor: auditActorOf(request), action: 'referrals.erased', target: { type: 'referral', id: request.params.id } }),
      });
      return reply.status(204).send();
    },
  );
}
